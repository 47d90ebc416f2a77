"""Strava's activities.csv in the shapes Strava has written it: English since mid-2019, the
older lower-case header with ISO dates, and a translated header (German accounts)."""

from __future__ import annotations

from datetime import UTC, datetime

from history_archives import gz, make_zip, on_day, started

from devtools import tracks as synth
from drills.history import read_archive
from drills.history.strava import read_rows

RUN = gz(synth.to_fit(on_day(synth.slope(), 3)))


def test_the_english_header_and_date() -> None:
    text = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
        "Distance,Commute,Activity Gear,Filename\n"
        '1836776031,"Sep 12, 2018, 3:02:23 PM",Evening Ride,Ride,,783,3.68,true,Merida,'
        "activities/1836776031.gpx\n"
        '5,"Jan 1, 2020, 7:00:00 AM",Treadmill,Run,,600,2.0,false,,\n'
    )
    (row,) = read_rows(text.encode(), "export/activities.csv")
    assert row.started == datetime(2018, 9, 12, 15, 2, 23, tzinfo=UTC)
    assert (row.title, row.sport, row.path) == (
        "Evening Ride",
        "cycling",
        "export/activities/1836776031.gpx",
    )


def test_the_old_header() -> None:
    text = (
        "id,date,name,type,description,elapsed_time,distance,commute,gear,filename\n"
        "7,2018-09-12 15:02:23,Hill reps,Trail Run,,783,3681.0,false,,activities/7.fit.gz\n"
    )
    (row,) = read_rows(text.encode(), "activities.csv")
    assert row.started == datetime(2018, 9, 12, 15, 2, 23, tzinfo=UTC)
    assert row.sport == "trail running"


def test_a_translated_header_leaves_the_sport_to_the_file() -> None:
    text = (
        "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Aktivitätsbeschreibung,"
        "Verstrichene Zeit,Distanz,Dateiname\n"
        '9,"05.05.2026, 07:30:00",Bergab,Lauf,,600,1.4,activities/9.fit.gz\n'
        '10,"05.05.2026, 09:30:00",Radtour,Radfahrt,,600,1.4,activities/10.fit.gz\n'
    )
    archive = make_zip(
        {
            "activities.csv": text.encode(),
            "activities/9.fit.gz": RUN,
            "activities/10.fit.gz": gz(synth.to_fit(on_day(synth.slope(), 3.1), "cycling")),
        }
    )
    items = {i.path: i for i in read_archive(archive, "export_de.zip").items}
    assert items["activities/9.fit.gz"].status == "run"
    assert items["activities/9.fit.gz"].title == "Bergab"
    assert items["activities/9.fit.gz"].started == started(3)  # the file's own time
    assert items["activities/10.fit.gz"].status == "skipped"  # the file says cycling


def test_a_listed_ride_is_skipped_without_reading_it() -> None:
    text = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Filename\n"
        '1,"May 5, 2026, 7:30:00 AM",Commute,E-Bike Ride,activities/1.fit.gz\n'
    )
    archive = make_zip({"activities.csv": text.encode(), "activities/1.fit.gz": b"not a FIT"})
    (item,) = read_archive(archive, "export.zip").items
    assert item.status == "skipped" and item.sport == "e-biking"
    assert item.started == datetime(2026, 5, 5, 7, 30, tzinfo=UTC)


def test_an_unreadable_csv_is_listed_and_the_files_still_count() -> None:
    text = 'Activity ID,Filename\n1,"' + "x" * 200_000 + '"\n'  # over the csv module's field limit
    archive = make_zip({"activities.csv": text.encode(), "activities/1.fit.gz": RUN})
    items = {i.path: i for i in read_archive(archive, "export.zip").items}
    assert items["activities/1.fit.gz"].status == "run"
    assert items["activities.csv"].status == "unreadable"
    assert "each activity's sport comes from its own file instead" in (
        items["activities.csv"].reason or ""
    )
