"""Rules and example plans inside a page's sentences, written from the code that applies them.

``{{ name }}`` stands for a rule's words (``drills.rule_text.INLINE``), so a chapter states a
rule exactly as the planner, the log and the drills do. ``[text](plan:query)`` is a link to
an example plan followed by what that plan does, worked out by ``make_plan`` from the same
query the link carries ("builds from 4 % … to 12 % … over thirteen weeks, …"), so
the sentence cannot drift from the plan it links.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from drills.planner import FORM_FIELDS, Plan
from drills.render import forms, planner_view
from drills.render.pages import degrees
from drills.rule_text import INLINE
from drills.runs.plausible import RULE as DOUBTFUL_DESCENT
from drills.words import in_words, pct

# The rules' words, the audit's (drills.runs, whose own imports reach drills.rule_text) and how
# many values a planner link carries (one per field of its form).
WORDS = {
    **INLINE,
    "doubtful-descent": DOUBTFUL_DESCENT,
    "planner-link-values": in_words(len(planner_view.FIELDS)),
}
PLANNER_PAGE = "tools/planner.md"
# What an example plan's link gives: every field of the planner's form but its start date.
PLAN_KEYS = tuple(name for arg, name in FORM_FIELDS.items() if arg != "start_date")
FEET_PER_METRE = 3.28084


def rule_words(name: str) -> str:
    """A rule's words, for {{ name }}; an unknown name raises KeyError naming it."""
    if name not in WORDS:
        raise KeyError(f"unknown rule words {{{{ {name} }}}}; known: {sorted(WORDS)}")
    return WORDS[name]


def _grade(value: float) -> str:
    return f"{pct(value)} % (about {degrees(value):.1f}°)"


def plan_from_query(query: str) -> Plan:
    """The plan a planner link's query makes, read as the planner's form reads it; ValueError
    (the planner's InputError included) for a query it cannot make."""
    given = {k: v[-1] for k, v in parse_qs(query, strict_parsing=True).items()}
    if set(given) != set(PLAN_KEYS):
        raise ValueError(f"an example plan needs exactly {', '.join(PLAN_KEYS)}: {query}")
    reading = forms.read(planner_view.FIELDS, given)
    if reading.errors:
        raise ValueError(" ".join(reading.errors.values()))
    return planner_view.compute(reading.values)


def plan_says(query: str) -> str:
    """What the plan this planner query makes does, as the rest of a sentence about it:
    "builds from 4 % (about 2.3°) to 12 % (about 6.8°) over thirteen weeks, with
    three sessions a week on a 200 m (about 650 ft) slope"."""
    plan = plan_from_query(query)
    i = plan.inputs
    start = _grade(i.current_grade_pct)
    weeks = f"over {in_words(i.weeks)} weeks"
    if plan.reached_target:
        climb = f"builds from {start} to {_grade(i.target_grade_pct)} {weeks}"
    else:
        climb = (
            f"builds from {start} {weeks} and reaches {_grade(plan.highest_grade_pct)}, short of "
            f"its {pct(i.target_grade_pct)} % target"
        )
    feet = round(i.slope_length_m * FEET_PER_METRE / 50) * 50
    return (
        f"{climb}, with {in_words(i.sessions_per_week)} sessions a week on a "
        f"{i.slope_length_m:g} m (about {feet:,} ft) slope"
    )


def plan_link(text: str, query: str, planner: str) -> str:
    """[text](plan:query) as a Markdown link to the planner (``planner``: the link to its page)
    with that query, followed by what the plan does; KeyError when the query makes no plan."""
    try:
        says = plan_says(query)
    except ValueError as error:
        raise KeyError(f"example plan {query!r}: {error}") from None
    return f"[{text}]({planner}?{query}) {says}"
