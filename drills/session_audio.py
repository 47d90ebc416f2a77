"""The audio track for one planned downhill session, and its timeline as data.

What the track plays, in order (each number is a constant below; ``CUES`` and ``LEGEND``
carry the same meanings as data for the page's legend):

- "Next repeat in 10 s" — three rising beeps. It opens the track and plays 10 s before each
  repeat's first click, so there is time to turn round at the top.
- Count-in — four beeps a second apart, lower than the clicks and slower than any step
  rate; the clicks start on the fifth beat.
- The repeat — one continuous stretch of clicks, one per step at the chosen cadence, lasting
  the repeat's length ÷ the running speed. With ``ramp_from_spm`` the clicks start at that
  cadence and rise linearly in time to the chosen cadence over the first half of the
  repeat's running time, then hold. With ``accent_every`` every 4th or 8th click (the first
  of each group) is higher and louder.
- The walk back up — silent apart from "half way" (two quick beeps) and "next repeat in
  10 s". Its length is the repeat's length ÷ Tobler's walking speed uphill at the session's
  grade. The half-way cue is left out when the walk is too short to keep it clear of the
  next cue.
- After the last repeat, no walk: "session over" (three falling beeps).

``session_timeline`` computes all of this as data; ``session_track_wav`` renders exactly
that timeline, so the page's list of steps and the sound cannot disagree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drills import audio
from drills.cadence import CADENCE_RANGE_SPM
from drills.errors import InputError, check_range, shown
from drills.units import GRADE_LIMIT_PCT, PACE_RANGE_S_PER_KM

if TYPE_CHECKING:
    from drills.planner import Session

# 8-bit PCM at 4 kHz is 4,000 bytes a second: 0.24 MB a minute, 9.6 MB for 40 minutes.
# Chromium plays any rate from 3 kHz (media/base/limits.h, kMinSampleRate); a 1 kHz click
# still has 4 samples a cycle. IMA ADPCM would fit 8 kHz in the same size, but Chrome and
# Firefox do not play ADPCM WAV files (Firefox bug 1120764), so plain PCM it is.
SAMPLE_RATE_HZ = 4000
ACCENT_HZ = 1500.0  # higher than the click, still under half the sample rate
ACCENT_AMPLITUDE = 127.0  # the loudest an 8-bit sample allows; a plain click is 100
ACCENT_CHOICES = (4, 8)  # steps per accent: a bar of four, or of eight for longer phrases

CADENCE_RANGE = CADENCE_RANGE_SPM  # the cadence calculator's range, so its tempo always fits
# The paces the site accepts (2:00–20:00 per km) as speeds: a nervous first descent on a
# steep grade can be as slow as a walk, and nothing runs faster than 2:00/km.
SPEED_RANGE_MPS = (1000.0 / PACE_RANGE_S_PER_KM[1], 1000.0 / PACE_RANGE_S_PER_KM[0])
GRADE_RANGE_PCT = (0.0, GRADE_LIMIT_PCT)  # the planner's descents, walked back up

RAMP_SHARE = 0.5  # a ramp rises over the first half of each repeat, then holds the cadence

NEXT_WARNING_S = 10.0  # "next repeat in 10 s" plays this long before the first click
COUNT_IN_BEATS = 4
COUNT_IN_BEAT_S = 1.0  # far slower than any step rate, so it cannot be taken for the clicks
MIN_CUE_GAP_S = 2.0  # two cues closer than this run together; the half-way cue gives way
END_DELAY_S = 0.5  # "session over" waits for the last click to finish
TAIL_S = 0.5  # silence after the last cue, so no player clips it

# Tobler's hiking function (Tobler 1993, references key "tobler-1993"): walking speed
# 6·e^(−3.5·|S + 0.05|) km/h on a path, S the slope as a fraction, positive uphill; 5.0 km/h
# on the flat, 3.5 km/h at +10 %, 1.0 km/h at +45 %. We apply it to the repeat's length
# along the ground (our choice: slightly longer than map distance, so the walk is not rushed).
TOBLER_PEAK_KMH = 6.0
TOBLER_DECAY = 3.5
TOBLER_OFFSET = 0.05
WALK_SOURCE_KEY = "tobler-1993"

# Longest track we make: 24 MB, the most we ask a phone to build, copy and hold. In a sweep
# of planned sessions at 3 m/s, 99 % of tracks ran under an hour; the longest, 93 min, came
# from 1,000 m repeats on a flat first week (and building it takes 0.03 s in Pyodide).
MAX_TRACK_MIN = 100


@dataclass(frozen=True)
class Tone:
    """One beep of a cue: when it starts within the cue, how long, what pitch."""

    at_s: float
    ms: int
    hz: float


@dataclass(frozen=True)
class Cue:
    """A tonal cue: what it sounds like (as tones and in words) and what it means."""

    kind: str
    meaning: str
    tones: tuple[Tone, ...]

    @property
    def length_s(self) -> float:
        return max(t.at_s + t.ms / 1000 for t in self.tones)

    @property
    def sound(self) -> str:
        """The tones in words, made from the tones themselves: "three rising beeps"."""
        pitches = [t.hz for t in self.tones]
        shape = (
            "rising "
            if pitches == sorted(set(pitches))
            else "falling "
            if pitches == sorted(set(pitches), reverse=True)
            else ""
        )
        count = _WORDS[len(self.tones)]  # every cue has two beeps or more
        gap = self.tones[1].at_s - self.tones[0].at_s
        spacing = f", {gap:g} s apart" if gap >= COUNT_IN_BEAT_S else ""
        quick = "quick " if gap < 0.5 and not shape else ""
        return f"{count} {quick}{shape}beeps{spacing}"


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight")
_BEEP_MS = 150

CUES: dict[str, Cue] = {
    "next": Cue(
        "next",
        f"Next repeat in {NEXT_WARNING_S:g} s: be at the top, facing down.",
        (Tone(0.0, _BEEP_MS, 600.0), Tone(0.25, _BEEP_MS, 800.0), Tone(0.5, _BEEP_MS, 1200.0)),
    ),
    "count_in": Cue(
        "count_in",
        f"Count-in: the clicks start on beat {COUNT_IN_BEATS + 1}; run from the first click.",
        tuple(Tone(k * COUNT_IN_BEAT_S, _BEEP_MS, 600.0) for k in range(COUNT_IN_BEATS)),
    ),
    "half_way": Cue(
        "half_way",
        "Half way back up.",
        (Tone(0.0, _BEEP_MS, 800.0), Tone(0.3, _BEEP_MS, 800.0)),
    ),
    "end": Cue(
        "end",
        "Session over: no more repeats.",
        (Tone(0.0, 250, 1200.0), Tone(0.35, 250, 800.0), Tone(0.7, 500, 600.0)),
    ),
}


@dataclass(frozen=True)
class LegendEntry:
    """One sound of the track for the page's legend; ``kind`` matches ``TrackStep.kind``."""

    kind: str  # "click", "accent" or a key of CUES
    sound: str
    meaning: str


LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("click", "a click", "One step: land a foot on every click."),
    LegendEntry(
        "accent",
        "a higher, louder click",
        f"The first step of each group of {' or '.join(map(str, ACCENT_CHOICES))}, "
        "if you chose accents.",
    ),
    *(LegendEntry(kind, cue.sound, cue.meaning) for kind, cue in CUES.items()),
)


@dataclass(frozen=True)
class Clicks:
    """The clicks of one repeat: cadence at the first click, cadence reached, ramp time."""

    start_spm: float
    end_spm: float
    ramp_s: float  # 0 when the cadence is steady
    accent_every: int | None


@dataclass(frozen=True)
class TrackStep:
    """One part of the track: a cue, a repeat's clicks ("run") or a walk back up ("walk")."""

    kind: str  # "run", "walk" or a key of CUES
    repeat: int  # the repeat (1-based) it belongs to or announces
    start_s: float
    end_s: float
    text: str  # one line for the page
    clicks: Clicks | None = None  # run steps only


@dataclass(frozen=True)
class Timeline:
    steps: tuple[TrackStep, ...]  # in order of start; a walk's cues follow the walk
    length_s: float  # the whole track


# --- Validation ------------------------------------------------------------------------------


def _number(field: str, label: str, value: object, low: float, high: float, unit: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(
            field,
            f"{label} must be a number between {low:.3g} and {high:.3g} {unit}; "
            f"you entered {shown(repr(value))}.",
        )
    if not math.isfinite(value) or not low <= value <= high:
        raise InputError(
            field,
            f"{label} must be between {low:.3g} and {high:.3g} {unit}; you entered {shown(value)}.",
        )
    return float(value)


def _check_session(session: Session) -> None:
    if not session.is_downhill:
        raise InputError(
            "session",
            "A conditioning session has no downhill repeats to click; "
            "choose one of the week's downhill sessions.",
        )
    repeats = session.repeats
    if isinstance(repeats, bool) or not isinstance(repeats, int) or repeats < 1:
        raise InputError("session", f"This session has no repeats to click ({shown(repeats)}).")
    length = session.repeat_length_m
    if not isinstance(length, int | float) or not math.isfinite(length) or length <= 0:
        raise InputError("session", f"This session's repeat length is unusable ({shown(length)}).")
    check_range("session", "The session's grade", session.grade_pct, *GRADE_RANGE_PCT, "%")


def _check(
    session: Session,
    cadence_spm: float,
    speed_mps: float,
    ramp_from_spm: float | None,
    accent_every: int | None,
) -> tuple[float, float, float | None]:
    _check_session(session)
    cadence = _number("cadence", "Cadence", cadence_spm, *CADENCE_RANGE, "steps/min")
    speed = _number("speed", "Running speed", speed_mps, *SPEED_RANGE_MPS, "m/s")
    ramp = None
    if ramp_from_spm is not None:
        ramp = _number(
            "ramp", "The ramp's starting cadence", ramp_from_spm, *CADENCE_RANGE, "steps/min"
        )
        if ramp >= cadence:
            raise InputError(
                "ramp",
                f"The ramp must start below the cadence it rises to ({_spm(cadence)} steps/min); "
                f"you entered {_spm(ramp)}.",
            )
    if accent_every is not None and (
        isinstance(accent_every, bool) or accent_every not in ACCENT_CHOICES
    ):
        raise InputError(
            "accent",
            f"Accents come every {' or '.join(map(str, ACCENT_CHOICES))} steps, or not at all; "
            f"you entered {shown(accent_every)}.",
        )
    return cadence, speed, ramp


# --- The timeline ----------------------------------------------------------------------------


def walking_speed_mps(grade_pct: float) -> float:
    """Tobler's walking speed going up a slope of ``grade_pct`` (positive), in m/s."""
    kmh = TOBLER_PEAK_KMH * math.exp(-TOBLER_DECAY * abs(grade_pct / 100 + TOBLER_OFFSET))
    return kmh / 3.6


def walk_s(length_m: float, grade_pct: float) -> float:
    """Seconds to walk back up one repeat, to the whole second the page shows."""
    return float(max(1, round(length_m / walking_speed_mps(grade_pct))))


def _spm(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _duration(seconds: float) -> str:
    minutes = math.ceil(seconds / 60)
    return f"{minutes // 60} h {minutes % 60} min" if minutes >= 60 else f"{minutes} min"


def clock(seconds: float) -> str:
    """Seconds as the page and the track's texts show them: "1:07"."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def session_timeline(
    session: Session,
    cadence_spm: float,
    speed_mps: float,
    ramp_from_spm: float | None = None,
    accent_every: int | None = None,
) -> Timeline:
    """Every cue, click stretch and walk of the session's track, with start and end seconds.

    Raises InputError naming the field ("session", "cadence", "speed", "ramp" or "accent").
    """
    cadence, speed, ramp = _check(session, cadence_spm, speed_mps, ramp_from_spm, accent_every)
    n, length, grade = session.repeats, session.repeat_length_m, session.grade_pct
    run_s = length / speed
    walk = walk_s(length, grade)
    clicks = Clicks(
        ramp if ramp is not None else cadence,
        cadence,
        RAMP_SHARE * run_s if ramp is not None else 0.0,
        accent_every,
    )
    how = (
        f"clicks rising from {_spm(clicks.start_spm)} to {_spm(cadence)} steps/min over the "
        "first half"
        if ramp is not None
        else f"one step per click at {_spm(cadence)} steps/min"
    )
    steps: list[TrackStep] = []

    def cue(kind: str, repeat: int, at: float, text: str) -> None:
        steps.append(TrackStep(kind, repeat, at, at + CUES[kind].length_s, text))

    cue("next", 1, 0.0, f"Repeat 1 of {n} in {NEXT_WARNING_S:g} s: stand at the top, facing down.")
    run_start = NEXT_WARNING_S
    for r in range(1, n + 1):
        count_in = run_start - COUNT_IN_BEATS * COUNT_IN_BEAT_S
        cue("count_in", r, count_in, f"Count-in: {COUNT_IN_BEATS} beeps, then run.")
        run_end = run_start + run_s
        steps.append(
            TrackStep(
                "run",
                r,
                run_start,
                run_end,
                f"Repeat {r} of {n}: run {length:g} m down the {grade:g} % slope "
                f"in about {clock(run_s)}, {how}.",
                clicks,
            )
        )
        if r == n:
            cue("end", r, run_end + END_DELAY_S, f"Session over: {n} repeats done.")
            break
        next_run = run_end + walk + COUNT_IN_BEATS * COUNT_IN_BEAT_S
        steps.append(
            TrackStep(
                "walk",
                r,
                run_end,
                run_end + walk,
                f"Walk back up {length:g} m: about {clock(walk)} at "
                f"{walking_speed_mps(grade) * 3.6:.1f} km/h.",
            )
        )
        warning = max(run_end + END_DELAY_S, next_run - NEXT_WARNING_S)
        half = run_end + walk / 2
        if half + CUES["half_way"].length_s + MIN_CUE_GAP_S <= warning:
            cue("half_way", r, half, "Half way back up.")
        cue("next", r + 1, warning, f"Repeat {r + 1} of {n} in {NEXT_WARNING_S:g} s: turn round.")
        run_start = next_run
    total = steps[-1].end_s + TAIL_S
    if total > MAX_TRACK_MIN * 60:
        raise InputError(
            "session",
            f"This session's track would last {_duration(total)} with the walks back up; "
            f"tracks stop at {_duration(MAX_TRACK_MIN * 60)}. Use the plain click track instead.",
        )
    return Timeline(tuple(steps), total)


# --- The sound -------------------------------------------------------------------------------


def click_offsets_s(clicks: Clicks, run_s: float) -> list[float]:
    """Each click's time from the repeat's start: cadence rising linearly over ``ramp_s``.

    Click k falls where the step count, the integral of cadence over time, reaches k; each
    time is solved exactly, so no rounding accumulates from one click to the next.
    """
    c0, c1, ramp = clicks.start_spm, clicks.end_spm, clicks.ramp_s
    rate = (c1 - c0) / ramp if ramp > 0 else 0.0  # steps/min gained per second
    steps_in_ramp = (c0 + c1) * ramp / 120.0
    offsets: list[float] = []
    k = 0
    while True:
        if k <= steps_in_ramp and rate > 0:
            # a/2·t² + c0·t = 60k, solved in the form that stays exact for small k
            t = 120.0 * k / (c0 + math.sqrt(c0 * c0 + 120.0 * rate * k))
        else:
            t = ramp + (k - steps_in_ramp) * 60.0 / c1
        if t >= run_s:
            return offsets
        offsets.append(t)
        k += 1


def _sample(seconds: float, rate: int) -> int:
    """The sample a sound starts on, halves rounded up: Python's round() takes halves to the
    even side, so clicks a whole number of samples apart, half a sample off the grid, came
    alternately one sample early and late (gaps of 1874 and 1876 samples for 1875)."""
    return math.floor(seconds * rate + 0.5)


def _sounds(timeline: Timeline) -> list[audio.Placed]:
    rate = SAMPLE_RATE_HZ
    click = audio.click_wave(rate, audio.CLICK_HZ, audio.CLICK_MS)
    accent = audio.click_wave(rate, ACCENT_HZ, audio.CLICK_MS, ACCENT_AMPLITUDE)
    placed: list[audio.Placed] = []
    for step in timeline.steps:
        if step.clicks is not None:
            every = step.clicks.accent_every
            for k, t in enumerate(click_offsets_s(step.clicks, step.end_s - step.start_s)):
                sample = _sample(step.start_s + t, rate)
                if sample >= step.end_s * rate:  # within half a sample of the end: past it
                    break
                sound = accent if every is not None and k % every == 0 else click
                placed.append(audio.Placed(sample, sound))
        elif step.kind in CUES:
            for tone in CUES[step.kind].tones:
                beep = audio.beep_wave(rate, tone.hz, tone.ms)
                placed.append(audio.Placed(_sample(step.start_s + tone.at_s, rate), beep))
    return placed


def session_track_wav(
    session: Session,
    cadence_spm: float,
    speed_mps: float,
    ramp_from_spm: float | None = None,
    accent_every: int | None = None,
) -> bytes:
    """The session's audio track as a mono 8-bit 4 kHz WAV file (0.24 MB a minute).

    Plays ``session_timeline`` with the same arguments; raises InputError like it.
    """
    timeline = session_timeline(session, cadence_spm, speed_mps, ramp_from_spm, accent_every)
    track = audio.silence(math.ceil(timeline.length_s * SAMPLE_RATE_HZ))
    return audio.wav_file(audio.mix_in(track, _sounds(timeline)), SAMPLE_RATE_HZ)
