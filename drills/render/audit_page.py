"""The descent audit page's list: one item per file, with what the reader can do with it."""

from __future__ import annotations

from drills.render.audit_view import audit_html
from drills.render.html import esc
from drills.render.links import Links
from drills.runs import Audit


def item_html(index: int, result: Audit, units: str, links: Links) -> str:
    """A file's audit, its buttons (into the planner, into the log, the race card printed)
    right under what it found."""
    return f'<li class="dc-audit-item" data-audit-item="{index}">{audit_html(result, units, links)}</li>'


def failed_item_html(index: int, name: str, reason: str) -> str:
    """A file that could not be audited, and why: one bad file never stops the others."""
    return (
        f'<li class="dc-audit-item dc-audit-item--failed" data-audit-item="{index}">'
        f'<h3>{esc(name)}</h3><p class="dc-error" data-audit-error>{esc(reason)}</p></li>'
    )
