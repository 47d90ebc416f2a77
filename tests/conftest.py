"""Shared fixtures: one strict build of the site per run, a local server, and Chromium."""

from __future__ import annotations

import fcntl
import functools
import gzip
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import settings

# Timing is the benchmark's job (scripts/bench); a loaded CI machine must not fail a property.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SITE_URL = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(), re.M)[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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


@functools.lru_cache(maxsize=256)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    """Compressed once per file version, as a real host or CDN does."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """A static host as the site will have: correct types, gzip for text, revalidated caching."""

    # Chromium revalidates what it cached (If-None-Match) only from an HTTP/1.1 host.
    protocol_version = "HTTP/1.1"

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
    }
    COMPRESSIBLE = (
        ".html",
        ".css",
        ".js",
        ".mjs",
        ".json",
        ".svg",
        ".xml",
        ".wasm",
        ".txt",
        ".ipynb",
    )

    prefix = ""  # serve the site under a sub-path, as many static hosts do ("/guide")
    # Options, set on a subclass (serve(..., handler=type("X", (StaticHandler,), {...}))):
    compress = True  # False: a plain host that compresses nothing
    max_age: int | None = None  # Cache-Control: max-age=N, as many hosts send, instead of no-cache
    requests: list[str] | None = None  # when a list, every GET's path is appended to it
    fail_once: tuple[str, ...] = ()  # paths ending so answer 503 the first time they are asked for
    # Paths ending so answer 200 the first time with a damaged body, as a broken upload or proxy
    # would: "truncate" sends the first half (with a matching length), "garble" flips bytes in
    # the middle (the same length).
    damage_once: ClassVar[dict[str, str]] = {}
    bytes_per_second: int | None = None  # send bodies at this pace, as a slow network would
    sent: dict[str, int] | None = None  # when a dict, the bytes of each paced body sent, by path

    def do_GET(self) -> None:
        if self.requests is not None:
            self.requests.append(self.path)
        failing = [end for end in self.fail_once if self.path.endswith(end)]
        if failing:
            type(self).fail_once = tuple(e for e in self.fail_once if e not in failing)
            self.send_error(503, "try again")
            return
        damaged = [end for end in self.damage_once if self.path.endswith(end)]
        if damaged:
            how = self.damage_once[damaged[0]]
            type(self).damage_once = {e: h for e, h in self.damage_once.items() if e != damaged[0]}
            self.send_damaged(how)
            return
        super().do_GET()

    def send_damaged(self, how: str) -> None:
        path = Path(self.translate_path(self.path))
        body = path.read_bytes()
        middle = len(body) // 2
        if how == "truncate":
            body = body[:middle]
        else:
            body = (
                body[:middle]
                + bytes(b ^ 0x5A for b in body[middle : middle + 4096])
                + body[middle + 4096 :]
            )
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(self.path))
        self.send_header("Content-Length", str(len(body)))
        # The file's own validator, as a host sends it: a browser may revalidate its damaged copy.
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        if not getattr(self, "_cache_control_sent", False):
            self.send_header("Cache-Control", self.cache_control())
        self._cache_control_sent = False
        super().end_headers()

    def cache_control(self) -> str:
        return f"max-age={self.max_age}" if self.max_age is not None else "no-cache"

    def copyfile(self, source, outputfile) -> None:
        if self.bytes_per_second is None:
            return super().copyfile(source, outputfile)
        chunk = max(1, self.bytes_per_second // 20)
        try:
            while block := source.read(chunk):
                outputfile.write(block)
                if self.sent is not None:
                    self.sent[self.path] = self.sent.get(self.path, 0) + len(block)
                time.sleep(0.05)  # the server's pace, not a test's wait
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser dropped the download
        return None

    def translate_path(self, path: str) -> str:
        if self.prefix:
            if not path.startswith(self.prefix + "/"):
                return str(Path(self.directory) / "__outside_the_sub_path__")
            path = path[len(self.prefix) :]
        return super().translate_path(path)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the stdlib redirects /dir to /dir/
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (
            self.compress and wants_gzip and path.suffix in self.COMPRESSIBLE and path.is_file()
        ):
            return super().send_head()
        stat = path.stat()
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}-gz"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return None
        body = _gzipped(path, stat.st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        # no-cache unless max_age: revalidate every time, by ETag
        self.send_header("Cache-Control", self.cache_control())
        self._cache_control_sent = True
        self.send_header("ETag", etag)
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that drops a connection mid-download is normal, not worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(
    directory: Path, prefix: str = "", handler: type = StaticHandler
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``directory`` on a free loopback port; returns the server and the site's base URL."""
    bound = functools.partial(
        type("Handler", (handler,), {"prefix": prefix}), directory=str(directory)
    )
    server = QuietServer(("127.0.0.1", 0), bound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    server, url = serve(site_dir)
    yield url
    server.shutdown()


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        # Never a skip: CI must run the browser tests. ./scripts/setup installs it.
        pytest.fail(
            "Debian's chromium is not installed: run ./scripts/setup (apt-get install chromium)."
        )
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


# Playwright's Page.wait_for_function compiles its predicate inside the page (new Function),
# which the site's Content-Security-Policy refuses, as it refuses any eval. This one sends the
# predicate's source with each call, as page.evaluate does (the browser compiles it for the
# debugger, outside the page's policy), so every browser test runs under the site's real policy.
POLL = """async ([arg, ms]) => {
    const probe = () => (%s);
    const deadline = performance.now() + (ms ?? Infinity);
    for (;;) {
        const value = probe();
        if (typeof value === "function" ? value(arg) : value) return true;
        if (performance.now() > deadline) return false;
        await new Promise((resolve) => requestAnimationFrame(resolve));
    }
}"""


def _wait_for_function(
    page: object, expression: str, *, arg: object = None, timeout: float | None = None, **_: object
) -> None:
    """As Page.wait_for_function (a predicate, or an expression; PATIENCE_S unless told; 0: no
    limit)."""
    from playwright.sync_api import Error, TimeoutError

    ms = PATIENCE_S * 1000 if timeout is None else timeout or None
    deadline = time.monotonic() + (ms or float("inf")) / 1000
    while True:
        left = None if ms is None else max(0, (deadline - time.monotonic()) * 1000)
        try:
            if page.evaluate(POLL % expression, [arg, left]):
                return
        except Error as error:  # a navigation ended the page it polled: poll the next one
            if "context was destroyed" not in str(error) and "navigat" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise TimeoutError(f"wait_for_function: {ms} ms exceeded: {expression}")


def wait_until(page: object, expression: str) -> None:
    """Poll an (async) expression in the page until it is truthy (for up to PATIENCE_S).

    Playwright's wait_for_function does not await a Promise: an async predicate passes at once.
    """
    deadline = time.monotonic() + PATIENCE_S
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {PATIENCE_S} s: {expression}")
        page.wait_for_timeout(200)  # the interval between two looks, not a wait for an outcome


def wait_live(page: object) -> None:
    """Wait until the tool on the page has its Python ready (data-live set by tools.js)."""
    page.wait_for_selector("[data-tool][data-live=true]", timeout=PATIENCE_S * 1000)


def wait_settled(page: object) -> None:
    """Wait until the page has done what it does by itself once loaded: the last of it, once
    idle (and on a tool page once Python has started), is linking the manifest (page-helpers.js)."""
    page.wait_for_selector("link[rel=manifest]", state="attached", timeout=PATIENCE_S * 1000)
