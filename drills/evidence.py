"""How strong the support is for a piece of advice: the one label a chapter section or a drill shows.

A chapter section that rests on coaching practice says so once, in a label generated from these
constants (a ```evidence fence), instead of hedging sentence by sentence. A drill's badge is
computed from the studies that tested the drill itself (``Drill.tested_by``), never set by hand.
"""

from __future__ import annotations

from drills.model import Drill

RESEARCH_INFORMED = "Research-informed"
COACHING_PRACTICE = "Coaching practice"

# What a section's advice rests on, shown after "Evidence:". The key is what a chapter writes
# in its fence.
SECTION_LABELS: dict[str, str] = {
    "practice": "coaching practice. We found no study that tested this advice.",
    "built-on-studies": (
        "coaching practice built on the studies cited, which measured related things but did "
        "not test this advice itself."
    ),
    "other-fields": (
        "borrowed from research on other activities. We found no study of it in downhill running."
    ),
}


def drill_basis(drill: Drill) -> str:
    """The drill's badge: research-informed only where a cited study tested the drill itself."""
    return RESEARCH_INFORMED if drill.tested_by else COACHING_PRACTICE


def drill_evidence_lead(drill: Drill) -> str:
    """The sentence that opens a drill page's evidence, saying what its badge means."""
    if drill.tested_by:
        return f"{RESEARCH_INFORMED}: a cited study tested the change this drill asks for."
    return f"{COACHING_PRACTICE}: we found no study that tested this drill."
