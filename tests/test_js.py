"""The site's JavaScript keeps the Python side's discipline (issue 30): modules without an import
cycle, every module type-checked, one action attribute, one error-slot attribute and one module
that touches the browser's storage."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "docs" / "assets" / "js"
MODULES = sorted(JS.glob("*.js"))
# What a module imports, statically or dynamically, by a relative path.
IMPORT = re.compile(
    r"""(?:import|export)\s[^;]*?from\s*["'](\.{1,2}/[^"']+)["']"""
    r"""|import\(\s*["'](\.{1,2}/[^"']+)["']\s*\)"""
)


def imports(path: Path) -> set[str]:
    found = IMPORT.findall(path.read_text(encoding="utf-8"))
    return {(path.parent / (a or b)).resolve().name for a, b in found}


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (module → what it imports), or None."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        path.append(name)
        for other in sorted(graph.get(name, ())):
            if state.get(other) == "open":
                return [*path[path.index(other) :], other]
            if other not in state and (found := visit(other)):
                return found
        state[name] = "done"
        path.pop()
        return None

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_the_cycle_finder_finds_the_cycle_main_had() -> None:
    """session-mode.js imported computeArgs from tools.js, which imported session-mode.js."""
    graph = {"tools.js": {"session-mode.js", "regions.js"}, "session-mode.js": {"tools.js"}}
    assert set(cycle(graph) or ()) == {"tools.js", "session-mode.js"}
    assert cycle({"a.js": {"b.js"}, "b.js": set()}) is None


def test_no_module_imports_itself_back() -> None:
    assert cycle({path.name: imports(path) for path in MODULES}) is None


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_every_module_is_type_checked(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("// @ts-check\n")


@pytest.mark.parametrize("config", ["tsconfig.json", "tsconfig.worker.json"])
def test_the_types_hold(config: str) -> None:
    tsc = ROOT / "node_modules" / ".bin" / "tsc"
    if not tsc.exists():  # ./scripts/setup installs the pinned TypeScript (package.json)
        pytest.fail("TypeScript is not installed: run ./scripts/setup")
    assert shutil.which("node"), "node is needed for tsc"
    done = subprocess.run(
        [str(tsc), "-p", config], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def shipped_text() -> str:
    """Every script, template and renderer that writes the page's attributes."""
    paths = [
        *MODULES,
        *(ROOT / "overrides").rglob("*.html"),
        *(ROOT / "drills" / "render").rglob("*.py"),
    ]
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


def test_one_action_attribute_and_one_error_slot_attribute() -> None:
    text = shipped_text()
    assert set(re.findall(r"data-[a-z-]*action[a-z-]*", text)) == {"data-action"}
    # data-audit-error is no slot: it marks the reason Python wrote into a failed file's item.
    errors = set(re.findall(r"data-[a-z-]*error[a-z-]*", text))
    assert errors == {"data-error-for", "data-audit-error"}


def test_one_module_touches_the_browsers_storage() -> None:
    touching = {p.name for p in MODULES if "localStorage" in p.read_text(encoding="utf-8")}
    assert touching == {"storage.js"}
