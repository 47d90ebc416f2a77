"""Sound for the cadence tool: a click track file, and a cadence from tapped footfalls."""

from __future__ import annotations

from typing import Any

from drills import metronome
from drills.bridge.answers import Args
from drills.errors import InputError, check_whole
from drills.render.cadence_view import LENGTH_FIELD
from drills.units import parse_whole


def click_track(args: Args) -> dict[str, Any]:
    """A WAV click track (its bytes handed over beside the answer, ``file``):
    {"tempo": 172, "minutes": "10"} (minutes as typed)."""
    text = args.get(LENGTH_FIELD, "")
    minutes = parse_whole(text, LENGTH_FIELD, "Click track length", *metronome.LENGTH_RANGE_MIN)
    tempo = check_whole("tempo", "Tempo", args.get("tempo"), *metronome.TEMPO_RANGE_BPM)
    wav = metronome.click_track_wav(tempo, minutes)
    return {"file": wav, "bytes": len(wav), "filename": f"click-track-{tempo}bpm-{minutes}min.wav"}


def tap_cadence(args: Args) -> dict[str, Any]:
    """Cadence from tap times in milliseconds: {"taps": [0, 352.1, ...]}."""
    taps = args.get("taps")
    if not isinstance(taps, list):
        raise InputError("taps", "The tap times could not be read; please tap again.")
    return {"cadence_spm": metronome.cadence_from_taps(taps)}
