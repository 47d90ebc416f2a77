"""The JSON bridge the browser calls: form reading, share links and tampered links."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drills import bridge
from drills.cadence import calculate
from drills.render import log_cells, parts, planner_view
from drills.render.cadence_view import results_html


def call(name: str, **args: object) -> dict:
    return json.loads(bridge.call(name, json.dumps(args)))


def test_compute_matches_the_python_function() -> None:
    out = call(
        "compute",
        tool="cadence",
        fields={"pace": "5:00/km", "cadence": "170", "grade": "-10", "increase": "5"},
    )
    assert out["errors"] == {}
    assert out["html"] == results_html(calculate(300, 170, -10, 5))
    assert out["query"] == "?pace=5%3A00%2Fkm&cadence=170&grade=-10&increase=5"


def test_share_link_round_trip() -> None:
    fields = {"pace": "8:03/mi", "cadence": "166", "grade": "-12 %", "increase": "7.5"}
    first = call("compute", tool="cadence", fields=fields)
    restored = call("from_query", tool="cadence", query=first["query"])
    assert restored["texts"] == fields
    assert restored["html"] == first["html"]


def test_missing_fields_take_defaults_and_unknown_keys_are_ignored() -> None:
    out = call("from_query", tool="cadence", query="?cadence=180&utm_source=newsletter")
    assert out["errors"] == {}
    assert out["texts"]["cadence"] == "180"
    assert "utm" not in out["query"]


def test_repeated_key_is_reported_on_its_field() -> None:
    out = call("from_query", tool="cadence", query="?cadence=170&cadence=<b>x</b>")
    assert "more than once" in out["errors"]["cadence"]
    assert "html" not in out


def test_over_long_link_is_refused_in_words() -> None:
    out = call("from_query", tool="cadence", query="?pace=" + "9" * 5000)
    assert "too long" in next(iter(out["errors"].values()))


TAMPERED = [
    "<script>window.pwned=1</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "&lt;script&gt;",
    "' onmouseover='alert(1)",
    "</table><script>1</script>",
]


@pytest.mark.parametrize("payload", TAMPERED)
@pytest.mark.parametrize("field", ["pace", "cadence", "grade", "increase"])
def test_tampered_values_never_reach_html_unescaped(field: str, payload: str) -> None:
    from urllib.parse import urlencode

    out = call("from_query", tool="cadence", query="?" + urlencode({field: payload}))
    assert field in out["errors"]
    assert "html" not in out  # no results are rendered from a bad link
    assert out["texts"][field] == payload  # returned as text for textContent, never as markup


@settings(max_examples=300)
@given(
    st.dictionaries(
        st.sampled_from(["pace", "cadence", "grade", "increase", "x"]), st.text(max_size=80)
    )
)
def test_any_field_texts_give_results_or_errors_never_an_exception(fields: dict) -> None:
    out = call("compute", tool="cadence", fields=fields)
    assert ("html" in out) != bool(out["errors"])
    if "html" in out:
        assert "<script" not in out["html"]


@pytest.mark.parametrize(
    ("name", "args_json"),
    [
        ("compute", "not json"),
        ("compute", "[1, 2]"),
        ("eval", "{}"),
        ("compute", '{"tool": "nope"}'),
    ],
)
def test_malformed_calls_return_an_error_object(name: str, args_json: str) -> None:
    out = json.loads(bridge.call(name, args_json))
    assert out["error"]


def test_click_track_and_taps_through_the_bridge() -> None:
    out = call("click_track", tempo=172, minutes="2")
    assert out["bytes"] > 900_000
    assert call("click_track", tempo=172, minutes="31")["field"] == "minutes"
    assert call("tap_cadence", taps=[0, 350, 700, 1050, 1400, 1750])[
        "cadence_spm"
    ] == pytest.approx(171.4, abs=0.1)


def test_rehearsal_fills_the_render_caches_the_snapshot_keeps() -> None:
    planner_view._cues.cache_clear()
    log_cells.unlogged.cache_clear()
    bridge.rehearse()
    assert planner_view._cues.cache_info().currsize > 0
    assert log_cells.unlogged.cache_info().currsize >= 24 * 5  # the largest plan's cells


def test_a_rehearsal_that_fails_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """bridge.call turns errors into JSON; the rehearsal must not warm nothing in silence."""
    monkeypatch.setitem(bridge.CALLS, "log_view", lambda args: {"error": "broken", "field": None})
    with pytest.raises(RuntimeError, match="rehearsal log_view"):
        bridge.rehearse()


LARGEST = bridge.LARGEST_PLAN


def test_a_page_showing_the_same_frame_gets_the_parts_only() -> None:
    first = call("compute", tool="planner", fields={**LARGEST, "slope": "200"})
    assert first["html"] == parts.join(parts_of(first))
    again = call(
        "compute", tool="planner", fields={**LARGEST, "slope": "250"}, frame=first["frame"]
    )
    assert "html" not in again and again["frame"] == first["frame"]
    full = call("compute", tool="planner", fields={**LARGEST, "slope": "250"})
    assert again["parts"] == full["parts"]
    longer = call(
        "compute", tool="planner", fields={**LARGEST, "weeks": "20"}, frame=first["frame"]
    )
    assert "html" in longer and longer["frame"] != first["frame"]


def parts_of(result: dict) -> list[parts.Segment]:
    """The segments of a planner result, rebuilt from its HTML and parts (as the page holds them)."""
    segments: list[parts.Segment] = []
    rest = result["html"]
    for key, content in result["parts"].items():
        opening = rest.index(f'data-part="{key}">') + len(f'data-part="{key}">')
        segments += [rest[:opening], (key, content)]
        assert rest[opening:].startswith(content)
        rest = rest[opening + len(content) :]
    return [*segments, rest]


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
@pytest.mark.parametrize(("slope", "start"), [("20", ""), ("350", "2027-01-04"), ("2000", "")])
def test_the_frame_with_new_parts_is_the_new_page(level: str, slope: str, start: str) -> None:
    """When two plans share a frame, the first page with the second's parts put in is exactly
    the second page; when they do not, the page is sent the whole new plan."""
    a = call("compute", tool="planner", fields={**LARGEST, "slope": "150", "level": level})
    fields = {**LARGEST, "slope": slope, "start": start, "level": level}
    b = call("compute", tool="planner", fields=fields, frame=a["frame"])
    if a["frame"] != b["frame"]:  # a short slope can hold the grades back: other weeks
        assert "html" in b
        return
    assert "html" not in b
    rebuilt = [s if isinstance(s, str) else (s[0], b["parts"][s[0]]) for s in parts_of(a)]
    assert parts.join(rebuilt) == call("compute", tool="planner", fields=fields)["html"]


def test_slope_and_start_date_keep_the_frame() -> None:
    a = call("compute", tool="planner", fields={**LARGEST, "slope": "150"})
    b = call("compute", tool="planner", fields={**LARGEST, "slope": "350", "start": "2027-01-04"})
    assert a["frame"] == b["frame"] and a["html"] != b["html"]
