"""The descent audit's calls: one of the reader's activity files in, its audit's HTML out; and
every file's planner hand-off drawn again once another file is audited beside it.

The file's bytes reach Python in the page's worker (``call(..., data)``); no request carries
them. Nothing is kept: the page keeps the run's summary only if the reader adds it to the log,
and each file's ``found`` (what it hands the planner) for this visit only.
"""

from __future__ import annotations

import math
from typing import Any

from drills.bridge.answers import Args
from drills.errors import InputError, shown
from drills.render.audit_actions import handoff_html
from drills.render.audit_format import UNITS
from drills.render.audit_page import failed_item_html, item_html
from drills.render.links import links_from
from drills.runs import Found, audit, found, log_summary, read_activity
from drills.training_log import MAX_NAME_CHARS

MAX_FILES = 1000  # more hand-offs than any visit audits: a longer list is not the page's


def audit_file(args: Args) -> dict[str, Any]:
    """{name, units, index, links, data: bytes} → {html, run (the log's summary, or None),
    found}."""
    name = args.get("name")
    name = name if isinstance(name, str) else "your file"
    index = args.get("index")
    index = index if isinstance(index, int) and not isinstance(index, bool) else 0
    units = args.get("units")
    units = units if units in UNITS else "metric"
    links = links_from(args.get("links"))
    data = args.get("data")
    if not isinstance(data, bytes):
        raise InputError("file", f"The file {shown(name)} could not be read; choose it again.")
    try:
        result = audit(read_activity(data, name))
        summary = log_summary(result)
    except InputError as error:
        return {"html": failed_item_html(index, name, str(error)), "run": None, "found": None}
    except MemoryError:
        raise  # not this file's fault alone: Python is started afresh (drills.bridge.call)
    except Exception as error:  # no rule foresaw it: still this file's item, in a sentence
        reason = (
            f"This file could not be audited: something went wrong reading it "
            f"({type(error).__name__}). Your other files are not affected."
        )
        return {"html": failed_item_html(index, name, reason), "run": None, "found": None}
    run = None
    if summary.date is not None:
        run = {
            "date": summary.date.isoformat(),
            "name": name[:MAX_NAME_CHARS],
            "descent_m": round(summary.descent_m, 1),
            "steepest_grade_pct": summary.steepest_grade_pct,
            "moving_time_s": summary.moving_time_s,
            "cadence_spm": summary.descent_cadence_spm,
        }
    offers = found(result)
    return {
        "html": item_html(index, result, units, links),
        "run": run,
        "found": {"name": name, "steady_pct": offers.steady_pct, "course_pct": offers.course_pct},
    }


def _grade(value: object) -> float | None:
    """A grade the page handed back, or None for anything else (a tampered one included)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) and 0 <= value <= 100 else None


def _found(value: object) -> Found:
    """One file's ``found`` as the page kept it; anything else offers the planner nothing."""
    if not isinstance(value, dict):
        return Found("", None, None)
    name = value.get("name")
    return Found(
        name[:255] if isinstance(name, str) else "your file",
        _grade(value.get("steady_pct")),
        _grade(value.get("course_pct")),
    )


def handoffs(args: Args) -> dict[str, Any]:
    """{found: [each file's found, or null], links} → {html: each file's planner hand-off}."""
    given = args.get("found")
    if not isinstance(given, list) or len(given) > MAX_FILES:
        raise InputError("file", "The audited files could not be read back; choose them again.")
    files = [_found(v) for v in given]
    links = links_from(args.get("links"))
    return {"html": [handoff_html(files, i, links) for i in range(len(files))]}
