"""The history page as built: its example is the Strava-shaped export kept in
sitebuild/history_example/ (what devtools.history_example writes), zipped beside the page, and
read in by the page's own bridge call before Python starts in the browser."""

from __future__ import annotations

import zipfile
from pathlib import Path

from markupsafe import escape

from devtools import history_example
from drills.bridge.history_pool import ENDED
from drills.history import read_archive
from sitebuild.history_page import EXAMPLE, EXAMPLE_ARCHIVE, example_archive


def test_the_kept_example_is_what_its_generator_writes() -> None:
    kept = {
        p.relative_to(EXAMPLE).as_posix(): p.read_bytes() for p in EXAMPLE.rglob("*") if p.is_file()
    }
    assert kept == history_example.files()


def test_the_example_is_a_strava_export_with_something_of_every_kind() -> None:
    archive = example_archive()
    assert archive == example_archive()  # the same bytes on every build
    history = read_archive(archive, EXAMPLE_ARCHIVE)
    statuses = {item.path: item.status for item in history.items}
    assert statuses.pop("activities/200.gpx.gz") == "skipped"  # a ride
    assert statuses.pop("routes/1.gpx") == "skipped"  # a route: no times
    assert statuses.pop("activities/300.fit.gz") == "unreadable"
    assert set(statuses.values()) == {"run"} and len(history.weeks) == history_example.WEEKS
    assert all(item.title for item in history.runs)  # each from activities.csv


def test_the_built_page_shows_the_example_and_offers_it(site_dir: Path) -> None:
    html = (site_dir / "tools" / "history" / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(site_dir / "tools" / EXAMPLE_ARCHIVE) as built:
        assert built.testzip() is None
    assert (site_dir / "tools" / EXAMPLE_ARCHIVE).read_bytes() == example_archive()
    for key in ("reading", "handoff", "chart", "weeks", "skipped"):
        assert f'data-history-region="{key}"' in html
    assert "Eighteen runs over 8 weeks." in html and "Use in the planner</a>" in html
    assert 'class="dc-chart dc-history-chart"' in html
    assert f'href="../{EXAMPLE_ARCHIVE}" download' in html
    for why, sentence in ENDED.items():  # the status line's words are the regions'
        assert f'<p hidden data-history-says="{why}">{escape(sentence)}</p>' in html
    audit = (site_dir / "tools" / "audit" / "index.html").read_text(encoding="utf-8")
    assert 'href="../history/"' in audit
