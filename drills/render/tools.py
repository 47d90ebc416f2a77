"""The registry of in-page tools: each tool's fields and the regions it shows for a state.

A tool's ``view`` turns parsed form values into everything the page shows (``View``): results,
chart, training log. It gets None when the form has errors, to show what stands then.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from drills import training_log
from drills.planner import Plan
from drills.render import cadence_view, log_view, planner_view
from drills.render.context import Context
from drills.render.forms import Field
from drills.render.regions import Region


@dataclass(frozen=True)
class View:
    """Everything a tool page shows for one state of its form."""

    regions: tuple[Region, ...]
    summary: str = ""  # the status line after a change; empty while the form has errors
    data: Mapping[str, Any] = field(default_factory=dict)  # for the page's scripts


@dataclass(frozen=True)
class Tool:
    name: str
    title: str
    fields: tuple[Field, ...]
    view: Callable[[Mapping[str, Any] | None, Context], View]
    # The form texts to show instead of the reader's (the plan a kept log belongs to), or None.
    restore: Callable[[Mapping[str, str], Context], dict[str, str] | None] = lambda t, c: None
    link_keys: tuple[str, ...] = ()  # a link's keys kept in the address beside the fields


def _cadence(values: Mapping[str, Any] | None, context: Context) -> View:
    if values is None:
        return View(())
    result = cadence_view.compute(values)
    # The planner's session mode starts from the tempo and pace last worked out here.
    return View(
        (cadence_view.results(result, context.links),),
        cadence_view.summary(result),
        {
            "session_tempo": cadence_view.session_tempo(result),
            "metronome_bpm": result.metronome_bpm,  # the practice section's tempo
        },
    )


def _planner(values: Mapping[str, Any] | None, context: Context) -> View:
    reading = training_log.read_text(context.store)
    plan = None if values is None else planner_view.compute(values)
    log = log_view.log_view(plan, reading, context)
    data = {**log.data, "log_summary": log.summary}
    if plan is None:
        return View(log.regions, "", data)
    shown = log.plan or plan  # as the training log has adjusted it
    done = _done(plan, reading.store, context.store) if log.fits else None
    results = planner_view.results(shown, log.beside, context.links, done)
    return View((results, *log.regions), planner_view.summary(shown), data)


def _done(
    plan: Plan, store: training_log.Store, kept: str
) -> tuple[training_log.WeekDescent, ...] | None:
    """The plan's weeks against the descent logged and run (the log's runs and its runner's
    kept history); None while the kept log holds nothing for them (the chart claims nothing)."""
    history = training_log.saved_book(kept).book.current_history
    weeks = training_log.plan_against(plan, store.entries, store.runs, history)
    return weeks if any(w.logged_m or w.run_m for w in weeks) else None


def _planner_restore(texts: Mapping[str, str], context: Context) -> dict[str, str] | None:
    store, _ = training_log.read_store(context.store)
    return log_view.restored_texts(store, texts)


TOOLS: dict[str, Tool] = {
    "cadence": Tool("cadence", "Cadence calculator", cadence_view.FIELDS, _cadence),
    "planner": Tool(
        "planner",
        "Progression planner",
        planner_view.FIELDS,
        _planner,
        _planner_restore,
        (planner_view.ATHLETE_KEY,),
    ),
}
