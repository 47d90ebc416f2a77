"""Offline after one visit, clean cache replacement on a new build, and serving under a sub-path."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
import threading
from pathlib import Path

import pytest
from conftest import snapshot_always_pays, wait_live, wait_until

from devtools.host import StaticHandler, serve
from sitebuild import service_worker

pytestmark = pytest.mark.browser

CACHE_URLS = """async () => {
    const names = (await caches.keys()).filter((k) => k.startsWith('downhill-confidence-'));
    const urls = {};
    for (const name of names) urls[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    return urls;
}"""


def cached(page: object) -> dict[str, list[str]]:
    return page.evaluate(CACHE_URLS)


# What a first visit keeps, unpacked, for the next: no packed copy and no wheel (the snapshot
# has `drills` imported), so nothing was downloaded twice to be kept.
KEPT = ("pyodide/snapshot.bin", "pyodide.asm.wasm", "pyodide.asm.mjs", "pyodide.mjs",
        "python_stdlib.zip", "pyodide-lock.json")  # fmt: skip


def wait_runtime_cached(page: object, only: str | None = None) -> None:
    """Wait until the service worker is active, controls the page, and the pages and the runtime
    are kept (in the caches named `only`, comma-separated, and no other, when given)."""
    wait_until(
        page,
        "(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated'"
        " && navigator.serviceWorker.controller !== null)()",
    )
    wait_until(
        page,
        f"""(async (only) => {{
            const byName = await ({CACHE_URLS})();
            if (only && Object.keys(byName).sort().join() !== only) return false;
            const urls = Object.values(byName).flat();
            return [...{json.dumps(KEPT)}, 'technique/'].every((end) => urls.some((u) => u.endsWith(end)));
        }})({json.dumps(only)})""",
    )


def recompute(page: object, field: str, text: str) -> None:
    page.fill(f"form.dc-form [name={field}]", text)
    page.wait_for_function(
        "([f, t]) => new URLSearchParams(location.search).get(f) === t", arg=[field, text]
    )


def test_everything_works_offline_after_one_visit(browser: object, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}/tools/cadence/")
    wait_live(page)
    wait_runtime_cached(page)
    # A response from another origin is never cached (127.0.0.1 and localhost are different origins).
    other, other_url = serve(Path(__file__).parent)
    page.evaluate(
        "url => fetch(url, {mode: 'no-cors'}).catch(() => null)",
        other_url.replace("127.0.0.1", "localhost") + "/conftest.py",
    )
    other.shutdown()
    context.set_offline(True)
    page.goto(f"{base_url}/technique/")
    assert page.locator("h1").first.inner_text().startswith("Technique")
    for tool, field, text in (("cadence", "cadence", "177"), ("planner", "weeks", "14")):
        page.goto(f"{base_url}/tools/{tool}/")
        wait_live(page)
        recompute(page, field, text)
        assert page.locator("[data-status]").inner_text().startswith("Updated")
    urls = [u for names in cached(page).values() for u in names]
    assert urls and all(u.startswith(base_url + "/") for u in urls)
    print(f"offline: chapter, cadence and planner worked from {len(urls)} cached responses")
    context.close()


# Which Python workers a page starts, and who starts them (early-python.html or py-client.js).
WORKERS_STARTED = """(() => {
    window.dcStarted = [];
    const Original = window.Worker;
    window.Worker = class extends Original {
        constructor(url, options) {
            super(url, options);
            if (!String(url).includes('py-worker')) return;
            dcStarted.push(`worker: ${options.name}`);
            this.addEventListener('message', (e) => e.data?.type === 'ready' && dcStarted.push('ready'));
        }
    };
})()"""


NEVER_PAINTS = """(() => {
    window.PerformanceObserver = class { observe() {} disconnect() {} };
    const entries = performance.getEntriesByType.bind(performance);
    performance.getEntriesByType = (type) => (type === 'paint' ? [] : entries(type));
})()"""


def test_a_repeat_visit_reads_the_kept_runtime_directly(
    browser: object, base_url: str, site_dir: Path
) -> None:
    """The Python worker reads the snapshot inflated, and the files Pyodide fetches, straight
    from the service worker's cache: none of them is requested (only the module import is).
    It is started as the page is parsed, by the page's Python client, the one the tools import."""
    context = browser.new_context()
    context.add_init_script(WORKERS_STARTED)
    snapshot_always_pays(context)  # the first visit's; a repeat visit reads the kept one
    page = context.new_page()
    packed: list[str] = []
    page.on("request", lambda r: "/pyodide/" in r.url and packed.append(r.url.split("/")[-1]))
    page.goto(f"{base_url}/tools/cadence/")
    wait_live(page)
    assert "snapshot.bin.gz" in packed, "the first visit fetches the packed snapshot"
    # Nothing kept yet: the page preloads the modules that start Python, which starts it.
    assert page.evaluate("dcStarted") == ["worker: python", "ready"]
    assert (
        page.locator("link[rel=modulepreload]").count() == 8
    )  # runtime-config.js among them: runtime-status.js imports it
    wait_runtime_cached(page)
    size = page.evaluate(
        "caches.match(new URL('pyodide/snapshot.bin', location.href.replace(/tools.*/, '')))"
        ".then((r) => r.arrayBuffer()).then((b) => b.byteLength)"
    )
    download = (site_dir / "pyodide" / "snapshot.bin.gz").read_bytes()
    assert size == len(gzip.decompress(download)) > 2 * len(download)  # kept inflated
    packed.clear()
    page.reload()
    wait_live(page)
    recompute(page, "cadence", "176")
    assert sorted(packed) == ["pyodide.asm.mjs", "pyodide.mjs"], (
        "a repeat visit requested runtime files"
    )
    # One worker, started from <head>; no preloads (they would delay the bundle).
    assert page.evaluate("dcStarted") == ["worker: python controlled", "ready"]
    assert page.locator("link[rel=modulepreload]").count() == 0
    # A tab that never paints (in the background) attaches its tools once its wait for a paint
    # runs out (page-helpers.js). The page's clock is held until the worker has said Python is
    # ready: the tools then find it ready, and no second worker starts.
    page.add_init_script(NEVER_PAINTS)
    page.clock.install()
    page.clock.pause_at(dt.datetime.now() + dt.timedelta(hours=1))
    page.reload()
    wait_until(page, "dcStarted.includes('ready')")
    assert page.locator("[data-tool][data-live]").count() == 0  # not attached yet
    page.clock.resume()
    wait_live(page)
    recompute(page, "cadence", "177")
    assert page.evaluate("dcStarted") == ["worker: python controlled", "ready"]
    context.close()


class HeldInstall(StaticHandler):
    """The test host, holding back one file a service worker keeps at install while `release`
    is clear: a new build's worker stays installing for as long as the test needs."""

    release: threading.Event

    def do_GET(self) -> None:
        if self.path == "/404.html":
            self.release.wait()
        super().do_GET()


# The worker now in charge is the one that made this cache (install), and no other is on its way.
NEW_WORKER_IN_CHARGE = """(async (name) => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration.active?.state === 'activated' && !registration.installing
        && !registration.waiting && (await caches.has(name));
})"""


def test_a_new_build_replaces_the_old_cache(
    browser: object, site_dir: Path, tmp_path: Path
) -> None:
    # Two builds behind one address: the second differs in its pages' version and its runtime's
    # (the runtime's cache name is in the service worker's settings and in the Python worker's).
    second = tmp_path / "second"
    shutil.copytree(site_dir, second, symlinks=True)
    offline = second / "sw-config.js"
    settings = service_worker.read_config(offline)
    old_version, old_runtime = settings["version"], settings["runtimeCache"]
    new_runtime = "downhill-confidence-runtime-newbuild0002"
    offline.write_text(
        offline.read_text().replace(old_version, "newbuild0001").replace(old_runtime, new_runtime)
    )
    config = second / "assets" / "js" / "runtime-config.js"
    config.write_text(config.read_text().replace(old_runtime, new_runtime))
    live = tmp_path / "live"
    live.symlink_to(site_dir)
    release = threading.Event()
    release.set()
    server, url = serve(live, handler=type("Held", (HeldInstall,), {"release": release}))
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/tools/cadence/")
    wait_live(page)
    wait_runtime_cached(page)
    assert sorted(cached(page)) == [f"downhill-confidence-{old_version}", old_runtime]
    live.unlink()
    live.symlink_to(second)
    # The new build's worker installs while the page, still run by the old one, starts its
    # Python, which asks the old worker to sweep away other builds' caches: the new build's
    # cache is not another build's stale one.
    release.clear()
    page.goto(f"{url}/tools/cadence/")
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    wait_until(page, "caches.has('downhill-confidence-newbuild0001')")
    wait_live(page)
    page.evaluate(
        "navigator.serviceWorker.ready.then((r) => r.active.postMessage('cache-runtime'))"
    )
    release.set()
    wait_until(page, f"({NEW_WORKER_IN_CHARGE})('downhill-confidence-newbuild0001')")
    assert f"downhill-confidence-{old_version}" not in cached(page)
    page.reload()
    wait_live(page)
    # The new caches get their own runtime and are the only ones left: nothing stale is mixed in.
    wait_runtime_cached(page, only=f"downhill-confidence-newbuild0001,{new_runtime}")
    print(f"new build: caches {list(cached(page))}, old {old_version} and {old_runtime} gone")
    context.close()
    server.shutdown()


def test_site_works_under_a_sub_path(browser: object, site_dir: Path) -> None:
    server, url = serve(site_dir, prefix="/guide")
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    own = (url + "/", "blob:" + url.removesuffix("/guide") + "/")  # blob: the worker's modules
    page.on("request", lambda r: r.url.startswith(own) or outside.append(r.url))
    page.goto(f"{url}/cadence/")
    page.click("a[href$='tools/cadence/?pace=6:00/km&cadence=164&grade=-10&increase=5'] >> nth=0")
    wait_live(page)
    recompute(page, "cadence", "181")
    page.goto(f"{url}/drills/")
    page.click("table.dc-catalog a:text-is('Quiet feet')")
    assert page.locator("h1").first.inner_text().startswith("Quiet feet")
    assert outside == []
    context.close()
    server.shutdown()


class PreloadLog(StaticHandler):
    """The test host, noting each page the browser asked for as a navigation preload."""

    preloaded: list[str]

    def send_head(self):
        if self.headers.get("Service-Worker-Navigation-Preload"):
            self.preloaded.append(self.path)
        return super().send_head()


def test_pages_are_asked_for_while_the_service_worker_starts(
    browser: object, site_dir: Path
) -> None:
    preloaded: list[str] = []
    server, url = serve(site_dir, handler=type("Log", (PreloadLog,), {"preloaded": preloaded}))
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/")
    wait_until(page, "navigator.serviceWorker.controller !== null")
    page.goto(f"{url}/technique/?from=coach")
    assert page.locator("h1").first.inner_text().startswith("Technique")
    assert preloaded == ["/technique/?from=coach"]
    context.close()
    server.shutdown()
