"""`./scripts/serve`: the service worker leaves `mkdocs serve`'s live reload alone (issue 31).

mkdocs serve's pages long-poll /livereload/<epoch>/<id>. Answered by the worker, a poll held
the next navigation; cached, every later poll was answered at once, in a tight loop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import wait_until

from devtools.host import StaticHandler, serve
from sitebuild import service_worker

pytestmark = pytest.mark.browser

RELOAD = "/livereload/1765000000/42"  # the shape mkdocs serve's reload script asks for


class DevServer(StaticHandler):
    """The test host with mkdocs serve's reload channel, noting each poll that reaches it (mkdocs
    holds a poll until a rebuild or a minute has passed; this one answers at once). With
    `settings` set, sw-config.js is that file: the service worker's as `mkdocs serve` builds it."""

    polls: list[str]
    settings: Path | None = None

    def do_GET(self) -> None:
        if self.path.startswith("/livereload/"):
            self.polls.append(self.path)
            self.answer(self.path.split("/")[2].encode(), "text/plain")
        elif self.settings and self.path == "/sw-config.js":
            self.answer(self.settings.read_bytes(), "text/javascript")
        else:
            super().do_GET()

    def answer(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


CONTROLLED = (
    "(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated'"
    " && navigator.serviceWorker.controller !== null)()"
)
KEPT_URLS = """async () => {
    const urls = [];
    for (const name of await caches.keys())
        urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return urls;
}"""


def poll_twice(page: object) -> list[bool]:
    """Ask for the reload channel twice, as the reload script does; whether the service worker
    answered each."""
    answered: list[bool] = []
    page.on("response", lambda r: RELOAD in r.url and answered.append(r.from_service_worker))
    for _ in range(2):
        assert page.evaluate("url => fetch(url).then((r) => r.text())", RELOAD) == "1765000000"
    return answered


def test_the_built_sites_worker_leaves_the_reload_channel_to_the_network(
    browser: object, site_dir: Path
) -> None:
    polls: list[str] = []
    server, url = serve(site_dir, handler=type("Dev", (DevServer,), {"polls": polls}))
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/technique/")
    wait_until(page, CONTROLLED)
    assert poll_twice(page) == [False, False]
    assert polls == [RELOAD, RELOAD]
    assert not [u for u in page.evaluate(KEPT_URLS) if "livereload" in u]
    context.close()
    server.shutdown()


def test_under_mkdocs_serve_the_worker_keeps_and_answers_nothing(
    browser: object, site_dir: Path, tmp_path: Path
) -> None:
    built = service_worker.read_config(site_dir / service_worker.OFFLINE_CONFIG)
    settings = tmp_path / service_worker.OFFLINE_CONFIG
    served = {**built, "liveReload": True}
    service_worker.write_classic(settings, service_worker.OFFLINE_NAME, served)
    polls: list[str] = []
    handler = type("Dev", (DevServer,), {"polls": polls, "settings": settings})
    server, url = serve(site_dir, handler=handler)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{url}/technique/")
    wait_until(page, CONTROLLED)
    navigation = page.goto(f"{url}/exposure/")
    assert navigation is not None and not navigation.from_service_worker
    assert poll_twice(page) == [False, False]
    assert polls == [RELOAD, RELOAD]
    assert page.evaluate(KEPT_URLS) == []  # an edited page is never shown from a stale copy
    context.close()
    server.shutdown()
