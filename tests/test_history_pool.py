"""The history read part by part (drills.bridge.history_pool): the listing's parts read in any
order by any worker give the one-call history's regions; what was read is kept for another
unit; the rule for how many workers start; items and members carried as checked JSON data."""

from __future__ import annotations

import json

import pytest
from history_archives import fixture, make_zip, on_day
from test_history_view import ARCHIVE, Slices

from devtools import tracks as synth
from drills import bridge
from drills.history import (
    FILES_PER_WORKER,
    MAX_WORKERS,
    as_data,
    item_from_data,
    list_members,
    member_from_data,
    parts,
    read_archive,
    workers_for,
)
from drills.history.stored import NOT_READ_BACK
from tests.pages import LINKS

TODAY = "2026-03-05"


def call(call_name: str, data: object = None, **args: object) -> dict:
    text = json.dumps({"links": LINKS.as_data(), "today": TODAY, **args})
    return json.loads(bridge.call(call_name, text, data))


def many(count: int) -> bytes:
    run = synth.to_gpx(on_day(synth.slope(grade=0.12), 0))
    files = {
        f"activities/{d}.gpx": synth.to_gpx(on_day(synth.slope(grade=0.12), d))
        for d in range(count)
    }
    files["activities/broken.fit"] = b"\x0e\x10not a fit file"
    files["activities/copy.gpx"] = run  # the first run again: counted once
    return make_zip(files)


def pooled(data: bytes, cores: int, order: slice = slice(None), **shown: object) -> list[dict]:
    """The answers of history_add, the parts read in ``order`` (as workers finish them)."""
    listed = call("history_list", Slices(data), name="export.zip", cores=cores)
    assert "error" not in listed, listed
    answers = []
    for part in listed["parts"][order]:
        read = call("history_part", Slices(data), name="export.zip", members=part["members"])
        answers.append(call("history_add", items=read["items"], **shown))
    return answers


@pytest.mark.parametrize("data", [ARCHIVE, many(60)], ids=["small", "sixty"])
def test_parts_read_in_any_order_give_the_one_call_history(data: bytes) -> None:
    whole = call("history", data, name="export.zip")
    for order in (slice(None), slice(None, None, -1)):
        last = pooled(data, 2, order)[-1]
        assert last["done"] == last["total"]
        assert last["regions"] == whole["regions"]
        assert (last["runs"], last["weeks"]) == (whole["runs"], whole["weeks"])


def test_the_history_so_far_is_shown_when_asked_and_says_how_far() -> None:
    answers = pooled(many(60), 2, show=True)
    assert len(answers) > 2
    first, last = answers[0], answers[-1]
    assert first["done"] < first["total"] == last["total"] == 61
    assert f"Read so far: {first['done']} of 61 files" in first["regions"]["reading"]
    assert "Read so far" not in last["regions"]["reading"]
    assert "copy.gpx" in first["regions"]["skipped"]  # a copy, known from the listing
    assert "broken.fit" not in first["regions"]["skipped"]  # the damaged file comes last
    assert "broken.fit" in last["regions"]["skipped"]
    small = pooled(ARCHIVE, 1, show=True)[0]["regions"]["skipped"]
    assert small == '<p class="dc-history-skipped">Every file read so far was counted.</p>'
    assert [a["done"] for a in answers] == sorted(a["done"] for a in answers)


def test_the_history_so_far_is_not_drawn_unless_asked() -> None:
    answers = pooled(many(60), 2)
    assert [("regions" in a) for a in answers] == [False] * (len(answers) - 1) + [True]


def test_another_unit_draws_what_was_read_again_without_the_file() -> None:
    pooled(ARCHIVE, 1)
    metric = call("history_render", units="metric")["regions"]["weeks"]
    imperial = call("history_render", units="imperial")["regions"]["weeks"]
    assert " ft<" in imperial and " ft<" not in metric
    assert metric == call("history", ARCHIVE, name="export.zip")["regions"]["weeks"]


def test_a_new_listing_starts_a_new_read() -> None:
    pooled(many(60), 2)
    listed = call("history_list", Slices(ARCHIVE), name="export.zip", cores=2)
    assert listed["workers"] == 1 and listed["total"] == 12
    assert call("history_render")["regions"]["reading"].count("Read so far: 0 of 12")
    assert set(listed["unread"]) == {"cancelled", "stopped", "failed"}
    assert all(
        set(shown) == set(listed["unread"]["stopped"]) for shown in listed["unread"].values()
    )
    assert "Cancelled" in listed["unread"]["cancelled"]["reading"]
    assert listed["unread"]["cancelled"]["weeks"] == ""


def test_a_read_that_ends_unfinished_gives_back_the_whole_one_before_it() -> None:
    whole = pooled(ARCHIVE, 1)[-1]
    call("history_list", Slices(many(60)), name="export.zip", cores=2)  # then cancelled
    back = call("history_back", items=whole["whole"], units="metric")
    assert back["regions"]["weeks"] == whole["regions"]["weeks"]
    assert back["keep"] == whole["keep"] and back["runs"] == whole["runs"]
    assert back["regions"]["reading"] == (
        '<p class="dc-history-so-far" data-history-before>Below: the history you read before, '
        "without the archive you chose after it.</p>" + whole["regions"]["reading"]
    )
    # This Python (a fresh one, in the page) holds it again: another unit draws it.
    assert " ft<" in call("history_render", units="imperial")["regions"]["weeks"]
    assert call("history_back", items=[]) == {}
    tampered = [{**whole["whole"][0], "status": {"x": 1}}]
    for bad in (tampered, "x", [None]):
        assert call("history_back", items=bad)["field"] == "archive"


def test_more_items_than_were_listed_are_refused() -> None:
    pooled(ARCHIVE, 1)
    item = as_data(read_archive(ARCHIVE, "x.zip").items[0])
    assert call("history_add", items=[item])["field"] == "archive"


def test_workers_start_only_for_archives_with_enough_files() -> None:
    assert workers_for(FILES_PER_WORKER - 1, 8) == 1
    assert workers_for(2 * FILES_PER_WORKER, 8) == 2
    assert workers_for(2 * FILES_PER_WORKER, 1) == 1
    assert workers_for(100 * FILES_PER_WORKER, 64) == MAX_WORKERS
    assert call("history_list", Slices(many(60)), name="x.zip", cores=2)["workers"] == 2


def test_parts_cover_the_members_once_in_the_archives_order() -> None:
    members = list_members(many(100), "x.zip").members
    split = parts(members[::-1], 2)
    assert [m for part in split for m in part] == sorted(members, key=lambda m: m.offsets)
    assert len(split) > 2


def test_items_and_members_come_back_as_they_were_and_a_tampered_one_is_refused() -> None:
    data = make_zip({"a.fit": fixture("garmin-fenix-5-run.fit"), "b.gpx": b"<gpx>"})
    history = read_archive(data, "x.zip")
    assert [item_from_data(json.loads(json.dumps(as_data(i)))) for i in history.items] == list(
        history.items
    )
    members = list_members(data, "x.zip").members
    assert [member_from_data(as_data(m)) for m in members] == list(members)
    run = as_data(history.runs[0])
    for tampered in (
        {**run, "status": "counted"},
        {**run, "reason": "and a reason"},  # a run has none
        {**run, "audit": {**run["audit"], "distance_m": "far"}},
        {**run, "started": "yesterday"},
        {**run, "extra": 1},
        [run],
    ):
        with pytest.raises(ValueError, match=NOT_READ_BACK):
            item_from_data(tampered)


def test_a_copy_of_a_file_is_counted_once_without_being_read() -> None:
    """The same size and CRC-32 in the zip's directory: listed as a duplicate, never parsed
    (a 2 GB archive of a few files exported again and again is read in seconds)."""
    data = many(3)
    listing = list_members(data, "x.zip")
    assert "activities/copy.gpx" not in {m.path for m in listing.members}
    (copy,) = listing.refused
    assert (copy.path, copy.status) == ("activities/copy.gpx", "duplicate")
    assert copy.reason == (
        "Counted once: the same activity as activities/0.gpx (the same file, byte for byte)."
    )
    history = read_archive(data, "x.zip")
    assert copy in history.items and len(history.runs) == 3
