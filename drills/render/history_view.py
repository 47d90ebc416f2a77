"""A runner's history as the page shows it, one region each: a short reading in the guide's
terms, the planner hand-off, the weekly chart, the weeks' table (collapsed, as the audit's
tables are), and every file that was not counted with why.

Everything from the archive (its paths above all) goes through ``esc``. The regions are keyed
by REGIONS; the page puts each into its element ``[data-history-region=key]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from drills import planner
from drills.history import (
    History,
    Item,
    PlanStart,
    Summary,
    Week,
    plan_start,
    recent_weeks,
    summary,
)
from drills.render import planner_view
from drills.render.audit_actions import planner_href
from drills.render.audit_format import (
    band_label,
    band_words,
    check_units,
    duration,
    height,
    length,
)
from drills.render.history_chart import history_chart_svg
from drills.render.html import attrs, esc, scroll_open
from drills.render.links import Links
from drills.training_log import KeptHistory, as_history
from drills.words import counted, in_words, long_date, pct

REGIONS = ("reading", "handoff", "chart", "weeks", "skipped")
_DEFAULTS = {f.name: f.default for f in planner_view.FIELDS}
_NAMES = planner.FORM_FIELDS


def main_band(weeks: Sequence[Week]) -> str | None:
    """The grade band that holds most of these weeks' descent, in words; None: no descent."""
    if not weeks or not weeks[0].bands:
        return None
    sums = [sum(w.bands[k].descent_m for w in weeks) for k in range(len(weeks[0].bands))]
    most = max(range(len(sums)), key=lambda k: sums[k])
    if sums[most] <= 0:
        return None
    band = weeks[0].bands[most]
    return band_label(band.grade_from_pct, band.grade_to_pct)


def reading_html(history: History, figures: Summary) -> str:
    """What the history says in the guide's terms: the summary's sentences, with where most of
    the recent descent was."""
    runs = len(history.runs)
    if not runs:
        return (
            '<p class="dc-history-reading" data-result="reading">No run was counted in this '
            "archive, so there is no weekly descent to read; the list below says why each file "
            "was left out.</p>"
        )
    said = list(figures.sentences)
    recent = next((r for r in figures.recent if r is not None), None)
    if recent is not None and figures.through is not None:
        # the same weeks as the sentence's average, weeks since the last run included
        window = [w for w in recent_weeks(history, figures.through, recent.weeks) if w is not None]
        band = main_band(window)
        if band is not None and said:
            said[0] = said[0].rstrip(".") + f", most of it at {band}."
    head = (
        f"{in_words(runs).capitalize()} run{'s' if runs != 1 else ''} "
        f"over {len(history.weeks)} week{'s' if len(history.weeks) != 1 else ''}."
    )
    return (
        '<p class="dc-history-reading" data-result="reading">'
        + esc(" ".join([head, *said]))
        + "</p>"
    )


def start_for_planner(history: History, figures: Summary) -> PlanStart | None:
    """The planner's inputs from the history, the planner's other fields at their defaults."""
    return plan_start(
        history,
        figures,
        weeks=int(_DEFAULTS[_NAMES["weeks"]]),
        sessions_per_week=int(_DEFAULTS[_NAMES["sessions_per_week"]]),
        level=_DEFAULTS[_NAMES["level"]],
        slope_length_m=float(_DEFAULTS[_NAMES["slope_length_m"]]),
    )


def handoff_html(start: PlanStart | None, links: Links) -> str:
    """ "Use in the planner" with the history's grade and first week, and the sentence saying
    why; without a regular grade, what it takes."""
    if start is None:
        return (
            '<div class="dc-history-handoff" data-history-handoff><p class="dc-audit-said">'
            "The planner needs a grade you run regularly; once your history shows one, it "
            "starts from it here.</p></div>"
        )
    more = {
        _NAMES["sessions_per_week"]: str(start.sessions_per_week),
        _NAMES["slope_length_m"]: f"{start.slope_length_m:g}",
    }
    href = planner_href(start.current_grade_pct, start.target_grade_pct, links, more)
    return (
        '<div class="dc-history-handoff" data-history-handoff>'
        f'<p class="dc-audit-said">{esc(start.sentence)}</p>'
        f'<a class="md-button"{attrs(href=href)}>Use in the planner</a></div>'
    )


def weeks_table_html(weeks: Sequence[Week], units: str) -> str:
    """Every week, newest first: runs, distance, descent, each band's drop, the steady grade."""
    check_units(units)
    if not weeks:
        return '<p class="dc-history-weeks">No week with a counted run.</p>'
    bands = weeks[0].bands
    heads = ["Runs", "Distance", "Descent", "Moving time"]
    heads += [band_label(b.grade_from_pct, b.grade_to_pct) for b in bands]
    heads.append("Steepest steady grade")
    labels = [""] * 4 + [band_words(b.grade_from_pct, b.grade_to_pct) for b in bands] + [""]
    head = "".join(  # a band's label never breaks inside ("0–5 %")
        f'<th scope="col"{attrs(aria_label=label or None)}>'
        + (f'<span class="dc-nowrap">{esc(h)}</span>' if label else esc(h))
        + "</th>"
        for h, label in zip(heads, labels, strict=True)
    )
    rows = []
    for w in reversed(weeks):
        cells = [
            str(w.runs),
            length(w.distance_m, units),
            height(w.descent_m, units),
            duration(w.moving_time_s),
            *(height(b.descent_m, units) for b in w.bands),
            "–" if w.steepest_steady_pct is None else f"{pct(w.steepest_steady_pct)} %",
        ]
        tds = "".join(f"<td>{esc(c)}</td>" for c in cells)
        rows.append(f'<tr><th scope="row">{esc(w.start.isoformat())}</th>{tds}</tr>')
    return (
        scroll_open("Your weeks, table") + '<table class="dc-history-weeks">'
        "<caption>Your weeks, newest first</caption>"
        f'<thead><tr><th scope="col">Week of</th>{head}</tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></div>"
    )


def skipped_html(items: Sequence[Item]) -> str:
    """Each file not counted, its path shown as text and why."""
    left = [i for i in items if i.status != "run"]
    if not left:
        return '<p class="dc-history-skipped">Every activity file in the archive was counted.</p>'
    # A skipped file's reason says so ("Skipped: …"); a file not read is said to be.
    rows = "".join(
        f'<li data-history-status="{esc(i.status)}"><code>{esc(i.path)}</code>: '
        f"{'not read: ' if i.status == 'unreadable' else ''}{esc(i.reason or '')}</li>"
        for i in left
    )
    return f'<ul class="dc-history-skipped">{rows}</ul>'


def _collapsed(summary: str, body: str, name: str) -> str:
    return (
        f'<details class="dc-audit-more" data-history-more="{name}">'
        f"<summary>{esc(summary)}</summary>{body}</details>"
    )


def kept_html(kept: KeptHistory | None, today: date, links: Links, brief: bool = False) -> str:
    """The history kept in this browser, in a sentence, and the planner hand-off from its
    weeks (as a read's, ``start_for_planner``); "" when none is kept. ``brief``: the first
    sentence only, beside a read that says the rest already."""
    if kept is None or not kept.weeks:
        return ""
    last = kept.runs[-1].run.date if kept.runs else kept.weeks[-1].start
    head = (
        f"Kept in this browser: {counted(len(kept.runs), 'run', 'runs')} over "
        f"{counted(len(kept.weeks), 'week', 'weeks')}, the last on {long_date(last)}."
    )
    if brief:
        return f'<div class="dc-history-kept-view"><p>{esc(head)}</p></div>'
    history = as_history(kept)
    figures = summary(history, today)
    return (
        f'<div class="dc-history-kept-view"><p>{esc(" ".join([head, *figures.sentences]))}</p>'
        f"{handoff_html(start_for_planner(history, figures), links)}</div>"
    )


def history_regions(history: History, figures: Summary, units: str, links: Links) -> dict[str, str]:
    """Each region's HTML, by the keys in REGIONS."""
    check_units(units)
    left = sum(1 for i in history.items if i.status != "run")
    weeks = len(history.weeks)
    return {
        "reading": reading_html(history, figures),
        "handoff": handoff_html(start_for_planner(history, figures), links),
        "chart": history_chart_svg(history.weeks, units),
        "weeks": _collapsed(
            f"All {weeks} week{'s' if weeks != 1 else ''}: table",
            weeks_table_html(history.weeks, units),
            "weeks",
        ),
        "skipped": _collapsed(
            f"{left} file{'s' if left != 1 else ''} not counted, and why",
            skipped_html(history.items),
            "skipped",
        )
        if left
        else skipped_html(history.items),
    }
