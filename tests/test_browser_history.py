"""The history page in Chromium: an export read in the page's workers a slice at a time (one,
or one a core for a large archive, the same weeks either way), its weeks the build's, the
history so far shown as files are read, a bad file listed with why, Cancel ending every
worker, another unit drawn without the file, and nothing read ever sent anywhere."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ARTIFACTS
from history_archives import FIXTURES, make_zip, on_day
from test_browser_audit_phone import check

from devtools import history_example, tracks
from drills import bridge
from drills.history import FILES_PER_WORKER, read_files
from sitebuild.history_page import EXAMPLE_ARCHIVE
from tests.pages import LINKS

pytestmark = pytest.mark.browser

CHOOSE = re.compile("Your Strava or Garmin Connect export")


def open_history(page: object, base_url: str) -> None:
    page.goto(f"{base_url}/tools/history/")
    page.wait_for_selector("[data-component=history][data-live=true]")


def region(page: object, key: str) -> str:
    return page.locator(f"[data-history-region={key}]").inner_html()


def read_done(page: object) -> None:
    """Wait until the page says it read what was chosen (the status line, from the template)."""
    said = page.locator("[data-history-says=read]").text_content()
    page.wait_for_function(
        "(s) => document.querySelector('[data-status]').textContent === s", arg=said
    )


def many_runs(folder: Path) -> Path:
    """A zip of 200 hour-long runs, one a day: long enough to read that Cancel comes first."""
    run = tracks.hour_run()
    many = folder / "many-runs.zip"
    many.write_bytes(
        make_zip({f"activities/{d}.gpx": tracks.to_gpx(on_day(run, d)) for d in range(200)})
    )
    return many


def reading(page: object) -> None:
    """Wait until Python has read a file of the 200 and the page counts them."""
    page.wait_for_function(
        "() => / of 200 files$/.test(document.querySelector('[data-history-count]').textContent)"
    )


def cancel(page: object) -> None:
    page.get_by_role("button", name="Cancel").click()
    cancelled = page.locator("[data-history-says=cancelled]").text_content()
    page.wait_for_function(
        "(s) => document.querySelector('[data-status]').textContent === s", arg=cancelled
    )


def test_the_example_archive_gives_the_build_time_weeks_and_nothing_read_is_sent(
    page: object, base_url: str, site_dir: Path, tmp_path: Path
) -> None:
    open_history(page, base_url)
    built = {key: region(page, key) for key in ("weeks", "chart", "skipped")}
    requests: list[object] = []
    page.context.on("request", lambda request: requests.append(request))
    # One run first, so the example's weeks have to be read again to be shown.
    page.get_by_label(CHOOSE).set_input_files(str(FIXTURES / "garmin-fenix-5-run.fit"))
    read_done(page)
    assert region(page, "weeks") != built["weeks"]
    page.get_by_label(CHOOSE).set_input_files(str(site_dir / "tools" / EXAMPLE_ARCHIVE))
    page.wait_for_function(
        "(html) => document.querySelector('[data-history-region=weeks]').innerHTML === html",
        arg=built["weeks"],
    )
    read_done(page)
    assert {key: region(page, key) for key in built} == built
    assert page.get_by_role("progressbar", name="Reading your archive").is_hidden()
    # Nothing read leaves the page: no request body, none to another origin, no URL naming a
    # file chosen or a file inside the archive.
    origin = urlsplit(base_url).netloc
    names = {
        EXAMPLE_ARCHIVE,
        "garmin-fenix-5-run",
        *(Path(p).name for p in history_example.files()),
    }
    assert [r.url for r in requests if r.post_data_buffer] == []
    assert [
        r.url
        for r in requests
        if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != origin
    ] == []
    assert [r.url for r in requests if any(n in unquote(r.url) for n in names)] == []


def test_a_bad_file_among_good_ones_is_listed_with_its_reason(
    page: object, base_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "broken.fit"
    bad.write_bytes(b"\x0e\x10not a fit file at all")
    chosen = [FIXTURES / "garmin-fenix-5-run.fit", bad, FIXTURES / "sample-activity.fit"]
    expected = read_files([(path.read_bytes(), path.name) for path in chosen])
    open_history(page, base_url)
    page.get_by_label(CHOOSE).set_input_files([str(path) for path in chosen])
    read_done(page)
    listed = page.locator("[data-history-region=skipped] li")
    shown = {li.get_attribute("data-history-status"): li.text_content() for li in listed.all()}
    assert shown == {
        item.status: f"{item.path}: {'not read: ' if item.status == 'unreadable' else ''}{item.reason}"
        for item in expected.items
        if item.status != "run"
    }
    assert shown["unreadable"].startswith("broken.fit: not read: ")  # the bad one, and why
    assert "One run over 1 week." in page.locator("[data-history-region=reading]").inner_text()


def cores(page: object, count: int) -> None:
    """The device's cores as the page sees them (navigator.hardwareConcurrency)."""
    page.add_init_script(
        f"Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', {{get: () => {count}}})"
    )


def python_workers(page: object) -> list[object]:
    """The Python workers the page starts from now on (its own, and extra ones)."""
    started: list[object] = []
    page.on("worker", lambda w: started.append(w) if w.url.endswith("py-worker.js") else None)
    return started


def pool_archive(folder: Path) -> Path:
    """Runs enough for two workers, a damaged file among them and one run exported twice."""
    run = tracks.hour_run()  # long enough to read that the extra worker takes its share
    files = {
        f"activities/{d}.gpx": tracks.to_gpx(on_day(run, d)) for d in range(2 * FILES_PER_WORKER)
    }
    files["activities/7-broken.fit"] = b"\x0e\x10not a fit file at all"
    files["activities/copy-of-3.gpx"] = files["activities/3.gpx"]
    archive = folder / "pool.zip"
    archive.write_bytes(make_zip(files))
    return archive


# Armed before the page's scripts: each call posted to a Python worker, the worker's number, and
# whether a file went with it.
POSTED = """window.posted = [];
const workers = [];
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message, ...rest) {
    if (!workers.includes(this)) workers.push(this);
    window.posted.push([message.call, workers.indexOf(this), Boolean(message.files || message.bytes)]);
    return post.call(this, message, ...rest);
};"""

# Armed before the page's scripts: every count the progress shows, and every reading sentence.
WATCH = """addEventListener('DOMContentLoaded', () => {
    window.counts = [];
    window.readings = [];
    const count = document.querySelector('[data-history-count]');
    const reading = document.querySelector('[data-history-region=reading]');
    new MutationObserver(() => window.counts.push(count.textContent)).observe(count, {childList: true, characterData: true, subtree: true});
    new MutationObserver(() => window.readings.push(reading.textContent)).observe(reading, {childList: true, subtree: true});
})"""


def test_several_workers_give_the_weeks_of_one_and_show_the_history_as_it_is_read(
    page: object, base_url: str, tmp_path: Path
) -> None:
    archive = pool_archive(tmp_path)
    args = {"name": "pool.zip", "links": LINKS.as_data(), "today": dt.date.today().isoformat()}
    expected = json.loads(bridge.call("history", json.dumps(args), archive.read_bytes()))
    shown = {}
    for count in (1, 2):
        visit = page.context.new_page()
        cores(visit, count)
        visit.add_init_script(WATCH)
        visit.add_init_script(POSTED)
        workers = python_workers(visit)
        open_history(visit, base_url)
        visit.get_by_label(CHOOSE).set_input_files(str(archive))
        read_done(visit)
        shown[count] = {key: region(visit, key) for key in ("reading", "chart", "weeks", "skipped")}
        assert len(workers) == count  # an extra worker for the large archive on two cores
        parts = {w for call, w, _ in visit.evaluate("window.posted") if call == "history_part"}
        assert parts == set(range(count))  # each worker read a share
        counts = [int(c.split(" of ")[0]) for c in visit.evaluate("window.counts") if c]
        total = 2 * FILES_PER_WORKER + 1  # the copy is counted from the listing, unread
        assert counts == sorted(counts) and counts[-1] == total and len(set(counts)) > 2
        assert any(
            "Read so far: " in r and f" of {total} files" in r
            for r in visit.evaluate("window.readings")
        )
        visit.close()
    assert shown[1] == shown[2]
    as_parsed = (
        "(html) => Object.assign(document.createElement('div'), {innerHTML: html}).innerHTML"
    )
    assert shown[2] == {key: page.evaluate(as_parsed, expected["regions"][key]) for key in shown[2]}
    assert "not read: " in shown[2]["skipped"] and "7-broken.fit" in shown[2]["skipped"]
    assert "Counted once: the same activity as" in shown[2]["skipped"]


def test_another_unit_draws_the_history_again_posting_no_file(
    page: object, base_url: str, tmp_path: Path
) -> None:
    page.add_init_script(POSTED)
    open_history(page, base_url)
    page.get_by_label(CHOOSE).set_input_files(str(FIXTURES / "garmin-fenix-5-run.fit"))
    read_done(page)
    metric = region(page, "weeks")
    posted = len(page.evaluate("window.posted"))
    page.get_by_label("Units").select_option("imperial")
    page.wait_for_function(
        "(m) => document.querySelector('[data-history-region=weeks]').innerHTML !== m", arg=metric
    )
    assert " ft<" in region(page, "weeks") and " ft<" not in metric
    assert page.evaluate("window.posted")[posted:] == [["history_render", 0, False]]


def test_cancel_ends_every_worker_says_so_and_a_new_read_works(
    page: object, base_url: str, site_dir: Path, tmp_path: Path
) -> None:
    many = many_runs(tmp_path)
    cores(page, 2)
    workers = python_workers(page)
    open_history(page, base_url)
    with page.expect_worker():  # the extra one, for a large archive on two cores
        page.get_by_label(CHOOSE).set_input_files(str(many))
    bar = page.get_by_role("progressbar", name="Reading your archive")
    reading(page)
    assert bar.is_visible()
    with contextlib.ExitStack() as stack:
        for worker in list(workers):  # the page's Python and the extra one, reading
            stack.enter_context(worker.expect_event("close"))
        assert len(workers) == 2
        cancel(page)
    assert bar.is_hidden() and region(page, "weeks") == ""
    assert (
        page.locator("[data-history-region=reading]").inner_text()
        == page.locator("[data-history-says=cancelled]").text_content()
    )
    page.get_by_label(CHOOSE).set_input_files(str(site_dir / "tools" / EXAMPLE_ARCHIVE))
    read_done(page)
    assert (
        "Eighteen runs over 8 weeks." in page.locator("[data-history-region=reading]").inner_text()
    )


def test_a_cancelled_read_gives_back_the_history_read_before_it(
    page: object, base_url: str, site_dir: Path, tmp_path: Path
) -> None:
    open_history(page, base_url)
    page.get_by_label(CHOOSE).set_input_files(str(site_dir / "tools" / EXAMPLE_ARCHIVE))
    read_done(page)
    before = {key: region(page, key) for key in ("weeks", "chart", "skipped")}
    page.get_by_label(CHOOSE).set_input_files(str(many_runs(tmp_path)))
    reading(page)
    cancel(page)
    # The cancelled archive shows nothing; the one read before is back, whole, and still kept
    # by Python: another unit draws it without any file, and it can still be kept.
    page.wait_for_selector("[data-history-before]")
    assert {key: region(page, key) for key in before} == before
    shown = page.locator("[data-history-region=reading]").inner_text()
    assert shown.startswith("Below: the history you read before") and "Eighteen runs" in shown
    assert page.locator("[data-history-keep]").is_visible()
    page.get_by_label("Units").select_option("imperial")
    page.wait_for_function(
        "(m) => document.querySelector('[data-history-region=weeks]').innerHTML !== m",
        arg=before["weeks"],
    )
    assert " ft<" in region(page, "weeks")


def test_the_history_on_a_phone_after_a_read(
    phone: object, base_url: str, site_dir: Path, axe: object, tmp_path: Path
) -> None:
    page = phone
    open_history(page, base_url)
    page.get_by_label(CHOOSE).set_input_files(str(many_runs(tmp_path)))
    page.wait_for_selector("[data-history-so-far]")  # the history so far, streamed in
    page.screenshot(
        path=str(ARTIFACTS / f"phone-history-reading-{page.scheme}.png"), full_page=True
    )
    cancel(page)
    page.get_by_label(CHOOSE).set_input_files(str(site_dir / "tools" / EXAMPLE_ARCHIVE))
    read_done(page)
    for more in page.locator("[data-history-more] > summary").all():
        more.tap()  # the weeks' table and the files not counted, open
    check(page, axe, "history-read")
