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
from drills.render.audit_chart import ACCENT, AXIS_SIZE, FAINT, HEIGHT, LINE, WIDTH
from drills.render.audit_format import band_label, band_words, height, height_unit, height_value
from drills.render.html import esc
from drills.render.planner_chart import nice_ceiling
from drills.runs.advice import STEEP_FROM_PCT

CHART_WEEKS = 52  # a year of bars at most: older weeks stay in the table
LEFT, RIGHT, TOP, BOTTOM = 64, 10, 52, 34
TICKS = 4
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
    colour = ACCENT if index in steep else LINE
    return f"fill:{colour};fill-opacity:{0.25 + 0.75 * share:.2f}"


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


def _legend(weeks: Sequence[Week]) -> list[str]:
    out = ['<g class="dc-legend">']
    slot = (WIDTH - LEFT - RIGHT) / len(weeks[0].bands)
    for k, b in enumerate(weeks[0].bands):
        x = LEFT + k * slot
        out.append(
            f'<rect x="{_n(x)}" y="12" width="14" height="14" style="{band_style(weeks, k)}"/>'
            f'<text x="{_n(x + 19)}" y="24" font-size="{AXIS_SIZE - 1}">'
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
    out.append(f'</g><g font-size="{AXIS_SIZE}">')
    for k in range(TICKS + 1):
        y = base - plot_h * k / TICKS
        out.append(
            f'<text x="{LEFT - 6}" y="{_n(y + 5)}" text-anchor="end" data-axis="y-descent">'
            f"{round(top * k / TICKS, 6):,g}</text>"
        )
    out.append(
        f'<text transform="translate(14 {TOP + plot_h / 2:.0f}) rotate(-90)" '
        f'text-anchor="middle">Descent ({height_unit(units)})</text>'
    )
    shown_month = None
    for i, w in enumerate(weeks):  # a month's name under its first week; no scale to sit on
        if w.start.month != shown_month and (i > 0 or w.start.day <= 7):
            shown_month = w.start.month
            label = MONTHS[w.start.month - 1]
            if w.start.month == 1 or i == 0:
                label += f" {w.start.year}"
            out.append(f'<text x="{_n(LEFT + i * slot)}" y="{base + 20}">{esc(label)}</text>')
        elif i == 0:
            shown_month = w.start.month
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
                f'style="{band_style(weeks, k)}"/>'
            )
        out.append(f"<g><title>{esc('; '.join(parts))}</title>{''.join(rects)}</g>")
    out.append(
        f'</g><line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" style="stroke:{LINE}"/>'
        "</svg>"
    )
    return "".join(out)
