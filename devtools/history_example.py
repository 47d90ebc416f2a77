"""The history page's example: a small Strava-shaped export of eight weeks of hill runs, with
a ride, a planned route and a damaged file, written as the files Strava's export holds.

``python -m devtools.history_example DIR`` writes it into DIR (the repo keeps it in
sitebuild/history_example/, which the build zips into the page's example archive);
tests/test_history_page.py checks the kept files are what this writes.
"""

from __future__ import annotations

import gzip
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from devtools import tracks

FIRST_RUN = datetime(2026, 3, 3, 7, 0, tzinfo=UTC)  # a Tuesday
WEEKS = 8
SPACING_M = 20.0
CSV_HEADER = "Activity ID,Activity Date,Activity Name,Activity Type,Filename"


def hill(descent_m: float, grade: float, days: float, speed_ms: float = 3.0) -> list[tracks.Point]:
    """Flat, up the hill at 8 %, down it at ``grade`` over ``descent_m``, flat: recorded
    ``days`` after the first run."""
    climb = descent_m * grade / 0.08
    legs = [
        (400.0, 0.0, speed_ms),
        (climb, -0.08, 2.0),
        (descent_m, grade, speed_ms),
        (300.0, 0.0, speed_ms),
    ]
    points, d, t, ele = [], 0.0, days * 86_400.0 + (FIRST_RUN - tracks.START).total_seconds(), 500.0
    for length, g, speed in legs:
        for _ in range(round(length / SPACING_M)):
            points.append(tracks.Point(d, round(ele, 1), t, 85.0))
            d, t, ele = d + SPACING_M, t + SPACING_M / speed, ele - g * SPACING_M
    points.append(tracks.Point(d, round(ele, 1), t, 85.0))
    return points


def files() -> dict[str, bytes]:
    """Each file of the export by its path, activities.csv first."""
    rows, out = [], {}

    def add(number: int, points: list[tracks.Point], kind: str, sport: str | None) -> None:
        path = f"activities/{number}.gpx.gz"
        when = tracks.START + timedelta(seconds=points[0].time_s or 0.0)
        date = f'"{when:%b} {when.day}, {when.year}, {when:%I:%M:%S %p}"'
        rows.append(f"{number},{date},{kind} {number},{kind},{path}")
        out[path] = gzip.compress(tracks.to_gpx(points, sport), mtime=0)

    for week in range(WEEKS):
        light = week == 3  # a lighter week: one run
        add(100 + 2 * week, hill(1400 + 50 * week, 0.07, 7 * week), "Run", "running")
        if not light:
            add(101 + 2 * week, hill(900 + 100 * week, 0.12, 7 * week + 4), "Run", "running")
        if week >= WEEKS - 3:  # steeper repeats in the last weeks
            add(150 + week, hill(450, 0.17, 7 * week + 5), "Run", "running")
    add(200, hill(3000, 0.06, 10, speed_ms=9.0), "Ride", "cycling")
    route = [tracks.Point(p.distance_m, p.elevation_m) for p in hill(1200, 0.15, 0)]
    files_ = {"activities.csv": ("\n".join([CSV_HEADER, *rows]) + "\n").encode()}
    files_ |= out
    files_["routes/1.gpx"] = tracks.to_gpx(route, None)
    files_["activities/300.fit.gz"] = gzip.compress(b".FIT not really a FIT file", mtime=0)
    return files_


def write(folder: Path) -> None:
    for path, data in files().items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


if __name__ == "__main__":
    write(Path(sys.argv[1]))
