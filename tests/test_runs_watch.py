"""Every watch (issue 33): the descent audit on recordings no one here made, and on the faults
they carry (a start glitch, jittered times, a multisport file, compressed distances), each
put into a real recording or a track of known geometry."""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import fitdecode
import pytest

from devtools import tracks as synth
from drills.errors import InputError
from drills.runs import Audit, audit, read_activity
from drills.runs.fit import decode_fit

FIXTURES = Path(__file__).parent / "fixtures" / "activities"
MULTISPORT = "activity-large-fenxi2-multisport.fit"
# How close the audit stays to a device's own totals: the devices count differently (an Edge
# counts every change its 1 Hz barometer saw, more than its smart-recorded points hold; a Wahoo
# ignores small undulations), so 20 % of theirs, and 5 m on a walk round the block.
DEVICE_SHARE, DEVICE_METRES = 0.20, 5.0


def audited(data: bytes, name: str) -> Audit:
    return audit(read_activity(data, name))


def near_the_device(ours: float, theirs: float) -> bool:
    return abs(ours - theirs) <= max(DEVICE_METRES, DEVICE_SHARE * theirs)


# ---- start glitches: zeros, spikes, a settling barometer -------------------------------------


def korita_with(elevations: dict[int, float | None]) -> bytes:
    """The real korita-zbevnica.gpx with some points' elevations replaced, or left out (None),
    by point number."""
    text = (FIXTURES / "korita-zbevnica.gpx").read_text(encoding="utf-8")
    count = -1

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        if count not in elevations:
            return match[0]
        value = elevations[count]
        return "" if value is None else f"<ele>{value!r}</ele>"

    return re.sub(r"<ele>[^<]*</ele>", swap, text).encode()


def test_leading_and_isolated_zero_elevations_are_not_terrain() -> None:
    """A GPX whose first points say 0 m before the real 734 m (an app that wrote 0 while it had
    no altitude yet) and that loses its altitude for 1 to 3 points three times later: on main
    3,234 m up and 2,494 m down against the file's own 707 and 702 m. Now it is audited as if
    those points carried no elevation at all."""
    lost = [*range(6), 200, 420, 421, 650, 651, 652]
    result = audited(korita_with(dict.fromkeys(lost, 0.0)), "k0.gpx")
    without = audited(korita_with(dict.fromkeys(lost)), "k-.gpx")
    assert result.ascent_m == pytest.approx(without.ascent_m, abs=1e-6)
    assert result.descent_m == pytest.approx(without.descent_m, abs=1e-6)
    clean = audited(korita_with({}), "k.gpx")
    assert result.descent_m == pytest.approx(clean.descent_m, rel=0.01)
    assert result.lowest_m == clean.lowest_m  # no 0 m on the chart
    # the 12 and the file's own 60 m spike
    assert any("13 points’ elevations are not terrain" in w for w in result.warnings)


def leg(number: int) -> tuple[list[synth.Point], tuple[int, int]]:
    """Running leg ``number`` of the real multisport file as points (distance from the leg's
    start, seconds, altitude to the 0.2 m FIT holds it to), and the watch's own
    totals for it."""
    found = decode_fit((FIXTURES / MULTISPORT).read_bytes())
    runs = [s for s in found.sessions if s.get(2) == 1]
    session = runs[number]
    times, _, _, alts, ealts, dists, _, _ = found.records
    points = []
    for i, t in enumerate(times):
        alt = ealts[i] if ealts[i] is not None else alts[i]
        if t is None or not session[1] <= t <= session[0] or alt is None or dists[i] is None:
            continue
        points.append(synth.Point(dists[i] / 100, alt / 5 - 500, t - session[1]))
    start = points[0].distance_m
    points = [replace(p, distance_m=p.distance_m - start) for p in points]
    return points, (int(session[3]), int(session[4]))


def test_the_real_leg_is_near_the_watch() -> None:
    points, (up, down) = leg(1)
    result = audited(synth.to_fit(points, totals=(up, down)), "leg.fit")
    assert (up, down) == (455, 802)
    assert near_the_device(result.descent_m, down) and near_the_device(result.ascent_m, up)


def test_three_points_high_at_the_start_of_a_fit_are_no_descent() -> None:
    """A watch's first three records 87 m above the rest: on main they added 87 m of descent."""
    points, (up, down) = leg(1)
    high = [replace(p, elevation_m=(p.elevation_m or 0) + 87) if k < 3 else p
            for k, p in enumerate(points)]  # fmt: skip
    result = audited(synth.to_fit(high, totals=(up, down)), "high.fit")
    without = audited(synth.to_fit(points[3:], totals=(up, down)), "rest.fit")
    assert result.descent_m == pytest.approx(without.descent_m, abs=1e-6)
    assert result.ascent_m == pytest.approx(without.ascent_m, abs=1e-6)
    assert near_the_device(result.descent_m, down)


def test_a_settling_barometer_is_no_climb() -> None:
    """The barometer reads 1,000 m low when the watch starts and settles in 8 s while the runner
    moves 10 m: on main 1,000 m more ascent."""
    points, (up, down) = leg(1)
    first = points[0]
    settling = [
        synth.Point(k * 10 / 8, (first.elevation_m or 0) - 1000 * (1 - k / 8), k) for k in range(8)
    ]
    later = [replace(p, distance_m=p.distance_m + 10, time_s=(p.time_s or 0) + 8) for p in points]
    clean = audited(synth.to_fit(later, totals=(up, down)), "leg.fit")
    result = audited(synth.to_fit(settling + later, totals=(up, down)), "settle.fit")
    assert result.ascent_m == pytest.approx(clean.ascent_m, abs=2.0)
    assert result.descent_m == pytest.approx(clean.descent_m, abs=2.0)
    assert near_the_device(result.ascent_m, up)


def test_a_short_run_of_spikes_mid_track_is_dropped() -> None:
    """Five points 40 m high in the middle of a clean 10 % slope (a lost fix)."""
    points = synth.slope()
    spiked = [replace(p, elevation_m=(p.elevation_m or 0) + 40) if 60 <= k < 65 else p
              for k, p in enumerate(points)]  # fmt: skip
    result = audited(synth.to_gpx(spiked), "s.gpx")
    assert result.ascent_m == pytest.approx(0.0, abs=1e-6)
    assert result.descent_m == pytest.approx(100.0, abs=1e-6)
    assert result.highest_m == pytest.approx(600.0)


def test_a_steep_climb_in_gps_bursts_is_still_climbed() -> None:
    """GPS elevation that lags and catches up on a switchback: held for 300 m of a 10 % climb,
    then 30 m in one step. Steep steps that are neither a spike nor a start are terrain: the
    climb is counted in full."""
    points = synth.reversed_track(synth.slope(spacing_m=5.0))  # 100 m up at 10 %
    held = next(p.elevation_m for p in points if p.distance_m == 500)
    lagging = [replace(p, elevation_m=held) if 500 < p.distance_m < 800 else p for p in points]
    result = audited(synth.to_gpx(lagging), "lag.gpx")
    assert result.ascent_m == pytest.approx(100.0, abs=1e-6)
    assert not any("not terrain" in w for w in result.warnings)


def test_a_track_at_sea_level_keeps_its_zeros() -> None:
    """0 m is an elevation like any other where the terrain is there: a beach run."""
    points = [replace(p, elevation_m=max(0.0, (p.elevation_m or 0) - 500)) for p in synth.slope()]
    result = audited(synth.to_gpx(points), "beach.gpx")
    assert result.descent_m == pytest.approx(100.0, abs=1e-6)
    assert result.lowest_m == 0.0
    assert not any("not terrain" in w for w in result.warnings)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in FIXTURES.glob("*.fit") if p.name != "MonitoringFile.fit")
)
def test_every_real_fit_with_device_totals_is_near_them(name: str) -> None:
    """Descent (and ascent) within 20 % or 5 m of the device's own session totals: ELEMNT
    103/190 m against 89/185, Edge 500 234/252 against 287/299, the fenix 2's running legs
    801/1,193 against 802/1,187, the fenix 5's run and walk 0/3 and 0/0 against 0/2 and 0/1."""
    result = audited((FIXTURES / name).read_bytes(), name)
    assert result.device_descent_m is not None and result.device_ascent_m is not None
    assert near_the_device(result.descent_m, result.device_descent_m)
    assert near_the_device(result.ascent_m, result.device_ascent_m)


# ---- times that step back and forth ----------------------------------------------------------


def test_jittered_times_never_make_moving_time_exceed_the_span() -> None:
    """Each point's time off by up to 3 s either way, as some exports write them: on main the
    hour's moving time came out at about 1 h 40 min."""
    rng = random.Random(33)
    clean = synth.hour_run()
    jittered = [replace(p, time_s=(p.time_s or 0) + rng.uniform(-3, 3)) for p in clean]
    result = audited(synth.to_gpx(jittered), "jitter.gpx")
    times = [p.time_s or 0 for p in jittered]
    assert result.moving_time_s is not None
    assert result.moving_time_s <= max(times) - min(times)
    assert result.moving_time_s == pytest.approx(3600, abs=10)
    assert any("earlier than" in w for w in result.warnings)


def test_a_file_listing_its_points_newest_first_is_read_in_time_order() -> None:
    """Some exports list the newest point first: the same run as the other way round."""
    points = synth.hour_run()
    forward = audited(synth.to_gpx(points), "run.gpx")
    result = audited(synth.to_gpx(points[::-1]), "newest-first.gpx")
    assert result.moving_time_s == pytest.approx(forward.moving_time_s)
    assert result.descent_m == pytest.approx(forward.descent_m, abs=1e-6)
    assert result.ascent_m == pytest.approx(forward.ascent_m, abs=1e-6)
    assert result.start_time_s == forward.start_time_s
    assert any("newest first" in w for w in result.warnings)


def test_moving_time_within_the_span_on_every_real_file() -> None:
    for path in sorted(FIXTURES.glob("*.*")):
        if path.suffix not in (".gpx", ".fit"):
            continue
        try:
            activity = read_activity(path.read_bytes(), path.name)
        except InputError:
            continue
        result = audit(activity)
        if activity.times_s is not None and result.moving_time_s is not None:
            span = activity.times_s[-1] - activity.times_s[0]
            assert result.moving_time_s <= span + 1e-6, path.name


# ---- a multisport file -----------------------------------------------------------------------


def triathlon() -> bytes:
    """Swim 1.5 km, ride 40 km, run 10 km (with a 100 m descent at 10 %), the device's distance
    running on across the three, as a triathlon watch records it: the run starts at 42.7 km."""
    swim = [synth.Point(d, None, d * 1.2) for d in range(0, 1501, 25)]
    ride = [synth.Point(1500 + d, 600.0, 1900 + d / 10) for d in range(0, 41_201, 100)]
    start_m, start_s = 42_700.0, 6200.0
    run = [
        replace(p, distance_m=start_m + p.distance_m, time_s=start_s + (p.time_s or 0))
        for p in synth.slope(flat_m=4000, after_m=5000, spacing_m=10.0)
    ]
    end = run[-1].time_s or 0
    sessions = [(0, 1800, "swimming"), (1900, 6020, "cycling"), (start_s, end, "running")]
    return synth.to_fit(swim + ride + run, sessions=sessions)


def test_a_triathlon_run_is_measured_over_its_own_span() -> None:
    result = audited(triathlon(), "tri.fit")
    assert result.sport == "running"
    assert result.distance_m == pytest.approx(10_000.0, abs=1e-6)
    assert result.moving_time_s == pytest.approx(10_000 / 3.0, abs=2)
    assert result.descent_m == pytest.approx(100.0, abs=0.5)
    assert not any("faster than any runner" in w for w in result.warnings)
    assert any("only its running parts" in w for w in result.warnings)
    assert result.profile[0][0] == 0.0  # the chart starts at the run's start, not at 42.7 km


def test_the_real_multisport_file_has_seven_sessions_and_runs_at_a_runners_speed() -> None:
    found = decode_fit((FIXTURES / MULTISPORT).read_bytes())
    assert [s.get(2) for s in found.sessions] == [0, 3, 1, 3, 1, 3, 2]
    result = audited((FIXTURES / MULTISPORT).read_bytes(), MULTISPORT)
    assert result.moving_time_s is not None
    assert 1.0 < result.distance_m / result.moving_time_s < 3.0
    assert result.profile[0][0] == 0.0


# ---- compressed_speed_distance ----------------------------------------------------------------


def forerunner_rows() -> list[tuple[int, float, float, int | None]]:
    """python-fitparse's records of an old Forerunner's run (compressed speed and distance)."""
    with (FIXTURES / "compressed-speed-distance-records.csv").open() as rows:
        return [
            (
                int(row["Timestamp"]),
                float(row["Speed [m/s]"]),
                float(row["Distance [m]"]),
                None if row["Cadence [rpm]"] == "null" else int(row["Cadence [rpm]"]),
            )
            for row in csv.DictReader(rows)
        ]


def test_compressed_distances_are_decoded_as_the_device_and_fitdecode_read_them() -> None:
    rows = forerunner_rows()
    data = synth.to_fit_compressed(rows)
    ours = decode_fit(data).records
    assert [d / 100 for d in ours[5] if d is not None] == [row[2] for row in rows]
    with fitdecode.FitReader(io.BytesIO(data)) as reader:
        theirs = [
            frame.get_value("distance")
            for frame in reader
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name == "record"
        ]
    assert theirs == [row[2] for row in rows]
    assert [t for t in ours[0] if t is not None] == [row[0] for row in rows]


def test_a_fit_with_compressed_distances_and_no_altitude_says_so() -> None:
    data = synth.to_fit_compressed(forerunner_rows())
    with pytest.raises(InputError) as caught:
        read_activity(data, "forerunner.fit")
    reason = str(caught.value)
    assert "no elevation" in reason and "neither positions nor distances" not in reason


def test_compressed_distances_with_altitude_are_audited() -> None:
    """The same records with a 10 % descent of 50 m laid on the distance (2–2.5 km)."""
    rows = forerunner_rows()
    elevations = [300 - 0.1 * min(max(d - 2000, 0), 500) for _, _, d, _ in rows]
    result = audited(synth.to_fit_compressed(rows, elevations), "forerunner.fit")
    assert result.distance_m == pytest.approx(10_248.6875)
    assert result.descent_m == pytest.approx(50.0, abs=0.5)


def test_a_watch_without_a_set_clock_is_dated_by_its_file() -> None:
    """The Forerunner's times count from when it was switched on (17,217,869 s: 199 days); its
    file_id says when the file was made. Without that, the date is said to be unknown."""
    rows = forerunner_rows()
    flat = [300.0] * len(rows)
    created = round((datetime(2012, 5, 1, 7, 0, tzinfo=UTC) - synth.FIT_EPOCH).total_seconds())
    result = audited(synth.to_fit_compressed(rows, flat, created=created), "forerunner.fit")
    assert result.start_time_s == datetime(2012, 5, 1, 7, 0, tzinfo=UTC).timestamp()
    assert (
        result.moving_time_s is not None and 3000 < result.moving_time_s < rows[-1][0] - rows[0][0]
    )
    undated = audited(synth.to_fit_compressed(rows, flat), "forerunner.fit")
    assert undated.moving_time_s == result.moving_time_s
    assert any("date is unknown" in w for w in undated.warnings)
    assert not any("date is unknown" in w for w in result.warnings)
