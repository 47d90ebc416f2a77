"""``python -m drills.history``: the weekly table of an export, as text, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from history_archives import make_zip, on_day

from devtools import tracks as synth
from drills.history.__main__ import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "export.zip"
    files = {
        "a/run.fit": synth.to_fit(on_day(synth.slope(), 0)),
        "a/later.tcx": synth.to_tcx(on_day(synth.slope(grade=0.2), 14)),
        "a/ride.fit": synth.to_fit(on_day(synth.slope(), 1), "cycling"),
        "a/broken.gpx": b"<gpx>",
    }
    path.write_bytes(make_zip(files))
    return path


def test_the_text_table(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(archive)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "export.zip: 2 runs in 3 weeks"
    assert out[1].startswith("week of     runs  distance  descent    0–5 %   5–10 %  10–15 %")
    assert out[2].startswith("2026-04-27     1    1.4 km    100 m      0 m      0 m    100 m")
    assert out[3].startswith("2026-05-04     0    0.0 km      0 m")
    assert out[4].startswith("2026-05-11     1    1.4 km    200 m") and out[4].endswith("20 %")
    assert "a/ride.fit: Skipped: this is cycling" in "\n".join(out)
    assert "a/broken.gpx: not read: " in "\n".join(out)


def test_json_and_csv(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--json", str(archive)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [w["descent_m"] for w in document["weeks"]] == pytest.approx([100, 0, 200])
    assert {i["path"]: i["status"] for i in document["items"]}["a/ride.fit"] == "skipped"
    assert document["summary"]["through"] == "2026-05-11"
    assert main(["--csv", str(archive)]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["week_start"] for r in rows] == ["2026-04-27", "2026-05-04", "2026-05-11"]
    assert rows[2]["descent_m_20_30_pct"] == "200.0" and rows[2]["steepest_steady_pct"] == "20.0"
    assert "a/broken.gpx: not read" in err


def test_an_unreadable_archive_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.zip"
    empty.write_bytes(b"")
    assert main([str(empty)]) == 1
    assert main([str(tmp_path / "missing.zip")]) == 1
    err = capsys.readouterr().err
    assert "empty.zip: not read: This file is empty." in err
    assert "missing.zip: cannot open it" in err


def test_runs_as_a_module(archive: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "drills.history", "--csv", str(archive)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("week_start,runs,distance_m,descent_m,moving_time_s,")
