"""The training log: what a runner records after each session, and how it adjusts the plan.

Runners log feelings, cadence and perceived exertion, and the log adjusts the next sessions:
it holds or steps back when the knees collapse, braking creeps in, pain or a fall happens.
``entries`` holds the entries and their validation, ``store`` the stored form (versioned
JSON, kept only in the reader's browser), ``adjustment`` the rules that change the plan,
``plans`` which plan a log belongs to, ``plan_logs`` many plans' logs in one browser (a
runner's seasons, a coach's athletes) and ``book`` their stored form.
"""

from drills.training_log.adjustment import Adjusted, Change, adjust, adjust_plan
from drills.training_log.book import (
    BookReading,
    dump_book,
    read_book,
    read_store,
    read_text,
    written_back,
)
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
from drills.training_log.plan_logs import (
    Book,
    Imported,
    PlanLog,
    clean_athlete,
    delete_plan,
    export_book,
    import_book,
    log_entry,
    remove_entry,
    set_note,
    start_plan,
    switch_plan,
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
    SINGLE_SCHEMA,
    SIZE_TEXT,
    Reading,
    Store,
    backup_reminder,
    dump_store,
    merge_entries,
    with_changes,
)

__all__ = [
    "CADENCE_RANGE_SPM",
    "FLAGS",
    "MAX_NAME_CHARS",
    "MAX_NOTE_CHARS",
    "MAX_STORE_CHARS",
    "SCHEMA_VERSION",
    "SINGLE_SCHEMA",
    "SIZE_TEXT",
    "Adjusted",
    "Book",
    "BookReading",
    "Change",
    "Imported",
    "LogEntry",
    "LoggedRun",
    "PlanLog",
    "Reading",
    "Store",
    "adjust",
    "adjust_plan",
    "backup_reminder",
    "check_run_day",
    "clean_athlete",
    "delete_plan",
    "dump_book",
    "dump_store",
    "entry_form_texts",
    "export_book",
    "fits",
    "import_book",
    "log_entry",
    "low_high",
    "merge_entries",
    "parse_key",
    "plan_keys",
    "read_book",
    "read_entry_form",
    "read_store",
    "read_text",
    "remove_entry",
    "run_from_json",
    "run_key",
    "same_plan",
    "session_key",
    "set_note",
    "start_plan",
    "switch_plan",
    "with_changes",
    "written_back",
]
