"""Session mode's calls: a planned session's steps, its audio track, and its log entry.

Each call gets the planner form's raw texts and the kept log, like the log's calls
(``drills.bridge.log``), and finds the session the runner pressed "Start this session" for,
as the log has adjusted it. The page only shows what these return.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from drills import session_audio, session_mode, training_log
from drills.bridge.answers import Args, raw_fields, today_of
from drills.errors import InputError
from drills.exposure import CONFIDENCE_RANGE
from drills.planner import Plan, Session
from drills.render import cadence_view, forms, planner_view, regions, session_view
from drills.render.log_sessions import session_name
from drills.render.log_view import plan_notes
from drills.session_audio import Timeline
from drills.units import parse_number, parse_pace_or_speed


@cache
def tempo_defaults() -> dict[str, str]:
    """The cadence and pace session mode offers when the runner has not used the cadence
    calculator: its own defaults, and the metronome tempo it gives for them."""
    reading = forms.read(cadence_view.FIELDS, {})
    return cadence_view.session_tempo(cadence_view.compute(reading.values))


@dataclass(frozen=True)
class _Chosen:
    """The plan on the page as the kept log adjusts it, the session ``args["key"]`` of it, and
    the note on that session (a coach's, or the athlete's own; empty if none)."""

    plan: Plan
    session: Session
    key: tuple[int, int]
    note: str


def _session(args: Args) -> _Chosen:
    plan = planner_view.plan_for(raw_fields(args))
    if plan is None:
        raise InputError("plan", "Correct the plan’s highlighted fields first.")
    reading = training_log.read_text(args.get("store"))
    notes = plan_notes(reading, plan) or {}
    store = reading.store
    if training_log.fits(store, plan, planner_view.stored_plan(store)):
        plan = training_log.adjust_plan(plan, store.entries).plan
    key = training_log.parse_key(args.get("key"))
    if key is None or key not in set(training_log.plan_keys(plan)):
        raise InputError("session", "That session is not in this plan; start one from the plan.")
    return _Chosen(plan, plan.weeks[key[0] - 1].sessions[key[1] - 1], key, notes.get(key, ""))


def _text(args: Args, name: str) -> str:
    """A tempo field's text; empty means the default."""
    value = args.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return tempo_defaults()[name]
    return value if isinstance(value, str) else repr(value)


def _cadence(text: str) -> float:
    return parse_number(text, "cadence", "Cadence", *session_audio.CADENCE_RANGE, "steps/min")


def _speed(text: str) -> float:
    return 1000.0 / parse_pace_or_speed(text, "pace")


def _tempo(args: Args) -> tuple[float, float, dict[str, str]]:
    """Cadence (steps/min) and speed (m/s) from the view's fields, the defaults standing in
    for any that do not read, and the messages for those."""
    values: dict[str, float] = {}
    errors: dict[str, str] = {}
    for name, read in (("cadence", _cadence), ("pace", _speed)):
        try:
            values[name] = read(_text(args, name))
        except InputError as error:
            errors[name] = str(error)
            values[name] = read(tempo_defaults()[name])
    return values["cadence"], values["pace"], errors


def _checked_tempo(args: Args) -> tuple[float, float]:
    """Cadence and speed, or InputError beside the first field that does not read."""
    cadence, speed, errors = _tempo(args)
    for name, message in errors.items():
        raise InputError(name, message)
    return cadence, speed


def _timeline(session: Session, cadence: float, speed: float) -> tuple[Timeline | None, str]:
    """The session's audio timeline, or None and why there is no audio."""
    if not session.is_downhill:
        return None, "A conditioning session has no audio: move at your own pace."
    try:
        return session_audio.session_timeline(session, cadence, speed), ""
    except InputError as error:  # a track too long to make; the steps still stand
        return None, str(error)


def steps(args: Args) -> dict[str, Any]:
    """The session and its step ``step`` (0-based; past the end, the last), as regions against
    the ``marks`` the view shows: {fields, store, today, key, cadence, pace, step, marks}
    (cadence and pace as typed, empty for the defaults). A cadence or pace that does not read
    comes back in ``errors`` beside the steps, timed with the defaults. ``steps`` holds what
    the page needs of each step to page through them: its kind and where the audio reaches it."""
    chosen = _session(args)
    plan, session, key = chosen.plan, chosen.session, chosen.key
    cadence, speed, errors = _tempo(args)
    timeline, audio_note = _timeline(session, cadence, speed)
    shown = session_mode.session_steps(session, timeline)
    step = args.get("step")
    index = step if isinstance(step, int) and not isinstance(step, bool) and step >= 0 else 0
    index = min(index, len(shown) - 1)
    title = session_name(plan, *key)
    marks = args.get("marks")
    tops = (
        *session_view.session_regions(title, chosen.note, session.cadence_cue, audio_note),
        *session_view.step_regions(shown, index),
    )
    return {
        "key": training_log.session_key(*key),
        "title": title,
        "heading": shown[index].heading,
        "step": index,
        "downhill": session.is_downhill,
        "texts": {"cadence": _text(args, "cadence").strip(), "pace": _text(args, "pace").strip()},
        "audio": timeline is not None,
        "minutes": math.ceil(timeline.length_s / 60) if timeline else None,
        "errors": errors,
        "steps": [{"kind": s.kind, "track_at_s": s.track_at_s} for s in shown],
        "regions": regions.changes(tops, marks if isinstance(marks, dict) else {}),
    }


def audio(args: Args) -> dict[str, Any]:
    """The session's audio track (its bytes handed over beside the answer, ``file``):
    {fields, store, key, cadence, pace}."""
    chosen = _session(args)
    plan, session, key = chosen.plan, chosen.session, chosen.key
    cadence, speed = _checked_tempo(args)
    wav = session_audio.session_track_wav(session, cadence, speed)
    return {
        "file": wav,
        "bytes": len(wav),
        "title": session_name(plan, *key),
        "filename": f"downhill-session-week-{key[0]}-{key[1]}-{cadence:g}spm.wav",
    }


def _before(raw: object) -> tuple[str, str | None]:
    """The optional confidence rating before the session, or the message to show beside it."""
    if raw in (None, ""):
        return "", None
    text = raw.strip() if isinstance(raw, str) else ""
    low, high = CONFIDENCE_RANGE
    if text.isascii() and text.isdigit() and low <= int(text) <= high:
        return text, None
    return (
        "",
        f"Confidence before must be a rating from {training_log.low_high(CONFIDENCE_RANGE)}; tap one.",
    )


def _choice(ratings: Mapping[str, object], name: str) -> str:
    value = ratings.get(name)
    return value if isinstance(value, str) else ""


def log_texts(args: Args) -> dict[str, Any]:
    """The training log's form texts for a finished session, for the runner to confirm:
    {fields, store, today, key, ratings: {before, after, pain, rpe}, cadence, pace, audio}.
    Answers {"texts": ...} or {"errors": {field: message}} (fields as the view names them)."""
    chosen = _session(args)
    plan, session, key = chosen.plan, chosen.session, chosen.key
    raw = args.get("ratings")
    ratings: Mapping[str, object] = raw if isinstance(raw, dict) else {}
    errors: dict[str, str] = {}
    before, problem = _before(ratings.get("before"))
    if problem:
        errors["before"] = problem
    pain = _choice(ratings, "pain")
    if pain not in ("yes", "no"):
        errors["pain"] = "Did anything hurt? Tap yes or no."
    cadence = ""
    if session.is_downhill and args.get("audio") is True:
        try:
            cadence = f"{round(_checked_tempo(args)[0])}"
        except InputError as error:
            errors[error.field] = str(error)
    after = _choice(ratings, "after")
    texts: dict[str, Any] = {
        "session": training_log.session_key(*key),
        "date": today_of(args).isoformat(),
        "rpe": _choice(ratings, "rpe"),
        "confidence": after,
        "soreness": "",
        "cadence": cadence,
        "flags": ["pain"] if pain == "yes" else [],
        "note": _note(session, before, after, cadence),
    }
    _, entry_errors = training_log.read_entry_form(
        texts, training_log.plan_keys(plan), today_of(args)
    )
    renamed = {"confidence": "after"}  # the view asks for confidence after the session
    errors |= {renamed.get(f, f): m for f, m in entry_errors.items()}
    return {"errors": errors} if errors else {"texts": texts}


def _note(session: Session, before: str, after: str, cadence: str) -> str:
    """The log entry's note: what the log's own fields do not hold."""
    top = CONFIDENCE_RANGE[1]
    parts = ["Run in session mode."]
    if before and after:
        what = "the first repeat" if session.is_downhill else "the circuit"
        parts.append(f"Confidence {before}/{top} before {what}, {after}/{top} after.")
    if cadence:
        parts.append(f"Ran to the session audio at {cadence} steps/min.")
    return " ".join(parts)
