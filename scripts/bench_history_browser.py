"""Benchmark reading a runner's whole history in the browser (the built site, headless
Chromium), as figures of one run, not gates:

- one worker against W (navigator.hardwareConcurrency set to 1, then to W) on a Strava-shaped
  archive of the real recordings in tests/fixtures (scripts/bench_history.py's), as a ratio
  (the issue's goal: at least 0.7 * W);
- memory while a synthetic ~2 GB archive of a few real files repeated is read to its end: the
  browser's processes' resident memory (the page and its workers; shared pages counted in each
  process, so an upper bound) at its peak above what it was with Python ready, against the
  archive's size. Each repeat is the same file byte for byte, counted once from the zip's
  directory (drills.history.archive), so the read takes seconds; what it shows is that the
  archive is read a slice at a time, never held whole.

Usage: .venv/bin/python scripts/bench_history_browser.py [--site site] [--only workers|memory]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from bench_history import RUNS, archive
from playwright.sync_api import sync_playwright

from devtools.browser import CHROMIUM_ARGS, MISSING, find_chromium
from devtools.host import serve
from drills.history import MAX_WORKERS, workers_for

ROOT = Path(__file__).resolve().parent.parent
PATIENCE_MS = 1_800_000  # only ends a run that would hang
READ = "() => document.querySelector('[data-status]').textContent === document.querySelector('[data-history-says=read]').textContent"


def cores(count: int) -> str:
    return (
        f"Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', {{get: () => {count}}})"
    )


def read_s(context: object, base: str, path: Path, count: int) -> tuple[float, int]:
    """Seconds from choosing the archive to its whole history on the page, with ``count``
    cores, and how many Python workers the page had."""
    page = context.new_page()
    page.add_init_script(cores(count))
    workers: list[object] = []
    page.on("worker", lambda w: workers.append(w) if w.url.endswith("py-worker.js") else None)
    page.goto(f"{base}/tools/history/")
    page.wait_for_selector("[data-component=history][data-live=true]", timeout=PATIENCE_MS)
    start = time.perf_counter()
    page.set_input_files("[name=files]", str(path))
    page.wait_for_function(READ, timeout=PATIENCE_MS)
    took = time.perf_counter() - start
    page.close()
    return took, len(workers)


def browser_pids() -> list[int]:
    """This process's descendants: the browser Playwright started, and its children."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    mine, found = {os.getpid()}, True
    while found:
        found = False
        for pid, parent in parents.items():
            if parent in mine and pid not in mine:
                mine.add(pid)
                found = True
    return sorted(mine - {os.getpid()})


def rss_bytes() -> int:
    total = 0
    for pid in browser_pids():
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def big_archive(folder: Path, gigabytes: float) -> Path:
    """A zip (stored, as a phone's export may be) of RUNS repeated to about ``gigabytes``."""
    path = folder / "export-2gb.zip"
    one = sum(len(data) for data in RUNS.values())
    copies = max(1, int(gigabytes * 1e9 / one))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as z:
        for k in range(copies):
            for name, data in RUNS.items():
                z.writestr(f"activities/{k}-{name}", data)
    return path


def memory(context: object, base: str, path: Path) -> tuple[int, int, float]:
    """(resident bytes with Python ready, peak while reading, seconds to read)."""
    page = context.new_page()
    page.goto(f"{base}/tools/history/")
    page.wait_for_selector("[data-component=history][data-live=true]", timeout=PATIENCE_MS)
    before = rss_bytes()
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            peak[0] = max(peak[0], rss_bytes())

    watcher = threading.Thread(target=sample)
    watcher.start()
    start = time.perf_counter()
    try:
        page.set_input_files("[name=files]", str(path))
        page.wait_for_function(READ, timeout=PATIENCE_MS)
    finally:
        took = time.perf_counter() - start
        done.set()
        watcher.join()
    page.close()
    return before, peak[0], took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--only", choices=("workers", "memory"))
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--gigabytes", type=float, default=2.0)
    args = parser.parse_args()
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    server, base = serve(args.site.resolve())
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        folder = Path(tmp)
        browser = pw.chromium.launch(
            executable_path=find_chromium() or sys.exit(MISSING), args=CHROMIUM_ARGS
        )
        context = browser.new_context()
        if args.only != "memory":
            data, files = archive(args.copies)
            path = folder / "export.zip"
            path.write_bytes(data)
            read_s(context, base, path, 1)  # the runtime kept, as a reader's second visit
            times: dict[int, list[float]] = {1: [], workers: []}
            started: dict[int, int] = {}
            for _ in range(args.rounds):  # interleaved: a busy machine's load falls on both
                for count in times:
                    took, started[count] = read_s(context, base, path, count)
                    times[count].append(took)
            one, many = (statistics.median(times[c]) for c in (1, workers))
            lines.append(
                f"history in the browser: {len(files)} files, {len(data) / 1e6:.1f} MB zipped "
                f"({workers_for(len(files), workers)} workers on {workers} cores; "
                f"{started[workers]} Python workers seen)"
            )
            lines.append(
                f"ratio (one worker / {workers} workers, browser): {one / many:.2f}  (goal >= "
                f"{0.7 * workers:.1f}; {one:.1f} s against {many:.1f} s, median of {args.rounds})"
            )
        if args.only != "workers":
            path = big_archive(folder, args.gigabytes)
            size = path.stat().st_size
            before, peak, took = memory(context, base, path)
            path.unlink()
            lines.append(
                f"history in the browser, a {size / 1e9:.2f} GB archive of {len(RUNS)} real files "
                f"repeated, read in {took:.1f} s: browser's resident memory {before / 1e6:,.0f} MB "
                f"with Python ready, peak {peak / 1e6:,.0f} MB while reading (+{(peak - before) / 1e6:,.0f} MB"
                f" = {(peak - before) / size:.3f} of the archive; largest file "
                f"{max(len(d) for d in RUNS.values()) / 1e6:.1f} MB)"
            )
        browser.close()
    server.shutdown()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
