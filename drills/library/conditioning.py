"""Conditioning drills: eccentric strength, balance, mobility, core and landing control.

Most are done indoors or on the flat (grade 0); the moderate downhill repeats are the one
drill done on a slope.
"""

from __future__ import annotations

from drills.conditioning_rules import HILL_REPEAT_RPE, LOWERING_S
from drills.model import Dose, Drill, Fault
from drills.rule_text import HEAVY_SPACING, HILL_REPEAT_EFFORT, PLYOMETRIC_ENTRY
from drills.words import in_words

_COUNT = in_words(LOWERING_S)  # the one lowering tempo (drills.conditioning_rules)

DRILLS: tuple[Drill, ...] = (
    Drill(
        id="slow-step-downs",
        name="Slow step-downs",
        chapter="conditioning",
        level="beginner",
        kind="strength",
        purpose=(
            "Build the quads' ability to lower your body weight slowly and under control, the "
            "same braking work they do on every downhill step."
        ),
        grade_min_pct=0.0,
        grade_max_pct=0.0,
        surface="Gym, living room or a bottom stair; done on the flat, indoors or out",
        space="One sturdy step or box 15–20 cm (6–8 in) high, beside a wall or handrail",
        dose=Dose(
            work=f"2 sets × 6 slow reps per leg, {LOWERING_S} s down; build to 3 sets × 8",
            rest="60–90 s",
            sessions_per_week="2",
        ),
        cues=(
            "Stand on the step on one leg and let the other foot hang off the edge.",
            f"Lower the free heel towards the floor for a slow count of {_COUNT}.",
            "Keep the standing knee in line with your second toe.",
            "Touch the floor lightly with the heel; do not rest on it.",
            "Push back up through the whole standing foot.",
            "Keep your hips level and your chest tall.",
        ),
        faults=(
            Fault(
                fault="The standing knee drifts inward as you lower.",
                fix=(
                    "Use a lower step and think of pointing the knee over the little-toe side "
                    "of the foot."
                ),
            ),
            Fault(
                fault="The lowering speeds up over the last few centimetres.",
                fix=(
                    "Count out loud and use a lower step until the end of the movement is as "
                    "slow as the start."
                ),
            ),
            Fault(
                fault="The hip on the free-leg side drops.",
                fix=(
                    "Squeeze the buttock of the standing leg and hold the rail lightly until "
                    "you can keep the pelvis level."
                ),
            ),
        ),
        stop_rules=(
            "End the exercise if any pain builds from rep to rep.",
            "Stop the set if the standing knee collapses inward and you cannot correct it.",
            "End the set when you can no longer keep the slow lowering speed.",
            "Stop if you have to grab the rail to catch yourself on more than one rep.",
        ),
        regression=(),
        progression=("eccentric-split-squat",),
        equipment=(
            "a sturdy step, box or bottom stair",
            "a wall or handrail for light support",
        ),
        evidence=(
            "mchugh-1999",
            "chen-2010",
        ),
        evidence_note=(
            "A review describes how muscle adapts after eccentric work, so that a later bout "
            "does less damage (McHugh et al. 1999), and in arm muscles, not legs, four light "
            "eccentric bouts protected as well as one maximal bout (Chen et al. 2010)."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="eccentric-split-squat",
        name="Slow-lowering split squat",
        chapter="conditioning",
        level="intermediate",
        kind="heavy lowering",
        purpose=(
            "Load each leg through a deeper, slower lowering than a step-down, building "
            "braking strength in the quads, glutes and hamstrings for longer or steeper "
            "descents."
        ),
        grade_min_pct=0.0,
        grade_max_pct=0.0,
        surface="Gym, living room or garage floor; done on the flat",
        space="About 2 m (6.5 ft) of clear floor in a line, with a wall or chair within reach",
        dose=Dose(
            work=f"3 sets × 6–8 reps per leg, {LOWERING_S} s down and 1 s up",
            rest="90 s",
            sessions_per_week="2",
        ),
        cues=(
            "Take a long split stance with the back heel lifted.",
            (
                f"Lower for a slow count of {_COUNT} until the back knee hovers just above the "
                "floor."
            ),
            "Keep your weight over the middle of the front foot.",
            "Keep the front knee pointing over the toes.",
            "Stand up briskly, then start the next slow lowering.",
        ),
        faults=(
            Fault(
                fault="Dropping through the last part of the lowering.",
                fix="Work only to the depth you can control and add depth over the weeks.",
            ),
            Fault(
                fault="Tipping far forward so the front heel lifts.",
                fix="Lengthen the stance slightly and keep your chest tall over your hips.",
            ),
            Fault(
                fault="The front knee wobbles in and out.",
                fix=(
                    "Slow the tempo, drop any added weight and press the big toe and heel into "
                    "the floor together."
                ),
            ),
        ),
        stop_rules=(
            "End the exercise if any pain builds from rep to rep.",
            "Stop the set if the front knee collapses inward.",
            f"End the set when you can no longer hold the {_COUNT}-second lowering.",
            "If your thighs are still sore two days later, cut a set next time.",
        ),
        regression=("slow-step-downs",),
        progression=("moderate-hill-repeats", "drop-landings"),
        equipment=(
            "optional dumbbells or a backpack with books for extra load",
            "a wall or chair for balance",
        ),
        evidence=(
            "mchugh-1999",
            "chen-2010",
        ),
        evidence_note=(
            "After one bout of eccentric exercise a similar later bout does less damage "
            "(reviewed by McHugh et al. 1999), and arm-muscle studies suggest submaximal "
            "eccentric work is enough to start that (Chen et al. 2010)."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="single-leg-balance-reach",
        name="Single-leg balance reach",
        chapter="conditioning",
        level="beginner",
        kind="strength",
        purpose=(
            "Train your ankle, knee and hip to keep you steady on one leg while your body "
            "moves over it, as it does on every downhill landing."
        ),
        grade_min_pct=0.0,
        grade_max_pct=0.0,
        surface="Gym, living room or a flat patch of lawn; done on the flat",
        space="About 2 × 2 m (6.5 × 6.5 ft) of clear floor",
        dose=Dose(
            work="2 sets × 5 reaches in each of 3 directions (front, side, back) per leg",
            rest="30–60 s",
            sessions_per_week="2–3",
        ),
        cues=(
            "Stand on one foot with the knee slightly bent.",
            "Reach the free foot forward, then to the side, then behind, and tap lightly.",
            "Keep the standing knee over the middle toes.",
            "Keep your hips level and your trunk quiet.",
            "Come back to a tall stance between reaches.",
        ),
        faults=(
            Fault(
                fault="The standing foot rolls in and the arch flattens.",
                fix=(
                    "Spread the toes and keep weight on the big-toe joint, the little-toe "
                    "joint and the heel."
                ),
            ),
            Fault(
                fault="Reaching so far that the trunk twists or the knee caves in.",
                fix=(
                    "Shorten the reach to a distance you control, then add a few centimetres a "
                    "week."
                ),
            ),
            Fault(
                fault="Holding your breath on each reach.",
                fix="Breathe out as you reach and in as you come back.",
            ),
        ),
        stop_rules=(
            "End the exercise if any pain builds from rep to rep.",
            "Stop the set if the standing knee collapses inward.",
            (
                "Stop the set if you have to put the free foot down to catch yourself more "
                "than twice."
            ),
        ),
        regression=("ankle-hip-mobility",),
        progression=("eyes-closed-balance",),
        equipment=("optional: three markers such as shoes or strips of tape",),
        evidence=(),
        evidence_note=(
            "Every downhill landing is a single-leg landing; the drill trains that position "
            "where a wobble costs nothing."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="eyes-closed-balance",
        name="Eyes-closed and unstable-surface balance",
        chapter="conditioning",
        level="intermediate",
        kind="strength",
        purpose=(
            "Make your balance less dependent on your eyes: stand on one leg, first with your "
            "eyes shut, then on a cushion or folded mat, so your feet and ankles learn to settle "
            "wobbles on their own."
        ),
        grade_min_pct=0.0,
        grade_max_pct=0.0,
        surface=(
            "Gym or living room, beside a wall or counter; a folded towel, firm cushion or "
            "balance pad for the unstable version"
        ),
        space="About 1 × 1 m (3 × 3 ft) of floor within arm's reach of a wall or counter",
        dose=Dose(
            work=(
                "3 holds × 20–30 s per leg with eyes closed on the floor, then 3 × 20–30 s "
                "with eyes open on the cushion"
            ),
            rest="30 s",
            sessions_per_week="2–3",
        ),
        cues=(
            "Stand within arm's reach of a wall or counter.",
            "Find your balance with eyes open, then close them.",
            "Keep the knee slightly bent and let the ankle make the small corrections.",
            "Breathe slowly all through the hold.",
            "Try eyes closed on the cushion only once 30 s on the floor feels steady.",
        ),
        faults=(
            Fault(
                fault="Locking the standing knee straight.",
                fix="Unlock it slightly so the ankle and hip can share the corrections.",
            ),
            Fault(
                fault="Grabbing the wall at the first wobble.",
                fix=(
                    "Let the ankle work through small wobbles; touch the wall only when you "
                    "would otherwise step down."
                ),
            ),
            Fault(
                fault="Tensing the shoulders and holding the breath.",
                fix="Drop the shoulders and breathe out slowly through the mouth.",
            ),
        ),
        stop_rules=(
            "Open your eyes and hold the support as soon as you lose your balance.",
            "End the exercise if any pain builds from rep to rep.",
            "End the hold if the standing knee collapses inward.",
            "Never do the eyes-closed version in open space, on a step or near sharp edges.",
        ),
        regression=("single-leg-balance-reach",),
        progression=("root-stepping", "drop-landings"),
        equipment=(
            "a folded towel, firm cushion or balance pad",
            "a wall, counter or sturdy chair within reach",
        ),
        evidence=(),
        evidence_note=(
            "Closing your eyes takes away the easiest source of balance information, so your "
            "feet and ankles have to do more of the work."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="ankle-hip-mobility",
        name="Ankle and hip mobility flow",
        chapter="conditioning",
        level="beginner",
        kind="strength",
        purpose=(
            "Keep enough range in your ankles and hips to put each foot where you choose on "
            "uneven ground, rather than where stiffness lets it go."
        ),
        grade_min_pct=0.0,
        grade_max_pct=0.0,
        surface="Gym, living room or any flat floor next to a wall",
        space="About 2 × 1 m (6.5 × 3 ft) of floor next to a wall",
        dose=Dose(
            work=(
                "1–2 rounds: 10 knee-to-wall rocks per ankle, 8 slow hip circles per side, 6 "
                "lunges with a reach and turn per side"
            ),
            rest="none needed; move straight from one exercise to the next",
            sessions_per_week="3–5",
        ),
        cues=(
            "Rock the knee towards the wall over the second toe with the heel flat.",
            "Move slowly and stop short of pain.",
            "Stand tall and draw big, slow circles with one knee from the hip.",
            "In the lunge, reach one arm up and turn your chest gently towards the front leg.",
            "Breathe out as you ease into each end position.",
        ),
        faults=(
            Fault(
                fault="The heel lifts during the knee-to-wall rock.",
                fix=(
                    "Move the foot closer to the wall until the heel stays down, then inch it "
                    "back over the weeks."
                ),
            ),
            Fault(
                fault="Rushing through the hip circles.",
                fix="Take a slow count of three for each circle so you use the whole range.",
            ),
            Fault(
                fault="Arching the lower back in the lunge instead of opening the hip.",
                fix="Tuck the pelvis slightly and squeeze the buttock of the back leg.",
            ),
        ),
        stop_rules=(
            "Stop any movement that pinches or hurts.",
            "Do not bounce or force the end of the range.",
            "Stop the rock if the knee caves inward instead of tracking over the toes.",
        ),
        regression=(),
        progression=("single-leg-balance-reach",),
        equipment=("a wall",),
        evidence=(),
        evidence_note=(
            "A stiff ankle limits how far the knee can travel over the foot as you land, and "
            "stiff hips limit where you can put your feet."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="anti-rotation-plank",
        name="Planks and anti-rotation holds",
        chapter="conditioning",
        level="beginner",
        kind="strength",
        purpose=(
            "Strengthen your trunk to stay steady and resist twisting, so your upper body "
            "stays stacked over your feet when the slope or the footing changes suddenly."
        ),
        grade_min_pct=0.0,
        grade_max_pct=0.0,
        surface="Gym, living room or garden, on a mat; done on the flat",
        space=(
            "A mat-sized space, about 2 × 1 m (6.5 × 3 ft), plus a door frame or post to "
            "anchor a band"
        ),
        dose=Dose(
            work=(
                "2–3 rounds: 20–30 s front plank, 15–20 s side plank per side, 8 slow band "
                "presses per side"
            ),
            rest="45–60 s between rounds",
            sessions_per_week="2–3",
        ),
        cues=(
            "Hold a straight line from head to heels in the plank.",
            "Brace as if someone is about to nudge you, and keep breathing.",
            "In the side plank, stack the hips and push the floor away.",
            ("Stand side-on to the band anchor and press your hands straight out from your chest."),
            "Hold the press for two seconds without letting the band turn you.",
            "Once the press is steady, add slow half-turns, arms moving with the chest.",
        ),
        faults=(
            Fault(
                fault="The hips sag or pike up in the plank.",
                fix=(
                    "Squeeze the buttocks and shorten the hold to the time you can keep a "
                    "straight line."
                ),
            ),
            Fault(
                fault="The torso turns towards the anchor during the press.",
                fix=("Step closer to the anchor or use a lighter band until you can stay square."),
            ),
            Fault(
                fault="Holding your breath to stay rigid.",
                fix=(
                    "Keep the brace while breathing in through the nose and out through the mouth."
                ),
            ),
        ),
        stop_rules=(
            "Stop if your lower back, neck or shoulders hurt.",
            "End each hold when your form breaks, not when the timer runs out.",
            "Check the band anchor before each set and stop if it slips.",
        ),
        regression=(),
        progression=("eyes-closed-balance",),
        equipment=("an exercise mat", "a light resistance band with a door anchor or post"),
        evidence=(),
        evidence_note=(
            "A steady trunk keeps your chest over your feet when a landing pushes you sideways; "
            "the exercises are standard strength work."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="moderate-hill-repeats",
        name="Moderate downhill repeats",
        chapter="conditioning",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Give your legs short, repeated doses of moderate downhill running so the muscles "
            "adapt to the braking work and suffer less damage on later, longer descents."
        ),
        grade_min_pct=4.0,
        grade_max_pct=8.0,
        surface="Smooth path, fire road or quiet paved road with a steady gradient",
        space=(
            "A 100–200 m (330–650 ft) stretch at 4–8 %, with a clear, flat runout at the bottom"
        ),
        dose=Dose(
            work=(
                f"4 × 60–90 s downhill at a moderate effort (RPE {HILL_REPEAT_RPE[0]}–"
                f"{HILL_REPEAT_RPE[1]} out of 10); add 1 repeat a week, up to 8"
            ),
            rest="walk back up (about 2–3 min)",
            sessions_per_week="1",
        ),
        cues=(
            f"Run relaxed, at {HILL_REPEAT_EFFORT}.",
            "Keep your steps short and land under your hips.",
            "Let the slope carry you; do not brake on every step.",
            "Walk back up easily; the downhill is the workout.",
            "Finish the session while your form is still good.",
        ),
        faults=(
            Fault(
                fault="Turning the repeats into a race.",
                fix=(
                    f"Cap the effort at {HILL_REPEAT_RPE[1]} out of 10; the aim is the downhill "
                    "dose, not speed."
                ),
            ),
            Fault(
                fault="Heavy heel landings well in front of the body.",
                fix=(
                    "Shorten the step and raise your cadence slightly so the foot lands closer "
                    "under you."
                ),
            ),
            Fault(
                fault="Doing too many repeats in the first sessions.",
                fix=(
                    "Start with four even if you feel fresh; downhill soreness often shows up "
                    "a day or two later."
                ),
            ),
        ),
        stop_rules=(
            "End the exercise if any pain builds from rep to rep.",
            "Stop the repeat and walk if a knee collapses inward.",
            "Stop the repeat if you catch yourself braking hard or leaning back on every step.",
            "Walk the rest of the slope if you feel you could not stop within a few steps.",
            "Skip the session if your thighs are still sore from the last one.",
        ),
        regression=("gentle-repeats", "slow-step-downs"),
        progression=("steep-short-segments",),
        equipment=("a watch or phone with a timer", "optional metronome app"),
        evidence=(
            "schwane-1987",
            "byrnes-1985",
            "bontemps-2020",
            "mchugh-1999",
        ),
        evidence_note=(
            "Short, repeated doses of downhill running reduced soreness after a later downhill "
            "run in a treadmill study, though the blood marker of damage did not change (Schwane "
            "et al. 1987: 5–15 min a day at −10 % for 1–2 weeks); one bout protected for up to 6 "
            "weeks (Byrnes et al. 1985); a review found prior downhill running the best "
            "protection against muscle damage (Bontemps et al. 2020), and another describes how "
            "muscle adapts (McHugh et al. 1999). These used treadmill descents of 10 % or "
            "steeper; the gentler 4–8 % outdoor repeats here are a cautious choice."
        ),
        cadence_cue="About 5 % above your flat baseline",
    ),
    Drill(
        id="drop-landings",
        name="Drop landings",
        chapter="conditioning",
        level="advanced",
        kind="plyometric",
        purpose=(
            "Teach your legs to absorb a sudden landing quickly and quietly, for the drops and "
            "big step-downs of technical descents, once you already have a solid strength base."
        ),
        grade_min_pct=0.0,
        grade_max_pct=0.0,
        surface="Gym or any firm, non-slip floor; done on the flat, never on a slope",
        space=(
            "A stable box or step 20–30 cm (8–12 in) high with about 2 m (6.5 ft) of clear "
            "floor in front"
        ),
        dose=Dose(
            work=(
                "3 sets × 5 landings on both feet; after 4–6 weeks of clean landings, 2 sets × "
                "4 per leg"
            ),
            rest="90 s–2 min",
            sessions_per_week="1–2",
        ),
        cues=(
            "Step off the box; do not jump up first.",
            "Land on both feet at once, quietly, with the hips going back.",
            "Let ankles, knees and hips bend together to soak up the landing.",
            "Keep the knees pointing over the toes.",
            "Freeze in the landing position for two seconds before the next rep.",
        ),
        faults=(
            Fault(
                fault="A loud, stiff landing with nearly straight knees.",
                fix=(
                    "Use a lower box and aim to land so softly that nobody in the next room "
                    "would hear you."
                ),
            ),
            Fault(
                fault="The knees cave in on landing.",
                fix=(
                    "Go back to a lower box and two-footed landings, and think of pushing the "
                    "knees out over the little toes."
                ),
            ),
            Fault(
                fault="Adding height or reps before the landings are clean.",
                fix="Raise the box only when every rep of a session lands quiet and square.",
            ),
        ),
        stop_rules=(
            PLYOMETRIC_ENTRY,
            HEAVY_SPACING,
            "Stop if your knee, shin, ankle or foot hurts.",
            ("Stop the set as soon as a knee collapses inward or a landing feels out of control."),
        ),
        regression=("eccentric-split-squat", "eyes-closed-balance"),
        progression=(),
        equipment=("a stable box or step 20–30 cm (8–12 in) high",),
        evidence=(),
        evidence_note=("Treat it as an optional extra once your strength base is solid."),
        cadence_cue=None,
    ),
)
