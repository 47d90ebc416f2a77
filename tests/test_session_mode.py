"""Session mode: the steps of a planned session, and the bridge calls the planner page makes.

Plans come from any valid planner inputs (hypothesis), so the steps are checked against
sessions no example here was written for; the expected numbers are read from the plan.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drills import bridge, catalog, planner, session_audio, session_mode, training_log
from drills.bridge.session import tempo_defaults
from drills.exposure import CONFIDENCE_RANGE, TARGET_CEILING_PCT
from drills.model import LEVELS
from drills.render import cadence_view, forms
from drills.render.planner_view import plan_for
from drills.training_log import LogEntry
from tests import pages
from tests.pages import LINKS
from tests.test_session_audio import decode

FIELDS = {
    "current": "4",
    "target": "10",
    "weeks": "10",
    "sessions": "3",
    "level": "beginner",
    "slope": "200",
    "start": "",
}
TODAY = "2026-03-20"


def call(name: str, **args: object) -> dict:
    return json.loads(bridge.call(name, json.dumps({"links": LINKS.as_data(), **args})))


def shown_step(args: dict[str, object], index: int) -> dict[str, object]:
    """Step ``index`` as session mode shows it (its regions), for the call ``args``."""
    out = call("session_steps", **args, step=index)
    got = out["regions"]
    step, notes = got["session-step"]["html"], got["session-notes"]["html"]
    return {
        "heading": html.unescape(re.search(r"data-session-heading[^>]*>(.*?)</h2>", step)[1]),
        "detail": html.unescape(re.search(r"data-session-detail>(.*?)</p>", step)[1]),
        "notes": [html.unescape(n) for n in re.findall(r"<li>(.*?)</li>", notes)],
        "announce": html.unescape(got["session-announce"]["html"]),
    }


def repeat_steps(out: dict) -> list[int]:
    """The indexes of the session's repeats among its steps."""
    return [i for i, s in enumerate(out["steps"]) if s["kind"] == "repeat"]


@st.composite
def plan_fields(draw: st.DrawFn) -> dict[str, str]:
    """The planner form's texts for any valid plan (slopes kept short: the tracks stay small)."""
    current = draw(st.integers(0, int(TARGET_CEILING_PCT)))
    return {
        "current": str(current),
        "target": str(draw(st.integers(max(current, 4), int(TARGET_CEILING_PCT)))),
        "weeks": str(draw(st.integers(2, 12))),
        "sessions": str(draw(st.integers(2, 4))),
        "level": draw(st.sampled_from(LEVELS)),
        "slope": str(draw(st.integers(20, 300))),
        "start": "",
    }


def session_of(plan: planner.Plan, key: str) -> planner.Session:
    week, k = map(int, key.split("-"))
    return plan.weeks[week - 1].sessions[k - 1]


def kinds(steps: list[dict] | tuple[session_mode.Step, ...]) -> list[str]:
    return [s["kind"] if isinstance(s, dict) else s.kind for s in steps]


# --- The steps, from the domain ------------------------------------------------------------


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(fields=plan_fields(), data=st.data())
def test_a_downhill_session_has_one_step_per_planned_repeat(
    fields: dict, data: st.DataObject
) -> None:
    plan = plan_for(fields)
    assert plan is not None
    session = data.draw(
        st.sampled_from([s for w in plan.weeks for s in w.sessions if s.is_downhill])
    )
    timeline = session_audio.session_timeline(session, 170, 3.0)
    steps = session_mode.session_steps(session, timeline)
    n = session.repeats
    assert kinds(steps) == ["before", "warm_up"] + ["repeat"] * n + ["cool_down", "after"]
    repeats = [s for s in steps if s.kind == "repeat"]
    for r, step in enumerate(repeats, start=1):
        assert step.heading == f"Repeat {r} of {n}"
        numbers = [float(x) for x in re.findall(r"[\d.]+", step.detail)]
        assert numbers == [session.repeat_length_m, session.grade_pct]
        assert step.cue in session.key_cues
        assert step.announce.startswith(f"Repeat {r} of {n}.")
        # The screen moves on where the track announces this repeat.
        (announced,) = [t for t in timeline.steps if t.kind == "next" and t.repeat == r]
        assert step.track_at_s == announced.start_s
    # One key cue at a time: each of the session's cues comes up before any comes back.
    shown = [s.cue for s in repeats[: len(session.key_cues)]]
    assert len(set(shown)) == len(shown)
    # Every walk back up the track times is on its repeat's screen; the last has none.
    walks = [t.text for t in timeline.steps if t.kind == "walk"]
    assert [n for s in repeats for n in s.notes if n.startswith("Walk back up")] == walks


@settings(max_examples=20)
@given(fields=plan_fields(), week=st.integers(1, 12))
def test_a_conditioning_session_goes_round_the_circuit(fields: dict, week: int) -> None:
    plan = plan_for(fields)
    assert plan is not None
    chosen = plan.weeks[min(week, len(plan.weeks)) - 1]
    (session,) = [s for s in chosen.sessions if not s.is_downhill]
    steps = session_mode.session_steps(session)
    drills = [catalog.get(i) for i in session.drill_ids]
    rounds = [s for s in steps if s.kind == "round"]
    practice = ["practice"] * len(session.practice_ids)
    assert kinds(steps) == ["before"] + ["round"] * (session.repeats * len(drills)) + [
        *practice,
        "after",
    ]
    # Falling practice and the slope survey come after the circuit, each on its own screen.
    own = [s for s in steps if s.kind == "practice"]
    assert [s.heading for s in own] == [catalog.get(i).name for i in session.practice_ids]
    assert all(s.cue in catalog.get(i).cues for s, i in zip(own, session.practice_ids, strict=True))
    for index, step in enumerate(rounds):
        r, k = divmod(index, len(drills))
        assert step.heading == f"Round {r + 1} of {session.repeats}"
        assert step.detail.startswith(drills[k].name)
        assert step.cue in drills[k].cues
        assert step.track_at_s is None


SET_THE_BEAT = "Set the metronome or beat alert to your baseline plus 5 %."


def test_setting_the_beat_comes_before_the_first_repeat_never_during_one() -> None:
    """The session audio already clicks during a repeat: setting a metronome then is too late."""
    plan = plan_for(FIELDS)
    assert plan is not None
    sessions = [
        s for w in plan.weeks for s in w.sessions if "plus-five-easy-decline" in s.drill_ids
    ]
    assert sessions, "the default plan has a session with the +5 % drill"
    for session in sessions:
        steps = session_mode.session_steps(
            session, session_audio.session_timeline(session, 170, 3.0)
        )
        (before,) = [s for s in steps if s.kind == "before"]
        assert SET_THE_BEAT in before.notes
        assert before.notes_title
        assert all(s.cue != SET_THE_BEAT and SET_THE_BEAT not in s.notes for s in steps[1:])
        assert SET_THE_BEAT not in session.key_cues


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(fields=plan_fields())
def test_repeats_show_running_cues_and_the_setup_comes_first(fields: dict) -> None:
    plan = plan_for(fields)
    assert plan is not None
    setups = {c for d in catalog.DRILLS for c in d.setup}
    for session in (s for w in plan.weeks for s in w.sessions if s.is_downhill):
        steps = session_mode.session_steps(session)
        own = {c for i in session.drill_ids for c in catalog.get(i).setup}
        assert set(steps[0].notes) == own
        assert not setups & {s.cue for s in steps}


def test_without_a_timeline_the_repeats_stand_untimed() -> None:
    plan = plan_for(FIELDS)
    session = session_of(plan, "1-1")
    steps = session_mode.session_steps(session, None)
    assert sum(s.kind == "repeat" for s in steps) == session.repeats
    assert all(s.track_at_s is None for s in steps)


# --- The bridge: steps ----------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(fields=plan_fields(), data=st.data())
def test_session_steps_follow_the_plan_on_the_page(fields: dict, data: st.DataObject) -> None:
    plan = plan_for(fields)
    assert plan is not None
    key = data.draw(
        st.sampled_from([training_log.session_key(*k) for k in training_log.plan_keys(plan)])
    )
    session = session_of(plan, key)
    args = {"fields": fields, "key": key, "today": TODAY}
    out = call("session_steps", **args)
    assert out["key"] == key and out["downhill"] == session.is_downhill
    steps = out["steps"]
    if session.is_downhill:
        repeats = repeat_steps(out)
        assert len(repeats) == session.repeats
        assert shown_step(args, repeats[0])["heading"] == f"Repeat 1 of {session.repeats}"
        last = shown_step(args, repeats[-1])
        assert f"{session.repeat_length_m:g} m" in last["detail"]
        assert f"{session.grade_pct:g} %" in last["detail"]
    else:
        assert sum(s["kind"] == "round" for s in steps) == session.repeats * len(session.drill_ids)
        assert out["audio"] is False
        assert html.unescape(out["regions"]["session-audio-note"]["html"])
    assert shown_step(args, 0)["announce"] and shown_step(args, len(steps) - 1)["announce"]


def test_session_steps_follow_the_plan_as_the_log_adjusts_it() -> None:
    plan = plan_for(FIELDS)
    pain = LogEntry(1, 3, dt.date(2026, 3, 6), rpe=6, confidence=3, flags=("pain",))
    store = training_log.dump_store([pain], FIELDS)
    adjusted = training_log.adjust_plan(plan, [pain]).plan
    changed = [
        training_log.session_key(*key)
        for key in training_log.plan_keys(plan)
        if session_of(plan, training_log.session_key(*key))
        != session_of(adjusted, training_log.session_key(*key))
    ]
    assert changed, "a logged pain must change a later session"
    key = changed[0]
    args = {"fields": FIELDS, "key": key, "store": store, "today": TODAY}
    out = call("session_steps", **args)
    want = session_of(adjusted, key)
    repeats = repeat_steps(out)
    assert len(repeats) == want.repeats
    assert f"{want.grade_pct:g} %" in shown_step(args, repeats[0])["detail"]
    # A log kept for another plan does not change this one.
    other = training_log.dump_store([pain], {**FIELDS, "target": "12"})
    out = call("session_steps", fields=FIELDS, key=key, store=other, today=TODAY)
    assert len([s for s in out["steps"] if s["kind"] == "repeat"]) == session_of(plan, key).repeats


def test_session_steps_start_from_the_cadence_calculators_defaults() -> None:
    reading = forms.read(cadence_view.FIELDS, {})
    result = cadence_view.compute(reading.values)
    assert tempo_defaults() == {"cadence": str(result.metronome_bpm), "pace": "6:00/km"}
    out = call("session_steps", fields=FIELDS, key="1-1", cadence="", pace="  ")
    assert out["texts"] == {"cadence": str(result.metronome_bpm), "pace": "6:00/km"}
    assert out["errors"] == {} and out["audio"] is True
    # The cadence page hands the same shape to the planner (data.session_tempo).
    answer = call("compute", tool="cadence", fields={"pace": "5:00/km", "cadence": "170"})
    assert answer["data"]["session_tempo"] == cadence_view.session_tempo(
        cadence_view.compute(
            forms.read(cadence_view.FIELDS, {"pace": "5:00/km", "cadence": "170"}).values
        )
    )
    assert answer["data"]["session_tempo"]["pace"] == "5:00/km"


def test_a_faster_pace_shortens_each_repeat_on_screen() -> None:
    def run_s(pace: str) -> int:
        args = {"fields": FIELDS, "key": "1-1", "pace": pace}
        first = repeat_steps(call("session_steps", **args))[0]
        note = shown_step(args, first)["notes"][0]
        minutes, seconds = re.search(r"(\d+):(\d\d)", note).groups()
        return int(minutes) * 60 + int(seconds)

    assert abs(run_s("8:00/km") - 2 * run_s("4:00/km")) <= 1  # each shown to the whole second


def test_bad_tempo_comes_back_beside_its_field_with_the_steps_still_there() -> None:
    out = call("session_steps", fields=FIELDS, key="1-1", cadence="fast", pace="0:30/km")
    assert set(out["errors"]) == {"cadence", "pace"}
    assert "fast" in out["errors"]["cadence"]
    assert "2:00" in out["errors"]["pace"]
    assert out["texts"]["cadence"] == "fast"  # the field keeps what was typed
    assert (
        sum(s["kind"] == "repeat" for s in out["steps"])
        == session_of(plan_for(FIELDS), "1-1").repeats
    )


def test_bad_session_or_plan_is_an_error_on_its_field() -> None:
    for name in ("session_steps", "session_audio", "session_log"):
        assert call(name, fields=FIELDS, key="30-1")["field"] == "session"
        assert call(name, fields=FIELDS, key="<b>")["field"] == "session"
        assert call(name, fields=FIELDS)["field"] == "session"
        bad = {**FIELDS, "weeks": "many"}
        assert call(name, fields=bad, key="1-1")["field"] == "plan"
    # The plan has 10 weeks of 4 sessions: week 10's last is there, week 11's first is not.
    assert "error" not in call("session_steps", fields=FIELDS, key="10-4")
    assert call("session_steps", fields=FIELDS, key="11-1")["field"] == "session"


# --- The bridge: audio ------------------------------------------------------------------------


def test_session_audio_is_the_sessions_track() -> None:
    plan = plan_for(FIELDS)
    session = session_of(plan, "1-1")
    out = call("session_audio", fields=FIELDS, key="1-1", cadence="180", pace="5:00/km")
    wav = bridge.take_file()  # handed over beside the answer, not inside it
    assert wav is not None and bridge.take_file() is None  # once
    assert out["bytes"] == len(wav)
    assert wav == session_audio.session_track_wav(session, 180, 1000 / 300)
    assert len(decode(wav).clicks) == session.repeats
    assert out["title"].startswith("Week 1, Day 1: ")
    assert out["filename"].endswith("180spm.wav")


def test_session_audio_refuses_bad_tempo_and_conditioning() -> None:
    assert call("session_audio", fields=FIELDS, key="1-1", cadence="90")["field"] == "cadence"
    assert call("session_audio", fields=FIELDS, key="1-1", pace="fast")["field"] == "pace"
    conditioning = call("session_audio", fields=FIELDS, key="1-4")
    assert conditioning["field"] == "session" and "conditioning" in conditioning["error"]


# --- The bridge: the log entry ----------------------------------------------------------------


def test_session_log_texts_make_a_valid_entry_with_the_sessions_figures() -> None:
    plan = plan_for(FIELDS)
    ratings = {"before": "2", "after": "4", "pain": "yes", "rpe": "6"}
    out = call(
        "session_log",
        fields=FIELDS,
        key="1-3",
        ratings=ratings,
        cadence="171.6",
        audio=True,
        today=TODAY,
    )
    texts = out["texts"]
    assert texts["session"] == "1-3" and texts["date"] == TODAY
    assert (texts["rpe"], texts["confidence"], texts["flags"]) == ("6", "4", ["pain"])
    assert texts["cadence"] == "172"
    assert "2/5" in texts["note"] and "4/5" in texts["note"] and "172" in texts["note"]
    entry, errors = training_log.read_entry_form(
        texts, training_log.plan_keys(plan), dt.date.fromisoformat(TODAY)
    )
    assert errors == {} and entry is not None
    assert (entry.key, entry.rpe, entry.confidence, entry.flags) == ((1, 3), 6, 4, ("pain",))
    # Without the audio the runner did not step to a known cadence: the log's is left empty.
    quiet = call(
        "session_log", fields=FIELDS, key="1-3", ratings={**ratings, "pain": "no"}, cadence="171"
    )
    assert quiet["texts"]["cadence"] == "" and quiet["texts"]["flags"] == []


def test_session_log_missing_or_bad_ratings_are_named_as_the_view_names_them() -> None:
    out = call("session_log", fields=FIELDS, key="1-3", ratings={})
    assert set(out["errors"]) == {"after", "pain", "rpe"}
    low, high = CONFIDENCE_RANGE
    out = call(
        "session_log",
        fields=FIELDS,
        key="1-3",
        ratings={"before": str(high + 1), "after": str(low - 1), "pain": "maybe", "rpe": "11"},
    )
    assert set(out["errors"]) == {"before", "after", "pain", "rpe"}
    out = call("session_log", fields=FIELDS, key="1-3", ratings="not a dict")
    assert set(out["errors"]) == {"after", "pain", "rpe"}


# --- The plan's rows ---------------------------------------------------------------------------


def test_every_session_row_has_its_start_button() -> None:
    fields = {**FIELDS, "weeks": "3"}
    plan = plan_for(fields)
    html = pages.python_page("planner", fields)
    keys = re.findall(r'data-action="session:start" data-key="([^"]+)"', html)
    assert keys == [training_log.session_key(*k) for k in training_log.plan_keys(plan)]
    assert html.count("Start this session</button>") == len(keys)
