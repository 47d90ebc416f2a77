"""What the reader can do with an audited file, right under what it found: open the planner
with the grades the audit found (saying where each came from), print a course's race card,
add a run to the training log (and read that it was added, beside the button).

A file's hand-off depends on the other files audited with it (a course takes the reader's
steady grade from their runs): each file's hand-off is a region of its item, drawn again
whenever another file is audited (``drills.render.audit_page``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from drills.exposure import TARGET_CEILING_PCT
from drills.render import forms, planner_view
from drills.render.html import attrs, esc
from drills.render.links import Links
from drills.runs.advice import Found, found, handoff, log_summary
from drills.runs.audit import Audit
from drills.words import pct

DEFAULT_CURRENT = next(f.default for f in planner_view.FIELDS if f.name == "current")


def planner_href(
    current: float | None, target: float, links: Links, more: Mapping[str, str] | None = None
) -> str:
    """A share link to the planner with these grades (None: the planner's own starting grade),
    the fields in ``more`` (by name) as given and the others at their defaults; the current
    grade never above the target."""
    texts = {f.name: f.default for f in planner_view.FIELDS} | dict(more or {})
    target = min(target, TARGET_CEILING_PCT)
    start = float(DEFAULT_CURRENT) if current is None else current
    texts["current"] = f"{min(start, target):g}"
    texts["target"] = f"{target:g}"
    return links.planner + forms.to_query(planner_view.FIELDS, texts)


def _sentence(files: Sequence[Found], index: int, links: Links) -> tuple[str, str, str] | None:
    """The hand-off's link, its button's words and the sentence saying where each grade came
    from; None when the file hands the planner nothing."""
    given = handoff(files, index)
    if given is None:
        return None
    own = files[index]
    is_course = own.course_pct is not None
    target = f"{pct(given.target_pct)} %"
    more = []  # what else the reader can audit for better numbers
    if given.current_pct is None:
        current = f"The planner starts from its own {DEFAULT_CURRENT} %"
        more.append("Audit one of your runs here too to start from the grade you run steadily.")
    else:
        where = "this run" if given.current_from == own.name else given.current_from
        current = (
            f"The planner starts from {pct(given.current_pct)} %, the steepest grade you ran "
            f"steadily (in {where})"
        )
    if given.target_from is None:
        aim = f"aims at {target}, one grade band steeper"
        more.append("Audit a race course here too to aim at its steepest descent instead.")
    else:
        course = "this course" if given.target_from == own.name else given.target_from
        aim = f"aims at {target}, the target of {course} (its steepest descent)"
        if given.current_pct is not None and given.current_pct >= given.target_pct:
            aim += ": you already run that steadily, so the plan keeps it"
    sentence = " ".join([f"{current}, and {aim}.", *more])
    words = "Plan for this course" if is_course else "Use in the planner"
    return planner_href(given.current_pct, given.target_pct, links), words, sentence


HANDOFF_ATTRIBUTES = ' class="dc-audit-handoff" data-audit-handoff'


def handoff_content(files: Sequence[Found], index: int, links: Links) -> str:
    """The planner button of file ``index`` and where its grades came from (nothing, when the
    file hands the planner nothing)."""
    made = _sentence(files, index, links)
    if made is None:
        return ""
    href, words, sentence = made
    return (
        f'<p class="dc-audit-said">{esc(sentence)}</p>'
        f'<a class="md-button"{attrs(href=href)}>{esc(words)}</a>'
    )


def handoff_html(files: Sequence[Found], index: int, links: Links) -> str:
    """The hand-off's element (empty, but still there to be drawn again, when the file hands
    the planner nothing)."""
    return f"<div{HANDOFF_ATTRIBUTES}>{handoff_content(files, index, links)}</div>"


def actions_html(result: Audit, links: Links, handoff: str | None = None) -> str:
    """The file's buttons, right under its reading: the planner (as the file alone would hand
    it, unless ``handoff`` stands in), a course's race card printed, a dated run into the
    training log."""
    parts = [handoff_html([found(result)], 0, links) if handoff is None else handoff]
    if result.moving_time_s is None:
        parts.append(
            '<button type="button" class="md-button" data-action="audit:print">'
            "Print the race card</button>"
        )
    if log_summary(result).date is not None:
        parts.append(
            '<div class="dc-audit-log">'
            '<button type="button" class="md-button" data-action="audit:add-log">'
            "Add to the training log</button>"
            '<p class="dc-audit-said" data-audit-said="log"></p></div>'
        )
    return f'<div class="dc-actions dc-audit-actions">{"".join(parts)}</div>'
