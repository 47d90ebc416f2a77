"""The exposure rules in words: the planner's rules, the log's rules and the stop rules.

Every number here comes from ``drills.exposure``, so the planner page, the training log and
the chapters (through the ```rules fence) say exactly what the code does.
"""

from __future__ import annotations

from drills import exposure as x
from drills.model import LEVELS, Rule
from drills.words import in_words, listing, ordinal, pct

FEET_PER_METRE = 3.28084


def _by_level(values: dict[str, float], unit: str = " %") -> str:
    """ "1 % for beginners, 1.5 % for intermediate runners and 2 % for advanced runners"."""
    who = {"beginner": "beginners", "intermediate": "intermediate runners"}
    who["advanced"] = "advanced runners"
    return listing([f"{values[level]:g}{unit} for {who[level]}" for level in LEVELS])


def _share(fraction: float) -> str:
    return f"{round(fraction * 100)} %"


def _lighter_every() -> str:
    """ "Every third week for beginners, and every fourth week otherwise"."""
    common = x.LIGHTER_WEEK_EVERY["intermediate"]
    odd = [level for level in LEVELS if x.LIGHTER_WEEK_EVERY[level] != common]
    text = ", and ".join(
        f"every {ordinal(x.LIGHTER_WEEK_EVERY[level])} week for {level}s" for level in odd
    )
    rest = f"every {ordinal(common)} week" + (" otherwise" if odd else "")
    return (text + ", and " + rest if text else rest).capitalize()


# Why a target above the ceiling is refused (the planner's message).
CEILING_REASON = (
    "steeper ground is for hiking, side-stepping and poles rather than running repeats (see "
    "Very steep ground in the terrain chapter)"
)

_first_drops = listing([f"{v:g}" for v in x.FIRST_WEEK_MAX_DROP_M.values()], "or")
_first_feet = listing(
    [f"{round(v * FEET_PER_METRE, -1):.0f}" for v in x.FIRST_WEEK_MAX_DROP_M.values()], "or"
)
_spike = _share(x.SPIKE_LIMIT - 1.0)

PLAN_RULES: tuple[Rule, ...] = (
    Rule(
        "Start small",
        "Week 1 stays at the steepness you already find comfortable, with only a few short "
        "repeats. Schwane et al. (1987) found that 5–15 minutes a day of downhill running "
        "for one to two weeks reduced later soreness, and advised starting with very small "
        "amounts and building up over more than two weeks. The exact first-week figures ("
        f"{listing([str(v) for v in x.FIRST_WEEK_REPEATS.values()], 'or')} repeats by level, "
        f"and at most {_first_drops} m ({_first_feet} ft) of vertical drop per session) are "
        "coaching practice.",
        "schwane-1987",
        False,
    ),
    Rule(
        "Climb in small steps",
        f"The steepest session of the week rises by at most {_by_level(x.MAX_GRADE_STEP_PCT)} "
        f"a week, never goes past your target, and the planner trains up to "
        f"{pct(x.TARGET_CEILING_PCT)} % at most: steeper ground is for hiking, side-stepping "
        "and poles.",
        None,
        True,
    ),
    Rule(
        "No session much bigger than recent ones",
        f"No session's vertical drop is more than {_spike} above your biggest session of the "
        f"previous {x.SPIKE_WINDOW_DAYS} days; your first week on a real descent sets the "
        "starting point. In a study of 5,205 runners (Frandsen et al. 2025), a single run "
        "10–30 % longer than the longest run of the previous 30 days came with a higher injury "
        "rate (hazard rate ratio 1.64). That study measured distance; applying it to vertical "
        "drop is our choice.",
        "frandsen-2025",
        False,
    ),
    Rule(
        "A lighter week every few weeks",
        f"{_lighter_every()}, has at least {_share(x.LIGHTER_WEEK_VOLUME_CUT)} fewer repeats "
        "and no new steepness. The 18 strength coaches Bell et al. (2022) interviewed lighten "
        "training every 4–6 weeks; we found no running study that tested it.",
        "bell-2022",
        True,
    ),
    Rule(
        f"Never more than {in_words(x.MAX_GAP_DAYS // 7)} weeks off descents",
        "Every week has at least two downhill sessions, so you are never "
        f"{in_words(x.MAX_GAP_DAYS // 7)} weeks without one. In Byrnes et al. (1985), the "
        "protection a 30-minute downhill run gave against muscle damage lasted up to 6 weeks "
        "and was gone by 9 weeks.",
        "byrnes-1985",
        False,
    ),
    Rule(
        "Steeper through the week",
        "The week's descents get steeper, each with one focus: step rate on the gentlest "
        "slope, then posture and landing, then both at once on the week's steepest. A fourth "
        "session builds strength and balance.",
        None,
        True,
    ),
    Rule(
        "Cadence from your own baseline",
        "Cadence cues are a few per cent above your own step rate on the flat, never a fixed "
        "number. Heiderscheit et al. (2011) had 45 runners raise their preferred step rate "
        "by 5 % and 10 %, and both lowered the energy the knee absorbed. Runners' downhill "
        "step rates have been measured (Vernillo et al. 2017), but we found no study that sets "
        "an evidence-based downhill cadence target.",
        "heiderscheit-2011",
        False,
    ),
    Rule(
        "No cramming",
        "If the weeks are too few to reach your target within these rules, the plan stops at "
        "the steepest grade it reaches safely and says so, rather than taking bigger steps.",
        None,
        True,
    ),
)

STOP_SESSION_INTRO = "End the session, and walk down if you can, at any of these:"  # session mode
SEE_A_PROFESSIONAL = (
    "Thigh soreness a day or two after new downhill work is expected. See a physiotherapist "
    f"or doctor if pain lasts more than {in_words(x.PAIN_LASTS_DAYS)} days, comes back on "
    "every descent, sits in a joint or changes how you run, rather than running through it."
)
_REST = (
    "rest until it has settled, and see a physiotherapist or doctor if pain lasts, comes back "
    "or changes how you run"
)

LOG_RULES: tuple[Rule, ...] = (
    Rule(
        "Pain or a fall: step back",
        f"After a session with pain or a fall or near-fall, {_REST}. The plan steps back to the "
        "previous week's steepness, and no descent is steeper than the one in which it "
        "happened until you log a session without pain or a fall.",
        None,
        True,
    ),
    Rule(
        "Knee collapse or heavy braking: hold and practise technique",
        "The next descent becomes a body-position and landing session no steeper than the one "
        "where it happened, and the next week stays at this week's steepness instead of "
        "climbing. This follows the guide's advice to fix the part that broke on easier ground "
        "before trying the harder section again.",
        None,
        True,
    ),
    Rule(
        f"Soreness {x.HIGH_SORENESS}/10 or more, or effort {x.HIGH_RPE}/10 or more on a "
        "descent: hold and do less",
        "The next week stays at this week's steepness, and the descents until the end of next "
        f"week have about {_share(x.LIGHTER_WEEK_VOLUME_CUT)} fewer repeats (the planner's "
        "lighter-week cut). Soreness counts after any session; effort only on descents.",
        None,
        True,
    ),
    Rule(
        f"Confidence {x.LOW_CONFIDENCE}/5 or less on a descent: hold",
        "The next week stays at this week's steepness: move up a rung when the current one "
        "feels routine. Confidence grows from descents that go well (Bandura 1977); the "
        "threshold is ours.",
        "bandura-1977",
        True,
    ),
    Rule(
        "A good week: continue as planned",
        f"When every session of a week is logged with confidence {x.GOOD_CONFIDENCE}/5 or more "
        f"and soreness {x.LOW_SORENESS}/10 or less, the plan continues as planned. It never "
        "catches up on weeks that were held: the log can slow the plan down, never speed it up.",
        None,
        True,
    ),
    Rule(
        "The planner's own limits still apply",
        "After any change, no descent is steeper or longer than the plan had it, the steepest "
        "session rises by no more than the planner's weekly step, and no session's vertical "
        f"drop is more than {_spike} above your biggest of the previous "
        f"{x.SPIKE_WINDOW_DAYS} days (Frandsen et al. 2025, for distance).",
        "frandsen-2025",
        False,
    ),
)

# What a ```rules fence in a chapter may name (drills.render.rules renders each).
FENCE_NAMES = ("stop-session", "see-a-professional", "plan", "log")
