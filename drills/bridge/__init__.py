"""What the browser calls: JSON in, JSON out.

The page's worker calls ``call(name, args_json)`` and posts back the JSON text it returns.
Nothing here trusts its input: every string is parsed by the tool's fields and every string
that reaches the page is escaped HTML.

Bytes travel beside the JSON, once each way: a file the reader chose comes in as ``data``, and
a file a call makes (a WAV) is taken out of its answer and handed over by ``take_file``. The
training log's text is sent only when it changed: ``call`` keeps the last one it was given
(``store``) and hands it to every call whose ``"store"`` is null.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from drills.bridge import audio, audit, history, history_pool, log, roster, session
from drills.bridge.answers import Args, compute
from drills.errors import InputError

# Everything the page may call, by name; nothing else in the package is reachable from JS.
CALLS: dict[str, Callable[[Args], dict[str, Any]]] = {
    "compute": compute,  # a tool's form (or share link) → everything the page shows
    "click_track": audio.click_track,
    "tap_cadence": audio.tap_cadence,
    "audit_file": audit.audit_file,  # the reader's activity file, its bytes beside the JSON
    "audit_render": audit.render,  # the files audited, drawn again (another unit)
    "audit_unread": audit.unread,  # a file Python did not read to its end
    "history": history.history,  # a whole export, as bytes or a reader of the File's slices
    # The same read part by part, by several workers (drills.bridge.history_pool).
    "history_list": history_pool.history_list,
    "history_part": history_pool.history_part,
    "history_add": history_pool.history_add,
    "history_render": history_pool.history_render,  # another unit: no file read again
    "history_back": history_pool.history_back,  # a read ended unfinished: the one before it
    "history_keep": history.keep,  # its summaries into the training log, when the reader asks
    "history_kept": history.kept,  # the history kept, and the planner from it
    # The planner's training log: the stored log travels as its raw text (drills.bridge.log).
    "log_save": log.save,
    "log_remove": log.remove,
    "log_import": roster.import_log,  # a plan's export with its athlete and notes kept
    "log_clear": log.clear,
    "log_add_run": log.add_run,  # from the descent audit's page
    "log_remove_run": log.remove_run,
    "log_export": log.export_log,
    "log_export_unread": log.export_unread,  # a kept text the page could not read, as it is
    "export_ics": log.export_ics,
    "export_csv": log.export_csv,
    # Many plans and a coach's roster (drills.bridge.roster): the kept text, as for the log.
    "book_view": roster.view,
    "book_start": roster.start,
    "book_save": roster.save,
    "book_switch": roster.switch,
    "book_import": roster.import_file,
    "book_export": roster.export,
    "book_delete": roster.delete,
    "book_note": roster.note,
    "book_link": roster.link,  # a coach's plan link naming the athlete
    "log_note": roster.log_note,  # the planner's note on a session of the plan it shows
    # Session mode on the planner page (drills.bridge.session).
    "session_steps": session.steps,  # a session, and one of its steps as regions
    "session_audio": session.audio,
    "session_log": session.log_texts,
}
# What each call does, for the sentence shown when it fails in a way no rule foresaw.
DOING: dict[str, str] = {
    "compute": "working out this tool's answer",
    "click_track": "making the click track",
    "tap_cadence": "reading your taps",
    "audit_file": "auditing your file",
    "audit_render": "drawing your files again",
    "audit_unread": "listing your file",
    "history": "reading your archive",
    "history_list": "listing the files in your archive",
    "history_part": "reading your archive",
    "history_add": "putting your history together",
    "history_render": "drawing your history again",
    "history_back": "showing the history you read before",
    "history_keep": "keeping your history",
    "history_kept": "showing your kept history",
    "log_save": "saving to the training log",
    "log_remove": "removing from the training log",
    "log_import": "importing the training log",
    "log_clear": "clearing the training log",
    "log_add_run": "adding the run to the training log",
    "log_remove_run": "removing the run from the training log",
    "log_export": "exporting the training log",
    "log_export_unread": "downloading the log that could not be read",
    "export_ics": "making the calendar file",
    "export_csv": "making the spreadsheet file",
    "book_view": "showing your plans",
    "book_start": "starting the plan",
    "book_save": "saving to the training log",
    "book_switch": "switching plans",
    "book_import": "importing the athlete's log",
    "book_export": "exporting the plan and its log",
    "book_delete": "deleting the plan",
    "book_note": "saving the session's note",
    "book_link": "making the athlete's plan link",
    "log_note": "saving the session's note",
    "session_steps": "preparing session mode",
    "session_audio": "making the session's sounds",
    "session_log": "preparing the session's log",
}


class _Kept:
    """What the page sent once for the calls after it: the training log's text."""

    store: str = ""
    file: bytes | None = None  # the file the last call made, until taken


def call(
    name: str, args_json: str, data: object = None, store: object = None, progress: object = None
) -> str:
    """Run one allowed call and return JSON: the result, or {"error": ..., "field": ...}, or
    {"stopped": why} when Python should not go on (py-worker.js starts a fresh one).

    ``data`` carries a file's bytes beside the JSON (in the browser, a JavaScript Uint8Array,
    read once), or a reader of its slices (drills.bridge.history); ``progress(done, total)`` is
    told how far a long call has got. ``store``, the training log's text, is kept for this call
    and the ones after it: until it changes, the page sends ``"store": null`` for the text it
    sent last.
    """
    _Kept.file = None
    if isinstance(store, str):
        _Kept.store = store
    if name not in CALLS:
        return json.dumps({"error": f"Unknown call {name[:40]!r}.", "field": None})
    try:
        args = json.loads(args_json)
        if not isinstance(args, dict):
            raise InputError("args", "Expected an object of arguments.")
        if "store" in args and args["store"] is None:
            args["store"] = _Kept.store
        if data is not None:
            to_bytes = getattr(data, "to_bytes", None)  # Pyodide's proxy of a Uint8Array
            args["data"] = to_bytes() if callable(to_bytes) else data
        if progress is not None:
            args["progress"] = progress
        result = CALLS[name](args)
        file = result.pop("file", None)
        _Kept.file = file if isinstance(file, bytes) else None
        return json.dumps(result)
    except InputError as error:
        return json.dumps({"error": str(error), "field": error.field})
    except (ValueError, TypeError) as error:
        return json.dumps(
            {"error": f"Could not read that input ({type(error).__name__}).", "field": None}
        )
    except MemoryError:  # Python may be unsound now: the page starts a fresh one and says why
        return json.dumps({"stopped": "it ran out of memory"})
    except Exception as error:  # a sentence, never a traceback: the page shows only this
        return json.dumps(
            {
                "error": f"Something went wrong {DOING[name]} "
                f"({type(error).__name__}), so nothing changed; try again, or reload the page.",
                "field": None,
            }
        )


def take_file() -> bytes | None:
    """The file the last call made (its answer said how many bytes), once; None if none."""
    file, _Kept.file = _Kept.file, None
    return file
