"""The cadence calculator, unit parsing and the energy model: known values and properties."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drills import cadence, energy, metronome, units
from drills.errors import InputError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5:00", 300.0),
        ("5:00/km", 300.0),
        ("5:00 /km", 300.0),
        ("8:03/mi", 483 / units.KM_PER_MILE),
        ("8:03 min/mi", 483 / units.KM_PER_MILE),
        ("8:03 per mile", 483 / units.KM_PER_MILE),
        ("4:30.5/km", 270.5),
    ],
)
def test_parse_pace_accepts_the_documented_forms(text: str, expected: float) -> None:
    assert units.parse_pace(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected_pct"),
    [
        ("-10", -10.0),
        ("-10 %", -10.0),
        ("+4.5%", 4.5),
        ("-45", -45.0),
        ("-5.7°", math.tan(math.radians(-5.7)) * 100),
        ("-10 deg", math.tan(math.radians(-10)) * 100),
        ("50 m in 500 m", -50 / math.sqrt(500**2 - 50**2) * 100),
        ("120 m over 1.2 km", -120 / math.sqrt(1200**2 - 120**2) * 100),
    ],
)
def test_parse_grade_accepts_percent_degrees_and_drops(text: str, expected_pct: float) -> None:
    assert units.parse_grade(text) == pytest.approx(expected_pct)


@pytest.mark.parametrize(
    ("text", "expected_kmh"),
    [("12 km/h", 12.0), ("12", 12.0), ("7.5 mph", 7.5 * units.KM_PER_MILE), ("3 m/s", 10.8)],
)
def test_parse_speed_gives_seconds_per_km(text: str, expected_kmh: float) -> None:
    assert units.parse_pace_or_speed(text) == pytest.approx(3600 / expected_kmh)


@pytest.mark.parametrize(
    ("parser", "text", "field", "must_mention"),
    [
        (units.parse_pace, "", "pace", "empty"),
        (units.parse_pace, "five", "pace", "five"),
        (units.parse_pace, "1:00/km", "pace", "2:00 and 20:00"),
        (units.parse_pace, "5:75", "pace", "5:75"),
        (units.parse_pace, "٥:٠٠", "pace", "0–9"),
        (units.parse_pace, "5" * 10_000, "pace", "too long"),
        (units.parse_pace_or_speed, "fast", "pace", "5:30/km"),
        (units.parse_pace_or_speed, "0 km/h", "pace", "above zero"),
        (units.parse_grade, "-46", "grade", "−45 % and +45 %"),
        (units.parse_grade, "NaN", "grade", "NaN"),
        (units.parse_grade, "inf", "grade", "inf"),
        (units.parse_grade, "90°", "grade", "90°"),
        (units.parse_grade, "600 m in 500 m", "grade", "shorter than the distance"),
        (units.parse_grade, "-10 furlongs", "grade", "furlongs"),
    ],
)
def test_bad_text_raises_a_message_naming_field_and_value(
    parser: object, text: str, field: str, must_mention: str
) -> None:
    with pytest.raises(InputError) as caught:
        parser(text)
    assert caught.value.field == field
    assert must_mention in str(caught.value)


def test_minetti_known_values() -> None:
    # From the evidence brief: Cr relative to flat 0.60 at −10 %, 0.50 at −20 %, 1.66 at +10 %.
    assert energy.running_cost(0) == pytest.approx(3.6)
    assert energy.running_cost_ratio(-10) == pytest.approx(0.598, abs=0.001)
    assert energy.running_cost_ratio(-20) == pytest.approx(0.50, abs=0.01)
    assert energy.running_cost_ratio(-30) == pytest.approx(0.68, abs=0.01)
    assert energy.running_cost_ratio(10) == pytest.approx(1.66, abs=0.01)
    # The polynomial's minimum is 1.78 J/kg/m near −18 %.
    grid = [g / 10 for g in range(-450, 451)]
    lowest = min(grid, key=energy.running_cost)
    assert lowest == pytest.approx(-18.1, abs=0.15)
    assert energy.running_cost(lowest) == pytest.approx(1.78, abs=0.01)


def test_minetti_refuses_to_extrapolate() -> None:
    with pytest.raises(ValueError, match="Grade"):
        energy.running_cost(-46)


def test_calculate_known_case() -> None:
    r = cadence.calculate(pace_s_per_km=300, cadence_spm=170, grade_pct=-10, increase_pct=5)
    assert r.speed_mps == pytest.approx(1000 / 300)
    assert r.step_length_m == pytest.approx((1000 / 300) / (170 / 60))
    assert r.target_cadence_spm == 178.5
    assert r.metronome_bpm == 178
    assert r.target_step_length_m == pytest.approx((1000 / 300) / (178.5 / 60))
    assert r.step_length_change_pct == pytest.approx(-4.76, abs=0.01)  # the brief's "~4.8 %"
    assert r.energy_cost_ratio_to_flat == pytest.approx(0.598, abs=0.001)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"pace_s_per_km": 60, "cadence_spm": 170}, "pace"),
        ({"pace_s_per_km": 300, "cadence_spm": 20}, "cadence"),
        ({"pace_s_per_km": 300, "cadence_spm": float("nan")}, "cadence"),
        ({"pace_s_per_km": 300, "cadence_spm": 170, "grade_pct": 50}, "grade"),
        ({"pace_s_per_km": 300, "cadence_spm": 170, "increase_pct": 16}, "increase"),
        ({"pace_s_per_km": 300, "cadence_spm": 170, "increase_pct": -1}, "increase"),
    ],
)
def test_calculate_rejects_out_of_range(kwargs: dict, field: str) -> None:
    with pytest.raises(ValueError) as caught:
        cadence.calculate(**kwargs)
    assert caught.value.field == field
    assert "you entered" in str(caught.value)


paces = st.floats(120, 1200)
cadences = st.floats(100, 240)
grades = st.floats(-45, 45)
increases = st.floats(0, 15)


@settings(max_examples=500)
@given(paces, cadences, grades, increases)
def test_valid_input_gives_finite_consistent_output(p: float, c: float, g: float, i: float) -> None:
    r = cadence.calculate(p, c, g, i)
    values = [r.speed_mps, r.step_length_m, r.target_step_length_m, r.energy_cost_j_per_kg_m]
    assert all(math.isfinite(v) and v > 0 for v in values)
    assert r.step_length_m == pytest.approx(r.speed_mps / (c / 60))
    assert r.target_cadence_spm >= c - 0.05  # rounded to one decimal
    assert r.target_step_length_m <= r.step_length_m + 1e-9
    assert abs(r.metronome_bpm - r.target_cadence_spm) <= 0.5
    assert r.steps_per_100m_now * r.step_length_m == pytest.approx(100)


@settings(max_examples=300)
@given(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**6), 10**6)))
def test_any_number_is_either_accepted_or_a_valueerror(cadence_spm: float) -> None:
    try:
        r = cadence.calculate(300, cadence_spm)
    except ValueError as error:
        assert "Cadence" in str(error)
    else:
        assert 100 <= cadence_spm <= 240 and math.isfinite(r.step_length_m)


@settings(max_examples=500)
@given(st.text(max_size=60))
def test_any_text_parses_or_raises_inputerror(text: str) -> None:
    for parser in (units.parse_pace_or_speed, units.parse_grade):
        try:
            value = parser(text)
        except InputError as error:
            assert error.field in ("pace", "grade") and str(error)
        else:
            assert math.isfinite(value)


def test_click_track_is_a_wav_of_the_right_length_and_tempo() -> None:
    import io
    import wave

    data = metronome.click_track_wav(180, 1)
    with wave.open(io.BytesIO(data)) as wav:
        frames = wav.readframes(wav.getnframes())
        assert wav.getframerate() == metronome.SAMPLE_RATE_HZ
        assert wav.getnframes() == metronome.SAMPLE_RATE_HZ * 60
    # Count clicks: sound that starts after at least 50 ms of silence.
    onsets, quiet_run = 0, 10**9
    for sample in frames:
        if sample != 128:
            onsets += quiet_run >= metronome.SAMPLE_RATE_HZ // 20
            quiet_run = 0
        else:
            quiet_run += 1
    assert onsets == pytest.approx(180, abs=1)
    assert len(data) < 500_000  # a minute stays under half a megabyte for a phone


def test_cadence_from_taps_uses_the_median_interval() -> None:
    taps = [0, 350, 700, 1050, 1900, 2250, 2600]  # one stumble at 1050→1900
    assert metronome.cadence_from_taps(taps) == pytest.approx(60000 / 350, abs=0.1)
    with pytest.raises(InputError, match="at least 6"):
        metronome.cadence_from_taps([0, 300])


def test_the_grade_says_its_sign_where_it_is_typed_and_in_the_results() -> None:
    """A positive grade is a climb: the label says which sign is downhill, and the results,
    their caption and the status line name the direction (issue 31)."""
    from drills.render import cadence_view, forms
    from tests.pages import LINKS

    (grade,) = [f for f in cadence_view.FIELDS if f.name == "grade"]
    assert "downhill is negative" in grade.label
    for typed, words in (("-10", "a 10.0 % descent"), ("10", "a 10.0 % climb"), ("0", "the flat")):
        # An old share link's grade opens as the same value.
        raw, errors = forms.from_query(cadence_view.FIELDS, f"?pace=6:00/km&grade={typed}")
        reading = forms.read(cadence_view.FIELDS, raw)
        assert errors == {} and reading.values["grade"] == float(typed)
        result = cadence_view.compute(reading.values)
        html = cadence_view.results_html(result, LINKS)
        assert f"same speed, on {words}</caption>" in html
        assert 'data-result="grade_pct">' in html and f" = {words}<" in html
        assert cadence_view.summary(result).startswith(f"Updated for {words}:")
        climb = "A positive grade is a climb" in html
        assert climb == (float(typed) > 0)
    assert "type −10 (negative is downhill)" in cadence_view.results_html(
        cadence_view.compute(forms.read(cadence_view.FIELDS, {"grade": "10"}).values), LINKS
    )
