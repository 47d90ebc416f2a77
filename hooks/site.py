"""MkDocs hooks: where generated pages, the tools' shells and the Python runtime enter the build.

Thin on purpose: what the pages say comes from drills.render.pages, everything else the build
does from the sitebuild package (the tools' and rules' markup, the runtime, offline support, the
app manifest, the Content-Security-Policy, keeping Material's bundle to this origin).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from drills import catalog
from drills.render import pages
from drills.render.figures.fence import expand_figure_fences
from drills.render.prose import expand_plan_links, expand_rule_words
from sitebuild import (
    compile_hints,
    content_policy,
    manifest,
    runtime,
    same_origin,
    service_worker,
    shells,
)

ROOT = Path(__file__).resolve().parent.parent

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
    runtime.install_runtime(site_dir)
    same_origin.keep_to_own_origin(site_dir)
    compile_hints.hint_material_bundle(site_dir)
    content_policy.complete_policies(site_dir, serving=SERVING["live reload"])
    icon = Path(config["docs_dir"]) / str(config["theme"]["favicon"])
    manifest.write_manifest(site_dir, icon, {**config["extra"], **config})
    service_worker.write_service_worker(site_dir)  # last: its version hashes everything else


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    for watched in ("drills", "includes", "hooks", "overrides", "sitebuild"):
        server.watch(str(ROOT / watched))
    return server
