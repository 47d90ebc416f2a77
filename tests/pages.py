"""A page as the browser holds it, for tests of the answers Python sends (regions.js in Python)."""

from __future__ import annotations

import re

from drills.render.links import Links

# Where a tool page's links go, as the build writes them into it (sitebuild/links.py): every tool
# page is at tools/NAME/.
LINKS = Links(references="../../references/", drills="../../drills/", planner="../planner/")

OPENING = re.compile(r"<(?P<tag>[a-z0-9]+)(?P<attrs>[^>]*)>")


def _element(html: str, key: str) -> tuple[int, int, int, int]:
    """Start and end of the region's opening tag, and of its content."""
    opening = re.search(rf'<(?P<tag>[a-z0-9]+)[^>]*\sdata-region="{re.escape(key)}"[^>]*>', html)
    assert opening, f"no region {key!r} on the page"
    tag = opening["tag"]
    depth, at = 1, opening.end()
    tags = re.compile(rf"<(/?){tag}\b[^>]*>")
    while depth:
        found = tags.search(html, at)
        assert found, f"region {key!r} is not closed"
        depth += -1 if found[1] else 1
        at = found.end()
    return opening.start(), opening.end(), opening.end(), found.start()


def _set_mark(opening: str, name: str, value: str | None) -> str:
    """The opening tag with the mark set in place (added last, or removed for None)."""
    present = re.compile(rf'\s{name}="[^"]*"')
    if value is None:
        return present.sub("", opening)
    if present.search(opening):
        return present.sub(f' {name}="{value}"', opening)
    return opening[:-1] + f' {name}="{value}">'


def apply(html: str, changes: dict[str, dict[str, str | None]]) -> str:
    """The page after the answer's changes, as regions.js leaves it."""
    for key, change in changes.items():
        start, head_end, content_start, content_end = _element(html, key)
        opening = _set_mark(html[start:head_end], "data-shown", change["shown"])
        content = html[content_start:content_end]
        if "html" in change:
            opening = _set_mark(opening, "data-frame", change["frame"])
            content = change["html"] or ""
        closing_end = html.index(">", content_end) + 1
        html = html[:start] + opening + content + html[content_end:closing_end] + html[closing_end:]
    return html


def audit_item(out: dict) -> str:
    """The HTML of the item an audit_file answer appends to the list."""
    (added,) = [c for c in out["regions"].values() if "element" in c]
    assert added["into"] == "audit-items"
    return str(added["element"])


def marks(html: str) -> dict[str, list[str]]:
    """The marks regions.js sends for this page."""
    out = {}
    for found in OPENING.finditer(html):
        attrs = dict(re.findall(r'\s([a-z-]+)="([^"]*)"', found["attrs"]))
        if "data-region" in attrs:
            out[attrs["data-region"]] = [attrs.get("data-shown", ""), attrs.get("data-frame", "")]
    return out


def python_page(
    tool: str, fields: dict[str, str], store: str = "", today: str = "2026-03-20"
) -> str:
    """The tool's regions as Python renders them for these fields and this log: what a page
    holds once it shows them."""
    import datetime as dt

    from drills.render import forms, regions
    from drills.render.context import Context
    from drills.render.tools import TOOLS

    values = forms.read(TOOLS[tool].fields, fields).values
    context = Context(LINKS, store=store, today=dt.date.fromisoformat(today))
    return "".join(regions.page_html(top) for top in TOOLS[tool].view(values, context).regions)
