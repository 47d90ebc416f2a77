"""Results as a fixed frame with replaceable parts, so a page rewrites only what changed.

A renderer returns segments: a plain string belongs to the frame; a ``(key, html)`` pair is the
content of the element just before it, which carries ``data-part="key"``. When a change leaves
the frame as it was (the same weeks and sessions), the page replaces only the parts whose HTML
differs instead of parsing the whole result again (tools.js; a 24-week plan is 128 kB).
"""

from __future__ import annotations

from collections.abc import Sequence

from drills.render.html import fingerprint

Segment = str | tuple[str, str]


def element(tag: str, key: str, content: str, attributes: str = "") -> list[Segment]:
    """``<tag attributes data-part="key">content</tag>`` with ``content`` as the part."""
    return [f'<{tag}{attributes} data-part="{key}">', (key, content), f"</{tag}>"]


def join(segments: Sequence[Segment]) -> str:
    """The whole HTML."""
    return "".join(s if isinstance(s, str) else s[1] for s in segments)


def frame(segments: Sequence[Segment]) -> str:
    """A fingerprint of everything but the parts' contents."""
    return fingerprint("".join(s if isinstance(s, str) else f"\0{s[0]}\0" for s in segments))


def contents(segments: Sequence[Segment]) -> dict[str, str]:
    """Each part's HTML, by key."""
    return {s[0]: s[1] for s in segments if not isinstance(s, str)}
