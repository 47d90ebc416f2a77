"""Validation at the boundary: one error type whose message a runner understands."""

from __future__ import annotations

import math


class InputError(ValueError):
    """Bad input for one form field.

    ``field`` is the form field's name, so the page can show ``str(error)``
    beside the right input.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def shown(value: object, limit: int = 40) -> str:
    """The value as the reader typed it, shortened so a 10 kB paste stays readable."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_range(
    field: str, label: str, value: float, low: float, high: float, unit: str = ""
) -> float:
    """Return ``value`` if it is a finite number within [low, high], else raise InputError."""
    suffix = f" {unit}" if unit else ""
    if not math.isfinite(value) or not low <= value <= high:
        raise InputError(
            field,
            f"{label} must be between {low:g} and {high:g}{suffix}; you entered {shown(value)}.",
        )
    return value


def check_number(
    field: str, label: str, value: object, low: float, high: float, unit: str = ""
) -> float:
    """``value`` as a float if it is a real number (not a bool) within [low, high]."""
    suffix = f" {unit}" if unit else ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(
            field,
            f"{label} must be a number between {low:g} and {high:g}{suffix}; "
            f"you entered {shown(repr(value))}.",
        )
    try:
        # Ints are checked as given, so the message repeats exactly what was entered.
        return float(check_range(field, label, value, low, high, unit))
    except OverflowError:  # an int too big to compare as a float
        raise InputError(
            field,
            f"{label} must be between {low:g} and {high:g}{suffix}; you entered {shown(value)}.",
        ) from None


def check_whole(field: str, label: str, value: object, low: int, high: int, extra: str = "") -> int:
    """``value`` as an int if it is a whole number (an int, or a float with no fraction)
    within [low, high]; ``extra`` ends the range in the message (", or empty")."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not (math.isfinite(value) and value.is_integer()))
        or not low <= value <= high
    ):
        what = shown(repr(value)) if not isinstance(value, int | float) else shown(value)
        raise InputError(
            field,
            f"{label} must be a whole number from {low} to {high}{extra}; you entered {what}.",
        )
    return int(value)
