"""Each exposure rule exists once: the planner and the training log call the same functions,
and the prose of every page states the numbers those functions use."""

from __future__ import annotations

import ast
import datetime as dt
import html
import inspect
from pathlib import Path

from drills import exposure, planner, rule_text, safety, training_log
from drills.training_log import adjustment as adjust

ROOT = Path(__file__).resolve().parent.parent
SHARED = ("lighter", "spike_limit", "fit_to_limit")  # the rules both planner and log apply


def calls(module: object) -> set[str]:
    """Names of the exposure functions a module calls as ``x.name`` or ``exposure.name``."""
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    return {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in ("x", "exposure")
    }


def test_planner_and_log_call_the_same_rule_functions() -> None:
    assert set(SHARED) <= calls(planner) and set(SHARED) <= calls(adjust)
    assert "step_cap" in calls(adjust) and "next_steepest" in calls(planner)


def top_level_names(path: Path) -> set[str]:
    names = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return {name.lstrip("_").lower() for name in names}


def test_no_module_writes_a_rule_of_its_own() -> None:
    """Neither the planner nor the log defines a function or constant the rules module owns
    (as the old planner's ``_lighter`` and the log's own ``_lighter`` did)."""
    owned = {n.lower() for n in vars(exposure) if not n.startswith("_")} - {"annotations", "math"}
    paths = [ROOT / "drills" / "planner.py", *(ROOT / "drills" / "training_log").glob("*.py")]
    for path in paths:
        assert top_level_names(path) & owned == set(), path


def test_the_log_cuts_a_session_exactly_as_a_lighter_week_does() -> None:
    """The same cut on the same session, whoever asks: a lighter week of the plan, or the log
    after high soreness."""
    plan = planner.make_plan(4, 10, 10, 3, "beginner", 200, dt.date(2026, 3, 2))
    sore = training_log.LogEntry(2, 4, dt.date(2026, 3, 14), 5, 4, soreness=8)
    adjusted = training_log.adjust_plan(plan, [sore])
    before = plan.weeks[2].sessions[0]  # week 3: a lighter week for beginners
    after = adjusted.plan.weeks[2].sessions[0]
    week2 = plan.weeks[1].sessions[0]
    assert (before.repeats, before.repeat_length_m) == exposure.lighter(
        week2.repeats, week2.repeat_length_m
    )
    cut = exposure.lighter(before.repeats, before.repeat_length_m)
    assert (after.repeats, after.repeat_length_m) == cut


def test_the_prose_states_the_numbers_the_rules_use() -> None:
    text = " ".join(r.text + " " + r.title for r in (*rule_text.PLAN_RULES, *rule_text.LOG_RULES))
    assert f"{round((exposure.SPIKE_LIMIT - 1) * 100)} % above" in text
    assert f"previous {exposure.SPIKE_WINDOW_DAYS} days" in text
    assert f"Soreness more than mild ({exposure.MILD_SORENESS + 1}/10 or more)" in text
    assert f"effort {exposure.HIGH_RPE}/10 or more" in text
    assert f"Confidence {exposure.LOW_CONFIDENCE}/5 or less" in text
    assert f"{round(exposure.LIGHTER_WEEK_VOLUME_CUT * 100)} % fewer repeats" in text
    for level, step in exposure.MAX_GRADE_STEP_PCT.items():
        assert f"{step:g} % for {level}" in text
    assert f"up to {exposure.TARGET_CEILING_PCT:g} %" in text


def test_the_chapters_stop_rules_are_the_shared_ones(site_dir: Path) -> None:
    """Every chapter's stop rules are the one list of warning signs (```rules fence, from
    drills.safety), the signs the log applies."""
    for chapter in ("technique", "cadence", "exposure", "conditioning", "terrain", "mindset"):
        page = (site_dir / chapter / "index.html").read_text(encoding="utf-8")
        for signs in (safety.EMERGENCY, safety.STOP, safety.HEAD, safety.CLINICIAN):
            for sign in signs.signs:
                assert html.escape(sign) in page, (chapter, sign)
        assert "```rules" not in page and "data-dc-shell" not in page
