"""Reading GPX, TCX and FIT files: the focused readers agree with gpxpy and fitdecode on every
test file, cadence comes out in steps per minute, and bad files are refused with a reason."""

from __future__ import annotations

import csv
import gzip
import io
import os
import warnings
from pathlib import Path

import fitdecode
import gpxpy
import pytest

from devtools import tracks as synth
from drills.errors import InputError
from drills.runs import MAX_FILE_BYTES, read_activity
from drills.runs.fit import FIT_EPOCH_S, SEMICIRCLE_DEG, decode_fit
from drills.runs.xml_tracks import parse_xml

FIXTURES = Path(__file__).parent / "fixtures" / "activities"
FIT_FILES = sorted(FIXTURES.glob("*.fit"))
GPX_FILES = sorted(FIXTURES.glob("*.gpx"))


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def refused(data: bytes, name: str) -> str:
    with pytest.raises(InputError) as caught:
        read_activity(data, name)
    assert caught.value.field == "file"
    return str(caught.value)


# ---- the FIT reader against fitdecode --------------------------------------------------------


def fitdecode_records(data: bytes) -> list[dict[str, object]]:
    out = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # synthetic developer fields have no description
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.DISABLED) as r:
            for frame in r:
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record":
                    out.append({f.name: f.value for f in frame.fields})
    return out


def assert_fit_matches(data: bytes) -> int:
    ours = decode_fit(data).records
    theirs = fitdecode_records(data)
    assert len(ours[0]) == len(theirs)
    times, lats, _, alts, ealts, dists, cads, fracs = ours
    for i, rec in enumerate(theirs):
        stamp = rec.get("timestamp")
        assert times[i] is not None and stamp is not None
        assert times[i] + FIT_EPOCH_S == stamp.timestamp()
        lat = rec.get("position_lat")
        assert (lats[i] is None) == (lat is None)
        if lat is not None:
            assert lats[i] == lat
        alt = rec.get("enhanced_altitude", rec.get("altitude"))
        mine = ealts[i] if ealts[i] is not None else alts[i]
        assert (mine is None) == (alt is None)
        if alt is not None and mine is not None:
            assert mine / 5 - 500 == pytest.approx(alt, abs=1e-9)
        dist = rec.get("distance")
        assert (dists[i] is None) == (dist is None)
        if dist is not None and dists[i] is not None:
            assert dists[i] / 100 == pytest.approx(dist, abs=1e-9)
        assert cads[i] == rec.get("cadence")
        frac = rec.get("fractional_cadence")
        assert (fracs[i] is None) == (frac is None)
        if frac is not None and fracs[i] is not None:
            assert fracs[i] / 128 == pytest.approx(frac)
    return len(theirs)


@pytest.mark.parametrize("path", FIT_FILES, ids=lambda p: p.name)
def test_fit_reader_reads_what_fitdecode_reads(path: Path) -> None:
    count = assert_fit_matches(path.read_bytes())
    assert (count == 0) == (path.name == "MonitoringFile.fit")


@pytest.mark.parametrize(
    "options",
    [{}, {"big_endian": True}, {"compressed_times": True}, {"developer_bytes": 5}],
    ids=["plain", "big-endian", "compressed-timestamps", "developer-fields"],
)
def test_fit_reader_on_written_variants(options: dict[str, object]) -> None:
    points = [
        synth.Point(p.distance_m, p.elevation_m, round(p.time_s or 0), 84.5)
        for p in synth.slope(spacing_m=10.0)
    ]
    data = synth.to_fit(points, totals=(0, 100), **options)  # type: ignore[arg-type]
    assert assert_fit_matches(data) == len(points)
    activity = read_activity(data, "written.fit")
    assert activity.elevations_m[-1] == pytest.approx(500.0)
    assert activity.cadences_spm is not None
    assert set(activity.cadences_spm) == {169.0}  # (84 + 64/128 strides) × 2 steps


def test_fit_cadence_is_steps_per_minute_against_the_device_csv() -> None:
    activity = read_activity(fixture("garmin-fenix-5-run.fit"), "run.fit")
    with (FIXTURES / "garmin-fenix-5-run-records.csv").open() as rows:
        strides = [int(row["cadence"]) for row in csv.DictReader(rows)]
    assert activity.cadences_spm is not None
    assert len(activity.cadences_spm) == len(strides)
    for steps, stride in zip(activity.cadences_spm, strides, strict=True):
        assert stride * 2 <= steps < stride * 2 + 2  # plus 2 × fractional/128
    assert any(s % 2 for s in activity.cadences_spm if s)  # the fractional part is there


def test_fit_distances_and_altitudes_match_the_device_csv() -> None:
    activity = read_activity(fixture("garmin-fenix-5-run.fit"), "run.fit")
    with (FIXTURES / "garmin-fenix-5-run-records.csv").open() as rows:
        device = list(csv.DictReader(rows))
    assert activity.distances_m == pytest.approx([float(r["distance"]) for r in device])
    assert activity.elevations_m == pytest.approx([float(r["altitude"]) for r in device])


def test_fit_walk_cadence_is_doubled_and_ride_cadence_left_out() -> None:
    walk = read_activity(fixture("garmin-fenix-5-walk.fit"), "walk.fit")
    assert walk.sport == "walking" and walk.cadences_spm is not None
    assert 80 < sorted(walk.cadences_spm)[len(walk.cadences_spm) // 2] < 160
    ride = read_activity(fixture("sample-activity.fit"), "ride.fit")
    assert ride.sport == "cycling" and ride.cadences_spm is None
    assert any("cadence is left out" in w for w in ride.warnings)


# ---- the GPX/TCX reader against gpxpy --------------------------------------------------------


def gpxpy_points(data: bytes) -> list[gpxpy.gpx.GPXTrackPoint]:
    gpx = gpxpy.parse(data.decode("utf-8-sig"))
    points = [p for t in gpx.tracks for s in t.segments for p in s.points]
    return points or [p for r in gpx.routes for p in r.points]


@pytest.mark.parametrize("path", GPX_FILES, ids=lambda p: p.name)
def test_gpx_reader_reads_what_gpxpy_reads(path: Path) -> None:
    data = path.read_bytes()
    ours = parse_xml(data)
    raw = ours.track if len(ours.track) else ours.route
    theirs = gpxpy_points(data)
    assert len(raw) == len(theirs)
    for i, p in enumerate(theirs):
        assert raw.lats[i] == pytest.approx(p.latitude)
        assert raw.lons[i] == pytest.approx(p.longitude)
        assert raw.elevations[i] == (None if p.elevation is None else pytest.approx(p.elevation))
        if p.time is None:
            assert raw.times[i] is None
        else:
            assert raw.times[i] == pytest.approx(p.time.timestamp())
    assert ours.waypoints == len(gpxpy.parse(data.decode("utf-8-sig")).waypoints)


@pytest.mark.parametrize("version", ["1.0", "1.1"])
def test_gpx_versions_prefix_and_bom_read_the_same(version: str) -> None:
    points = synth.slope()
    plain = synth.to_gpx(points, version=version)
    expected = read_activity(plain, "a.gpx")
    ns = f"http://www.topografix.com/GPX/{version.replace('.', '/')}"
    text = plain.decode()
    prefixed = text.replace(f'xmlns="{ns}"', f'xmlns:g="{ns}"')
    prefixed = prefixed.replace("<", "<g:").replace("<g:/", "</g:").replace("<g:?", "<?")
    prefixed = prefixed.replace("<g:gpxtpx:", "<gpxtpx:").replace("</g:gpxtpx:", "</gpxtpx:")
    for variant in (prefixed.encode(), b"\xef\xbb\xbf\n  " + plain, plain.replace(b"\n", b"\r\n")):
        got = read_activity(variant, "b.gpx")
        assert got.distances_m == expected.distances_m
        assert got.elevations_m == expected.elevations_m
        assert got.times_s == expected.times_s
        assert got.cadences_spm == expected.cadences_spm


def test_gpx_and_tcx_cadence_is_strides_doubled_unless_already_steps() -> None:
    points = synth.slope(cadence=86.0)
    assert read_activity(synth.to_gpx(points), "a.gpx").cadences_spm == (172.0,) * len(points)
    assert read_activity(synth.to_tcx(points), "a.tcx").cadences_spm == (172.0,) * len(points)
    steps = synth.slope(cadence=172.0)  # an app that writes steps: taken as they are
    assert read_activity(synth.to_gpx(steps), "a.gpx").cadences_spm == (172.0,) * len(points)


def test_tcx_sport_and_gpx_type_are_read() -> None:
    points = synth.slope()
    assert read_activity(synth.to_tcx(points, "Biking"), "a.tcx").sport == "cycling"
    assert read_activity(synth.to_tcx(points, "Running"), "a.tcx").sport == "running"
    assert read_activity(synth.to_gpx(points, "walking"), "a.gpx").sport == "walking"
    assert read_activity(synth.to_gpx(points, None), "a.gpx").sport is None


def test_gzip_is_detected_by_content_not_name() -> None:
    data = fixture("korita-zbevnica.gpx")
    plain = read_activity(data, "k.gpx")
    for name in ("k.gpx.gz", "k.gpx", "k"):
        got = read_activity(gzip.compress(data), name)
        assert got.elevations_m == plain.elevations_m
    fit = fixture("garmin-fenix-5-run.fit")
    assert read_activity(gzip.compress(fit), "run.fit").distances_m == (
        read_activity(fit, "run.fit").distances_m
    )
    assert read_activity(gzip.compress(data), "k.gpx.gz").name == "k.gpx"


# ---- refusals, each with its reason ----------------------------------------------------------


def test_empty_random_and_text_files_are_refused() -> None:
    assert "empty" in refused(b"", "a.gpx")
    assert "not a GPX, TCX or FIT" in refused(os.urandom(4096).replace(b"\x1f\x8b", b"xx"), "x")
    assert "not a FIT file" in refused(b"lap 1: 5:03\nlap 2: 5:01\n" * 20, "notes.fit")
    assert "XML but not" in refused(b"<?xml version='1.0'?><kml><Document/></kml>", "a.kml")


def test_gpx_without_a_track_or_elevation_is_refused() -> None:
    assert "only waypoints" in refused(fixture("unicode.gpx"), "u.gpx")
    assert "no elevation" in refused(fixture("cerknicko-jezero-with-elevations-zero.gpx"), "c.gpx")
    no_ele = synth.to_gpx([synth.Point(p.distance_m, None, p.time_s) for p in synth.slope()])
    reason = refused(no_ele, "flat.gpx")
    assert "no elevation" in reason and "altitude" in reason


def test_fit_settings_monitoring_and_corrupt_header_are_refused() -> None:
    points = [synth.Point(p.distance_m, p.elevation_m, round(p.time_s or 0)) for p in synth.slope()]
    settings = synth.to_fit([], file_type=2)
    assert "no track records" in refused(settings, "Settings.fit")
    assert "settings" in refused(settings, "Settings.fit")
    assert "daily-monitoring" in refused(fixture("MonitoringFile.fit"), "Monitor.fit")
    good = synth.to_fit(points)
    bad_size = bytes([99]) + good[1:]
    assert "header is damaged" in refused(bad_size, "a.fit")
    bad_mark = good[:8] + b".FTI" + good[12:]
    assert "header is damaged" in refused(bad_mark, "a.fit")
    bad_version = good[:1] + bytes([0x90]) + good[2:]
    assert "protocol version" in refused(bad_version, "a.fit")


def test_size_limit_is_checked_before_parsing_and_after_unpacking() -> None:
    big = b"<gpx>" + b" " * MAX_FILE_BYTES
    assert f"{MAX_FILE_BYTES // 1_000_000} MB" in refused(big, "big.gpx")
    bomb = gzip.compress(b" " * (MAX_FILE_BYTES + 10), compresslevel=1)
    assert len(bomb) < 1_000_000
    reason = refused(bomb, "bomb.gpx.gz")
    assert "unpacks to more than" in reason and "50 MB" in reason


# ---- files that end early ---------------------------------------------------------------------


def test_truncated_fit_is_read_up_to_its_end_with_a_warning() -> None:
    data = fixture("activity-large-fenxi2-multisport.fit")
    whole = decode_fit(data)
    cut = decode_fit(data[: len(data) // 2])
    assert cut.damage == "ends early"
    assert 0 < len(cut.records[0]) < len(whole.records[0])
    assert cut.records[0] == whole.records[0][: len(cut.records[0])]
    activity = read_activity(data[: len(data) // 2], "cut.fit")
    assert any("ends early" in w for w in activity.warnings)


def test_truncated_gpx_and_gzip_are_read_with_a_warning() -> None:
    data = fixture("korita-zbevnica.gpx")
    cut = read_activity(data[: len(data) * 2 // 3], "cut.gpx")
    assert any("ends early" in w for w in cut.warnings)
    assert len(cut.elevations_m) < len(read_activity(data, "k.gpx").elevations_m)
    packed = gzip.compress(data)
    cut_gz = read_activity(packed[: len(packed) * 3 // 4], "cut.gpx.gz")
    assert any("gzip file ends early" in w for w in cut_gz.warnings)


def test_garbled_gpx_inside_says_where() -> None:
    pieces = fixture("korita-zbevnica.gpx").split(b"</trkpt>")
    data = b"</trkpt>".join(pieces[:100]) + b"</trkpt><<" + b"</trkpt>".join(pieces[100:])
    activity = read_activity(data, "bad.gpx")
    assert any("damaged at line" in w and "first 100 points" in w for w in activity.warnings)


def test_fit_positions_are_degrees_and_distance_agrees_with_them() -> None:
    records = decode_fit(fixture("garmin-fenix-5-run.fit")).records
    lat, lon = records[1][0], records[2][0]
    assert lat is not None and lon is not None
    assert lat * SEMICIRCLE_DEG == pytest.approx(38.23, abs=0.01)
    assert lon * SEMICIRCLE_DEG == pytest.approx(-122.64, abs=0.01)


def test_a_gpx_route_is_read_as_a_course() -> None:
    points = synth.slope(spacing_m=50.0, speed_ms=None)
    rows = "".join(
        f'<rtept lat="{p.lat!r}" lon="{synth.LON0}"><ele>{p.elevation_m}</ele></rtept>'
        for p in points
    )
    data = f'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><rte>{rows}</rte></gpx>'
    activity = read_activity(data.encode(), "route.gpx")
    assert activity.times_s is None and len(activity.elevations_m) == len(points)
    assert activity.distances_m[-1] == pytest.approx(1400.0)


def test_a_tcx_course_has_no_run_times() -> None:
    activity_xml = synth.to_tcx(synth.slope()).decode()
    course = (
        activity_xml.replace("<Activities>", "<Courses>")
        .replace("</Activities>", "</Courses>")
        .replace('<Activity Sport="Running">', "<Course>")
        .replace("</Activity>", "</Course>")
    )
    activity = read_activity(course.encode(), "course.tcx")
    assert activity.times_s is None and activity.elevations_m[-1] == pytest.approx(500.0)
