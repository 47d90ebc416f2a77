"""A coach's roster from the command line: ``python -m drills.training_log roster FOLDER``.

Reads every ``*.json`` export in FOLDER (any version of the planner page's log; an older one
that names no athlete is filed under its file's name) into one book and prints one row per
athlete, the one who needs attention first (``--csv`` or ``--json`` for a notebook).
Exit status 1 when the folder cannot be read or holds no log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from drills.csv_cells import csv_text
from drills.training_log.book import read_book
from drills.training_log.plan_logs import Book, import_book
from drills.training_log.roster import ATTENTION, RosterRow, order_rule, roster_rows

COLUMNS = (
    "athlete",
    "plan",
    "week",
    "done_this_week",
    "planned_this_week",
    "done",
    "planned",
    "due",
    "last_session",
    "flags",
    "changes",
    "plans",
)


def load_folder(folder: Path, today: dt.date) -> tuple[Book, list[str]]:
    """Every export in ``folder`` in one book, and one line per file that said something."""
    book, said = Book(), []
    for path in sorted(folder.glob("*.json")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            said.append(f"{path.name}: could not be read ({type(error).__name__}).")
            continue
        reading = read_book(text, source="file", today=today)
        if reading.message:
            said.append(f"{path.name}: {reading.message}")
        book = import_book(book, reading.book, athlete=path.stem[:80]).book
    return book, said


def row_values(row: RosterRow) -> dict[str, object]:
    last = row.last
    return {
        "athlete": row.athlete,
        "plan": row.progress.name,
        "week": row.progress.week,
        "done_this_week": row.progress.done_week,
        "planned_this_week": row.progress.planned_week,
        "done": row.progress.done,
        "planned": row.progress.planned,
        "due": row.progress.due,
        "last_session": None if last is None else last.date.isoformat(),
        "flags": [ATTENTION[f] for f in row.flags],
        "changes": list(row.changes),
        "plans": row.plans,
    }


def write(rows: Sequence[RosterRow], kind: str, out: TextIO) -> None:
    if kind == "json":
        athletes = [row_values(r) for r in rows]
        json.dump({"order": order_rule(), "athletes": athletes}, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if kind == "csv":  # every cell as text: a tampered file's name is never a formula
        cells = [
            {
                **row_values(row),
                "flags": "; ".join(ATTENTION[f] for f in row.flags),
                "changes": " ".join(row.changes),
            }
            for row in rows
        ]
        out.write(
            csv_text(
                [COLUMNS, *(["" if c[k] is None else str(c[k]) for k in COLUMNS] for c in cells)]
            )
        )
        return
    for row in rows:
        p = row.progress
        flags = ", ".join(ATTENTION[f] for f in row.flags) or "no flags"
        out.write(
            f"{row.athlete or '(no name)'}: {p.name}; week {p.week}: {p.done_week} of "
            f"{p.planned_week} sessions; {p.done} of {p.planned} in all ({p.due} due); {flags}\n"
        )
    out.write(f"\n{order_rule()}\n")


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(prog="python -m drills.training_log")
    sub = parser.add_subparsers(dest="command", required=True)
    command = sub.add_parser("roster", help="one row per athlete from a folder of log exports")
    command.add_argument("folder", type=Path)
    kinds = command.add_mutually_exclusive_group()
    kinds.add_argument("--csv", action="store_const", const="csv", dest="kind")
    kinds.add_argument("--json", action="store_const", const="json", dest="kind")
    command.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder.", file=sys.stderr)
        return 1
    book, said = load_folder(args.folder, args.today)
    for line in said:
        print(line, file=sys.stderr)
    if not book.plans:
        print(f"{args.folder}: no training log in this folder.", file=sys.stderr)
        return 1
    write(roster_rows(book, args.today), args.kind or "text", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
