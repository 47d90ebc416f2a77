"""A course's race card, and the descents no runner covered, as HTML.

The race card fits a printed page or two whatever the course: its steepest descents, then the
longest of the rest, each named by the number it has on the profile and in the table, and the
others summed up in a sentence.
"""

from __future__ import annotations

from drills.render.audit_format import check_units, duration, grade, height, length
from drills.render.html import esc
from drills.runs.advice import RaceCard
from drills.runs.audit import STEEPEST_WINDOW_M, Audit, Descent
from drills.runs.plausible import (
    CLIMBING_GRADE_PCT,
    DROP,
    FASTEST_DROP_MS,
    GRADE,
    SPRINT_MS,
    Doubt,
    doubts,
)
from drills.words import listing, pct


def _descent_line(d: Descent, units: str) -> str:
    return (
        f"<li><strong>Descent {d.number}</strong> at {esc(length(d.start_m, units))}: "
        f"{esc(height(d.drop_m, units))} down over {esc(length(d.length_m, units))}, "
        f"{esc(grade(d.mean_grade_pct))} on average, {esc(grade(d.steepest_grade_pct))} at its "
        "steepest</li>"
    )


def _listed(title: str, descents: tuple[Descent, ...], units: str) -> str:
    if not descents:
        return ""
    items = "".join(_descent_line(d, units) for d in descents)
    return f'<h4>{esc(title)}</h4><ul class="dc-audit-card-list">{items}</ul>'


def _others(card: RaceCard, units: str) -> str:
    others = card.others
    if not others:
        return ""
    drop = sum(d.drop_m for d in others)
    steepest = max(d.steepest_grade_pct for d in others)
    what = "sustained descent" if len(others) == 1 else f"{len(others)} sustained descents"
    return (
        f'<p class="dc-audit-card-others">The other {what}: '
        f"{esc(height(drop, units))} down in all, none steeper than {esc(grade(steepest))} over "
        f"{STEEPEST_WINDOW_M:g} m. The profile and the table of all descents give each by "
        "its number.</p>"
    )


def race_card_html(card: RaceCard, units: str) -> str:
    """A course's planner target, its steepest and longest descents, and the rest in a line."""
    check_units(units)
    target = (
        ""
        if card.target_pct is None
        else f'<span data-result="target_pct" hidden>{card.target_pct:g}</span>'
    )
    left_out = ""
    if card.doubted:
        numbers = listing([d.number for d in card.doubted])
        noun = "Descent" if len(card.doubted) == 1 else "Descents"
        left_out = (
            f"<p>{noun} {numbers} left out: no runner covered "
            f"{'it' if len(card.doubted) == 1 else 'them'} (bad elevation data).</p>"
        )
    return (
        '<section class="dc-audit-race-card" aria-label="Race card">'
        f'<p data-result="race_card">{esc(card.sentence)}{target}</p>'
        + _listed("The steepest descents", card.steepest, units)
        + _listed("The longest of the rest", card.longest, units)
        + _others(card, units)
        + left_out
        + "</section>"
    )


def _why(found: Doubt, units: str) -> str:
    """What a doubted descent's data says, and why no runner did it."""
    d = found.descent
    if found.kind == GRADE:
        return (
            f"descent {d.number}: {grade(d.steepest_grade_pct)} over its steepest "
            f"{STEEPEST_WINDOW_M:g} m, steeper than {pct(CLIMBING_GRADE_PCT)} %, ground people "
            "climb down facing the slope"
        )
    took = duration(d.time_s or 0.0)
    if found.kind == DROP:
        return (
            f"descent {d.number}: {height(d.drop_m, units)} down in {took}, losing height "
            f"faster than {FASTEST_DROP_MS:.1f} m a second"
        )
    return (
        f"descent {d.number}: {length(d.length_m, units)} in {took}, faster than "
        f"{SPRINT_MS * 3.6:.0f} km/h, the 100 m world record's pace"
    )


def doubts_html(result: Audit, units: str) -> str:
    """The descents no runner covered, and why: the page leaves them out of its advice."""
    found = doubts(result.descents)
    if not found:
        return ""
    reasons = "; ".join(_why(f, units) for f in found)
    return (
        '<p class="dc-audit-doubts" data-audit-doubts>'
        f"Not ground anyone ran, so left out of this page's advice: {esc(reasons)}. The "
        "elevation or position data is wrong there; the table marks "
        f"{'it' if len(found) == 1 else 'them'} <em>bad data</em>.</p>"
    )
