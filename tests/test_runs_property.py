"""Whatever bytes arrive, the audit answers with an Audit or an InputError, nothing else."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools import tracks as synth
from drills.errors import InputError
from drills.runs import audit, read_activity

FIXTURES = Path(__file__).parent / "fixtures" / "activities"
SMALL = [
    (FIXTURES / name).read_bytes()
    for name in ("garmin-fenix-5-run.fit", "garmin-fenix-5-walk.fit", "korita-zbevnica.gpx")
]
WRITTEN = [
    synth.to_tcx(synth.slope(spacing_m=20.0)),
    synth.to_fit(synth.slope(spacing_m=20.0, speed_ms=None), compressed_times=False),
]
SAMPLES = SMALL + WRITTEN + [gzip.compress(SMALL[2])]


def answer(data: bytes, name: str) -> None:
    try:
        result = audit(read_activity(data, name))
    except InputError as error:
        assert error.field == "file" and str(error).endswith(".")
        return
    assert result.descent_m >= 0
    assert abs(sum(b.descent_m for b in result.bands) - result.descent_m) < 1e-6


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048), st.sampled_from(["a.gpx", "a.fit", "a.tcx", "a", "a.gz"]))
def test_random_bytes(data: bytes, name: str) -> None:
    answer(data, name)


@settings(max_examples=200)
@given(st.sampled_from(range(len(SAMPLES))), st.floats(0.0, 1.0), st.binary(max_size=64))
def test_truncated_and_damaged_real_files(which: int, cut: float, junk: bytes) -> None:
    data = SAMPLES[which]
    answer(data[: int(len(data) * cut)], "cut")
    answer(data[: int(len(data) * cut)] + junk, "junk")


@settings(max_examples=200)
@given(st.sampled_from(range(len(SAMPLES))), st.integers(0, 10**9), st.integers(0, 255))
def test_one_flipped_byte(which: int, where: int, value: int) -> None:
    data = bytearray(SAMPLES[which])
    data[where % len(data)] = value
    answer(bytes(data), "flipped")


@settings(max_examples=100)
@given(st.binary(min_size=1, max_size=400))
def test_fit_header_with_random_body(body: bytes) -> None:
    """A valid FIT header followed by anything."""
    header = synth.to_fit([])[:14]
    answer(header + body, "a.fit")
    answer(header[:4] + len(body).to_bytes(4, "little") + header[8:] + body, "a.fit")


POINT = st.tuples(
    st.floats(-95, 95),
    st.floats(-200, 200),
    st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    st.one_of(st.none(), st.integers(-(10**11), 10**11)),
)


@settings(max_examples=150)
@given(st.lists(POINT, max_size=60), st.booleans())
def test_gpx_with_any_numbers(
    points: list[tuple[float, float, float | None, int | None]], segs: bool
) -> None:
    """Positions off the globe, elevations of any size, times from any century."""
    rows = []
    for k, (lat, lon, ele, seconds) in enumerate(points):
        parts = [f'<trkpt lat="{lat!r}" lon="{lon!r}">']
        if ele is not None:
            parts.append(f"<ele>{ele!r}</ele>")
        if seconds is not None:
            year = 2000 + seconds // 31_557_600
            parts.append(f"<time>{year:04d}-01-01T00:00:{abs(seconds) % 60:02d}Z</time>")
        parts.append("</trkpt>")
        if segs and k % 7 == 6:
            parts.append("</trkseg><trkseg>")
        rows.append("".join(parts))
    gpx = f'<gpx version="1.1"><trk><trkseg>{"".join(rows)}</trkseg></trk></gpx>'
    answer(gpx.encode(), "fuzz.gpx")
