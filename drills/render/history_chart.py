"""A runner's weeks as an inline SVG: descent per week, each bar stacked by grade band.

Drawn as the audit's and the planner's charts are: a viewBox and no fixed size, role="img"
with a <title> and a <desc> that says in words what it shows (the weeks' table beside it says
it all, week by week), and colours from Material's variables so both schemes read. Gentle
bands are drawn in the text's colour, steep ones (``STEEP_FROM_PCT`` and up, as the audit
counts them) in the accent; each band a shade stronger than the one below it.
"""

from __future__ import annotations

from collections.abc import Sequence

from drills.history import Week
from drills.render.audit_chart import ACCENT, FAINT, LINE, WIDTH
from drills.render.audit_format import band_label, band_words, height, height_unit, height_value
from drills.render.html import esc
from drills.render.planner_chart import nice_ceiling
from drills.runs.advice import STEEP_FROM_PCT

CHART_WEEKS = 52  # a year of bars at most: older weeks stay in the table
HEIGHT = 330
LEFT, RIGHT, TOP, BOTTOM = 78, 10, 96, 40
# Text in the 640-wide viewBox: on a 360 px phone a unit is half a pixel, so 22 reads as 11 px.
TEXT_SIZE = 22
LEGEND_ROWS = 2
TICKS = 4
PAGE = "var(--md-default-bg-color, white)"  # a hairline between a bar's bands
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def band_style(weeks: Sequence[Week], index: int) -> str:
    """The fill of grade band ``index``: gentle bands in the text's colour, steep in the
    accent, each stronger than the gentler one before it."""
    bands = weeks[0].bands
    steep = [k for k, b in enumerate(bands) if b.grade_from_pct >= STEEP_FROM_PCT]
    gentle = [k for k in range(len(bands)) if k not in steep]
    group = steep if index in steep else gentle
    share = (group.index(index) + 1) / len(group)
    if index in steep:
        return f"fill:{ACCENT};fill-opacity:{0.45 + 0.55 * share:.2f}"
    return f"fill:{LINE};fill-opacity:{0.3 + 0.4 * share:.2f}"


def _desc(weeks: Sequence[Week], units: str, skipped: int) -> str:
    first, last = weeks[0].start, weeks[-1].start
    biggest = max(weeks, key=lambda w: w.descent_m)
    totals = [sum(w.bands[k].descent_m for w in weeks) for k in range(len(weeks[0].bands))]
    most = max(range(len(totals)), key=lambda k: totals[k])
    band = weeks[0].bands[most]
    parts = [
        f"Stacked bars of descent per week by grade band, {len(weeks)} week"
        f"{'s' if len(weeks) != 1 else ''} from the week of {first.isoformat()} to the week of "
        f"{last.isoformat()}.",
        f"The biggest week, of {biggest.start.isoformat()}, descended "
        f"{height(biggest.descent_m, units)}.",
    ]
    if totals[most] > 0:
        parts.append(
            f"Most of the descent was at {band_words(band.grade_from_pct, band.grade_to_pct)}."
        )
    if skipped:
        parts.append(f"{skipped} earlier weeks are in the table only.")
    parts.append("The table of the weeks gives every figure.")
    return " ".join(parts)


def _months(weeks: Sequence[Week], slot: float, base: float) -> list[str]:
    """A month's name under its first week (with the year in January and at the start), left
    out where it would run into the one before; no scale to sit on, so no ``data-axis``."""
    out: list[str] = []
    free_from, month = 0.0, weeks[0].start.month if weeks[0].start.day > 7 else 0
    for i, w in enumerate(weeks):
        if w.start.month == month:
            continue
        month = w.start.month
        label = MONTHS[month - 1] + (f" {w.start.year}" if month == 1 or not out else "")
        x = LEFT + i * slot
        if x >= free_from:
            out.append(f'<text x="{_n(x)}" y="{base + 28}">{esc(label)}</text>')
            free_from = x + (len(label) + 1) * TEXT_SIZE * 0.55
    return out


def _legend(weeks: Sequence[Week]) -> list[str]:
    out = [f'<g class="dc-legend" font-size="{TEXT_SIZE}">']
    bands = weeks[0].bands
    per_row = -(-len(bands) // LEGEND_ROWS)
    slot = (WIDTH - LEFT - RIGHT) / per_row
    for k, b in enumerate(bands):
        x, y = LEFT + k % per_row * slot, 8 + k // per_row * (TEXT_SIZE + 12)
        out.append(
            f'<rect x="{_n(x)}" y="{y}" width="{TEXT_SIZE}" height="{TEXT_SIZE}" '
            f'style="{band_style(weeks, k)}"/>'
            f'<text x="{_n(x + TEXT_SIZE + 8)}" y="{y + TEXT_SIZE - 4}">'
            f"{esc(band_label(b.grade_from_pct, b.grade_to_pct))}</text>"
        )
    out.append("</g>")
    return out


def history_chart_svg(
    all_weeks: Sequence[Week], units: str, id_prefix: str = "dc-history-chart"
) -> str:
    """The last CHART_WEEKS weeks as stacked bars (empty string for a history with no weeks)."""
    if not all_weeks:
        return ""
    weeks = list(all_weeks[-CHART_WEEKS:])
    top = nice_ceiling(max(height_value(w.descent_m, units) for w in weeks))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    base = TOP + plot_h
    slot = plot_w / len(weeks)
    p = esc(id_prefix)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="dc-chart dc-history-chart" role="img" aria-labelledby="{p}-title {p}-desc" '
        'font-size="12" fill="currentColor">',
        f'<title id="{p}-title">Descent per week by grade band</title>',
        f'<desc id="{p}-desc">{esc(_desc(weeks, units, len(all_weeks) - len(weeks)))}</desc>',
        f'<g stroke="{FAINT}">',
    ]
    for k in range(TICKS + 1):
        y = base - plot_h * k / TICKS
        out.append(f'<line x1="{LEFT}" y1="{_n(y)}" x2="{WIDTH - RIGHT}" y2="{_n(y)}"/>')
    out.append(f'</g><g font-size="{TEXT_SIZE}">')
    for k in range(TICKS + 1):
        y = base - plot_h * k / TICKS
        out.append(
            f'<text x="{LEFT - 6}" y="{_n(y + 7)}" text-anchor="end" data-axis="y-descent">'
            f"{round(top * k / TICKS, 6):,g}</text>"
        )
    out.append(
        f'<text transform="translate(18 {TOP + plot_h / 2:.0f}) rotate(-90)" '
        f'text-anchor="middle">Descent ({height_unit(units)})</text>'
    )
    out += _months(weeks, slot, base)
    out.append("</g>")
    out += _legend(weeks)
    out.append('<g class="dc-bars">')
    for i, w in enumerate(weeks):
        x, y = LEFT + i * slot + slot * 0.12, float(base)
        parts = [f"Week of {w.start.isoformat()}: {height(w.descent_m, units)} down"]
        rects = []
        for k, b in enumerate(w.bands):
            h = plot_h * height_value(b.descent_m, units) / top
            if b.descent_m <= 0:
                continue
            y -= h
            parts.append(
                f"{band_label(b.grade_from_pct, b.grade_to_pct)}: {height(b.descent_m, units)}"
            )
            rects.append(
                f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(slot * 0.76)}" height="{_n(h)}" '
                f'style="{band_style(weeks, k)};stroke:{PAGE};stroke-width:1"/>'
            )
        out.append(f"<g><title>{esc('; '.join(parts))}</title>{''.join(rects)}</g>")
    out.append(
        f'</g><line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" style="stroke:{LINE}"/>'
        "</svg>"
    )
    return "".join(out)
