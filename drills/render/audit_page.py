"""The descent audit page's list: one item per file, with what the reader can do with it."""

from __future__ import annotations

from drills.exposure import TARGET_CEILING_PCT
from drills.render import forms, planner_view
from drills.render.audit_view import audit_html
from drills.render.html import attrs, esc
from drills.runs import Audit, planner_suggestion, race_card

PLANNER = "../planner/"  # the audit page lives at /tools/audit/, beside the planner


def _planner_link(current: float | None, target: float | None, text: str) -> str:
    """A share link to the planner with these grades, the other fields at their defaults."""
    texts = {f.name: f.default for f in planner_view.FIELDS}
    if current is not None:
        texts["current"] = f"{min(current, TARGET_CEILING_PCT):g}"
        if float(texts["target"]) < min(current, TARGET_CEILING_PCT):
            texts["target"] = texts["current"]
    if target is not None:
        texts["target"] = f"{target:g}"
        if float(texts["current"]) > target:
            texts["current"] = texts["target"]
    href = PLANNER + forms.to_query(planner_view.FIELDS, texts)
    return f'<a class="md-button"{attrs(href=href)}>{esc(text)}</a>'


def item_html(index: int, result: Audit, units: str, can_log: bool) -> str:
    """A file's audit and its buttons: into the planner, into the log, the race card printed."""
    actions = []
    suggestion = planner_suggestion(result)
    if suggestion is not None:
        actions.append(f"<p>{esc(suggestion.sentence)}</p>")
        actions.append(_planner_link(suggestion.grade_pct, None, "Use in the planner"))
    if result.moving_time_s is None:
        card = race_card(result)
        if card.target_pct is not None:
            actions.append(_planner_link(None, card.target_pct, "Plan for this course"))
        actions.append(
            '<button type="button" class="md-button" data-audit-action="print">'
            "Print the race card</button>"
        )
    if can_log:
        actions.append(
            '<button type="button" class="md-button" data-audit-action="add-log">'
            "Add to the training log</button>"
        )
    buttons = f'<div class="dc-actions dc-audit-actions">{"".join(actions)}</div>'
    return f'<li class="dc-audit-item" data-audit-item="{index}">{audit_html(result, units)}{buttons}</li>'


def failed_item_html(index: int, name: str, reason: str) -> str:
    """A file that could not be audited, and why: one bad file never stops the others."""
    return (
        f'<li class="dc-audit-item dc-audit-item--failed" data-audit-item="{index}">'
        f'<h3>{esc(name)}</h3><p class="dc-error" data-audit-error>{esc(reason)}</p></li>'
    )
