"""A runner's history from the command line: ``python -m drills.history ARCHIVE [--json|--csv]``.

The weekly table of a Strava or Garmin export (or a zip of activity files, or one file), the
summary a planner needs, and every file that was skipped or could not be read, with why.
Exit status 1 when the archive itself cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from drills.errors import InputError
from drills.history.model import History, Item, Week, WeekBand
from drills.history.read import read_archive
from drills.history.summary import Summary, summary


def _band_label(band: WeekBand) -> str:
    if band.grade_to_pct is None:
        return f"≥{band.grade_from_pct:g} %"
    return f"{band.grade_from_pct:g}–{band.grade_to_pct:g} %"


def _grade(value: float | None) -> str:
    return "–" if value is None else f"{value:g} %"


def text_report(name: str, history: History, figures: Summary) -> str:
    """The weekly table (descent per grade band in metres), the summary and the reasons."""
    runs = history.runs
    lines = [
        f"{name}: {len(runs)} run{'s' if len(runs) != 1 else ''} in {len(history.weeks)} weeks"
    ]
    if history.weeks:
        bands = "".join(f"{_band_label(b):>9}" for b in history.weeks[0].bands)
        lines.append(f"week of     runs  distance  descent{bands}  steepest steady")
        for w in history.weeks:
            drops = "".join(f"{b.descent_m:>7.0f} m" for b in w.bands)
            lines.append(
                f"{w.start.isoformat()}  {w.runs:>4} {w.distance_m / 1000:>6.1f} km "
                f"{w.descent_m:>6.0f} m{drops}  {_grade(w.steepest_steady_pct):>15}"
            )
    lines += [f"  {sentence}" for sentence in figures.sentences]
    lines += [_not_counted(item) for item in history.items if item.status != "run"]
    return "\n".join(lines)


def _not_counted(item: Item) -> str:
    """The item's path and reason (a skipped one's reason says so; an unreadable one's not)."""
    how = "not read: " if item.status == "unreadable" else ""
    return f"{item.path}: {how}{item.reason}"


def _week_row(week: Week) -> dict[str, Any]:
    row: dict[str, Any] = {
        "week_start": week.start.isoformat(),
        "runs": week.runs,
        "distance_m": round(week.distance_m, 1),
        "descent_m": round(week.descent_m, 1),
        "moving_time_s": round(week.moving_time_s),
    }
    for b in week.bands:
        top = "up" if b.grade_to_pct is None else f"{b.grade_to_pct:g}"
        key = f"{b.grade_from_pct:g}_{top}_pct"
        row[f"descent_m_{key}"] = round(b.descent_m, 1)
        row[f"time_s_{key}"] = round(b.time_s)
    row["steepest_steady_pct"] = week.steepest_steady_pct
    return row


def csv_report(history: History, out: TextIO) -> None:
    """One row per week."""
    rows = [_week_row(week) for week in history.weeks]
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _iso(value: object) -> str:
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    raise TypeError(f"{type(value).__name__} is not JSON")


def json_report(name: str, history: History, figures: Summary) -> str:
    document = {
        "archive": name,
        "items": [dataclasses.asdict(item) for item in history.items],
        "weeks": [dataclasses.asdict(week) for week in history.weeks],
        "summary": dataclasses.asdict(figures),
    }
    return json.dumps(document, indent=1, ensure_ascii=False, default=_iso)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m drills.history",
        description="Weekly downhill exposure from a Strava or Garmin Connect export.",
    )
    parser.add_argument(
        "archive", type=Path, help="the export's zip, a zip of activity files, or one file"
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="items, weeks and summary as JSON")
    form.add_argument("--csv", action="store_true", help="one CSV row per week")
    args = parser.parse_args(argv)
    path: Path = args.archive

    def progress(done: int, total: int) -> None:
        end = "\n" if done == total else ""
        print(f"\rread {done} of {total} files", end=end, file=sys.stderr, flush=True)

    try:
        with path.open("rb") as archive:
            history = read_archive(archive, path.name, progress if sys.stderr.isatty() else None)
    except OSError as error:
        print(f"{path}: cannot open it: {error.strerror or error}.", file=sys.stderr)
        return 1
    except InputError as error:
        print(f"{path}: not read: {error}", file=sys.stderr)
        return 1
    figures = summary(history)
    if args.json:
        print(json_report(path.name, history, figures))
    elif args.csv:
        csv_report(history, sys.stdout)
        for item in history.items:
            if item.status != "run":
                print(_not_counted(item), file=sys.stderr)
    else:
        print(text_report(path.name, history, figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
