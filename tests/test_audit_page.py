"""The descent audit page's call: a file's bytes in, its item (or its reason) out."""

from __future__ import annotations

import json
import re
from pathlib import Path

from drills import bridge
from drills.render.audit_view import audit_html
from drills.runs import MAX_FILE_BYTES, MAX_POINTS, audit, read_activity
from drills.runs.audit import STEEPEST_WINDOW_M
from tests.pages import LINKS, audit_item

FILES = Path(__file__).resolve().parent / "fixtures" / "activities"


def call(name: str, data: bytes | None = None, **args: object) -> dict:
    return json.loads(
        bridge.call(
            "audit_file", json.dumps({"name": name, "links": LINKS.as_data(), **args}), data
        )
    )


def test_a_real_file_gives_its_audit_and_the_runs_summary() -> None:
    data = (FILES / "activity-large-fenxi2-multisport.fit").read_bytes()
    out = call("legs.fit", data, units="metric", index=2)
    html = audit_item(out)
    assert 'data-audit-item="2"' in html and 'data-result="descent_m"' in html
    unmarked = re.sub(r' data-(?:region|shown|frame)="[^"]*"', "", html)
    assert audit_html(audit(read_activity(data, "legs.fit")), "metric", LINKS) in unmarked
    assert out["run"]["descent_m"] > 700 and out["run"]["date"]
    assert "Use in the planner" in html and 'href="../planner/?current=' in html


def test_a_course_gives_a_race_card_and_no_run_for_the_log() -> None:
    out = call(
        "course.gpx", (FILES / "korita-zbevnica.gpx").read_bytes(), units="imperial", index=0
    )
    html = audit_item(out)
    assert out["run"] is None and "Add to the training log" not in html
    assert "Plan for this course" in html and 'data-result="race_card"' in html
    target = re.search(r'href="\.\./planner/\?[^"]*target=(\d+(?:\.\d+)?)', html)
    assert target and float(target[1]) <= 35


def test_a_bad_file_gives_its_reason_and_a_hostile_name_stays_text() -> None:
    out = call('<img src=x onerror="alert(1)">.fit', b"not a fit file at all", index=1)
    html = audit_item(out)
    assert out["run"] is None and "data-audit-error" in html
    assert "<img" not in html and "&lt;img" in html
    assert call("nothing.gpx", index=0)["field"] == "file"  # no bytes at all


def test_the_audit_page_states_the_window_the_audit_uses(site_dir: Path) -> None:
    """The page's prose says "steepest 50 m": it must follow the audit's own constant."""
    html = (site_dir / "tools" / "audit" / "index.html").read_text(encoding="utf-8")
    assert f"the steepest {STEEPEST_WINDOW_M:g} m of each" in html
    assert f"up to {MAX_FILE_BYTES // 1_000_000} MB and {MAX_POINTS:,} points" in html
