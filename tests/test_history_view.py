"""The history page's regions (drills.render.history_view) and its bridge call
(drills.bridge.history): the reading, the planner hand-off, the chart, the weeks and the
files not counted, from bytes or from a reader of the File's slices."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from history_archives import Entry, fixture, make_zip, on_day, started, strava_export

from devtools import tracks as synth
from drills import bridge
from drills.bridge.history import CANCELLED
from drills.history import History, plan_start, read_archive, summary
from drills.render.history_chart import history_chart_svg
from drills.render.history_view import REGIONS, history_regions, start_for_planner
from drills.words import long_date
from tests.pages import LINKS


def _runs() -> dict[str, bytes]:
    runs = {f"w{d}.fit": synth.to_fit(on_day(synth.slope(grade=0.10), d)) for d in range(0, 50, 7)}
    runs |= {f"s{d}.fit": synth.to_fit(on_day(synth.slope(grade=0.20), d)) for d in (23, 36, 44)}
    runs['<img src=x onerror="alert(1)">.gpx'] = b"<gpx>"
    return runs


ARCHIVE = make_zip(_runs())


def call(data: object, progress: object = None, **args: object) -> dict:
    text = json.dumps({"name": "export.zip", "links": LINKS.as_data(), **args})
    return json.loads(bridge.call("history", text, data, progress=progress))


class Slices:
    """A page's reader of a File: ``size`` and ``slice(start, end)``, counting what it served."""

    def __init__(self, data: bytes) -> None:
        self.data, self.size, self.served = data, len(data), 0

    def slice(self, start: int, end: int) -> bytes:
        self.served = max(self.served, end - start)
        return self.data[start:end]


def test_the_regions_say_what_the_history_holds() -> None:
    history = read_archive(ARCHIVE, "runs.zip")
    figures = summary(history)
    regions = history_regions(history, figures, "metric", LINKS)
    assert tuple(regions) == REGIONS
    assert (
        "Eleven runs over 8 weeks. Over the last four weeks you descended 250 m a week on "
        "average, most of it at 20–30 %." in regions["reading"]
    )
    assert figures.sentences[2] in regions["reading"].replace("&#x27;", "'")
    assert "<img" not in regions["skipped"] and "&lt;img src=x" in regions["skipped"]
    assert (
        "<code>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.gpx</code>: not read: "
        in regions["skipped"]
    )
    assert regions["weeks"].count("<tr>") == 1 + len(history.weeks)  # the head, then each week
    assert regions["chart"] == history_chart_svg(history.weeks, "metric")
    assert "ft" in history_regions(history, figures, "imperial", LINKS)["weeks"]


def test_where_the_recent_descent_was_is_read_from_the_same_weeks_as_its_average() -> None:
    """Read with today's date months after the last run, the page said "you descended 0 m a week
    on average, most of it at 20–30 %": the band came from the last weeks with runs."""
    history = read_archive(ARCHIVE, "runs.zip")
    later = history.weeks[-1].start + dt.timedelta(weeks=10)
    reading = history_regions(history, summary(history, later), "metric", LINKS)["reading"]
    assert "Over the last four weeks you descended 0 m a week on average." in reading
    assert "most of it" not in reading
    longest = summary(history).longest
    assert longest is not None and longest.started is not None
    assert f"on {long_date(longest.started.date())}:" in reading  # a date as sentences say it


def test_use_in_the_planner_opens_it_with_the_historys_start() -> None:
    history = read_archive(ARCHIVE, "runs.zip")
    figures = summary(history)
    start = start_for_planner(history, figures)
    assert start == plan_start(
        history, figures, weeks=10, sessions_per_week=3, level="beginner", slope_length_m=200
    )
    html = history_regions(history, figures, "metric", LINKS)["handoff"]
    href = html.split('href="')[1].split('"')[0].replace("&amp;", "&")
    assert href.startswith(LINKS.planner)
    query = {k: v[0] for k, v in parse_qs(urlsplit(href).query).items()}
    assert query["current"] == f"{start.current_grade_pct:g}" == "20"
    assert query["target"] == "30" and query["sessions"] == str(start.sessions_per_week)
    assert query["slope"] == f"{start.slope_length_m:g}"
    assert start.sentence.replace("'", "&#x27;") in html


def test_a_history_without_a_regular_grade_says_what_it_takes() -> None:
    one = read_archive(make_zip({"one.fit": synth.to_fit(synth.slope(grade=0.10))}), "one.zip")
    regions = history_regions(one, summary(one), "metric", LINKS)
    assert "Use in the planner" not in regions["handoff"]
    assert "needs a grade you run regularly" in regions["handoff"]
    empty = history_regions(History((), ()), summary(History((), ())), "metric", LINKS)
    assert "No run was counted" in empty["reading"] and empty["chart"] == ""


def test_the_bridge_reads_bytes_and_slices_alike_and_reports_progress() -> None:
    seen: list[tuple[int, int]] = []
    whole = call(ARCHIVE, lambda done, total: seen.append((done, total)))
    reader = Slices(ARCHIVE)
    sliced = call(reader)
    assert whole == sliced and (whole["runs"], whole["weeks"], whole["not_counted"]) == (11, 8, 1)
    assert seen[0] == (0, 12) and seen[-1] == (12, 12) and len(seen) == 13
    assert reader.served <= 1 << 18  # read a slice at a time, never whole


def test_a_cancel_or_a_bad_archive_is_a_sentence() -> None:
    out = call(ARCHIVE, lambda done, total: done >= 3)
    assert out == {"error": CANCELLED, "field": "archive"}
    assert call(b"PK\x03\x04 not really a zip")["field"] == "archive"
    assert call(None)["error"] == "The archive export.zip could not be read; choose it again."


def test_an_unforeseen_failure_is_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> object:
        raise KeyError("bug")

    monkeypatch.setattr("drills.bridge.history.summary", broken)
    out = call(ARCHIVE)
    assert out["error"].startswith("Something went wrong reading your archive (KeyError)")


def test_a_strava_export_lists_its_rides_and_counts_its_runs() -> None:
    entries = [
        Entry("activities/1.gpx", fixture("korita-zbevnica.gpx"), "Run", started(0)),
        Entry("activities/2.fit", synth.to_fit(on_day(synth.slope(), 1)), "Ride", started(1)),
    ]
    out = call(strava_export(entries))
    assert "activities/2.fit" in out["regions"]["skipped"]
    assert "activities/1.gpx" in out["regions"]["skipped"]  # a course: no times


def test_many_files_at_once_are_one_history_and_a_bad_one_stops_none() -> None:
    runs = _runs()
    names = [*runs, "empty.fit", "broken.zip"]
    data: list[object] = [*runs.values(), b"", b"PK\x03\x04 not really a zip"]
    data[1] = Slices(data[1])  # type: ignore[arg-type]  # a reader, as the page may send
    out = call(data, names=names)
    whole = call(ARCHIVE)
    assert (out["runs"], out["weeks"]) == (whole["runs"], whole["weeks"])
    assert out["regions"]["chart"] == whole["regions"]["chart"]
    assert out["not_counted"] == 3
    assert "<code>empty.fit</code>: not read: This file is empty." in out["regions"]["skipped"]
    assert (
        "<code>broken.zip</code>: not read: This zip file is damaged" in out["regions"]["skipped"]
    )
    empty = call([b"", b""], names=["a.gpx", "b.gpx"])
    assert (empty["runs"], empty["not_counted"]) == (0, 2)
    assert "No run was counted" in empty["regions"]["reading"]


def test_many_files_need_their_names() -> None:
    out = call([ARCHIVE, ARCHIVE], names=["one.zip"])
    assert out == {"error": "The files could not be read; choose them again.", "field": "archive"}
