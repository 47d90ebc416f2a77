"""The session audio track, checked by decoding the WAV file it makes.

The decoder below knows only the WAV format and what the track promises (one click per
step, tonal cues, silence elsewhere); it finds sounds as runs of non-silent samples and
measures them. The expected numbers come from the session's own fields and the arguments.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import math
import re
import wave
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drills import planner, session_audio
from drills.errors import InputError
from drills.exposure import TARGET_CEILING_PCT
from drills.metronome import session_timeline, session_track_wav
from drills.model import LEVELS

SILENT = 128
# A sound: non-silent samples with at most 5 ms of silence inside (a waveform crosses zero).
_SOUND = re.compile(rb"[^\x80](?:\x80{0,20}[^\x80])*")
CLICK_MAX_S = 0.05  # clicks are short; every cue beep is longer
MB_PER_MIN_LIMIT = 250_000  # bytes per minute of audio


@dataclass(frozen=True)
class Sound:
    start: int  # sample index of the first non-silent sample
    end: int
    peak: int  # largest distance from silence
    hz: float  # from zero crossings


@dataclass(frozen=True)
class Decoded:
    rate: int
    frames: bytes
    clicks: list[list[Sound]]  # continuous stretches: clicks with no beep between them
    beeps: list[Sound]

    @property
    def seconds(self) -> float:
        return len(self.frames) / self.rate


def _hz(frames: bytes, start: int, end: int, rate: int) -> float:
    signs = [s > SILENT for s in frames[start:end] if s != SILENT]
    changes = sum(a != b for a, b in itertools.pairwise(signs))
    return changes / 2 / ((end - start) / rate)


def decode(data: bytes) -> Decoded:
    with wave.open(io.BytesIO(data)) as wav:
        assert wav.getnchannels() == 1
        assert wav.getsampwidth() == 1
        assert wav.getcomptype() == "NONE"
        rate = wav.getframerate()
        frames = wav.readframes(wav.getnframes())
        assert len(frames) == wav.getnframes()
    stretches: list[list[Sound]] = []
    beeps: list[Sound] = []
    after_beep = True
    for match in _SOUND.finditer(frames):
        start, end = match.span()
        chunk = frames[start:end]
        peak = max(max(chunk) - SILENT, SILENT - min(chunk))
        if end - start <= CLICK_MAX_S * rate:
            sound = Sound(start, end, peak, math.nan)
            if after_beep:
                stretches.append([])
            stretches[-1].append(sound)
            after_beep = False
        else:
            beeps.append(Sound(start, end, peak, _hz(frames, start, end, rate)))
            after_beep = True
    return Decoded(rate, frames, stretches, beeps)


def downhill_sessions(plan: planner.Plan) -> list[planner.Session]:
    return [s for week in plan.weeks for s in week.sessions if s.is_downhill]


@st.composite
def planned_session(draw: st.DrawFn, max_slope_m: float = 300.0) -> planner.Session:
    """A downhill session of a plan made from any valid inputs (slopes kept short for speed)."""
    current = draw(st.floats(0, TARGET_CEILING_PCT))
    plan = planner.make_plan(
        current,
        draw(st.floats(max(current, 4.0), TARGET_CEILING_PCT)),
        draw(st.integers(2, 12)),
        draw(st.integers(2, 4)),
        draw(st.sampled_from(LEVELS)),
        draw(st.floats(20, max_slope_m)),
    )
    return draw(st.sampled_from(downhill_sessions(plan)))


def check_steady_stretch(clicks: list[Sound], rate: int, cadence: float, run_s: float) -> None:
    interval = 60.0 / cadence * rate  # samples
    first = clicks[0].start
    for k, click in enumerate(clicks):
        # Each click within one sample of its exact time: no rounding carried click to click.
        assert abs(click.start - first - k * interval) <= 1.0, k
    span = (clicks[-1].start - first) / rate
    assert run_s - 60.0 / cadence - 2 / rate < span < run_s + 2 / rate


# --- Known cases ---------------------------------------------------------------------------


def test_known_session_decodes_to_three_stretches_of_75_clicks() -> None:
    session = dataclasses.replace(
        downhill_sessions(planner.make_plan(4, 8, 4))[0],
        repeats=3,
        repeat_length_m=100.0,
        grade_pct=10.0,
    )
    data = session_track_wav(session, 180, 4.0)  # 25 s a repeat, a click every 1/3 s
    track = decode(data)
    assert track.rate == session_audio.SAMPLE_RATE_HZ == 4000
    assert [len(s) for s in track.clicks] == [75, 75, 75]
    for stretch in track.clicks:
        check_steady_stretch(stretch, track.rate, 180, 25.0)
    # The walk back up: 100 m at Tobler's 6·e^(−3.5·0.15) km/h = 3.55 km/h, 101 s; the next
    # repeat's first click follows the walk and a four-second count-in.
    walk = round(100 / (6 * math.exp(-3.5 * 0.15) / 3.6))
    assert walk == 101
    gap = (track.clicks[1][0].start - track.clicks[0][-1].start) / track.rate
    assert gap == pytest.approx(25.0 - 74 / 3 + walk + 4, abs=2 / 4000)
    assert len(data) <= MB_PER_MIN_LIMIT * track.seconds / 60


def test_tobler_walking_speed_known_values() -> None:
    assert session_audio.walking_speed_mps(0) * 3.6 == pytest.approx(5.04, abs=0.01)
    assert session_audio.walking_speed_mps(10) * 3.6 == pytest.approx(3.55, abs=0.01)
    assert session_audio.walking_speed_mps(45) * 3.6 == pytest.approx(1.04, abs=0.01)
    assert session_audio.walk_s(200, 10) == round(200 / (3.5495 / 3.6))


# --- Held-out plans ------------------------------------------------------------------------


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    planned_session(),
    st.floats(100, 240),
    st.floats(2.0, 8.0),
    st.sampled_from([None, 4, 8]),
)
def test_planned_sessions_decode_into_the_promised_track(
    session: planner.Session, cadence: float, speed: float, accent: int | None
) -> None:
    data = session_track_wav(session, cadence, speed, accent_every=accent)
    track = decode(data)
    run_s = session.repeat_length_m / speed
    assert len(track.clicks) == session.repeats
    for stretch in track.clicks:
        check_steady_stretch(stretch, track.rate, cadence, run_s)
        loud = [k for k, c in enumerate(stretch) if c.peak > 110]
        assert loud == (list(range(0, len(stretch), accent)) if accent else [])
    assert len(data) <= MB_PER_MIN_LIMIT * track.seconds / 60

    beep_starts = [b.start / track.rate for b in track.beeps]
    for r, stretch in enumerate(track.clicks):
        first = stretch[0].start / track.rate
        # The count-in: four beeps a second apart, the clicks on the fifth beat.
        count_in = [t for t in beep_starts if first - 4.5 < t < first]
        assert [round(first - t, 1) for t in count_in] == [4.0, 3.0, 2.0, 1.0]
        # "Next repeat in 10 s": a rising three-beep cue ten seconds before the first click.
        warning = [b for b in track.beeps if abs(b.start / track.rate - (first - 10)) < 0.6]
        assert len(warning) == 3
        assert warning[0].hz < warning[1].hz < warning[2].hz
        if r > 0:  # the walk: silent but for the cues
            walk_start = track.clicks[r - 1][0].start / track.rate + run_s  # the run's end
            inside = [t for t in beep_starts if walk_start < t < first - 10.5]
            walk = session_audio.walk_s(session.repeat_length_m, session.grade_pct)
            half = walk_start + walk / 2
            assert inside in ([], [pytest.approx(t, abs=0.01) for t in (half, half + 0.3)])
            if walk >= 20:  # long enough for the half-way cue to stand clear
                assert len(inside) == 2
    # After the last repeat: three falling beeps and nothing more.
    last = track.clicks[-1][-1].end / track.rate
    after = [b for b in track.beeps if b.start / track.rate > last]
    assert len(after) == 3 and after[0].hz > after[1].hz > after[2].hz
    assert track.seconds - after[-1].end / track.rate < 1.0


def test_clicks_a_whole_number_of_samples_apart_stay_so_off_the_sample_grid() -> None:
    """128 steps/min is 1875 samples; a ramp of 20 m at 2 m/s leaves the held clicks half a
    sample off the grid, and round() to even made them 1874 and 1876 apart (found by the
    property below)."""
    session = planner.make_plan(0, 4, 2, 3, "beginner", 200).weeks[0].sessions[0]
    flat = dataclasses.replace(session, repeat_length_m=20.0, grade_pct=0.0, vertical_drop_m=0.0)
    track = decode(session_track_wav(flat, 128.0, 2.0, ramp_from_spm=100.0))
    for stretch in track.clicks:
        held = [b.start - a.start for a, b in itertools.pairwise(stretch)][-8:]
        assert held == [1875] * 8


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planned_session(), st.floats(110, 240), st.floats(0.2, 0.95), st.floats(2.0, 6.0))
def test_a_ramp_rises_from_its_start_to_the_cadence(
    session: planner.Session, cadence: float, share: float, speed: float
) -> None:
    start = max(100.0, cadence * share)
    if start >= cadence - 1:
        start = cadence - 5
    track = decode(session_track_wav(session, cadence, speed, ramp_from_spm=start))
    run_s = session.repeat_length_m / speed
    ramp_s = session_audio.RAMP_SHARE * run_s
    rate = track.rate
    assert len(track.clicks) == session.repeats
    for stretch in track.clicks:
        onsets = [c.start for c in stretch]
        gaps = [b - a for a, b in itertools.pairwise(onsets)]
        if not gaps:
            continue
        # Each interval is no longer than the one before (one sample of rounding allowed) ...
        assert all(b <= a + 1 for a, b in itertools.pairwise(gaps))
        # ... the first matches the starting cadence, as far as it can rise in one step ...
        slope = (cadence - start) / ramp_s  # steps/min gained per second
        assert 60 / (start + slope * 60 / start) * rate - 1 <= gaps[0] <= 60 / start * rate + 1
        # ... and once the ramp is over, every interval is the cadence's.
        for t, gap in zip(onsets, gaps, strict=False):
            if (t - onsets[0]) / rate > ramp_s:
                assert abs(gap - 60 / cadence * rate) <= 1
        # Half way up the ramp the clicks come at the cadence half way between (linear).
        middle = [
            gap
            for t, gap in zip(onsets, gaps, strict=False)
            if abs((t - onsets[0]) / rate - ramp_s / 2) < 0.5
        ]
        for gap in middle:
            expected = 60 / ((start + cadence) / 2) * rate
            assert gap == pytest.approx(expected, abs=60 / start * rate * slope / start + 2)
        span = (onsets[-1] - onsets[0]) / rate
        assert run_s - 60 / start - 2 / rate < span < run_s + 2 / rate


# --- The timeline is the track -------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(planned_session(), st.floats(100, 240), st.floats(2.0, 8.0))
def test_timeline_steps_are_where_the_sounds_are(
    session: planner.Session, cadence: float, speed: float
) -> None:
    timeline = session_timeline(session, cadence, speed)
    track = decode(session_track_wav(session, cadence, speed))
    rate = track.rate
    assert track.seconds == pytest.approx(timeline.length_s, abs=1 / rate)
    runs = [s for s in timeline.steps if s.kind == "run"]
    assert [s.repeat for s in runs] == list(range(1, session.repeats + 1))
    for step, stretch in zip(runs, track.clicks, strict=True):
        assert 0 <= stretch[0].start - step.start_s * rate <= 2
        # A click's first sample is silent (sin 0): it is heard up to two samples after it starts.
        assert stretch[-1].start - 2 < step.end_s * rate
    walks = [s for s in timeline.steps if s.kind == "walk"]
    assert len(walks) == session.repeats - 1  # none after the last repeat
    cues = [s for s in timeline.steps if s.kind in session_audio.CUES]
    assert [s.kind for s in timeline.steps][-1] == "end"
    # Every beep belongs to one cue step, in that cue's pattern of tones.
    beeps = iter(track.beeps)
    for step in cues:
        for tone in session_audio.CUES[step.kind].tones:
            beep = next(beeps)
            assert beep.start / rate == pytest.approx(step.start_s + tone.at_s, abs=0.01)
            assert (beep.end - beep.start) / rate == pytest.approx(tone.ms / 1000, abs=0.01)
            assert beep.hz == pytest.approx(tone.hz, rel=0.1)
    assert next(beeps, None) is None
    # Nothing overlaps but a walk and its cues.
    sounding = sorted((s for s in timeline.steps if s.kind != "walk"), key=lambda s: s.start_s)
    for a, b in itertools.pairwise(sounding):
        assert a.end_s <= b.start_s


def test_the_legend_names_each_cue_by_a_different_sound() -> None:
    sounds = [entry.sound for entry in session_audio.LEGEND]
    meanings = [entry.meaning for entry in session_audio.LEGEND]
    assert len(set(sounds)) == len(sounds) and len(set(meanings)) == len(meanings)
    assert session_audio.CUES["next"].sound == "three rising beeps"
    assert session_audio.CUES["count_in"].sound == "four beeps, 1 s apart"
    assert "10 s" in session_audio.CUES["next"].meaning


# --- Bad input -----------------------------------------------------------------------------


def _a_downhill_session() -> planner.Session:
    return downhill_sessions(planner.make_plan(4, 10, 4))[0]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"cadence_spm": 99}, "cadence"),
        ({"cadence_spm": 241}, "cadence"),
        ({"cadence_spm": math.nan}, "cadence"),
        ({"cadence_spm": "180"}, "cadence"),
        ({"cadence_spm": True}, "cadence"),
        ({"speed_mps": 0}, "speed"),
        ({"speed_mps": 0.5}, "speed"),
        ({"speed_mps": 9}, "speed"),
        ({"speed_mps": math.inf}, "speed"),
        ({"ramp_from_spm": 180}, "ramp"),
        ({"ramp_from_spm": 200}, "ramp"),
        ({"ramp_from_spm": 90}, "ramp"),
        ({"ramp_from_spm": math.nan}, "ramp"),
        ({"accent_every": 3}, "accent"),
        ({"accent_every": 0}, "accent"),
        ({"accent_every": True}, "accent"),
        ({"accent_every": "4"}, "accent"),
    ],
)
def test_bad_input_names_the_field(kwargs: dict[str, object], field: str) -> None:
    args: dict[str, object] = {"cadence_spm": 180, "speed_mps": 3.0} | kwargs
    for make in (session_track_wav, session_timeline):
        with pytest.raises(InputError) as caught:
            make(_a_downhill_session(), **args)  # type: ignore[arg-type]
        assert caught.value.field == field
        assert "you entered" in str(caught.value)


def test_a_conditioning_session_has_nothing_to_click() -> None:
    plan = planner.make_plan(4, 10, 4)
    conditioning = next(s for s in plan.weeks[0].sessions if not s.is_downhill)
    with pytest.raises(InputError, match="conditioning session") as caught:
        session_track_wav(conditioning, 180, 3.0)
    assert caught.value.field == "session"


def test_an_overlong_session_is_refused_with_its_length() -> None:
    long = dataclasses.replace(_a_downhill_session(), repeats=12, repeat_length_m=2000.0)
    with pytest.raises(InputError, match=r"would last \d+ h \d+ min") as caught:
        session_timeline(long, 180, 3.0)
    assert caught.value.field == "session"
    assert f"{session_audio.MAX_TRACK_MIN // 60} h" in str(caught.value)


def test_a_long_session_stays_under_the_size_budget() -> None:
    # About 40 minutes: 8 repeats of 242 m on a 10 % slope at 3 m/s.
    session = dataclasses.replace(
        _a_downhill_session(), repeats=8, repeat_length_m=242.0, grade_pct=10.0
    )
    data = session_track_wav(session, 240, 3.0, ramp_from_spm=200, accent_every=4)
    track = decode(data)
    assert 39 * 60 < track.seconds < 41 * 60
    assert len(data) <= MB_PER_MIN_LIMIT * track.seconds / 60
    assert len(data) <= 10_000_000
    assert len(track.clicks) == 8


# --- A browser plays it ------------------------------------------------------------------------


@pytest.mark.browser
def test_chromium_plays_the_4_khz_track_for_its_whole_length(browser: object) -> None:
    import base64

    session = _a_downhill_session()
    args = {"cadence_spm": 180, "speed_mps": 3.0, "ramp_from_spm": 170, "accent_every": 4}
    data = session_track_wav(session, **args)  # type: ignore[arg-type]
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.set_content("<audio></audio>")
        result = page.evaluate(
            """async (b64) => {
              const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
              const audio = document.querySelector("audio");
              audio.muted = true;  // muted media may play without a user gesture
              const loaded = new Promise((ok, fail) => {
                audio.onloadedmetadata = ok;
                audio.onerror = () => fail(new Error(`media error ${audio.error.code}`));
              });
              audio.src = URL.createObjectURL(new Blob([bytes], { type: "audio/wav" }));
              await loaded;
              const moving = new Promise((ok) => {
                audio.ontimeupdate = () => audio.currentTime > 0.2 && ok(audio.currentTime);
              });
              await audio.play();
              return { duration: audio.duration, playedTo: await moving };
            }""",
            base64.b64encode(data).decode("ascii"),
        )
    finally:
        page.close()
    length = session_timeline(session, **args).length_s  # type: ignore[arg-type]
    assert result["duration"] == pytest.approx(length, abs=0.01)
    assert result["playedTo"] > 0.2
