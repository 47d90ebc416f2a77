"""MkDocs hooks: where generated pages and the Python runtime enter the build.

Thin on purpose: what the pages say comes from drills.render.pages, how the runtime is
assembled from scripts/site_runtime.py, offline support from scripts/service_worker.py;
scripts/same_origin.py keeps Material's bundle from loading anything from another origin, and
scripts/compile_hints.py has Chromium compile that bundle off the main thread.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from drills import catalog
from drills.render import pages
from drills.render.figures.fence import expand_figure_fences

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import compile_hints
import same_origin
import service_worker
import site_runtime

CHAPTER_FILES = tuple(f"{key}/index.md" for key in catalog.CHAPTERS)


def on_files(files, config):
    generated = {
        "drills/index.md": pages.catalog_page(),
        "references.md": pages.references_page(),
        **{f"drills/{d.id}.md": pages.drill_page(d) for d in catalog.DRILLS},
    }
    for uri, content in generated.items():
        files.append(File.generated(config, uri, content=content))
    return files


def _root(page) -> str:
    """The relative path from this page's URL to the site root ("" or "../..." )."""
    depth = page.url.count("/")
    return "../" * depth


def on_page_markdown(markdown, page, config, files):
    try:
        markdown = pages.expand_drill_cards(markdown, page.file.src_uri, _root(page))
        markdown = expand_figure_fences(markdown, _root(page))
    except KeyError as error:
        raise PluginError(str(error.args[0])) from None
    if pages.SECTION_LINKS_FENCE.search(markdown):
        here = page.url.rstrip("/") or "."
        chapters = []
        for uri in CHAPTER_FILES:
            chapter = files.get_file_from_path(uri)
            if chapter is None:
                raise PluginError(f"{page.file.src_uri}: chapter {uri} is missing")
            href = posixpath.relpath(chapter.url or ".", here) + "/"
            title = catalog.CHAPTERS[uri.split("/")[0]]
            chapters.append((title, href, "/" + chapter.url, chapter.content_string))
        table = pages.section_links_html(chapters)
        markdown = pages.SECTION_LINKS_FENCE.sub(lambda _: table, markdown)
    return markdown


def on_post_build(config):
    site_dir = Path(config["site_dir"])
    site_runtime.install_runtime(site_dir)
    same_origin.keep_to_own_origin(site_dir)
    compile_hints.hint_material_bundle(site_dir)
    service_worker.write_service_worker(site_dir)  # last: its version hashes everything else


def on_serve(server, config, builder):
    root = Path(config["config_file_path"]).parent
    server.watch(str(root / "drills"))
    server.watch(str(root / "includes"))
    return server
