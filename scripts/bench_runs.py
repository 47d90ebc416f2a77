"""Benchmark the descent audit where it runs: inside the pinned Pyodide (node), from a chosen
file's bytes to the audit's HTML, against fitdecode merely reading a 14k-record FIT on CPython.

Prints, per file: records, Pyodide time (first call and median of the rounds), and the ratio
goal: audit in Pyodide of the 14k-record file / fitdecode's read on CPython <= 1.0.
Usage: .venv/bin/python scripts/bench_runs.py [--rounds 5]   (about 30 s)
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import statistics
import subprocess
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import fitdecode

from devtools import tracks as synth
from drills.bridge.rehearsal import LINKS  # any links run the same code
from drills.render.audit_view import audit_html
from drills.runs import MAX_FILE_BYTES, audit, read_activity

ROOT = Path(__file__).resolve().parent.parent

FIXTURES = ROOT / "tests" / "fixtures" / "activities"
FILE_3K = FIXTURES / "sample-activity.fit"  # 3,098 records
FILE_14K = FIXTURES / "2019-02-17-062644-ELEMNT-297E-195-0.fit"  # 13,471 records
FILE_24K = FIXTURES / "activity-large-fenxi2-multisport.fit"  # 24,239 records
GOALS_MS = {"3k": 1000.0, "24k": 3000.0}


def _bad_files() -> dict[str, bytes]:
    """Files the audit refuses, each of which must be refused within a second or two."""
    course = synth.slope(speed_ms=None)
    good_fit = synth.to_fit([replace(p, time_s=0.0) for p in course])
    return {
        "empty.gpx": b"",
        "random.bin": random.Random(19).randbytes(5_000_000),
        "notes.fit": b"lap 1: 5:03\n" * 10_000,
        "waypoints.gpx": (FIXTURES / "unicode.gpx").read_bytes(),
        "no-elevation.gpx": synth.to_gpx([replace(p, elevation_m=None) for p in synth.hour_run()]),
        "settings.fit": synth.to_fit([], file_type=2),
        "monitoring.fit": (FIXTURES / "MonitoringFile.fit").read_bytes(),
        "corrupt-header.fit": good_fit[:8] + b".FTI" + good_fit[12:],
        "too-big.gpx": b"<gpx>" + b" " * MAX_FILE_BYTES,
        "gzip-bomb.gpx.gz": gzip.compress(b" " * (MAX_FILE_BYTES + 1), compresslevel=1),
    }


def fitdecode_read_s(path: Path, rounds: int) -> float:
    data = path.read_bytes()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        with fitdecode.FitReader(io.BytesIO(data)) as reader:
            for _frame in reader:
                pass
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpython_ms(path: Path, rounds: int) -> float:
    data = path.read_bytes()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        audit_html(audit(read_activity(data, path.name)), "metric", LINKS)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as tmp:
        hour = synth.hour_run()  # 3,000 points over an hour, as a watch would write it
        whole = [replace(p, time_s=round(p.time_s or 0)) for p in hour]
        written = {
            "hour-run.gpx": synth.to_gpx(hour),
            "hour-run.tcx": synth.to_tcx(hour),
            "hour-run.fit": synth.to_fit(whole),
        }
        files = []
        for name, data in written.items():
            (Path(tmp) / name).write_bytes(data)
            files.append(Path(tmp) / name)
        files += [FILE_3K, FILE_14K, FILE_24K]
        refused = _bad_files()
        for name, data in refused.items():
            (Path(tmp) / name).write_bytes(data)
            files.append(Path(tmp) / name)
        done = subprocess.run(
            ["node", str(ROOT / "scripts" / "bench_runs.mjs"), str(rounds), *map(str, files)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        cpython = {f.name: cpython_ms(f, rounds) for f in files if f.name not in refused}
    start = lines[0]
    print(
        f"Pyodide start-up {start['startup_ms']:.0f} ms (not counted: the page has it warm), "
        f"import of drills.runs and its view {start['import_ms']:.0f} ms"
    )
    print(
        f"{'file':<42} {'bytes':>9} {'points':>7} {'Pyodide first':>14} "
        f"{'median':>8} {'CPython':>8} {'HTML':>7}"
    )
    by_name = {}
    for row in lines[1:]:
        by_name[row["file"]] = row
        if row["points"] < 0:
            continue
        print(
            f"{row['file']:<42} {row['bytes']:>9,} {row['points']:>7,} "
            f"{row['first_ms']:>11.0f} ms {row['median_ms']:>5.0f} ms "
            f"{cpython[row['file']]:>5.0f} ms {row['html_bytes']:>7,}"
        )
    read_s = fitdecode_read_s(FILE_14K, 3)
    pyodide_14k = by_name[FILE_14K.name]["median_ms"] / 1000
    print(f"fitdecode reading {FILE_14K.name} on CPython: {read_s * 1000:.0f} ms")
    print(
        f"ratio (audit in Pyodide / fitdecode read on CPython, 14k records): "
        f"{pyodide_14k / read_s:.3f}  (goal <= 1.0)"
    )
    worst_3k = max(by_name[n]["first_ms"] for n in (*written, FILE_3K.name))
    print(
        f"1-hour run (3k records), worst first call: {worst_3k:.0f} ms (goal <= {GOALS_MS['3k']:.0f})"
    )
    print(
        f"24k-record FIT, first call: {by_name[FILE_24K.name]['first_ms']:.0f} ms "
        f"(goal <= {GOALS_MS['24k']:.0f})"
    )
    print("refused files (Pyodide, first call / median):")
    for name in refused:
        row = by_name[name]
        assert row["points"] < 0, f"{name} was not refused"
        print(
            f"  {name:<24} {row['bytes']:>11,} bytes {row['first_ms']:>6.0f} ms {row['median_ms']:>6.0f} ms"
        )


if __name__ == "__main__":
    main()
