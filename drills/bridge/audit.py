"""The descent audit's calls: one of the reader's activity files in, its item of the list out
(regions: ``drills.render.audit_page``), with every other file's planner hand-off drawn again.

The file's bytes reach Python once, in the page's worker (``call(..., data)``); no request
carries them. What an item needs (the audit, not the file) is kept here for the visit, so a
change of units draws the items again without reading any file again (``render``). The page
keeps each file's ``found`` (what it hands the planner) and the run's summary for the log.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from drills.bridge.answers import Args
from drills.errors import InputError, shown
from drills.render import regions
from drills.render.audit_format import UNITS
from drills.render.audit_page import EXAMPLE, LIST, UNREAD, failed_item, handoff, item, item_key
from drills.render.links import Links, links_from
from drills.runs import Audit, Found, audit, found, log_summary, read_activity
from drills.training_log import MAX_NAME_CHARS
from drills.words import counted

MAX_FILES = 1000  # more hand-offs than any visit audits: a longer list is not the page's


@dataclass(frozen=True)
class _File:
    name: str
    result: Audit | None  # None: it could not be audited, for ``reason``
    reason: str = ""


# The files of this visit's list, by their index on the page. A list starts afresh with its
# first file (index 0); a Python started again after a stop holds only the files it read.
_KEPT: dict[int, _File] = {}


def _index(args: Args) -> int:
    index = args.get("index", 0)  # a lone file (the shipped-stdlib trace) is the list's first
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < MAX_FILES:
        raise InputError("file", "The file's place in the list could not be read.")
    return index


def _name(args: Args) -> str:
    name = args.get("name")
    return name if isinstance(name, str) else "your file"


def _units(args: Args) -> str:
    units = args.get("units")
    return units if isinstance(units, str) and units in UNITS else "metric"


def _marks(args: Args) -> dict[str, object]:
    marks = args.get("marks")
    return marks if isinstance(marks, dict) else {}


def _links(args: Args) -> Links:
    return links_from(args.get("links"))


def audit_file(args: Args) -> dict[str, Any]:
    """{name, units, index, found, marks, links, data: bytes} → {regions, run (the log's summary, or
    None), found}: the file's item appended, the example gone, the other hand-offs drawn again."""
    name, index = _name(args), _index(args)
    data = args.get("data")
    if not isinstance(data, bytes):
        raise InputError("file", f"The file {shown(name)} could not be read; choose it again.")
    if index == 0:
        _KEPT.clear()
    try:
        result = audit(read_activity(data, name))
        summary = log_summary(result)
    except InputError as error:
        _KEPT[index] = _File(name, None, str(error))
        return _answer(args, index, None, None)
    except MemoryError:
        raise  # not this file's fault alone: Python is started afresh (drills.bridge.call)
    except Exception as error:  # no rule foresaw it: still this file's item, in a sentence
        reason = (
            f"This file could not be audited: something went wrong reading it "
            f"({type(error).__name__}). Your other files are not affected."
        )
        _KEPT[index] = _File(name, None, reason)
        return _answer(args, index, None, None)
    _KEPT[index] = _File(name, result)
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
    mine = {"name": name, "steady_pct": offers.steady_pct, "course_pct": offers.course_pct}
    return _answer(args, index, run, mine)


def _answer(
    args: Args, index: int, run: dict[str, Any] | None, mine: dict[str, Any] | None
) -> dict[str, Any]:
    """The new item, and every other item's hand-off as the files found now stand."""
    marks = _marks(args)
    files = _files(args.get("found"), index + 1)
    files[index] = _found(mine)
    changes = regions.removed([item_key(EXAMPLE)], marks)
    links = _links(args)
    changes |= regions.listed(LIST, [_item(index, _units(args), links, files)], marks)
    for other in range(len(files)):
        shown_handoff = handoff(files, other, links)
        if other != index and shown_handoff.key in marks:
            changes |= regions.changes([shown_handoff], marks)
    return {"regions": changes, "run": run, "found": mine}


def _item(index: int, units: str, links: Links, files: list[Found]) -> regions.Region:
    kept = _KEPT[index]
    if kept.result is None:
        return failed_item(index, kept.name, kept.reason)
    return item(index, kept.result, units, links, files)


def render(args: Args) -> dict[str, Any]:
    """{units, found, marks, links} → {regions}: every file this Python read, drawn again (another
    unit); with "summary" when some were read by a Python that has stopped since."""
    marks = _marks(args)
    files = _files(args.get("found"), max(_KEPT, default=-1) + 1)
    units, links = _units(args), _links(args)
    shown_items = [_item(index, units, links, files) for index in sorted(_KEPT)]
    out: dict[str, Any] = {"regions": regions.listed(LIST, shown_items, marks)}
    lost = [i for i, f in enumerate(files) if i not in _KEPT and f != _found(None)]
    if lost:
        what = counted(len(lost), "file was", "files were")
        out["summary"] = (
            f"{what} read by the guide's Python before it stopped: choose them again to see "
            "them in these units."
        )
    return out


def unread(args: Args) -> dict[str, Any]:
    """{index, name, why: "cancelled" or "stopped", marks} → {regions}: the item of a file
    Python did not read to its end (it is never read again)."""
    index, name = _index(args), _name(args)
    why = args.get("why")
    reason = UNREAD[why] if isinstance(why, str) and why in UNREAD else UNREAD["stopped"]
    marks = _marks(args)
    changes = regions.removed([item_key(EXAMPLE)], marks)
    changes |= regions.listed(LIST, [failed_item(index, name, reason)], marks)
    return {"regions": changes}


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


def _files(given: object, at_least: int) -> list[Found]:
    """What each file found, as the page kept it, for at least ``at_least`` files."""
    if given is None:
        given = []
    if not isinstance(given, list) or len(given) > MAX_FILES:
        raise InputError("file", "The audited files could not be read back; choose them again.")
    files = [_found(v) for v in given]
    return files + [_found(None)] * (at_least - len(files))
