"""Cadence drills: find your flat baseline, then step a little quicker downhill."""

from drills.cadence import COUNT_SECONDS
from drills.model import Dose, Drill, Fault
from drills.rule_text import COUNT_CADENCE

DRILLS: tuple[Drill, ...] = (
    Drill(
        id="baseline-cadence",
        name="Find your baseline cadence",
        chapter="cadence",
        level="beginner",
        kind="repeats",
        purpose=(
            "Measure your own step rate at easy pace on the flat, the baseline every "
            "other cadence cue in this guide is relative to."
        ),
        grade_min_pct=0.0,
        grade_max_pct=2.0,
        surface="Flat road, path or running track",
        space="A flat 400 m–1 km (0.25–0.6 mi) loop or out-and-back",
        dose=Dose(
            work=f"3 counts of {COUNT_SECONDS} s each during a 10–15 min easy run",
            rest="Keep running easily for 2–3 min between counts",
            sessions_per_week="1, then repeat every 4–6 weeks or after a change of shoes",
        ),
        cues=(
            "Run at your normal easy pace; change nothing.",
            f"{COUNT_CADENCE[0].upper()}{COUNT_CADENCE[1:]}, or read your watch.",
            "Take three counts and keep the middle one.",
            "Log the number with your pace, the route and the shoes you wore.",
        ),
        faults=(
            Fault(
                fault="Running faster or slower than usual because you are counting.",
                fix="Settle into easy pace for 5 min before the first count.",
            ),
            Fault(
                fault="Mixing methods, sometimes counting both feet and sometimes one.",
                fix=f"Decide once, the guide's way: {COUNT_CADENCE}.",
            ),
            Fault(
                fault="Measuring on a route with hills.",
                fix="Use flat ground; even a gentle slope changes your step rate.",
            ),
        ),
        stop_rules=(
            (
                "Skip the count on a day when you are ill or unusually tired; the "
                "number will not be your normal one."
            ),
            "Discard a count if you had to stop, dodge or change pace during it; take another.",
        ),
        regression=(),
        progression=(
            "plus-five-easy-decline",
            "quick-feet-strides",
        ),
        equipment=("Running watch or phone app that shows cadence, or a stopwatch",),
        evidence=(
            "heiderscheit-2011",
            "vernillo-2017",
        ),
        evidence_note=(
            "Working from your own step rate follows the research: Heiderscheit et al. 2011 "
            "changed each of 45 runners' preferred rate by a percentage. Studies report the "
            "lower step rates runners fall into downhill (Vernillo et al. 2017), but we found no "
            "evidence-based downhill cadence target, so the guide starts from your baseline."
        ),
        cadence_cue="This is your flat baseline; every other cadence cue is relative to it.",
    ),
    Drill(
        id="plus-five-easy-decline",
        name="Plus five on an easy decline",
        chapter="cadence",
        level="beginner",
        kind="repeats",
        purpose=(
            "Hold a step rate about 5 % above your flat baseline on an easy decline, "
            "so your steps get shorter while the effort stays easy."
        ),
        grade_min_pct=2.0,
        grade_max_pct=6.0,
        surface="Smooth road, path or compact gravel",
        space="A 100–200 m (330–660 ft) stretch of 2–6 % descent",
        dose=Dose(
            work="4–6 × 100–200 m (330–660 ft)",
            rest="Walk or jog back up, about 2 min",
            sessions_per_week="1–2",
        ),
        setup=("Set the metronome or beat alert to your baseline plus 5 %.",),
        cues=(
            "Keep the effort easy; the steps get shorter, not the pace faster.",
            "Match each footfall to the beat all the way down.",
            "Stay tall with a slight lean from the ankles.",
        ),
        faults=(
            Fault(
                fault="Running faster instead of stepping quicker.",
                fix="Hold the same easy effort and let the higher rate shorten each step.",
            ),
            Fault(
                fault="Losing the beat halfway down.",
                fix=(
                    "Shorten the stretch until you can hold the beat to the bottom, then extend it."
                ),
            ),
            Fault(
                fault="Tensing the shoulders and arms to keep up with the beat.",
                fix="Loosen the hands and shoulders; small, light steps are enough.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "the tall-ankle-lean drill."
            ),
            (
                "Stop the set if you are braking hard on most steps; walk back up and "
                "try a gentler slope."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
        ),
        regression=(
            "baseline-cadence",
            "tall-ankle-lean",
        ),
        progression=(
            "quick-feet-strides",
            "cadence-through-grade-change",
        ),
        equipment=(
            "Running watch or phone app that shows cadence",
            "Metronome app or watch beat alert",
        ),
        evidence=(
            "heiderscheit-2011",
            "anderson-2022",
        ),
        evidence_note=(
            "Heiderscheit et al. 2011 had 45 runners raise their step rate 5 % above their "
            "preferred rate on level ground, and the knee absorbed less energy. A review of 37 "
            "studies found strong evidence that a higher cadence reduces knee bend, but too "
            "little on injury or performance (Anderson et al. 2022). The study was on the level; "
            "on a decline the drill goes beyond it."
        ),
        tested_by=("heiderscheit-2011",),
        cadence_cue="About 5 % above your flat baseline (baseline × 1.05).",
    ),
    Drill(
        id="quick-feet-strides",
        name="Quick-feet downhill strides",
        chapter="cadence",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Practise short, fast, light steps at a controlled speed on a moderate "
            "decline, so quick feet become your reflex when the ground tips away."
        ),
        grade_min_pct=4.0,
        grade_max_pct=10.0,
        surface="Smooth path or gravel road with good footing and a flat run-out",
        space="A 60–100 m (200–330 ft) stretch of 4–10 % descent",
        dose=Dose(
            work="4–6 strides of 60–80 m (200–260 ft)",
            rest="Walk back up, 90 s to 2 min",
            sessions_per_week="1",
        ),
        cues=(
            "Start relaxed, then quicken your feet over the first 20 m (65 ft).",
            "Keep the steps short and light; speed comes from rhythm, not reach.",
            "Stay tall with the hips over the feet.",
            "Keep the effort controlled, well short of a sprint.",
            "Ease off smoothly before the bottom; never brake hard.",
        ),
        faults=(
            Fault(
                fault="Turning the strides into sprints.",
                fix=(
                    "Cap the effort; if speed builds, shorten and quicken the steps "
                    "rather than lengthening them."
                ),
            ),
            Fault(
                fault="Braking hard at the end of each stride.",
                fix=(
                    "Start easing off 15–20 m (50–65 ft) before the bottom and let the "
                    "run-out do the slowing."
                ),
            ),
            Fault(
                fault="Arms flailing as the feet quicken.",
                fix="Keep a short, relaxed arm swing that matches the feet.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "plus five on an easy decline."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
            (
                "Stop the session when the strides stop feeling light and quick; tired "
                "strides teach the wrong pattern."
            ),
        ),
        regression=(
            "plus-five-easy-decline",
            "quiet-feet",
        ),
        progression=(
            "cadence-through-grade-change",
            "plus-ten-steeper",
        ),
        equipment=("Running watch or phone app that shows cadence (optional)",),
        evidence=(
            "heiderscheit-2011",
            "anderson-2022",
        ),
        evidence_note=(
            "The higher step rate draws on level-ground research: a study of 45 runners "
            "(Heiderscheit et al. 2011) and a review of 37 studies (Anderson et al. 2022). "
            "Downhill strides themselves are a coaching habit."
        ),
        cadence_cue=(
            "Build to about 5–10 % above your flat baseline through the middle of each stride."
        ),
    ),
    Drill(
        id="cadence-through-grade-change",
        name="Hold cadence through a grade change",
        chapter="cadence",
        level="intermediate",
        kind="route",
        purpose=(
            "Keep the same step rate when a gentle slope steepens, shortening your "
            "steps instead of letting them lengthen and your rhythm slow."
        ),
        grade_min_pct=4.0,
        grade_max_pct=14.0,
        surface="Road, path or trail with good footing where the slope steepens partway down",
        space="A 150–300 m (490–980 ft) descent that starts at 4–6 % and steepens to 10–14 %",
        dose=Dose(
            work="3–5 runs down the full stretch",
            rest="Walk back up, 3–4 min",
            sessions_per_week="1",
        ),
        cues=(
            "Set the beat on the gentle top section.",
            "When the slope steepens, shorten the steps and keep the beat.",
            "Spot where the grade changes before you reach it.",
            "Keep your hips over your feet as the ground tips away: lower them, do not lean further.",
            "Keep your speed steady; do not let the steep part carry you off.",
        ),
        faults=(
            Fault(
                fault="The step rate drops and the strides lengthen as the slope steepens.",
                fix=(
                    "Shorten the step the moment you feel the slope change; the beat "
                    "stays the same."
                ),
            ),
            Fault(
                fault="Braking hard at the break of slope.",
                fix="Start shortening your steps 5–10 m (15–35 ft) before the change.",
            ),
            Fault(
                fault="Leaning back on the steeper part.",
                fix="Keep the hips over the feet; a shorter step makes the lean feel safer.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "plus five on an easy decline."
            ),
            (
                "Stop the set if you are braking hard on most steps of the steep part; "
                "walk it and choose a route with a smaller change in grade."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
        ),
        regression=(
            "quick-feet-strides",
            "plus-five-easy-decline",
            "feet-under-hips",
        ),
        progression=(
            "plus-ten-steeper",
            "add-a-steeper-section",
        ),
        equipment=(
            "Running watch or phone app that shows cadence",
            "Metronome app or watch beat alert",
        ),
        evidence=(
            "heiderscheit-2011",
            "vernillo-2017",
        ),
        evidence_note=(
            "Runners take fewer steps per minute downhill (Vernillo et al. 2017), and on level "
            "ground 10 % fewer steps than preferred made every joint of 45 runners absorb more "
            "energy (Heiderscheit et al. 2011); the drill resists that drift."
        ),
        cadence_cue=(
            "Hold the same rate, about 5 % above your flat baseline, on both the "
            "gentle and the steep part."
        ),
    ),
    Drill(
        id="plus-ten-steeper",
        name="Plus ten on steeper ground",
        chapter="cadence",
        level="advanced",
        kind="repeats",
        purpose=(
            "Use a step rate about 10 % above your flat baseline on steeper descents, "
            "so very short, quick steps keep your feet under you."
        ),
        grade_min_pct=10.0,
        grade_max_pct=20.0,
        surface="Trail or gravel with firm, predictable footing",
        space="A 100–200 m (330–660 ft) stretch of 10–20 % descent",
        dose=Dose(
            work="3–5 × 100–150 m (330–490 ft)",
            rest="Walk back up, 3–4 min",
            sessions_per_week="1",
        ),
        setup=("Try the +10 % beat on an easy slope first, then take it to the steep stretch.",),
        cues=(
            "Take very short, light steps and let the ground pass under you.",
            "Stay tall with the hips over the feet.",
            "Breathe out on the landings to stay loose.",
            "If the pace runs away, shorten the steps further rather than braking.",
        ),
        faults=(
            Fault(
                fault="Quick feet but the body leaning back, with the heels braking.",
                fix=(
                    "Bring your hips back over your feet by bending the knees a little more, not "
                    "by pitching the chest forward; quick steps help only if they land under you."
                ),
            ),
            Fault(
                fault="Holding the breath and tensing up.",
                fix="Let a breath go as you land and loosen your fingers.",
            ),
            Fault(
                fault="Losing the beat on the steepest part.",
                fix="Drop back to +5 % on this slope, or use a gentler one until the beat holds.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "holding cadence on a gentler grade change."
            ),
            (
                "Stop the set if you are braking hard on most steps; walk down and "
                "repeat on a gentler slope."
            ),
            "Stop and walk if you feel on the edge of losing control of your speed.",
        ),
        regression=(
            "cadence-through-grade-change",
            "quick-feet-strides",
        ),
        progression=("steep-short-segments",),
        equipment=(
            "Running watch or phone app that shows cadence",
            "Metronome app or watch beat alert",
        ),
        evidence=(
            "heiderscheit-2011",
            "anderson-2022",
        ),
        evidence_note=(
            "Heiderscheit et al. 2011 had 45 runners raise their step rate 10 % on level ground: "
            "the knee and the hip absorbed less energy, where +5 % lowered the knee only. A "
            "review of 37 studies found very limited evidence that a higher cadence feels harder "
            "and costs a little more energy (Anderson et al. 2022). Steep descents go beyond "
            "what the study tested."
        ),
        tested_by=("heiderscheit-2011",),
        cadence_cue=(
            "About 10 % above your flat baseline (baseline × 1.10); drop back to +5 % "
            "if you cannot hold it relaxed."
        ),
    ),
)
