"""The descent audit's two inline SVGs: the elevation profile with its sustained descents, and
time, drop and cadence per grade band.

Each has a viewBox and no fixed size, role="img" with a <title> and a <desc> that says in words
what it shows, and takes its colours from Material's CSS variables so the light and dark
schemes both work. The profile is drawn from the audit's downsampled samples (at most
``drills.runs.audit.PROFILE_POINTS``), which keeps an SVG of a long run under 8 KB.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from drills.render.audit_format import (
    M_PER_FOOT,
    band_label,
    band_words,
    height,
    height_unit,
    height_value,
    length,
    length_unit,
    length_value,
    minutes_words,
)
from drills.render.html import esc
from drills.runs.audit import Audit, Descent
from drills.runs.plausible import believable

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 64, 14, 20, 40
LINE = "var(--md-default-fg-color--light, currentColor)"
FAINT = "var(--md-default-fg-color--lightest, rgba(0, 0, 0, 0.07))"
# The highlight: its own variable (site.css) so the dark scheme gets a colour that reads there.
ACCENT = "var(--dc-audit-accent, var(--md-primary-fg-color, currentColor))"
DESC_DESCENTS = 8  # descents named one by one in the profile's description
# Text sizes in the 640-wide viewBox: on a 360 px phone a unit is half a pixel.
AXIS_SIZE = 15
LABEL_SIZE = 16  # a descent's number; one that would overlap a steeper one's is left off


def _n(value: float) -> str:
    """A coordinate with one decimal and no float noise."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _i(value: float) -> str:
    """A whole-unit coordinate (1/640 of the width): a long profile's points stay short."""
    return f"{value:.0f}"


def _nice_step(span: float, ticks: int = 4) -> float:
    raw = span / ticks if span > 0 else 1.0
    base = 10.0 ** math.floor(math.log10(raw))
    return next(f * base for f in (1.0, 2.0, 2.5, 5.0, 10.0) if f * base >= raw)


def _bar_label(value: float) -> str:
    return "<1" if value < 0.5 else f"{value:.0f}"


def _open(prefix: str, title: str, desc: str, label: str) -> list[str]:
    p = esc(prefix)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="dc-chart {esc(label)}" role="img" aria-labelledby="{p}-title {p}-desc" '
        'font-size="12" fill="currentColor">',
        f'<title id="{p}-title">{esc(title)}</title>',
        f'<desc id="{p}-desc">{esc(desc)}</desc>',
    ]


def _profile_desc(result: Audit, units: str) -> str:
    parts = [
        f"Elevation profile over {length(result.distance_m, units)}, between "
        f"{height(result.lowest_m, units)} and {height(result.highest_m, units)}, with "
        f"{height(result.descent_m, units)} of descent in all."
    ]
    highlighted = believable(result.descents)
    shown = highlighted[:DESC_DESCENTS]
    if not shown:
        parts.append("No sustained descent is highlighted.")
    else:
        parts.append(
            f"{len(highlighted)} sustained descent"
            + (" is" if len(highlighted) == 1 else "s are")
            + " highlighted, numbered where the numbers fit:"
        )
        parts += [
            f"{d.number}, from {length(d.start_m, units)}, drops {height(d.drop_m, units)} over "
            f"{length(d.length_m, units)} (mean {d.mean_grade_pct:.0f} %, steepest "
            f"{d.steepest_grade_pct:.0f} %)" + (";" if k < len(shown) - 1 else ".")
            for k, d in enumerate(shown)
        ]
        if len(highlighted) > len(shown):
            parts.append(f"{len(highlighted) - len(shown)} more are listed in the table.")
    if len(highlighted) < len(result.descents):
        parts.append("Descents no runner covered (bad elevation data) are not highlighted.")
    return " ".join(parts)


def _stretch(profile: Sequence[tuple[float, float]], descent: Descent) -> list[tuple[float, float]]:
    """The profile's samples within a descent, with its two ends interpolated."""

    def at(x: float) -> tuple[float, float]:
        for (x0, y0), (x1, y1) in itertools.pairwise(profile):
            if x0 <= x <= x1:
                share = (x - x0) / (x1 - x0) if x1 > x0 else 0.0
                return x, y0 + (y1 - y0) * share
        return profile[-1]

    inside = [p for p in profile if descent.start_m < p[0] < descent.end_m]
    return [at(descent.start_m), *inside, at(descent.end_m)]


def profile_svg(result: Audit, units: str, id_prefix: str = "dc-audit-profile") -> str:
    """The elevation profile (distance across, elevation up) with the descents in colour."""
    profile = result.profile
    x0, x1 = profile[0][0], max(profile[-1][0], profile[0][0] + 1.0)
    low, high = result.lowest_m, max(result.highest_m, result.lowest_m + 10.0)
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    base = TOP + plot_h

    def px(distance: float) -> float:
        return LEFT + (distance - x0) / (x1 - x0) * plot_w

    def py(elevation: float) -> float:
        return base - (elevation - low) / (high - low) * plot_h

    out = _open(
        id_prefix,
        f"Elevation profile of {result.name} with its sustained descents",
        _profile_desc(result, units),
        "dc-audit-profile",
    )
    # Elevation ticks (in the reader's units) and distance ticks.
    step = _nice_step(height_value(high - low, units))
    first = math.ceil(height_value(low, units) / step) * step
    out.append(f'<g stroke="{FAINT}">')
    ticks = []
    value = first
    while value <= height_value(high, units):
        y = py(value if units == "metric" else value * M_PER_FOOT)
        ticks.append((value, y))
        out.append(f'<line x1="{LEFT}" y1="{_n(y)}" x2="{WIDTH - RIGHT}" y2="{_n(y)}"/>')
        value += step
    out.append("</g>")
    out.append(f'<g font-size="{AXIS_SIZE}">')
    for value, y in ticks:
        out.append(
            f'<text x="{LEFT - 6}" y="{_n(y + 5)}" text-anchor="end" data-axis="y-elevation">'
            f"{value:,.0f}</text>"
        )
    dstep = _nice_step(length_value(x1 - x0, units), 5)
    metres_per_unit = (x1 - x0) / max(length_value(x1 - x0, units), 1e-9)
    k = 0
    while k * dstep <= length_value(x1 - x0, units) + 1e-9:
        x = px(x0 + k * dstep * metres_per_unit)
        out.append(
            f'<text x="{_n(x)}" y="{base + 18}" text-anchor="middle" data-axis="x-distance">'
            f"{k * dstep:g}</text>"
        )
        k += 1
    out.append(
        f'<text x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 6}" text-anchor="middle">'
        f"Distance ({length_unit(units)})</text>"
    )
    out.append(
        f'<text transform="translate(14 {TOP + plot_h / 2:.0f}) rotate(-90)" '
        f'text-anchor="middle">Elevation ({height_unit(units)})</text>'
    )
    out.append("</g>")
    line = " ".join(f"{_i(px(x))},{_i(py(y))}" for x, y in profile)
    out.append(
        f'<polygon points="{_n(px(profile[0][0]))},{base} {line} {_n(px(profile[-1][0]))},{base}" '
        f'style="fill:{FAINT};stroke:none"/>'
    )
    out.append(f'<polyline points="{line}" style="fill:none;stroke:{LINE};stroke-width:1.5"/>')
    shown = believable(result.descents)  # a descent no runner covered is not highlighted
    out.append(f'<g style="fill:none;stroke:{ACCENT};stroke-width:3.5;stroke-linecap:round">')
    for d in shown:
        pts = " ".join(f"{_i(px(x))},{_i(py(y))}" for x, y in _stretch(profile, d))
        out.append(f'<polyline points="{pts}"><title>Descent {d.number}</title></polyline>')
    out.append("</g>")
    out.append(f'<g font-size="{LABEL_SIZE}" font-weight="bold" style="fill:{ACCENT}">')
    placed: list[tuple[float, float]] = []
    for d in sorted(shown, key=lambda d: -d.steepest_grade_pct):  # the steepest keep theirs
        x, y = px(d.start_m), max(TOP + 10, py(d.top_m) - 6)
        if any(abs(x - a) < LABEL_SIZE * 1.4 and abs(y - b) < LABEL_SIZE for a, b in placed):
            continue  # its neighbour's number would sit on it: the table still lists it
        placed.append((x, y))
        out.append(f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="middle">{d.number}</text>')
    out.append("</g></svg>")
    return "".join(out)


def _bands_desc(result: Audit, units: str) -> str:
    parts = ["Three bar charts, one bar per descent grade band."]
    timed = result.moving_time_s is not None
    rows = []
    for b in result.bands:
        words = band_words(b.grade_from_pct, b.grade_to_pct)
        bits = [f"{height(b.descent_m, units)} of drop"]
        if timed and b.time_s is not None:
            bits.insert(0, minutes_words(b.time_s))
        if b.cadence_spm is not None:
            bits.append(f"{b.cadence_spm:.0f} steps per minute")
        rows.append(f"{words}: {', '.join(bits)}")
    parts.append("; ".join(rows) + ".")
    if not timed:
        parts.append("The file has no times, so time per band is not shown.")
    if all(b.cadence_spm is None for b in result.bands):
        parts.append("The file has no cadence.")
    return " ".join(parts)


def bands_chart_svg(result: Audit, units: str, id_prefix: str = "dc-audit-bands") -> str:
    """Time, drop and cadence per grade band, as three small bar charts side by side."""
    bands = result.bands
    panels: list[tuple[str, list[float | None], str]] = [
        ("Time (min)", [None if b.time_s is None else b.time_s / 60 for b in bands], "no times"),
        (
            f"Drop ({height_unit(units)})",
            [height_value(b.descent_m, units) for b in bands],
            "",
        ),
        ("Cadence (steps/min)", [b.cadence_spm for b in bands], "no cadence"),
    ]
    out = _open(
        id_prefix,
        f"Time, drop and cadence by descent grade for {result.name}",
        _bands_desc(result, units),
        "dc-audit-bands",
    )
    panel_w = (WIDTH - 24) / 3
    top, base = 40, HEIGHT - 44
    for k, (title, values, missing) in enumerate(panels):
        left = 12 + k * panel_w
        out.append(f'<g transform="translate({_n(left)} 0)">')
        out.append(f'<text x="{_n(panel_w / 2)}" y="18" text-anchor="middle">{esc(title)}</text>')
        out.append(
            f'<line x1="4" y1="{base}" x2="{_n(panel_w - 8)}" y2="{base}" style="stroke:{LINE}"/>'
        )
        known = [v for v in values if v is not None]
        if not known or (missing and not any(v > 0 for v in known)):
            out.append(
                f'<text x="{_n(panel_w / 2)}" y="{(top + base) / 2:.0f}" text-anchor="middle" '
                f'style="fill:{LINE}">{esc(missing or "none")}</text></g>'
            )
            continue
        top_value = max(known) or 1.0
        slot = (panel_w - 12) / len(values)
        for i, (band, value) in enumerate(zip(bands, values, strict=True)):
            x = 4 + i * slot
            if value:
                h = (base - top) * value / top_value
                out.append(
                    f'<rect x="{_n(x + slot * 0.15)}" y="{_n(base - h)}" '
                    f'width="{_n(slot * 0.7)}" height="{_n(h)}" style="fill:{ACCENT}"/>'
                )
                out.append(
                    f'<text x="{_n(x + slot / 2)}" y="{_n(base - h - 4)}" font-size="10" '
                    f'text-anchor="middle">{esc(_bar_label(value))}</text>'
                )
            label = band_label(band.grade_from_pct, band.grade_to_pct).replace(" %", "")
            label = label.replace("≥ ", "≥")
            out.append(
                f'<text x="{_n(x + slot / 2)}" y="{base + 14}" font-size="9" '
                f'text-anchor="middle">{esc(label)}</text>'
            )
        out.append("</g>")
    out.append(
        f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT - 8}" text-anchor="middle">'
        "Descent grade band (%)</text></svg>"
    )
    return "".join(out)
