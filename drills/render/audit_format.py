"""How the descent audit writes its quantities, in metric or imperial units."""

from __future__ import annotations

from drills.errors import InputError, shown
from drills.render.html import number
from drills.units import KM_PER_MILE

UNITS = ("metric", "imperial")
M_PER_FOOT = 0.3048  # exact, by definition of the international foot


def check_units(units: str) -> str:
    if units not in UNITS:
        raise InputError("units", f"Units must be metric or imperial; got {shown(units)}.")
    return units


def length(metres: float, units: str) -> str:
    """A distance along the ground: "850 m", "12.3 km"; "420 ft", "7.65 mi"."""
    if check_units(units) == "metric":
        if metres < 1000:
            return f"{metres:.0f} m"
        return f"{number(metres / 1000, 2 if metres < 10_000 else 1)} km"
    miles = metres / (KM_PER_MILE * 1000)
    if miles < 0.1:
        return f"{metres / M_PER_FOOT:,.0f} ft"
    return f"{number(miles, 2 if miles < 10 else 1)} mi"


def height(metres: float, units: str) -> str:
    """A climb, drop or elevation: "801 m", "2,628 ft"."""
    if check_units(units) == "metric":
        return f"{metres:,.0f} m"
    return f"{metres / M_PER_FOOT:,.0f} ft"


def height_unit(units: str) -> str:
    return "m" if check_units(units) == "metric" else "ft"


def height_value(metres: float, units: str) -> float:
    return metres if check_units(units) == "metric" else metres / M_PER_FOOT


def length_unit(units: str) -> str:
    return "km" if check_units(units) == "metric" else "mi"


def length_value(metres: float, units: str) -> float:
    return metres / 1000 if check_units(units) == "metric" else metres / (KM_PER_MILE * 1000)


def duration(seconds: float) -> str:
    """ "1:05:07" or "12:05" (minutes:seconds under an hour)."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def minutes_words(seconds: float) -> str:
    """For sentences: "14 min", "40 s"."""
    return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{seconds:.0f} s"


def grade(pct: float) -> str:
    return f"{number(pct, 1)} %"


def band_label(grade_from: float, grade_to: float | None) -> str:
    return f"{grade_from:g}–{grade_to:g} %" if grade_to is not None else f"≥ {grade_from:g} %"


def band_words(grade_from: float, grade_to: float | None) -> str:
    if grade_to is None:
        return f"{grade_from:g} % and steeper"
    return f"{grade_from:g} to {grade_to:g} %"
