"""Calendar and spreadsheet exports: RFC 5545 as icalendar reads it, and CSV as csv reads it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drills import planner
from drills.errors import InputError
from drills.render import exports
from drills.training_log import LogEntry

START = dt.date(2027, 1, 4)
STAMP = dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC)
PLAN = planner.make_plan(6, 14, 8, 4, "intermediate", 150, START)
NOTE = 'Braked on the wet bit, then fine; "quiet feet" helped,\nsecond line \\ with a backslash'
ENTRY = LogEntry(2, 3, dt.date(2027, 1, 13), 6, 3, soreness=4, cadence_spm=174, note=NOTE)


def count(plan: planner.Plan) -> int:
    return sum(len(w.sessions) for w in plan.weeks)


def events(text: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical(text).walk("VEVENT")


# --- iCalendar ----------------------------------------------------------------------------------


def test_calendar_parses_with_one_event_per_session() -> None:
    text = exports.plan_ics(PLAN, STAMP, [ENTRY])
    found = events(text)
    assert len(found) == count(PLAN)
    assert len({str(e["UID"]) for e in found}) == len(found)
    assert all(e.decoded("DTSTAMP") == STAMP for e in found)
    dates = [s.date for w in PLAN.weeks for s in w.sessions]
    assert [e.decoded("DTSTART") for e in found] == dates  # all-day events on the plan's days
    assert [e.decoded("DTEND") for e in found] == [d + dt.timedelta(days=1) for d in dates]
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar


def test_calendar_lines_are_crlf_and_folded_at_75_octets() -> None:
    text = exports.plan_ics(PLAN, STAMP, [ENTRY])
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines)  # long descriptions were folded
    text.encode("utf-8")  # no character split by folding


def test_note_with_commas_semicolons_and_newlines_round_trips() -> None:
    found = events(exports.plan_ics(PLAN, STAMP, [ENTRY]))
    (event,) = [e for e in found if str(e["UID"]).endswith("-w02-s3@downhill-confidence.example")]
    description = str(event["DESCRIPTION"])
    assert description.endswith("Note: " + NOTE)
    assert "soreness 4/10" in description


def test_uids_come_from_the_inputs_and_the_session_not_the_dates_or_length() -> None:
    moved = planner.make_plan(6, 14, 8, 4, "intermediate", 150, START + dt.timedelta(days=14))
    longer = planner.make_plan(6, 14, 10, 4, "intermediate", 150, START)
    other = planner.make_plan(6, 14, 8, 4, "advanced", 150, START)
    uids = [str(e["UID"]) for e in events(exports.plan_ics(PLAN, STAMP))]
    assert uids == [str(e["UID"]) for e in events(exports.plan_ics(moved, STAMP))]
    assert uids == [str(e["UID"]) for e in events(exports.plan_ics(longer, STAMP))][: len(uids)]
    assert not set(uids) & {str(e["UID"]) for e in events(exports.plan_ics(other, STAMP))}
    assert uids[0].endswith("-w01-s1@downhill-confidence.example")


def test_calendar_is_deterministic() -> None:
    assert exports.plan_ics(PLAN, STAMP, [ENTRY]) == exports.plan_ics(PLAN, STAMP, [ENTRY])


def test_calendar_needs_a_start_date() -> None:
    with pytest.raises(InputError) as caught:
        exports.plan_ics(planner.make_plan(4, 10, 4), STAMP)
    assert caught.value.field == "start"


def test_text_escaping() -> None:
    assert exports.ics_text("a\\b;c,d\r\ne\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=400)
)
def test_folding_keeps_every_character_and_the_limit(line: str) -> None:
    folded = exports.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert folded.replace("\r\n ", "") == line


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(",;\\\n"), max_size=200
    )
)
def test_any_note_survives_the_calendar(note: str) -> None:
    entry = LogEntry(1, 1, START, 5, 4, note=note)
    plan = planner.make_plan(4, 6, 2, 2, "beginner", 100, START)
    description = str(events(exports.plan_ics(plan, STAMP, [entry]))[0]["DESCRIPTION"])
    if note:
        assert description.endswith("Note: " + note)


# --- CSV ----------------------------------------------------------------------------------------


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_plan_csv_has_a_header_and_one_row_per_session() -> None:
    text = exports.plan_csv(PLAN, [ENTRY], {(2, 4): "Held at 7 % because of a note."})
    table = rows(text)
    assert tuple(table[0]) == exports.PLAN_COLUMNS
    assert len(table) == 1 + count(PLAN)
    assert all(len(r) == len(exports.PLAN_COLUMNS) for r in table)
    by_key = {(r[0], r[1]): dict(zip(table[0], r, strict=True)) for r in table[1:]}
    logged = by_key[("2", "3")]
    assert logged["Done on"] == "2027-01-13" and logged["Note"] == NOTE
    assert logged["Cadence (steps/min)"] == "174"
    assert by_key[("2", "4")]["Changed by the log"] == "Held at 7 % because of a note."
    assert by_key[("1", "1")]["Date"] == START.isoformat()
    assert "\r\n" in text


def test_log_csv_has_one_row_per_entry_in_plan_order() -> None:
    later = LogEntry(1, 2, START, 9, 1, flags=("pain", "fall"), note="=1+1")
    table = rows(exports.log_csv([ENTRY, later]))
    assert tuple(table[0]) == exports.LOG_CSV_COLUMNS
    assert [(r[0], r[1]) for r in table[1:]] == [("1", "2"), ("2", "3")]
    first = dict(zip(table[0], table[1], strict=True))
    assert first["Pain"] == first["Fall or near-fall"] == "yes" and first["Knee collapse"] == ""
    assert first["Note"] == "'=1+1"  # a spreadsheet shows it as text, never runs it


SEPARATORS = ",;\t"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cells_in_any_locale(text: str) -> list[str]:
    """Every cell a spreadsheet may make of the file: read as written (comma-separated, RFC 4180
    quotes), and as a locale that splits at semicolons or tabs reads it, where our quotes rarely
    stand at its cells' starts and so count for nothing (at worst every line break ends a row).
    """
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    return cells + [cell.lstrip('"') for cell in re.split(r"[;\t\r\n]", text)]


def is_formula(cell: str) -> bool:
    return cell.lstrip(" ").startswith(FORMULA_STARTS)


@pytest.mark.parametrize(
    "note",
    ["x;=1+2;@SUM(1+1)", "a\t+1", "ok, then\n-2+3", "x;  =HYPERLINK(1)", "@x", "a - b", "plain"],
)
def test_no_locale_splits_a_note_into_a_formula_cell(note: str) -> None:
    """A semicolon- or tab-separated locale splits a row at its own separator, where a note
    written unquoted, or quoted, for commas is cut into cells (issue 28)."""
    entry = LogEntry(1, 1, START, 5, 4, note=note)
    notes = {(1, 2): f"Held because of your run {note}."}
    for text in (exports.log_csv([entry]), exports.plan_csv(PLAN, [entry], notes)):
        assert not [c for c in cells_in_any_locale(text) if is_formula(c)], text[-200:]
        got = rows(text)[1][-1]
        assert got.replace("'", "") == note  # only apostrophes added, and only where needed
        assert (got == note) == (note in ("a - b", "plain"))
        for line in text.split("\r\n")[1:]:
            for cell in next(csv.reader([line]), []):
                if any(c in cell for c in SEPARATORS + "=+-@\r"):
                    assert f'"{cell.replace(chr(34), chr(34) * 2)}"' in line, cell


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_any_note_survives_the_spreadsheet(note: str) -> None:
    entry = LogEntry(1, 1, START, 5, 4, note=note)
    text = exports.log_csv([entry])
    got = list(csv.reader(io.StringIO(text, newline="")))[1][-1]
    assert got.replace("'", "") == note.replace("'", "")
    assert not [c for c in cells_in_any_locale(text) if is_formula(c)]
