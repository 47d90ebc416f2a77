"""A tool page's answer to one change: the form read, and every region that changed.

The page sends its form's raw texts (or a share link), what it keeps (the training log's
text), and the marks of the regions it shows; one answer carries everything it must change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from drills.errors import InputError
from drills.render import forms, regions
from drills.render.context import Context
from drills.render.links import Links, links_from
from drills.render.tools import TOOLS, Tool

Args = Mapping[str, Any]


def tool_of(args: Args) -> Tool:
    name = args.get("tool")
    if not isinstance(name, str) or name not in TOOLS:
        raise InputError("tool", f"Unknown tool {str(name)[:40]!r}.")
    return TOOLS[name]


def today_of(args: Args) -> dt.date:
    """The reader's date as the page sends it ("2026-03-05"), else the device's."""
    text = args.get("today")
    if isinstance(text, str):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            pass
    return dt.date.today()


def _backup(args: Args) -> tuple[dt.date | None, int]:
    """The last backup the page noted: {"date": "2026-03-01", "entries": 9}, or none."""
    backup = args.get("backup")
    if not isinstance(backup, dict):
        return None, 0
    entries = backup.get("entries")
    try:
        day = dt.date.fromisoformat(str(backup.get("date"))[:10])
    except ValueError:
        return None, 0
    count = entries if isinstance(entries, int) and not isinstance(entries, bool) else 0
    return day, max(0, count)


def context_of(args: Args, store: str | None = None) -> Context:
    query = args.get("query")
    kept = args.get("store") if store is None else store
    selected = args.get("selected")
    backup_date, backed_up = _backup(args)
    return Context(
        links=links_from(args.get("links")),
        store=kept if isinstance(kept, str) else "",
        today=today_of(args),
        selected=selected if isinstance(selected, str) else "",
        has_query=isinstance(query, str) and query not in ("", "?"),
        query=query if isinstance(query, str) else "",
        backup_date=backup_date,
        backed_up=backed_up,
        aside=args.get("aside") is True,
    )


def raw_fields(args: Args) -> dict[str, object]:
    raw = args.get("fields")
    return {k: v for k, v in raw.items() if isinstance(k, str)} if isinstance(raw, dict) else {}


def answer(
    tool: Tool,
    raw: Mapping[str, object],
    context: Context,
    marks: object = None,
    link_errors: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Everything the page must change to show the tool for these form texts."""
    reading = forms.read(tool.fields, raw)
    restored = None
    if not reading.errors and not link_errors and not context.has_query:
        restored = tool.restore(reading.texts, context)
        if restored is not None:
            reading = forms.read(tool.fields, restored)
    errors = {**reading.errors, **(link_errors or {})}
    out: dict[str, Any] = {
        "texts": reading.texts,
        "errors": errors,
        "query": forms.to_query(tool.fields, reading.texts)
        + forms.carried(tool.link_keys, context.query),
        "restored": restored is not None,
    }
    view = None
    if not errors:
        try:
            view = tool.view(reading.values, context)
            out["summary"] = view.summary
        except InputError as error:  # a combination of valid fields that is still invalid
            out["errors"] = {error.field: str(error)}
    if view is None:
        view = tool.view(None, context)
    out["regions"] = regions.changes(view.regions, marks if isinstance(marks, dict) else {})
    out["data"] = dict(view.data)
    return out


def compute(args: Args) -> dict[str, Any]:
    """Recompute a tool: {"tool", "fields": raw texts, "marks", "store", "today", "query",
    "selected"}; with "link" (a share link's query) instead of fields, from that link."""
    tool = tool_of(args)
    link = args.get("link")
    if isinstance(link, str):
        raw, link_errors = forms.from_query(tool.fields, link)
        result = answer(
            tool, raw, context_of({**args, "query": link}), args.get("marks"), link_errors
        )
        result["restored"] = True  # the form shows what the link says
        return result
    return answer(tool, raw_fields(args), context_of(args), args.get("marks"))


def initial(name: str, links: Links) -> tuple[dict[str, str], dict[str, str]]:
    """A tool as a page is built with it: its default texts, and every region whole, by key."""
    tool = TOOLS[name]
    reading = forms.read(tool.fields, {})
    view = tool.view(reading.values, Context(links))
    return reading.texts, {top.key: regions.page_html(top) for top in view.regions}
