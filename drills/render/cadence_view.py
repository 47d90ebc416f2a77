"""The cadence calculator page: its fields and the HTML of its results."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from drills import audio, metronome
from drills.cadence import (
    CADENCE_RANGE_SPM,
    DEFAULT_INCREASE_PCT,
    INCREASE_RANGE_PCT,
    CadenceResult,
    calculate,
)
from drills.exposure import TARGET_CEILING_PCT
from drills.render import forms
from drills.render.figures.cadence import cadence_tool_figure_html, slope_words
from drills.render.forms import Field
from drills.render.html import esc, number
from drills.render.links import Links
from drills.render.regions import Region, region
from drills.rule_text import CEILING_REASON, COUNT_CADENCE
from drills.units import format_pace, parse_grade, parse_number, parse_pace_or_speed
from drills.words import pct

FIELDS: tuple[Field, ...] = (
    Field(
        "pace",
        "Pace or speed on the descent",
        "m:ss per km or mile (5:30/km, 8:51/mi) or a speed (11 km/h, 6.8 mph).",
        "6:00/km",
        lambda text: parse_pace_or_speed(text, "pace"),
        input_mode="text",
    ),
    Field(
        "cadence",
        "Your flat baseline cadence (steps/min)",
        # The baseline every drill cue builds on, not a count taken on this descent.
        f"Your step rate at easy pace on flat ground: {COUNT_CADENCE}, or use Tap along below.",
        "164",
        lambda text: parse_number(text, "cadence", "Cadence", *CADENCE_RANGE_SPM, "steps/min"),
    ),
    Field(
        "grade",
        # The sign is said where it is typed: a positive grade is a climb (issue 31).
        "Grade, % (downhill is negative)",
        "−10 for a 10 % descent, +10 for a climb; or degrees (−5.7°), or a drop (50 m in 500 m), "
        "always downhill.",
        "-10",
        lambda text: parse_grade(text, "grade"),
        input_mode="text",
    ),
    Field(
        "increase",
        "Cadence increase (%)",
        "How much quicker to step: 5 % is the usual first goal, 0–15 %.",
        f"{DEFAULT_INCREASE_PCT:g}",
        lambda text: parse_number(text, "increase", "Cadence increase", *INCREASE_RANGE_PCT, "%"),
    ),
)

LENGTH_FIELD = "minutes"  # the click track's length, in the practice section


def practice_settings() -> dict[str, object]:
    """What the practice section below the calculator (docs/assets/js/practice.js) takes from
    the rules: the tempo until the calculator has answered, how many taps a cadence is measured
    from, the click's sound, and the fields it reads and fills."""
    defaults = compute(forms.read(FIELDS, {}).values)
    return {
        "tempo_bpm": defaults.metronome_bpm,
        "min_taps": metronome.MIN_TAPS,
        "kept_taps": metronome.KEPT_TAPS,
        "click_hz": audio.CLICK_HZ,
        "click_ms": audio.CLICK_MS,
        "length_field": LENGTH_FIELD,
        "cadence_field": "cadence",
    }


def compute(values: Mapping[str, Any]) -> CadenceResult:
    return calculate(values["pace"], values["cadence"], values["grade"], values["increase"])


def session_tempo(r: CadenceResult) -> dict[str, str]:
    """The cadence and pace the planner's session mode starts from: the metronome tempo
    worked out here and the pace it was worked out for, as the session's fields take them."""
    return {"cadence": str(r.metronome_bpm), "pace": format_pace(r.pace_s_per_km)}


def _row(label: str, name: str, value: str, unit: str, note: str = "") -> str:
    note_html = f'<span class="dc-note">{note}</span>' if note else ""
    return (
        f'<tr><th scope="row">{esc(label)}</th>'
        f'<td><span data-result="{name}">{esc(value)}</span> {esc(unit)}{note_html}</td></tr>'
    )


def results_html(r: CadenceResult, links: Links) -> str:
    """The results table; every value carries data-result with its CadenceResult field name."""
    refs = esc(links.references)
    direction = "downhill" if r.grade_pct < 0 else "uphill" if r.grade_pct > 0 else "flat"
    cost_note = (
        f' (<a href="{refs}#minetti-2002">Minetti et al. 2002</a>, treadmill study of 10 runners)'
    )
    rows = [
        _row("Slope", "grade_pct", number(r.grade_pct, 1), "%", f" = {slope_words(r.grade_pct)}"),
        _row(
            "Speed",
            "speed_mps",
            number(r.speed_mps, 2),
            "m/s",
            f" = {number(r.speed_kmh, 1)} km/h, pace {format_pace(r.pace_s_per_km)}"
            f" ({format_pace(r.pace_s_per_km, 'mi')})",
        ),
        _row("Step length at your flat rhythm", "step_length_m", number(r.step_length_m, 2), "m"),
        _row(
            "Target cadence",
            "target_cadence_spm",
            number(r.target_cadence_spm, 1),
            "steps/min",
            f" (+{number(r.increase_pct, 1)} %)",
        ),
        _row("Metronome tempo", "metronome_bpm", str(r.metronome_bpm), "beats/min"),
        _row(
            "Step length at target", "target_step_length_m", number(r.target_step_length_m, 2), "m"
        ),
        _row(
            "Change in step length",
            "step_length_change_pct",
            number(r.step_length_change_pct, 1),
            "%",
        ),
        _row("Steps per 100 m now", "steps_per_100m_now", number(r.steps_per_100m_now, 0), "steps"),
        _row(
            "Steps per 100 m at target",
            "steps_per_100m_target",
            number(r.steps_per_100m_target, 0),
            "steps",
        ),
        _row(
            f"Energy cost at {number(r.grade_pct, 1)} % ({direction})",
            "energy_cost_j_per_kg_m",
            number(r.energy_cost_j_per_kg_m, 2),
            "J/kg/m",
            cost_note,
        ),
        _row(
            "Energy cost relative to flat",
            "energy_cost_ratio_to_flat",
            number(r.energy_cost_ratio_to_flat, 3),
            "×",
        ),
    ]
    # First, before the numbers: a reader who meant a descent learns it before reading them.
    climb = ""
    if r.grade_pct > 0:
        climb = (
            f'<p class="dc-caveat dc-caveat--uphill">A positive grade is a climb: these are the '
            f"numbers for {esc(slope_words(r.grade_pct))}. For a descent, type "
            f"−{r.grade_pct:.3g} (negative is downhill).</p>"
        )
    caveat = ""
    if r.grade_pct < -TARGET_CEILING_PCT:
        caveat += (
            f'<p class="dc-caveat dc-caveat--hike">Steeper than {pct(TARGET_CEILING_PCT)} %: '
            f"hike it. The planner and every drill stop at {pct(TARGET_CEILING_PCT)} %, because "
            f"{esc(CEILING_REASON)}. The figures above are arithmetic, not a running target.</p>"
        )
    if r.grade_pct < 0:
        caveat += (
            '<p class="dc-caveat">The step lengths assume you hold your flat rhythm on this '
            "descent. Left to itself, a runner's step rate drops on a descent "
            f'(<a href="{refs}#vernillo-2017">Vernillo et al. 2017</a>), so drifting steps are '
            "longer still.</p>"
        )
        caveat += (
            '<p class="dc-caveat">Treadmill data make descents look cheap. Models built from '
            'the heart rates of real runs (<a href="' + refs + '#strava-2017">Strava 2017</a>) '
            "find descents less easy than that; reverse-engineered versions of that model put the "
            "easiest grade near −9 % and make descents steeper than about −17 % cost more than "
            "the flat. The figure is the whole body's energy use per metre, from oxygen uptake, not "
            "the load on your muscles: braking and muscle damage grow on the steeper descents "
            "where this cost is lowest.</p>"
        )
    return (
        f'{climb}<table class="dc-result-table"><caption>Your numbers at the same speed, on '
        f"{esc(slope_words(r.grade_pct))}</caption>"
        f"<tbody>{''.join(rows)}</tbody></table>{caveat}"
        + cadence_tool_figure_html(r)  # the steps now and at target, to scale (issue 18)
    )


def results(r: CadenceResult, links: Links) -> Region:
    html = results_html(r, links)
    return region("div", "results", html, attributes=' class="dc-results" data-results')


def summary(r: CadenceResult) -> str:
    """One sentence for the status line, which screen readers announce."""
    return (
        f"Updated for {slope_words(r.grade_pct)}: target cadence "
        f"{number(r.target_cadence_spm, 1)} steps/min, metronome "
        f"{r.metronome_bpm} beats/min, steps {number(-r.step_length_change_pct, 1)} % shorter."
    )
