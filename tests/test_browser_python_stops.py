"""Python that never finishes or stops for good: the reader can cancel a running audit, the page
starts a fresh Python and says so, and the files chosen after it are read as usual."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PageWatch, chromium_path
from test_browser_audit import FILES, items, open_audit

from devtools.browser import CHROMIUM_ARGS
from drills import runs

pytestmark = pytest.mark.browser

VALID = FILES / "garmin-fenix-5-run.fit"
# Counts the Python workers a page starts (a restart is a new one).
COUNT_WORKERS = """(() => {
    window.dcWorkers = 0;
    const Original = window.Worker;
    window.Worker = class extends Original {
        constructor(url, options) {
            super(url, options);
            if (String(url).includes('py-worker')) window.dcWorkers += 1;
        }
    };
})()"""


@pytest.fixture(scope="module")
def big_gpx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid 45 MB GPX within the audit's bounds (runs.MAX_POINTS, read.MAX_FILE_BYTES), each
    point with a long description: Python reads it for seconds, and it does not fit beside
    Python in 64 MB of memory."""
    path = tmp_path_factory.mktemp("big") / "a-very-long-day.gpx"
    start = dt.datetime(2025, 6, 1, 4, 0, tzinfo=dt.UTC)
    note = "Steady on the switchbacks, short steps on the scree. " * 2
    points = []
    for n in range(runs.MAX_POINTS):
        when = (start + dt.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
        points.append(
            f'<trkpt lat="{45 + n * 1e-5:.7f}" lon="7.0000000"><ele>{1000 - n * 1e-3:.3f}</ele>'
            f"<time>{when}</time><desc>{note}</desc></trkpt>\n"
        )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="test" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>\n'
        + "".join(points)
        + "</trkseg></trk></gpx>\n"
    )
    assert 40e6 < path.stat().st_size < runs.MAX_FILE_BYTES
    return path


def item_text(page: object, index: int) -> str:
    return page.inner_text(f"[data-audit-items] > [data-audit-item='{index}']")


def test_a_running_audit_can_be_cancelled_and_later_files_are_read(
    page: object, base_url: str, big_gpx: Path
) -> None:
    page.add_init_script(COUNT_WORKERS)
    open_audit(page, base_url)
    cancel = page.locator("[data-component=audit] [data-action='audit:cancel']")
    assert cancel.is_hidden()  # nothing to cancel yet
    page.set_input_files("[name=files]", str(big_gpx))
    cancel.click()  # Python is reading the file: seconds of work that the reader gives up on
    items(page, 1)
    said = item_text(page, 0)
    assert big_gpx.name in said and "cancelled" in said.lower()
    assert cancel.is_hidden()
    page.wait_for_function("() => window.dcWorkers === 2")  # the busy worker ended, a new one
    page.set_input_files("[name=files]", str(VALID))
    items(page, 2)
    assert page.locator("[data-audit-item='1'] [data-result=descent_m]").count() == 1
    # A change of units redraws the files that were read; the cancelled one is not read again.
    page.select_option("[name=units]", "imperial")
    page.wait_for_function(
        "() => document.querySelector(\"[data-audit-item='1'] [data-result=ascent_m]\")"
        "?.textContent.endsWith('ft')"
    )
    assert item_text(page, 0) == said
    assert page.evaluate("window.dcWorkers") == 2
    assert page.inner_text("[data-status]").startswith("Audited 2 files")


@pytest.fixture
def small_memory_page(browser: object) -> Iterator[object]:
    """A browser whose WebAssembly memory stops at 64 MB, as on a small phone: Python starts and
    reads small files, and runs out of memory on a big one."""
    small = browser.browser_type.launch(
        executable_path=chromium_path(),
        args=[*CHROMIUM_ARGS, "--js-flags=--wasm-max-mem-pages=1024"],
    )
    context = small.new_context(service_workers="block")
    new_page = context.new_page()
    new_page.watch = PageWatch(new_page)
    yield new_page
    assert new_page.watch.page_errors == []
    small.close()


def test_python_out_of_memory_is_started_again_and_says_so(
    small_memory_page: object, base_url: str, big_gpx: Path
) -> None:
    page = small_memory_page
    page.add_init_script(COUNT_WORKERS)
    open_audit(page, base_url)
    page.set_input_files("[name=files]", str(big_gpx))
    items(page, 1)
    said = item_text(page, 0)
    assert big_gpx.name in said and "Python stopped" in said and "Traceback" not in said
    line = page.locator("[data-component=audit] [data-runtime]")
    line.wait_for()
    assert "ran out of memory" in line.inner_text()
    page.wait_for_function("() => window.dcWorkers === 2")
    page.set_input_files("[name=files]", str(VALID))
    items(page, 2)
    assert page.locator("[data-audit-item='1'] [data-result=descent_m]").count() == 1
    assert page.inner_text("[data-status]").startswith("Audited 2 files")
