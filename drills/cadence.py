"""The cadence calculator: what a quicker step rate means for step length, tempo and cost."""

from __future__ import annotations

from dataclasses import dataclass

from drills.energy import running_cost, running_cost_ratio
from drills.errors import check_range
from drills.units import GRADE_LIMIT_PCT, PACE_RANGE_S_PER_KM, check_pace

CADENCE_RANGE_SPM = (100.0, 240.0)  # from a shuffle to a sprint; outside this a typo is likelier
INCREASE_RANGE_PCT = (
    0.0,
    15.0,
)  # Heiderscheit et al. 2011 tested +5 % and +10 %; 15 % is a ceiling
DEFAULT_INCREASE_PCT = 5.0
# One way to count cadence everywhere the guide asks for a count: every footfall, both feet,
# for this many seconds, scaled to a minute.
COUNT_SECONDS = 30


@dataclass(frozen=True)
class CadenceResult:
    pace_s_per_km: float
    cadence_spm: float
    grade_pct: float
    increase_pct: float
    speed_mps: float
    step_length_m: float
    target_cadence_spm: float  # one decimal
    metronome_bpm: int  # the whole-number tempo to set a metronome to
    target_step_length_m: float
    step_length_change_pct: float  # negative: the steps get shorter
    steps_per_100m_now: float
    steps_per_100m_target: float
    energy_cost_j_per_kg_m: float
    energy_cost_ratio_to_flat: float

    @property
    def speed_kmh(self) -> float:
        return self.speed_mps * 3.6


def calculate(
    pace_s_per_km: float,
    cadence_spm: float,
    grade_pct: float = 0.0,
    increase_pct: float = DEFAULT_INCREASE_PCT,
) -> CadenceResult:
    """Step length now and at a cadence ``increase_pct`` higher, at the same speed.

    Step length = speed ÷ (cadence / 60); the energy cost is Minetti et al. 2002's
    polynomial at the grade (negative = downhill).
    """
    check_pace(pace_s_per_km)
    check_range("cadence", "Cadence", cadence_spm, *CADENCE_RANGE_SPM, "steps/min")
    check_range("grade", "Grade", grade_pct, -GRADE_LIMIT_PCT, GRADE_LIMIT_PCT, "%")
    check_range("increase", "Target increase", increase_pct, *INCREASE_RANGE_PCT, "%")

    speed = 1000.0 / pace_s_per_km
    step_length = speed / (cadence_spm / 60.0)
    target_cadence = cadence_spm * (1.0 + increase_pct / 100.0)
    target_step_length = speed / (target_cadence / 60.0)
    return CadenceResult(
        pace_s_per_km=pace_s_per_km,
        cadence_spm=cadence_spm,
        grade_pct=grade_pct,
        increase_pct=increase_pct,
        speed_mps=speed,
        step_length_m=step_length,
        target_cadence_spm=round(target_cadence, 1),
        metronome_bpm=round(target_cadence),
        target_step_length_m=target_step_length,
        step_length_change_pct=(target_step_length / step_length - 1.0) * 100.0,
        steps_per_100m_now=100.0 / step_length,
        steps_per_100m_target=100.0 / target_step_length,
        energy_cost_j_per_kg_m=running_cost(grade_pct),
        energy_cost_ratio_to_flat=running_cost_ratio(grade_pct),
    )


__all__ = ["PACE_RANGE_S_PER_KM", "CadenceResult", "calculate"]
