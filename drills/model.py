"""The shapes of the guide's domain data: drills and the references they rest on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Chapter = Literal["technique", "cadence", "exposure", "conditioning", "terrain", "mindset"]
Level = Literal["beginner", "intermediate", "advanced"]

CHAPTERS: dict[str, str] = {
    "technique": "Technique",
    "cadence": "Cadence",
    "exposure": "Graded exposure",
    "conditioning": "Conditioning",
    "terrain": "Footwear and terrain",
    "mindset": "Mindset",
}
LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")

# What kind of session a drill serves. A planned session takes drills and cues of its own
# kind only, so the falling drill's cues never turn up in the middle of running repeats.
SessionKind = Literal[
    "repeats",  # running down one steady slope, walking back up: the planner's descents
    "route",  # a run down a route with a feature to practise: a change of grade, bends, rock
    "walk-through",  # walking, not running: a survey of slopes
    "off-slope",  # on soft, flat ground away from any descent: falling practice
    "strength",  # strength, balance, mobility and core work at body weight
    "heavy lowering",  # strength work that lowers a load slowly (eccentric)
    "plyometric",  # jumping and landing
    "review",  # after the run, on paper or a phone
]
SESSION_KINDS: tuple[str, ...] = get_args(SessionKind)


@dataclass(frozen=True)
class Dose:
    """How much of a drill to do: the work, the rest between sets, and how often."""

    work: str  # e.g. "4 × 60 m" or "3 sets × 8 slow reps per leg"
    rest: str  # e.g. "walk back up (about 90 s)"
    sessions_per_week: str  # e.g. "1–2"


@dataclass(frozen=True)
class Fault:
    """A common fault seen in the drill and the fix a coach would give."""

    fault: str
    fix: str


@dataclass(frozen=True)
class Drill:
    """One drill, written once and shown on its page, in chapter cards and in plans."""

    id: str  # stable URL slug: a public promise to coaches, never renamed without a redirect
    name: str
    chapter: Chapter
    level: Level
    kind: SessionKind  # the one kind of session the drill serves
    purpose: str  # one sentence
    grade_min_pct: float  # descent steepness in %, 0 for drills done on the flat or indoors
    grade_max_pct: float
    surface: str  # where it is done: "smooth path or road", "gym or living room", ...
    space: str  # length of slope or room needed
    dose: Dose
    cues: tuple[str, ...]  # 3–6 coaching cues
    faults: tuple[Fault, ...]
    stop_rules: tuple[str, ...]
    regression: tuple[str, ...]  # ids of easier drills
    progression: tuple[str, ...]  # ids of harder drills
    equipment: tuple[str, ...]
    evidence: tuple[str, ...]  # keys into drills.references.REFERENCES
    evidence_note: str  # one or two sentences: what the cited studies did and did not test
    cadence_cue: str | None = None  # relative to the runner's own baseline, never absolute
    # Keys (also in ``evidence``) of studies that tested what the drill asks for; the drill's
    # badge is computed from it (drills.evidence), so a study that only measured something
    # related never makes a drill "research-informed".
    tested_by: tuple[str, ...] = ()
    # What to do once, before the first repeat (set the beat, walk the line): shown before the
    # cues, and in session mode before the repeats, never as a cue in the middle of one.
    setup: tuple[str, ...] = ()

    @property
    def practice_based(self) -> bool:
        """True where no cited study tested the drill: it rests on coaching practice."""
        return not self.tested_by

    @property
    def chapter_title(self) -> str:
        return CHAPTERS[self.chapter]


@dataclass(frozen=True)
class Rule:
    """One rule of the planner or the training log, as the pages list it."""

    title: str
    text: str
    source_key: str | None  # key into drills.references.REFERENCES
    practice_based: bool  # True where the rule rests on coaching practice, not on studies


@dataclass(frozen=True)
class Reference:
    key: str  # anchor slug, e.g. "minetti-2002"
    authors: str  # e.g. "Minetti AE, Moia C, Roi GS, Susta D, Ferretti G"
    year: int
    title: str | None  # None where the exact title could not be confirmed
    source: str  # journal or publisher, e.g. "Journal of Applied Physiology"
    volume_pages: str | None  # e.g. "93(3):1039–1046"
    doi: str | None
    finding: str  # one sentence in our own words: what the guide takes from it
    strength: str  # e.g. "treadmill study, 10 runners"; "blog post"; "review of 37 studies"
    url: str | None = None  # only where there is no DOI
