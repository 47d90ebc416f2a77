"""Mindset figures: breathing in rhythm with the steps, spare attention, and fear as a signal.

These are schematic (the chapter's coaching practice, nothing measured); the breathing figure
is still exact about its one claim: every out-breath starts on a footfall.
"""

from __future__ import annotations

import math

from drills.render.figures.svg import (
    Figure,
    Point,
    el,
    group,
    path,
    rect,
    svg_root,
    text,
)

WIDTH = 340.0

# ---------------------------------------------------------------- breathing with the steps

STEP_SPACING = 24.0
FOOTFALLS = 13
FIRST_STEP_X = 28.0
IN_STEPS, OUT_STEPS = 2, 2  # an example count; the chapter prescribes none
FEET_Y = 40.0
TRACE_BASE = (104.0, 184.0)  # baselines of the two breathing traces (lungs empty)
TRACE_RISE = 30.0
HOLD_STEPS = (6, 10)  # footfalls during which the second runner holds their breath


def footfall_xs() -> list[float]:
    return [FIRST_STEP_X + k * STEP_SPACING for k in range(FOOTFALLS)]


def breath_trace(base: float, hold: tuple[int, int] | None = None) -> list[Point]:
    """Lung volume over time: up while breathing in, down while breathing out; each
    out-breath begins at a footfall. With ``hold``, the breath is held (flat) from the first
    footfall of the hold to the last, then let out."""
    xs = footfall_xs()
    points: list[Point] = [(xs[0], base)]
    k = 0
    cycle = IN_STEPS + OUT_STEPS
    while k + cycle <= FOOTFALLS - 1:
        top = k + IN_STEPS
        points.append((xs[top], base - TRACE_RISE))
        if hold and hold[0] <= top < hold[1]:
            points.append((xs[hold[1]], base - TRACE_RISE))
            top = hold[1]
        end = top + OUT_STEPS
        if end > FOOTFALLS - 1:
            break
        points.append((xs[end], base))
        k = end
    return points


def breathing(root: str) -> Figure:
    xs = footfall_xs()
    feet = [
        el("ellipse", cx=x, cy=FEET_Y + (-5 if k % 2 == 0 else 5), rx=5.5, ry=3.0, class_="f-dot")
        for k, x in enumerate(xs)
    ]
    hold0, hold1 = HOLD_STEPS
    band_x = xs[hold0] - STEP_SPACING / 2
    band_top = TRACE_BASE[0] - TRACE_RISE - 6
    body = [
        rect(
            band_x,
            band_top,
            xs[hold1] - xs[hold0] + STEP_SPACING,
            TRACE_BASE[1] + 6 - band_top,
            "f-soft f-mute",
        ),
        text(
            band_x + (xs[hold1] - xs[hold0] + STEP_SPACING) / 2,
            TRACE_BASE[1] + 22,
            "steeper pitch",
            "middle",
            "f-mute",
        ),
        text(6, 16, "Footfalls, left and right"),
        text(WIDTH - 6, 16, "lines: up = in, down = out", "end", "f-mute"),
        group(feet, "f-mute"),
        group([path([(x, FEET_Y + 10), (x, TRACE_BASE[1])]) for x in xs], "f-grid"),
    ]
    rows = (
        ("Steady: out-breath as a foot lands", None, "f-good"),
        ("Held at the change", HOLD_STEPS, "f-bad"),
    )
    for (label, hold, cls), base in zip(rows, TRACE_BASE, strict=True):
        body.append(text(6, base - TRACE_RISE - 10, label, None, f"f-b {cls}"))
        body.append(path(breath_trace(base, hold), cls=f"f-wide {cls}"))
    title = "Breathing in rhythm with the steps, and the breath held at a change of slope"
    desc = (
        f"A row of {FOOTFALLS} footfalls, alternating left and right, above two breathing "
        f"traces. In the first, the runner breathes in over {IN_STEPS} steps and out over "
        f"{OUT_STEPS}, and every out-breath starts exactly as a foot lands, all the way through "
        "a shaded stretch where the slope steepens. In the second, the runner breathes in just "
        "before the steeper stretch and holds it, a flat line, until the slope eases."
    )
    svg = svg_root("fig-mindset-breathing", WIDTH, TRACE_BASE[1] + 30, title, desc, body)
    caption = (
        f"Let an out-breath begin as a foot lands, and keep the rhythm through the transition. "
        f"The {IN_STEPS}-in, {OUT_STEPS}-out count is only an example: use whatever count is "
        "comfortable."
    )
    return Figure(svg, caption)


# ---------------------------------------------------------------- attention

BAR_X, BAR_W, BAR_H = 20.0, 300.0, 26.0
ATTENTION = (
    ("Calm", (("trail ahead", 0.45, None), ("one goal", 0.2, "f-good"), ("spare", 0.35, "f-mute"))),
    (
        "Nervous, one goal",
        (("fear", 0.5, "f-bad"), ("trail ahead", 0.3, None), ("one goal", 0.2, "f-good")),
    ),
    (
        "Nervous, five cues",
        (
            ("fear", 0.5, "f-bad"),
            ("trail ahead", 0.3, None),
            *(("cue", 0.04, "f-good") for _ in range(5)),
        ),
    ),
)


def attention(root: str) -> Figure:
    body = [text(6, 16, "Your attention: the box is all there is")]
    y = 34.0
    for label, parts in ATTENTION:
        body.append(text(BAR_X, y + 12, label, None, "f-b"))
        top = y + 20
        x = BAR_X
        for name, share, cls in parts:
            w = BAR_W * share
            body.append(rect(x, top, w, BAR_H, f"f-bar {cls}" if cls else "f-bar"))
            if name != "cue":
                body.append(text(x + w / 2, top + 18, name, "middle"))
            x += w
        body.append(rect(BAR_X, top, BAR_W, BAR_H, "f-frame"))
        y = top + BAR_H + 14
        if any(name == "cue" for name, _, _ in parts):
            body.append(text(BAR_X + BAR_W, y + 4, "five cues in one goal's room:", "end", "f-bad"))
            body.append(text(BAR_X + BAR_W, y + 20, "none gets enough", "end", "f-b f-bad"))
            y += 28
    title = "Attention on a descent: calm, nervous with one goal, nervous with five cues"
    desc = (
        "Three bars of the same length stand for all the attention a runner has. Calm, the "
        "trail ahead and one goal fill just over half, leaving attention spare. Nervous, fear "
        "takes half the bar; the trail ahead and one goal still fit, with nothing spare. "
        "Nervous with five coaching cues, the five share the room of one goal, five thin "
        "slivers: none gets enough attention to be followed."
    )
    svg = svg_root("fig-mindset-attention", WIDTH, y + 4, title, desc, body)
    caption = (
        "Why one goal per descent: a nervous runner has little attention to spare. A "
        "picture of coaching experience, not a measurement."
    )
    return Figure(svg, caption)


# ---------------------------------------------------------------- fear as a signal

FEAR_PLOT = (20.0, 34.0, 300.0, 120.0)  # left, top, width, height


def fear_curves() -> dict[str, list[Point]]:
    """Nerves (0–1, schematic) over the descent, sampled at 21 points: one set that settles
    after the first steps, one that keeps climbing."""
    left, top, width, height = FEAR_PLOT
    fading, rising = [], []
    for k in range(21):
        t = k / 20
        x = left + width * t
        fading.append((x, top + height * (1 - (0.25 + 0.55 * math.exp(-6 * t)))))
        rising.append((x, top + height * (1 - (0.35 + 0.6 * t**1.6))))
    return {"fading": fading, "rising": rising}


def fear_signal(root: str) -> Figure:
    left, top, width, height = FEAR_PLOT
    bottom = top + height
    curves = fear_curves()
    body = [
        text(6, 16, "How nervous you feel"),
        path([(left, top - 6), (left, bottom), (left + width, bottom)], cls="f-thin"),
        text(left + width, bottom + 18, "steps down the descent →", "end"),
        path(curves["fading"], cls="f-wide f-good"),
        path(curves["rising"], cls="f-wide f-dash f-bad"),
        text(
            left + width, curves["fading"][-1][1] + 20, "fades: normal, carry on", "end", "f-good"
        ),
        text(left + width * 0.6, top + 14, "keeps rising:", "end", "f-bad"),
        text(left + width * 0.6, top + 30, "walk it", "end", "f-b f-bad"),
    ]
    title = "Fear as a signal: nerves that fade, and fear that keeps rising"
    desc = (
        "Two lines of how nervous a runner feels, over the steps of one descent. The solid "
        "line starts fairly high and settles within the first few steps to a low, steady "
        "level: normal nerves, keep going. The dashed line climbs with every step: fear that "
        "keeps rising, a reason to walk the rest."
    )
    svg = svg_root("fig-mindset-fear-signal", WIDTH, bottom + 26, title, desc, body)
    caption = (
        "Nerves that fade after the first few steps are normal; fear that keeps rising is a "
        "reason to walk. A sketch, not a measurement."
    )
    return Figure(svg, caption)


FIGURES = {
    "mindset-breathing": breathing,
    "mindset-attention": attention,
    "mindset-fear-signal": fear_signal,
}
