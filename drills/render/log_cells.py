"""The training log's cell beside each session of the plan table, and what marks it.

The plan (``drills.render.planner_view``) renders every cell as it looks with nothing logged; the
log (``drills.render.log_view``) fills in what the reader logged. Every part of the log that reaches
the page carries a fingerprint of its HTML, so the page rewrites only the parts that changed:
on a first visit, with the log pre-rendered at build time, it rewrites nothing.
"""

from __future__ import annotations

from functools import cache

from drills.render.html import attrs, esc, fingerprint
from drills.training_log import session_key


def where(week: int, session: int) -> str:
    return f"week {week}, session {session}"


def button(action: str, key: str, text: str, where: str) -> str:
    return (
        f'<button type="button" class="md-button dc-log-button"'
        f"{attrs(data_log_action=action, data_log_key=key, aria_label=f'{text}: {where}')}>"
        f"{esc(text)}</button>"
    )


@cache  # pure, and asked for every session of every plan the reader tries
def unlogged(week: int, session: int) -> str:
    """What the cell of a session with nothing logged holds: the button to log it."""
    return button("mark", session_key(week, session), "Mark done", where(week, session))


@cache
def cell(week: int, session: int) -> str:
    """The table cell as the plan renders it (printed, a blank column to write in)."""
    html = unlogged(week, session)
    marks = attrs(data_log_cell=session_key(week, session), data_log_shown=fingerprint(html))
    return f'<td class="dc-log-cell"{marks}>{html}</td>'
