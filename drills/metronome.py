"""Sound and rhythm: a WAV click track at a tempo, and cadence measured from taps."""

from __future__ import annotations

import io
import itertools
import math
import statistics
import wave

from drills.errors import InputError, check_range

SAMPLE_RATE_HZ = 8000  # telephone quality: plenty for a click, and 30 min stays near 14 MB
CLICK_HZ = 1000.0  # well inside what a phone speaker and a cheap earbud reproduce
CLICK_MS = 25
TEMPO_RANGE_BPM = (100, 240)
LENGTH_RANGE_MIN = (1, 30)
MIN_TAPS = 6  # five intervals: enough for a median that one stumble cannot move


def click_track_wav(tempo_bpm: int, minutes: int) -> bytes:
    """A mono 8-bit WAV file with a short click on every beat for ``minutes`` minutes."""
    check_range("tempo", "Tempo", tempo_bpm, *TEMPO_RANGE_BPM, "beats/min")
    check_range("minutes", "Click track length", minutes, *LENGTH_RANGE_MIN, "min")
    click_len = SAMPLE_RATE_HZ * CLICK_MS // 1000
    click = bytes(
        # 8-bit WAV is unsigned, centred on 128; a fast decay keeps the click crisp.
        int(
            128
            + 100
            * math.exp(-n / (click_len / 5))
            * math.sin(2 * math.pi * CLICK_HZ * n / SAMPLE_RATE_HZ)
        )
        for n in range(click_len)
    )
    total = int(SAMPLE_RATE_HZ * 60 * minutes)
    beat = 60.0 * SAMPLE_RATE_HZ / tempo_bpm
    samples = bytearray(b"\x80" * total)
    n_beats = int(total / beat)
    for k in range(n_beats + 1):
        start = round(k * beat)
        end = min(start + click_len, total)
        samples[start:end] = click[: end - start]
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(SAMPLE_RATE_HZ)
        out.writeframes(bytes(samples))
    return buffer.getvalue()


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
