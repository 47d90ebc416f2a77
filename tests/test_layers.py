"""The tree shows the layers: domain → rendering → bridge → the site's build → its hooks, never
the other way; what the tests and the benchmark share (devtools) comes last."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each may import only those before it.
LAYERS = ("domain", "render", "bridge", "build", "hooks", "devtools")


# The domain packages, named so a new package is placed on purpose (the rest of drills/*.py is
# domain too); drills.history reads whole archives (the history page).
DOMAIN_PACKAGES = ("drills.runs", "drills.training_log", "drills.library", "drills.history")


def layer(module: str) -> str:
    if module.startswith(DOMAIN_PACKAGES):
        return "domain"
    if module.startswith("hooks"):
        return "hooks"
    if module.startswith("sitebuild"):
        return "build"
    if module.startswith("devtools"):
        return "devtools"
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
    return {name for name in found if name.startswith(PACKAGES)}


PACKAGES = ("drills", "sitebuild", "hooks", "devtools")
MODULES = sorted(p for folder in PACKAGES for p in (ROOT / folder).rglob("*.py"))


def test_every_package_of_drills_is_placed_in_a_layer() -> None:
    packages = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "drills").glob("*/__init__.py")
    }
    placed = {*DOMAIN_PACKAGES, "drills.render", "drills.bridge"}
    assert packages == placed


def test_the_build_is_imported_as_a_package_not_found_by_editing_the_path() -> None:
    """The hooks, the build and the scripts import what they need as installed packages
    (scripts/setup); the benchmark imports nothing from tests/."""
    scripts = sorted((ROOT / "scripts").glob("*.py"))
    edits = [
        str(path.relative_to(ROOT))
        for path in [*MODULES, *scripts]
        if not path.is_relative_to(ROOT / "drills") and "sys.path" in path.read_text()
    ]
    assert edits == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_imports_only_its_own_layer_and_those_below(path: Path) -> None:
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    own = LAYERS.index(layer(name))
    above = {i for i in imports(path) if LAYERS.index(layer(i)) > own}
    assert above == set(), f"{name} ({LAYERS[own]}) imports {sorted(above)}"


def modules_named(node: ast.AST) -> list[str]:
    """The modules an import statement loads (a name imported from a package may be one)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom) or not node.module:
        return []
    inner = [f"{node.module}.{alias.name}" for alias in node.names]
    return [
        node.module,
        *(
            name
            for name in inner
            if (ROOT / name.replace(".", "/")).exists()
            or (ROOT / f"{name.replace('.', '/')}.py").exists()
        ),
    ]


def test_the_snapshot_holds_every_module_a_call_needs_and_not_the_build() -> None:
    """The memory snapshot holds what `drills.bridge` imports (scripts/make-snapshot.mjs), and the
    restored file system has no `drills` files: no call may import one later. The chapters'
    pages and figures, which only the build uses, stay out of every visitor's download."""
    code = "import sys, drills.bridge; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    loaded = set(done.stdout.split())
    assert {"drills.bridge", "drills.bridge.audit", "drills.runs.fit"} <= loaded, done.stderr
    assert {"drills.bridge.history", "drills.history.archive"} <= loaded  # the history page's
    assert not {m for m in loaded if m.startswith(("drills.render.pages", "drills.references"))}
    late = {
        name
        for path in MODULES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and "drills" in path.parts
        for inner in ast.walk(node)
        for name in modules_named(inner)
        if name.startswith("drills")
    }
    assert late <= loaded, f"imported only inside a function: {sorted(late - loaded)}"


# The domain packages whose __init__ says what they offer (__all__): their face.
FACES = tuple(
    sorted(
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "drills").glob("*/__init__.py")
        if "__all__" in init.read_text(encoding="utf-8")
    )
)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_across_layers_only_public_names_and_above_the_rendering_only_faces(path: Path) -> None:
    """A layer never reaches for another's underscore names; the bridge, the build and the hooks
    take a domain package's names from its face (``drills.training_log``), not its modules."""
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    own = layer(name)
    wrong = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom) or not node.module or node.level:
            continue
        if not node.module.startswith(PACKAGES) or layer(node.module) == own:
            continue
        parts = [*node.module.split("."), *(alias.name for alias in node.names)]
        wrong += [f"{node.module}: {p}" for p in parts if p.startswith("_") and p != "__main__"]
        if own in ("bridge", "build", "hooks") and node.module.startswith(
            tuple(f"{f}." for f in FACES)
        ):
            wrong.append(f"{node.module}, not its package's face")
    assert wrong == []
