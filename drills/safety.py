"""The warning signs and what to do about each, written once.

Every chapter, every drill page, the planner page and every session-mode screen show these
words (``drills.render.safety`` draws them), and the training log's messages and the
warm-up screen quote them, so the guide has one rule for an emergency, one for a fall and
one for pain. They are standard first-aid and sports-medicine practice, not the result of a
study this guide cites, and say so (``PRACTICE_LABEL``).
"""

from __future__ import annotations

from dataclasses import dataclass

from drills.words import in_words


@dataclass(frozen=True)
class Signs:
    """Warning signs that call for one action."""

    name: str  # shown in bold: "Emergency"
    intro: str  # what to do at any of the signs, leading into them
    signs: tuple[str, ...]  # lower-case phrases; some hold commas, so lists use semicolons
    action: str = ""  # whole sentences after the signs


TITLE = "Warning signs and what to do"
PRACTICE_LABEL = "first-aid practice"

# Thigh soreness from a descent usually peaks within two days (Byrnes et al. 1985 saw it
# peak at 42 h); soreness still not easing by this day is no longer the expected kind.
SORENESS_EASING_DAYS = 5

EMERGENCY = Signs(
    "Emergency",
    "At any of these, stop at once and sit or lie down where you are",
    (
        "chest pain or tightness",
        "fainting or nearly fainting",
        "breathlessness far beyond what the effort explains",
        "dizziness",
    ),
    "Do not walk down alone: call emergency services, or have someone call, and tell them "
    "where you are.",
)

STOP = Signs(
    "Stop the session",
    "End the session, with no more descents that day, at any of these",
    (
        "sharp or sudden pain",
        "pain in a joint (knee, ankle or hip) or in a bone, such as the shin or the foot",
        "pain that changes how you run, such as a limp or favouring one leg",
        "a fall, or a near-fall that shook you",
    ),
    "Walk home the gentlest way, or jog easily if nothing hurts.",
)

HEAD = Signs(
    "After a fall",
    "If you hit your head, or have any of these, stop, do not run again that day and do not "
    "go on alone",
    (
        "headache",
        "confusion or a gap in your memory",
        "seeing stars or blurred vision",
        "nausea",
        "dizziness or unsteadiness",
    ),
    "Get checked by a doctor the same day, at once if the signs get worse, and run again only "
    "when a doctor says you may.",
)
CANNOT_GET_UP = (
    "If you cannot get up or cannot put weight on a leg, stay where you are, call for help "
    "(emergency services if you are badly hurt) and keep warm with every layer you have."
)
ON_STEEP_GROUND = (
    "On steep ground or above a drop, do not roll: stop the slide by spreading out, turning to "
    "face the slope and digging in with your hands, elbows and feet."
)

SORENESS = (
    "Dull, even soreness in the muscles of both thighs, building over a day or two after new "
    "downhill work and easing as you warm up, is the expected delayed soreness."
)
# Pain in a bone that needs a clinician: one of the signs below, and the words the
# conditioning chapter's "Pain in a bone" quotes ({{ bone-stress-signs }}).
BONE_STRESS_SIGNS = (
    "pain in one spot of a bone that hurts when you press it, or that is worse at night or "
    "each time your foot strikes the ground"
)
CLINICIAN = Signs(
    "Soreness or pain",
    f"{SORENESS} See a physiotherapist or doctor before your next descent, rather than "
    "running through it, for any of these",
    (
        "pain in a joint or a bone",
        "sharp pain",
        "pain on one side only",
        f"{BONE_STRESS_SIGNS}, which can mean a bone-stress injury",
        "pain that comes back on every descent",
        f"soreness that is not clearly easing by day {in_words(SORENESS_EASING_DAYS)}",
    ),
)
SAME_DAY = (
    "Get medical help the same day for severe muscle pain and swelling after a hard session, "
    "especially with dark urine the colour of tea or cola."
)


def sentence(signs: Signs, named: bool = True) -> str:
    """The signs and their action as plain text: "Emergency. At any of these, …: chest pain
    or tightness; …; or dizziness. Do not walk down alone: …" (without "Emergency." when not
    ``named``, inside a page's own prose)."""
    items = signs.signs
    listed = "; ".join(items[:-1]) + f"; or {items[-1]}" if len(items) > 1 else items[0]
    text = f"{signs.intro}: {listed}. {signs.action}".rstrip()
    return f"{signs.name}. {text}" if named else text


def after_session(pain: bool, fall: bool) -> str:
    """What the training log tells a runner who logged pain or a fall, in the rules' words."""
    parts = [sentence(HEAD)] if fall else []
    if pain:
        parts += [sentence(CLINICIAN), SAME_DAY]
    return " ".join(parts)
