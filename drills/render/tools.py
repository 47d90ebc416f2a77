"""The registry of in-page tools: each tool's fields, how it computes, and how it renders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drills.render import cadence_view, log_view, parts, planner_view
from drills.render.forms import Field


@dataclass(frozen=True)
class Tool:
    name: str
    title: str
    fields: tuple[Field, ...]
    compute: Callable[[dict[str, Any]], Any]
    render: Callable[[Any], str]
    summary: Callable[[Any], str]  # one sentence the status line announces after a change
    # HTML below the results at build time, for the form's default texts (the metronome, the log)
    after_results: Callable[[dict[str, str]], str] = lambda texts: ""
    # The results as frame and parts (drills.render.parts), for a tool whose results are large
    segments: Callable[[Any], list[parts.Segment]] | None = None


TOOLS: dict[str, Tool] = {
    "cadence": Tool(
        "cadence",
        "Cadence calculator",
        cadence_view.FIELDS,
        cadence_view.compute,
        cadence_view.results_html,
        cadence_view.summary,
        lambda texts: cadence_view.EXTRAS_HTML,
    ),
    "planner": Tool(
        "planner",
        "Progression planner",
        planner_view.FIELDS,
        planner_view.compute,
        planner_view.results_html,
        planner_view.summary,
        lambda texts: log_view.section_html(texts) + planner_view.AFTER_RESULTS,
        planner_view.results_segments,
    ),
}


def get(name: str) -> Tool:
    try:
        return TOOLS[name]
    except KeyError:
        raise KeyError(f"no tool named {name!r}") from None
