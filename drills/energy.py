"""Energy cost of running on a slope (Minetti et al. 2002).

The polynomial fits treadmill data from 10 runners between −45 % and +45 %;
outside that range it is not evidence of anything, so we refuse to extrapolate.
"""

from __future__ import annotations

from drills.errors import check_range

# Cr(i) = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² + 19.5i + 3.6, i = decimal grade, J·kg⁻¹·m⁻¹.
MINETTI_RUNNING_COEFFICIENTS = (155.4, -30.4, -43.3, 46.3, 19.5, 3.6)
MINETTI_GRADE_LIMIT_PCT = 45.0


def running_cost(grade_pct: float) -> float:
    """Energy cost of running in J per kg per metre at a signed grade in % (−45…+45)."""
    check_range("grade", "Grade", grade_pct, -MINETTI_GRADE_LIMIT_PCT, MINETTI_GRADE_LIMIT_PCT, "%")
    i = grade_pct / 100.0
    cost = 0.0
    for coefficient in MINETTI_RUNNING_COEFFICIENTS:  # Horner's rule
        cost = cost * i + coefficient
    return cost


def running_cost_ratio(grade_pct: float) -> float:
    """Running cost at this grade relative to the flat (both from the same polynomial)."""
    return running_cost(grade_pct) / running_cost(0.0)
