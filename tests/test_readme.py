"""The README's Python API example runs as written, on an exported log."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from pathlib import Path

import pytest

from drills import training_log

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_python_api_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (code,) = re.findall(r"^```python\n(.*?)^```", README.read_text(), re.S | re.M)
    sore = training_log.LogEntry(1, 1, dt.date(2026, 3, 2), 6, 2, soreness=7)
    (tmp_path / "downhill-training-log.json").write_text(training_log.dump_store([sore]))
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {})
    assert "soreness was 7/10" in printed.getvalue()
    assert printed.getvalue().startswith("Ten weeks is not enough")


def test_the_readme_says_how_to_serve_elsewhere_and_the_script_passes_it_on() -> None:
    text = README.read_text()
    (block,) = re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M)
    assert [line.split()[0] for line in block.splitlines()] == ["./scripts/serve", "./scripts/test"]
    (example,) = re.findall(r"`\./scripts/serve (-a [\d.]+:\d+)`", text)
    serve = (README.parent / "scripts" / "serve").read_text().splitlines()
    last = serve[-1].split()
    # mkdocs serve takes the last --dev-addr given: the reader's, after the script's default.
    assert last[:3] == ["exec", ".venv/bin/mkdocs", "serve"] and last[-1] == '"$@"', serve[-1]
    assert example.startswith("-a ") and "--dev-addr" in last
