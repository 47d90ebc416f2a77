"""Strava's activities.csv: each uploaded activity's date, name, type and file.

Strava has changed the header's wording (``id,date,…,filename`` before mid-2019,
``Activity ID,Activity Date,…,Filename`` since) and translates it with the account's language;
the first four columns have kept their order throughout (id, date, name, type), and the file
column is the one whose values start with "activities/".
"""

from __future__ import annotations

import csv
import io
import posixpath
from collections.abc import Sequence
from datetime import UTC, datetime

from drills.history.model import ActivityRow
from drills.history.sports import strava_sport

FILE_HEADERS = ("Filename", "filename")
FILE_FOLDER = "activities/"
# English exports since 2019 ("Sep 12, 2018, 3:02:23 PM"), and before ("2018-09-12 15:02:23").
DATE_FORMATS = ("%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S")
ID, DATE, TITLE, TYPE = range(4)


def _date(text: str) -> datetime | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _file_column(header: Sequence[str], rows: Sequence[Sequence[str]]) -> int | None:
    for name in FILE_HEADERS:
        if name in header:
            return header.index(name)
    for k in range(len(header)):
        if any(len(row) > k and row[k].startswith(FILE_FOLDER) for row in rows):
            return k
    return None


def read_rows(data: bytes, csv_path: str) -> tuple[ActivityRow, ...]:
    """The rows that name a file, with the file's path in the archive (beside the CSV's own).

    Raises csv.Error for a file that is not CSV (a field over the csv module's size limit).
    """
    text = data.decode("utf-8-sig", errors="replace")
    table = list(csv.reader(io.StringIO(text, newline="")))
    if len(table) < 2:
        return ()
    header, rows = table[0], table[1:]
    column = _file_column(header, rows)
    if column is None:
        return ()
    folder = posixpath.dirname(csv_path)
    found = []
    for row in rows:
        if len(row) <= max(column, TYPE) or not row[column].strip():
            continue  # an activity entered by hand has no file
        found.append(
            ActivityRow(
                activity_id=row[ID],
                started=_date(row[DATE]),
                title=row[TITLE],
                sport=strava_sport(row[TYPE]),
                path=posixpath.join(folder, row[column].strip()),
            )
        )
    return tuple(found)
