"""The plan as a coach's printed handout: one compact grid of the weeks, cues and drills once.

Printed, the session cards would fill dozens of pages with the same cues over and over. The
handout gives each session its day, focus and key numbers in a grid (a row a week), with a
letter for its set of cues; each set of cues is written out once below, and each drill named
once. The page shows it only in print (site.css); its cells are regions like the cards', so a
new slope length rewrites only the volumes.
"""

from __future__ import annotations

from collections.abc import Mapping

from drills import catalog, planner
from drills.render.html import esc, number
from drills.render.plan_cards import FOCUS_TITLES, Key, session_key, session_when
from drills.render.regions import Region, Segment, region
from drills.words import listing

FOCUS_SHORT = {
    "cadence": "Quick steps",
    "posture": "Body position",
    "combined": "Both together",
    "conditioning": "Conditioning",
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

CueSet = tuple[str, tuple[str, ...], str]  # focus, key cues, cadence cue


def _cue_set(s: planner.Session) -> CueSet:
    return s.focus, s.key_cues, s.cadence_cue


def _letter(n: int) -> str:
    """A, B … Z, then AA, AB …: a plan of many levels of steepness has more than 26 sets."""
    return LETTERS[n] if n < len(LETTERS) else _letter(n // len(LETTERS) - 1) + LETTERS[n % 26]


def _numbers(s: planner.Session) -> str:
    """ "4.5 % · 3 × 160 m · 22 m drop", each part unbroken in a narrow column."""
    if not s.is_downhill:
        return f"{s.repeats}\u00a0rounds"
    parts = (
        f"{number(s.grade_pct, 1)} %",
        f"{s.repeats} × {number(s.repeat_length_m, 0)} m",
        f"{number(s.vertical_drop_m, 0)} m drop",
    )
    return " · ".join(p.replace(" ", "\u00a0") for p in parts)


def _cell(s: planner.Session, key: Key, letter: str, done: str, changed: tuple[int, ...]) -> Region:
    marks = [f"cues {letter}"]
    if s.practice_ids:
        marks.append("+ " + ", ".join(catalog.get(i).name.lower() for i in s.practice_ids))
    if changed:
        marks.append(f"changed by your log ({', '.join(map(str, changed))})")
    if done:
        marks.append(f"✓ {done}")
    html = (
        f"<strong>{esc(session_when(s))}</strong> {FOCUS_SHORT[s.focus]}<br>"
        f"{_numbers(s)}<br>{esc('; '.join(marks))}"
    )
    return region("td", f"print-{session_key(*key)}", html)


def handout(
    plan: planner.Plan, done: Mapping[Key, str], changed: Mapping[Key, tuple[int, ...]]
) -> Region:
    """The handout for ``plan`` (as the log has adjusted it): ``done`` says when each logged
    session was run ("Mon 2 Mar"), ``changed`` which of the log's changes touched a session."""
    sets: dict[CueSet, str] = {}
    drills: dict[str, set[str]] = {}  # drill id → letters of the sets it serves
    for week in plan.weeks:
        for s in week.sessions:
            letter = sets.setdefault(_cue_set(s), _letter(len(sets)))
            for i in (*s.drill_ids, *s.practice_ids):
                drills.setdefault(i, set()).add(letter)
    columns = len(plan.weeks[0].sessions)
    head = "".join(f'<th scope="col">Session {k}</th>' for k in range(1, columns + 1))
    out: list[Segment] = [
        '<h2 class="dc-handout__title">The plan, week by week</h2>',
        f'<table class="dc-handout__grid"><thead><tr><th scope="col">Week</th>{head}</tr>'
        "</thead><tbody>",
    ]
    for week in plan.weeks:
        lighter = '<br><span class="dc-handout__lighter">lighter</span>' if week.is_lighter else ""
        out.append(f'<tr><th scope="row">{week.number}{lighter}</th>')
        for k, s in enumerate(week.sessions, start=1):
            key = (week.number, k)
            out.append(_cell(s, key, sets[_cue_set(s)], done.get(key, ""), changed.get(key, ())))
        out.append("</tr>")
    out.append("</tbody></table>")
    items = "".join(
        f"<li><strong>{letter}</strong> {esc(FOCUS_TITLES[focus])}: "
        f"{esc(' '.join(cues))} <em>Cadence: {esc(cadence)}</em></li>"
        for (focus, cues, cadence), letter in sets.items()
    )
    named = "; ".join(
        f"{esc(catalog.get(i).name)} ({listing(sorted(letters))})" for i, letters in drills.items()
    )
    out.append(
        f'<h3 class="dc-handout__title">Cues</h3><ul class="dc-handout__cues">{items}</ul>'
        f'<p class="dc-handout__drills"><strong>Drills</strong> (each with its own page in the '
        f"guide's drill catalog, and the sets of cues it serves): {named}.</p>"
    )
    return region("div", "handout", *out, attributes=' class="dc-handout"')
