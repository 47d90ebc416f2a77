"""The planner page shows the plan as the training log has adjusted it, everywhere.

Once a pain flag lowered a session from 4.8 % to 3.8 %, only an off-screen cell said so: the
session's own numbers, the summary, the status line and the chart kept the plan's. Random
plans and random logs: every number the page shows is the adjusted plan's.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from pages import _element

from drills import training_log
from drills.render import forms, regions
from drills.render.context import Context
from drills.render.html import number
from drills.render.plan_cards import FOCUS_TITLES
from drills.render.plan_handout import _numbers
from drills.render.planner_view import FIELDS, compute
from drills.render.tools import TOOLS
from drills.training_log import LogEntry
from drills.words import pct
from tests import log_strategies
from tests.pages import LINKS

TODAY = dt.date(2026, 6, 1)


@st.composite
def pages_with_logs(draw: st.DrawFn) -> tuple[dict[str, str], list[LogEntry]]:
    current = draw(st.integers(0, 30)) / 2
    target = current + draw(st.integers(0, 30)) / 2
    texts = {
        "current": f"{current:g}",
        "target": f"{target:g}",
        "weeks": str(draw(st.integers(2, 10))),
        "sessions": str(draw(st.integers(2, 4))),
        "level": draw(st.sampled_from(["beginner", "intermediate", "advanced"])),
        "slope": str(draw(st.sampled_from([20, 60, 200, 800]))),
        "start": draw(st.sampled_from(["", "2026-03-02"])),
    }
    values = forms.read(FIELDS, texts).values
    plan = compute(values)
    keys = training_log.plan_keys(plan)
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=8))
    log = log_strategies.entries(draw, chosen, st.dates(dt.date(2026, 3, 2), TODAY))
    return texts, log


def content(page: str, key: str) -> str:
    _, _, start, end = _element(page, key)
    return page[start:end]


def results(page: str) -> list[tuple[str, str]]:
    return [(k, html.unescape(v)) for k, v in re.findall(r'data-result="(\w+)">([^<]*)<', page)]


@settings(max_examples=150, deadline=None)
@given(pages_with_logs())
def test_the_page_shows_the_adjusted_plan_everywhere(
    case: tuple[dict[str, str], list[LogEntry]],
) -> None:
    texts, log = case
    values = forms.read(FIELDS, texts).values
    store = training_log.dump_store(log, forms.read(FIELDS, texts).texts)
    view = TOOLS["planner"].view(values, Context(LINKS, store=store, today=TODAY))
    page = regions.page_html(view.regions[0])
    plan = compute(values)
    shown = training_log.adjust_plan(plan, log).plan

    # Each session's card and its line in the printed handout.
    for week in shown.weeks:
        for k, s in enumerate(week.sessions, start=1):
            key = f"{week.number}-{k}"
            card, work = content(page, f"card-{key}"), content(page, f"work-{key}")
            assert f": {FOCUS_TITLES[s.focus]}</h4>" in card, key
            if s.is_downhill:
                assert results(work) == [
                    ("grade_pct", number(s.grade_pct, 1)),
                    ("vertical_drop_m", number(s.vertical_drop_m, 1)),
                ], key
                assert f"{s.repeats} × {number(s.repeat_length_m, 0)} m" in work, key
            else:
                assert f"{s.repeats} rounds of the circuit" in work, key
            assert _numbers(s) in content(page, f"print-{key}"), key

    # The summary and the status line.
    total = sum(w.total_drop_m for w in shown.weeks)
    assert results(content(page, "summary")) == [
        ("note", shown.note),
        ("reached_target", "yes" if shown.reached_target else "no"),
        ("highest_grade_pct", number(shown.highest_grade_pct, 1)),
        ("total_drop_m", number(total, 0)),
    ]
    assert f"steepest session {number(shown.highest_grade_pct, 1)} %" in view.summary
    reached = "that reaches the target" if shown.reached_target else "stops short of"
    assert reached in view.summary

    # The chart: each week's bar and point, and the grade axis reaching its steepest grade.
    bars = re.findall(r"<title>Week (\d+): [^<]*?(\d+) m vertical drop, steepest ([\d.]+) %", page)
    assert bars == [
        (str(w.number), f"{w.total_drop_m:.0f}", pct(w.steepest_grade_pct)) for w in shown.weeks
    ]
    grade_ticks = re.findall(r'data-axis="y-grade">([\d.]+)<', content(page, "chart"))
    assert float(grade_ticks[-1]) >= shown.highest_grade_pct
