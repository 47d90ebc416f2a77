"""Session mode: one planned session as the steps a runner pages through on the hill.

A downhill session is: before you start (the session, what its drills ask to set up once,
its cadence cue, the ratings and the audio), a warm-up, one step per repeat (its grade,
length and one key cue at a time, with the run and the walk back up timed as the session
audio times them), an easy jog home, and how it felt. A conditioning session is the circuit: one step per drill per round, each with
one of the drill's cues. The page shows these steps as they are; the wording lives here.

The warm-up and the jog home are the exposure chapter's typical session (coaching practice):
an easy warm-up on the flat, the descents right after it while the legs are fresh, an easy
jog home.
"""

from __future__ import annotations

from dataclasses import dataclass

from drills import catalog
from drills.planner import Session
from drills.safety import EMERGENCY, STOP, TITLE, sentence
from drills.session_audio import Timeline, clock
from drills.session_content import PRACTICE_INTRO, practice_note
from drills.words import listing

WARM_UP = (
    "Easy running on the flat until you feel loose. The descents come right after it, "
    "while your legs are fresh."
)
# The warm-up screen quotes the emergency and stop rules; every screen has all the signs.
STOP_NOTES = (sentence(EMERGENCY), sentence(STOP))
COOL_DOWN = "An easy jog on the flat to finish. Then rate the session."
AFTER = "One tap on each scale, then fill in your training log with them."
SETUP_TITLE = "Set up first:"
CIRCUIT_NOTE = "One set of each drill per round, in this order."


@dataclass(frozen=True)
class Step:
    """One screen of session mode. ``kind`` is "before", "warm_up", "repeat", "cool_down",
    "round" (a conditioning drill), "practice" (a drill with the day's own place, apart from
    the circuit) or "after"; the page shows its ratings on the last."""

    kind: str
    heading: str  # the big line: "Repeat 2 of 5"
    detail: str  # what to do: "150 m down the 8 % slope"
    cue: str = ""  # one key cue, shown large
    notes: tuple[str, ...] = ()  # smaller lines: timings, the stop signs, equipment
    notes_title: str = ""  # what the notes are, when they need saying
    track_at_s: float | None = None  # where this step begins in the session audio

    @property
    def announce(self) -> str:
        """What a screen reader says when the step comes up."""
        parts = [self.heading, self.detail] + ([f"Cue: {self.cue}"] if self.cue else [])
        return " ".join(p if p.endswith((".", ":", "?", "!")) else p + "." for p in parts)


def summary(session: Session) -> str:
    """The session in one line: "4 × 200 m down a 4 % slope, 32 m of drop in all"."""
    if not session.is_downhill:
        return f"{session.repeats} rounds of the conditioning circuit"
    return (
        f"{session.repeats} × {session.repeat_length_m:g} m down a {session.grade_pct:g} % "
        f"slope, {session.vertical_drop_m:g} m of drop in all"
    )


def setup(session: Session) -> tuple[str, ...]:
    """What the session's drills ask for once, before the first repeat (set the beat, walk
    the line): on the screen before the repeats, whose cues are all for running."""
    return tuple(dict.fromkeys(c for i in session.drill_ids for c in catalog.get(i).setup))


def _cue(cues: tuple[str, ...], index: int) -> str:
    return cues[index % len(cues)] if cues else ""


def _repeat_notes(timeline: Timeline | None, repeat: int) -> tuple[tuple[str, ...], float | None]:
    """The repeat's run and walk back up as the track times them, and where its audio starts."""
    if timeline is None:
        return ("Walk back up between repeats.",), None
    mine = [s for s in timeline.steps if s.repeat == repeat]
    run = next(s for s in mine if s.kind == "run")
    notes = [f"Run down in about {clock(run.end_s - run.start_s)} at your pace."]
    notes += [s.text for s in mine if s.kind == "walk"]
    # The screen moves on when the audio announces the repeat ("next repeat in 10 s").
    return tuple(notes), next(s.start_s for s in mine if s.kind == "next")


def downhill_steps(session: Session, timeline: Timeline | None) -> tuple[Step, ...]:
    """The steps of a downhill session; ``timeline`` (its audio's) times the repeats."""
    n = session.repeats
    first = setup(session)
    steps = [
        # The cadence cue stands beside the cadence field on this screen (the page's template).
        Step(
            "before",
            "Before the first repeat",
            summary(session) + ".",
            notes=first,
            notes_title=SETUP_TITLE if first else "",
        ),
        Step("warm_up", "Warm up", WARM_UP, notes=STOP_NOTES, notes_title=TITLE),
    ]
    for r in range(1, n + 1):
        notes, at = _repeat_notes(timeline, r)
        steps.append(
            Step(
                "repeat",
                f"Repeat {r} of {n}",
                f"{session.repeat_length_m:g} m down the {session.grade_pct:g} % slope",
                _cue(session.key_cues, r - 1),
                notes,
                track_at_s=at,
            )
        )
    steps += [
        Step("cool_down", "Jog home easy", COOL_DOWN),
        Step("after", "How did it feel?", AFTER),
    ]
    return tuple(steps)


def conditioning_steps(session: Session) -> tuple[Step, ...]:
    """The steps of a conditioning session: each drill of the circuit, round by round."""
    drills = [catalog.get(i) for i in session.drill_ids]
    n = session.repeats
    needed = list(dict.fromkeys(e for d in drills for e in d.equipment))
    before_notes = (
        f"The circuit: {listing([d.name for d in drills])}.",
        CIRCUIT_NOTE,
        *((f"You need: {'; '.join(needed)}.",) if needed else ()),
    )
    if session.practice_ids:
        before_notes += (practice_note(session.practice_ids),)
    steps = [Step("before", "Before the circuit", f"{summary(session)}.", notes=before_notes)]
    for r in range(1, n + 1):
        for k, drill in enumerate(drills, start=1):
            steps.append(
                Step(
                    "round",
                    f"Round {r} of {n}",
                    f"{drill.name} ({k} of {len(drills)})",
                    _cue(drill.cues, r - 1),
                    (f"The drill's dose: {drill.dose.work}. Rest: {drill.dose.rest}.",),
                )
            )
    for drill in map(catalog.get, session.practice_ids):
        steps.append(
            Step(
                "practice",
                drill.name,
                f"{drill.dose.work}.",
                drill.cues[0],
                (f"Where: {drill.surface}.", f"Rest: {drill.dose.rest}."),
                PRACTICE_INTRO,
            )
        )
    steps.append(Step("after", "How did it feel?", AFTER))
    return tuple(steps)


def session_steps(session: Session, timeline: Timeline | None = None) -> tuple[Step, ...]:
    """Every step of session mode for one planned session, in order."""
    if session.is_downhill:
        return downhill_steps(session, timeline)
    return conditioning_steps(session)
