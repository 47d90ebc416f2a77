"""The history page in Chromium: an export read in the page's worker a slice at a time, its
weeks the build's, a bad file listed with why, Cancel, and nothing read ever sent anywhere."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ARTIFACTS
from history_archives import FIXTURES, make_zip, on_day
from test_browser_audit_phone import check

from devtools import history_example, tracks
from drills.history import read_files
from sitebuild.history_page import EXAMPLE_ARCHIVE

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


def test_cancel_stops_the_read_says_so_and_a_new_read_works(
    page: object, base_url: str, site_dir: Path, tmp_path: Path
) -> None:
    many = many_runs(tmp_path)
    open_history(page, base_url)
    before = region(page, "weeks")
    page.get_by_label(CHOOSE).set_input_files(str(many))
    bar = page.get_by_role("progressbar", name="Reading your archive")
    reading(page)
    assert bar.is_visible()
    cancel(page)
    assert bar.is_hidden() and region(page, "weeks") == before
    page.get_by_label(CHOOSE).set_input_files(str(site_dir / "tools" / EXAMPLE_ARCHIVE))
    read_done(page)
    assert (
        "Eighteen runs over 8 weeks." in page.locator("[data-history-region=reading]").inner_text()
    )


def test_the_history_on_a_phone_after_a_read(
    phone: object, base_url: str, site_dir: Path, axe: object, tmp_path: Path
) -> None:
    page = phone
    open_history(page, base_url)
    page.get_by_label(CHOOSE).set_input_files(str(many_runs(tmp_path)))
    reading(page)
    page.screenshot(
        path=str(ARTIFACTS / f"phone-history-reading-{page.scheme}.png"), full_page=True
    )
    cancel(page)
    page.get_by_label(CHOOSE).set_input_files(str(site_dir / "tools" / EXAMPLE_ARCHIVE))
    read_done(page)
    for more in page.locator("[data-history-more] > summary").all():
        more.tap()  # the weeks' table and the files not counted, open
    check(page, axe, "history-read")
