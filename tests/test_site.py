"""The built site: generated pages, chapters, links, and what it must not contain."""

from __future__ import annotations

import gzip
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from drills import catalog, references
from sitebuild import service_worker
from tests.pages import LINKS

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = [f"{key}/index.md" for key in catalog.CHAPTERS]
FOREIGN = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1)""")


class Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.imgs_without_alt = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "img" and not a.get("alt"):
            self.imgs_without_alt += 1


def page_text(path: Path) -> str:
    """The page's text as a reader sees it: tags (abbreviations too) removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")))


def parse(path: Path) -> Ids:
    ids = Ids()
    ids.feed(path.read_text(encoding="utf-8"))
    return ids


def test_every_drill_has_a_page_with_its_name_and_cues(site_dir: Path) -> None:
    for drill in catalog.DRILLS:
        text = page_text(site_dir / "drills" / drill.id / "index.html")
        assert drill.name in text
        for cue in drill.cues:
            assert cue in text, (drill.id, cue)


def test_catalog_lists_every_drill_with_filters(site_dir: Path) -> None:
    html = (site_dir / "drills" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<tr data-chapter="(\w+)" data-level="(\w+)">\s*<td><a href="([^"]+)/">', html
    )
    assert [r[2] for r in rows] == [d.id for d in catalog.DRILLS]
    assert "data-catalog-filter" in html


def test_references_page_has_an_anchor_per_key(site_dir: Path) -> None:
    ids = set(parse(site_dir / "references" / "index.html").ids)
    assert set(references.REFERENCES) <= ids


def test_published_drill_urls_exist_in_the_build(site_dir: Path) -> None:
    for url in (ROOT / "tests" / "published_drill_urls.txt").read_text().split():
        assert (site_dir / url.strip("/") / "index.html").exists(), url


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    # 404.html is served at any depth, so MkDocs gives it absolute links on purpose.
    pages = {p: parse(p) for p in site_dir.rglob("*.html") if p.name != "404.html"}
    broken = []
    for page, parsed in pages.items():
        for href in parsed.links:
            if href.startswith(("http:", "https:", "mailto:", "javascript:", "data:")):
                continue
            path, _, anchor = href.partition("#")
            path = path.split("?")[0]
            target = (page.parent / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site_dir)} → {href}")
            elif anchor and target.suffix == ".html" and anchor not in pages[target].ids:
                broken.append(f"{page.relative_to(site_dir)} → {href} (no anchor)")
    assert broken == []


CDN = (
    r"(?:https?:)?//(?:unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|fonts\.googleapis\.com)"
)


def test_no_page_refers_to_another_origin(site_dir: Path) -> None:
    offenders = []
    for page in site_dir.rglob("*"):
        if page.suffix in (".html", ".css", ".js", ".mjs", ".map") and "pyodide" not in page.parts:
            text = page.read_text(encoding="utf-8", errors="replace")
            # Outbound <a href> links to cited papers are fine; loading anything is not, nor is
            # naming a CDN that a script could load from (Material's bundle names unpkg.com).
            loads = re.findall(r"""(?:src=|@import\s+|url\()["']?(?:https?:)?//[^"')\s]+""", text)
            loads += re.findall(CDN, text)
            if loads:
                offenders.append((page.relative_to(site_dir), loads[:3]))
            # A Mermaid diagram would need the script sitebuild/same_origin.py removed.
            if 'class="mermaid"' in text:
                offenders.append((page.relative_to(site_dir), ["a Mermaid diagram"]))
    assert offenders == []


def test_materials_bundle_asks_to_be_compiled_in_the_background(site_dir: Path) -> None:
    """The compile hint counts only on the very first line (sitebuild/compile_hints.py)."""
    bundles = list((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(bundles) == 1
    first, second = bundles[0].read_text(encoding="utf-8").split("\n", 2)[:2]
    assert first == "//# allFunctionsCalledOnLoad"
    assert second.startswith('"use strict";')  # the bundle itself follows, whole


def test_every_page_holds_its_first_paint_until_its_last_element(site_dir: Path) -> None:
    """The first paint waits for #__config (overrides/main.html); a page lacking that element
    would not paint until fully parsed, so every page must have it, after the holding link."""
    pages = list(site_dir.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        if '<meta http-equiv="refresh"' in html and "md-content" not in html:
            continue  # a renamed drill's redirect stub (mkdocs.yml): it paints nothing
        hold = html.find('<link rel="expect" href="#__config" blocking="render">')
        assert 0 < hold < html.find('id="__config"'), path
    assert len(pages) > 40


def test_runtime_holds_only_what_the_site_needs(site_dir: Path) -> None:
    import json

    names = sorted(p.name for p in (site_dir / "pyodide").iterdir())
    wheel = [n for n in names if n.endswith(".whl")]
    assert wheel and wheel[0].startswith("drills-")
    assert set(names) - set(wheel) == {
        "pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
        "snapshot.bin.gz", "pyodide.asm.mjs.gz", "pyodide.asm.wasm.gz", "python_stdlib.zip.gz",
    }  # fmt: skip
    for name in ("pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):  # the same bytes
        packed = gzip.decompress((site_dir / "pyodide" / f"{name}.gz").read_bytes())
        assert packed == (site_dir / "pyodide" / name).read_bytes()
    lock = json.loads((site_dir / "pyodide" / "pyodide-lock.json").read_text())
    assert list(lock["packages"]) == ["drills"]
    assert lock["packages"]["drills"]["file_name"] == wheel[0]


def test_the_shipped_standard_library_is_pyodides_holding_what_the_package_imports(
    site_dir: Path,
) -> None:
    import ast
    import zipfile

    shipped = zipfile.ZipFile(site_dir / "pyodide" / "python_stdlib.zip")
    full = zipfile.ZipFile(ROOT / "node_modules" / "pyodide" / "python_stdlib.zip")
    names, pyodides = set(shipped.namelist()), set(full.namelist())
    assert all(shipped.read(n) == full.read(n) for n in names)  # Pyodide's files, unchanged
    assert len(names) < len(pyodides) / 2
    # Every standard module `drills` names, at any depth of a function, is there to import
    # (bar its command lines, which a browser never runs).
    named = set()
    for path in (ROOT / "drills").rglob("*.py"):
        if path.name == "__main__.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                named |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                named.add(node.module)
    for module in named:
        stem = module.replace(".", "/")
        in_full = {f"{stem}.py", f"{stem}/__init__.py"} & pyodides
        assert not in_full or in_full <= names, module
    # And the codecs a reader's activity file may need (drills.runs.read, an XML declaration).
    for codec in ("utf-8", "utf-16", "utf-16-le", "latin-1", "cp1252", "iso-8859-15"):
        module = codecs_module(codec)
        assert f"encodings/{module}.py" in names, codec


def codecs_module(name: str) -> str:
    """The module of `encodings` that serves the codec called ``name`` (as its search does)."""
    import encodings
    import encodings.aliases

    normal = encodings.normalize_encoding(name).replace(".", "_")
    return encodings.aliases.aliases.get(normal, normal)


def test_chapters_never_load_the_runtime(site_dir: Path) -> None:
    for chapter in CHAPTERS:
        html = (site_dir / chapter.replace(".md", ".html")).read_text(encoding="utf-8")
        assert "pyodide" not in html and "data-tool" not in html


def test_tool_pages_start_python_early_or_preload_its_modules_and_chapters_neither(
    site_dir: Path,
) -> None:
    # The first script in <head>: a classic script after the style sheets would wait for them.
    early = re.compile(r"<head>\s*(?:<(?:meta|link|title)[^>]*>\s*)*<script>(.*?)</script>", re.S)
    imports = "".join(p.read_text() for p in (site_dir / "assets" / "js").glob("*.js"))
    for tool in ("cadence", "planner"):
        page = site_dir / "tools" / tool / "index.html"
        found = early.search(page.read_text(encoding="utf-8"))
        assert found, tool
        script = found.group(1)
        # A repeat visit: the page's own Python client starts its worker, which it then keeps.
        assert 'import(module("py-client.js")).then((python) => python.startPython()' in script
        assert 'fetchPriority: "low"' in script  # ahead of the bundle, they made a warm visit later
        modules = re.search(r"for \(const name of (\[[^\]]*\])\)", script)
        assert modules, script
        names = json.loads(modules.group(1))
        assert "py-client.js" in names
        # Each is a module some other one imports (a preload nobody uses is wasted bytes).
        for name in names:
            assert (site_dir / "assets" / "js" / name).is_file(), name
            assert f'"./{name}"' in imports, name
    for chapter in CHAPTERS:
        html = (site_dir / chapter.replace(".md", ".html")).read_text(encoding="utf-8")
        assert "py-client.js" not in html and "modulepreload" not in html, chapter


@pytest.mark.parametrize("tool", ["cadence"])
def test_tool_pages_are_prerendered_with_results(site_dir: Path, tool: str) -> None:
    html = (site_dir / "tools" / tool / "index.html").read_text(encoding="utf-8")
    assert f'data-tool="{tool}"' in html
    assert html.count("data-result=") >= 5


@pytest.mark.parametrize("tool", ["cadence", "planner", "audit"])
def test_a_tool_page_holds_its_links_as_the_site_has_them(site_dir: Path, tool: str) -> None:
    """What the page sends with each call (drills/render/links.py), made from MkDocs' files."""
    html = (site_dir / "tools" / tool / "index.html").read_text(encoding="utf-8")
    (links,) = re.findall(r"data-links='([^']*)'", html)
    own = {"planner": ""} if tool == "planner" else {}  # the planner's link to itself
    assert json.loads(links) == {**LINKS.as_data(), **own}


def test_cadence_page_defaults_equal_cpython(site_dir: Path) -> None:
    from drills.cadence import calculate
    from drills.render.cadence_view import results_html

    html = (site_dir / "tools" / "cadence" / "index.html").read_text(encoding="utf-8")
    assert results_html(calculate(360, 164, -10, 5), LINKS) in html


def test_service_worker_is_versioned_and_precaches_pages_not_the_runtime(site_dir: Path) -> None:
    offline = service_worker.read_config(site_dir / "sw-config.js")
    version, precache, runtime_cache = (
        offline["version"],
        offline["precache"],
        offline["runtimeCache"],
    )
    assert isinstance(version, str) and len(version) == 12
    assert isinstance(precache, list) and isinstance(runtime_cache, str)
    assert offline["liveReload"] is False  # `mkdocs build`: the worker keeps the site offline
    assert {"./", "technique/", "tools/cadence/", "tools/planner/", "drills/quiet-feet/"} <= set(
        precache
    )
    assert not [u for u in precache if u.startswith("pyodide/") or u.endswith(".map")]
    assert "sw-config.js" not in precache and "assets/js/runtime-config.js" in precache
    for url in precache:
        target = site_dir / url
        assert (target / "index.html").exists() if url.endswith("/") else target.exists(), url
    # The Python worker fills the runtime's cache, under the name the service worker keeps.
    config = service_worker.read_config(site_dir / "assets" / "js" / "runtime-config.js")
    assert runtime_cache.startswith("downhill-confidence-runtime-")
    assert config["runtimeCache"] == runtime_cache
    assert all((site_dir / "pyodide" / f"{name}.gz").exists() for name in config["inflated"])
    sizes = config["downloadBytes"]
    assert 1_000_000 < sizes["plain"] < sizes["snapshot"]


def test_the_javascript_holds_no_value_of_the_build(site_dir: Path) -> None:
    """The service worker, the Python worker and the status line are shipped as written: their
    settings come from the files the build writes (sitebuild/service_worker.py)."""
    for name in ("sw.js", "assets/js/py-worker.js", "assets/js/runtime-status.js"):
        assert (site_dir / name).read_bytes() == (ROOT / "docs" / name).read_bytes(), name
    assert 'importScripts("sw-config.js")' in (site_dir / "sw.js").read_text()
    for name in ("py-worker.js", "runtime-status.js"):
        text = (site_dir / "assets" / "js" / name).read_text()
        assert 'import config from "./runtime-config.js";' in text, name


def test_service_worker_version_changes_with_any_file(site_dir: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    before = service_worker.site_version(copy)
    wheel = next((copy / "pyodide").glob("drills-*.whl"))
    wheel.write_bytes(wheel.read_bytes() + b"\0")
    assert service_worker.site_version(copy) != before
