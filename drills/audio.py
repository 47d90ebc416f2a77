"""Sound synthesis for the site's audio: clicks, beeps and mono 8-bit WAV files.

Waveforms are rendered once, sample by sample (a few hundred samples each), and a track is
built by copying them into a silent ``bytearray`` at exact sample positions: no Python loop
runs over the whole track, so a 40-minute file is made in a fraction of a second in Pyodide.
"""

from __future__ import annotations

import io
import math
import wave
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

SILENCE = 128  # 8-bit WAV samples are unsigned, centred on 128
CLICK_HZ = 1000.0  # well inside what a phone speaker and a cheap earbud reproduce
CLICK_MS = 25
FADE_MS = 5  # a beep's fade in and out: long enough to avoid a pop, short enough to stay crisp


def _render(
    sample_rate_hz: int, hz: float, length: int, amplitude: float, envelope: Callable[[int], float]
) -> bytes:
    return bytes(
        int(SILENCE + amplitude * envelope(n) * math.sin(2 * math.pi * hz * n / sample_rate_hz))
        for n in range(length)
    )


@lru_cache(maxsize=32)
def click_wave(sample_rate_hz: int, hz: float, ms: int, amplitude: float = 100.0) -> bytes:
    """A click: a sine burst of ``ms`` milliseconds whose fast decay keeps it crisp."""
    length = sample_rate_hz * ms // 1000
    return _render(sample_rate_hz, hz, length, amplitude, lambda n: math.exp(-n / (length / 5)))


@lru_cache(maxsize=32)
def beep_wave(sample_rate_hz: int, hz: float, ms: int, amplitude: float = 90.0) -> bytes:
    """A beep: a steady sine of ``ms`` milliseconds with short linear fades at both ends."""
    length = sample_rate_hz * ms // 1000
    fade = max(1, sample_rate_hz * FADE_MS // 1000)
    return _render(
        sample_rate_hz, hz, length, amplitude, lambda n: min(1.0, n / fade, (length - n) / fade)
    )


def silence(samples: int) -> bytearray:
    """A silent track of ``samples`` samples to copy sounds into."""
    return bytearray([SILENCE]) * samples


@dataclass(frozen=True)
class Placed:
    """One sound at an exact sample index of a track."""

    start: int
    sound: bytes


def mix_in(track: bytearray, sounds: Iterable[Placed]) -> bytearray:
    """Copy each sound into ``track`` at its start (cut off at the end); sounds must not overlap."""
    total = len(track)
    for placed in sounds:
        end = min(placed.start + len(placed.sound), total)
        if end > placed.start >= 0:
            track[placed.start : end] = placed.sound[: end - placed.start]
    return track


def wav_file(samples: bytes | bytearray, sample_rate_hz: int) -> bytes:
    """A mono, 8-bit unsigned PCM WAV file holding ``samples``."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(sample_rate_hz)
        out.writeframes(samples)
    return buffer.getvalue()
