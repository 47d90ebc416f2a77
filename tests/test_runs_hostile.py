"""Issue 28's hostile files (made by tests/hostile.py): each gets a sentence or its true audit,
and no file's work grows faster than its size."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import hostile
import pytest
from hypothesis import given
from hypothesis import strategies as st

from drills import bridge
from drills.errors import InputError
from drills.json_depth import json_depth
from drills.runs import audit, log_summary, read_activity, xml_tracks
from drills.runs.activity import MAX_POINTS
from drills.training_log import read_store
from tests.pages import LINKS, audit_item


def refused(data: bytes, name: str) -> str:
    with pytest.raises(InputError) as caught:
        read_activity(data, name)
    assert caught.value.field == "file"
    return str(caught.value)


def lines_run(work: Callable[[], object]) -> int:
    """How many lines of Python ``work`` runs: a measure of work that no load can change."""
    count = 0

    def trace(frame: object, event: str, arg: object) -> object:
        nonlocal count
        count += event == "line"
        return trace

    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


def audit_or_reason(data: bytes, name: str) -> object:
    try:
        return audit(read_activity(data, name))
    except InputError as error:
        return str(error)


# ---- 2. bounded work -------------------------------------------------------------------------


def test_overlapping_fit_sessions_read_each_record_once() -> None:
    """5.9 kB once gave 11,960 m of descent for a 60 m run: each record once per session."""
    data = hostile.fit_overlapping_sessions(200)
    assert len(data) < 6_000
    activity = read_activity(data, "overlap.fit")
    assert len(activity.distances_m) == len(hostile.descent_60m())
    result = audit(activity)
    assert result.descent_m == pytest.approx(60.0, abs=0.5)
    assert log_summary(result).descent_m == pytest.approx(60.0, abs=0.5)


SHAPES: dict[str, Callable[[int], bytes]] = {
    "standing still": lambda n: hostile.gpx_standing(300 * n),
    "overlapping sessions": lambda n: hostile.fit_overlapping_sessions(100 * n),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_work_grows_no_faster_than_the_file(shape: str) -> None:
    """Lines of Python run per byte, for a file and one four times its size: once 2.8 times
    more at 4x for standing still (a quadratic scan) and 1.8 times for overlapping sessions."""
    small, large = SHAPES[shape](1), SHAPES[shape](4)
    assert len(large) > 2 * len(small)
    per_byte = [lines_run(lambda d=d: audit_or_reason(d, "x")) / len(d) for d in (small, large)]
    assert per_byte[1] <= 1.25 * per_byte[0], per_byte


def test_standing_still_is_still_audited_as_the_run_it_is() -> None:
    result = audit(read_activity(hostile.gpx_standing(2000), "standing.gpx"))
    assert result.descent_m == pytest.approx(60.0, abs=0.5)


@pytest.mark.parametrize("kind", ["laughs", "xxe", "big"])
def test_entity_declarations_are_refused_as_such(kind: str) -> None:
    """Once expanded (3 MB gave 290 MB of text) or reported as "ends early"."""
    reason = refused(hostile.gpx_entities(kind), f"{kind}.gpx")
    assert "declares" in reason and "entit" in reason and "ends early" not in reason


def test_a_doctype_without_declarations_is_read() -> None:
    data = hostile.gpx_entities("big").replace(b"&a;", b"")
    plain = data.replace(data[data.index(b"<!DOCTYPE") : data.index(b"]>") + 2], b"")
    with_doctype = plain.replace(
        b"<gpx ", b'<!DOCTYPE gpx SYSTEM "http://example.org/x.dtd">\n<gpx ', 1
    )
    assert audit(read_activity(with_doctype, "d.gpx")).descent_m == pytest.approx(60.0, abs=0.5)


@pytest.mark.parametrize("declared", ["ATF-8", "x" * 200])
def test_an_encoding_that_does_not_exist_is_refused_with_a_sentence(declared: str) -> None:
    """A flipped byte in the declaration (found by test_runs_property) raised LookupError."""
    data = hostile.gpx_standing(20).replace(b'encoding="UTF-8"', f'encoding="{declared}"'.encode())
    assert f'encoding="{declared}"'.encode() in data
    reason = refused(data, "e.gpx")
    assert "encoding that does not exist" in reason and len(reason) < 200


# ---- 3. nesting -----------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["extensions", "root"])
def test_deep_nesting_is_refused_with_a_sentence(where: str) -> None:
    """3,000 deep (46 kB) once exhausted Pyodide's stack (test_shipped_stdlib.py runs it there)."""
    reason = refused(hostile.gpx_deep(3000, where), "deep.gpx")
    assert f"{xml_tracks.MAX_XML_DEPTH} " in reason and "deep" in reason


def test_nesting_within_the_limit_is_read() -> None:
    depth = xml_tracks.MAX_XML_DEPTH - 10  # the point and its extensions are 5 deep
    result = audit(read_activity(hostile.gpx_deep(depth), "nested.gpx"))
    assert result.descent_m == pytest.approx(60.0, abs=0.5)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab'),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=20,
)


def nesting(value: object) -> int:
    if isinstance(value, list):
        return 1 + max(map(nesting, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(nesting, value.values()), default=0)
    return 0


@given(JSON)
def test_json_depth_is_the_nesting_of_arrays_and_objects(value: object) -> None:
    assert json_depth(json.dumps(value)) == nesting(value)


def test_a_deeply_nested_log_is_refused_before_parsing() -> None:
    store, problem = read_store(hostile.json_deep(2000), source="file")
    assert store.entries == () and problem is not None and "nested" in problem
    assert read_store(hostile.json_deep(3), source="file")[1] is None


# ---- 4. sentences, never tracebacks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("day_hour", "zone"), [("9999-12-31T23", "-05:00"), ("0001-01-01T00", "+05:00")]
)
def test_times_no_watch_recorded_are_left_out(day_hour: str, zone: str) -> None:
    """Once an OverflowError in advice.py, and no item for the file."""
    data = hostile.gpx_dated(day_hour, zone)
    result = audit(read_activity(data, "dated.gpx"))
    assert result.start_time_s is None and log_summary(result).date is None
    assert any("times" in w and "1980" in w for w in result.warnings)
    out = json.loads(
        bridge.call("audit_file", json.dumps({"name": "dated.gpx", "links": LINKS.as_data()}), data)
    )
    assert "data-audit-item" in audit_item(out) and out["run"] is None


def test_any_failure_in_an_audit_still_gives_the_file_its_item(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object) -> None:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(bridge.audit, "audit", broken)
    data = hostile.gpx_standing(1)
    out = json.loads(
        bridge.call(
            "audit_file", json.dumps({"name": "a.gpx", "index": 3, "links": LINKS.as_data()}), data
        )
    )
    html = audit_item(out)
    assert 'data-audit-item="3"' in html and out["run"] is None
    assert "could not be audited" in html and "Traceback" not in html


def test_any_other_failure_in_a_call_is_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: object) -> dict[str, object]:
        raise OverflowError("date value out of range")

    monkeypatch.setitem(bridge.CALLS, "compute", broken)
    out = json.loads(bridge.call("compute", "{}"))
    assert out["field"] is None and "went wrong working out" in out["error"]
    assert "OverflowError" in out["error"] and "date value" not in out["error"]
    assert bridge.DOING.keys() == bridge.CALLS.keys()


# ---- 6 and 9: impossible values and misleading messages -----------------------------------------


def test_positions_off_the_globe_are_left_out_with_a_reason() -> None:
    activity = read_activity(hostile.gpx_off_globe(), "globe.gpx")
    assert any("off the globe" in w and "2 points" in w for w in activity.warnings)
    assert activity.distances_m[-1] == pytest.approx(800.0, abs=1.0)
    assert audit(activity).descent_m == pytest.approx(60.0, abs=0.5)


def test_every_gzip_member_is_read() -> None:
    """Once the second member was lost, with "cut off while copying"."""
    data, points = hostile.gzip_members()
    activity = read_activity(data, "two.gpx.gz")
    assert len(activity.distances_m) == points and activity.warnings == ()


def test_the_point_limit_is_kept_while_reading() -> None:
    """A 400 kB FIT could claim 200,000 records, and 50 MB 25 million: memory the browser has not."""
    for data, name in [
        (hostile.fit_records(MAX_POINTS + 1), "long.fit"),
        (hostile.gpx_points(MAX_POINTS + 1), "long.gpx"),
    ]:
        assert f"more than {MAX_POINTS:,} points" in refused(data, name)
    assert "neither positions nor distances" in refused(hostile.fit_records(MAX_POINTS), "ok.fit")
