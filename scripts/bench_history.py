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
    # Each copy gzipped at another time: its bytes differ, so it is read (a file repeated byte
    # for byte is counted once from the zip's directory, unread); its run is the same run, so
    # it is counted once after it is read, as an activity exported twice is.
    files = {
        f"activities/{k}-{name}.gz": gzip.compress(data, mtime=k)
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


def medians_s(
    jobs: dict[str, Callable[[], object]], rounds: int, clock: Callable[[], float]
) -> dict[str, float]:
    """Each job's median time by ``clock``, the jobs taking turns round by round, so a busy
    machine's load falls on all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(rounds):
        for name, job in jobs.items():
            start = clock()
            job()
            times[name].append(clock() - start)
    return {name: statistics.median(spent) for name, spent in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    data, files = archive(args.copies)
    fork = multiprocessing.get_context("fork")
    with fork.Pool(args.workers) as many, fork.Pool(1) as one:
        with_workers(data, args.workers, many)  # every worker started and warm
        with_workers(data, 1, one)
        # One process's own CPU time: what other processes on a busy machine take is not its.
        took = medians_s(
            {
                "archive": lambda: read_archive(data, "export.zip"),
                "separate": lambda: one_by_one(files),
            },
            args.rounds,
            time.process_time,
        )
        took |= medians_s(  # the workers' wall time: what the reader waits for
            {
                "one": lambda: with_workers(data, 1, one),
                "many": lambda: with_workers(data, args.workers, many),
            },
            args.rounds,
            time.perf_counter,
        )
    print(
        f"history: {len(files)} files, {len(data) / 1e6:.1f} MB zipped; read_archive "
        f"{took['archive']:.2f} s, auditing them one by one {took['separate']:.2f} s (CPU time)"
    )
    print(
        f"ratio (archive / files one by one): {took['archive'] / took['separate']:.3f}  "
        "(goal <= 1.1)"
    )
    print(
        f"ratio (one worker / {args.workers} workers): {took['one'] / took['many']:.2f}  "
        f"(goal >= {0.7 * args.workers:.1f}; {took['one']:.2f} s against {took['many']:.2f} s)"
    )


if __name__ == "__main__":
    main()
