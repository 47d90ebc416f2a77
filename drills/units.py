"""Parsing what runners type: paces, speeds, cadences, grades and plain numbers.

Every parser takes the raw text of one form field and returns a number in SI-ish
base units (seconds per km, metres per second, signed percent), or raises
``InputError`` naming that field and saying what would have been accepted.
"""

from __future__ import annotations

import math
import re

from drills.errors import InputError, shown

KM_PER_MILE = 1.609344
MAX_FIELD_CHARS = 40  # no valid value is longer; stops 10 kB pastes from reaching the regexes

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_PACE = re.compile(
    r"(?P<min>\d{1,2}):(?P<sec>[0-5]\d(?:\.\d+)?)\s*"
    r"(?:(?:min)?\s*/\s*(?P<unit>km|mi|mile)|(?:min\s+)?per\s+(?P<unit2>km|mi|mile))?",
    re.IGNORECASE,
)
_SPEED = re.compile(rf"(?P<value>{_NUMBER})\s*(?P<unit>km/h|kmh|kph|mph|m/s)?", re.IGNORECASE)
_GRADE = re.compile(rf"(?P<value>{_NUMBER})\s*(?P<unit>%|°|deg|degrees?)?", re.IGNORECASE)
_DROP = re.compile(
    rf"(?P<drop>{_NUMBER})\s*m?\s*(?:drop\s*)?(?:in|over|/)\s*(?P<dist>{_NUMBER})\s*(?P<unit>m|km)?",
    re.IGNORECASE,
)


def _clean(field: str, label: str, text: object) -> str:
    if not isinstance(text, str):
        raise InputError(field, f"{label} must be text; got {shown(text)}.")
    cleaned = text.strip()
    if not cleaned:
        raise InputError(field, f"{label} is empty; please enter a value.")
    if len(cleaned) > MAX_FIELD_CHARS:
        raise InputError(
            field, f"{label} is too long ({len(cleaned)} characters); you entered {shown(cleaned)}."
        )
    cleaned = cleaned.replace("−", "-")  # the real minus sign this site prints
    if not all(ch.isascii() or ch == "°" for ch in cleaned):
        # Python's float() accepts other scripts' digits ("٥"); a form field should not.
        raise InputError(
            field,
            f"{label} may use only the digits 0–9 and ASCII symbols; you entered {shown(cleaned)}.",
        )
    return cleaned


def parse_number(
    text: str, field: str, label: str, low: float, high: float, unit: str = ""
) -> float:
    """A plain decimal number within [low, high]."""
    cleaned = _clean(field, label, text)
    suffix = f" {unit}" if unit else ""
    if not re.fullmatch(_NUMBER, cleaned):
        raise InputError(
            field,
            f"{label} must be a number between {low:g} and {high:g}{suffix}; you entered {shown(cleaned)}.",
        )
    value = float(cleaned)
    if not low <= value <= high:
        raise InputError(
            field,
            f"{label} must be between {low:g} and {high:g}{suffix}; you entered {shown(cleaned)}.",
        )
    return value


def parse_pace(text: str, field: str = "pace") -> float:
    """Seconds per km from "5:00", "5:00/km", "8:03/mi" or "8:03 min/mi" (no unit means per km)."""
    cleaned = _clean(field, "Pace", text)
    match = _PACE.fullmatch(cleaned)
    if not match:
        raise InputError(
            field,
            f"Pace must look like 5:30/km or 8:51/mi (minutes:seconds); you entered {shown(cleaned)}.",
        )
    seconds = int(match["min"]) * 60 + float(match["sec"])
    unit = (match["unit"] or match["unit2"] or "km").lower()
    per_km = seconds / KM_PER_MILE if unit in ("mi", "mile") else seconds
    return check_pace(per_km, field)


PACE_RANGE_S_PER_KM = (120.0, 1200.0)  # 2:00/km (faster than any world record) to 20:00/km (a walk)


def check_pace(per_km: float, field: str = "pace") -> float:
    low, high = PACE_RANGE_S_PER_KM
    if not math.isfinite(per_km) or not low <= per_km <= high:
        raise InputError(
            field,
            f"Pace must be between 2:00 and 20:00 per km (3:13–32:11 per mile); "
            f"you entered {format_pace(per_km) if math.isfinite(per_km) else shown(per_km)}.",
        )
    return per_km


def parse_speed(text: str, field: str = "pace") -> float:
    """Seconds per km from a speed such as "12 km/h", "7.5 mph" or "3.3 m/s" (no unit: km/h)."""
    cleaned = _clean(field, "Speed", text)
    match = _SPEED.fullmatch(cleaned)
    if not match:
        raise InputError(
            field,
            f"Speed must look like 12 km/h, 7.5 mph or 3.3 m/s; you entered {shown(cleaned)}.",
        )
    value = float(match["value"])
    unit = (match["unit"] or "km/h").lower()
    kmh = {"mph": value * KM_PER_MILE, "m/s": value * 3.6}.get(unit, value)
    if kmh <= 0:
        raise InputError(field, f"Speed must be above zero; you entered {shown(cleaned)}.")
    return check_pace(3600.0 / kmh, field)


def parse_pace_or_speed(text: str, field: str = "pace") -> float:
    """Seconds per km from either a pace (has a colon) or a speed."""
    cleaned = _clean(field, "Pace", text)
    if not (_PACE.fullmatch(cleaned) or _SPEED.fullmatch(cleaned)):
        raise InputError(
            field,
            "Pace must look like 5:30/km or 8:51/mi, or give a speed such as 11 km/h or 6.8 mph; "
            f"you entered {shown(cleaned)}.",
        )
    return parse_pace(cleaned, field) if ":" in cleaned else parse_speed(cleaned, field)


GRADE_LIMIT_PCT = 45.0  # Minetti et al. 2002 measured −45 % to +45 %; nothing is claimed beyond


def parse_grade(text: str, field: str = "grade") -> float:
    """Signed grade in % (negative = downhill) from "-10", "-10 %", "-5.7°" or "-50 m in 500 m".

    A drop written as "50 m in 500 m" (drop over distance along the ground) is a descent.
    """
    cleaned = _clean(field, "Grade", text)
    drop = _DROP.fullmatch(cleaned)
    if drop:
        pct = _grade_from_drop(
            field, cleaned, float(drop["drop"]), float(drop["dist"]), drop["unit"]
        )
    else:
        match = _GRADE.fullmatch(cleaned)
        if not match:
            raise InputError(
                field,
                "Grade must be a percentage (−10 or −10 %), degrees (−5.7°) or a drop over a "
                f"distance (50 m in 500 m); you entered {shown(cleaned)}.",
            )
        value = float(match["value"])
        unit = (match["unit"] or "%").lower()
        pct = value if unit == "%" else _percent_from_degrees(field, cleaned, value)
    if abs(pct) > GRADE_LIMIT_PCT:
        raise InputError(
            field,
            f"Grade must be between −45 % and +45 % (about ±24°), the range the energy data covers; "
            f"you entered {shown(cleaned)}.",
        )
    return pct


def _percent_from_degrees(field: str, cleaned: str, degrees: float) -> float:
    if abs(degrees) >= 90:
        raise InputError(
            field, f"Grade in degrees must be under 90°; you entered {shown(cleaned)}."
        )
    return math.tan(math.radians(degrees)) * 100.0


def _grade_from_drop(
    field: str, cleaned: str, drop: float, distance: float, unit: str | None
) -> float:
    metres = distance * (1000.0 if (unit or "m").lower() == "km" else 1.0)
    if drop < 0 or metres <= 0 or drop >= metres:
        raise InputError(
            field,
            f"A drop must be positive and shorter than the distance it happens over; "
            f"you entered {shown(cleaned)}.",
        )
    # The distance is along the ground, so the horizontal run is the other side of the triangle.
    return -drop / math.sqrt(metres**2 - drop**2) * 100.0


def format_pace(s_per_km: float, unit: str = "km") -> str:
    """ "5:03/km" from 303.0; unit "mi" converts to per mile."""
    seconds = s_per_km * KM_PER_MILE if unit == "mi" else s_per_km
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}/{unit}"


def parse_whole(text: str, field: str, label: str, low: int, high: int) -> int:
    """A whole number within [low, high], as typed ("10", "10.0")."""
    value = parse_number(text, field, label, low, high)
    if value != int(value):
        raise InputError(
            field,
            f"{label} must be a whole number from {low} to {high}; you entered {shown(text)}.",
        )
    return int(value)
