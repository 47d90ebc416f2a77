"""The exposure rules in words: the planner's rules, the log's rules and the stop rules.

Every number here comes from ``drills.exposure``, so the planner page, the training log and
the chapters (through the ```rules fence) say exactly what the code does.
"""

from __future__ import annotations

from drills import conditioning_rules as c
from drills import exposure as x
from drills import safety
from drills.cadence import COUNT_SECONDS
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

# The guide's rule on sore legs, which the log applies (LOG_RULES) and the conditioning
# chapter states: soreness two days later above mild holds the next step.
SORE_LEGS = (
    "Do not go steep on sore legs: soreness two days after a session that is more than mild "
    f"({x.MILD_SORENESS + 1}/10 or more, where 1–{x.MILD_SORENESS} is mild) means the next "
    "step waits, and the next descents are smaller."
)

# One confidence scale everywhere a runner rates a descent (exposure.CONFIDENCE_WORDS).
_low, _high = x.CONFIDENCE_RANGE
CONFIDENCE_SCALE = (
    f"from {_low} ({x.CONFIDENCE_WORDS[_low]}) to {_high} ({x.CONFIDENCE_WORDS[_high]})"
)
# One way to count cadence (drills.cadence.COUNT_SECONDS).
_per_minute = 60 // COUNT_SECONDS
COUNT_CADENCE = (
    f"count every footfall, left and right, for {in_words(COUNT_SECONDS)} seconds and "
    + ("double the total" if _per_minute == 2 else f"multiply the total by {_per_minute}")
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

LOG_RULES: tuple[Rule, ...] = (
    Rule(
        "Pain or a fall: step back",
        "After a session with pain or a fall or near-fall, take no more descents until it has "
        "settled; the log's message quotes the warning signs that say when to see a doctor or "
        "physiotherapist. The plan steps back to the previous week's steepness, and "
        "no descent is steeper than the one in which it happened until you log a session "
        "without pain or a fall.",
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
        f"Soreness more than mild ({x.MILD_SORENESS + 1}/10 or more), or effort "
        f"{x.HIGH_RPE}/10 or more on a descent: hold and do less",
        f"{SORE_LEGS} The next week stays at this week's steepness, and the descents until the "
        f"end of next week have about {_share(x.LIGHTER_WEEK_VOLUME_CUT)} fewer repeats (the "
        "planner's lighter-week cut). Soreness counts after any session; effort only on "
        "descents.",
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
        f"and soreness {x.MILD_SORENESS}/10 or less, the plan continues as planned. It never "
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

_sets, _reps = c.PLYOMETRIC_ENTRY_SETS
_rpe_low, _rpe_high = c.HILL_REPEAT_RPE
LOWERING = f"lowering over {in_words(c.LOWERING_S)} seconds"
PLYOMETRIC_ENTRY = (
    f"Start drop landings only after {in_words(c.PLYOMETRIC_ENTRY_WEEKS)} weeks of regular "
    f"strength work, once you can do {_sets} × {_reps} slow-lowering split squats per leg with "
    "the knee tracking over your toes, and stand steady on one leg with your eyes closed for "
    f"{c.PLYOMETRIC_ENTRY_BALANCE_S} seconds."
)
_before = (
    "the day before a descent"
    if c.HEAVY_WORK_CLEAR_DAYS == 2
    else f"the {in_words(c.HEAVY_WORK_CLEAR_DAYS - 1)} days before a descent"
)
HEAVY_SPACING = (
    f"No plyometrics and no heavy slow-lowering work on {_before}, nor earlier on the day of "
    "one: steep ground needs fresh legs."
)
HILL_REPEAT_EFFORT = (
    f"a moderate effort, {_rpe_low}–{_rpe_high} on the log's 1–10 effort scale "
    f"({x.RPE_WORDS[_rpe_low]} to {x.RPE_WORDS[_rpe_high]}): you could still speak in short "
    "sentences"
)

CONDITIONING_RULES: tuple[Rule, ...] = (
    Rule(
        "Heavy work away from descents",
        f"{HEAVY_SPACING} The planner's circuit leaves out {listing(c.HEAVY_KINDS)} work on "
        "any day too close to a descent.",
        None,
        True,
    ),
    Rule("Not steep on sore legs", SORE_LEGS, None, True),
    Rule(
        "One lowering tempo",
        f"Every slow-lowering exercise means {LOWERING}; the set ends when you can no longer "
        "hold it.",
        None,
        True,
    ),
    Rule("Plyometrics only on a base", PLYOMETRIC_ENTRY, None, True),
    Rule(
        "Moderate downhill repeats at a moderate effort",
        f"Run them at {HILL_REPEAT_EFFORT}, with every landing quiet.",
        None,
        True,
    ),
)

# What a ```rules fence in a chapter may name (sitebuild/shells.py renders each).
FENCE_NAMES = ("stop-session", "see-a-professional", "plan", "log", "conditioning")

# What a {{ name }} in a chapter's prose stands for: a rule's words inside a sentence.
INLINE: dict[str, str] = {
    "ceiling": pct(x.TARGET_CEILING_PCT),
    "confidence-scale": CONFIDENCE_SCALE,
    "count-cadence": COUNT_CADENCE,
    "lowering": LOWERING,
    "hill-repeat-effort": HILL_REPEAT_EFFORT,
    "plyometric-entry": PLYOMETRIC_ENTRY,
    "heavy-spacing": HEAVY_SPACING,
    "sore-legs": SORE_LEGS,
    "lighter-weeks": _lighter_every().lower(),
    "stop-action": safety.STOP.action,
    "head-strike": safety.sentence(safety.HEAD, named=False),
    "cannot-get-up": safety.CANNOT_GET_UP,
    "on-steep-ground": safety.ON_STEEP_GROUND,
    "emergency-signs": listing(safety.EMERGENCY.signs, "or"),
    "bone-stress-signs": safety.BONE_STRESS_SIGNS,
    "same-day": safety.SAME_DAY,
}
