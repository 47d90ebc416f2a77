"""The descent audit's results as HTML, summary first: the totals, warnings, what it means in
the guide's terms (and which descents no runner covered), what the reader can do with it, a
course's race card and the profile; then the grade bands and the descents, collapsed.

Every value carries ``data-result`` with its Audit field name (band cells:
``bands.<index>.<field>``; descents: ``descents.<index>.<field>``), and everything from the
file (its name above all) goes through ``esc``.
"""

from __future__ import annotations

from drills.render.audit_actions import actions_html
from drills.render.audit_card import doubts_html, race_card_html
from drills.render.audit_chart import bands_chart_svg, profile_svg
from drills.render.audit_format import (
    band_label,
    band_words,
    check_units,
    duration,
    grade,
    height,
    length,
)
from drills.render.html import esc, scroll_open
from drills.render.links import Links
from drills.runs.advice import (
    STEEP_FROM_PCT,
    log_summary,
    planner_suggestion,
    race_card,
    steep_share,
)
from drills.runs.audit import STEEPEST_WINDOW_M, Audit
from drills.runs.plausible import doubt

SPORT_NOUNS = {"running": "run", "walking": "walk", "hiking": "hike", "cycling": "ride"}


def _cell(name: str, text: str) -> str:
    return f'<span data-result="{esc(name)}">{esc(text)}</span>'


def _row(label: str, name: str, text: str) -> str:
    return f'<tr><th scope="row">{esc(label)}</th><td>{_cell(name, text)}</td></tr>'


def totals_html(result: Audit, units: str) -> str:
    """The audit's totals as a two-column table."""
    check_units(units)
    rows = [
        _row("Distance", "distance_m", length(result.distance_m, units)),
        _row("Descent", "descent_m", height(result.descent_m, units)),
        _row("Ascent", "ascent_m", height(result.ascent_m, units)),
        _row(
            "Moving time",
            "moving_time_s",
            "none: a course" if result.moving_time_s is None else duration(result.moving_time_s),
        ),
        _row("Sport", "sport", result.sport or "not stated in the file"),
    ]
    if result.device_descent_m is not None and result.device_ascent_m is not None:
        rows.append(
            _row(
                "The device's own totals",
                "device_descent_m",
                f"{height(result.device_descent_m, units)} down, "
                f"{height(result.device_ascent_m, units)} up",
            )
        )
    return (
        '<table class="dc-audit-totals"><caption>Totals</caption><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


def warnings_html(result: Audit) -> str:
    if not result.warnings:
        return ""
    items = "".join(f"<li>{esc(w)}</li>" for w in result.warnings)
    return f'<ul class="dc-audit-warnings" data-result="warnings">{items}</ul>'


def meaning_html(result: Audit, links: Links) -> str:
    """One or two sentences: how much of the descent was steep, in the guide's terms, and the
    planner's starting grade when the audit can tell."""
    share = steep_share(result)
    if share is None:
        first = esc("This file has no descent to speak of, so it adds no downhill exposure.")
    else:
        source = f'<a href="{esc(links.references)}#bontemps-2020">Bontemps et al. 2020</a>'
        first = (
            esc(
                f"In the guide's terms: {share:.0f} % of this descent was at {STEEP_FROM_PCT:g} % or "
                "steeper, the grades at which studies of downhill running measure muscle damage "
                "(−10 to −15 % and more; "
            )
            + f"{source})."
        )
    suggestion = planner_suggestion(result)
    if suggestion is not None:
        second = suggestion.sentence
    elif result.moving_time_s is None:
        second = (
            "The file has no times (a planned course), so it says nothing about how you run "
            "these grades; its race card below says what to prepare for."
        )
    elif result.sport not in (None, "running"):
        noun = SPORT_NOUNS.get(result.sport or "", "file")
        second = f"Being a {noun}, not a run, it suggests no starting grade for the planner."
    else:
        second = (
            "No grade band holds enough steady running to suggest a starting grade for the planner."
        )
    return (
        f'<p class="dc-audit-meaning" data-result="meaning">{first} '
        f'<span data-result="suggestion">{esc(second)}</span></p>'
    )


def bands_table_html(result: Audit, units: str) -> str:
    """Distance, drop, time and cadence per grade band; the drops add up to the descent."""
    check_units(units)
    rows = []
    for i, b in enumerate(result.bands):
        cells = [
            ("distance_m", length(b.distance_m, units)),
            ("descent_m", height(b.descent_m, units)),
            ("time_s", "–" if b.time_s is None else duration(b.time_s)),
            ("cadence_spm", "–" if b.cadence_spm is None else f"{b.cadence_spm:.0f}"),
        ]
        tds = "".join(f"<td>{_cell(f'bands.{i}.{n}', text)}</td>" for n, text in cells)
        label = band_label(b.grade_from_pct, b.grade_to_pct)
        rows.append(
            f'<tr><th scope="row" aria-label="{esc(band_words(b.grade_from_pct, b.grade_to_pct))}">'
            f"{esc(label)}</th>{tds}</tr>"
        )
    return (
        scroll_open(f"Descent by grade in {result.name}, table") + '<table class="dc-audit-bands">'
        "<caption>Descent by grade (downhill, in %)</caption>"
        '<thead><tr><th scope="col">Grade</th><th scope="col">Distance</th>'
        '<th scope="col">Drop</th><th scope="col">Moving time</th>'
        '<th scope="col">Cadence (steps/min)</th></tr></thead><tbody>'
        + "".join(rows)
        + f'</tbody><tfoot><tr><th scope="row">All</th><td></td>'
        f"<td>{esc(height(result.descent_m, units))}</td><td></td><td></td></tr></tfoot></table></div>"
    )


def descents_html(result: Audit, units: str) -> str:
    """The sustained descents in order, as a table; one no runner covered says so."""
    if not result.descents:
        return '<p class="dc-audit-descents">No sustained descent.</p>'
    rows = []
    for i, d in enumerate(result.descents):
        cells = [
            ("start_m", length(d.start_m, units)),
            ("drop_m", height(d.drop_m, units)),
            ("length_m", length(d.length_m, units)),
            ("mean_grade_pct", grade(d.mean_grade_pct)),
            ("steepest_grade_pct", grade(d.steepest_grade_pct)),
            ("time_s", "–" if d.time_s is None else duration(d.time_s)),
            ("cadence_spm", "–" if d.cadence_spm is None else f"{d.cadence_spm:.0f}"),
        ]
        tds = "".join(f"<td>{_cell(f'descents.{i}.{n}', text)}</td>" for n, text in cells)
        if doubt(d) is None:
            rows.append(f'<tr><th scope="row">{d.number}</th>{tds}</tr>')
        else:  # the reading above the table says why
            rows.append(
                f'<tr class="dc-audit-doubted"><th scope="row">{d.number} '
                f'<span class="dc-audit-flag">bad data</span></th>{tds}</tr>'
            )
    heads = [
        "At",
        "Drop",
        "Length",
        "Mean grade",
        f"Steepest {STEEPEST_WINDOW_M:g} m",
        "Time",
        "Cadence",
    ]
    head = "".join(f'<th scope="col">{h}</th>' for h in heads)
    return (  # scrolls sideways on a phone rather than widening the page
        scroll_open(f"Sustained descents in {result.name}, table")
        + '<table class="dc-audit-descents">'
        f'<caption>Sustained descents</caption><thead><tr><th scope="col">No.</th>{head}</tr>'
        "</thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


def _collapsed(summary: str, body: str, name: str) -> str:
    """A part most readers skip on a phone: one line until opened."""
    return (
        f'<details class="dc-audit-more" data-audit-more="{name}">'
        f"<summary>{esc(summary)}</summary>{body}</details>"
    )


def audit_html(result: Audit, units: str, links: Links, handoff: str | None = None) -> str:
    """The whole audit of one file, in the order the page shows it: what to read and do first,
    the detail after (collapsed). ``handoff`` stands in for the planner hand-off the file alone
    would give (``audit_actions.actions_html``)."""
    check_units(units)
    parts = [
        f'<section class="dc-audit" data-file="{esc(result.name)}">',
        f"<h3>{esc(result.name)}</h3>",
        warnings_html(result),
        totals_html(result, units),
        meaning_html(result, links),
        doubts_html(result, units),
        actions_html(result, links, handoff),
    ]
    if result.moving_time_s is None:
        parts.append(race_card_html(race_card(result), units))
    parts += [
        profile_svg(result, units),
        _collapsed(
            "Descent by grade: table and chart",
            bands_table_html(result, units) + bands_chart_svg(result, units),
            "bands",
        ),
    ]
    count = len(result.descents)
    if count:
        what = f"All {count} sustained descents" if count > 1 else "The sustained descent"
        parts.append(_collapsed(f"{what}: table", descents_html(result, units), "descents"))
    else:
        parts.append(descents_html(result, units))
    parts.append("</section>")
    return "".join(parts)


def page_result(result: Audit, units: str, links: Links) -> dict[str, object]:
    """JSON-ready, for the bridge: the HTML, and the numbers the planner and the training log
    take (the planner's starting grade, a course's target, the log's summary)."""
    suggestion = planner_suggestion(result)
    card = race_card(result)
    log = log_summary(result)
    return {
        "html": audit_html(result, units, links),
        "name": result.name,
        "sport": result.sport,
        "route_mode": result.moving_time_s is None,
        "warnings": list(result.warnings),
        "planner": None
        if suggestion is None
        else {"current_grade_pct": suggestion.grade_pct, "sentence": suggestion.sentence},
        "race": {"target_pct": card.target_pct, "capped": card.capped, "sentence": card.sentence},
        "log": {
            "date": None if log.date is None else log.date.isoformat(),
            "descent_m": log.descent_m,
            "steepest_grade_pct": log.steepest_grade_pct,
            "moving_time_s": log.moving_time_s,
            "descent_cadence_spm": log.descent_cadence_spm,
        },
    }
