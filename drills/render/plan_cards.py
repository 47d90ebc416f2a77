"""The plan on screen: each week a heading, each session a card that fits a phone's width.

A card holds the session's day, focus, slope and volume (with what the training log changed
in them, where it changed them), its cues and drills, the button that opens session mode, the
log's cell (Mark done, or what was logged) and an empty slot where the log's form opens for
that session (training-log.js moves the one form there). Each card is a region, and so are
its parts that change without the session changing kind (day, volume, log), so a new slope
length rewrites only the volumes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from drills import catalog, planner
from drills.render.html import attrs, esc, number
from drills.render.links import Links
from drills.render.regions import Region, Segment, region
from drills.session_content import PRACTICE_INTRO

FOCUS_TITLES = {
    "cadence": "Quick steps on a gentle slope",
    "posture": "Body position and landing",
    "combined": "Both together, steepest of the week",
    "conditioning": "Conditioning (strength, balance, mobility)",
}
DAY_NAMES = ("Day 1", "Day 2", "Day 3", "Day 4", "Day 5", "Day 6", "Day 7")

Key = tuple[int, int]


@dataclass(frozen=True)
class SessionsLog:
    """What the training log shows beside the plan's sessions, by session key."""

    cells: Mapping[Key, Region]  # "Mark done", or what was logged with Edit and Remove
    changes: Mapping[Key, str] = field(default_factory=dict)  # HTML: what it changed, and why
    reasons: Mapping[Key, tuple[int, ...]] = field(default_factory=dict)  # changes' numbers
    done: Mapping[Key, str] = field(default_factory=dict)  # when each logged session was run


def session_when(s: planner.Session) -> str:
    return s.date.strftime("%a %d %b") if s.date else DAY_NAMES[s.day - 1]


def session_key(week: int, index: int) -> str:
    return f"{week}-{index}"


@cache  # pure; the same few drill sets recur in every session of every plan
def drill_links(ids: tuple[str, ...], links: Links) -> str:
    return ", ".join(f'<a href="{esc(links.drill(i))}">{esc(catalog.get(i).name)}</a>' for i in ids)


@cache  # pure; three practice sets at most
def _practice(ids: tuple[str, ...], links: Links) -> str:
    """The drills with a day's own place, apart from the circuit, as the session's card adds."""
    if not ids:
        return ""
    return f'<p class="dc-practice">{PRACTICE_INTRO} {drill_links(ids, links)}.</p>'


@cache  # pure; the cues come from the catalog and repeat across sessions
def _cues(key_cues: tuple[str, ...], cadence_cue: str) -> str:
    """The session's cues, folded: open, they would make each card three times as tall on a
    phone (session mode shows them one at a time on the hill, and the handout prints them)."""
    items = "".join(f"<li>{esc(c)}</li>" for c in key_cues)
    return (
        f'<details class="dc-plan-session__cues"><summary>Key cues</summary>'
        f'<ul class="dc-cues">{items}</ul><p class="dc-cadence-cue">{esc(cadence_cue)}</p>'
        "</details>"
    )


@cache  # pure; one per session key
def _start_button(key: str) -> str:
    """Opens session mode (docs/assets/js/session-mode.js) for the session, as the log has it."""
    where = f"week {key.replace('-', ', session ')}"
    label = attrs(
        data_action="session:start",
        data_key=key,
        aria_label=f"Start this session: {where}",
        aria_haspopup="dialog",
    )
    return (
        f'<button type="button" class="md-button dc-session-start"{label}>Start this session'
        "</button>"
    )


def work_html(s: planner.Session) -> str:
    """The session's slope and volume, as the plan (adjusted by the log) has it."""
    if not s.is_downhill:
        return f"{s.repeats} rounds of the circuit"
    return (
        f'<span data-result="grade_pct">{number(s.grade_pct, 1)}</span> %, '
        f"{s.repeats} × {number(s.repeat_length_m, 0)} m, "
        f'drop <span data-result="vertical_drop_m">{number(s.vertical_drop_m, 1)}</span> m'
    )


def _card(
    week: int, index: int, s: planner.Session, log_cell: Region, change: str, links: Links
) -> Region:
    key = session_key(week, index)
    work = f"<p><strong>Slope and volume:</strong> {work_html(s)}</p>{change}"
    return region(
        "li",
        f"card-{key}",
        '<h4 class="dc-plan-session__title">',
        region("span", f"when-{key}", esc(session_when(s))),
        f": {esc(FOCUS_TITLES[s.focus])}</h4>",
        region("div", f"work-{key}", work, attributes=' class="dc-plan-session__work"'),
        _cues(s.key_cues, s.cadence_cue),
        f'<p class="dc-plan-session__drills">Drills: {drill_links(s.drill_ids, links)}</p>',
        _practice(s.practice_ids, links),
        f'<div class="dc-plan-session__actions">{_start_button(key)}',
        log_cell,
        f'</div><div class="dc-log-slot" data-log-slot="{key}"></div>',
        attributes=f' class="dc-card dc-plan-session" data-session-card="{key}"',
    )


def week_label(week: planner.Week) -> str:
    label = f"Week {week.number}" + (" — lighter week" if week.is_lighter else "")
    if week.start_date:
        label += f" (from {week.start_date.isoformat()})"
    return label


def weeks_html(plan: planner.Plan, log: SessionsLog, links: Links) -> list[Segment]:
    """Every week as a heading and its sessions as cards, each with the log's cell and what
    the log changed in it."""
    out: list[Segment] = [
        '<div class="dc-plan-weeks"><h2 id="dc-plan-weeks-title">Your plan, week by week</h2>'
    ]
    for week in plan.weeks:
        n = week.number
        # The browser lays out only the weeks on screen (content-visibility).
        out += [
            f'<section class="dc-week{" dc-week--lighter" if week.is_lighter else ""}" '
            f'aria-labelledby="plan-week-{n}">',
            region("h3", f"label-{n}", esc(week_label(week)), attributes=f' id="plan-week-{n}"'),
            '<ol class="dc-plan-sessions">',
        ]
        out += [
            _card(n, k, s, log.cells[(n, k)], log.changes.get((n, k), ""), links)
            for k, s in enumerate(week.sessions, start=1)
        ]
        out.append("</ol></section>")
    out.append("</div>")
    return out
