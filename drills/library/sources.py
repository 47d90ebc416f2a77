"""Every study or source the guide cites; docs/references.md is generated from this."""

from drills.model import Reference

ALL_REFERENCES: tuple[Reference, ...] = (
    Reference(
        key="minetti-2002",
        authors="Minetti AE, Moia C, Roi GS, Susta D, Ferretti G",
        year=2002,
        title="Energy cost of walking and running at extreme uphill and downhill slopes",
        source="Journal of Applied Physiology",
        volume_pages="93(3):1039–1046",
        doi="10.1152/japplphysiol.01177.2001",
        finding=(
            "The energy cost of running, the whole body's metabolic cost per metre worked "
            "out from oxygen uptake, fell from 3.40 J·kg⁻¹·m⁻¹ on the level to a minimum of "
            "1.73 at a −20 % slope and rose again on steeper descents (3.92 at −45 %), the "
            "basis of the guide's cost-by-grade numbers. It does not measure the load on "
            "the leg muscles."
        ),
        strength="treadmill study, 10 runners",
    ),
    Reference(
        key="strava-2017",
        authors="Robb D",
        year=2017,
        title="An Improved GAP Model",
        source="Strava Engineering blog (Medium), 3 October 2017",
        volume_pages=None,
        doi=None,
        finding=(
            "Strava redefined grade-adjusted pace (GAP) as the level pace at the same "
            "heart rate, built from about 6 million runs by 240,000 athletes, and "
            "reported that its older Minetti-based model misjudged downhills by up to "
            "3×."
        ),
        strength="blog post from heart-rate data of ~240,000 athletes; no coefficients published",
        url="https://medium.com/strava-engineering/an-improved-gap-model-8b07ae8886c3",
    ),
    Reference(
        key="strava-2013",
        authors="Strava Engineering",
        year=2013,
        title="Improving Grade Adjusted Pace",
        source="Strava Engineering blog (Medium), 23 July 2013",
        volume_pages=None,
        doi=None,
        finding=(
            "Strava's earlier GAP update stopped the downhill adjustment from growing "
            "on slopes steeper than −20 %."
        ),
        strength="company blog post",
        url="https://medium.com/strava-engineering/improving-grade-adjusted-pace-b9a2a332a5dc",
    ),
    Reference(
        key="kay-2014",
        authors="Kay A",
        year=2014,
        title=(
            "Importance of descending skill for performance in fell races: a "
            "statistical analysis of race results"
        ),
        source="Journal of Quantitative Analysis in Sports",
        volume_pages="10:173–181",
        doi="10.1515/jqas-2013-0075",
        finding=(
            "In 44 up-and-down races on seven mountain courses, faster finishers tended to "
            "descend relatively better, and descending skill differed most between runners "
            "on steep, rough courses; an association, not a training trial."
        ),
        strength="statistical analysis of race results (correlational)",
    ),
    Reference(
        key="tobler-1993",
        authors="Tobler W",
        year=1993,
        title="Three presentations on geographical analysis and modeling",
        source=(
            "National Center for Geographic Information and Analysis (NCGIA), Technical Report 93-1"
        ),
        volume_pages=None,
        doi=None,
        finding=(
            "Tobler's hiking function puts walking speed at 6·e^(−3.5|S+0.05|) km/h: "
            "about 5 km/h on the flat, fastest (6 km/h) on a 5 % descent, and "
            "three-fifths of that off-path."
        ),
        strength="empirical rule for hiking speed, not running",
        url="http://www.ncgia.ucsb.edu/Publications/Tech_Reports/93/93-1.PDF",
    ),
    Reference(
        key="naismith-1892",
        authors="Naismith WW",
        year=1892,
        title=None,
        source="Scottish Mountaineering Club Journal",
        volume_pages=None,
        doi=None,
        finding=(
            "Naismith's rule allows 1 hour per 5 km plus 1 hour per 600 m of ascent "
            "and adds no time for descents."
        ),
        strength="rule of thumb for hill walking, not a study",
    ),
    Reference(
        key="heiderscheit-2011",
        authors="Heiderscheit BC, Chumanov ES, Michalski MP, Wille CM, Ryan MB",
        year=2011,
        title="Effects of step rate manipulation on joint mechanics during running",
        source="Medicine & Science in Sports & Exercise",
        volume_pages="43(2):296–302",
        doi="10.1249/MSS.0b013e3181ebedf4",
        finding=(
            "Raising step rate 5 % above preferred lowered knee energy absorption and "
            "10 % also lowered hip absorption, with shorter steps and a smaller "
            "braking impulse, while a 10 % lower rate made every joint absorb more."
        ),
        strength="treadmill study, 45 runners, level running",
    ),
    Reference(
        key="anderson-2022",
        authors="Anderson LM, Martin JF, Barton CJ, Bonanno DR",
        year=2022,
        title=(
            "What is the effect of changing running step rate on injury, performance "
            "and biomechanics? A systematic review and meta-analysis"
        ),
        source="Sports Medicine – Open",
        volume_pages="8:112",
        doi="10.1186/s40798-022-00504-0",
        finding=(
            "Strong evidence that a higher cadence reduces knee flexion, moderate "
            "evidence for a lower knee-extensor moment and less hip adduction, very "
            "limited evidence that it feels harder and costs more energy, and "
            "insufficient evidence on injury or performance."
        ),
        strength="review of 37 studies",
    ),
    Reference(
        key="lieberman-2015",
        authors="Lieberman DE, Warrener AG, Wang J, Castillo ER",
        year=2015,
        title=(
            "Effects of stride frequency and foot position at landing on braking "
            "force, hip torque, impact peak force and the metabolic cost of running in "
            "humans"
        ),
        source="Journal of Experimental Biology",
        volume_pages="218:3406–3414",
        doi="10.1242/jeb.125500",
        finding=(
            "At 3.0 m/s on level ground the most economical stride frequency averaged "
            "84.8 ± 3.6 strides per minute (about 170 steps per minute), a flat-ground "
            "figure the guide does not use as a downhill target."
        ),
        strength="lab study, level running",
    ),
    Reference(
        key="vernillo-2017",
        authors=(
            "Vernillo G, Giandolini M, Edwards WB, Morin JB, Samozino P, Horvais N, Millet GY"
        ),
        year=2017,
        title="Biomechanics and physiology of uphill and downhill running",
        source="Sports Medicine",
        volume_pages="47(4):615–629",
        doi=None,
        finding=(
            "Downhill running brings longer aerial time, a lower step frequency, a "
            "lower duty factor and more rear-foot strikes than level running, and its "
            "energy cost bottoms out around −20 %."
        ),
        strength="narrative review",
    ),
    Reference(
        key="gottschall-kram-2005",
        authors="Gottschall JS, Kram R",
        year=2005,
        title="Ground reaction forces during downhill and uphill running",
        source="Journal of Biomechanics",
        volume_pages="38:445–452",
        doi="10.1016/j.jbiomech.2004.04.023",
        finding=(
            "On a −9° slope (about 16 %), impact force peaks rose 54 % and braking "
            "force peaks 73 % compared with level running."
        ),
        strength="force-treadmill study, 10 runners",
    ),
    Reference(
        key="bontemps-2020",
        authors="Bontemps B, Vercruyssen F, Gruet M, Louis J",
        year=2020,
        title="Downhill running: what are the effects and how can we adapt? A narrative review",
        source="Sports Medicine",
        volume_pages="50(12):2083–2110",
        doi="10.1007/s40279-020-01355-z",
        finding=(
            "Typical downhill-running studies used −12 % for 40 min at 11.3 km/h; "
            "runners least used to downhills suffered the most muscle damage, prior "
            "downhill exposure was the best preventive, and benefits of footwear and "
            "compression remain unconfirmed."
        ),
        strength="narrative review",
    ),
    Reference(
        key="byrnes-1985",
        authors="Byrnes WC, Clarkson PM, White JS, Hsieh SS, Frykman PN, Maughan RJ",
        year=1985,
        title="Delayed onset muscle soreness following repeated bouts of downhill running",
        source="Journal of Applied Physiology",
        volume_pages="59(3):710–715",
        doi="10.1152/jappl.1985.59.3.710",
        finding=(
            "One 30-min run at −10° shrank the creatine kinase (CK) rise after the "
            "same run 3 or 6 weeks later (340 % to 63 %, and 272 % to 62 %), but gave "
            "no protection at 9 weeks."
        ),
        strength="lab study, downhill treadmill running",
    ),
    Reference(
        key="schwane-1987",
        authors="Schwane JA, Williams JS, Sloan JH",
        year=1987,
        title=(
            "Effects of training on delayed muscle soreness and serum creatine kinase "
            "activity after running"
        ),
        source="Medicine & Science in Sports & Exercise",
        volume_pages="19(6):584–590",
        doi=None,
        finding=(
            "Running 5–15 min a day at −10 % for 1–2 weeks reduced, but did not prevent, "
            "soreness after a later 45-min run at −10 %, while uphill training had little "
            "effect; creatine kinase (CK) after that run did not differ between any of the "
            "groups. The authors advise starting with very small quantities and small "
            "increments over more than 2 weeks."
        ),
        strength="treadmill training study",
    ),
    Reference(
        key="sci-rep-2020",
        authors=(
            "de Oliveira Assumpção C, Barreto RV, de Lima LCR, Cardozo AC, de Lima "
            "Montebelo MI, Catarino HRC, Greco CC, Denadai BS"
        ),
        year=2020,
        title=(
            "A single bout of downhill running attenuates subsequent level running-induced fatigue"
        ),
        source="Scientific Reports",
        volume_pages="10",
        doi="10.1038/s41598-020-76008-2",
        finding=(
            "Its introduction summarises earlier studies: five 8-min downhill bouts "
            "still protected runners 5 weeks later (Eston), and a repeated bout "
            "brought about 42 % less soreness and 53 % less CK (Smith)."
        ),
        strength="cited second-hand (earlier studies summarised in this paper's introduction)",
    ),
    Reference(
        key="khassetarash-2021",
        authors="Khassetarash A, Vernillo G, Krüger RL, Edwards WB, Millet GY",
        year=2021,
        title=(
            "Neuromuscular, biomechanical, and energetic adjustments following "
            "repeated bouts of downhill running"
        ),
        source="Journal of Sport and Health Science",
        volume_pages=None,
        doi=None,
        finding=(
            "Two 30-min treadmill runs at −20 %, 3 weeks apart, showed a repeated-bout "
            "effect: the second run caused less muscle damage than the first."
        ),
        strength="lab study, 10 recreational runners",
    ),
    Reference(
        key="tallis-2024",
        authors="Tallis J, McMorrow C, Shelley SP, Eustace SJ",
        year=2024,
        title=(
            "Repeated bout effect of downhill running on physiological markers of "
            "effort and post exercise perception of soreness in trained female "
            "distance runners"
        ),
        source="Sports",
        volume_pages="12(6):169",
        doi="10.3390/sports12060169",
        finding=(
            "Runners new to downhill running ran six alternating 5-min trials, level and "
            "at −15 %, so three 5-min downhill bouts in all; the same session 3 weeks "
            "later left them with less perceived soreness. Soreness as the runners rated "
            "it was the only marker of damage measured (no CK)."
        ),
        strength="lab study, 10 trained female runners",
    ),
    Reference(
        key="chen-2010",
        authors="Chen TC, Chen HL, Lin MJ, Wu CJ, Nosaka K",
        year=2010,
        title=(
            "Potent protective effect conferred by four bouts of low-intensity eccentric exercise"
        ),
        source="Medicine & Science in Sports & Exercise",
        volume_pages="42(5):1004–1012",
        doi=None,
        finding=(
            "Four light eccentric bouts at 40 % of maximal voluntary contraction (MVC) "
            "protected the muscle as much as one maximal bout."
        ),
        strength="arm-muscle study, not running",
    ),
    Reference(
        key="chen-2021",
        authors="Chen TC, Tseng WC, Chen HL, Tseng KW, Chou TY, Huang YC, Nosaka K",
        year=2021,
        title=(
            "Striking muscle adaptations induced by volume-dependent repeated bouts of "
            "low-intensity eccentric exercise of the elbow flexors"
        ),
        source="Applied Physiology, Nutrition, and Metabolism",
        volume_pages="46(8):897–905",
        doi="10.1139/apnm-2020-1016",
        finding=(
            "Slow lowering of a dumbbell at 10 % of maximal strength, 30 times, protected "
            "the elbow flexors against damage from a later maximal bout: one such bout by "
            "about 34 %, sixteen bouts (twice a week for 8 weeks) by about 65 %, close to "
            "the protection one maximal bout gave."
        ),
        strength="lab study, arm muscles of untrained young men, 13 per group; not running",
    ),
    Reference(
        key="nosaka-2005",
        authors="Nosaka K, et al.",
        year=2005,
        title="Attenuation of protective effect against eccentric exercise-induced muscle damage",
        source="Canadian Journal of Applied Physiology",
        volume_pages="30(5):529–542",
        doi=None,
        finding="The protection given by one eccentric bout had partly faded by 8 weeks.",
        strength="arm-muscle study, not running",
    ),
    Reference(
        key="mchugh-1999",
        authors="McHugh MP, Connolly DA, Eston RG, Gleim GW",
        year=1999,
        title=(
            "Exercise-induced muscle damage and potential mechanisms for the repeated bout effect"
        ),
        source="Sports Medicine",
        volume_pages="27(3):157–170",
        doi=None,
        finding=(
            "Sets out the possible neural, mechanical and cellular mechanisms behind "
            "the repeated-bout effect."
        ),
        strength="narrative review of mechanisms",
    ),
    Reference(
        key="bandura-1977",
        authors="Bandura A",
        year=1977,
        title="Self-efficacy: toward a unifying theory of behavioral change",
        source="Psychological Review",
        volume_pages="84(2):191–215",
        doi=None,
        finding=(
            "Self-efficacy grows from four sources (performance accomplishments, "
            "vicarious experience, verbal persuasion and physiological states), and "
            "persisting in activities that feel threatening but are relatively safe "
            "builds mastery."
        ),
        strength="theoretical paper, not about sport",
    ),
    Reference(
        key="vlaeyen-linton-2000",
        authors="Vlaeyen JWS, Linton SJ",
        year=2000,
        title=(
            "Fear-avoidance and its consequences in chronic musculoskeletal pain: a "
            "state of the art"
        ),
        source="Pain",
        volume_pages="85(3):317–332",
        doi=None,
        finding=(
            "Describes the fear-avoidance model of chronic pain, which later research used "
            "to adapt graded exposure, a behaviour-therapy method for phobias and anxiety, "
            "to people in pain."
        ),
        strength="review from chronic-pain research, not sport",
    ),
    Reference(
        key="leeuw-2007",
        authors="Leeuw M, Goossens MEJB, Linton SJ, Crombez G, Boersma K, Vlaeyen JWS",
        year=2007,
        title=(
            "The fear-avoidance model of musculoskeletal pain: current state of scientific evidence"
        ),
        source="Journal of Behavioral Medicine",
        volume_pages="30(1):77–94",
        doi=None,
        finding=(
            "Reviews the evidence for the fear-avoidance model and for exposure in vivo, "
            "the behaviour-therapy method for phobias and anxiety as adapted to chronic "
            "pain; the guide borrows its ranked list of situations for the ladder of slopes."
        ),
        strength="review from chronic-pain research, not sport",
    ),
    Reference(
        key="brown-2006",
        authors="Brown LA, et al.",
        year=2006,
        title=(
            "Anxiety-mediated gait adaptations reduce errors of obstacle negotiation "
            "among younger and older adults: implications for fall risk"
        ),
        source="Gait & Posture",
        volume_pages="24(4):418–423",
        doi="10.1016/j.gaitpost.2005.09.013",
        finding=(
            "Under postural threat, people walked more cautiously, more slowly and "
            "with shorter steps."
        ),
        strength="lab walking study, 28 adults; not running",
    ),
    Reference(
        key="raffegeau-2023",
        authors=(
            "Raffegeau TE, Clark M, Fawver B, Engel BT, Young WR, Williams AM, Lohse KR, Fino PC"
        ),
        year=2023,
        title=(
            "The effect of mobility-related anxiety on walking across the lifespan: a "
            "virtual reality simulation study"
        ),
        source="Experimental Brain Research",
        volume_pages=None,
        doi="10.1007/s00221-023-06638-1",
        finding=(
            "At a virtual height of 15 m, adults walked more slowly and took shorter "
            "steps than at ground level."
        ),
        strength="virtual-reality walking study, 24 adults; not running",
    ),
    Reference(
        key="front-psychol-2023",
        authors="Chilton EP, Robinovitch SN",
        year=2023,
        title=(
            "Perceived risk for falls and decision-making in riding raised ramps in "
            "mountain biking: a pilot study"
        ),
        source="Frontiers in Psychology",
        volume_pages="14:1243536",
        doi="10.3389/fpsyg.2023.1243536",
        finding=(
            "17 experienced mountain bikers judged raised wooden ramps in a pilot study: "
            "their willingness to ride one followed their perceived chance of falling times "
            "their chance of injury in a fall, and on average they refused a ramp when that "
            "product passed 13 %."
        ),
        strength="pilot study, 17 mountain bikers; not running",
    ),
    Reference(
        key="buist-2008",
        authors="Buist I, Bredeweg SW, van Mechelen W, Lemmink KA, Pepping GJ, Diercks RL",
        year=2008,
        title=(
            "No effect of a graded training program on the number of running-related "
            "injuries in novice runners: a randomized controlled trial"
        ),
        source="American Journal of Sports Medicine",
        volume_pages="36(1):33–39",
        doi=None,
        finding=(
            "A plan built on the 10 % rule produced injuries in 20.8 % of novices, "
            "against 20.3 % on a standard plan."
        ),
        strength="randomised trial, 532 novice runners",
    ),
    Reference(
        key="nielsen-2014",
        authors="Nielsen RO, Parner ET, Nohr EA, Sørensen H, Lind M, Rasmussen S",
        year=2014,
        title=(
            "Excessive progression in weekly running distance and risk of "
            "running-related injuries: an association which varies according to type "
            "of injury"
        ),
        source="Journal not confirmed (record on the Aalborg University research portal)",
        volume_pages=None,
        doi=None,
        finding=(
            "Increasing weekly distance by more than 30 % over 2 weeks, compared with "
            "under 10 %, went with more distance-related injuries (hazard ratio 1.59, "
            "95 % CI 0.96–2.66), with no difference in injuries overall."
        ),
        strength="cohort study, 874 novice runners; wide confidence interval",
        url="https://vbn.aau.dk/da/publications/excessive-progression-in-weekly-running-distance-and-risk-of-runn",
    ),
    Reference(
        key="damsted-2018",
        authors="Damsted C, Glad S, Nielsen RO, Sørensen H, Malisoux L",
        year=2018,
        title=(
            "Is there evidence for an association between changes in training load and "
            "running-related injuries? A systematic review"
        ),
        source="International Journal of Sports Physical Therapy",
        volume_pages=None,
        doi=None,
        finding="Found only weak evidence linking changes in training load to running injuries.",
        strength="systematic review of 4 studies",
    ),
    Reference(
        key="frandsen-2025",
        authors="Frandsen JSB, et al.",
        year=2025,
        title=(
            "How much running is too much? Identifying high-risk running sessions in a "
            "5200-person cohort study"
        ),
        source="British Journal of Sports Medicine",
        volume_pages="59(17):1203–1210",
        doi="10.1136/bjsports-2024-109380",
        finding=(
            "Compared with the longest run of the past 30 days, a single run 10–30 % "
            "longer came with a hazard rate ratio of 1.64, 30–100 % longer 1.52 "
            "and over 100 % longer 2.28; the ACWR showed an inverse association and "
            "week-to-week change none."
        ),
        strength="cohort study, 5,205 runners",
    ),
    Reference(
        key="gabbett-2016",
        authors="Gabbett TJ",
        year=2016,
        title=(
            "The training-injury prevention paradox: should athletes be training "
            "smarter and harder?"
        ),
        source="British Journal of Sports Medicine",
        volume_pages="50(5):273–280",
        doi=None,
        finding=(
            "Proposed an acute:chronic workload ratio (ACWR) 'sweet spot' of 0.8–1.3 "
            "and a danger zone at 1.5 and above."
        ),
        strength="narrative review from team sports; figures seen via a secondary source",
    ),
    Reference(
        key="lolli-2019",
        authors=(
            "Lolli L, Batterham AM, Hawkins R, Kelly DM, Strudwick AJ, Thorpe R, "
            "Gregson W, Atkinson G"
        ),
        year=2019,
        title=(
            "Mathematical coupling causes spurious correlation within the conventional "
            "acute-to-chronic workload ratio calculations"
        ),
        source="British Journal of Sports Medicine",
        volume_pages="53(15):921–922",
        doi=None,
        finding=(
            "Showed that the acute week is part of the chronic load in the usual ACWR, "
            "a coupling that produces spurious correlations."
        ),
        strength="methodological commentary",
    ),
    Reference(
        key="impellizzeri-2020",
        authors="Impellizzeri FM, Woodcock S, Coutts AJ, Fanchini M, McCall A, Vigotsky AD",
        year=2020,
        title=(
            "What role do chronic workloads play in the acute to chronic workload "
            "ratio? Time to dismiss ACWR and its underlying theory"
        ),
        source="Sports Medicine",
        volume_pages="51(3):581–592",
        doi="10.1007/s40279-020-01378-6",
        finding=(
            "Replacing chronic loads with random numbers gave odds ratios similar to "
            "the real ACWR, which undermines the ratio."
        ),
        strength="re-analysis of published data",
    ),
    Reference(
        key="bell-2022",
        authors=(
            "Bell L, Nolan D, Immonen V, Helms E, Dallamore J, Wolf M, Androulakis Korakakis P"
        ),
        year=2022,
        title=(
            "“You can't shoot another bullet until you've reloaded the gun”: coaches' "
            "perceptions, practices and experiences of deloading in strength and "
            "physique sports"
        ),
        source="Frontiers in Sports and Active Living",
        volume_pages="4:1073223",
        doi="10.3389/fspor.2022.1073223",
        finding=(
            "In interviews, 18 strength and physique coaches described deloading for "
            "5–7 days every 4–6 weeks, without a formal definition of a deload."
        ),
        strength="interview study, 18 coaches; not running",
    ),
    Reference(
        key="kettner-2025",
        authors="Kettner C, Stetter B, Stein T",
        year=2025,
        title=(
            "The effects of running shoe stack height on running style and stability "
            "during level running at different running speeds"
        ),
        source="Frontiers in Bioengineering and Biotechnology",
        volume_pages="13:1526752",
        doi="10.3389/fbioe.2025.1526752",
        finding=(
            "17 experienced runners ran on a level treadmill at 10 and 15 km/h in shoes "
            "with 27, 35 and 50 mm stacks; in the 50 mm shoe the foot stayed on the ground "
            "for a longer share of each stride than in the 27 mm shoe. The study also "
            "measured stability; it did not test descents."
        ),
        strength="treadmill study, 17 runners, level running only",
    ),
    Reference(
        key="viljoen-2022",
        authors="Viljoen C, Janse van Rensburg DC, van Mechelen W, et al.",
        year=2022,
        title="Trail running injury risk factors: a living systematic review",
        source="British Journal of Sports Medicine",
        volume_pages="56(10):577–587",
        doi="10.1136/bjsports-2021-104858",
        finding="Few studies have examined injury risk factors in trail running.",
        strength="living systematic review",
    ),
    Reference(
        key="groen-2007",
        # The abstract we read (PubMed 16480724) did not show the author list.
        authors="Groen BE, et al.",
        year=2007,
        title="Martial arts fall techniques decrease the impact forces at the hip during sideways falling",
        source="Journal of Biomechanics",
        volume_pages="40(2):458–462",
        doi="10.1016/j.jbiomech.2005.12.014",
        finding=(
            "Six experienced judokas fell sideways from kneeling height. Martial-arts fall "
            "techniques cut the impact force at the hip by 27.5 % (using the arm) and 30 % "
            "(without it) compared with blocking the fall with an arm, with a slower impact; "
            "the authors suggest rolling after impact helps too, and found the arm was not "
            "needed for the reduction."
        ),
        strength="lab study, 6 experienced judokas, falls from kneeling onto a mat",
    ),
    Reference(
        key="weerdesteyn-2008",
        # The abstract we read did not show the author list.
        authors="Weerdesteyn V, et al.",
        year=2008,
        title=(
            "Martial arts fall techniques reduce hip impact forces in naive subjects after a "
            "brief period of training"
        ),
        source="Journal of Electromyography and Kinesiology",
        volume_pages="18(2):235–242",
        doi="10.1016/j.jelekin.2007.06.010",
        finding=(
            "After one 30-minute session of training in sideways martial-arts falls, ten young "
            "adults with no experience of them fell from kneeling height with about 17 % less "
            "impact force at the hip than with their natural way of breaking the fall."
        ),
        strength="lab study, 10 young adults, falls from kneeling",
    ),
    Reference(
        key="groen-2010-older",
        authors="Groen BE, Smulders E, de Kam D, Duysens J, Weerdesteyn V",
        year=2010,
        title="Martial arts fall training to prevent hip fractures in the elderly",
        source="Osteoporosis International",
        volume_pages="21(2):215–221",
        doi="10.1007/s00198-009-0934-x",
        finding=(
            "Twenty-five healthy older adults (6 men, 19 women) took five sessions of "
            "martial-arts fall training. Afterwards experts rated their sideways falls from "
            "kneeling better, the impact force at the hip was 8 % lower, and their fear of "
            "falling was lower."
        ),
        strength="pilot study, 25 healthy older adults, falls from kneeling",
    ),
    Reference(
        key="groen-2010-osteoporosis",
        authors="Groen BE, Smulders E, Duysens J, van Lankveld W, Weerdesteyn V",
        year=2010,
        title="Could martial arts fall training be safe for persons with osteoporosis?: a "
        "feasibility study",
        source="BMC Research Notes",
        volume_pages="3:111",
        doi="10.1186/1756-0500-3-111",
        finding=(
            "Young adults made martial-arts falls while the force at the hip was measured, "
            "and each kind of fall was judged against limits set from the load that breaks "
            "the thigh bone and what a hip protector absorbs. Sideways falls onto a thick "
            "mattress, from kneeling or standing, stayed within the limits; sideways falls "
            "from kneeling onto a judo mat and forward falls from standing did not, and "
            "forward falls from standing hit hardest. The authors judged the training safe "
            "for people with osteoporosis only with hip protectors, a thick mattress and no "
            "forward falls from standing."
        ),
        strength="lab study in young adults; the osteoporosis limits are extrapolated",
    ),
    Reference(
        key="ammann-2016",
        authors="Ammann R, Taube W, Neuhaus M, Wyss T",
        year=2016,
        title="The influence of the gait-related arm swing on elevation gain measured by sport "
        "watches",
        source="Journal of Human Kinetics",
        volume_pages="51:53–60",
        doi="10.1515/hukin-2015-0170",
        finding=(
            "On a flat 400 m track, where the true elevation gain is zero, three makes of "
            "sport watch recorded 4.0–7.4 m of gain per 1,200 m when worn on the wrist and "
            "1.2–5.7 m when worn on the hip; on the wrist the error grew with speed."
        ),
        strength="field test, 120 trials of 1,200 m with three watch models",
    ),
    Reference(
        key="bohne-2007",
        authors="Bohne M, Abendroth-Smith J",
        year=2007,
        title="Effects of hiking downhill using trekking poles while carrying external loads",
        source="Medicine & Science in Sports & Exercise",
        volume_pages="39(1):177–183",
        doi="10.1249/01.mss.0000240328.31276.fc",
        finding=(
            "Walking downhill with poles lowered joint moments and reduced power "
            "absorption at the knee and ankle."
        ),
        strength="lab study, 15 male hikers, walking",
    ),
    Reference(
        key="willson-2001",
        authors="Willson J, Torry MR, Decker MJ, Kernozek T, Steadman JR",
        year=2001,
        title="Effects of walking poles on lower extremity gait mechanics",
        source="Medicine & Science in Sports & Exercise",
        volume_pages="33(1):142–147",
        doi="10.1097/00005768-200101000-00021",
        finding=(
            "In 13 adults walking on level ground, poles lowered the braking impulse and the "
            "vertical (compressive) force at the knee joint; with poles used as each person "
            "chose, the knee extensor impulse fell by 7.3 %."
        ),
        strength="lab study, 13 adults, level walking",
    ),
    Reference(
        key="schwameder-1999",
        authors="Schwameder H, Roithner R, Müller E, Niessen W, Raschner C",
        year=1999,
        title="Knee joint forces during downhill walking with hiking poles",
        source="Journal of Sports Sciences",
        volume_pages="17:969–978",
        doi="10.1080/026404199365362",
        finding=(
            "Measured knee joint forces in walkers going downhill with and without poles; we "
            "could not read its abstract, so the guide quotes no result from it."
        ),
        strength="lab study of downhill walking; results not checked by us",
    ),
    Reference(
        key="howatson-2011",
        authors="Howatson G, Hough P, Pattison J, Hill JA, Blagrove R, Glaister M, Thompson KG",
        year=2011,
        title="Trekking poles reduce exercise-induced muscle injury during mountain walking",
        source="Medicine & Science in Sports & Exercise",
        volume_pages="43(1):140–145",
        doi=None,
        finding=(
            "Hikers who used poles up and down Snowdon lost less strength and had less "
            "soreness and a smaller CK rise in the following days than hikers without "
            "poles."
        ),
        strength="field trial, 37 hikers",
    ),
    Reference(
        key="pole-force-2011",
        # The record we retrieved (PubMed 21083766) did not show the author list.
        authors="Authors not confirmed",
        year=2011,
        title=(
            "Is it possible to reduce the knee joint compression force during level "
            "walking with hiking poles?"
        ),
        source="Scandinavian Journal of Medicine & Science in Sports",
        volume_pages="21(6):e195–e200",
        doi="10.1111/j.1600-0838.2010.01241.x",
        finding=(
            "Walking on level ground with extra force on the poles did not reduce the "
            "estimated compression force at the knee."
        ),
        strength="lab study of level walking; not descents, not running",
    ),
    # Special situations (docs/situations/) and bone stress (conditioning). Each finding was
    # checked against the source's abstract or, for the guideline, its published summary.
    Reference(
        key="kuster-2013",
        authors="Küster M, Renner B, Oppel P, Niederweis U, Brune K",
        year=2013,
        title=(
            "Consumption of analgesics before a marathon and the incidence of cardiovascular, "
            "gastrointestinal and renal problems: a cohort study"
        ),
        source="BMJ Open",
        volume_pages="3(4):e002090",
        doi="10.1136/bmjopen-2012-002090",
        finding=(
            "Of 3,913 Bonn marathon runners who answered, those who took painkillers before "
            "the race reported almost five times as many adverse events, more at higher "
            "doses; nine were admitted to hospital, three with temporary kidney failure after "
            "ibuprofen, and none of the runners who took no painkillers."
        ),
        strength="cohort study by questionnaire, 3,913 runners",
    ),
    Reference(
        key="lipman-2017",
        authors=(
            "Lipman GS, Shea K, Christensen M, Phillips C, Burns P, Higbee R, Koskenoja V, "
            "Eifling K, Krabak BJ"
        ),
        year=2017,
        title=(
            "Ibuprofen versus placebo effect on acute kidney injury in ultramarathons: "
            "a randomised controlled trial"
        ),
        source="Emergency Medicine Journal",
        volume_pages="34(10):637–642",
        doi="10.1136/emermed-2016-206353",
        finding=(
            "Over an 80 km ultramarathon stage, acute kidney injury appeared in 52 % of "
            "runners taking ibuprofen (400 mg every 4 hours) and 34 % taking a placebo: not "
            "statistically certain, but one extra case for every 5.5 runners who took it."
        ),
        strength="randomised controlled trial, 89 runners",
    ),
    Reference(
        key="hew-butler-2015",
        authors=(
            "Hew-Butler T, Rosner MH, Fowkes-Godek S, Dugas JP, Hoffman MD, Lewis DP, "
            "Maughan RJ, Miller KC, Montain SJ, Rehrer NJ, Roberts WO, Rogers IR, Siegel AJ, "
            "Stuempfle KJ, Winger JM, Verbalis JG"
        ),
        year=2015,
        title=(
            "Statement of the Third International Exercise-Associated Hyponatremia Consensus "
            "Development Conference, Carlsbad, California, 2015"
        ),
        source="Clinical Journal of Sport Medicine",
        volume_pages="25(4):303–320",
        doi="10.1097/JSM.0000000000000221",
        finding=(
            "A panel of 17 experts advises letting thirst guide drinking in endurance "
            "exercise, which limits drinking so much that blood sodium falls while still "
            "preventing heavy dehydration."
        ),
        strength="expert consensus statement",
    ),
    Reference(
        key="roberts-2021",
        authors="Roberts WO, Armstrong LE, Sawka MN, Yeargin SW, Heled Y, O'Connor FG",
        year=2021,
        title=(
            "ACSM Expert Consensus Statement on Exertional Heat Illness: Recognition, "
            "Management, and Return to Activity"
        ),
        source="Current Sports Medicine Reports",
        volume_pages="20(9):470–484",
        doi="10.1249/JSR.0000000000000878",
        finding=(
            "Exertional heat stroke is a medical emergency: stopping the exercise and cooling "
            "the whole body fast are essential for survival, and most heat illness can be "
            "prevented by recognising and changing its risk factors."
        ),
        strength="expert consensus statement",
    ),
    Reference(
        key="armstrong-2007",
        authors="Armstrong LE, Casa DJ, Millard-Stafford M, Moran DS, Pyne SW, Roberts WO",
        year=2007,
        title=(
            "American College of Sports Medicine position stand. Exertional heat illness "
            "during training and competition"
        ),
        source="Medicine & Science in Sports & Exercise",
        volume_pages=None,
        doi=None,
        finding=(
            "Heat stroke can strike seemingly healthy athletes even in fairly cool weather; "
            "it is a core temperature above 40 °C with signs of organ failure, most often of "
            "the brain, and early recognition and rapid cooling reduce illness and death."
        ),
        strength="position stand of the American College of Sports Medicine",
    ),
    Reference(
        key="song-koo-2020",
        authors="Song SH, Koo JH",
        year=2020,
        title=(
            "Bone Stress Injuries in Runners: a Review for Raising Interest in Stress "
            "Fractures in Korea"
        ),
        source="Journal of Korean Medical Science",
        volume_pages="35(8):e38",
        doi="10.3346/jkms.2020.35.e38",
        finding=(
            "A bone stress injury is bone failing under repeated loading, felt as local bone "
            "pain; diagnosed late, it can become a stress fracture that needs longer "
            "treatment, so early detection is essential."
        ),
        strength="narrative review",
    ),
    Reference(
        key="hoenig-2025",
        authors="Hoenig T, Hollander K, Popp KL, Fredericson M, Kraus EA, Warden SJ, Tenforde AS",
        year=2025,
        title="International Delphi consensus on bone stress injuries in athletes",
        source="British Journal of Sports Medicine",
        volume_pages="59(2):78–90",
        doi="10.1136/bjsports-2024-108616",
        finding=(
            "A panel of 41 scientists, clinicians, athletes and coaches from six continents "
            "agreed 41 of 58 statements on bone stress injuries, among them recommendations "
            "on diagnostic workup, treatment and return to sport for clinicians."
        ),
        strength="Delphi consensus, 41 panel members",
    ),
    Reference(
        key="beck-drysdale-2021",
        authors="Beck B, Drysdale L",
        year=2021,
        title=(
            "Risk Factors, Diagnosis and Management of Bone Stress Injuries in Adolescent "
            "Athletes: A Narrative Review"
        ),
        source="Sports",
        volume_pages="9(4):52",
        doi="10.3390/sports9040052",
        finding=(
            "Between 3.9 % and 19 % of adolescent athletes had a bone stress injury, with "
            "recurrence as high as 21 %; running and jumping sports carry more, and training "
            "is particularly demanding on the skeleton during rapid growth."
        ),
        strength="narrative review",
    ),
    Reference(
        key="hayashi-2019",
        authors="Hayashi K, Leary ME, Roy SJ, Laosiripisan J, Pasha EP, Tanaka H",
        year=2019,
        title="Recovery from Strenuous Downhill Running in Young and Older Physically Active Adults",
        source="International Journal of Sports Medicine",
        volume_pages="40(11):696–703",
        doi="10.1055/a-0951-0017",
        finding=(
            "After 45 minutes of downhill running, endurance-trained adults aged about 58 "
            "recovered strength as fast as trained adults aged about 27 and reported a "
            "smaller rise in leg soreness; CK and myoglobin were back to baseline by 48 hours "
            "in both trained groups."
        ),
        strength="lab study, 39 adults, 14 of them older and trained",
    ),
    Reference(
        key="goom-2019",
        authors="Goom T, Donnelly G, Brockwell E",
        year=2019,
        title=(
            "Returning to running postnatal – guidelines for medical, health and fitness "
            "professionals managing this population"
        ),
        source=(
            "Guideline endorsed by the Association of Chartered Physiotherapists in Sports and "
            "Exercise Medicine, March 2019"
        ),
        volume_pages=None,
        doi=None,
        finding=(
            "Advises no running before about 3 months after giving birth, or later if pelvic "
            "floor symptoms appear, after an assessment of pelvic health, impact and "
            "strength; the authors call the evidence for this population limited."
        ),
        strength="expert guideline; its timing rests on expert opinion",
        url=(
            "https://www.csp.org.uk/innovations/"
            "return-running-postnatal-guideline-medical-health-and-fitness-professionals-managing"
        ),
    ),
    Reference(
        key="vereijken-2020",
        authors="Vereijken A, Aerts I, Jetten J, Tassignon B, Verschueren J, Meeusen R, van Trijffel E",
        year=2020,
        title=(
            "Association between Functional Performance and Return to Performance in "
            "High-Impact Sports after Lower Extremity Injury: A Systematic Review"
        ),
        source="Journal of Sports Science & Medicine",
        volume_pages="19(3):564–576",
        doi=None,
        finding=(
            "Eight studies of 1,246 athletes, all after knee-ligament reconstruction and all "
            "at high risk of bias, found at most small links between hop tests and getting "
            "back to the previous level; none covered other leg injuries."
        ),
        strength="systematic review of 8 studies",
        url="https://pubmed.ncbi.nlm.nih.gov/32874110/",
    ),
    Reference(
        key="bjorklund-2019",
        authors="Björklund G, Swarén M, Born DP, Stöggl T",
        year=2019,
        title="Biomechanical Adaptations and Performance Indicators in Short Trail Running",
        source="Frontiers in Physiology",
        volume_pages="10:506",
        doi="10.3389/fphys.2019.00506",
        finding=(
            "In a 7 km trail time trial, times varied most between runners on the downhills "
            "(coefficient of variation above 25 %) and least on the flat (below 10 %), and "
            "peak foot forces were higher downhill than uphill."
        ),
        strength="field study, 17 trail runners",
    ),
    Reference(
        key="genitrini-2022",
        authors="Genitrini M, Fritz J, Zimmermann G, Schwameder H",
        year=2022,
        title=(
            "Downhill Sections Are Crucial for Performance in Trail Running Ultramarathons—"
            "A Pacing Strategy Analysis"
        ),
        source="Journal of Functional Morphology and Kinesiology",
        volume_pages="7(4):103",
        doi="10.3390/jfmk7040103",
        finding=(
            "Across 16 editions of four ultra-trail races, better finishers ran descents at "
            "higher relative speeds, and in the later stages the gap between faster and "
            "slower finishers on descents grew."
        ),
        strength="analysis of race results",
    ),
    Reference(
        key="genitrini-2023",
        authors="Genitrini M, Fritz J, Stöggl T, Schwameder H",
        year=2023,
        title=(
            "Performance Level Affects Full Body Kinematics and Spatiotemporal Parameters in "
            "Trail Running—A Field Study"
        ),
        source="Sports",
        volume_pages="11(10):188",
        doi="10.3390/sports11100188",
        finding=(
            "In a 9.1 km trail time trial, the fastest half ran the downhill sections faster "
            "through longer steps only, not a higher step rate, with more knee and hip bend "
            "in the swinging leg and more trunk rotation and shoulder flexion."
        ),
        strength="field study, 20 trail runners",
    ),
)
