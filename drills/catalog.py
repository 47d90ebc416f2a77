"""The drill catalog: every drill the guide, the drill pages and the planner use.

The definitions live in ``drills.library`` (one module per chapter); this module
holds the look-ups everything else goes through.
"""

from __future__ import annotations

from drills.library import ALL_DRILLS
from drills.model import CHAPTERS, LEVELS, SESSION_KINDS, Drill

__all__ = ["CHAPTERS", "DRILLS", "LEVELS", "Drill", "by_chapter", "get", "matching"]

DRILLS: tuple[Drill, ...] = ALL_DRILLS
_BY_ID: dict[str, Drill] = {drill.id: drill for drill in DRILLS}


def get(drill_id: str) -> Drill:
    """Return the drill with this id, or raise KeyError naming the id."""
    try:
        return _BY_ID[drill_id]
    except KeyError:
        raise KeyError(f"no drill with id {drill_id!r}") from None


def by_chapter(chapter: str) -> tuple[Drill, ...]:
    """Every drill of one chapter, in catalog order."""
    return tuple(d for d in DRILLS if d.chapter == chapter)


def matching(
    chapter: str, level: str, grade_pct: float, kinds: tuple[str, ...] = SESSION_KINDS
) -> tuple[Drill, ...]:
    """Drills of a chapter and of one of ``kinds`` that suit this level and whose grade range
    holds ``grade_pct``.

    A drill suits a level when it is at that level or an easier one.
    """
    ceiling = LEVELS.index(level)
    return tuple(
        d
        for d in DRILLS
        if d.chapter == chapter
        and d.kind in kinds
        and LEVELS.index(d.level) <= ceiling
        and d.grade_min_pct <= grade_pct <= d.grade_max_pct
    )
