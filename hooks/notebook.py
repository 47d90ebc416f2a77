"""MkDocs hook: remove what mkdocs-jupyter 0.27 leaves at the foot of a notebook page.

For an .ipynb, nb2html appends the notebook's Pygments stylesheet after the template, as
the repr of a Python list indented eight spaces. With markdown_cell_processor: mkdocs,
Markdown reads that as a code block and shows it at the end of the page. The page hides
its code cells, so the stylesheet is not needed at all.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

STRAY_STYLESHEET = re.compile(r"\n[ \t]*<style>\n[ \t]*\[.*?\]\n[ \t]*</style>\s*\Z", re.S)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        return STRAY_STYLESHEET.sub("\n", markdown)
    return markdown
