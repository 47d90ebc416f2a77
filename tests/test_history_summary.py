"""The summary a planner reads, on runs of known geometry (devtools.tracks): recent weekly descent,
the steepest grade run regularly, the longest continuous descent; and the weeks' steady grade."""

from __future__ import annotations

from datetime import timedelta

import pytest
from history_archives import make_zip, on_day

from devtools import tracks as synth
from drills.history import STEADY_RULE, History, read_archive, summary
from drills.history.summary import REGULAR_MIN_WEEKS, REGULAR_WINDOW_WEEKS


def _history(runs: dict[str, list[synth.Point]]) -> History:
    return read_archive(make_zip({name: synth.to_fit(p) for name, p in runs.items()}), "runs.zip")


def _runs(steep_days: list[int]) -> dict[str, list[synth.Point]]:
    """One 10 % slope a week for eight weeks, a 1.5 km one at 8 % in the third week, and 20 %
    slopes on ``steep_days`` (day 0 is Saturday 2 May 2026)."""
    runs = {f"w{d}.fit": on_day(synth.slope(grade=0.10), d) for d in range(0, 50, 7)}
    runs["long.fit"] = on_day(synth.slope(length_m=1500, grade=0.08), 15)
    runs |= {f"s{d}.fit": on_day(synth.slope(grade=0.20), d) for d in steep_days}
    return runs


def test_a_grade_is_regular_once_it_is_steady_in_enough_recent_weeks() -> None:
    twice = summary(_history(_runs([36, 44])))
    assert twice.steepest_regular_pct == 10.0
    thrice = summary(_history(_runs([23, 36, 44])))
    assert (REGULAR_MIN_WEEKS, REGULAR_WINDOW_WEEKS) == (3, 6)  # the days above assume these
    assert thrice.steepest_regular_pct == 20.0
    assert (
        f"Your steepest regular grade is 20 % ({STEADY_RULE}, in three or more of the last six weeks)."
        in thrice.sentences
    )


def test_recent_weekly_descent_and_the_longest_descent() -> None:
    history = _history(_runs([23, 36, 44]))
    weeks = history.weeks
    assert len(weeks) == 8 and [w.runs for w in weeks] == [1, 1, 2, 1, 2, 2, 1, 2]
    assert [round(w.descent_m) for w in weeks] == [100, 100, 220, 100, 300, 300, 100, 300]
    figures = summary(history)
    four, twelve = figures.recent
    assert four is not None and (four.window_weeks, four.weeks) == (4, 4)
    assert four.mean_m == pytest.approx((300 + 300 + 100 + 300) / 4)
    assert twelve is not None and (twelve.window_weeks, twelve.weeks) == (12, 8)  # all it has
    assert twelve.mean_m == pytest.approx(1520 / 8)
    assert figures.sentences[:2] == (
        "Over the last four weeks you descended 250 m a week on average.",
        "Over the last eight weeks you descended 190 m a week on average.",
    )
    assert figures.longest is not None and figures.longest.path == "long.fit"
    assert figures.longest.descent.length_m == pytest.approx(1500, abs=10)
    assert figures.longest.started == synth.START + timedelta(days=15)
    assert "Your longest continuous descent on 17 May 2026: 1,5" in figures.sentences[-1]


def test_weeks_after_the_last_run_count_as_weeks_without_descent() -> None:
    history = _history(_runs([23, 36, 44]))
    later = summary(history, today=history.weeks[-1].start + timedelta(weeks=3, days=6))
    assert later.through == history.weeks[-1].start + timedelta(weeks=3)
    four = later.recent[0]
    assert four is not None and four.mean_m == pytest.approx(300 / 4)
    assert later.steepest_regular_pct == 10.0  # 20 % in only two of the last six weeks now
    assert summary(History((), ())).sentences == ()


def test_a_week_whose_cadence_wanders_has_no_steady_grade() -> None:
    wandering = [
        synth.Point(
            p.distance_m, p.elevation_m, p.time_s, 60.0 if k // 2 % 2 else 95.0
        )  # 22 % spread
        for k, p in enumerate(synth.slope(grade=0.10))
    ]
    no_cadence = on_day(synth.slope(grade=0.10, cadence=None), 7)
    weeks = _history({"wander.fit": wandering, "plain.fit": no_cadence}).weeks
    assert [w.steepest_steady_pct for w in weeks] == [None, 10.0]
    assert weeks[0].bands[2].time_s > 300 and weeks[0].bands[2].steady_time_s == 0.0
