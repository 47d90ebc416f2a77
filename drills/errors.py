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
