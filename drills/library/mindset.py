"""Mindset drills: goals, breathing, self-talk, visualisation and review.

These rest on coaching practice. Self-efficacy theory and graded exposure (a behaviour-therapy
method, later adapted in chronic-pain research) are related, but we found no study testing
them in downhill running.
"""

from __future__ import annotations

from drills.exposure import TARGET_CEILING_PCT
from drills.model import Dose, Drill, Fault
from drills.rule_text import CONFIDENCE_SCALE, SORE_LEGS

DRILLS: tuple[Drill, ...] = (
    Drill(
        id="one-goal-per-descent",
        name="One goal per descent",
        chapter="mindset",
        level="beginner",
        kind="repeats",
        purpose=(
            "Choose one simple, checkable goal at the top of each descent, such as steady "
            "cadence or a tall torso, so your attention has a job and every run ends with a "
            "clear success or lesson."
        ),
        grade_min_pct=0.0,
        grade_max_pct=20.0,
        surface="Any descent you already run, from a gentle path to a steep trail",
        space="Any descent; you set the goal at the top",
        dose=Dose(
            work="1 goal per descent, on every descent of a session",
            rest="a few breaths at the top to set the goal",
            sessions_per_week="1–3",
        ),
        cues=(
            "Pause at the top and pick one goal.",
            "Make it about an action, not a time: 'quiet feet', 'short steps', 'tall chest'.",
            "Put the goal into three words or fewer.",
            "At the bottom, answer yes or no: did you do it?",
            "Keep the same goal until most descents get a yes.",
        ),
        faults=(
            Fault(
                fault="Choosing several goals at once.",
                fix=(
                    "Pick the one that matters most today; the others can wait for another descent."
                ),
            ),
            Fault(
                fault="Setting an outcome goal such as 'beat my time'.",
                fix="Choose something you control while running, such as cadence or posture.",
            ),
            Fault(
                fault="Changing the goal after every descent.",
                fix="Stay with one goal for the whole session so you can see it improve.",
            ),
        ),
        stop_rules=(
            ("If the goal pulls your attention off the trail, drop it and focus on your footing."),
            "Stop and walk if you lose control or feel you could not stop within a few steps.",
        ),
        regression=(),
        progression=("control-self-talk", "line-visualisation"),
        equipment=(),
        evidence=("bandura-1977",),
        evidence_note=(
            "A goal you meet is a performance accomplishment, one of the four sources of "
            "confidence in self-efficacy theory (Bandura 1977)."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="steady-breathing",
        name="Steady breathing on descents",
        chapter="mindset",
        level="beginner",
        kind="repeats",
        purpose=(
            "Keep breathing steadily on descents by breathing out as a foot lands, so you do "
            "not hold your breath and stiffen through tricky sections."
        ),
        grade_min_pct=2.0,
        grade_max_pct=12.0,
        surface="Smooth path, quiet road or easy trail",
        space=("A 100–200 m (330–650 ft) stretch at 2–12 %, with a flat start to find the rhythm"),
        dose=Dose(
            work="3–5 descents of 100–200 m (330–650 ft), then use the pattern on any descent",
            rest="walk back up (about 1–2 min)",
            sessions_per_week="1–2",
        ),
        cues=(
            "Start on the flat: breathe out as one foot lands, every two or three steps.",
            "Keep the same pattern as the path tips downhill.",
            "Let the in-breath happen on its own.",
            "Keep your jaw and shoulders loose.",
            "If you notice you have stopped breathing, give one long breath out.",
        ),
        faults=(
            Fault(
                fault="Holding your breath on steep or technical bits.",
                fix=(
                    "Breathe out with a soft 'sss' or 'hoo' so you can hear it when the breath "
                    "stops."
                ),
            ),
            Fault(
                fault="Forcing loud, heavy breaths.",
                fix="Breathe out gently; the aim is a steady rhythm, not big breaths.",
            ),
            Fault(
                fault="Counting so hard that you stop watching the trail.",
                fix=(
                    "Once the rhythm settles, let it run in the background and bring your eyes "
                    "back to the path ahead."
                ),
            ),
        ),
        stop_rules=(
            (
                "Go back to breathing as you like if the pattern makes you light-headed; if "
                "that does not pass at once, follow the emergency rule above."
            ),
            "Stop and walk if you lose control or feel you could not stop within a few steps.",
            "Stop the descent if you are braking hard or leaning back on every step.",
        ),
        regression=(),
        progression=("control-self-talk",),
        equipment=(),
        evidence=("bandura-1977",),
        evidence_note=(
            "Self-efficacy theory counts physiological states, such as tension or a racing "
            "heart, among the sources of confidence (Bandura 1977)."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="control-self-talk",
        name="Self-talk for control",
        chapter="mindset",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Answer fearful thoughts on descents with short, practised phrases about what you "
            "are doing to stay in control."
        ),
        grade_min_pct=4.0,
        grade_max_pct=20.0,
        surface="Path or trail descents you can already run",
        space="A 100–300 m (330–1,000 ft) descent at 4–20 %",
        dose=Dose(
            work="3–4 descents, one phrase per descent",
            rest="walk back up (about 2–3 min)",
            sessions_per_week="1–2",
        ),
        cues=(
            (
                "Before the run, write two or three short phrases: 'quick and light', 'eyes "
                "ahead', 'I choose my speed'."
            ),
            "Say your phrase, silently or aloud, at the top and at each tricky spot.",
            "Talk about the action, not the danger: 'short steps', not 'don't fall'.",
            "Use a calm, even tone, the way a good coach would.",
            "When a fearful thought comes, answer it with your phrase.",
        ),
        faults=(
            Fault(
                fault="Phrases built on negatives, such as 'don't slip'.",
                fix="Reword them as what to do: 'flat feet, short steps'.",
            ),
            Fault(
                fault="Talking yourself into more speed than you can control.",
                fix="Keep the words about control and choice, not about going faster.",
            ),
            Fault(
                fault="Long sentences you cannot recall halfway down.",
                fix="Cut each phrase to two to four words.",
            ),
        ),
        stop_rules=(
            (
                "Walk if no phrase settles the fear; a shorter or gentler slope is the next "
                "step, not more talking."
            ),
            "Stop and walk if you lose control or feel you could not stop within a few steps.",
            "Stop the descent if you are braking hard or leaning back on every step.",
        ),
        regression=("one-goal-per-descent", "steady-breathing"),
        progression=("line-visualisation",),
        equipment=("optional: a note card or phone note with your phrases",),
        evidence=("bandura-1977",),
        evidence_note=(
            "Self-efficacy theory counts verbal persuasion among the four sources of confidence, "
            "and self-talk borrows that idea (Bandura 1977)."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="line-visualisation",
        name="Visualise the line",
        chapter="mindset",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Before a descent, see yourself run it in your mind, each foot finding a good spot "
            "and the route flowing from top to bottom, so you start with a plan."
        ),
        grade_min_pct=0.0,
        grade_max_pct=25.0,
        surface="The top of any descent, or at home before a run on a route you know",
        space="A descent of up to 25 % that you can see at least partly from the top",
        dose=Dose(
            work="30–60 s of visualisation before each of 2–4 descents",
            rest="as needed between descents",
            sessions_per_week="1–2",
        ),
        cues=(
            "Stand at the top and look over the first section.",
            "Close your eyes and see each foot land on a clear, solid spot.",
            "Trace one unbroken line to the bottom, including where you will slow down.",
            "Feel the rhythm of your steps and your breathing as you picture it.",
            "If you can, watch a steady runner take the line first.",
            "Open your eyes and run the line you pictured.",
        ),
        faults=(
            Fault(
                fault="Picturing the slip or the fall.",
                fix=(
                    "Rewind and replay the tricky spot with a clean landing until you can see "
                    "it go right."
                ),
            ),
            Fault(
                fault="Planning only the first few metres.",
                fix="Split a long descent into sections and picture each one from its top.",
            ),
            Fault(
                fault="Sticking to the planned line when the ground turns out different.",
                fix=(
                    "Treat the picture as a plan, not a promise; slow down and choose a new line."
                ),
            ),
        ),
        stop_rules=(
            "If you cannot picture a clean line through a section, walk it this time.",
            "Stop and walk if you lose control or feel you could not stop within a few steps.",
            "Stop the descent if you are braking hard or leaning back on every step.",
        ),
        regression=("one-goal-per-descent", "control-self-talk"),
        progression=("technical-descent-rehearsal", "eyes-ahead"),
        equipment=(),
        evidence=("bandura-1977",),
        evidence_note=(
            "Self-efficacy theory counts vicarious experience, such as watching others succeed, "
            "among the sources of confidence (Bandura 1977); picturing a clean run borrows that "
            "idea."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="post-run-review",
        name="Review after every run",
        chapter="mindset",
        level="beginner",
        kind="review",
        purpose=(
            "After every run with descents, spend a few minutes noting what went well, what to "
            "change and how it felt, so each session shapes the next."
        ),
        grade_min_pct=0.0,
        grade_max_pct=TARGET_CEILING_PCT,
        surface="Anywhere after the run, on paper or a phone",
        space="None; done after the run",
        dose=Dose(
            work="3–5 minutes after each run with descents",
            rest="none needed",
            sessions_per_week="1–3",
        ),
        cues=(
            "Write one thing that went well.",
            "Write one thing to adjust, and make it the goal for your next descent.",
            f"Rate your confidence on the steepest section, {CONFIDENCE_SCALE}.",
            "Record the grade, your cadence compared with your flat baseline, and your RPE.",
            "Once a week, read back through the log and look for trends.",
        ),
        faults=(
            Fault(
                fault="Writing only what went wrong.",
                fix="Always start with what went well, however small.",
            ),
            Fault(
                fault="Vague notes such as 'felt bad'.",
                fix="Say where and what: 'tensed up on the rocky 15 % bit and braked hard'.",
            ),
            Fault(
                fault="Skipping the review after good runs.",
                fix="Log those too; they are the record of progress that builds confidence.",
            ),
        ),
        stop_rules=(
            (
                "If the log shows pain, check it against Soreness or pain above before the next "
                "descent."
            ),
            (
                "If you logged knees caving in or hard braking on most descents, go back to "
                "the previous grade next time."
            ),
            (
                "If your confidence ratings fall over several sessions, step back to an easier "
                "slope."
            ),
            SORE_LEGS,
        ),
        regression=(),
        progression=("line-visualisation",),
        equipment=("a notebook, training app or phone notes",),
        evidence=(
            "bandura-1977",
            "vlaeyen-linton-2000",
            "leeuw-2007",
        ),
        evidence_note=(
            "Noting successes draws on self-efficacy theory (Bandura 1977), and stepping slopes "
            "up or down by the log follows graded exposure, a behaviour-therapy method later "
            "adapted for chronic pain (Vlaeyen & Linton 2000; Leeuw et al. 2007)."
        ),
        cadence_cue=None,
    ),
)
