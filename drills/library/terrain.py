"""Footwear and terrain drills: reading and handling the surfaces you meet on descents.

Footwear appears only where the evidence allows: no drill claims that lug depth, rocker
or a particular shoe prevents falls.
"""

from __future__ import annotations

from drills.model import Dose, Drill, Fault

DRILLS: tuple[Drill, ...] = (
    Drill(
        id="gravel-short-steps",
        name="Short steps on gravel",
        chapter="terrain",
        level="beginner",
        kind="repeats",
        purpose=(
            "Stay upright on loose gravel by shortening your steps and landing under your "
            "body, so each foot has less chance to skid."
        ),
        grade_min_pct=3.0,
        grade_max_pct=8.0,
        surface="Gravel path or fire road with a firm base and a loose top layer",
        space="A 60–100 m (200–330 ft) stretch at 3–8 %, with a smooth runout at the bottom",
        dose=Dose(
            work="4–6 × 60–100 m (200–330 ft) at easy effort",
            rest="walk back up (about 90 s)",
            sessions_per_week="1–2",
        ),
        cues=(
            "Shorten your steps before you reach the gravel, not on it.",
            "Land with the foot under your hips, not out in front.",
            "Let each foot meet the ground quietly.",
            "Keep your weight over your feet; do not sit back.",
            "Look for packed lines where feet and wheels have pressed the gravel down.",
        ),
        faults=(
            Fault(
                fault="Long, reaching steps that skid on landing.",
                fix=("Cut your step length and quicken your feet slightly; think quick and light."),
            ),
            Fault(
                fault="Leaning back and digging the heels in to slow down.",
                fix=(
                    "Bring your chest slightly forward so the feet land under you, and slow "
                    "down by shortening your steps instead."
                ),
            ),
            Fault(
                fault="Stiff ankles that cannot adjust when a stone rolls.",
                fix="Relax the lower legs and let the ankle give a little on each landing.",
            ),
        ),
        stop_rules=(
            (
                "Walk the rest of the repeat if your feet slide more than once or you feel you "
                "could not stop within a few steps."
            ),
            "Stop the repeat if you catch yourself braking hard or leaning back on every step.",
            "Stop and walk if a knee collapses inward or twists on landing.",
        ),
        regression=("plus-five-easy-decline",),
        progression=("pine-needle-descents", "mud-wide-base"),
        equipment=("the trail or road shoes you already run in", "optional metronome app"),
        evidence=("heiderscheit-2011",),
        evidence_note=(
            "On level ground, a higher step rate shortened 45 runners' steps and reduced their "
            "braking impulse (Heiderscheit et al. 2011); grip on gravel was not measured."
        ),
        cadence_cue="About 5 % above your flat baseline",
    ),
    Drill(
        id="pine-needle-descents",
        name="Pine needles and leaf litter",
        chapter="terrain",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Run down slopes carpeted in pine needles or fallen leaves with light, short "
            "steps, treating the surface as slippery and as hiding roots and rocks."
        ),
        grade_min_pct=4.0,
        grade_max_pct=10.0,
        surface="Forest trail covered in pine needles or leaf litter",
        space="An 80–150 m (260–500 ft) stretch at 4–10 % that you have walked first",
        dose=Dose(
            work="4–6 × 80–150 m (260–500 ft) at easy effort",
            rest="walk back up (about 2 min)",
            sessions_per_week="1",
        ),
        cues=(
            "Walk the stretch first and note where roots and rocks hide.",
            "Land softly with a flat foot under your hips, not heel first.",
            "Keep your steps short and even.",
            "Scan a few steps ahead for bumps under the litter.",
            "Slow down before bends and dips, where the litter lies deepest.",
        ),
        faults=(
            Fault(
                fault="Trusting the soft surface and lengthening your stride.",
                fix=(
                    "Treat it like a loose rug on a smooth floor and keep the same short steps "
                    "you would use on gravel."
                ),
            ),
            Fault(
                fault="Catching a toe on a hidden root.",
                fix=(
                    "Lift the feet slightly more and scan ahead; walk any stretch where the "
                    "ground is completely hidden."
                ),
            ),
            Fault(
                fault="Heel strikes that slide on the top layer.",
                fix=(
                    "Land with a flatter foot, closer under your body, so more of the sole grips."
                ),
            ),
        ),
        stop_rules=(
            "Walk the rest of the section if you feel you could not stop within a few steps.",
            "Stop the repeat if you catch yourself braking hard or leaning back on every step.",
            "Walk any section after rain where the litter lies over wet rock or roots.",
        ),
        regression=("gravel-short-steps",),
        progression=("root-stepping",),
        equipment=("the trail shoes you already run in",),
        evidence=(),
        evidence_note=(
            "Treating litter as slippery and as hiding roots and rocks is coaching experience."
        ),
        cadence_cue="About 5 % above your flat baseline",
    ),
    Drill(
        id="mud-wide-base",
        name="Mud: wider base, flatter feet",
        chapter="terrain",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Keep your balance on muddy descents by widening your stance a little, landing "
            "flat-footed and keeping steps short, so a slide stays a slide and not a fall."
        ),
        grade_min_pct=4.0,
        grade_max_pct=12.0,
        surface="Muddy trail or grass slope that is firm underneath, not deep bog",
        space=(
            "A 50–100 m (165–330 ft) stretch at 4–12 %, clear of rocks and drop-offs at the sides"
        ),
        dose=Dose(
            work="4–6 × 50–100 m (165–330 ft) at easy effort",
            rest="walk back up (about 90 s)",
            sessions_per_week="1",
        ),
        cues=(
            "Set your feet a little wider than on dry ground, about hip width.",
            "Land with a flat foot under your body.",
            "Keep your knees soft and your arms slightly away from your sides.",
            "Keep your steps short and your weight centred over your feet.",
            "Choose the firmest line, even when it is not the straightest.",
        ),
        faults=(
            Fault(
                fault="Heel-first landings that shoot forward.",
                fix=(
                    "Land flatter and closer under you, shortening the step until the foot "
                    "stays where you put it."
                ),
            ),
            Fault(
                fault="Stiffening the legs when a foot slides.",
                fix=(
                    "Keep the knees bent so the slide stays small, let it finish, then take "
                    "the next step."
                ),
            ),
            Fault(
                fault="Feet so wide that you waddle and lose your rhythm.",
                fix=(
                    "Go only a few centimetres wider than your normal track; hip width is enough."
                ),
            ),
        ),
        stop_rules=(
            "Stop and walk if a knee collapses inward or twists on landing.",
            "Walk the rest of the section if you feel you could not stop within a few steps.",
            "Turn back if the mud is deep enough to grip and twist your shoes.",
        ),
        regression=("gravel-short-steps",),
        progression=("wet-rock-test-steps",),
        equipment=("the trail shoes you already run in", "a change of socks"),
        evidence=(),
        evidence_note=(
            "Deeper lugs are often sold as the answer to mud; we found only blogs and product "
            "pages behind that claim."
        ),
        cadence_cue="5–10 % above your flat baseline, with short steps",
    ),
    Drill(
        id="wet-rock-test-steps",
        name="Wet rock: test, then commit",
        chapter="terrain",
        level="advanced",
        kind="route",
        purpose=(
            "Cross wet rock with control by loading each new foothold lightly first and "
            "committing your weight only once it holds."
        ),
        grade_min_pct=5.0,
        grade_max_pct=15.0,
        surface="Trail with patches of wet rock slabs or stones, with dirt before and after",
        space=(
            "A 30–60 m (100–200 ft) section at 5–15 % with a safe runout and no drop-offs or "
            "water beside it"
        ),
        dose=Dose(
            work="4–6 passes through the section: walk the rock at first, jog only the dirt",
            rest="walk back up (about 1–2 min)",
            sessions_per_week="1",
        ),
        cues=(
            "Slow down before the rock, not on it.",
            "Aim for the flattest, roughest-looking part of each rock.",
            "Press lightly first; commit your weight only when the foot holds.",
            "Avoid smooth, dark, mossy or steeply tilted surfaces.",
            "Keep your hips over the foot and your knees soft.",
            "Use your hands on the rock on the steepest bits.",
        ),
        faults=(
            Fault(
                fault="Putting full weight on the foot at first touch.",
                fix="Split each step into two beats: test, then load.",
            ),
            Fault(
                fault="Stepping on the edge or the sloping side of a rock.",
                fix="Aim for the flattest part, or step past the rock onto dirt.",
            ),
            Fault(
                fault="Rushing the wet section to get it over with.",
                fix=(
                    "Slow to a walk a few metres before the rock and speed up again only once "
                    "you are past it."
                ),
            ),
        ),
        stop_rules=(
            "Walk the whole section after one slip, and end the session after a second.",
            "Never practise where a slip could send you over an edge or into water.",
            (
                "Stop if you are braking hard or leaning back throughout; the grade is beyond "
                "you today."
            ),
        ),
        regression=("mud-wide-base",),
        progression=("mixed-surface-circuit",),
        equipment=("the trail shoes you already run in", "optional poles"),
        evidence=(),
        evidence_note=("Testing a foothold before trusting it is how coaches teach slippery rock."),
        cadence_cue=(
            "Slower is fine on the rock itself; return to about 5 % above your flat baseline "
            "once you are back on dirt"
        ),
    ),
    Drill(
        id="root-stepping",
        name="Stepping between roots",
        chapter="terrain",
        level="advanced",
        kind="route",
        purpose=(
            "Move through root-covered descents by placing your feet in the gaps between roots "
            "and stepping over them, rather than landing on a slick root at an angle."
        ),
        grade_min_pct=5.0,
        grade_max_pct=18.0,
        surface="Forest trail crossed by exposed roots",
        space="A 40–80 m (130–260 ft) root section at 5–18 % that you have walked first",
        dose=Dose(
            work="4–6 passes: walk the first two, then jog at an easy effort",
            rest="walk back up (about 1–2 min)",
            sessions_per_week="1",
        ),
        cues=(
            "Walk the section first and pick the gaps you will use.",
            "Step into the dirt between roots, not onto them.",
            "If you must step on a root, land with the whole foot square across it.",
            "Lift your feet a little higher than usual.",
            "Look two or three roots ahead, not at your feet.",
        ),
        faults=(
            Fault(
                fault="A toe catches a root and you trip.",
                fix="Lift the knees slightly and shorten the step so the foot clears the root.",
            ),
            Fault(
                fault="Landing on a root at an angle and sliding off it.",
                fix="Choose the gap beyond it, or land with the whole foot square across it.",
            ),
            Fault(
                fault="Looking only at the next step.",
                fix=(
                    "Lift your gaze two or three steps ahead so you plan a line instead of "
                    "reacting to each root."
                ),
            ),
        ),
        stop_rules=(
            "Walk the rest of the section if you feel you could not stop within a few steps.",
            "Stop and walk if a knee collapses inward or twists on landing.",
            "Walk the roots when they are wet until dry-weather passes feel easy.",
            "Stop the repeat if you catch yourself braking hard or leaning back on every step.",
        ),
        regression=("pine-needle-descents", "eyes-closed-balance"),
        progression=("mixed-surface-circuit",),
        equipment=("the trail shoes you already run in",),
        evidence=(),
        evidence_note=("Stepping between roots rather than on them is coaching experience."),
        cadence_cue="About 5–10 % above your flat baseline, with short steps that fit the gaps",
    ),
    Drill(
        id="poles-light-grip",
        name="Poles with a light grip",
        chapter="terrain",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Use trekking poles on steep descents as light extra points of contact for "
            "balance, without leaning on them so hard that you come to depend on them."
        ),
        grade_min_pct=8.0,
        grade_max_pct=30.0,
        surface="Steep trail or hillside path, from smooth to moderately rough",
        space=(
            "A 100–300 m (330–1,000 ft) descent at 8–30 %, walked first, then jogged where it "
            "is safe"
        ),
        dose=Dose(
            work=(
                "2–4 descents of 100–300 m (330–1,000 ft), walking at first, then adding easy "
                "jogging on the gentler parts"
            ),
            rest="walk back up (about 3–5 min)",
            sessions_per_week="1",
        ),
        cues=(
            "Hold the grips loosely; on technical ground keep your hands loose in the straps or out of them.",
            "Lengthen the poles by 5–10 cm (2–4 in) for long descents.",
            "Plant the tips just ahead and to the sides, not far out in front.",
            "Let the poles touch down for balance; keep your weight on your feet.",
            (
                "Every few minutes, take a few steps without planting to check you can balance "
                "without them."
            ),
        ),
        faults=(
            Fault(
                fault="Gripping hard and leaning your weight on the poles.",
                fix=(
                    "Relax your hands until the poles only just press on the ground; the legs "
                    "do the work."
                ),
            ),
            Fault(
                fault="Hands clamped in tight straps on rough ground.",
                fix=(
                    "Loosen the straps or take your hands out of them, so a pole that "
                    "catches pulls free instead of wrenching your wrist or shoulder, and your "
                    "hands are free to break a fall."
                ),
            ),
            Fault(
                fault="Planting far in front and vaulting down.",
                fix="Plant closer, about level with your front foot or just ahead of it.",
            ),
            Fault(
                fault="Poles out of rhythm, catching between the feet or on rocks.",
                fix=(
                    "Slow down and use a simple pattern, one pole with the opposite foot, "
                    "before speeding up."
                ),
            ),
        ),
        stop_rules=(
            "Walk the rest of the section if you feel you could not stop within a few steps.",
            "Stop the repeat if you catch yourself braking hard or leaning back on every step.",
            "Stow or carry the poles if a tip slips or catches more than once on a descent.",
            (
                "If you cannot take a few steps without the poles, practise those steps on "
                "easier ground before going steeper."
            ),
        ),
        regression=("walk-run-descents",),
        progression=("steep-short-segments",),
        equipment=("a pair of adjustable trekking or trail-running poles",),
        evidence=(
            "bohne-2007",
            "howatson-2011",
        ),
        evidence_note=(
            "Studies of walkers found that poles lowered joint loads on a descent (Bohne & "
            "Abendroth-Smith 2007) and brought less strength loss, soreness and CK rise after a "
            "hike (Howatson et al. 2011). They studied walking with poles, not running, and not "
            "the light grip taught here."
        ),
        cadence_cue=(
            "When jogging, about 5 % above your flat baseline; time the pole plants to your "
            "feet, not the other way round"
        ),
    ),
    Drill(
        id="mixed-surface-circuit",
        name="Mixed-surface circuit",
        chapter="terrain",
        level="advanced",
        kind="route",
        purpose=(
            "Link gravel, needles, mud, rock and roots in one descent so you practise reading "
            "each change of surface and adjusting your steps without stopping."
        ),
        grade_min_pct=5.0,
        grade_max_pct=20.0,
        surface="Trail loop or descent that crosses at least three different surfaces",
        space=(
            "A 300–800 m (1,000–2,600 ft) descent at 5–20 %, walked first, with places to slow "
            "down safely"
        ),
        dose=Dose(
            work="2–3 descents of the circuit at easy effort",
            rest="walk or jog back up easily (about 5–10 min)",
            sessions_per_week="1",
        ),
        cues=(
            "Name each surface to yourself as you approach it.",
            "Change your step length before the new surface, not on it.",
            "Keep your cadence steady while your step length changes.",
            "Look three steps ahead to plan for the next surface.",
            "Walk any patch you would not yet run with confidence.",
        ),
        faults=(
            Fault(
                fault="Carrying a long stride from smooth dirt onto a loose or slick patch.",
                fix=(
                    "Shorten your steps a few metres before each change and lengthen them "
                    "again only after it."
                ),
            ),
            Fault(
                fault="Stop-start running, freezing at every new surface.",
                fix=(
                    "Slow the whole descent slightly so you can flow through the changes at "
                    "one steady pace."
                ),
            ),
            Fault(
                fault="Footwork getting sloppy late in the descent as your legs tire.",
                fix=(
                    "Cut the circuit short or walk the last technical section, and save the "
                    "full circuit for fresh days."
                ),
            ),
        ),
        stop_rules=(
            "Walk the rest of the section if you feel you could not stop within a few steps.",
            "Stop the repeat if you catch yourself braking hard or leaning back on every step.",
            "Stop and walk if a knee collapses inward or twists on landing.",
            "Turn back if the trail is much wetter than when you walked it.",
        ),
        regression=("wet-rock-test-steps", "root-stepping"),
        progression=("technical-descent-rehearsal",),
        equipment=("the trail shoes you already run in", "optional poles"),
        evidence=(),
        evidence_note=(
            "Reading each change of surface on one descent is a coaching habit that ties the "
            "single-surface drills together."
        ),
        cadence_cue=(
            "Hold about 5 % above your flat baseline, a little more on loose or slick patches"
        ),
    ),
)
