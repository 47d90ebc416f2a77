"""A reader's first visit to a tool page: every URL fetched once, fewer runtime bytes than a naive
Pyodide page, a data saver respected, progress shown, and a failed download tried again."""

from __future__ import annotations

import collections
import contextlib
import gzip
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import wait_live, wait_until
from test_browser_offline import wait_runtime_cached

from devtools.host import StaticHandler, serve
from sitebuild import runtime as site_runtime
from sitebuild import service_worker

pytestmark = pytest.mark.browser


def naive_bytes(site_dir: Path) -> int:
    """What a naive main-thread Pyodide page downloads (scripts/bench's), as the files are."""
    wheel = site_dir / "pyodide" / service_worker.wheel_name(site_dir)
    package = site_runtime.PYODIDE_NPM
    return (
        sum((package / n).stat().st_size for n in site_runtime.NAIVE_FILES) + wheel.stat().st_size
    )


@contextlib.contextmanager
def host(site_dir: Path, **options: object) -> Iterator[tuple[str, list[str]]]:
    """The test host with these options (devtools.host.StaticHandler), noting every path asked for."""
    requests: list[str] = []
    handler = type("Host", (StaticHandler,), {"requests": requests, **options})
    server, url = serve(site_dir, handler=handler)
    try:
        yield url, requests
    finally:
        server.shutdown()


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"  # as runtime-status.js writes it


@pytest.mark.parametrize("tool", ["cadence", "planner"])
def test_a_first_visit_fetches_each_url_once(browser: object, site_dir: Path, tool: str) -> None:
    """From a host that compresses nothing and lets browsers cache for ten minutes: the page, the
    Python worker and the service worker (pages kept for offline) ask for no URL twice."""
    with host(site_dir, compress=False, max_age=600) as (url, requests):
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/tools/{tool}/")
        wait_live(page)
        wait_runtime_cached(page)
        twice = {path: n for path, n in collections.Counter(requests).items() if n > 1}
        assert twice == {}, "fetched more than once"
        runtime = [p for p in requests if p.startswith("/pyodide/")]
        sizes = sum((site_dir / p.lstrip("/")).stat().st_size for p in runtime)
        # All of one way to start: with the snapshot, where the worker found the network fast
        # enough, or plainly, where it did not (a busy machine can make it so: conftest's
        # snapshot_always_pays; a slow network: test_a_slow_download...).
        assert sizes in {service_worker.download_bytes(site_dir, snapshot=s) for s in (True, False)}
        assert sizes <= naive_bytes(site_dir)
        print(
            f"{tool}: {len(requests)} requests, each once; runtime {sizes:,} bytes "
            f"= {sizes / naive_bytes(site_dir):.2f}x a naive page's {naive_bytes(site_dir):,}"
        )
        context.close()


SAVE_DATA = "Object.defineProperty(NetworkInformation.prototype, 'saveData', {get: () => true});"


def test_a_data_saver_holds_the_runtime_until_a_field_changes(
    browser: object, site_dir: Path
) -> None:
    """Held until the reader changes a field; then a plain start (no snapshot download), and the
    device's own snapshot, which the next visit restores without downloading anything."""
    with host(site_dir) as (url, requests):
        context = browser.new_context(extra_http_headers={"Save-Data": "on"})
        context.add_init_script(SAVE_DATA)
        page = context.new_page()
        page.goto(f"{url}/tools/cadence/")
        line = page.locator("[data-tool] [data-runtime]")
        line.wait_for()
        size = megabytes(service_worker.download_bytes(site_dir, snapshot=False))
        assert "Data saver is on" in line.inner_text() and f"({size})" in line.inner_text()
        assert page.locator("[data-result]").count() >= 5  # the build's results stay
        # The page went idle (it registers the service worker then, which keeps the pages and
        # assets for offline) without the runtime.
        wait_until(page, "navigator.serviceWorker.ready.then((r) => r.active !== null)")
        assert not [p for p in requests if "/pyodide/" in p]
        page.fill("form.dc-form [name=cadence]", "172")
        wait_live(page)
        page.wait_for_function("new URLSearchParams(location.search).get('cadence') === '172'")
        runtime = [p.removeprefix("/pyodide/") for p in requests if p.startswith("/pyodide/")]
        assert "pyodide.asm.wasm.gz" in runtime and "snapshot.bin.gz" not in runtime
        sizes = sum((site_dir / "pyodide" / name).stat().st_size for name in runtime)
        assert sizes == service_worker.download_bytes(site_dir, snapshot=False)
        assert line.is_hidden()
        wait_until(
            page, "caches.match(new URL('/pyodide/snapshot.bin', location.href)).then(Boolean)"
        )
        kept = page.evaluate(
            "caches.match(new URL('/pyodide/snapshot.bin', location.href))"
            ".then((r) => r.arrayBuffer()).then((b) => Array.from(new Uint8Array(b, 0, 4)))"
        )
        assert bytes(kept) == b"DCS1"  # stored as the build stores its own (snapshot-file.js)
        requests.clear()
        page.reload()
        wait_live(page)  # no change needed: this device has the runtime
        page.fill("form.dc-form [name=cadence]", "173")
        page.wait_for_function("new URLSearchParams(location.search).get('cadence') === '173'")
        assert not [p for p in requests if "/pyodide/" in p]
        print(f"data saver: held ({size}), then a plain start of {sizes:,} bytes; its own snapshot")
        context.close()


def test_a_slow_download_shows_how_much_has_arrived(context: object, site_dir: Path) -> None:
    # 0.5 MB/s a connection: too slow for the snapshot to pay, so Python starts plainly and not
    # a byte of the snapshot is downloaded.
    sent: dict[str, int] = {}
    with host(site_dir, bytes_per_second=500_000, sent=sent) as (url, _):
        page = context.new_page()
        page.goto(f"{url}/tools/cadence/")
        line = page.locator("[data-tool] [data-runtime]")
        assert line.get_attribute("role") == "status"  # polite: read when the reader pauses
        total = megabytes(service_worker.download_bytes(site_dir, snapshot=False))
        page.wait_for_function(
            "t => /Downloading the live calculator: \\d+\\.\\d MB of /.test("
            "document.querySelector('[data-runtime]')?.textContent ?? '')",
        )
        text = line.inner_text()
        assert re.fullmatch(
            rf"Downloading the live calculator: \d+\.\d MB of {re.escape(total)}\.", text
        )
        wait_live(page)
        assert line.is_hidden()
        assert sent[f"/pyodide/{service_worker.wheel_name(site_dir)}"] > 0  # a plain start
        assert "/pyodide/snapshot.bin.gz" not in sent
        print(f"progress: {text!r}")
        page.close()


def test_a_failed_download_can_be_tried_again_without_a_reload(
    context: object, site_dir: Path
) -> None:
    with host(site_dir, fail_once=("/pyodide/pyodide.asm.wasm.gz",)) as (url, requests):
        page = context.new_page()
        page.goto(f"{url}/tools/cadence/")
        page.evaluate("window.sameDocument = true")
        button = page.locator("[data-tool] [data-runtime] button")
        button.wait_for()
        line = page.locator("[data-tool] [data-runtime]").inner_text()
        assert "could not be downloaded" in line and "503" in line
        page.wait_for_function(  # the build's results stay, and the status says why
            "() => document.querySelector('[data-status]').textContent.includes('unavailable')"
        )
        button.click()
        wait_live(page)
        assert page.inner_text("[data-status]").startswith("Live")
        assert page.locator(".dc-tool--offline").count() == 0
        page.fill("form.dc-form [name=cadence]", "171")
        page.wait_for_function("new URLSearchParams(location.search).get('cadence') === '171'")
        assert page.evaluate("window.sameDocument") is True  # no reload
        assert requests.count("/pyodide/pyodide.asm.wasm.gz") == 2
        print(f"retry: {line!r}; then live")
        page.close()


# A GPX in a legacy encoding: Python reads it with a codec from the site's standard library.
LEGACY_GPX = (
    '<?xml version="1.0" encoding="windows-1252"?>\n<gpx version="1.1" creator="Montée"'
    ' xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Descente à Chamonix</name><trkseg>'
    + "".join(
        f'<trkpt lat="{45.9 - k * 1e-4:.5f}" lon="6.87"><ele>{1200 - k * 1.5:.1f}</ele>'
        f"<time>2025-06-01T08:{k // 60:02d}:{k % 60:02d}Z</time></trkpt>"
        for k in range(300)
    )
    + "</trkseg></trk></gpx>\n"
).encode("cp1252")

KEPT_DIGESTS = """async () => {
    const digests = {};
    for (const name of await caches.keys()) {
        if (!name.startsWith('downhill-confidence-runtime-')) continue;
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            const body = await (await cache.match(request)).arrayBuffer();
            const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
            digests[request.url.split('/').pop()] = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
        }
    }
    return digests;
}"""


def site_digest(site_dir: Path, name: str) -> str:
    """The SHA-256 of a runtime file as the worker keeps it (inflated where it is shipped packed)."""
    path = site_dir / "pyodide" / name
    data = (
        path.read_bytes()
        if path.exists()
        else gzip.decompress(path.with_suffix(".bin.gz").read_bytes())
    )
    return hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("path", "how"),
    [
        ("/pyodide/pyodide.asm.wasm.gz", "truncate"),  # stalled for 60-90 s with no way back
        ("/pyodide/python_stdlib.zip.gz", "garble"),  # live, then a legacy-encoded file failed
        ("/pyodide/pyodide.mjs", "truncate"),  # plain text: no gzip check to catch it
    ],
)
def test_a_damaged_runtime_file_is_never_kept_and_try_again_works(
    context: object, site_dir: Path, tmp_path: Path, path: str, how: str
) -> None:
    """Served whole-looking (200, a matching length) but cut short or garbled, once."""
    legacy = tmp_path / "montée.gpx"
    legacy.write_bytes(LEGACY_GPX)
    with host(site_dir, damage_once={path: how}) as (url, requests):
        page = context.new_page()
        page.goto(f"{url}/tools/audit/")
        button = page.locator("[data-component=audit] [data-runtime] button")
        button.wait_for()
        name = path.split("/")[-1].removesuffix(".gz")
        assert name in page.inner_text("[data-component=audit] [data-runtime]")
        assert button.inner_text() == "Try again"
        button.click()
        page.wait_for_selector("[data-component=audit][data-live=true]")
        page.locator("[data-component=audit] [data-runtime]").wait_for(state="hidden")
        page.set_input_files("[name=files]", str(legacy))
        page.wait_for_selector("[data-audit-items] > [data-audit-item='0'] [data-result=descent_m]")
        assert requests.count(path) == 2
        # What the worker keeps for later visits is the build's own bytes, the damaged file too.
        wait_until(page, f"({KEPT_DIGESTS})().then((d) => Object.keys(d).length >= 6)")
        kept = page.evaluate(KEPT_DIGESTS)
        assert name in kept
        assert kept == {n: site_digest(site_dir, n) for n in kept}
        print(f"{how} {name}: Try again, live; kept {sorted(kept)}, each as built")
        page.close()


def test_the_audit_page_is_live_after_a_successful_try_again(
    context: object, site_dir: Path
) -> None:
    with host(site_dir, fail_once=("/pyodide/pyodide.asm.wasm.gz",)) as (url, _):
        page = context.new_page()
        page.goto(f"{url}/tools/audit/")
        page.locator("[data-component=audit] [data-runtime] button").click()
        page.wait_for_selector("[data-component=audit][data-live=true]")
        # What the page says before any file, as built (no longer that Python "could not start").
        built = (site_dir / "tools" / "audit" / "index.html").read_text(encoding="utf-8")
        intro = re.search(r"data-status>(.*?)</p>", built)[1]
        assert page.inner_text("[data-component=audit] [data-status]") == re.sub(
            "<[^>]+>", "", intro
        )
        page.close()


def test_session_mode_that_failed_to_load_can_be_tried_again(
    context: object, site_dir: Path
) -> None:
    with host(site_dir, fail_once=("/assets/js/session-mode.js",)) as (url, requests):
        page = context.new_page()
        page.goto(f"{url}/tools/planner/")
        wait_live(page)
        button = page.locator("[data-tool] [data-runtime] button")
        button.wait_for()
        assert "Session mode" in page.inner_text("[data-tool] [data-runtime]")
        button.click()
        page.locator("[data-tool] [data-runtime]").wait_for(state="hidden")
        page.click("[data-action='session:start'][data-key='1-3']")
        page.wait_for_selector("dialog[data-session][open]")
        assert len([p for p in requests if p.startswith("/assets/js/session-mode.js")]) == 2
        page.close()
