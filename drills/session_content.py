"""What each planned session practises: its drills, its key cues and its cadence cue.

A session takes drills, and so cues, of its own kind only (``Drill.kind``): running repeats
take repeat drills, the conditioning circuit strength work. Drills that need no slope or no
running (the slope survey, falling practice) have a place of their own, on the conditioning
day of the first week and of the lighter weeks, never in the middle of a descent.
"""

from __future__ import annotations

from functools import lru_cache

from drills import catalog
from drills.conditioning_rules import HEAVY_KINDS
from drills.exposure import MIN_DESCENT_GRADE_PCT
from drills.model import LEVELS, Drill

# Which chapters' drills each focus draws on, and how many drills per chapter.
FOCUS_CHAPTERS: dict[str, tuple[str, ...]] = {
    "cadence": ("cadence",),
    "posture": ("technique",),
    "combined": ("technique", "cadence", "exposure"),
    "conditioning": ("conditioning",),
}
DRILLS_PER_CHAPTER: dict[str, int] = {"cadence": 2, "posture": 2, "combined": 1, "conditioning": 4}
KEY_CUES_PER_SESSION = 3  # the spec allows 2–4; three fit on a phone screen

# The kinds of drill each focus takes. The circuit adds HEAVY_KINDS where the conditioning
# rules allow heavy work on its day.
FOCUS_KINDS: dict[str, tuple[str, ...]] = {
    "cadence": ("repeats",),
    "posture": ("repeats",),
    "combined": ("repeats",),
    "conditioning": ("strength",),
}
# Drills of these kinds come on the conditioning day of the first week (all of them) and of
# each lighter week (falling practice again), as their own practice. Coaching practice: the
# survey ranks the slopes before the climb; falls are rehearsed on easy weeks, fresh.
FIRST_WEEK_PRACTICE: tuple[str, ...] = ("walk-through", "off-slope")
LIGHTER_WEEK_PRACTICE: tuple[str, ...] = ("off-slope",)


def _level_gap(runner_level: str, drill: Drill) -> int:
    return LEVELS.index(runner_level) - LEVELS.index(drill.level)


def _grade_distance(drill: Drill, grade_pct: float) -> float:
    return max(drill.grade_min_pct - grade_pct, grade_pct - drill.grade_max_pct, 0.0)


@lru_cache(maxsize=256)
def _suitable(chapter: str, level: str, kinds: tuple[str, ...]) -> tuple[Drill, ...]:
    """A chapter's drills of these kinds at this level or an easier one (catalog.matching's
    level rule), the runner's own level first, then catalog order."""
    rank = LEVELS.index(level)
    return tuple(
        sorted(
            (
                d
                for d in catalog.by_chapter(chapter)
                if d.kind in kinds and LEVELS.index(d.level) <= rank
            ),
            key=lambda d: _level_gap(level, d),
        )
    )


def chapter_drills(
    chapter: str, level: str, grade_pct: float, count: int, kinds: tuple[str, ...]
) -> tuple[Drill, ...]:
    """Up to ``count`` drills of a chapter and of these kinds for this level and grade, the
    runner's level first.

    The same drills as ``catalog.matching`` (the tests check they agree), read from a cached
    per-level list because the planner asks thousands of times. When no drill's grade range
    holds the grade, the one nearest to it stands in.
    """
    suitable = _suitable(chapter, level, kinds)
    found = [d for d in suitable if d.grade_min_pct <= grade_pct <= d.grade_max_pct]
    if found:
        return tuple(found[:count])
    if not suitable:
        return ()
    nearest = min(suitable, key=lambda d: (_grade_distance(d, grade_pct), _level_gap(level, d)))
    return (nearest,)


def session_kinds(focus: str, heavy_ok: bool) -> tuple[str, ...]:
    """The drill kinds a session of this focus takes; heavy work only where ``heavy_ok``."""
    kinds = FOCUS_KINDS[focus]
    return kinds + HEAVY_KINDS if focus == "conditioning" and heavy_ok else kinds


def practice_kinds(week: int, lighter: bool) -> tuple[str, ...]:
    """The kinds of drill that have their own place on this week's conditioning day."""
    if week == 1:
        return FIRST_WEEK_PRACTICE
    return LIGHTER_WEEK_PRACTICE if lighter else ()


@lru_cache(maxsize=16)
def practice_drills(level: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Ids of the drills of these kinds at this level or an easier one, in the order of
    ``kinds``, then of the catalog."""
    rank = LEVELS.index(level)
    return tuple(
        d.id
        for kind in kinds
        for d in catalog.DRILLS
        if d.kind == kind and LEVELS.index(d.level) <= rank
    )


PRACTICE_INTRO = "Apart from the circuit, on this day:"


def practice_note(practice_ids: tuple[str, ...]) -> str:
    """ "Apart from the circuit, on this day: Build your ladder of slopes; Falling practice on
    grass." (empty when there is none)"""
    if not practice_ids:
        return ""
    return f"{PRACTICE_INTRO} {'; '.join(catalog.get(i).name for i in practice_ids)}."


@lru_cache(maxsize=4096)
def session_content(
    focus: str, level: str, grade_pct: float, kinds: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """Drill ids, key cues and cadence cue for one session whose drills are of ``kinds``
    (cached: the catalog is fixed)."""
    chosen: list[Drill] = []
    for chapter in FOCUS_CHAPTERS[focus]:
        chosen.extend(chapter_drills(chapter, level, grade_pct, DRILLS_PER_CHAPTER[focus], kinds))
    cues: list[str] = []
    for rank in range(max((len(d.cues) for d in chosen), default=0)):
        for drill in chosen:
            if rank < len(drill.cues) and drill.cues[rank] not in cues:
                cues.append(drill.cues[rank])
    return (
        tuple(d.id for d in chosen),
        tuple(cues[:KEY_CUES_PER_SESSION]),
        cadence_cue(focus, level, grade_pct),
    )


def cadence_cue(focus: str, level: str, grade_pct: float) -> str:
    """Relative to the runner's own flat baseline: Heiderscheit et al. 2011 tested +5 % and
    +10 %; we found no evidence-based downhill cadence target in steps per minute."""
    if focus == "conditioning":
        return "No cadence target in this session."
    if grade_pct < MIN_DESCENT_GRADE_PCT:
        return "Your flat baseline: count it and write it down; later cues build on it."
    if focus == "posture":
        return "At or a little above your flat baseline; let the posture cue lead."
    if focus == "combined":
        return "About 5 % above your flat baseline, held as the slope steepens."
    if level == "advanced" and grade_pct >= 10.0:
        return "About 10 % above your flat baseline; drop back to 5 % if it stops feeling relaxed."
    if level != "beginner" and grade_pct >= 4.0:
        return "About 5–10 % above your flat baseline."
    return "About 5 % above your flat baseline."
