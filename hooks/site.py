"""MkDocs hooks: where generated pages, the tools' shells and the Python runtime enter the build.

Thin on purpose: what the pages say comes from drills.render.pages, everything else the build
does from the sitebuild package (the tools' and rules' markup, the runtime, offline support, the
app manifest, the Content-Security-Policy, keeping Material's bundle to this origin).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from drills import catalog
from drills.render import pages
from sitebuild import (
    compile_hints,
    content_policy,
    history_page,
    links,
    manifest,
    runtime,
    same_origin,
    service_worker,
    shells,
    shortcodes,
)

ROOT = Path(__file__).resolve().parent.parent

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
    example = history_page.example_archive()
    files.append(File.generated(config, f"tools/{history_page.EXAMPLE_ARCHIVE}", content=example))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        return shortcodes.expand(markdown, links.where(page, files))
    except (KeyError, ValueError) as error:
        raise PluginError(str(error.args[0])) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    where = links.where(page, files)
    return shells.fill(html, config.theme.get_env(), where, Path(config["docs_dir"]))


def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config["site_dir"])
    runtime.install_runtime(site_dir)
    same_origin.keep_to_own_origin(site_dir)
    compile_hints.hint_material_bundle(site_dir)
    content_policy.complete_policies(site_dir, serving=SERVING["live reload"])
    icon = Path(config["docs_dir"]) / str(config["theme"]["favicon"])
    manifest.write_manifest(site_dir, icon, {**config["extra"], **config})
    # Last: its version hashes everything else.
    service_worker.write_service_worker(site_dir, live_reload=SERVING["live reload"])


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    for watched in ("drills", "includes", "hooks", "overrides", "sitebuild"):
        server.watch(str(ROOT / watched))
    return server
