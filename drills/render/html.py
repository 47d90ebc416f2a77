"""Tiny HTML helpers: everything that reaches a page goes through ``esc``."""

from __future__ import annotations

import hashlib
from html import escape


def esc(value: object) -> str:
    """Text made safe for element content and quoted attribute values."""
    text = str(value)
    # Most texts have nothing to escape; looking first is twice as fast (planner pages).
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return escape(text, quote=True)
    return text


def fingerprint(html: str) -> str:
    """A short mark of exactly this HTML, the same in CPython and in the browser: a page
    compares marks before it rewrites a part (the training log, the planner's frame)."""
    return hashlib.sha256(html.encode()).hexdigest()[:16]


def attrs(**values: object) -> str:
    """` name="value"` pairs; ``None`` and ``False`` drop the attribute, ``True`` leaves it bare.

    A trailing underscore is stripped (``class_``) and other underscores become hyphens.
    """
    parts = []
    for name, value in values.items():
        if value is None or value is False:
            continue
        html_name = name.rstrip("_").replace("_", "-")
        parts.append(f" {html_name}" if value is True else f' {html_name}="{esc(value)}"')
    return "".join(parts)


def number(value: float, decimals: int = 1) -> str:
    """A number with a true minus sign, as readers expect to see it."""
    text = f"{value:.{decimals}f}"
    return text.replace("-", "−") if value < 0 and float(text) != 0 else text.lstrip("-")


def scroll_open(label: str | None = None, labelled_by: str | None = None) -> str:
    """The opening tag of a box a wide table scrolls sideways in on a phone (never the page):
    focusable and named, so a keyboard can scroll it and a screen reader says what it holds.
    Close it with ``</div>``."""
    return (
        '<div class="dc-table-scroll" tabindex="0" role="region"'
        f"{attrs(aria_label=label, aria_labelledby=labelled_by)}>"
    )
