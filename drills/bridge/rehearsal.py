"""The calls a visit makes first, made once before the build takes Pyodide's memory snapshot.

scripts/make-snapshot.mjs runs ``rehearse`` so the snapshot holds the render caches and the
bytecode Python has specialised for these calls; the first call in the browser is a warm one.
"""

from __future__ import annotations

import json
from typing import Any

from drills.bridge import call
from drills.exposure import TARGET_CEILING_PCT
from drills.planner import SESSIONS_RANGE, WEEKS_RANGE
from drills.render import forms, planner_view, regions
from drills.render.context import Context
from drills.render.links import Links
from drills.render.tools import TOOLS

# The biggest plan the planner makes: the longest, with most sessions, from flat to the ceiling.
LARGEST_PLAN = {
    "weeks": str(WEEKS_RANGE[1]),
    "sessions": str(SESSIONS_RANGE[1]),
    "current": "0",
    "target": f"{TARGET_CEILING_PCT:g}",
}


# Any links run the same code; a page sends its own.
LINKS = Links(references="", drills="", planner="")


def rehearse() -> None:
    """Each tool with its defaults and a few changes, and the largest plan, as a page shows
    them (its regions' marks sent back), with an empty training log."""
    largest = forms.read(planner_view.FIELDS, LARGEST_PLAN).values
    shown = regions.marks(TOOLS["planner"].view(largest, Context(LINKS)).regions)
    links = LINKS.as_data()
    for step in range(3):
        _rehearse({"tool": "cadence", "fields": {"cadence": str(170 + step)}, "links": links})
        _rehearse({"tool": "planner", "fields": {"slope": str(200 + step)}, "links": links})
        fields = {**LARGEST_PLAN, "slope": str(200 + step)}
        _rehearse({"tool": "planner", "fields": fields, "marks": shown, "links": links})


def _rehearse(args: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = json.loads(call("compute", json.dumps(args)))
    if "error" in answer or answer.get("errors"):
        raise RuntimeError(f"rehearsal compute({args}) failed: {answer}")
    return answer
