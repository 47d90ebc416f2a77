"""The roster and the plan list as regions: an athlete per card, a plan per line.

Cards are one column of plain blocks (no table), so they read at 360 px and to a screen
reader in order: the athlete's name is each card's heading, the flags a list, the counts a
description list. Every button names what it acts on; its ``data-`` attribute carries the id
or name the page hands back to the bridge (``drills.bridge.roster``), as text, never run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from drills.plan_form import plan_from_texts
from drills.render.html import attrs, esc
from drills.render.planner_chart import plan_chart_svg
from drills.render.regions import Region, region
from drills.training_log import (
    ATTENTION,
    Book,
    KeptHistory,
    PlanLog,
    Progress,
    RosterRow,
    order_rule,
    plan_list,
    planned_and_done,
    roster_rows,
)
from drills.words import counted, long_date

NO_NAME = "Your own plans"  # the row of the plans kept under no athlete's name


def _name(athlete: str) -> str:
    return athlete or NO_NAME


def _dates(p: Progress) -> str:
    if p.start is None or p.end is None:
        return "No dates"
    return f"{long_date(p.start)} to {long_date(p.end)}"


def _progress(p: Progress) -> str:
    """ "4 of 18 sessions logged", with a progress bar for sight and the words for all."""
    if not p.planned:
        return f"<p>{esc(counted(p.done, 'session', 'sessions'))} logged.</p>"
    words = f"{p.done} of {counted(p.planned, 'session', 'sessions')} logged"
    return (
        f'<p class="dc-roster-progress"><progress{attrs(max=p.planned, value=p.done)} '
        f'aria-hidden="true"></progress> {esc(words)}.</p>'
    )


def _flags(row: RosterRow) -> str:
    if row.last is None:
        return "<p>No session logged yet.</p>"
    head = f"Last session logged: {long_date(row.last.date)}"
    if not row.flags:
        return f"<p>{esc(head)}, no flags.</p>"
    items = "".join(f"<li{attrs(**{'data-flag': f})}>{esc(ATTENTION[f])}</li>" for f in row.flags)
    return f'<p>{esc(head)}:</p><ul class="dc-roster-flags">{items}</ul>'


def _changes(row: RosterRow) -> str:
    if not row.changes:
        return ""
    items = "".join(f"<li>{esc(text)}</li>" for text in row.changes)
    return (
        f"<details><summary>What the log changed "
        f"({esc(counted(len(row.changes), 'change', 'changes'))})</summary>"
        f"<ul>{items}</ul></details>"
    )


def _link_button(p: Progress) -> str:
    """A coach's plan link for the plan's athlete: who opens it logs under their name."""
    if not p.athlete or not p.readable:
        return ""
    return (
        f'<button type="button" class="md-button dc-log-button"{attrs(data_action="roster:link", data_key=p.plan_id)}>'
        f"Copy plan link for {esc(p.athlete)}</button> "
    )


def _card(row: RosterRow, index: int) -> str:
    p = row.progress
    name = _name(row.athlete)
    heading = f"dc-roster-{index}"
    others = f" ({counted(row.plans, 'plan', 'plans')} in all)" if row.plans > 1 else ""
    week = (
        f"<div><dt>This week (week {p.week})</dt><dd>{p.done_week} of "
        f"{esc(counted(p.planned_week, 'session', 'sessions'))}</dd></div>"
        if p.readable
        else ""
    )
    first = row.flags[0] if row.flags else ""
    return (
        f'<li class="dc-roster-card"{attrs(**{"data-attention": first})}>'
        f'<article aria-labelledby="{heading}">'
        f'<h3 id="{heading}">{esc(name)}</h3>'
        f'<p class="dc-roster-plan">{esc(p.name)}{esc(others)}</p>'
        f'<dl class="dc-roster-counts">{week}'
        f"<div><dt>Whole plan</dt><dd>{p.done} of {p.planned} sessions, {p.due} due by "
        f"today</dd></div></dl>"
        f"{_flags(row)}{_changes(row)}"
        f'<p class="dc-roster-actions">{_link_button(p)}'
        f'<button type="button" class="md-button dc-log-button"{attrs(data_action="roster:import", data_key=row.athlete)}>'
        f"Import {esc(name)}’s log file</button> "
        f'<button type="button" class="md-button dc-log-button"{attrs(data_action="roster:export", data_key=p.plan_id)}>'
        f"Export {esc(name)}’s plan and log</button> "
        f'<button type="button" class="md-button dc-log-button"{attrs(data_action="roster:switch", data_key=p.plan_id)}>'
        f"Show {esc(name)}’s plan</button></p>"
        "</article></li>"
    )


def roster_region(book: Book, today: dt.date) -> Region:
    """Every athlete as a card, the one who needs attention first, under the order's rule."""
    rows = roster_rows(book, today)
    if not rows:
        body = "<p>No athlete yet: import an athlete’s log file to start the roster.</p>"
    else:
        cards = "".join(_card(row, i) for i, row in enumerate(rows, start=1))
        body = f'<ul class="dc-roster-cards" role="list">{cards}</ul>'
    return region(
        "section",
        "roster",
        f'<h2 id="dc-roster-title">Athletes</h2><p class="dc-roster-order">{esc(order_rule())}</p>',
        body,
        attributes=' class="dc-roster" aria-labelledby="dc-roster-title"',
    )


def _plan_line(p: Progress) -> str:
    who = f"{p.athlete}: " if p.athlete else ""
    state = (
        '<strong class="dc-plan-current">Current plan</strong>'
        if p.current
        else f'<button type="button" class="md-button dc-log-button"{attrs(data_action="roster:switch", data_key=p.plan_id)}>'
        f"Switch to {esc(who)}{esc(p.name)}</button>"
    )
    return (
        f'<li class="dc-plan-line"'
        f"{attrs(data_plan_id=p.plan_id, aria_current='true' if p.current else None)}>"
        f'<p class="dc-plan-line-name"><strong>{esc(who)}{esc(p.name)}</strong></p>'
        f"<p>{esc(_dates(p))}</p>{_progress(p)}<p>{state} {_link_button(p)}"
        f'<button type="button" class="md-button dc-log-button"{attrs(data_action="roster:delete", data_key=p.plan_id)}>'
        f"Delete {esc(who)}{esc(p.name)}…</button></p></li>"
    )


def plans_region(book: Book, today: dt.date) -> Region:
    """The plans this browser keeps, to switch between; the current one marked."""
    lines: Sequence[Progress] = plan_list(book, today)
    body = (
        f'<ol class="dc-plan-list" role="list">{"".join(_plan_line(p) for p in lines)}</ol>'
        if lines
        else "<p>No plan kept yet: log a session and its plan is kept here.</p>"
    )
    return region(
        "section",
        "plans",
        '<h2 id="dc-plans-title">Your plans</h2>',
        body,
        attributes=' class="dc-plans" aria-labelledby="dc-plans-title"',
    )


def planned_done_region(log: PlanLog | None, history: KeptHistory | None = None) -> Region:
    """The plan's chart with the descent logged and run (the kept ``history``'s runs too)
    beside what was planned."""
    plan = None if log is None else plan_from_texts(log.plan_texts())
    if log is None or plan is None:
        return region("figure", "planned-done", "", attributes=' class="dc-plan-chart" hidden')
    svg = plan_chart_svg(plan, "dc-planned-done", done=planned_and_done(log, history))
    return region("figure", "planned-done", svg, attributes=' class="dc-plan-chart"')
