"""Keeping a history (issue 33): the history page's "Keep this history" puts its summaries in
the kept log, only when asked, never twice, within the log's size, and the log's export,
import and single-plan changes carry it."""

from __future__ import annotations

import io
import json
import zipfile
from functools import cache
from pathlib import Path

from devtools import history_example
from drills import bridge
from drills import training_log as tl
from drills.plan_form import plan_from_texts
from drills.planner import Plan
from tests.pages import LINKS

LOGS = Path(__file__).parent / "fixtures" / "logs"


def call(call_name: str, data: object = None, /, **args: object) -> dict:
    return json.loads(bridge.call(call_name, json.dumps({"links": LINKS.as_data(), **args}), data))


@cache
def example() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for path, data in history_example.files().items():
            archive.writestr(path, data)
    return out.getvalue()


@cache
def keepable() -> dict:
    out = call("history", example(), name="export.zip")
    assert out["runs"] == 18
    return out["keep"]


def fixture(version: int) -> str:
    return (LOGS / f"schema-{version}.json").read_text(encoding="utf-8")


def test_reading_keeps_nothing_and_keeping_adds_summaries_once() -> None:
    kept = call("history_keep", store="", history=keepable())
    assert kept["summary"].startswith("Kept 18 runs and 8 weeks of your history")
    book = tl.read_book(kept["store"]).book
    assert book.plans == () and len(book.histories) == 1
    (history,) = book.histories
    assert history.athlete == "" and len(history.runs) == 18 and len(history.weeks) == 8
    again = call("history_keep", store=kept["store"], history=keepable())
    assert again["store"] == kept["store"]  # the same runs replaced, never doubled


def test_an_older_single_plan_log_becomes_a_book_with_nothing_lost() -> None:
    older = fixture(3)
    kept = tl.read_book(call("history_keep", store=older, history=keepable())["store"])
    assert kept.complete and kept.many
    assert kept.book.plans == tl.read_book(older).book.plans
    assert len(kept.book.history_of("").runs) == 18  # type: ignore[union-attr]


def test_the_history_goes_to_the_current_plans_runner() -> None:
    book = tl.read_book(fixture(4)).book
    anna = tl.switch_plan(book, "p1")
    kept = tl.read_book(call("history_keep", store=tl.dump_book(anna), history=keepable())["store"])
    assert [h.athlete for h in kept.book.histories] == ["Anna Berg"]


def test_over_the_size_nothing_is_kept_and_the_reader_is_told_why() -> None:
    book = tl.read_book(fixture(4)).book
    log = book.get("p3")
    note = "x" * tl.MAX_NOTE_CHARS
    notes = tuple((1, s, note) for s in range(1, 4))  # a small plan: less room left than a history

    def book_of(count: int) -> str:
        logs = tuple(tl.PlanLog(f"p{k}", "", log.plan, notes=notes) for k in range(1, count + 1))
        return tl.dump_book(tl.Book(logs, "p1"))

    one, each = len(book_of(1)), len(book_of(2)) - len(book_of(1))
    full = book_of(1 + (tl.MAX_STORE_CHARS - one) // each)  # as many plans as fit
    out = call("history_keep", store=full, history=keepable())
    assert "store" not in out and out["field"] == "keep"
    assert "over the 1,000,000 characters" in out["error"] and "nothing was kept" in out["error"]


def test_a_tampered_or_unreadable_keep_changes_nothing() -> None:
    out = call("history_keep", store="", history={"runs": "<script>"})
    assert "store" not in out and "could not be read" in out["error"]
    newer = fixture(4).replace('"schema": 4', f'"schema": {tl.SCHEMA_VERSION + 1}')
    out = call("history_keep", store=newer, history=keepable())
    assert "store" not in out and "newer version" in out["error"]


def test_the_planner_keeps_the_history_through_its_changes_export_and_import() -> None:
    store = call("history_keep", store=fixture(3), history=keepable())["store"]
    history = tl.read_book(store).book.history_of("")
    fields = json.loads(fixture(3))["plan"]
    # A session logged on the planner page: the history stays.
    entry = {"session": "2-1", "date": "2026-03-09", "rpe": "5", "confidence": "4"}
    saved = call("log_save", fields=fields, store=store, entry=entry, today="2026-04-01")
    assert tl.read_book(saved["store"]).book.history_of("") == history
    # The log's export (its backup) carries it, and importing that file brings it back.
    exported = call("log_export", store=saved["store"], today="2026-04-01")["text"]
    assert tl.read_book(exported, source="file").book.history_of("") == history
    into = call("log_import", fields=fields, store="", text=exported, today="2026-04-01")
    assert tl.read_book(into["store"]).book.history_of("") == history
    assert "running history" in into["data"]["log_summary"]


PLANNER = {"current": "4", "target": "12", "weeks": "8", "sessions": "3", "level": "beginner", "slope": "200", "start": "2026-03-02"}  # fmt: skip


def chart_text(out: dict) -> str:
    """The plan chart's text alternative (its desc) in the planner's answer."""
    html = out["regions"]["results"]["html"]
    return html[html.index('<desc id="dc-plan-chart-desc">') :].split("</desc>")[0]


def test_the_planners_chart_sets_each_week_beside_the_kept_history() -> None:
    store = call("history_keep", store="", history=keepable())["store"]
    weeks = tl.read_book(store).book.history_of("").weeks  # type: ignore[union-attr]
    args = {"tool": "planner", "fields": PLANNER, "today": "2026-05-01"}
    out = call("compute", **args, store=store)
    assert 'class="dc-bar-run"' in out["regions"]["results"]["html"]
    plan = tl.read_book(store).book  # no plan kept: the history is the browser's runner's
    assert plan.current is None
    planned = [w.total_drop_m for w in planner_of(PLANNER).weeks]
    # Each week of the plan (from Monday 2 March) beside the kept week of the same Monday.
    expected = "; ".join(
        f"week {k}: planned {p:.0f} m, run {w.descent_m:.0f} m"
        for k, (p, w) in enumerate(zip(planned, weeks, strict=True), start=1)
    )
    assert chart_text(out).endswith(expected[0].upper() + expected[1:] + ".")
    # Nothing kept: the chart claims nothing; an undated plan has no weeks to set runs in.
    assert "so far" not in chart_text(call("compute", **args, store=""))
    undated = call("compute", **{**args, "fields": {**PLANNER, "start": ""}}, store=store)
    assert "so far" not in chart_text(undated)


def planner_of(texts: dict[str, str]) -> Plan:
    plan = plan_from_texts(texts)
    assert plan is not None
    return plan


def test_use_in_the_planner_from_the_kept_history_is_the_reads() -> None:
    """Back on the history page with nothing chosen, the kept weeks hand the planner the same
    start as the export they came from did (its grade and its first week)."""
    today = "2026-04-30"  # the week after the example's last run
    read = call("history", example(), name="export.zip", today=today)
    store = call("history_keep", store="", history=read["keep"])["store"]
    shown = call("history_kept", store=store, today=today)["html"]
    handoff = read["regions"]["handoff"]
    assert "Use in the planner" in handoff and handoff in shown
    assert shown.startswith(
        '<div class="dc-history-kept-view"><p>Kept in this browser: 18 runs over 8 weeks, '
        "the last on 26 April 2026."
    )
    assert call("history_kept", store="", today=today)["html"] == ""


def test_beside_a_read_the_kept_history_says_only_what_the_read_does_not() -> None:
    """Kept right after a read, the kept box names what was kept; the read beside it already
    gives the weeks' figures and the planner hand-off (it said them twice)."""
    today = "2026-04-30"
    read = call("history", example(), name="export.zip", today=today)
    store = call("history_keep", store="", history=read["keep"])["store"]
    brief = call("history_kept", store=store, today=today, brief=True)["html"]
    assert "Kept in this browser: 18 runs over 8 weeks" in brief
    assert "Use in the planner" not in brief
    assert not any(s in brief for s in read["regions"]["reading"].split(". ")[1:3])
