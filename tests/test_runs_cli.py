"""``python -m drills.runs``: each file's audit or its reason; one bad file stops nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from devtools import tracks as synth
from drills.runs.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "activities"


def test_text_report_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    course = tmp_path / "course.gpx"
    course.write_bytes(synth.to_gpx(synth.slope(speed_ms=None)))
    bad = tmp_path / "notes.fit"
    bad.write_text("not a fit file\n")
    status = main([str(bad), str(course), str(tmp_path / "missing.tcx")])
    out, err = capsys.readouterr()
    assert status == 1
    assert "course.gpx (GPX, running)" in out and "descent 100 m" in out
    assert "race card: Target 10 %" in out
    assert "notes.fit: not audited: This file is named notes.fit but is not a FIT file" in err
    assert "missing.tcx: not audited: Cannot open it" in err
    assert main([str(course)]) == 0


def test_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = tmp_path / "run.tcx"
    run.write_bytes(synth.to_tcx(synth.slope()))
    status = main(["--json", str(run), str(FIXTURES / "MonitoringFile.fit")])
    reports = json.loads(capsys.readouterr().out)
    assert status == 1
    ok, refused = reports
    assert ok["ok"] and ok["audit"]["descent_m"] == pytest.approx(100.0)
    assert ok["audit"]["bands"][2]["grade_from_pct"] == 10.0
    assert ok["planner_suggestion"]["grade_pct"] == 10.0
    assert ok["log_summary"]["date"] == "2026-05-02"
    assert not refused["ok"] and "daily-monitoring" in refused["error"]


def test_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "drills.runs", str(FIXTURES / "garmin-fenix-5-run.fit")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "garmin-fenix-5-run.fit (FIT, running)" in done.stdout
