"""Links between the site's pages, from MkDocs' files: the page's own URL to its target's.

Every link the build writes is made here from where MkDocs puts each file, so none is a path
written by hand, and the site works under any sub-path.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from drills.render.links import Links


def _no_page(src: str) -> str:
    raise KeyError(f"page {src} is missing")


@dataclass(frozen=True)
class Where:
    """The page a shortcode is written into, and where every other file of the site is."""

    src: str  # the page's Markdown file, as a path in docs/
    url: str  # the page's URL, relative to the site root ("technique/", "" for the home page)
    urls: Mapping[str, str]  # every file's URL by its path in docs/ (MkDocs' Files)
    # A page's Markdown by its path in docs/ (the coaches' section links read their headings).
    markdown: Callable[[str], str] = field(default=_no_page)

    def href(self, target: str, anchor: str = "") -> str:
        """The link from this page to ``target`` (a path in docs/), as HTML needs it."""
        if target not in self.urls:
            raise KeyError(f"page {target} is missing")
        url = self.urls[target]
        relative = posixpath.relpath(url.rstrip("/") or ".", self.url.rstrip("/") or ".")
        if url.endswith("/") or url == "":
            relative = "" if relative == "." else relative + "/"
        return relative + (f"#{anchor}" if anchor else "")

    def md(self, target: str) -> str:
        """The link from this page's Markdown to ``target``'s, which MkDocs turns into its URL
        (and checks, anchors included)."""
        if target not in self.urls:
            raise KeyError(f"page {target} is missing")
        return posixpath.relpath(target, posixpath.dirname(self.src) or ".")


def where(page: Page, files: Files) -> Where:
    """The page as the build's writers see it."""

    def markdown(src: str) -> str:
        file = files.get_file_from_path(src)
        if file is None:
            return _no_page(src)
        return file.content_string

    return Where(page.file.src_uri, page.url, {file.src_uri: file.url for file in files}, markdown)


def tool_links(where: Where) -> Links:
    """Where a tool page's links go (the renderers' ``Links``), from that page."""
    return Links(
        references=where.href("references.md"),
        drills=where.href("drills/index.md"),
        planner=where.href("tools/planner.md"),
    )
