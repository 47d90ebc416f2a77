"""The descent audit page's list: one item per file, with what the reader can do with it.

Each item is a region of the list (``regions.listed``): the page shows the example until the
reader's first file, then one item per file, in the order chosen. A file's planner hand-off is a
region inside its item, drawn again when another file is audited beside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from drills.render.audit_actions import HANDOFF_ATTRIBUTES, handoff_content
from drills.render.audit_view import audit_html
from drills.render.html import esc
from drills.render.links import Links
from drills.render.regions import Region, region
from drills.runs import Audit, Found, found

LIST = "audit-items"  # the list's data-region-list
EXAMPLE = "example"  # the built page's item, until the reader's first file
# Why a file has no result when Python did not read it to its end.
UNREAD = {
    "cancelled": "Cancelled: this file was not read to its end, so it has no result.",
    "stopped": "The guide's Python stopped while reading this file, so it has no result; "
    "Python was started again for the files after it.",
}
_HANDOFF = "\0handoff\0"  # where the hand-off region goes in the audit's text; never in HTML


def item_key(index: int | str) -> str:
    return f"audit-item-{index}"


def handoff(
    files: Sequence[Found], index: int, links: Links, name: int | str | None = None
) -> Region:
    """File ``index``'s planner hand-off, given what every file found; ``name``: its item's."""
    key = f"audit-handoff-{index if name is None else name}"
    return region("div", key, handoff_content(files, index, links), attributes=HANDOFF_ATTRIBUTES)


def item(
    index: int | str, result: Audit, units: str, links: Links, files: Sequence[Found] = ()
) -> Region:
    """A file's audit, its buttons (into the planner, into the log, the race card printed)
    right under what it found; ``files``: what every file found, this one at ``index``."""
    given = list(files) or [found(result)]
    position = index if isinstance(index, int) else 0
    before, after = audit_html(result, units, links, _HANDOFF).split(_HANDOFF)
    attributes = f' class="dc-audit-item" data-audit-item="{index}"'
    hand = handoff(given, position, links, index)
    return region("li", item_key(index), before, hand, after, attributes=attributes)


def failed_item(index: int, name: str, reason: str) -> Region:
    """A file that could not be audited, and why: one bad file never stops the others."""
    attributes = f' class="dc-audit-item dc-audit-item--failed" data-audit-item="{index}"'
    html = f'<h3>{esc(name)}</h3><p class="dc-error" data-audit-error>{esc(reason)}</p>'
    return region("li", item_key(index), html, attributes=attributes)
