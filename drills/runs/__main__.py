"""Audit activity files from the command line: ``python -m drills.runs FILE... [--json]``.

Each file's audit, or the reason it has none; one bad file never stops the others, and the
exit status is 1 if any failed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drills.errors import InputError
from drills.runs.advice import log_summary, planner_suggestion, race_card
from drills.runs.audit import Audit, audit
from drills.runs.read import MAX_FILE_BYTES, read_activity


def _load(path: Path) -> Audit:
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError("file", f"Cannot open it: {error.strerror or error}.") from error
    if size > MAX_FILE_BYTES:  # refuse before reading it into memory
        raise InputError(
            "file",
            f"This file is too big to audit: {size / 1e6:.1f} MB, and the limit is "
            f"{MAX_FILE_BYTES // 1_000_000} MB.",
        )
    return audit(read_activity(path.read_bytes(), path.name))


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def text_report(result: Audit) -> str:
    """A plain-text audit (metric)."""
    moving = "none (a course)" if result.moving_time_s is None else _minutes(result.moving_time_s)
    lines = [
        f"{result.name} ({result.format}, {result.sport or 'sport not stated'})",
        f"  distance {result.distance_m / 1000:.2f} km, descent {result.descent_m:.0f} m, "
        f"ascent {result.ascent_m:.0f} m, moving time {moving}",
    ]
    if result.device_descent_m is not None and result.device_ascent_m is not None:
        lines.append(
            f"  the device's own totals: descent {result.device_descent_m:.0f} m, "
            f"ascent {result.device_ascent_m:.0f} m"
        )
    lines.append("  grade      distance    drop     time  cadence")
    for band in result.bands:
        top = f"{band.grade_to_pct:g}" if band.grade_to_pct is not None else ""
        label = f"{band.grade_from_pct:g}–{top} %" if top else f"≥{band.grade_from_pct:g} %"
        cadence = "–" if band.cadence_spm is None else f"{band.cadence_spm:.0f}"
        lines.append(
            f"  {label:<9} {band.distance_m:>7.0f} m {band.descent_m:>5.0f} m "
            f"{_minutes(band.time_s):>8} {cadence:>8}"
        )
    for d in result.descents:
        lines.append(
            f"  descent {d.number} at {d.start_m / 1000:.2f} km: {d.drop_m:.0f} m over "
            f"{d.length_m:.0f} m, mean {d.mean_grade_pct:.1f} %, steepest "
            f"{d.steepest_grade_pct:.1f} %"
        )
    suggestion = planner_suggestion(result)
    if suggestion is not None:
        lines.append(f"  planner: {suggestion.sentence}")
    if result.moving_time_s is None:
        lines.append(f"  race card: {race_card(result).sentence}")
    lines += [f"  warning: {w}" for w in result.warnings]
    return "\n".join(lines)


def _plain(value: Any) -> Any:
    """JSON-ready: dataclasses to dicts, dates to ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def json_report(path: Path, result: Audit) -> dict[str, Any]:
    return {
        "file": str(path),
        "ok": True,
        "audit": _plain(result),
        "planner_suggestion": _plain(planner_suggestion(result)),
        "race_card": _plain(race_card(result)),
        "log_summary": _plain(log_summary(result)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m drills.runs", description="Audit the descents of GPX, TCX or FIT files."
    )
    parser.add_argument("files", nargs="+", type=Path, help="activity files (gzipped is fine)")
    parser.add_argument("--json", action="store_true", help="one JSON document for scripts")
    args = parser.parse_args(argv)
    failed = 0
    reports: list[dict[str, Any]] = []
    for path in args.files:
        try:
            result = _load(path)
        except InputError as error:
            failed += 1
            if args.json:
                reports.append({"file": str(path), "ok": False, "error": str(error)})
            else:
                print(f"{path}: not audited: {error}", file=sys.stderr)
            continue
        if args.json:
            reports.append(json_report(path, result))
        else:
            print(text_report(result))
    if args.json:
        print(json.dumps(reports, indent=1, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
