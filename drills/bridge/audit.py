"""The descent audit's call: one of the reader's activity files in, its audit's HTML out.

The file's bytes reach Python in the page's worker (``call(..., data)``); no request carries
them. Nothing is kept: the page keeps the run's summary only if the reader adds it to the log.
"""

from __future__ import annotations

from typing import Any

from drills.bridge.answers import Args
from drills.errors import InputError, shown
from drills.render.audit_format import UNITS
from drills.render.audit_page import failed_item_html, item_html
from drills.runs import audit, log_summary, read_activity
from drills.training_log.runs import MAX_NAME_CHARS


def audit_file(args: Args) -> dict[str, Any]:
    """{name, units, index, data: bytes} → {html, run (the log's summary, or None)}."""
    name = args.get("name")
    name = name if isinstance(name, str) else "your file"
    index = args.get("index")
    index = index if isinstance(index, int) and not isinstance(index, bool) else 0
    units = args.get("units")
    units = units if units in UNITS else "metric"
    data = args.get("data")
    if not isinstance(data, bytes):
        raise InputError("file", f"The file {shown(name)} could not be read; choose it again.")
    try:
        result = audit(read_activity(data, name))
        summary = log_summary(result)
    except InputError as error:
        return {"html": failed_item_html(index, name, str(error)), "run": None}
    except MemoryError:
        raise  # not this file's fault alone: Python is started afresh (drills.bridge.call)
    except Exception as error:  # no rule foresaw it: still this file's item, in a sentence
        reason = (
            f"This file could not be audited: something went wrong reading it "
            f"({type(error).__name__}). Your other files are not affected."
        )
        return {"html": failed_item_html(index, name, reason), "run": None}
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
    return {"html": item_html(index, result, units, run is not None), "run": run}
