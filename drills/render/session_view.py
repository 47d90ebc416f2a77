"""Session mode's changing parts as regions: the session's title and notes, and the step on
screen (its count, heading, detail and cue; its notes; what a screen reader says of it).

The view's fixed parts (the ratings, the tempo fields, the timer, the buttons) are the
template's (overrides/partials/tools/session-mode.html), which holds these regions' elements,
empty; the page asks for one step at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

from drills.render.html import esc
from drills.render.log_sessions import NOTE_LABEL
from drills.render.regions import Region, region
from drills.session_mode import Step


def session_regions(title: str, note: str, cadence_cue: str, audio_note: str) -> tuple[Region, ...]:
    """What stays the same from step to step, the session's note (a coach's) among it."""
    shown_note = f"<strong>{NOTE_LABEL}</strong> {esc(note)}" if note else ""
    return (
        region("p", "session-title", esc(title)),
        region("p", "session-note", shown_note),
        region("span", "session-cadence-cue", esc(cadence_cue)),
        region("p", "session-audio-note", esc(audio_note)),
    )


def step_regions(steps: Sequence[Step], index: int) -> tuple[Region, ...]:
    """Step ``index`` of ``steps`` (0-based) as the view shows it."""
    step = steps[index]
    cue = f'<p class="dc-session-cue" data-session-cue>{esc(step.cue)}</p>' if step.cue else ""
    shown = (
        '<p class="dc-session-count" aria-hidden="true">'
        f"<span data-session-index>{index + 1}</span> / "
        f"<span data-session-total>{len(steps)}</span></p>"
        '<h2 class="dc-session-heading" id="dc-session-heading" data-session-heading '
        f'tabindex="-1">{esc(step.heading)}</h2>'
        f'<p class="dc-session-detail" data-session-detail>{esc(step.detail)}</p>{cue}'
    )
    title = (
        f'<p class="dc-session-notes-title" data-session-notes-title>{esc(step.notes_title)}</p>'
        if step.notes_title
        else ""
    )
    notes = "".join(f"<li>{esc(note)}</li>" for note in step.notes)
    return (
        region("div", "session-step", shown),
        region(
            "div",
            "session-notes",
            f'{title}<ul class="dc-session-notes" data-session-notes>{notes}</ul>',
        ),
        region("p", "session-announce", esc(step.announce)),
    )
