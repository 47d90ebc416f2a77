"""Tests for the progression planner: each rule on known inputs, then every rule as a property."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import math
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drills import catalog, references
from drills.conditioning_rules import HEAVY_KINDS
from drills.errors import InputError, shown
from drills.exposure import (
    FIRST_WEEK_MAX_DROP_M,
    FIRST_WEEK_REPEATS,
    LIGHTER_WEEK_EVERY,
    LIGHTER_WEEK_VOLUME_CUT,
    MAX_GAP_DAYS,
    MAX_GRADE_STEP_PCT,
    MAX_REPEATS,
    MIN_DESCENT_GRADE_PCT,
    MIN_REPEAT_LENGTH_M,
    SPIKE_LIMIT,
    SPIKE_WINDOW_DAYS,
    TARGET_CEILING_PCT,
    vertical_drop,
)
from drills.model import LEVELS, Rule
from drills.planner import (
    CONDITIONING_DAY,
    FOCUS_PATTERN,
    SESSION_DAYS,
    WEEKS_RANGE,
    Plan,
    make_plan,
)
from drills.render.planner_chart import plan_chart_svg
from drills.rule_text import PLAN_RULES as RULES
from drills.session_content import (
    FIRST_WEEK_PRACTICE,
    FOCUS_CHAPTERS,
    FOCUS_KINDS,
    LIGHTER_WEEK_PRACTICE,
    chapter_drills,
)

SVG = "{http://www.w3.org/2000/svg}"
EPS = 1e-9


# --- Independent re-statements of the rules, used by the unit and property tests -------------


def exact_drop(session) -> float:
    """Vertical drop from the session's own numbers: length along the ground × g / √(1 + g²)."""
    g = session.grade_pct / 100.0
    return session.repeats * session.repeat_length_m * g / math.sqrt(1.0 + g * g)


def downhill(week):
    return [s for s in week.sessions if s.focus != "conditioning"]


def steepest(week) -> float:
    return max(s.grade_pct for s in week.sessions)


def dated_drops(plan: Plan) -> list[tuple[int, int, float]]:
    """(week number, absolute day, exact drop) of every downhill session, in date order."""
    return [
        (week.number, (week.number - 1) * 7 + s.day, exact_drop(s))
        for week in plan.weeks
        for s in downhill(week)
    ]


def baseline_week(plan: Plan) -> int:
    """The first week on a real descent; weeks up to it are exempt from the spike rule."""
    return next(
        (w.number for w in plan.weeks if steepest(w) >= MIN_DESCENT_GRADE_PCT),
        len(plan.weeks),
    )


def kinds_of(focus: str) -> tuple[str, ...]:
    """Every kind a session of this focus may take (the circuit's heavy work included)."""
    return FOCUS_KINDS[focus] + (HEAVY_KINDS if focus == "conditioning" else ())


@functools.cache
def suits(drill_id: str, chapter: str, level: str, grade: float, kinds: tuple[str, ...]) -> bool:
    drill = catalog.get(drill_id)
    rank = LEVELS.index(level)
    if drill.chapter != chapter or drill.kind not in kinds or LEVELS.index(drill.level) > rank:
        return False
    if drill.grade_min_pct <= grade <= drill.grade_max_pct:
        return True
    # Nothing at this level covers the grade: only the nearest drill may stand in.
    options = [
        d for d in catalog.by_chapter(chapter) if d.kind in kinds and LEVELS.index(d.level) <= rank
    ]
    if any(d.grade_min_pct <= grade <= d.grade_max_pct for d in options):
        return False

    def distance(d) -> float:
        return max(d.grade_min_pct - grade, grade - d.grade_max_pct, 0.0)

    return distance(drill) == min(distance(d) for d in options)


def assert_structure(plan: Plan) -> None:
    inputs = plan.inputs
    assert [w.number for w in plan.weeks] == list(range(1, inputs.weeks + 1))
    pattern = FOCUS_PATTERN[inputs.sessions_per_week]
    for week in plan.weeks:
        days = [s.day for s in week.sessions]
        assert days == sorted(set(days)) and all(1 <= d <= 7 for d in days)
        assert tuple(s.focus for s in downhill(week)) == pattern
        assert tuple(s.day for s in downhill(week)) == SESSION_DAYS[inputs.sessions_per_week]
        conditioning = [s for s in week.sessions if s.focus == "conditioning"]
        assert len(conditioning) == 1 and conditioning[0].day == CONDITIONING_DAY
        c = conditioning[0]
        assert c.grade_pct == 0 and c.vertical_drop_m == 0 and c.repeat_length_m == 0
        for s in week.sessions:
            assert s.repeats >= 1
            assert s.grade_pct >= 0
            assert "baseline" in s.cadence_cue or s.focus == "conditioning"


def assert_steps(plan: Plan) -> None:
    """Rule 1: week 1 at the current grade; the steepest grade rises by at most one step."""
    inputs = plan.inputs
    tops = [steepest(w) for w in plan.weeks]
    assert tops[0] == inputs.current_grade_pct
    step = MAX_GRADE_STEP_PCT[inputs.level]
    for before, after in itertools.pairwise(tops):
        assert before - EPS <= after <= before + step + EPS
    for week in plan.weeks:
        for s in week.sessions:
            assert s.grade_pct <= inputs.target_grade_pct + EPS
    assert plan.highest_grade_pct == max(tops)
    assert plan.reached_target == (plan.highest_grade_pct >= inputs.target_grade_pct)


def assert_first_week_volume(plan: Plan) -> None:
    """Rule 1: small first-week volume, capped in vertical drop for long slopes."""
    level = plan.inputs.level
    for week in plan.weeks[: baseline_week(plan)]:
        for s in downhill(week):
            assert s.repeats <= FIRST_WEEK_REPEATS[level]
            assert exact_drop(s) <= FIRST_WEEK_MAX_DROP_M[level] * (1 + EPS)


def assert_no_spike(plan: Plan) -> None:
    """Rule 2: no session above 1.10 × the biggest single session of the previous 30 days."""
    first = baseline_week(plan)
    drops = dated_drops(plan)
    for index, (week_number, day, drop) in enumerate(drops):
        if week_number <= first:
            continue
        recent = []
        for j in range(index - 1, -1, -1):  # date order: stop once past the window
            _, other, earlier = drops[j]
            if day - other > SPIKE_WINDOW_DAYS:
                break
            if day > other:
                recent.append(earlier)
        assert recent, "a session after the baseline week must have history"
        assert drop <= SPIKE_LIMIT * max(recent) * (1 + EPS) + EPS


def assert_lighter_weeks(plan: Plan) -> None:
    """Rule 3: every Nth week is lighter: same grades, volume down by at least the cut."""
    every = LIGHTER_WEEK_EVERY[plan.inputs.level]
    for week in plan.weeks:
        assert week.is_lighter == (week.number > 1 and week.number % every == 0)
        if not week.is_lighter:
            continue
        previous = plan.weeks[week.number - 2]
        assert not previous.is_lighter
        for now, before in zip(week.sessions, previous.sessions, strict=True):
            assert now.focus == before.focus and now.grade_pct == before.grade_pct
            assert now.repeats <= before.repeats
            assert exact_drop(now) <= (1 - LIGHTER_WEEK_VOLUME_CUT) * exact_drop(before) + EPS


def assert_no_long_gap(plan: Plan) -> None:
    """Rule 4: never more than two weeks between downhill sessions."""
    days = [day for _, day, _ in dated_drops(plan)]
    assert days[0] <= MAX_GAP_DAYS
    assert all(b - a <= MAX_GAP_DAYS for a, b in itertools.pairwise(days))
    assert all(len(downhill(w)) >= 2 for w in plan.weeks)


def assert_volume_consistent(plan: Plan) -> None:
    inputs = plan.inputs
    for week in plan.weeks:
        for s in downhill(week):
            assert abs(s.vertical_drop_m - exact_drop(s)) <= 0.05 + EPS
            assert s.vertical_drop_m == round(s.vertical_drop_m, 1)
            assert 0 < s.repeat_length_m <= inputs.slope_length_m
            assert s.repeats <= MAX_REPEATS[inputs.level]
            if not week.is_lighter:
                assert s.repeat_length_m >= MIN_REPEAT_LENGTH_M


@functools.cache
def session_drills_ok(
    focus: str, level: str, grade: float, drill_ids: tuple[str, ...], key_cues: tuple[str, ...]
) -> bool:
    """Drills exist, come from the focus's chapters, suit level and grade; cues are theirs."""
    drills = [catalog.get(i) for i in drill_ids]
    return (
        {d.chapter for d in drills} == set(FOCUS_CHAPTERS[focus])
        and all(suits(d.id, d.chapter, level, grade, kinds_of(focus)) for d in drills)
        and len(set(drill_ids)) == len(drill_ids)
        and 2 <= len(key_cues) <= 4
        and set(key_cues) <= {c for d in drills for c in d.cues}
    )


_CHECKED: dict[tuple[str, str, float, int], tuple[tuple[str, ...], tuple[str, ...]]] = {}


def assert_drills(plan: Plan) -> None:
    level = plan.inputs.level
    for week in plan.weeks:
        for s in week.sessions:
            # The sessions a week decide whether the circuit may hold heavy work.
            key = (s.focus, level, s.grade_pct, plan.inputs.sessions_per_week)
            seen = _CHECKED.get(key)
            if seen is None:  # check each (focus, level, grade, sessions) once; then agree
                assert session_drills_ok(s.focus, level, s.grade_pct, s.drill_ids, s.key_cues), s
                _CHECKED[key] = (s.drill_ids, s.key_cues)
            else:
                assert seen == (s.drill_ids, s.key_cues)


@functools.cache
def cues_of_other_kinds(kinds: tuple[str, ...]) -> frozenset[str]:
    return frozenset(c for d in catalog.DRILLS if d.kind not in kinds for c in d.cues)


def assert_kinds(plan: Plan) -> None:
    """A session takes drills and cues of its own kind only: no fall, survey or route cue in
    running repeats. Falling practice and the slope survey have their own place: the
    conditioning day of week 1 and of each lighter week, never a descent."""
    level = plan.inputs.level
    for week in plan.weeks:
        for s in week.sessions:
            kinds = kinds_of(s.focus)
            assert all(catalog.get(i).kind in kinds for i in s.drill_ids), s
            assert not set(s.key_cues) & cues_of_other_kinds(kinds), s
            own: tuple[str, ...] = ()
            if s.focus == "conditioning":
                own = FIRST_WEEK_PRACTICE if week.number == 1 else ()
                own = own or (LIGHTER_WEEK_PRACTICE if week.is_lighter else ())
            expected = {
                d.id
                for d in catalog.DRILLS
                if d.kind in own and LEVELS.index(d.level) <= LEVELS.index(level)
            }
            assert set(s.practice_ids) == expected and len(s.practice_ids) == len(expected)


def assert_no_heavy_work_before_a_descent(plan: Plan) -> None:
    """No plyometric or heavy lowering work on the day before a descent, nor on the day of
    one (where it could come first): the conditioning chapter's rule."""
    descents = {day for _, day, _ in dated_drops(plan)}
    for week in plan.weeks:
        for s in week.sessions:
            if any(catalog.get(i).kind in ("plyometric", "heavy lowering") for i in s.drill_ids):
                day = (week.number - 1) * 7 + s.day
                assert day not in descents and day + 1 not in descents, (week.number, s)


def assert_dates(plan: Plan) -> None:
    start = plan.inputs.start_date
    for week in plan.weeks:
        if start is None:
            assert week.start_date is None
            assert all(s.date is None for s in week.sessions)
            continue
        assert week.start_date == start + dt.timedelta(days=7 * (week.number - 1))
        for s in week.sessions:
            assert s.date == week.start_date + dt.timedelta(days=s.day - 1)


def assert_note(plan: Plan) -> None:
    assert plan.note and "\n" not in plan.note
    if not plan.reached_target:
        assert "is not enough to go from" in plan.note
        assert steepest(plan.weeks[-1]) == plan.highest_grade_pct


def assert_all_rules(plan: Plan) -> None:
    assert_structure(plan)
    assert_steps(plan)
    assert_first_week_volume(plan)
    assert_no_spike(plan)
    assert_lighter_weeks(plan)
    assert_no_long_gap(plan)
    assert_volume_consistent(plan)
    assert_drills(plan)
    assert_kinds(plan)
    assert_no_heavy_work_before_a_descent(plan)
    assert_dates(plan)
    assert_note(plan)


# --- Rule 1: start small, small steps, never past the target ------------------------------------


def test_constants_are_the_documented_choices():
    assert MAX_GRADE_STEP_PCT == {"beginner": 1.0, "intermediate": 1.5, "advanced": 2.0}
    assert FIRST_WEEK_REPEATS == {"beginner": 4, "intermediate": 5, "advanced": 6}
    assert FIRST_WEEK_MAX_DROP_M == {"beginner": 40.0, "intermediate": 60.0, "advanced": 80.0}
    assert SPIKE_LIMIT == 1.10 and SPIKE_WINDOW_DAYS == 30
    assert LIGHTER_WEEK_EVERY == {"beginner": 3, "intermediate": 4, "advanced": 4}
    assert LIGHTER_WEEK_VOLUME_CUT == 0.30
    assert MAX_GAP_DAYS == 14
    assert MIN_DESCENT_GRADE_PCT == 2.0


def test_week_one_runs_at_the_current_grade_with_few_repeats():
    plan = make_plan(4, 12, 10)
    week = plan.weeks[0]
    assert steepest(week) == 4
    combined = next(s for s in week.sessions if s.focus == "combined")
    assert combined.repeats == FIRST_WEEK_REPEATS["beginner"] == 4
    assert combined.repeat_length_m == 200
    assert combined.vertical_drop_m == 32.0  # 4 × 200 m × 0.04 / √1.0016 = 31.97 m
    assert_all_rules(plan)


def test_long_slope_means_fewer_repeats_in_week_one():
    plan = make_plan(4, 12, 10, slope_length_m=2000)
    for s in downhill(plan.weeks[0]):
        assert exact_drop(s) <= FIRST_WEEK_MAX_DROP_M["beginner"]
    combined = next(s for s in plan.weeks[0].sessions if s.focus == "combined")
    assert combined.repeats == 1 and combined.repeat_length_m == 1000
    assert_all_rules(plan)


@pytest.mark.parametrize("level", LEVELS)
def test_steepness_rises_by_at_most_the_level_step(level):
    plan = make_plan(2, TARGET_CEILING_PCT, 24, level=level)
    tops = [steepest(w) for w in plan.weeks]
    rises = [b - a for a, b in itertools.pairwise(tops)]
    assert max(rises) == pytest.approx(MAX_GRADE_STEP_PCT[level])
    assert all(r <= MAX_GRADE_STEP_PCT[level] + EPS for r in rises)
    assert_all_rules(plan)


def test_steepness_never_passes_the_target():
    plan = make_plan(4, 6.5, 12, level="advanced")
    tops = [steepest(w) for w in plan.weeks]
    assert tops[:3] == [4, 6, 6.5] and max(tops) == 6.5
    assert plan.reached_target
    assert "by week 3" in plan.note
    assert_all_rules(plan)


def test_weekly_pattern_and_days():
    three = make_plan(8, 12, 4).weeks[1]
    assert [(s.day, s.focus) for s in three.sessions] == [
        (1, "cadence"),
        (3, "posture"),
        (5, "combined"),
        (6, "conditioning"),
    ]
    grades = {s.focus: s.grade_pct for s in three.sessions}
    assert grades == {"cadence": 4.5, "posture": 6.8, "combined": 9.0, "conditioning": 0.0}
    two = make_plan(8, 12, 4, sessions_per_week=2).weeks[0]
    assert [(s.day, s.focus) for s in two.sessions] == [
        (1, "cadence"),
        (4, "combined"),
        (6, "conditioning"),
    ]
    four = make_plan(8, 12, 4, sessions_per_week=4).weeks[0]
    assert [s.focus for s in four.sessions] == [
        "cadence",
        "posture",
        "combined",
        "conditioning",
        "posture",
    ]
    assert [s.day for s in four.sessions] == [1, 3, 5, 6, 7]


def test_cadence_session_is_half_the_grade_but_at_least_two_percent():
    plan = make_plan(3, 3, 2)
    assert {s.focus: s.grade_pct for s in downhill(plan.weeks[0])} == {
        "cadence": 2.0,
        "posture": 2.5,
        "combined": 3.0,
    }


def test_combined_session_draws_on_three_chapters():
    combined = next(s for s in make_plan(6, 10, 4).weeks[0].sessions if s.focus == "combined")
    assert {catalog.get(i).chapter for i in combined.drill_ids} == {
        "technique",
        "cadence",
        "exposure",
    }
    assert "5 %" in combined.cadence_cue and "baseline" in combined.cadence_cue


@pytest.mark.parametrize("level", LEVELS)
def test_drill_choice_agrees_with_catalog_matching(level):
    grades = sorted({g / 4 for g in range(0, 181)} | {d.grade_max_pct for d in catalog.DRILLS})
    for chapter, kinds in (
        ("technique", ("repeats",)),
        ("cadence", ("repeats",)),
        ("exposure", ("repeats",)),
        ("conditioning", ("strength",)),
        ("conditioning", ("strength", *HEAVY_KINDS)),
    ):
        for grade in grades:
            chosen = chapter_drills(chapter, level, grade, 99, kinds)
            matching = catalog.matching(chapter, level, grade, kinds)
            if matching:
                assert set(chosen) == set(matching)
                gaps = [LEVELS.index(level) - LEVELS.index(d.level) for d in chosen]
                assert gaps == sorted(gaps)  # the runner's own level first
            else:
                assert len(chosen) == 1 and suits(chosen[0].id, chapter, level, grade, kinds)


def test_flat_start_reaches_a_real_descent_before_the_spike_rule_applies():
    plan = make_plan(0, 6, 8, level="advanced")
    assert steepest(plan.weeks[0]) == 0 and plan.weeks[0].total_drop_m == 0
    assert baseline_week(plan) == 2
    assert_all_rules(plan)


# --- Rule 2: no single-session spike -------------------------------------------------------------


def test_spike_rule_cuts_repeats_when_the_grade_rises():
    plan = make_plan(4, 12, 10)
    week1 = next(s for s in plan.weeks[0].sessions if s.focus == "combined")
    week2 = next(s for s in plan.weeks[1].sessions if s.focus == "combined")
    assert week2.grade_pct == 5
    full = vertical_drop(4, 200, 5)  # four full repeats at 5 % would be 39.95 m
    assert full > SPIKE_LIMIT * exact_drop(week1)
    assert exact_drop(week2) <= SPIKE_LIMIT * exact_drop(week1)
    assert week2.repeats >= 1
    assert_all_rules(plan)


def test_spike_rule_holds_when_only_volume_grows():
    plan = make_plan(8, 8, 12, sessions_per_week=2, level="intermediate", slope_length_m=50)
    combined = [next(s for s in w.sessions if s.focus == "combined") for w in plan.weeks]
    for i, after in enumerate(combined[1:], start=1):
        biggest_before = max(exact_drop(c) for c in combined[:i])
        assert exact_drop(after) <= SPIKE_LIMIT * biggest_before * (1 + EPS)
    assert exact_drop(combined[-1]) > exact_drop(combined[0])  # it still builds
    assert_all_rules(plan)


def test_vertical_drop_is_measured_from_length_along_the_ground():
    assert vertical_drop(1, 100.0, 100.0) == pytest.approx(100 / math.sqrt(2))
    assert vertical_drop(3, 200.0, 10.0) == pytest.approx(3 * 200 * 0.1 / math.sqrt(1.01))
    assert vertical_drop(5, 200.0, 0.0) == 0


# --- Rule 3: lighter weeks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "expected"), [("beginner", [3, 6, 9, 12]), ("advanced", [4, 8, 12])]
)
def test_lighter_weeks_fall_where_stated(level, expected):
    plan = make_plan(4, 30, 12, level=level)
    assert [w.number for w in plan.weeks if w.is_lighter] == expected
    for n in expected:
        before, light = plan.weeks[n - 2], plan.weeks[n - 1]
        assert steepest(light) == steepest(before)
        assert (
            sum(exact_drop(s) for s in light.sessions)
            <= 0.7 * sum(exact_drop(s) for s in before.sessions) + EPS
        )
    assert_all_rules(plan)


def test_lighter_week_with_single_repeats_shortens_them():
    plan = make_plan(10, 20, 4, level="intermediate", slope_length_m=2000)
    light, before = plan.weeks[3], plan.weeks[2]
    assert light.is_lighter
    for now, then in zip(downhill(light), downhill(before), strict=True):
        assert then.repeats == 1 and now.repeats == 1
        assert now.repeat_length_m <= 0.7 * then.repeat_length_m


# --- Rule 4: no long gap ---------------------------------------------------------------------------


@pytest.mark.parametrize("sessions", [2, 3, 4])
def test_never_two_weeks_without_a_descent(sessions):
    plan = make_plan(5, 15, 24, sessions_per_week=sessions)
    assert_no_long_gap(plan)
    days = [day for _, day, _ in dated_drops(plan)]
    assert max(b - a for a, b in itertools.pairwise(days)) <= 4


# --- Rule 5: no cramming ----------------------------------------------------------------------------


def test_too_few_weeks_stops_short_and_says_so():
    plan = make_plan(4, 20, 10)
    assert not plan.reached_target
    assert plan.highest_grade_pct == 10
    assert plan.note.startswith(
        "Ten weeks is not enough to go from 4 % to 20 % at safe steps; this plan reaches 10 %. "
        "Repeat the last two weeks"
    )
    assert_all_rules(plan)


def test_note_suggests_a_plan_length_that_works():
    plan = make_plan(4, 12, 10)
    assert not plan.reached_target
    assert "lengthen the plan to 13 weeks" in plan.note
    assert make_plan(4, 12, 13).reached_target
    assert not make_plan(4, 12, 12).reached_target


def test_note_when_the_target_is_the_current_grade():
    plan = make_plan(8, 8, 6)
    assert plan.reached_target
    assert plan.note.startswith("Your target is the 8 % you already run comfortably")


# --- Rules list, dates, determinism ------------------------------------------------------------------


def test_rules_are_listed_with_known_sources():
    assert len(RULES) >= 5
    keys = {r.source_key for r in RULES if r.source_key is not None}
    assert {"schwane-1987", "frandsen-2025", "bell-2022", "byrnes-1985"} <= keys
    for rule in RULES:
        assert isinstance(rule, Rule)
        assert rule.title and rule.text.endswith(".")
        assert rule.source_key is None or rule.source_key in references.REFERENCES
        assert rule.practice_based or rule.source_key is not None
        # The page labels practice-based rules itself, so their text must not say it again.
        assert not (rule.practice_based and "coaching practice" in rule.text)
    with pytest.raises(dataclasses.FrozenInstanceError):
        RULES[0].title = "x"  # type: ignore[misc]


def test_dates_follow_the_start_date():
    start = dt.date(2025, 3, 3)
    plan = make_plan(4, 8, 3, start_date=start)
    assert plan.weeks[1].start_date == dt.date(2025, 3, 10)
    assert [s.date for s in plan.weeks[1].sessions][:2] == [
        dt.date(2025, 3, 10),
        dt.date(2025, 3, 12),
    ]
    assert_dates(plan)
    assert make_plan(4, 8, 3).weeks[0].start_date is None


def test_same_input_same_plan_and_frozen():
    a = make_plan(4.5, 17, 14, 4, "intermediate", 350, dt.date(2025, 1, 6))
    b = make_plan(4.5, 17, 14, 4, "intermediate", 350, dt.date(2025, 1, 6))
    assert a == b and hash(a.inputs) == hash(b.inputs)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.weeks[0].sessions[0].repeats = 99  # type: ignore[misc]


# --- Invalid input -------------------------------------------------------------------------------------

GOOD = {"current_grade_pct": 4, "target_grade_pct": 12, "weeks": 10}
PARAM = {
    "current": "current_grade_pct",
    "target": "target_grade_pct",
    "weeks": "weeks",
    "sessions": "sessions_per_week",
    "level": "level",
    "slope": "slope_length_m",
    "start": "start_date",
}


def assert_rejected(field: str, value: object, **extra) -> None:
    kwargs = {**GOOD, **extra, PARAM[field]: value}
    with pytest.raises(ValueError) as caught:
        make_plan(**kwargs)
    error = caught.value
    assert isinstance(error, InputError) and error.field == field
    message = str(error)
    assert field in message.lower()
    typed = [shown(value), shown(repr(value))]
    if isinstance(value, float) and value.is_integer():
        typed.append(str(int(value)))  # 3.0 parsed from "3" is shown as the reader typed it
    assert any(t in message for t in typed), (message, typed)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("current", -1),
        ("current", 36),
        ("current", math.nan),
        ("current", math.inf),
        ("current", True),
        ("current", "4"),
        ("target", 3),
        ("target", 36),
        ("target", 35.5),
        ("target", math.nan),
        ("target", -math.inf),
        ("target", False),
        ("weeks", 1),
        ("weeks", 25),
        ("weeks", 10.5),
        ("weeks", math.nan),
        ("weeks", True),
        ("weeks", "10"),
        ("sessions", 1),
        ("sessions", 5),
        ("sessions", 3.5),
        ("level", "expert"),
        ("level", "Beginner"),
        ("level", None),
        ("slope", 19.9),
        ("slope", 2001),
        ("slope", math.nan),
        ("slope", True),
        ("start", "2025-01-01"),
        ("start", 20250101),
        ("start", dt.date(9999, 12, 1)),  # once an OverflowError
        ("start", dt.date(1, 1, 1)),
        ("start", dt.date(2100, 12, 1)),  # its sessions would fall after 2100
    ],
)
def test_invalid_input_names_field_and_value(field, value):
    assert_rejected(field, value)


def test_target_below_current_names_the_target():
    with pytest.raises(InputError) as caught:
        make_plan(10, 8, 6)
    assert caught.value.field == "target"
    assert str(caught.value) == (
        "Target steepness must be between your current steepness (10 %) and 35 %; you entered 8."
    )
    with pytest.raises(InputError, match=r"you entered 8\.$"):
        make_plan(10, 8.0, 6)  # as the page passes it, parsed from "8"


@pytest.mark.parametrize("target", [35.1, 40, 45])
def test_a_target_above_the_ceiling_is_refused_with_the_limit_and_why(target):
    """Never a silent plan to 40 %: the message names the 35 % limit and the reason."""
    with pytest.raises(InputError) as caught:
        make_plan(4, target, 24)
    assert caught.value.field == "target"
    message = str(caught.value)
    assert f"must be {TARGET_CEILING_PCT:g} % or less" in message
    assert "hiking" in message and "Very steep ground" in message
    assert make_plan(4, TARGET_CEILING_PCT, 24).highest_grade_pct <= TARGET_CEILING_PCT


def test_whole_number_floats_are_accepted():
    assert make_plan(4, 8, 6.0, 3.0) == make_plan(4, 8, 6, 3)


# --- Properties -------------------------------------------------------------------------------------------


START = dt.date(2024, 1, 1)


@st.composite
def plan_inputs(draw):
    """Any valid input. Kept to plain draws: 1,000 examples must run in a second or two, and
    Hypothesis's floats already favour the bounds (0, 35, 20, 2000) and whole numbers."""
    current = draw(st.floats(0, TARGET_CEILING_PCT))
    day = draw(st.integers(-1, 20_000))
    return {
        "current_grade_pct": current,
        "target_grade_pct": draw(st.floats(current, TARGET_CEILING_PCT)),
        "weeks": draw(st.integers(*WEEKS_RANGE)),
        "sessions_per_week": draw(st.integers(2, 4)),
        "level": draw(st.sampled_from(LEVELS)),
        "slope_length_m": draw(st.floats(20, 2000)),
        "start_date": None if day < 0 else START + dt.timedelta(days=day),
    }


@settings(max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_inputs())
def test_every_rule_holds_for_any_valid_input(kwargs):
    assert_all_rules(make_plan(**kwargs))


@settings(max_examples=100, deadline=None)
@given(plan_inputs())
def test_same_input_gives_an_equal_plan(kwargs):
    assert make_plan(**kwargs) == make_plan(**kwargs)


INVALID = {
    "current": st.one_of(
        st.floats(max_value=-1e-9),
        st.floats(min_value=35.000001),
        st.sampled_from([math.nan, math.inf, -math.inf, True, False, "4", None]),
    ),
    "target": st.one_of(
        st.floats(max_value=3.999999),
        st.floats(min_value=35.000001),
        st.sampled_from([math.nan, math.inf, True, "12", None]),
    ),
    "weeks": st.one_of(
        st.integers(max_value=1),
        st.integers(min_value=25),
        st.floats(2, 24).filter(lambda x: not x.is_integer()),
        st.sampled_from([math.nan, math.inf, True, "10", None]),
    ),
    "sessions": st.one_of(
        st.integers(max_value=1),
        st.integers(min_value=5),
        st.sampled_from([math.nan, 2.5, True, "3"]),
    ),
    "level": st.one_of(
        st.text(max_size=20).filter(lambda s: s not in LEVELS),
        st.sampled_from([None, 1, True]),
    ),
    "slope": st.one_of(
        st.floats(max_value=19.999999),
        st.floats(min_value=2000.000001),
        st.sampled_from([math.nan, math.inf, True, "200"]),
    ),
    "start": st.one_of(st.text(max_size=12), st.integers(), st.just(1.5)),
}


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(INVALID)).flatmap(lambda f: st.tuples(st.just(f), INVALID[f])))
def test_any_invalid_input_is_rejected_with_field_and_value(case):
    field, value = case
    assert_rejected(field, value)


# --- Chart -------------------------------------------------------------------------------------------------


def parse_svg(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def test_chart_is_accessible_and_responsive():
    plan = make_plan(4, 12, 10)
    root = parse_svg(plan_chart_svg(plan))
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 640 300"
    assert root.get("width") is None and root.get("height") is None
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    assert "10-week" in (desc.text or "")
    assert "from 4 % to 10 %" in (desc.text or "")
    assert "Weeks 3, 6 and 9 are lighter weeks" in (desc.text or "")
    bars = [e for e in root.iter(f"{SVG}rect") if "dc-bar" in (e.get("class") or "").split()]
    lighter = [b for b in bars if "dc-bar-lighter" in b.get("class", "").split()]
    assert len(bars) == 10 + 2  # one per week plus two legend keys
    assert len(lighter) == 3 + 1
    assert root.find(f".//{SVG}polyline[@class='dc-line']") is not None
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "Vertical drop per week (m)" in texts and "Steepest grade (%)" in texts
    svg = plan_chart_svg(plan)
    assert "#" not in svg.replace("&#", "")  # no hard-coded colours
    assert svg == plan_chart_svg(plan)


def test_chart_escapes_its_id_prefix():
    svg = plan_chart_svg(make_plan(4, 8, 4), id_prefix='x"><script>')
    root = parse_svg(svg)
    assert "<script>" not in svg
    assert root.find(f"{SVG}title").get("id") == 'x"><script>-title'


@settings(max_examples=100, deadline=None)
@given(plan_inputs())
def test_chart_parses_for_any_plan(kwargs):
    plan = make_plan(**kwargs)
    root = parse_svg(plan_chart_svg(plan))
    assert root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text
    points = root.find(f".//{SVG}polyline").get("points").split()
    assert len(points) == plan.inputs.weeks
    for rect in root.iter(f"{SVG}rect"):
        assert float(rect.get("height")) >= 0


def test_chart_of_a_grade_too_small_for_a_scale_still_draws() -> None:
    """10^-324 % once made the chart's scale 0 (a division by zero); hypothesis found it."""
    root = parse_svg(plan_chart_svg(make_plan(5e-324, 1, 2)))
    assert root.find(f"{SVG}title").text


def test_the_planners_fields_are_named_once() -> None:
    """planner.FORM_FIELDS names each input; the form (planner_view) and the example plans'
    links (prose) take the names from it, never as words of their own."""
    import re
    from pathlib import Path

    from drills import planner
    from drills.render import planner_view, prose

    assert [f.name for f in planner_view.FIELDS] == list(planner.FORM_FIELDS.values())
    for module in (planner_view, prose):
        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        # A name as a word of its own: not a key of FORM_FIELDS (make_plan's argument "weeks").
        named = [n for n in planner.FORM_FIELDS.values() if re.search(rf'(?<!\[)"{n}"', source)]
        assert named == [], module.__name__
