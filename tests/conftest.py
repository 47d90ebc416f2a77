"""Shared fixtures: one strict build of the site per run, a local server, and Chromium."""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from devtools.browser import CHROMIUM_ARGS, MISSING, find_chromium, poll_until, wait_in_page
from devtools.host import serve

# Timing is the benchmark's job (scripts/bench); a loaded CI machine must not fail a property.
# In CI the examples are the same on every run of a commit (derandomize): its verdict cannot
# change between two runs. A run here draws new ones, which is how they find what they find (a
# flipped byte naming an encoding that does not exist; clicks half a sample off the grid).
settings.register_profile("suite", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "suite")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)[1]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """-n auto: a worker per core (xdist's count) for a run without the browser tests, as the
    fast loop is; none for a run with them, which go one at a time: each starts Pyodide in
    Chromium on every core. (xdist's loadgroup, which would keep them on one worker, groups
    nothing under pytest 9.2: pytest-xdist issue 1386.)"""
    return None if "not browser" in config.option.markexpr else 0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that need no build first: they run while the site is built (site_build)."""
    items.sort(key=needs_site)


def needs_site(item: pytest.Item) -> bool:
    return "site_dir" in getattr(item, "fixturenames", ())


class SiteBuild:
    """One strict build of the site per run, shared by every xdist worker: the first process
    to ask starts it in the background and holds a lock on it until it ends; the others wait
    for that lock, not a time."""

    def __init__(self, root: Path) -> None:
        self.out = root / "site"
        self.status = root / "site-build.status"
        self.lock = root / "site-build.lock"
        self.builder: threading.Thread | None = None

    def start(self) -> None:
        with (self.lock.with_suffix(".start")).open("a") as start:
            fcntl.flock(start, fcntl.LOCK_EX)  # one process decides; the others see its choice
            if self.out.exists():
                return
            self.out.mkdir()
            held = self.lock.open("a")
            fcntl.flock(held, fcntl.LOCK_EX)
        self.builder = threading.Thread(target=self._build, args=(held,), daemon=True)
        self.builder.start()

    def _build(self, held: object) -> None:
        try:
            done = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(self.out)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                env={**os.environ, "DISABLE_MKDOCS_2_WARNING": "true", "NO_MKDOCS_2_WARNING": "1"},
            )
            self.status.write_text(f"{done.returncode}\n{done.stderr[-4000:]}")
        finally:
            held.close()  # the lock goes with it

    def wait(self) -> Path:
        self.start()
        with self.lock.open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_SH)
        code, _, stderr = self.status.read_text().partition("\n")
        assert code == "0", f"strict build failed:\n{stderr}"
        return self.out


@pytest.fixture(scope="session", autouse=True)
def site_build(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SiteBuild]:
    """Started with the run's first test when any selected test reads the built site."""
    root = tmp_path_factory.getbasetemp()
    if hasattr(request.config, "workerinput"):
        root = root.parent  # the run's own folder, shared by its xdist workers
    build = SiteBuild(root)
    if any(needs_site(item) for item in request.session.items):
        build.start()
    yield build
    if build.builder:  # a worker that ran no test of the site still finishes what it started
        build.builder.join()


@pytest.fixture(scope="session")
def site_dir(site_build: SiteBuild) -> Path:
    """The site, built once per run with --strict (a warning fails the build and the run)."""
    return site_build.wait()


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    server, url = serve(site_dir)
    yield url
    server.shutdown()


def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        pytest.fail(MISSING)  # never a skip: CI must run the browser tests
    return path


# How long a browser test waits for what will certainly happen (a page loading, Python starting,
# a cache written): only a broken product should reach it, never a machine busy with other work.
# Every wait is for an event or a state; this bound only ends a test that would hang.
PATIENCE_S = 180


def patient(target: object) -> object:
    """A context or page whose every wait (Playwright's default: 30 s) lasts PATIENCE_S."""
    target.set_default_timeout(PATIENCE_S * 1000)
    return target


class PatientBrowser:
    """Chromium, whose contexts and pages are patient()."""

    def __init__(self, browser: object) -> None:
        self._browser = browser

    def __getattr__(self, name: str) -> object:
        return getattr(self._browser, name)

    def new_context(self, **options: object) -> object:
        return patient(self._browser.new_context(**options))

    def new_page(self, **options: object) -> object:
        return patient(self._browser.new_page(**options))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import Page, sync_playwright

    Page.wait_for_function = _wait_for_function  # type: ignore[method-assign]

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield PatientBrowser(launched)
        launched.close()


class PageWatch:
    """What a page did that it should not: requests off 127.0.0.1, console errors, uncaught errors."""

    def __init__(self, page: object) -> None:
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda m: m.type == "error" and self.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def _request(self, request: object) -> None:
        url = request.url
        if not url.startswith(("http://127.0.0.1", "blob:", "data:")):
            self.foreign_requests.append(url)


@pytest.fixture
def context(browser: object) -> Iterator[object]:
    # Service workers would answer requests before page.route sees them; the offline tests
    # make their own context with them allowed.
    ctx = browser.new_context(service_workers="block")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: object) -> Iterator[object]:
    new_page = context.new_page()
    new_page.watch = PageWatch(new_page)
    yield new_page
    assert new_page.watch.foreign_requests == [], "requests left the local server"
    assert new_page.watch.page_errors == [], "uncaught errors on the page"


def sitemap_for_this_server(page: object, base_url: str) -> None:
    """Material navigates instantly only to URLs in sitemap.xml, which names the production
    origin; it takes the scheme and host from the page but keeps the sitemap's (default) port,
    so on the test server's port it would fall back to full page loads. wait_for_sitemap then
    waits until Material has read it: a click before that is a full page load."""

    def rewrite(route: object) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(SITE_URL, f"{base_url}/"))

    page.route("**/sitemap.xml", rewrite)
    page.add_init_script(SITEMAP_READ)


# Material parses the sitemap as XML and hands it on in the same task; a microtask queued then
# runs once it has (integrations/sitemap in Material's bundle).
SITEMAP_READ = """(() => {
    const parse = DOMParser.prototype.parseFromString;
    DOMParser.prototype.parseFromString = function (text, type) {
        const parsed = parse.call(this, text, type);
        if (type === 'text/xml' && parsed.documentElement?.localName === 'urlset') {
            queueMicrotask(() => (window.dcSitemapRead = true));
        }
        return parsed;
    };
})()"""


def wait_for_sitemap(page: object) -> None:
    page.wait_for_function("window.dcSitemapRead === true")


def snapshot_always_pays(target: object) -> None:
    """On a first visit the Python worker downloads the memory snapshot only if its first
    downloads arrive fast enough, a judgement a busy machine changes (it then starts Python
    plainly). For a page or context testing the snapshot's path: any network pays."""
    pays = re.compile(r"^const SNAPSHOT_PAYS_WITHIN_MS = \d+;", re.M)

    def any_network(route: object) -> None:
        response = route.fetch()
        body, found = pays.subn("const SNAPSHOT_PAYS_WITHIN_MS = Infinity;", response.text())
        assert found == 1, "py-worker.js no longer has SNAPSHOT_PAYS_WITHIN_MS"
        route.fulfill(response=response, body=body)

    target.route("**/assets/js/py-worker.js", any_network)


def wait_for_state(page: object, query: str) -> None:
    """Wait until the page shows the results for exactly these inputs (the address bar says so)."""
    page.wait_for_function("q => location.search === q", arg=query)


def _wait_for_function(
    page: object, expression: str, *, arg: object = None, timeout: float | None = None, **_: object
) -> None:
    """As Page.wait_for_function, under the site's policy (PATIENCE_S unless told; 0: no limit)."""
    wait_in_page(
        page,
        expression,
        arg=arg,
        timeout_ms=PATIENCE_S * 1000 if timeout is None else timeout or None,
    )


def wait_until(page: object, expression: str) -> None:
    """Poll an (async) expression in the page until it is truthy (for up to PATIENCE_S)."""
    poll_until(page, expression, PATIENCE_S)


PHONE = {"width": 360, "height": 740}  # the small touch screen the tools are made for


@pytest.fixture(params=["light", "dark"])
def phone(request: pytest.FixtureRequest, browser: object) -> Iterator[object]:
    """A page on a 360 × 740 touch screen, in each colour scheme (page.scheme says which)."""
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        color_scheme=request.param,
        service_workers="block",
    )
    page = context.new_page()
    page.scheme = request.param
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


@pytest.fixture(scope="session")
def axe() -> object:
    """axe-core, to run on a page: axe.run(page).response["violations"]."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


class Held:
    """Every request matching `pattern` held until released (by default the runtime's: the page
    stays before Python)."""

    def __init__(self, page: object, pattern: str = "**/pyodide/**") -> None:
        self.routes: list[object] = []
        self.released = False
        page.route(pattern, self.handle)

    def handle(self, route: object) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.routes:
            route.continue_()


def wait_live(page: object) -> None:
    """Wait until the tool on the page has its Python ready (data-live set by tool.js)."""
    page.wait_for_selector("[data-tool][data-live=true]", timeout=PATIENCE_S * 1000)


def wait_settled(page: object) -> None:
    """Wait until the page has done what it does by itself once loaded: the last of it, once
    idle (and on a tool page once Python has started), is linking the manifest (page-helpers.js)."""
    page.wait_for_selector("link[rel=manifest]", state="attached", timeout=PATIENCE_S * 1000)
