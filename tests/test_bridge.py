"""The JSON bridge the browser calls: one answer per change, share links and tampered links."""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drills import bridge, planner, training_log
from drills.bridge import rehearsal
from drills.bridge.rehearsal import LARGEST_PLAN
from drills.cadence import calculate
from drills.render import forms, log_sessions, plan_cards, planner_view
from drills.render.cadence_view import results_html
from tests import pages
from tests.pages import LINKS


def call(name: str, **args: object) -> dict:
    return json.loads(bridge.call(name, json.dumps({"links": LINKS.as_data(), **args})))


def page(tool: str, fields: dict[str, str], store: str = "") -> str:
    return pages.python_page(tool, fields, store)


def test_compute_answers_with_the_results_python_renders() -> None:
    fields = {"pace": "5:00/km", "cadence": "170", "grade": "-10", "increase": "5"}
    out = call("compute", tool="cadence", fields=fields)
    assert out["errors"] == {}
    assert out["regions"]["results"]["html"] == results_html(calculate(300, 170, -10, 5), LINKS)
    assert out["query"] == "?pace=5%3A00%2Fkm&cadence=170&grade=-10&increase=5"


def test_a_page_already_showing_the_answer_gets_no_change() -> None:
    fields = {"cadence": "171"}
    out = call("compute", tool="cadence", fields=fields, marks=pages.marks(page("cadence", fields)))
    assert out["regions"] == {} and out["summary"].startswith("Updated")


def test_share_link_round_trip() -> None:
    fields = {"pace": "8:03/mi", "cadence": "166", "grade": "-12 %", "increase": "7.5"}
    first = call("compute", tool="cadence", fields=fields)
    restored = call("compute", tool="cadence", link=first["query"])
    assert restored["texts"] == fields and restored["restored"]
    assert restored["regions"] == first["regions"]


def test_missing_fields_take_defaults_and_unknown_keys_are_ignored() -> None:
    out = call("compute", tool="cadence", link="?cadence=180&utm_source=newsletter")
    assert out["errors"] == {}
    assert out["texts"]["cadence"] == "180"
    assert "utm" not in out["query"]


def test_repeated_key_is_reported_on_its_field() -> None:
    out = call("compute", tool="cadence", link="?cadence=170&cadence=<b>x</b>")
    assert "more than once" in out["errors"]["cadence"]
    assert out["regions"] == {}


def test_over_long_link_is_refused_in_words() -> None:
    out = call("compute", tool="cadence", link="?pace=" + "9" * 5000)
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
    out = call("compute", tool="cadence", link="?" + urlencode({field: payload}))
    assert field in out["errors"]
    assert out["regions"] == {}  # no results are rendered from a bad link
    assert out["texts"][field] == payload  # returned as text for textContent, never as markup


@settings(max_examples=300)
@given(
    st.dictionaries(
        st.sampled_from(["pace", "cadence", "grade", "increase", "x"]), st.text(max_size=80)
    )
)
def test_any_field_texts_give_results_or_errors_never_an_exception(fields: dict) -> None:
    out = call("compute", tool="cadence", fields=fields)
    assert ("results" in out["regions"]) != bool(out["errors"])
    if "results" in out["regions"]:
        assert "<script" not in out["regions"]["results"]["html"]


@pytest.mark.parametrize(
    ("name", "args_json"),
    [
        ("compute", "not json"),
        ("compute", "[1, 2]"),
        ("eval", "{}"),
        ("compute", '{"tool": "nope"}'),
        ("from_query", "{}"),  # gone: a share link is a compute with "link"
        ("log_view", "{}"),  # gone: every compute brings the log with it
    ],
)
def test_malformed_calls_return_an_error_object(name: str, args_json: str) -> None:
    out = json.loads(bridge.call(name, args_json))
    assert out["error"]


@pytest.mark.parametrize("start", ["9999-12-31", "0001-01-01"])
def test_a_start_date_out_of_range_is_a_sentence_beside_its_field(start: str) -> None:
    """?start=9999-12-31 once showed a traceback in the status line and nothing beside it."""
    out = call("compute", tool="planner", link=f"?start={start}")
    assert set(out["errors"]) == {"start"} and start in out["errors"]["start"]
    assert "2000" in out["errors"]["start"]


def test_click_track_and_taps_through_the_bridge() -> None:
    out = call("click_track", tempo=172, minutes="2")
    assert out["bytes"] > 900_000
    assert call("click_track", tempo=172, minutes="31")["field"] == "minutes"
    assert call("click_track", tempo=172, minutes="2.5")["field"] == "minutes"
    assert call("tap_cadence", taps=[0, 350, 700, 1050, 1400, 1750])[
        "cadence_spm"
    ] == pytest.approx(171.4, abs=0.1)


def test_rehearsal_fills_the_render_caches_the_snapshot_keeps() -> None:
    plan_cards._cues.cache_clear()
    log_sessions._unlogged.cache_clear()
    rehearsal.rehearse()
    assert plan_cards._cues.cache_info().currsize > 0
    assert log_sessions._unlogged.cache_info().currsize >= 24 * 5  # the largest plan's cells


def test_a_rehearsal_that_fails_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """bridge.call turns errors into JSON; the rehearsal must not warm nothing in silence."""
    monkeypatch.setitem(bridge.CALLS, "compute", lambda args: {"error": "broken", "field": None})
    with pytest.raises(RuntimeError, match="rehearsal compute"):
        rehearsal.rehearse()


# --- The planner: one answer holds the plan and the log, and only what changed ------------------


@pytest.mark.parametrize("level", ["beginner", "intermediate", "advanced"])
@pytest.mark.parametrize(("slope", "start"), [("20", ""), ("350", "2027-01-04"), ("2000", "")])
def test_applying_the_answer_to_the_page_gives_the_new_page(
    level: str, slope: str, start: str
) -> None:
    """Whatever the change, the page as it was with the answer applied is exactly the page
    Python renders for the new values; within the same weeks only the changed cells travel."""
    before = page("planner", {**LARGEST_PLAN, "slope": "150", "level": level})
    fields = {**LARGEST_PLAN, "slope": slope, "start": start, "level": level}
    out = call("compute", tool="planner", fields=fields, marks=pages.marks(before))
    assert pages.apply(before, out["regions"]) == page("planner", fields)
    if "html" not in out["regions"]["results"]:  # the same weeks: the frame stood
        unchanged = {f"log-{w}-{k}" for w in range(1, 25) for k in range(1, 6)}  # empty log
        assert unchanged.isdisjoint(out["regions"]) and out["regions"]["results"].keys() == {
            "shown"
        }


def test_slope_and_start_date_keep_the_frame_and_weeks_do_not() -> None:
    a = pages.marks(page("planner", {**LARGEST_PLAN, "slope": "150"}))
    b = pages.marks(page("planner", {**LARGEST_PLAN, "slope": "350", "start": "2027-01-04"}))
    assert a["results"][1] == b["results"][1] and a["results"][0] != b["results"][0]
    c = pages.marks(page("planner", {**LARGEST_PLAN, "weeks": "20"}))
    assert c["results"][1] != a["results"][1]


def test_one_answer_carries_the_log_beside_the_plan() -> None:
    """A plan change sends one call; its answer has the log's cells, view and form data."""
    fields = {"current": "4", "target": "10", "weeks": "10", "start": "2026-03-02"}
    plan = planner.make_plan(4, 10, 10, start_date=dt.date(2026, 3, 2))
    entry = training_log.LogEntry(1, 1, dt.date(2026, 3, 2), 5, 4, flags=("heavy_braking",))
    store = training_log.dump_store([entry], forms.read(planner_view.FIELDS, fields).texts)
    before = page("planner", fields)
    out = call(
        "compute",
        tool="planner",
        fields=fields,
        store=store,
        today="2026-03-20",
        query="?x",
        marks=pages.marks(before),
    )
    assert "Done" in out["regions"]["log-1-1"]["html"]
    # Heavy braking made the next descent body-position practice: its whole card is new.
    assert "Changed by your log" in out["regions"]["card-1-2"]["html"]
    assert out["data"]["forms"]["1-1"]["flags"] == ["heavy_braking"]
    assert out["data"]["log_summary"].startswith(f"Training log: 1 of {len(plan.weeks) * 4}")
    assert pages.apply(before, out["regions"]) == page("planner", fields, store)


def test_without_a_share_link_the_page_shows_the_plan_the_log_was_kept_for() -> None:
    kept = {"current": "6", "target": "12", "weeks": "8"}
    texts = forms.read(planner_view.FIELDS, kept).texts
    store = training_log.dump_store([training_log.LogEntry(1, 1, dt.date(2026, 3, 2), 5, 4)], texts)
    out = call("compute", tool="planner", fields={}, store=store, today="2026-03-20", query="")
    assert out["restored"] and out["texts"] == texts
    linked = call("compute", tool="planner", fields={}, store=store, query="?current=4")
    assert not linked["restored"]


@pytest.mark.parametrize("call", ["audit_file", "compute"])
def test_python_out_of_memory_asks_the_page_for_a_fresh_python(
    monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    """Not a sentence like any other failure: Python may be unsound after it (issue 28 saw every
    later file fail until a reload), so the page's worker is started afresh (py-worker.js)."""

    def exhausted(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(bridge.audit, "read_activity", exhausted)
    monkeypatch.setitem(bridge.CALLS, "compute", exhausted)
    args = json.dumps({"name": "a.gpx", "index": 0, "links": LINKS.as_data()})
    out = json.loads(bridge.call(call, args, b"<gpx/>"))
    assert out == {"stopped": "it ran out of memory"}


@pytest.mark.parametrize(
    "links",
    [
        None,
        {
            "references": "javascript:alert(1)//",
            "drills": "../../drills/",
            "planner": "../planner/",
        },
        {"references": "https://elsewhere.example/", "drills": "", "planner": ""},
        {"references": "../../references/", "drills": "../../drills/"},
    ],
)
def test_links_a_page_did_not_get_from_the_site_are_refused(links: object) -> None:
    """The links a call renders with come from the page (the build wrote them into it): only a
    relative path inside the site is taken."""
    out = json.loads(bridge.call("compute", json.dumps({"tool": "cadence", "links": links})))
    assert out["field"] == "links" and "reload the page" in out["error"]
