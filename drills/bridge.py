"""What the browser calls: JSON in, JSON out.

The page's worker calls these functions by name with JSON text and posts back
the JSON text they return. Nothing here trusts its input: every string is
parsed by the tool's fields and every output string is escaped HTML.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from drills import forms, log_view, metronome
from drills.errors import InputError
from drills.tools import TOOLS, Tool
from drills.units import parse_number
from drills.widgets import tool_html

ALLOWED_CALLS = (
    "compute",
    "from_query",
    "click_track",
    "tap_cadence",
    # The planner's training log (drills.log_view): the stored log travels as its raw text.
    "log_view",
    "log_save",
    "log_remove",
    "log_import",
    "log_export",
    "export_ics",
    "export_csv",
)


def _evaluate(tool: Tool, raw: dict[str, Any], link_errors: dict[str, str]) -> dict[str, Any]:
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
            result["html"] = tool.render(outcome)
            result["summary"] = tool.summary(outcome)
        except InputError as error:  # a combination of valid fields that is still invalid
            result["errors"] = {error.field: str(error)}
    return result


def _tool(args: dict[str, Any]) -> Tool:
    name = args.get("tool")
    if name not in TOOLS:
        raise InputError("tool", f"Unknown tool {str(name)[:40]!r}.")
    return TOOLS[name]


def compute(args: dict[str, Any]) -> dict[str, Any]:
    """Recompute a tool from the raw texts of its form: {"tool": ..., "fields": {...}}."""
    tool = _tool(args)
    raw = args.get("fields")
    if not isinstance(raw, dict):
        raw = {}
    return _evaluate(tool, {k: v for k, v in raw.items() if isinstance(k, str)}, {})


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


def log_view_(args: dict[str, Any]) -> dict[str, Any]:
    """The log beside the plan: {fields, store, query, today, selected} → escaped HTML."""
    return log_view.view(args)


def log_save(args: dict[str, Any]) -> dict[str, Any]:
    """Add or replace one entry: {fields, store, entry, today} → the new stored text, or errors."""
    return log_view.save(args)


def log_remove(args: dict[str, Any]) -> dict[str, Any]:
    """Remove one entry: {fields, store, key, today} → the new stored text."""
    return log_view.remove(args)


def log_import(args: dict[str, Any]) -> dict[str, Any]:
    """A log file's text: {text, fields} → the stored text and the plan it belongs to."""
    return log_view.import_file(args)


def log_export(args: dict[str, Any]) -> dict[str, Any]:
    """The stored log as a JSON file: {store, today} → {filename, mime, text}."""
    return log_view.export_log(args)


def export_ics(args: dict[str, Any]) -> dict[str, Any]:
    """The plan as an iCalendar file: {fields, store, today} → {filename, mime, text}."""
    return log_view.export_ics(args)


def export_csv(args: dict[str, Any]) -> dict[str, Any]:
    """The plan or the log as CSV: {fields, store, kind} → {filename, mime, text}."""
    return log_view.export_csv(args)


_CALLS = {"log_view": log_view_}  # a call whose name a module already uses


def _int(args: dict[str, Any], name: str) -> int:
    value = args.get(name)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise InputError(name, f"{name.capitalize()} must be a whole number.")
    return int(value)


def call(name: str, args_json: str) -> str:
    """Run one allowed call and return JSON: the result, or {"error": ..., "field": ...}."""
    if name not in ALLOWED_CALLS:
        return json.dumps({"error": f"Unknown call {name[:40]!r}.", "field": None})
    try:
        args = json.loads(args_json)
        if not isinstance(args, dict):
            raise InputError("args", "Expected an object of arguments.")
        return json.dumps(_CALLS.get(name, globals()[name])(args))
    except InputError as error:
        return json.dumps({"error": str(error), "field": error.field})
    except (ValueError, TypeError) as error:
        return json.dumps(
            {"error": f"Could not read that input ({type(error).__name__}).", "field": None}
        )


def render_tool(name: str) -> str:
    """The whole widget with its default values, rendered at build time."""
    tool = TOOLS[name]
    state = _evaluate(tool, {}, {})
    return tool_html(
        tool.name, tool.title, tool.fields, state["texts"], state["html"], tool.after_results
    )
