"""What an audit means for the planner, a race and the training log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from devtools import tracks as synth
from drills.exposure import TARGET_CEILING_PCT
from drills.runs import audit, read_activity
from drills.runs.advice import (
    REAL_TIME_S,
    STEADY_SPREAD_PCT,
    log_summary,
    planner_suggestion,
    race_card,
    steep_share,
)

FIXTURES = Path(__file__).parent / "fixtures" / "activities"


def two_slopes(steep_cadence: list[float] | None, gentle_cadence: float | None = 85.0):
    """1 km at 6 % at a steady cadence, then 1 km at 16 % (about 5.5 min each at 3 m/s)."""
    gentle = synth.slope(flat_m=100, length_m=1000, grade=0.06, after_m=0, cadence=gentle_cadence)
    steep = synth.slope(flat_m=0, length_m=1000, grade=0.16, after_m=100, top_m=540.0)
    offset = gentle[-1].distance_m
    points = list(gentle)
    for k, p in enumerate(steep[1:]):
        cadence = None if steep_cadence is None else steep_cadence[k % len(steep_cadence)]
        points.append(
            replace(
                p,
                distance_m=p.distance_m + offset,
                time_s=(p.time_s or 0) + offset / 3.0,
                cadence_strides=cadence,
            )
        )
    return audit(read_activity(synth.to_gpx(points), "two.gpx"))


def test_suggests_the_steepest_band_run_at_a_steady_cadence() -> None:
    result = two_slopes([85.0, 86.0])
    suggestion = planner_suggestion(result)
    assert suggestion is not None
    assert suggestion.grade_pct == 15.0
    assert "15–20 %" in suggestion.sentence and "171 steps/min" in suggestion.sentence
    assert "start the planner from 15 %" in suggestion.sentence


def test_a_broken_cadence_on_the_steep_part_is_not_steady() -> None:
    result = two_slopes([55.0, 95.0, 60.0, 90.0])  # walking and running steps mixed
    steep = result.bands[3]
    assert steep.cadence_spm is not None and steep.cadence_spread_spm is not None
    assert steep.cadence_spread_spm / steep.cadence_spm * 100 > STEADY_SPREAD_PCT
    suggestion = planner_suggestion(result)
    assert suggestion is not None and suggestion.grade_pct == 5.0


def test_without_cadence_time_alone_decides() -> None:
    result = two_slopes(None, gentle_cadence=None)
    suggestion = planner_suggestion(result)
    assert suggestion is not None and suggestion.grade_pct == 15.0
    assert "no cadence" in suggestion.sentence


def test_no_suggestion_for_a_course_a_ride_or_too_little_time() -> None:
    course = audit(read_activity(synth.to_gpx(synth.slope(speed_ms=None)), "c.gpx"))
    assert planner_suggestion(course) is None
    ride = audit(read_activity(synth.to_gpx(synth.slope(), sport="cycling"), "r.gpx"))
    assert planner_suggestion(ride) is None
    short = synth.slope(length_m=3.0 * REAL_TIME_S * 0.9, grade=0.12)  # under two minutes
    assert planner_suggestion(audit(read_activity(synth.to_gpx(short), "s.gpx"))) is None


def test_the_real_trail_run_gets_a_suggestion_from_its_cadence() -> None:
    name = "activity-large-fenxi2-multisport.fit"
    result = audit(read_activity((FIXTURES / name).read_bytes(), name))
    suggestion = planner_suggestion(result)
    assert suggestion is not None
    assert suggestion.grade_pct in {b.grade_from_pct for b in result.bands}
    assert "steps/min" in suggestion.sentence


def test_race_card_targets_the_steepest_sustained_descent() -> None:
    course = synth.slope(speed_ms=None, grade=0.18)
    card = race_card(audit(read_activity(synth.to_gpx(course), "c.gpx")))
    assert card.target_pct == 18.0 and not card.capped
    assert card.sentence.startswith("Target 18 %: descent 1 (at 0.2 km)")
    assert len(card.descents) == 1 and card.descents[0].drop_m == pytest.approx(180.0)


def test_race_card_caps_the_target_at_the_planners_limit() -> None:
    course = synth.slope(speed_ms=None, grade=0.42, length_m=300)
    card = race_card(audit(read_activity(synth.to_gpx(course), "c.gpx")))
    assert card.capped and card.target_pct == TARGET_CEILING_PCT
    assert "42 %" in card.sentence and f"{TARGET_CEILING_PCT:g} %" in card.sentence
    # The limit carries through: the card says to plan hiking on the steeper pitches.
    assert f"Plan to hike its pitches past {TARGET_CEILING_PCT:g} %" in card.sentence


def test_race_card_of_a_flat_course() -> None:
    flat = synth.slope(speed_ms=None, grade=0.0)
    card = race_card(audit(read_activity(synth.to_gpx(flat), "f.gpx")))
    assert card.target_pct is None and card.descents == ()
    assert "no sustained descent" in card.sentence


def test_log_summary() -> None:
    result = audit(read_activity(synth.to_gpx(synth.slope()), "s.gpx"))
    summary = log_summary(result)
    assert summary.date == date(2026, 5, 2)
    assert summary.descent_m == pytest.approx(100.0)
    assert summary.steepest_grade_pct == pytest.approx(10.0)
    assert summary.moving_time_s == pytest.approx(1400 / 3.0, abs=1.0)
    assert summary.descent_cadence_spm == pytest.approx(170.0)
    course = log_summary(audit(read_activity(synth.to_gpx(synth.slope(speed_ms=None)), "c")))
    assert course.date is None and course.moving_time_s is None


def test_steep_share() -> None:
    result = two_slopes([85.0])
    share = steep_share(result)
    assert share == pytest.approx(160 / 220 * 100, abs=0.5)
    flat = audit(read_activity(synth.to_gpx(synth.slope(grade=0.0)), "f.gpx"))
    assert steep_share(flat) is None
