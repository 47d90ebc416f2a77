"""Custom fences for pymdownx.superfences: ```tool places a tool, pre-rendered, in a page."""

from __future__ import annotations

from typing import Any

from drills.bridge import render_tool
from drills.render.tools import TOOLS


def tool(source: str, language: str, css_class: str, options: Any, md: Any, **kwargs: Any) -> str:
    """The named tool's widget with its default results, computed now by the same Python."""
    name = source.strip()
    if name not in TOOLS:
        raise KeyError(f"unknown tool {name!r} in a ```tool fence; known: {', '.join(TOOLS)}")
    return render_tool(name)
