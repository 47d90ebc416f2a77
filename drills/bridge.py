"""What the browser calls: JSON in, JSON out.

The page's worker calls these functions by name with JSON text and posts back
the JSON text they return. Nothing here trusts its input: every string is
parsed by the tool's fields and every output string is escaped HTML.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from typing import Any

from drills import metronome
from drills.errors import InputError
from drills.exposure import TARGET_CEILING_PCT
from drills.planner import SESSIONS_RANGE, WEEKS_RANGE
from drills.render import forms, log_view, parts
from drills.render.tools import TOOLS, Tool
from drills.render.widgets import tool_html
from drills.units import parse_number


def _evaluate(
    tool: Tool, raw: dict[str, Any], link_errors: dict[str, str], shown_frame: object = None
) -> dict[str, Any]:
    reading = forms.read(tool.fields, raw)
    errors = {**reading.errors, **link_errors}
    result: dict[str, Any] = {
        "texts": reading.texts,
        "errors": errors,
        "query": forms.to_query(tool.fields, reading.texts),
    }
    if not errors:
        try:
            outcome = tool.compute(reading.values)
            result.update(_results(tool, outcome, shown_frame))
            result["summary"] = tool.summary(outcome)
        except InputError as error:  # a combination of valid fields that is still invalid
            result["errors"] = {error.field: str(error)}
    return result


def _results(tool: Tool, outcome: Any, shown_frame: object) -> dict[str, Any]:
    """The results' HTML; for a tool with parts, also the parts by key and the frame's
    fingerprint, and only those while the page already shows that frame (tools.js)."""
    if tool.segments is None:
        return {"html": tool.render(outcome)}
    segments = tool.segments(outcome)
    frame = parts.frame(segments)
    out = {"frame": frame, "parts": parts.contents(segments)}
    if frame != shown_frame:
        out["html"] = parts.join(segments)
    return out


def _tool(args: dict[str, Any]) -> Tool:
    name = args.get("tool")
    if name not in TOOLS:
        raise InputError("tool", f"Unknown tool {str(name)[:40]!r}.")
    return TOOLS[name]


def compute(args: dict[str, Any]) -> dict[str, Any]:
    """Recompute a tool from the raw texts of its form: {"tool": ..., "fields": {...}}, and
    "frame": the fingerprint of the results the page shows, if it has one."""
    tool = _tool(args)
    raw = args.get("fields")
    if not isinstance(raw, dict):
        raw = {}
    fields = {k: v for k, v in raw.items() if isinstance(k, str)}
    return _evaluate(tool, fields, {}, args.get("frame"))


def from_query(args: dict[str, Any]) -> dict[str, Any]:
    """Restore a tool from a share link's query string: {"tool": ..., "query": "?a=1"}."""
    tool = _tool(args)
    query = args.get("query")
    raw, link_errors = forms.from_query(tool.fields, query if isinstance(query, str) else "")
    return _evaluate(tool, raw, link_errors)


def click_track(args: dict[str, Any]) -> dict[str, Any]:
    """A WAV click track, base64-encoded: {"tempo": 172, "minutes": "10"} (minutes as typed)."""
    minutes = parse_number(
        args.get("minutes", ""), "minutes", "Click track length", *metronome.LENGTH_RANGE_MIN, "min"
    )
    if minutes != int(minutes):
        raise InputError(
            "minutes", f"Click track length must be whole minutes; you entered {minutes:g}."
        )
    wav = metronome.click_track_wav(_int(args, "tempo"), int(minutes))
    return {"wav_base64": base64.b64encode(wav).decode("ascii"), "bytes": len(wav)}


def tap_cadence(args: dict[str, Any]) -> dict[str, Any]:
    """Cadence from tap times in milliseconds: {"taps": [0, 352.1, ...]}."""
    taps = args.get("taps")
    if not isinstance(taps, list):
        raise InputError("taps", "The tap times could not be read; please tap again.")
    return {"cadence_spm": metronome.cadence_from_taps(taps)}


def _int(args: dict[str, Any], name: str) -> int:
    value = args.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise InputError(name, f"{name.capitalize()} must be a whole number.")
    return int(value)


# Everything the page may call, by name; nothing else in the package is reachable from JS.
CALLS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "compute": compute,
    "from_query": from_query,
    "click_track": click_track,
    "tap_cadence": tap_cadence,
    # The planner's training log: the stored log travels as its raw text (drills.render.log_view).
    "log_view": log_view.view,  # {fields, store, query, today, selected} → escaped HTML
    "log_save": log_view.save,  # {fields, store, entry, today} → the new stored text, or errors
    "log_remove": log_view.remove,  # {fields, store, key, today} → the new stored text
    "log_import": log_view.import_file,  # {text, fields} → the stored text and its plan
    "log_export": log_view.export_log,  # {store, today} → {filename, mime, text}
    "export_ics": log_view.export_ics,  # {fields, store, today} → the plan as iCalendar
    "export_csv": log_view.export_csv,  # {fields, store, kind} → the plan or the log as CSV
}


def call(name: str, args_json: str) -> str:
    """Run one allowed call and return JSON: the result, or {"error": ..., "field": ...}."""
    if name not in CALLS:
        return json.dumps({"error": f"Unknown call {name[:40]!r}.", "field": None})
    try:
        args = json.loads(args_json)
        if not isinstance(args, dict):
            raise InputError("args", "Expected an object of arguments.")
        return json.dumps(CALLS[name](args))
    except InputError as error:
        return json.dumps({"error": str(error), "field": error.field})
    except (ValueError, TypeError) as error:
        return json.dumps(
            {"error": f"Could not read that input ({type(error).__name__}).", "field": None}
        )


# The biggest plan the planner makes: the longest, with most sessions, from flat to the ceiling.
LARGEST_PLAN = {
    "weeks": str(WEEKS_RANGE[1]),
    "sessions": str(SESSIONS_RANGE[1]),
    "current": "0",
    "target": f"{TARGET_CEILING_PCT:g}",
}


def rehearse() -> None:
    """Make the calls a visit makes first: each tool with its defaults and a few changes, the
    largest plan, and the empty training log. The build runs this before it takes the memory
    snapshot (scripts/make-snapshot.mjs), so the snapshot holds their caches and the bytecode
    Python has specialised for them; the first call in the browser is then a warm one.
    """
    largest = LARGEST_PLAN
    _rehearse("log_view", {"fields": {}, "store": "", "query": "", "today": "2026-01-05"})
    frame = None  # after the first plan, the page shows its frame: the parts-only answer
    for step in range(3):
        _rehearse("compute", {"tool": "cadence", "fields": {"cadence": str(170 + step)}})
        _rehearse("compute", {"tool": "planner", "fields": {"slope": str(200 + step)}})
        fields = {**largest, "slope": str(200 + step)}
        frame = _rehearse("compute", {"tool": "planner", "fields": fields, "frame": frame})["frame"]


def _rehearse(name: str, args: dict[str, Any]) -> dict[str, Any]:
    answer = json.loads(call(name, json.dumps(args)))
    if "error" in answer or answer.get("errors"):
        raise RuntimeError(f"rehearsal {name}({args}) failed: {answer}")
    return answer


def render_tool(name: str) -> str:
    """The whole widget with its default values, rendered at build time."""
    tool = TOOLS[name]
    state = _evaluate(tool, {}, {})
    return tool_html(
        tool.name,
        tool.title,
        tool.fields,
        state["texts"],
        state["html"],
        tool.after_results(state["texts"]),
    )
