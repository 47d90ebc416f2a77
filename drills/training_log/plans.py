"""Which plan a training log belongs to: a log is kept for one plan, and stays with it.

The log keeps the planner's texts it was kept for (``Store.plan_texts``); the plan they make is
read as the planner's form reads it (``drills.render.planner_view.stored_plan``).
"""

from __future__ import annotations

from dataclasses import replace

from drills.planner import Plan
from drills.training_log.store import Store


def same_plan(a: Plan, b: Plan) -> bool:
    """Whether a log kept for one plan fits the other: the same sessions, week by week.

    A different start date only moves the sessions, and a different number of weeks only
    adds or drops weeks at the end (a shorter plan is a prefix of a longer one), so a runner
    who lengthens the plan keeps the log.
    """
    return replace(a.inputs, start_date=None, weeks=0) == replace(
        b.inputs, start_date=None, weeks=0
    )


def fits(store: Store, plan: Plan, kept: Plan | None) -> bool:
    """Whether the log belongs to ``plan``: it holds no entry yet, or it was kept for no plan
    (``kept``: the plan its texts make, None when they make none), or for the same sessions."""
    return not store.entries or kept is None or same_plan(kept, plan)
