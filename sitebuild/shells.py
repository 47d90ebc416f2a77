"""The tools' shells and the chapters' rule lists, rendered from templates at build time.

A ```tool or ```rules fence in a page's Markdown becomes a placeholder before Markdown runs
(sitebuild/shortcodes.py), and the rendered template replaces it in the page's HTML, so
Markdown never touches it. Templates live in overrides/partials/tools/; Python renders only the
tools' regions.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from drills import exposure, metronome, rule_text, runs, safety, session_audio, training_log
from drills.bridge.answers import initial
from drills.render import cadence_view, regions
from drills.render.audit_page import EXAMPLE, LIST, item
from drills.render.tools import TOOLS
from sitebuild.history_page import history_context
from sitebuild.links import Where, tool_links
from sitebuild.roster_page import plans_html, roster_context

EXAMPLE_COURSE = "example-course.gpx"  # docs/tools/: gpxpy's korita-zbevnica.gpx (Apache-2.0),
# which the tests read under that name (tests/fixtures/activities/SOURCES.md)
ACCEPT = (".gpx", ".tcx", ".fit", ".gz")

PLACEHOLDER = re.compile(r'<div data-dc-shell="(?P<kind>tool|rules):(?P<name>[a-z-]+)"></div>')


def placeholder(kind: str, name: str) -> str:
    """Where a tool's or a rule list's template goes; an unknown one raises KeyError."""
    known = [*TOOLS, "audit", "history", "roster"] if kind == "tool" else rule_text.FENCE_NAMES
    if name not in known:
        raise KeyError(f"unknown {kind} {name!r}; known: {', '.join(known)}")
    return f'\n<div data-dc-shell="{kind}:{name}"></div>\n'


def _tool_context(name: str, where: Where) -> dict[str, Any]:
    links = tool_links(where)
    texts, regions = initial(name, links)
    return {
        "tool": TOOLS[name],
        "texts": texts,
        "regions": {key: Markup(html) for key, html in regions.items()},
        "root": where.href("index.md"),
        "links": links.as_data(),  # the page sends them with each call (drills.render.links)
        "plan_rules": rule_text.PLAN_RULES,
        "log": {
            "rpe": range(exposure.RPE_RANGE[0], exposure.RPE_RANGE[1] + 1),
            "confidence": range(exposure.CONFIDENCE_RANGE[0], exposure.CONFIDENCE_RANGE[1] + 1),
            "soreness": range(exposure.SORENESS_RANGE[0], exposure.SORENESS_RANGE[1] + 1),
            "rpe_words": exposure.RPE_WORDS,
            "confidence_words": exposure.CONFIDENCE_WORDS,
            "soreness_words": exposure.SORENESS_WORDS,
            "flags": training_log.FLAGS,
            "max_note": training_log.MAX_NOTE_CHARS,
            "max_chars": training_log.MAX_STORE_CHARS,
            "size_text": training_log.SIZE_TEXT,
            "rules": rule_text.LOG_RULES,
        },
        "session": {"legend": session_audio.LEGEND},
        "safety": safety,
        "click_track_mb_per_min": metronome.SAMPLE_RATE_HZ * 60 / 1e6,
        "click_track_minutes": metronome.LENGTH_RANGE_MIN,
        "min_taps": metronome.MIN_TAPS,
        "plans": plans_html(),  # the planner's plan list (roster.js fills in this browser's)
        "practice": cadence_view.practice_settings(),  # the practice section's script takes these
    }


def _audit_context(docs_dir: Path, where: Where) -> dict[str, Any]:
    """The audit page with its example course audited in (the same Python the page runs)."""
    links = tool_links(where)
    example = docs_dir / "tools" / EXAMPLE_COURSE
    result = runs.audit(runs.read_activity(example.read_bytes(), example.name))
    return {
        "accept": ",".join(ACCEPT),
        "max_mb": runs.MAX_FILE_BYTES // 1_000_000,
        "max_points": f"{runs.MAX_POINTS:,}",
        "example": Markup(regions.page_html(item(EXAMPLE, result, "metric", links))),
        "list": LIST,
        "links": links.as_data(),
        "example_href": where.href(f"tools/{EXAMPLE_COURSE}"),
    }


def fill(html: str, env: Environment, where: Where, docs_dir: Path) -> str:
    """The page's HTML with each placeholder replaced by its rendered template."""

    def render(match: re.Match[str]) -> str:
        kind, name = match["kind"], match["name"]
        if kind == "tool" and name == "audit":
            return env.get_template("partials/tools/audit.html").render(
                _audit_context(docs_dir, where)
            )
        if kind == "tool" and name == "history":
            return env.get_template("partials/tools/history.html").render(history_context(where))
        if kind == "tool" and name == "roster":
            return env.get_template("partials/tools/roster.html").render(roster_context(where))
        if kind == "tool":
            return env.get_template("partials/tools/tool.html").render(_tool_context(name, where))
        context = {
            "name": name,
            "text": rule_text,
            "safety": safety,
            "root": where.href("index.md"),
        }
        return env.get_template("partials/tools/rule-fence.html").render(context)

    return PLACEHOLDER.sub(render, html)
