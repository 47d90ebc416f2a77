"""Technique drills: posture, landing, arms, gaze and turns on descents."""

from drills.model import Dose, Drill, Fault

DRILLS: tuple[Drill, ...] = (
    Drill(
        id="tall-ankle-lean",
        name="Tall posture, lean from the ankles",
        chapter="technique",
        level="beginner",
        kind="repeats",
        purpose=(
            "Learn to stand tall and tip forward from the ankles so your body stays "
            "square to the slope instead of leaning back and braking."
        ),
        grade_min_pct=2.0,
        grade_max_pct=6.0,
        surface="Smooth paved path, quiet road or compact gravel",
        space="A 50–80 m (165–260 ft) gentle descent with a flat run-out at the bottom",
        dose=Dose(
            work="4–6 × 50–80 m (165–260 ft) at easy effort",
            rest="Walk back up, 1–2 min",
            sessions_per_week="1–2",
        ),
        cues=(
            "Stand tall, with your head level and your chest open.",
            "Tip the whole body forward a little from the ankles, only until your hips are over your feet.",
            "Keep the hips stacked over the feet; do not fold at the waist.",
            "Let your hands hang low and loose.",
            "If you speed up, shorten your steps instead of leaning back.",
        ),
        faults=(
            Fault(
                fault="Leaning back and landing on the heels with each step acting as a brake.",
                fix=(
                    "Bring your chest slightly forward from the ankles until the "
                    "braking eases, and control speed with shorter steps."
                ),
            ),
            Fault(
                fault=(
                    "Bending at the waist so the head and shoulders lead but the hips stay behind."
                ),
                fix=(
                    "Keep one straight line from ear to ankle and push the hips gently "
                    "forward under you."
                ),
            ),
            Fault(
                fault="Shoulders hunched and arms held stiffly.",
                fix="Drop the shoulders, breathe out and let the arms swing low and relaxed.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if you are leaning back and braking on most steps; walk "
                "back up, reset your posture and repeat on a gentler stretch."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
            (
                "Stop the set if your knees collapse inward; walk down and repeat the "
                "drill on flat ground."
            ),
        ),
        regression=(),
        progression=(
            "quiet-feet",
            "feet-under-hips",
            "plus-five-easy-decline",
        ),
        equipment=(),
        evidence=("gottschall-kram-2005",),
        evidence_note=(
            "The drill aims to cut braking, which rose sharply when 10 runners ran down a steep "
            "treadmill slope (Gottschall & Kram 2005)."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="quiet-feet",
        name="Quiet feet",
        chapter="technique",
        level="beginner",
        kind="repeats",
        purpose=(
            "Use the sound of your footfalls as feedback to land softly, with the foot "
            "under you and the ankle and knee taking the load."
        ),
        grade_min_pct=3.0,
        grade_max_pct=8.0,
        surface="Smooth path, quiet road or compact gravel where you can hear each landing",
        space="A 60–100 m (200–330 ft) stretch of 3–8 % descent",
        dose=Dose(
            work="4–6 × 60–100 m (200–330 ft)",
            rest="Walk back up, about 90 s",
            sessions_per_week="1–2",
        ),
        cues=(
            "Leave the headphones out and listen to every landing.",
            "Aim for a soft pat, not a slap.",
            "Let the foot land under you and the ankle and knee give a little.",
            "When the sound gets loud, take slightly shorter, quicker steps.",
            "Keep your jaw and shoulders loose.",
        ),
        faults=(
            Fault(
                fault="Tiptoeing to stay quiet, so the calves burn after a few repeats.",
                fix=(
                    "Let the whole foot meet the ground; quiet comes from absorbing "
                    "the landing, not from staying on your toes."
                ),
            ),
            Fault(
                fault="Reaching forward and slapping down on the heel.",
                fix="Shorten the step until the foot lands closer to under your hips.",
            ),
            Fault(
                fault="Sinking so deep that every step becomes a squat.",
                fix="Bend only enough to soften the landing and keep running tall.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "the tall-ankle-lean drill on a gentler slope."
            ),
            (
                "Stop the set if landings stay loud and jarring however you adjust; "
                "walk back up and repeat on a gentler stretch."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
        ),
        regression=("tall-ankle-lean",),
        progression=(
            "feet-under-hips",
            "soft-knees",
        ),
        equipment=(),
        evidence=("heiderscheit-2011",),
        evidence_note=(
            "The short, quick steps it leads to lowered the energy absorbed at the knee when 45 "
            "runners raised their step rate on level ground (Heiderscheit et al. 2011)."
        ),
        cadence_cue=(
            "If landings get loud, lift your step rate a little, up to about 5 % above "
            "your flat baseline."
        ),
    ),
    Drill(
        id="feet-under-hips",
        name="Feet under the hips",
        chapter="technique",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Land each foot beneath your hips rather than out in front, so your legs "
            "roll over the foot instead of braking against it."
        ),
        grade_min_pct=5.0,
        grade_max_pct=12.0,
        surface="Smooth trail or gravel road with good footing",
        space="An 80–150 m (260–490 ft) stretch of 5–12 % descent",
        dose=Dose(
            work="4–6 × 80–120 m (260–390 ft) at relaxed pace",
            rest="Walk back up, 2–3 min",
            sessions_per_week="1–2",
        ),
        cues=(
            "Let each foot land under your hips, not out in front.",
            "Shorten the step before you feel the urge to brake.",
            "Keep the lean from the ankles so the hips travel over the feet.",
            "Bring the foot down and back, rather than reaching forward with it.",
            "Check a side-on video: the shin should be close to vertical at landing.",
        ),
        faults=(
            Fault(
                fault="Overstriding: the heel lands well ahead of the knee.",
                fix=(
                    "Shorten your steps and let your step rate rise slightly until the "
                    "foot lands under you."
                ),
            ),
            Fault(
                fault="Leaning back to keep the feet underneath.",
                fix=(
                    "Bring the chest forward from the ankles; the hips, not the feet, should lead."
                ),
            ),
            Fault(
                fault="Choppy, tense shuffling with little knee bend.",
                fix="Relax and keep the steps short but springy; slow down if you need to.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "slow step-downs."
            ),
            (
                "Stop the set if you are braking hard on most steps; walk back up and "
                "repeat on a gentler slope."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
        ),
        regression=(
            "tall-ankle-lean",
            "quiet-feet",
            "slow-step-downs",
        ),
        progression=(
            "soft-knees",
            "balance-arms",
            "cadence-through-grade-change",
        ),
        equipment=("Phone for a short side-on video (optional)",),
        evidence=(
            "heiderscheit-2011",
            "gottschall-kram-2005",
        ),
        evidence_note=(
            "On level ground, a higher step rate shortened 45 runners' steps and reduced their "
            "braking impulse (Heiderscheit et al. 2011); on a steep treadmill descent, braking "
            "forces rose sharply (Gottschall & Kram 2005)."
        ),
        cadence_cue=(
            "Expect to settle about 5 % above your flat baseline as your steps "
            "shorten; let it rise rather than forcing a number."
        ),
    ),
    Drill(
        id="soft-knees",
        name="Soft knees, absorb and go",
        chapter="technique",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Land with a slightly bent knee and let ankle, knee and hip share the "
            "impact before you roll on into the next step."
        ),
        grade_min_pct=6.0,
        grade_max_pct=14.0,
        surface="Smooth trail or gravel path",
        space="An 80–150 m (260–490 ft) stretch of 6–14 % descent",
        dose=Dose(
            work="4–6 × 80–120 m (260–390 ft)",
            rest="Walk back up, 2–3 min",
            sessions_per_week="1",
        ),
        cues=(
            "Land with the knee slightly bent, never locked straight.",
            "Let ankle, knee and hip share each landing.",
            "Think 'absorb and go': a quick give, then roll forward.",
            "Keep the knees tracking over the middle toes.",
            "Stay tall through the chest while the legs do the absorbing.",
        ),
        faults=(
            Fault(
                fault="Locked, straight knee at landing that jars through the body.",
                fix=(
                    "Land with a small bend already in the knee; a shorter step makes this easier."
                ),
            ),
            Fault(
                fault="Sitting back into a deep crouch.",
                fix="Bend only as much as the landing needs and keep the hips over the feet.",
            ),
            Fault(
                fault="Knees dropping inward on landing.",
                fix=(
                    "Slow down and aim the knees over the middle toes; if it keeps "
                    "happening, build control with slow step-downs first."
                ),
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "slow step-downs."
            ),
            (
                "Stop the set if your thighs are burning and landings get heavy; "
                "fatigue is when technique falls apart."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
        ),
        regression=(
            "quiet-feet",
            "feet-under-hips",
            "slow-step-downs",
        ),
        progression=(
            "balance-arms",
            "eyes-ahead",
        ),
        equipment=(),
        evidence=("gottschall-kram-2005",),
        evidence_note=(
            "It answers the sharp rise in impact and braking forces that 10 runners showed on a "
            "steep treadmill descent (Gottschall & Kram 2005)."
        ),
        cadence_cue=(
            "Stay at or a little above your flat baseline; do not let your step rate sag."
        ),
    ),
    Drill(
        id="balance-arms",
        name="Arms out for balance",
        chapter="technique",
        level="intermediate",
        kind="repeats",
        purpose=(
            "Use slightly wider, relaxed arms to catch small wobbles on steeper or "
            "uneven ground without stiffening the upper body."
        ),
        grade_min_pct=8.0,
        grade_max_pct=18.0,
        surface="Trail with some uneven or loose patches but no drop-offs",
        space="A 100–200 m (330–660 ft) stretch of 8–18 % descent",
        dose=Dose(
            work="4–6 × 100–150 m (330–490 ft)",
            rest="Walk back up, 2–3 min",
            sessions_per_week="1",
        ),
        cues=(
            "Let the elbows drift out from the body and keep the hands low.",
            "Use small, quick arm movements to catch wobbles.",
            "Keep the hands soft, as if holding something fragile.",
            "Bring the arms back in as the ground smooths out.",
            "Keep the shoulders down and away from the ears.",
        ),
        faults=(
            Fault(
                fault="Arms pinned to the sides and a rigid upper body.",
                fix=(
                    "Drop the shoulders and let the elbows move out about a hand's "
                    "width from the body."
                ),
            ),
            Fault(
                fault="Windmilling or big, wild arm swings.",
                fix="Slow down; small, quick adjustments are enough to stay balanced.",
            ),
            Fault(
                fault="Clenched fists and a tight jaw.",
                fix="Open the hands slightly and breathe out on the landings.",
            ),
        ),
        stop_rules=(
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "the soft-knees drill on a gentler slope."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
            (
                "Stop the set if you are braking hard on most steps; walk back up and "
                "repeat on a gentler or smoother stretch."
            ),
        ),
        regression=(
            "soft-knees",
            "feet-under-hips",
            "single-leg-balance-reach",
        ),
        progression=(
            "eyes-ahead",
            "switchback-turns",
        ),
        equipment=(),
        evidence=(),
        evidence_note=(
            "Wider arms for balance on rough ground is how coaches teach it; the studies in our "
            "references did not look at arm position."
        ),
        cadence_cue=None,
    ),
    Drill(
        id="eyes-ahead",
        name="Eyes three steps ahead",
        chapter="technique",
        level="advanced",
        kind="repeats",
        purpose=(
            "Read the ground about three steps ahead so you choose your landings "
            "early, instead of reacting to each rock or root at your feet."
        ),
        grade_min_pct=10.0,
        grade_max_pct=25.0,
        surface="Trail with roots, rocks or ruts but no drop-offs",
        space="A 150–300 m (490–980 ft) stretch of 10–25 % descent",
        dose=Dose(
            work="3–5 × 150–200 m (490–660 ft)",
            rest="Walk back up, 3–4 min",
            sessions_per_week="1",
        ),
        cues=(
            "Look about three steps ahead, not at your feet.",
            "Pick your next few landing spots, then trust your feet to find them.",
            "Glance down briefly only where the ground is complex, then look ahead again.",
            "Keep the head up so the chest stays over the feet.",
            "Slow down whenever you cannot read the ground ahead.",
        ),
        faults=(
            Fault(
                fault="Staring at the feet, with rounded shoulders and late reactions.",
                fix=(
                    "Lift your gaze to three steps ahead; if that feels too fast, slow "
                    "down rather than look down."
                ),
            ),
            Fault(
                fault="Looking so far ahead that nearby rocks or roots catch you out.",
                fix=(
                    "Bring the gaze back to the next three steps; the view can wait for the bottom."
                ),
            ),
            Fault(
                fault="Freezing and braking at every obstacle.",
                fix=(
                    "Choose a line before you reach it and keep short steps through "
                    "it; walk that part once first if you need to."
                ),
            ),
        ),
        stop_rules=(
            "Stop and walk if your speed starts to run away from you or you stumble.",
            (
                "Stop the set if you catch a foot or trip twice in one run; walk down "
                "and repeat on smoother ground."
            ),
            "Stop the session when your focus starts to fade; tired eyes and legs miss landings.",
        ),
        regression=(
            "balance-arms",
            "soft-knees",
            "line-visualisation",
        ),
        progression=(
            "switchback-turns",
            "technical-descent-rehearsal",
        ),
        equipment=("Trail shoes with grip suited to the surface",),
        evidence=(),
        evidence_note=(
            "Where to look is taught from coaching experience; three steps is a rule of thumb, "
            "closer on rough ground and further on smooth."
        ),
        cadence_cue=(
            "Keep your step rate at or above your flat baseline so you have more "
            "chances to adjust each landing."
        ),
    ),
    Drill(
        id="switchback-turns",
        name="Switchback turns",
        chapter="technique",
        level="advanced",
        kind="route",
        purpose=(
            "Take tight bends on steep trail with control by slowing before the turn, "
            "stepping quickly through it and looking to the exit."
        ),
        grade_min_pct=12.0,
        grade_max_pct=30.0,
        surface="Trail with tight bends or switchbacks and dry, firm footing",
        space="A section with 2–4 switchbacks over 100–200 m (330–660 ft) of 12–30 % descent",
        dose=Dose(
            work="3–4 runs through the bends",
            rest="Walk back up, 3–5 min",
            sessions_per_week="1",
        ),
        cues=(
            "Slow down before the bend, not in it.",
            "Take short, quick steps through the turn.",
            "Look to the exit of the bend as you enter it.",
            "Turn feet and hips together toward the exit.",
            "Let the speed build again only once you are out of the turn.",
        ),
        faults=(
            Fault(
                fault="Entering too fast and skidding in the turn.",
                fix="Shed speed with short steps over the last few metres before the bend.",
            ),
            Fault(
                fault="Turning only the shoulders while the feet slide outward.",
                fix=(
                    "Point feet and hips toward the exit with small steps and let the "
                    "upper body follow."
                ),
            ),
            Fault(
                fault="Cutting the corner onto loose ground or off the trail.",
                fix=(
                    "Stay on the trail line; it is usually firmer, and cutting "
                    "switchbacks erodes the path."
                ),
            ),
        ),
        stop_rules=(
            (
                "Stop if your feet slip or slide in a turn; walk the bends and repeat "
                "on a gentler or drier section."
            ),
            "Stop and walk if your speed starts to run away from you or you stumble.",
            (
                "Stop the set if your knees collapse inward; walk down and finish with "
                "the eyes-ahead drill on straighter trail."
            ),
        ),
        regression=(
            "eyes-ahead",
            "balance-arms",
            "gravel-short-steps",
        ),
        progression=("technical-descent-rehearsal",),
        equipment=("Trail shoes with grip suited to the surface",),
        evidence=(),
        evidence_note=(
            "Cornering is taught from coaching experience; staying on the trail line also keeps "
            "the path from eroding."
        ),
        cadence_cue=(
            "Quicken your steps into the bend, above your flat baseline, and let the "
            "rate settle on the straight."
        ),
    ),
    Drill(
        id="safe-fall-practice",
        name="Falling practice on grass",
        chapter="technique",
        level="beginner",
        kind="off-slope",
        purpose=(
            "Rehearse going down sideways, with soft hands, a roll and a tucked chin, on "
            "soft grass, so that a real fall on a descent follows a pattern you know."
        ),
        grade_min_pct=0.0,
        grade_max_pct=8.0,
        surface="Soft, level grass free of stones and roots, later a gentle grassy slope",
        space="A patch of grass about 3 × 3 m (10 × 10 ft); later a short grassy slope up to 8 %",
        dose=Dose(
            work=(
                "4–6 slow falls to each side from a crouch; after a few sessions, 3–4 to each "
                "side from a slow walk"
            ),
            rest="Stand up slowly and check yourself; 30–60 s between falls",
            sessions_per_week="1, for 2–3 weeks, then a few falls once a month",
        ),
        cues=(
            "Start low, from a crouch, and lower yourself rather than drop.",
            "Turn as you go down, so the side of your thigh, hip and back meet the ground first.",
            "Keep your arms bent and your hands soft; never catch yourself on a straight arm.",
            "Tuck your chin towards your chest so your head stays off the ground.",
            "Let the fall become a roll, then stay down for a breath before you get up.",
        ),
        faults=(
            Fault(
                fault="Shooting a straight arm out to stop the fall.",
                fix=(
                    "Keep the elbow bent and let the forearm and the side of the body share "
                    "the landing; practise from lower down until it feels natural."
                ),
            ),
            Fault(
                fault="Falling straight forward onto the knees and hands.",
                fix="Turn your shoulders and hips to one side early, before you reach the ground.",
            ),
            Fault(
                fault="The head snaps back and touches the ground.",
                fix="Tuck the chin before you go down and look at your belt as you roll.",
            ),
        ),
        stop_rules=(
            "Stop if a wrist, shoulder, hip or your neck hurts during or after a fall.",
            (
                "If you hit your head, feel dizzy or see stars, the practice is over: follow "
                "After a fall above, on grass as on a trail."
            ),
            (
                "Do not practise with a recent injury or in pregnancy without a "
                "physiotherapist's or doctor's go-ahead. With osteoporosis or low bone density, "
                "practise only once cleared, on a thick mattress, with someone who knows fall "
                "training: the Technique chapter's Rehearse it: mat first, then grass."
            ),
            "Practise only on soft ground you have checked for stones, roots and holes.",
        ),
        regression=(),
        progression=(),  # the drill's own later stages are the harder steps
        equipment=("a crash mat or thick gym mattress for the first falls, if you can get one",),
        evidence=("groen-2007", "weerdesteyn-2008", "groen-2010-osteoporosis"),
        evidence_note=(
            "Groen et al. 2007 and Weerdesteyn et al. 2008 measured sideways martial-arts falls "
            "from kneeling onto a mat: they hit the hip with less force, even after one short "
            "lesson. In Groen et al. 2010b, sideways falls onto a thick mattress were gentler on "
            "the hip than falls from kneeling onto a judo mat, and forward falls from standing "
            "hit hardest. None tested falls at running speed or on a descent."
        ),
        cadence_cue=None,
    ),
)
