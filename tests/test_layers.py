"""The tree shows the layers: domain → rendering → bridge → site hooks, never the other way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ("domain", "render", "bridge", "hooks")  # each may import only those before it


def layer(module: str) -> str:
    if module.startswith("hooks"):
        return "hooks"
    if module.startswith("drills.bridge"):
        return "bridge"
    if module.startswith("drills.render"):
        return "render"
    return "domain"


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith(("drills", "hooks"))}


MODULES = sorted(p for folder in ("drills", "hooks") for p in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_its_own_layer_and_those_below(path: Path) -> None:
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    own = LAYERS.index(layer(name))
    above = {i for i in imports(path) if LAYERS.index(layer(i)) > own}
    assert above == set(), f"{name} ({LAYERS[own]}) imports {sorted(above)}"
