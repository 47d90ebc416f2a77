"""Graded-exposure drills: climb a ladder of slopes one small rung at a time."""

from drills.exposure import (
    CONFIDENCE_RANGE,
    CONFIDENCE_WORDS,
    GOOD_CONFIDENCE,
    LOW_CONFIDENCE,
    TARGET_CEILING_PCT,
)
from drills.model import Dose, Drill, Fault
from drills.rule_text import CONFIDENCE_SCALE

DRILLS: tuple[Drill, ...] = (
    Drill(
        id="slope-ladder",
        name="Build your ladder of slopes",
        chapter="exposure",
        level="beginner",
        kind="walk-through",
        purpose=(
            "Walk your local routes and rank the descents from calm to scary, so every "
            "later session climbs one small rung at a time."
        ),
        grade_min_pct=0.0,
        grade_max_pct=TARGET_CEILING_PCT,
        surface="Your usual running routes, walked rather than run",
        space=(
            "4–6 descents you can reach easily, from barely sloping to the steepest "
            "you would consider"
        ),
        dose=Dose(
            work="One walk visiting 4–6 slopes, rating how confident you would feel running each",
            rest="Walk easily between slopes",
            sessions_per_week="Once, then update the ladder every 2–4 weeks",
        ),
        cues=(
            "Walk down each slope and note its rough steepness, surface and length.",
            f"Rate how confident you would feel running it, {CONFIDENCE_SCALE}.",
            "Order the slopes from most to least confident: that is your ladder.",
            (
                f"Start training on the first rung you rate {GOOD_CONFIDENCE} "
                f"({CONFIDENCE_WORDS[GOOD_CONFIDENCE]}): a real descent that still feels easy."
            ),
            "Re-rate the ladder as the lower rungs start to feel easy.",
        ),
        faults=(
            Fault(
                fault="Big gaps between rungs.",
                fix=(
                    "Find in-between slopes, or use just the top part of a steeper "
                    "one, so each step up is small."
                ),
            ),
            Fault(
                fault="Putting your goal descent only one or two rungs from the bottom.",
                fix="Keep the hardest descent at the top and build several rungs below it.",
            ),
            Fault(
                fault="Judging by steepness alone.",
                fix=(
                    "Rate surface, length and what lies at the bottom as well; a short "
                    "steep slope onto grass may sit below a long, loose gravel one."
                ),
            ),
        ),
        stop_rules=(
            "Walk only; the survey is not the moment to test yourself by running.",
            "Turn back on any slope where the footing feels unsafe even at walking pace.",
            "Leave out slopes with drop-offs, traffic, ice or other hazards you cannot control.",
            "Stop the survey if walking downhill hurts.",
        ),
        regression=(),
        progression=(
            "walk-run-descents",
            "gentle-repeats",
        ),
        equipment=(
            "Map or app with elevation, or a clinometer app (optional)",
            "Notebook or training log",
        ),
        evidence=(
            "bandura-1977",
            "vlaeyen-linton-2000",
            "leeuw-2007",
        ),
        evidence_note=(
            "Ranking feared situations and facing them in order comes from graded exposure, a "
            "behaviour-therapy method for phobias and anxiety that was later adapted for chronic "
            "pain (Vlaeyen & Linton 2000; Leeuw et al. 2007), not from sport; each rung you own "
            "adds to the successes Bandura's theory of self-efficacy builds on (Bandura 1977)."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="walk-run-descents",
        name="Walk–run descents",
        chapter="exposure",
        level="beginner",
        kind="repeats",
        purpose=(
            "Break an easy descent into short running and walking stretches, so you "
            "meet the slope in small, controlled doses and finish every one in control."
        ),
        grade_min_pct=2.0,
        grade_max_pct=8.0,
        surface="Smooth path, road or compact gravel",
        space="A 150–300 m (490–980 ft) descent of 2–8 % from the lowest rungs of your ladder",
        dose=Dose(
            work="3–5 descents, alternating 20–30 s of running with 20–30 s of walking",
            rest="Walk back up, 3–4 min",
            sessions_per_week="1–2",
        ),
        cues=(
            "Run the easy parts and walk the parts that make you uneasy.",
            "Change from running to walking gradually, with shorter steps.",
            "Keep each running stretch short enough to feel in control.",
            "Next session, turn one walking stretch into running if it felt easy.",
            f"Rate your confidence at the bottom, {CONFIDENCE_SCALE}, and log it.",
        ),
        faults=(
            Fault(
                fault="Braking hard to switch from running to walking.",
                fix=(
                    "Shorten your steps gradually over the last few metres of each running stretch."
                ),
            ),
            Fault(
                fault="Running the whole descent in the first session.",
                fix=(
                    "Keep some walking even if it feels unnecessary; the aim is to "
                    "finish fresh and confident."
                ),
            ),
            Fault(
                fault="Holding the breath at the changeovers.",
                fix="Breathe out as you change pace.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "walking the rest of the descent."
            ),
            "Stop running and walk if you are braking hard on most steps.",
            "Stop and walk if your speed starts to run away from you or you stumble.",
        ),
        regression=("slope-ladder",),
        progression=(
            "gentle-repeats",
            "add-a-steeper-section",
        ),
        equipment=(),
        evidence=(
            "schwane-1987",
            "bandura-1977",
        ),
        evidence_note=(
            "It keeps the first doses very small, as the authors of a treadmill training study "
            "advise (Schwane et al. 1987), and builds on successes you achieve yourself, one of "
            "the four sources of self-efficacy (Bandura 1977)."
        ),
        cadence_cue="While running, stay at or a little above your flat baseline.",
    ),
    Drill(
        id="gentle-repeats",
        name="Gentle-slope repeats",
        chapter="exposure",
        level="beginner",
        kind="repeats",
        purpose=(
            "Run short repeats on a gentle slope so your legs adapt to downhill "
            "loading and each repeat adds a small, controlled success."
        ),
        grade_min_pct=3.0,
        grade_max_pct=8.0,
        surface="Smooth path, road or compact gravel",
        space="An 80–150 m (260–490 ft) stretch of 3–8 % descent",
        dose=Dose(
            work="4–6 × 80–150 m (260–490 ft), about 5–10 min of downhill running in all",
            rest="Walk back up, 2–3 min",
            sessions_per_week="1–2",
        ),
        setup=(
            (
                f"Use the lowest rung of your ladder you rate {GOOD_CONFIDENCE} "
                f"({CONFIDENCE_WORDS[GOOD_CONFIDENCE]}) on the confidence scale."
            ),
        ),
        cues=(
            "Run each repeat at easy effort with one technique focus.",
            "End the session while every repeat still feels controlled.",
            "Add one repeat a week only if soreness 2 days later was no more than mild.",
            "After 2–3 calm sessions, move up one rung.",
        ),
        faults=(
            Fault(
                fault="Doing too many repeats in the first session.",
                fix="Start with 4; the first sessions should feel almost too easy.",
            ),
            Fault(
                fault="Speeding up with each repeat.",
                fix="Keep the same easy effort; the goal is control, not time.",
            ),
            Fault(
                fault="Staying on the same slope for months.",
                fix=(
                    f"Once a rung rates {CONFIDENCE_RANGE[1]} "
                    f"({CONFIDENCE_WORDS[CONFIDENCE_RANGE[1]]}), move to the next one."
                ),
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "walk–run descents."
            ),
            (
                "Stop the set if you are braking hard on most steps; walk back up and "
                "use a gentler rung."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
            "Stop the session when your legs feel heavy and landings get loud.",
        ),
        regression=(
            "walk-run-descents",
            "slope-ladder",
        ),
        progression=(
            "add-a-steeper-section",
            "moderate-hill-repeats",
        ),
        equipment=(),
        evidence=(
            "schwane-1987",
            "byrnes-1985",
            "bontemps-2020",
            "bandura-1977",
        ),
        evidence_note=(
            "In a treadmill training study, 5–15 min a day at −10 % for 1–2 weeks reduced "
            "soreness after a later downhill run, though the blood marker of muscle damage did "
            "not change, while uphill training did not help (Schwane et al. 1987); one earlier "
            "bout protected for up to 6 weeks (Byrnes et al. 1985), and runners least used to "
            "descents suffered the most damage (Bontemps et al. 2020). They measured soreness "
            "and damage on treadmills, not outdoor repeats; the confidence side rests on "
            "Bandura's theory (Bandura 1977)."
        ),
        cadence_cue="At or slightly above your flat baseline, up to about 5 % above.",
    ),
    Drill(
        id="add-a-steeper-section",
        name="Familiar descent, steeper finish",
        chapter="exposure",
        level="intermediate",
        kind="route",
        purpose=(
            "Extend a descent you already run calmly into a short section one rung "
            "steeper, so you meet new ground already relaxed and in rhythm."
        ),
        grade_min_pct=6.0,
        grade_max_pct=15.0,
        surface="Path or trail with good footing",
        space=(
            "A 100–200 m (330–660 ft) descent whose last 20–50 m (65–165 ft) is one "
            "rung steeper, up to 15 %"
        ),
        dose=Dose(
            work="4–5 runs: the familiar part first, then the steeper section",
            rest="Walk back up, about 3 min",
            sessions_per_week="1–2",
        ),
        cues=(
            "Run the familiar part first so you arrive calm and in rhythm.",
            "Keep the steeper section short at first: 20–30 m (65–100 ft) is enough.",
            "Shorten your steps before the slope changes, not after.",
            (
                "Walk the steep section on the first run if your confidence there is "
                f"{LOW_CONFIDENCE} out of {CONFIDENCE_RANGE[1]} or lower."
            ),
            "Lengthen the steeper section only after two sessions that felt controlled.",
        ),
        faults=(
            Fault(
                fault="Arriving at the steeper part too fast.",
                fix="Run the familiar part slowly enough that you could stop within a few steps.",
            ),
            Fault(
                fault="Bracing and leaning back as the slope tips away.",
                fix=(
                    "Stay tall with your hips over your feet, let your knees bend a little "
                    "more to lower your centre of mass, and switch to short, quick steps."
                ),
            ),
            Fault(
                fault="Jumping two rungs at once.",
                fix=(
                    "Choose a section only slightly steeper; your confidence should drop by "
                    "no more than a point."
                ),
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "gentle-slope repeats."
            ),
            (
                "Stop the set if you are braking hard on most steps of the steep part; "
                "walk it and go back to the previous rung next time."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
            "Skip the steeper section if soreness from your last downhill session has not faded.",
        ),
        regression=(
            "gentle-repeats",
            "cadence-through-grade-change",
        ),
        progression=("steep-short-segments",),
        equipment=(),
        evidence=(
            "schwane-1987",
            "byrnes-1985",
            "bontemps-2020",
            "bandura-1977",
        ),
        evidence_note=(
            "The small steps follow a treadmill training study whose authors advise small "
            "increments over more than 2 weeks (Schwane et al. 1987), one bout's protection "
            "lasting up to 6 weeks (Byrnes et al. 1985), and a review that found runners least "
            "used to descents suffered the most muscle damage (Bontemps et al. 2020). Meeting "
            "new ground already relaxed draws on Bandura's theory (Bandura 1977); none of these "
            "tested a steeper finish."
        ),
        cadence_cue=(
            "Hold about 5 % above your flat baseline into the steeper section: shorter "
            "steps, same beat."
        ),
    ),
    Drill(
        id="steep-short-segments",
        name="Short steep segments",
        chapter="exposure",
        level="advanced",
        kind="repeats",
        purpose=(
            "Run short pieces of steep descent with a safe run-out, so you meet steep "
            "ground in doses small enough to keep full control."
        ),
        grade_min_pct=15.0,
        grade_max_pct=25.0,
        surface="Trail or gravel with firm, predictable footing and a safe run-out",
        space="20–50 m (65–165 ft) of 15–25 % descent with flat or gentle ground below",
        dose=Dose(
            work="4–6 × 20–40 m (65–130 ft)",
            rest="Walk back up, 2–3 min",
            sessions_per_week="1",
        ),
        setup=(
            "Choose a segment with a safe run-out at the bottom.",
            "Walk it once first and pick your line.",
        ),
        cues=(
            "Take very short, quick steps with the hips over the feet.",
            "Keep the arms slightly wide for balance.",
            "Add 5–10 m (15–35 ft) only after a session that felt controlled.",
        ),
        faults=(
            Fault(
                fault="Sitting back and skidding on the heels.",
                fix=(
                    "Bend your knees a little more so your hips come back over your feet, "
                    "not by pitching forward, and shorten the steps; if you still skid, go "
                    "back to a gentler rung."
                ),
            ),
            Fault(
                fault="Making the segments long too soon.",
                fix="Keep each repeat short; length comes after several calm sessions.",
            ),
            Fault(
                fault="Doing them on tired legs at the end of a long run.",
                fix="Put them early in a session, after a warm-up, while your legs are fresh.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "the slightly steeper section you already know."
            ),
            "Stop the set if you are braking hard or skidding on most steps; walk down.",
            "Stop and walk if your speed starts to run away from you or you stumble.",
            (
                "Skip the session if soreness from your last steep session has not "
                "faded; repeat the previous rung instead."
            ),
        ),
        regression=(
            "add-a-steeper-section",
            "plus-ten-steeper",
            "eccentric-split-squat",
        ),
        progression=("technical-descent-rehearsal",),
        equipment=("Trail shoes with grip suited to the surface",),
        evidence=(
            "khassetarash-2021",
            "tallis-2024",
            "byrnes-1985",
            "bontemps-2020",
        ),
        evidence_note=(
            "Two small lab studies found a repeated-bout effect with steep treadmill running, at "
            "−20 % (Khassetarash et al. 2021, 10 runners) and −15 % (Tallis et al. 2024, 10 "
            "runners, three 5-min downhill bouts, perceived soreness only), after the classic "
            "result that one bout protects for up to 6 weeks (Byrnes et al. 1985); a review "
            "found runners least used to descents suffered the most muscle damage (Bontemps et "
            "al. 2020). None tested short outdoor segments or confidence."
        ),
        cadence_cue="About 5–10 % above your flat baseline, with very short steps.",
    ),
    Drill(
        id="technical-descent-rehearsal",
        name="Technical descent rehearsal",
        chapter="exposure",
        level="advanced",
        kind="route",
        purpose=(
            "Rehearse one short technical section, walking it first and then running "
            "it at rising but controlled speed, until it feels familiar."
        ),
        grade_min_pct=15.0,
        grade_max_pct=35.0,
        surface="Technical trail with rocks, roots, steps or loose patches and no drop-offs",
        space="A 50–150 m (165–490 ft) section of 15–35 % descent",
        dose=Dose(
            work="Walk it once, then 3–4 runs",
            rest="Walk back up, 3–5 min",
            sessions_per_week="1, every 1–2 weeks",
        ),
        cues=(
            "Walk the section first and pick a line through each hard spot.",
            "Run the first attempt barely faster than a walk.",
            "Build speed only after a run that felt controlled.",
            (
                f"Walk any move you rate {LOW_CONFIDENCE} out of {CONFIDENCE_RANGE[1]} or "
                "lower on the confidence scale, and try it again next time."
            ),
            "Finish with one calm run of your best line.",
        ),
        faults=(
            Fault(
                fault="Changing line at the last moment.",
                fix="Stick to the line you walked; if it feels wrong, stop and walk that part.",
            ),
            Fault(
                fault="Speed building through the section.",
                fix="Cap your speed at one you could stop from within 2–3 steps.",
            ),
            Fault(
                fault="Rehearsing on tired legs.",
                fix="Keep it to 3–4 runs, early in the session.",
            ),
        ),
        stop_rules=(
            "Stop the rehearsal if you slip, trip or catch a foot twice in one run; walk out.",
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "short steep segments on smoother ground."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
        ),
        regression=(
            "steep-short-segments",
            "switchback-turns",
            "eyes-ahead",
        ),
        progression=(),
        equipment=(
            "Trail shoes with grip suited to the surface",
            "Poles (optional)",
        ),
        evidence=("bandura-1977",),
        evidence_note=(
            "Repeated success on ground that feels threatening but is relatively safe is how "
            "Bandura's theory says a sense of mastery grows (Bandura 1977)."
        ),
        cadence_cue=(
            "Short, quick steps at or above your flat baseline; slow the speed, not the rhythm."
        ),
    ),
)
