"""MkDocs hooks: where generated pages, the tools' shells and the Python runtime enter the build.

Thin on purpose: what the pages say comes from drills.render.pages, the tools' and rules'
markup from hooks/shells.py and its templates, how the runtime is assembled from
scripts/site_runtime.py, offline support from scripts/service_worker.py;
scripts/same_origin.py keeps Material's bundle from loading anything from another origin, and
scripts/compile_hints.py has Chromium compile that bundle off the main thread, and
scripts/content_policy.py lists the inline scripts each page's Content-Security-Policy allows.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]  # this package, and the build's scripts

import app_manifest  # noqa: E402
import compile_hints  # noqa: E402
import content_policy  # noqa: E402
import same_origin  # noqa: E402
import service_worker  # noqa: E402
import site_runtime  # noqa: E402

from drills import catalog  # noqa: E402
from drills.render import pages  # noqa: E402
from drills.render.figures.fence import expand_figure_fences  # noqa: E402
from drills.render.prose import expand_plan_links, expand_rule_words  # noqa: E402
from hooks import shells  # noqa: E402

# The pages whose ## sections the coaches' table lists: the six chapters, then Special
# situations (after an injury, long descents, no hills, age, low vision, getting faster).
SECTION_LINK_PAGES = (
    *((f"{key}/index.md", title) for key, title in catalog.CHAPTERS.items()),
    ("situations/index.md", "Special situations"),
)
SERVING = {"live reload": False}  # mkdocs serve injects a live-reload script into every page


def on_startup(command: str, dirty: bool) -> None:
    SERVING["live reload"] = command == "serve"


# Before the redirects plugin lists the pages, so a renamed drill can redirect to its new page.
@event_priority(50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    generated = {
        "drills/index.md": pages.catalog_page(),
        "references.md": pages.references_page(),
        **{f"drills/{d.id}.md": pages.drill_page(d) for d in catalog.DRILLS},
    }
    for uri, content in generated.items():
        files.append(File.generated(config, uri, content=content))
    return files


def _root(page: Page) -> str:
    """The relative path from this page's URL to the site root ("" or "../..." )."""
    return "../" * page.url.count("/")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        markdown = pages.expand_drill_cards(markdown, page.file.src_uri, _root(page))
        markdown = pages.expand_evidence_labels(markdown, page.file.src_uri, _root(page))
        markdown = expand_rule_words(markdown, page.file.src_uri)
        markdown = expand_plan_links(markdown, page.file.src_uri)
        markdown = shells.mark_fences(markdown, page.file.src_uri)
        markdown = expand_figure_fences(markdown, _root(page))
    except KeyError as error:
        raise PluginError(str(error.args[0])) from None
    if pages.SECTION_LINKS_FENCE.search(markdown):
        here = page.url.rstrip("/") or "."
        chapters = []
        for uri, title in SECTION_LINK_PAGES:
            chapter = files.get_file_from_path(uri)
            if chapter is None:
                raise PluginError(f"{page.file.src_uri}: page {uri} is missing")
            href = posixpath.relpath(chapter.url or ".", here) + "/"
            chapters.append((title, href, "/" + chapter.url, chapter.content_string))
        table = pages.section_links_html(chapters)
        markdown = pages.SECTION_LINKS_FENCE.sub(lambda _: table, markdown)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return shells.fill(html, config.theme.get_env(), _root(page), Path(config["docs_dir"]))


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config["site_dir"])
    site_runtime.install_runtime(site_dir)
    same_origin.keep_to_own_origin(site_dir)
    compile_hints.hint_material_bundle(site_dir)
    content_policy.complete_policies(site_dir, serving=SERVING["live reload"])
    icon = Path(config["docs_dir"]) / str(config["theme"]["favicon"])
    app_manifest.write_manifest(site_dir, icon, {**config["extra"], **config})
    service_worker.write_service_worker(site_dir)  # last: its version hashes everything else


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    for watched in ("drills", "includes", "hooks", "overrides"):
        server.watch(str(ROOT / watched))
    return server
