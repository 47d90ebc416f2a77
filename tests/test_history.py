"""drills.history on Strava- and Garmin-shaped exports made from real recordings and tracks of
known geometry: the weeks add up to auditing each file on its own, the same activity counts
once, other sports and routes are skipped with why, and a bad file stops nothing."""

from __future__ import annotations

import math
import random
import zipfile
from collections import defaultdict
from datetime import date, timedelta
from itertools import pairwise

import pytest
from history_archives import (
    GARMIN_PART,
    Entry,
    SliceFile,
    fixture,
    garmin_export,
    gz,
    lie_about_size,
    make_zip,
    on_day,
    started,
    strava_export,
)

from devtools import tracks as synth
from drills.errors import InputError
from drills.history import (
    History,
    combine,
    list_members,
    read_archive,
    read_item,
    read_members,
)
from drills.history.archive import READ_SLICE_BYTES
from drills.runs import Audit, audit, read_activity

MULTISPORT = "activity-large-fenxi2-multisport.fit"
RIDE = "2019-02-17-062644-ELEMNT-297E-195-0.fit"


def _slope(days: float, grade: float = 0.10) -> list[synth.Point]:
    return on_day(synth.slope(grade=grade), days)


STRAVA = [
    Entry("activities/101.fit.gz", gz(fixture(MULTISPORT)), "Run", started(-3900)),
    Entry("activities/102.fit.gz", gz(fixture(RIDE)), "Ride", started(-2600)),
    Entry("activities/103.gpx", synth.to_gpx(_slope(0)), "Trail Run", started(0)),
    # the same run as 103, uploaded again from the watch: counted once
    Entry("activities/104.fit.gz", gz(synth.to_fit(_slope(0))), "Run", started(0)),
    Entry("activities/105.tcx.gz", gz(synth.to_tcx(_slope(9, 0.2))), "Run", started(9)),
    Entry("activities/106.gpx.gz", gz(synth.to_gpx(_slope(10, 0.05))), "Hike", started(10)),
    Entry("activities/107.fit.gz", gz(synth.to_fit(synth.slope(), "walking")), "Walk"),
    Entry("activities/108.gpx", b"<gpx><trk><trkseg></trkseg></trk></gpx>", "Run", started(20)),
    Entry("activities/109.tcx", synth.to_tcx(_slope(23)), None),  # not in activities.csv
    Entry("routes/1.gpx", fixture("korita-zbevnica.gpx")),
]
STRAVA_RUNS = {  # path: the activity file's own name, for auditing it alone
    "activities/101.fit.gz": MULTISPORT,
    "activities/104.fit.gz": "104.fit",
    "activities/105.tcx.gz": "105.tcx",
    "activities/106.gpx.gz": "106.gpx",
    "activities/109.tcx": "109.tcx",
}


@pytest.fixture(scope="module")
def strava() -> History:
    return read_archive(strava_export(STRAVA), "export_12345.zip")


def _alone(data: bytes, name: str) -> Audit:
    return audit(read_activity(data, name))


def _expected_weeks(audits: list[Audit]) -> dict[date, list[Audit]]:
    weeks: dict[date, list[Audit]] = defaultdict(list)
    for a in audits:
        assert a.start_time_s is not None
        day = _utc_day(a.start_time_s)
        weeks[day - timedelta(days=day.weekday())].append(a)
    return weeks


def _utc_day(seconds: float) -> date:
    return date(1970, 1, 1) + timedelta(days=math.floor(seconds / 86_400))


def _assert_weeks_equal_audits(history: History, audits: list[Audit]) -> None:
    expected = _expected_weeks(audits)
    assert {w.start for w in history.weeks if w.runs} == set(expected)
    for week in history.weeks:
        mine = expected.get(week.start, [])
        assert week.runs == len(mine)
        assert week.descent_m == pytest.approx(sum(a.descent_m for a in mine), abs=1e-6)
        assert week.distance_m == pytest.approx(sum(a.distance_m for a in mine), abs=1e-6)
        for k, band in enumerate(week.bands):
            assert band.descent_m == pytest.approx(
                sum(a.bands[k].descent_m for a in mine), abs=1e-6
            )
            assert band.time_s == pytest.approx(sum(a.bands[k].time_s or 0 for a in mine), abs=1e-6)


def test_a_strava_export_adds_up_to_auditing_its_files_one_by_one(strava: History) -> None:
    by_path = {e.path: e.data for e in STRAVA}
    audits = [_alone(by_path[p], name) for p, name in STRAVA_RUNS.items()]
    assert {i.path for i in strava.runs} == set(STRAVA_RUNS)
    _assert_weeks_equal_audits(strava, audits)
    weeks = strava.weeks
    assert weeks[0].start == date(2015, 8, 24) and weeks[-1].start == date(2026, 5, 25)
    assert all(b.start - a.start == timedelta(weeks=1) for a, b in pairwise(weeks))
    assert sum(w.runs for w in weeks) == 5


def test_each_item_says_what_it_is(strava: History) -> None:
    items = {i.path: i for i in strava.items}
    assert len(items) == len(STRAVA)
    assert items["activities/103.gpx"].status == "duplicate"
    assert "the same activity as activities/104.fit.gz" in (
        items["activities/103.gpx"].reason or ""
    )
    assert items["activities/104.fit.gz"].sport == "running"  # the csv's word wins
    assert items["activities/104.fit.gz"].title == "Activity 4"
    assert items["activities/106.gpx.gz"].sport == "hiking"
    assert items["activities/109.tcx"].sport == "running"  # the file's own
    assert items["activities/102.fit.gz"].status == "skipped"
    assert "this is cycling" in (items["activities/102.fit.gz"].reason or "")
    assert items["activities/102.fit.gz"].started == started(-2600)  # from the csv, unread
    assert "this is walking" in (items["activities/107.fit.gz"].reason or "")
    assert items["routes/1.gpx"].status == "skipped"
    assert "route" in (items["routes/1.gpx"].reason or "")
    assert items["activities/108.gpx"].status == "unreadable"
    assert "no track points" in (items["activities/108.gpx"].reason or "")
    timed = [i.started for i in strava.items if i.started is not None]
    assert timed == sorted(timed) and strava.items[-1].started is None
    assert all(i.audit is not None and i.audit.profile == () for i in strava.runs)


@pytest.mark.parametrize("inner", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_garmin_export_reads_the_zips_inside_it(inner: int) -> None:
    fits = {
        "runner@example.com_1.fit": fixture(MULTISPORT),
        "runner@example.com_2.fit": fixture("garmin-fenix-5-walk.fit"),
        "runner@example.com_3.fit": fixture(RIDE),
        "runner@example.com_4.fit": fixture("MonitoringFile.fit"),
    }
    runs = {f"runner@example.com_{10 + k}.fit": synth.to_fit(_slope(7 * k)) for k in range(6)}
    fits |= runs
    history = read_archive(garmin_export(fits, inner, zipfile.ZIP_DEFLATED), "garmin.zip")
    items = {i.path.removeprefix(GARMIN_PART + "/"): i for i in history.items}
    assert set(items) == set(fits)
    counted = {"runner@example.com_1.fit", *runs}
    assert {p for p, i in items.items() if i.status == "run"} == counted
    assert "daily-monitoring" in (items["runner@example.com_4.fit"].reason or "")
    _assert_weeks_equal_audits(history, [_alone(fits[p], p) for p in counted])


def test_a_file_object_read_in_slices_gives_the_same_history() -> None:
    archive = strava_export(STRAVA)
    source = SliceFile(archive)
    assert read_archive(source, "export.zip") == read_archive(archive, "export.zip")
    assert len(archive) > 2 * READ_SLICE_BYTES
    assert max(source.reads) <= READ_SLICE_BYTES


def test_workers_reading_shares_of_the_members_give_the_same_history(strava: History) -> None:
    archive = strava_export(STRAVA)
    listing = list_members(archive, "export.zip")
    items = list(listing.refused)
    for share in (listing.members[1::2], listing.members[::2]):  # two workers, any split
        items += [read_item(data, m.path, m.row) for m, data in read_members(archive, share)]
    assert combine(reversed(items)) == strava


def test_progress_counts_every_file_and_a_cancel_stops_the_reading() -> None:
    calls: list[tuple[int, int]] = []
    read_archive(
        strava_export(STRAVA), "export.zip", lambda done, total: calls.append((done, total))
    )
    assert calls == [(k, len(STRAVA)) for k in range(len(STRAVA) + 1)]

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done == 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        read_archive(strava_export(STRAVA), "export.zip", cancel)


def test_one_activity_file_and_a_zip_of_files() -> None:
    run = synth.to_fit(_slope(0))
    alone = read_archive(run, "run.fit")
    assert [i.path for i in alone.runs] == ["run.fit"] and alone.weeks[0].runs == 1
    files = {"a/run.fit": run, "b/notes.txt": b"hi", "__MACOSX/a/._run.fit": b"\0\5\26\7"}
    plain = read_archive(make_zip(files), "runs.zip")
    assert [i.path for i in plain.items] == ["a/run.fit"]
    assert plain.weeks == alone.weeks
    refused = read_archive(b"not an activity", "notes.gpx")
    assert refused.items[0].status == "unreadable" and refused.weeks == ()


def test_the_archive_itself_refused_with_a_reason() -> None:
    with pytest.raises(InputError, match="empty") as empty:
        read_archive(b"", "export.zip")
    assert empty.value.field == "archive"
    with pytest.raises(InputError, match="no GPX, TCX or FIT file"):
        read_archive(make_zip({"photo.jpg": b"x"}), "photos.zip")
    cut = strava_export(STRAVA)[:-300]  # the zip's directory cut off
    with pytest.raises(InputError, match="zip file is damaged"):
        read_archive(cut, "export.zip")
    with pytest.raises(InputError, match="at least one sport") as nothing:
        read_archive(synth.to_fit(_slope(0)), "run.fit", sports=())
    assert nothing.value.field == "sports"


def test_a_bad_member_is_listed_and_never_stops_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    run = synth.to_fit(_slope(0))
    archive = make_zip(
        {
            "0.fit": run,
            "bad.zip": b"PK\x03\x04 no zip",
            "crash.fit": synth.to_fit(_slope(7)),  # not a copy: a copy is never read
            "1.fit": run,
        }
    )

    real = read_activity

    def crashing(data: bytes, name: str) -> object:
        if name == "crash.fit":
            raise IndexError("a reader bug")
        return real(data, name)

    monkeypatch.setattr("drills.history.item.read_activity", crashing)
    history = read_archive(archive, "runs.zip")
    items = {i.path: i for i in history.items}
    assert (
        items["bad.zip"].reason
        == "This zip inside the archive is damaged, so it cannot be unpacked."
    )
    assert "the reader failed on it (IndexError)" in (items["crash.fit"].reason or "")
    assert items["0.fit"].status == "run" and items["1.fit"].status == "duplicate"


def test_zip_bombs_are_refused_before_they_fill_memory() -> None:
    run = synth.to_fit(_slope(0))
    huge = bytes(60_000_000)  # over drills.runs.MAX_FILE_BYTES, compresses to 60 kB
    archive = make_zip({"honest.fit": huge, "inflating.fit.gz": gz(huge), "run.fit": run})
    noise = random.Random(1).randbytes(4 * READ_SLICE_BYTES)  # does not compress
    liar = lie_about_size(make_zip({"liar.fit": noise, "run.fit": run}), "liar.fit", 1000)
    items = {i.path: i for i in read_archive(archive, "bombs.zip").items}
    assert items["honest.fit"].reason == (
        "This file says it unpacks to 60 MB, over the 50 MB limit for one activity, so it "
        "was not unpacked."
    )
    assert "unpacks to more than 50 MB" in (items["inflating.fit.gz"].reason or "")
    assert items["run.fit"].status == "run"
    source = SliceFile(liar)
    lied = {i.path: i for i in read_archive(source, "liar.zip").items}
    assert lied["liar.fit"].reason == "This file is damaged, so it cannot be unpacked."
    assert lied["run.fit"].status == "run"
    assert sum(source.reads) < 2 * READ_SLICE_BYTES  # it stopped at the size it claimed


def test_zips_nested_too_deep_are_not_opened() -> None:
    run = synth.to_fit(_slope(0))
    deepest = make_zip({"run.fit": synth.to_fit(_slope(7))})
    archive = make_zip({"a.zip": make_zip({"run.fit": run, "b.zip": deepest})})
    items = {i.path: i for i in read_archive(archive, "nested.zip").items}
    assert set(items) == {"a.zip/run.fit", "a.zip/b.zip"}
    assert items["a.zip/run.fit"].status == "run"
    assert "lies inside another zip" in (items["a.zip/b.zip"].reason or "")


def test_password_protected_members_are_refused() -> None:
    out = make_zip({"run.fit": synth.to_fit(_slope(0))})
    locked = bytearray(out)
    locked[6] |= 1  # the local header's "encrypted" flag
    locked[locked.index(b"PK\x01\x02") + 8] |= 1  # and the central directory's
    (item,) = read_archive(bytes(locked), "locked.zip").items
    assert item.reason == "This file is password-protected inside the zip, so it cannot be read."


def test_names_are_shown_as_text() -> None:
    run = synth.to_fit(_slope(0))
    name = "\x1b[31mrun\u202egpx.fit"
    (item,) = read_archive(make_zip({name: run}), "odd.zip").items
    assert item.path == "\\u001b[31mrun\\u202egpx.fit"
    assert item.path.isprintable()
