"""The training log: what a runner records after each session, and how it adjusts the plan.

Runners log feelings, cadence and perceived exertion, and the log adjusts the next sessions:
it holds or steps back when the knees collapse, braking creeps in, pain or a fall happens.
``entries`` holds the entries and their validation, ``store`` the stored form (versioned
JSON, kept only in the reader's browser), ``adjustment`` the rules that change the plan,
``plans`` which plan a log belongs to.
"""

from drills.training_log.adjustment import Adjusted, Change, adjust, adjust_plan
from drills.training_log.entries import (
    CADENCE_RANGE_SPM,
    FLAGS,
    MAX_NOTE_CHARS,
    LogEntry,
    entry_form_texts,
    low_high,
    parse_key,
    plan_keys,
    read_entry_form,
    session_key,
)
from drills.training_log.plans import fits, same_plan
from drills.training_log.runs import (
    MAX_NAME_CHARS,
    LoggedRun,
    check_run_day,
    run_from_json,
    run_key,
)
from drills.training_log.store import (
    MAX_STORE_CHARS,
    SCHEMA_VERSION,
    SIZE_TEXT,
    Reading,
    Store,
    backup_reminder,
    dump_store,
    merge_entries,
    read_store,
    read_text,
    with_changes,
)

__all__ = [
    "CADENCE_RANGE_SPM",
    "FLAGS",
    "MAX_NAME_CHARS",
    "MAX_NOTE_CHARS",
    "MAX_STORE_CHARS",
    "SCHEMA_VERSION",
    "SIZE_TEXT",
    "Adjusted",
    "Change",
    "LogEntry",
    "LoggedRun",
    "Reading",
    "Store",
    "adjust",
    "adjust_plan",
    "backup_reminder",
    "check_run_day",
    "dump_store",
    "entry_form_texts",
    "fits",
    "low_high",
    "merge_entries",
    "parse_key",
    "plan_keys",
    "read_entry_form",
    "read_store",
    "read_text",
    "run_from_json",
    "run_key",
    "same_plan",
    "session_key",
    "with_changes",
]
