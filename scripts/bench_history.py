"""Benchmark reading a runner's whole history on CPython, as ratios in one run: reading an
archive against auditing its files one by one (goal <= 1.1), and reading it with W processes,
each reading a share of the archive's members, against one (goal >= 0.7 * W).

The archive is Strava-shaped, made of the real runs in tests/fixtures/activities and a
synthetic one, repeated under other names (each gzipped, as Strava's export has them).
Usage: .venv/bin/python scripts/bench_history.py [--copies 12] [--rounds 3] [--workers 2]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import multiprocessing
import os
import statistics
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from devtools import tracks
from drills.history import (
    Item,
    Member,
    combine,
    list_members,
    read_archive,
    read_item,
    read_members,
)
from drills.runs import audit, read_activity

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "activities"
# The fixtures the history counts as runs (a ride or a course would be skipped unread, and
# cost the archive less than auditing it), and a synthetic hour's run in two formats.
RUNS = {
    name: (FIXTURES / name).read_bytes()
    for name in (
        "garmin-fenix-5-run.fit",
        "track-with-less-sec-time.gpx",
        "activity-large-fenxi2-multisport.fit",
    )
} | {
    "hour-run.gpx": tracks.to_gpx(tracks.hour_run()),
    "hour-run.tcx": tracks.to_tcx(tracks.hour_run()),
}


def archive(copies: int) -> tuple[bytes, dict[str, bytes]]:
    """The export's zip, and each activity file's own bytes by its name."""
    files = {
        f"activities/{k}-{name}.gz": gzip.compress(data, mtime=0)
        for k in range(copies)
        for name, data in RUNS.items()
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files.items():
            z.writestr(path, data)
    return out.getvalue(), files


def one_by_one(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        # A file the audit refuses costs its refusal, as in the archive.
        with contextlib.suppress(ValueError):
            audit(read_activity(data, Path(path).name))


def _share(task: tuple[bytes, Sequence[Member]]) -> list[Item]:
    data, members = task
    return [read_item(content, m.path, m.row) for m, content in read_members(data, members)]


def with_workers(data: bytes, workers: int, pool: multiprocessing.pool.Pool) -> None:
    """The archive read by ``workers`` processes, each a contiguous share of the members (an
    inner zip is then unpacked by one worker only), merged into one history."""
    members = list_members(data, "export.zip").members
    size = -(-len(members) // workers)
    shares = [(data, members[k : k + size]) for k in range(0, len(members), size)]
    combine(item for items in pool.map(_share, shares) for item in items)


def median_s(job: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    data, files = archive(args.copies)
    whole = median_s(lambda: read_archive(data, "export.zip"), args.rounds)
    separate = median_s(lambda: one_by_one(files), args.rounds)
    print(
        f"history: {len(files)} files, {len(data) / 1e6:.1f} MB zipped; read_archive "
        f"{whole:.2f} s, auditing them one by one {separate:.2f} s"
    )
    print(f"ratio (archive / files one by one): {whole / separate:.3f}  (goal <= 1.1)")
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        with_workers(data, args.workers, pool)  # the workers started and warm
        parallel = median_s(lambda: with_workers(data, args.workers, pool), args.rounds)
    with multiprocessing.get_context("fork").Pool(1) as pool:
        with_workers(data, 1, pool)
        single = median_s(lambda: with_workers(data, 1, pool), args.rounds)
    goal = 0.7 * args.workers
    print(
        f"ratio (one worker / {args.workers} workers): {single / parallel:.2f}  "
        f"(goal >= {goal:.1f}; {single:.2f} s against {parallel:.2f} s)"
    )


if __name__ == "__main__":
    main()
