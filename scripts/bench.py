"""Benchmark the built site in headless Chromium against a naive Pyodide page, in one run.

Prints a table: first paint (which holds the pre-rendered results), time to the first
interactive recompute (cold and warm cache, medians of five rounds, the pages interleaved in
each round), recompute latency p50/p95 over 150 changes (50 in each of three fresh visits) and
the planner's p95 with a kept log of 1,000 runs against an empty one (bench_kept.py),
the bytes of a whole first visit (a tool page until its runtime and the pages are kept for
offline; a chapter until idle) and of its Python runtime, the time to a live tool on an emulated
phone network (Chromium's network emulation: 10 Mbit/s down, 40 ms latency), build time, and
each against a page that loads Pyodide on the main thread at page load.
The host sends Cache-Control: max-age=600 as typical hosts do, and gzips text like the test
host, or (--plain) compresses nothing. --baseline-site measures another build (say, main's) in
the same interleaved rounds, on its own origin.
Also Lighthouse's performance score of a chapter and each tool (median of three).
Run through ./scripts/bench, which builds the site first.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import fitdecode
from bench_kept import keeps_history, kept_rows  # scripts/, this script's folder
from playwright.sync_api import sync_playwright

from devtools import lighthouse
from devtools.browser import CHROMIUM_ARGS, MISSING, find_chromium, poll_until, wait_in_page
from devtools.host import StaticHandler, serve
from sitebuild import runtime as site_runtime

ROOT = Path(__file__).resolve().parent.parent

NAIVE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>naive</title></head>
<body><p id="out">loading</p><script type="module">
import { loadPyodide } from "./pyodide/pyodide.mjs";
const runtime = new URL("./pyodide/", location.href).href;
const pyodide = await loadPyodide({ indexURL: runtime, lockFileURL: runtime + "pyodide-lock.json" });
await pyodide.loadPackage("drills");
const bridge = pyodide.pyimport("drills.bridge");
const args = { tool: "cadence", fields: { pace: "6:00/km", cadence: "170" }, links: { references: "", drills: "", planner: "" } };
document.getElementById("out").textContent = JSON.parse(bridge.call("compute", JSON.stringify(args))).summary;
window.naiveFirstResult = performance.now();
</script></body></html>"""


ACTIVITIES = ROOT / "tests" / "fixtures" / "activities"
AUDIT_ROUNDS = 3
ROUNDS = 5  # single runs on a shared 2-core machine vary by ±15 %
PATIENCE_S = 180  # a bound that only ends a run that would hang, as the tests have
LATENCY_VISITS = 3  # each a fresh context: a chapter, then both tools
PHONE_ROUNDS = 3
# Chromium's network emulation (DevTools protocol), applied to the page and its workers.
PHONE = {
    "offline": False,
    "latency": 40,
    "downloadThroughput": 10e6 / 8,
    "uploadThroughput": 2e6 / 8,
}

# A repeat visit comes after the first one has finished: its service worker (if the page has
# one) is active and holds the runtime.
SETTLED = """(async () => {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (!registration) return true;
    if (registration.active?.state !== 'activated') return false;
    // The Python worker writes its copies one by one once Python is left alone: a warm visit is
    // one that finds them all (the snapshot kept unpacked among them).
    const needed = ['snapshot.bin', 'pyodide.asm.wasm', 'pyodide.asm.mjs', 'python_stdlib.zip', 'pyodide.mjs'];
    for (const name of await caches.keys()) {
        const urls = (await (await caches.open(name)).keys()).map((r) => r.url);
        if (needed.every((file) => urls.some((u) => u.endsWith(`/pyodide/${file}`)))) return true;
    }
    return false;
})()"""


CHAPTER_SETTLED = """navigator.serviceWorker.getRegistration()
    .then((registration) => registration?.active?.state === 'activated')"""


class CountingHandler(StaticHandler):
    """The test suite's static host (gzip for text unless plain), adding up the bytes it sends."""

    sent: list[tuple[str, int]]
    max_age = 600

    def copyfile(self, source, outputfile):
        start = source.tell()
        try:
            super().copyfile(source, outputfile)
        finally:  # a download the browser dropped counts as far as it went
            self.sent.append((self.path, source.tell() - start))


# Armed before the page's own scripts: the moment the tool goes live, change one field, and
# note when the new results are in (all in the page, so no test-driver latency is counted).
FIRST_RECOMPUTE = """([field, value]) => {
    if (window.benchArmed) return;
    window.benchArmed = true;
    new MutationObserver((_, observer) => {
        const tool = document.querySelector('[data-tool][data-live=true]');
        if (!tool) return;
        observer.disconnect();
        tool.addEventListener('dc:updated', () => (window.firstRecompute = performance.now()), {once: true});
        const input = tool.querySelector(`[name=${field}]`);
        input.value = value;
        input.dispatchEvent(new Event('input', {bubbles: true}));
    }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-live']});
}"""


def in_turn(pages: dict[str, object], round_number: int) -> list[str]:
    """The pages in round ``round_number``'s order: each round starts one page later, so no
    build is always measured first, or right after the naive page's heavy main thread."""
    names = list(pages)
    shift = round_number % len(names)
    return names[shift:] + names[:shift]


def first_recompute_ms(page, url: str, field: str, value: str) -> tuple[float, float]:
    """(first contentful paint, ms from navigation start to the first live recompute)."""
    page.add_init_script(f"({FIRST_RECOMPUTE})({json.dumps([field, value])})")
    response = page.goto(url, wait_until="commit")
    if "data-result=" not in response.text():
        raise SystemExit(f"{url} has no pre-rendered results in its HTML")
    wait_in_page(page, "window.firstRecompute !== undefined", timeout_ms=120_000)
    paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    return paint, page.evaluate("window.firstRecompute")


def recompute_latencies(page, field: str, values: list[str]) -> list[float]:
    return page.evaluate(
        """async ([field, values]) => {
            const tool = document.querySelector('[data-tool]');
            const input = tool.querySelector(`[name=${field}]`);
            const times = [];
            for (const value of values) {
                const updated = new Promise((done) => tool.addEventListener('dc:updated', done, {once: true}));
                const start = performance.now();
                input.value = value;
                input.dispatchEvent(new Event('input', {bubbles: true}));
                await updated;
                times.push(performance.now() - start);
            }
            return times;
        }""",
        [field, values],
    )


def naive_first_result_ms(page, url: str) -> float:
    page.goto(url)
    wait_in_page(page, "window.naiveFirstResult !== undefined", timeout_ms=120_000)
    return page.evaluate("window.naiveFirstResult")


# When the tool on the page goes live (Python answers), in the page's own clock.
LIVE_AT = """(() => new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-tool][data-live=true]')) return;
    observer.disconnect();
    window.liveAt = performance.now();
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-live']}))()"""


def phone_ms(context, url: str) -> float:
    """ms from navigation start until the tool is live (the naive page: its first result),
    a first visit on an emulated phone network."""
    page = context.new_page()
    context.new_cdp_session(page).send("Network.emulateNetworkConditions", PHONE)
    if url.endswith("naive.html"):
        return naive_first_result_ms(page, url)
    page.add_init_script(LIVE_AT)
    page.goto(url, wait_until="commit")
    wait_in_page(page, "window.liveAt !== undefined", timeout_ms=300_000)
    return page.evaluate("window.liveAt")


# The audit's root, as this build and older ones (a baseline) mark it.
AUDIT = ':is([data-component="audit"], [data-audit])'
# Armed before a file is chosen: from the input's change to the file's descent on the page.
AUDIT_ARMED = """(audit) => {
    const input = document.querySelector(`${audit} [name=files]`);
    const items = document.querySelector('[data-audit-items]');
    window.auditDone = new Promise((done) => {
        let start;
        input.addEventListener('change', () => (start = performance.now()), {once: true, capture: true});
        new MutationObserver((_, observer) => {
            if (start === undefined || !items.querySelector('[data-audit-item="0"]')) return;
            observer.disconnect();
            done(performance.now() - start);
        }).observe(items, {childList: true, subtree: true});
    });
}"""
AUDIT_FILES = {  # records: 3k (an hour's run), 14k and 24k
    "a 3k-record FIT": "sample-activity.fit",
    "a 14k-record FIT": "2019-02-17-062644-ELEMNT-297E-195-0.fit",
    "a 24k-record FIT": "activity-large-fenxi2-multisport.fit",
}


def audit_ms(page, url: str, path: Path) -> float:
    """ms from choosing the file to its audit on the page (Python already live)."""
    page.goto(url)
    page.wait_for_selector(f"{AUDIT}[data-live=true]", timeout=120_000)
    page.evaluate(AUDIT_ARMED, AUDIT)
    page.set_input_files(f"{AUDIT} [name=files]", str(path))
    return page.evaluate("window.auditDone")


def fitdecode_read_s(path: Path) -> float:
    """Seconds for fitdecode merely to read every frame of the file, on CPython."""
    start = time.perf_counter()
    with fitdecode.FitReader(str(path)) as reader:
        for _ in reader:
            pass
    return time.perf_counter() - start


# Lighthouse's performance score (mobile preset), a timing, so measured here and not gated on
# in the suite (tests/test_lighthouse.py gates what it finds that load does not change). On a
# 2-core machine the same build gave medians of five of chapter 0.96 / 0.92, cadence 0.97 /
# 0.92 and planner 0.94 / 0.90 within one hour, single planner runs from 0.84 to 0.97, and
# 0.76-0.81 on the tools under a load of 12. What is left on every page is Material's bundle
# starting up, about 90 ms here even with its compile hint (scripts/compile_hints.py), which
# Lighthouse's 4x CPU simulation turns into ~250 ms of blocking time. In most runs the first
# frame is shown ~1 s after it is painted: under Lighthouse only (Playwright loads of the same
# pages show it at once), and only while the first paint is held with blocking="render".
LIGHTHOUSE_ROUNDS = 3  # Lighthouse's own advice for noisy performance scores: several, median


def lighthouse_scores(sites: dict[str, str], rounds: int) -> dict[str, list[tuple[float, bool]]]:
    """(performance score, first frame late) of each page of each site, interleaved by round."""
    scores: dict[str, list[tuple[float, bool]]] = {}
    for k in range(rounds):
        for path in lighthouse.PAGES:
            for name in in_turn(sites, k):
                url = sites[name]
                report = lighthouse.report(url + path)
                scores.setdefault(f"{name}{path}", []).append(
                    (
                        lighthouse.score(report, "performance"),
                        lighthouse.first_frame_withheld(report),
                    )
                )
    return scores


def median_of(samples):
    """The median of numbers, or of tuples of numbers taken element by element."""
    if isinstance(samples[0], tuple):
        return tuple(statistics.median(column) for column in zip(*samples, strict=True))
    return statistics.median(samples)


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--build-seconds", type=float, default=None)
    parser.add_argument("--plain", action="store_true", help="a host that compresses nothing")
    parser.add_argument(
        "--baseline-site",
        type=Path,
        default=None,
        help="another build, measured in the same rounds",
    )
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--phone-rounds", type=int, default=PHONE_ROUNDS)
    parser.add_argument("--lighthouse-rounds", type=int, default=LIGHTHOUSE_ROUNDS)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for child in args.site.iterdir():
            (root / child.name).symlink_to(child.resolve())
        # The naive page loads Pyodide's files as its package has them, and the site's wheel.
        naive = root / "naive"
        (naive / "pyodide").mkdir(parents=True)
        for name in site_runtime.NAIVE_FILES:
            (naive / "pyodide" / name).symlink_to(site_runtime.PYODIDE_NPM / name)
        for built in (args.site / "pyodide").glob("*"):
            if built.name == "pyodide-lock.json" or built.suffix == ".whl":
                (naive / "pyodide" / built.name).symlink_to(built.resolve())
        (naive / "naive.html").write_text(NAIVE_PAGE)
        sent: list[tuple[str, int]] = []
        options = {"sent": sent, "compress": not args.plain}
        server, base = serve(root, handler=type("Counting", (CountingHandler,), options))
        if args.baseline_site:  # another build (say, main's) on its own origin, same host options
            baseline_server, baseline = serve(
                args.baseline_site.resolve(), handler=type("Counting", (CountingHandler,), options)
            )
        rows: list[tuple[str, str]] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=find_chromium() or sys.exit(MISSING), args=CHROMIUM_ARGS
            )

            def visit(fn, *fn_args):
                """Cold is a new context (empty caches) until its first visit has kept what it
                keeps (the bytes of that whole visit); warm is a second visit in it."""
                ctx = browser.new_context()
                page = ctx.new_page()
                sent.clear()
                cold = fn(page, *fn_args)
                poll_until(page, SETTLED, PATIENCE_S)
                page.wait_for_load_state("networkidle")
                visit_bytes = sum(n for _, n in sent)
                runtime_bytes = sum(n for p, n in sent if "/pyodide/" in p)
                warm = fn(page, *fn_args)
                ctx.close()
                return cold, warm, visit_bytes, runtime_bytes

            pages = {
                "naive": (naive_first_result_ms, f"{base}/naive/naive.html"),
                "cadence": (first_recompute_ms, f"{base}/tools/cadence/", "cadence", "171"),
                "planner": (first_recompute_ms, f"{base}/tools/planner/", "weeks", "24"),
            }
            if args.baseline_site:
                pages["cadence, baseline"] = (
                    first_recompute_ms,
                    f"{baseline}/tools/cadence/",
                    "cadence",
                    "171",
                )
                pages["planner, baseline"] = (
                    first_recompute_ms,
                    f"{baseline}/tools/planner/",
                    "weeks",
                    "24",
                )
            tools = [name for name in pages if name != "naive"]
            samples = {name: [] for name in pages}
            for k in range(args.rounds):  # interleaved: each round visits every page once
                for name in in_turn(pages, k):
                    fn, *fn_args = pages[name]
                    samples[name].append(visit(fn, *fn_args))
            measured = {
                name: tuple(median_of([v[i] for v in values]) for i in range(4))
                for name, values in samples.items()
            }
            (naive_cold, naive_warm, naive_bytes, naive_runtime) = measured["naive"]
            results = {tool: measured[tool] for tool in tools}

            phone = {name: [] for name in pages}
            phone_bytes = {name: [] for name in pages}
            for k in range(args.phone_rounds):
                for name in in_turn(pages, k):
                    _, url, *_rest = pages[name]
                    ctx = browser.new_context()
                    sent.clear()
                    phone[name].append(phone_ms(ctx, url))
                    phone_bytes[name].append(sum(n for p, n in sent if "/pyodide/" in p))
                    ctx.close()

            latencies = {"cadence": [], "planner": []}
            for _ in range(LATENCY_VISITS):  # a chapter first, then both tools, as a reader might
                ctx = browser.new_context()
                page = ctx.new_page()
                sent.clear()
                page.goto(f"{base}/technique/")
                poll_until(
                    page, CHAPTER_SETTLED, PATIENCE_S
                )  # idle: the pages are kept for offline
                page.wait_for_load_state("networkidle")
                chapter_bytes = sum(n for _, n in sent)
                chapter_runtime = sum(n for p, n in sent if "/pyodide/" in p)
                for tool, field, values in (
                    ("cadence", "cadence", [str(150 + i) for i in range(50)]),
                    ("planner", "slope", [str(200 + i) for i in range(50)]),
                ):
                    page.goto(f"{base}/tools/{tool}/")
                    page.wait_for_selector("[data-tool][data-live=true]", timeout=120_000)
                    if tool == "planner":  # the largest plan the page allows: 24 weeks, 4 sessions
                        for name, text in (("weeks", "24"), ("target", "35"), ("current", "0")):
                            page.fill(f"[name={name}]", text)
                        page.select_option("[name=sessions]", "4")
                        wait_in_page(
                            page, "() => location.search.includes('sessions=4')", timeout_ms=120_000
                        )
                    latencies[tool] += recompute_latencies(page, field, values)
                ctx.close()
            kept_log = (  # 1,000 kept runs vs none
                kept_rows(browser, base, recompute_latencies)
                if keeps_history(args.site)
                else [("planner: recompute p95 with a kept history", "none kept by this build")]
            )
            audits: dict[str, list[float]] = {label: [] for label in AUDIT_FILES}
            ctx = browser.new_context()
            page = ctx.new_page()
            for _ in range(AUDIT_ROUNDS):
                for label, name in AUDIT_FILES.items():
                    audits[label].append(audit_ms(page, f"{base}/tools/audit/", ACTIVITIES / name))
            ctx.close()
            browser.close()
        sites = {"": base, **({"baseline ": baseline} if args.baseline_site else {})}
        scores = lighthouse_scores(sites, args.lighthouse_rounds)
        server.shutdown()
        if args.baseline_site:
            baseline_server.shutdown()

    host = "a host that compresses nothing" if args.plain else "a host that gzips text"
    rows.append(("host", f"{host}, Cache-Control: max-age=600"))
    rows.append(
        (
            "naive main-thread page: first result, cold / warm (ms)",
            f"{naive_cold:.0f} / {naive_warm:.0f}",
        )
    )
    rows.append(
        (
            "naive page: bytes of a first visit / of them runtime",
            f"{naive_bytes:,.0f} / {naive_runtime:,.0f}",
        )
    )
    for tool, (pre_c, first_c), (pre_w, first_w), nbytes, runtime_bytes in (
        (tool, *values) for tool, values in results.items()
    ):
        rows.append(
            (
                f"{tool}: first paint, pre-rendered results in it, cold / warm (ms)",
                f"{pre_c:.0f} / {pre_w:.0f}",
            )
        )
        rows.append(
            (
                f"{tool}: first interactive recompute, cold / warm (ms)",
                f"{first_c:.0f} / {first_w:.0f}",
            )
        )
        rows.append(
            (
                f"{tool}: ratio to naive, cold / warm",
                f"{first_c / naive_cold:.2f}× / {first_w / naive_warm:.2f}×",
            )
        )
        rows.append(
            (
                f"{tool}: bytes of a first visit, pages kept too / of them runtime",
                f"{nbytes:,.0f} / {runtime_bytes:,.0f}",
            )
        )
        rows.append(
            (
                f"{tool}: first visit's runtime bytes, ratio to naive's",
                f"{runtime_bytes / naive_runtime:.2f}×",
            )
        )
    naive_phone = statistics.median(phone["naive"])
    naive_phone_bytes = statistics.median(phone_bytes["naive"])
    rows.append(
        (
            f"phone network: naive first result (ms, median of {args.phone_rounds}) / runtime bytes",
            f"{naive_phone:.0f} / {naive_phone_bytes:,.0f}",
        )
    )
    for tool in tools:
        live = statistics.median(phone[tool])
        nbytes = statistics.median(phone_bytes[tool])
        rows.append(
            (
                f"phone network: {tool} live (ms) / ratio to naive",
                f"{live:.0f} / {live / naive_phone:.2f}×",
            )
        )
        rows.append(
            (
                f"phone network: {tool} runtime bytes until live / ratio to naive",
                f"{nbytes:,.0f} / {nbytes / naive_phone_bytes:.2f}×",
            )
        )
    for tool, times in latencies.items():
        rows.append(
            (
                f"{tool}: recompute p50 / p95 over {len(times)} changes (ms)",
                f"{pct(times, 50):.1f} / {pct(times, 95):.1f}",
            )
        )
    rows += kept_log
    rows.append(
        (
            "chapter page: bytes until idle / of them Pyodide runtime / ratio to naive's visit",
            f"{chapter_bytes:,} / {chapter_runtime:,} / {chapter_bytes / naive_bytes:.2f}×",
        )
    )
    for label, times in audits.items():
        rows.append(
            (
                f"descent audit in the browser, {label}: chosen to shown (ms)",
                f"{statistics.median(times):.0f}",
            )
        )
    fitdecode_s = statistics.median(
        fitdecode_read_s(ACTIVITIES / AUDIT_FILES["a 14k-record FIT"]) for _ in range(AUDIT_ROUNDS)
    )
    browser_s = statistics.median(audits["a 14k-record FIT"]) / 1000
    rows.append(
        (
            "descent audit, 14k-record FIT: browser audit / fitdecode reading it on CPython",
            f"{browser_s:.2f} s / {fitdecode_s:.2f} s = {browser_s / fitdecode_s:.2f}×",
        )
    )
    for label, runs in scores.items():
        performance = statistics.median(score for score, _ in runs)
        late = sum(withheld for _, withheld in runs)
        rows.append(
            (
                f"Lighthouse performance, {label} (median of {len(runs)}) / first frame late",
                f"{performance:.2f} / in {late} of {len(runs)}",
            )
        )
    if args.build_seconds is not None:
        rows.append(("full site build (s)", f"{args.build_seconds:.1f}"))
    width = max(len(label) for label, _ in rows)
    print(f"{'measure'.ljust(width)}  value")
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")


if __name__ == "__main__":
    main()
