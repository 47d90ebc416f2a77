"""Sound and rhythm: a WAV click track at a tempo, and cadence measured from taps."""

from __future__ import annotations

import itertools
import math
import statistics

from drills import audio
from drills.audio import CLICK_HZ, CLICK_MS
from drills.cadence import CADENCE_RANGE_SPM
from drills.errors import InputError, check_range

SAMPLE_RATE_HZ = 8000  # telephone quality: plenty for a click, and 30 min stays near 14 MB
TEMPO_RANGE_BPM = (round(CADENCE_RANGE_SPM[0]), round(CADENCE_RANGE_SPM[1]))  # a beat a step
LENGTH_RANGE_MIN = (1, 30)
MIN_TAPS = 6  # five intervals: enough for a median that one stumble cannot move
KEPT_TAPS = 16  # the page measures the latest taps: a change of rhythm shows within a few


def click_track_wav(tempo_bpm: int, minutes: int) -> bytes:
    """A mono 8-bit WAV file with a short click on every beat for ``minutes`` minutes."""
    check_range("tempo", "Tempo", tempo_bpm, *TEMPO_RANGE_BPM, "beats/min")
    check_range("minutes", "Click track length", minutes, *LENGTH_RANGE_MIN, "min")
    click = audio.click_wave(SAMPLE_RATE_HZ, CLICK_HZ, CLICK_MS)
    total = int(SAMPLE_RATE_HZ * 60 * minutes)
    beat = 60.0 * SAMPLE_RATE_HZ / tempo_bpm
    starts = range(int(total / beat) + 1)
    track = audio.mix_in(
        audio.silence(total), (audio.Placed(round(k * beat), click) for k in starts)
    )
    return audio.wav_file(track, SAMPLE_RATE_HZ)


def cadence_from_taps(tap_times_ms: list[float]) -> float:
    """Steps per minute from the times of taps, one per footfall (median interval, one decimal)."""
    if len(tap_times_ms) < MIN_TAPS:
        raise InputError(
            "taps",
            f"Tap at least {MIN_TAPS} times, once per footfall; you tapped {len(tap_times_ms)}.",
        )
    if not all(isinstance(t, (int, float)) and math.isfinite(t) for t in tap_times_ms):
        raise InputError("taps", "The tap times could not be read; please tap again.")
    intervals = [b - a for a, b in itertools.pairwise(tap_times_ms)]
    if any(i <= 0 for i in intervals):
        raise InputError("taps", "The tap times are out of order; please tap again.")
    spm = 60000.0 / statistics.median(intervals)
    low, high = TEMPO_RANGE_BPM
    if not low <= spm <= high:
        raise InputError(
            "taps",
            f"Those taps give {spm:.0f} steps/min, outside {low}–{high}; tap once per footfall.",
        )
    return round(spm, 1)


# The session audio lives in its own module; importable from here too.
from drills.session_audio import session_timeline, session_track_wav  # noqa: E402

__all__ = [
    "KEPT_TAPS",
    "LENGTH_RANGE_MIN",
    "MIN_TAPS",
    "SAMPLE_RATE_HZ",
    "TEMPO_RANGE_BPM",
    "cadence_from_taps",
    "click_track_wav",
    "session_timeline",
    "session_track_wav",
]
