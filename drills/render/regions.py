"""Regions: the parts of a tool page that Python renders, so the page rewrites only what changed.

A region is an element with ``data-region="key"`` whose content Python renders; it may hold
other regions. Each region's element carries two marks: ``data-shown``, a fingerprint of its
whole content, and, when it holds regions, ``data-frame``, a fingerprint of its content with
those regions' contents left out. The page sends the marks it shows with every call; Python
answers with only the regions whose marks differ (``changes``), and where a region's frame is
unchanged, with its changed regions inside instead of all of it (regions.js applies them).
A 24-week plan is 128 kB of HTML; a new slope length rewrites its 96 volume cells.

A list the page adds to (the audit's files) holds regions the page may not show yet: those come
whole, to be appended (``listed``), and one the list no longer holds is removed (``removed``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from drills.render.html import fingerprint


@dataclass(frozen=True)
class Region:
    """``<tag attributes data-region="key">content</tag>``; ``attributes`` is escaped HTML."""

    tag: str
    key: str
    content: tuple[Segment, ...]
    attributes: str = ""


Segment = str | Region


def region(tag: str, key: str, *content: Segment, attributes: str = "") -> Region:
    return Region(tag, key, tuple(content), attributes)


@dataclass(frozen=True)
class Rendered:
    """A region rendered: its content's HTML, its marks, and the regions inside it."""

    key: str
    html: str  # the element's content
    shown: str
    frame: str | None  # None when it holds no regions
    inner: tuple[Rendered, ...]


def render(top: Region) -> tuple[Rendered, str]:
    """The region rendered, and its whole element's HTML (marks included)."""
    if all(isinstance(segment, str) for segment in top.content):
        html = "".join(top.content)  # type: ignore[arg-type]
        return _leaf(top.tag, top.key, html, top.attributes)
    return _render(top)


# Cells and labels recur from one change to the next. Kept small: the memory snapshot holds
# this cache, and a large one grew the snapshot's heap past what the browser restores. Keyed
# by the texts, not the Region: comparing dataclasses made the lookups a tenth of a change.
@lru_cache(maxsize=512)
def _leaf(tag: str, key: str, html: str, attributes: str) -> tuple[Rendered, str]:
    done = Rendered(key, html, fingerprint(html), None, ())
    return done, _element(tag, attributes, done)


def _render(top: Region) -> tuple[Rendered, str]:
    content: list[str] = []
    skeleton: list[str] = []
    inner: list[Rendered] = []
    for segment in top.content:
        if isinstance(segment, str):
            content.append(segment)
            skeleton.append(segment)
            continue
        done, element = render(segment)
        inner.append(done)
        content.append(element)
        skeleton.append(f"<{segment.tag}{segment.attributes}>\0{segment.key}\0")
    html = "".join(content)
    frame = fingerprint("".join(skeleton)) if inner else None
    done = Rendered(top.key, html, fingerprint(html), frame, tuple(inner))
    return done, _element(top.tag, top.attributes, done)


def _element(tag: str, attributes: str, done: Rendered) -> str:
    """The region's whole element: its content inside a tag that carries its marks."""
    marks = f' data-region="{done.key}" data-shown="{done.shown}"'
    if done.frame is not None:
        marks += f' data-frame="{done.frame}"'
    return f"<{tag}{attributes}{marks}>{done.html}</{tag}>"


def page_html(top: Region) -> str:
    """The region's whole element, as a page built with it shows it."""
    return render(top)[1]


# One region's change, as regions.js applies it: {"html", "shown", "frame"} rewrites its content,
# {"shown"} alone gives it new marks (its changed regions follow), {"element", "into"} appends a
# region the page does not show yet to the list marked data-region-list="into", {"gone": True}
# removes it.
Change = dict[str, str | bool | None]


def changes(tops: Sequence[Region], marks: Mapping[str, object]) -> dict[str, Change]:
    """What the page must change to show ``tops``, given the marks it shows.

    ``marks`` maps a region's key to ``[shown, frame]`` as the page has them. The answer maps
    keys, outer regions first, to ``{"html", "shown", "frame"}`` for a region to rewrite, or
    to ``{"shown"}`` alone for one whose frame stands and whose changed regions follow.
    """
    out: dict[str, Change] = {}
    for top in tops:
        _changes(render(top)[0], marks, out)
    return out


def listed(into: str, items: Sequence[Region], marks: Mapping[str, object]) -> dict[str, Change]:
    """What the page must change to show ``items`` in the list ``into``: an item it does not
    show yet comes whole, appended in this order; one it shows changes as ``changes`` says."""
    out: dict[str, Change] = {}
    for item in items:
        if item.key in marks:
            _changes(render(item)[0], marks, out)
        else:
            out[item.key] = {"element": page_html(item), "into": into}
    return out


def removed(keys: Iterable[str], marks: Mapping[str, object]) -> dict[str, Change]:
    """The regions among ``keys`` that the page shows, to be removed."""
    return {key: {"gone": True} for key in keys if key in marks}


def _changes(done: Rendered, marks: Mapping[str, object], out: dict[str, Change]) -> None:
    mark = marks.get(done.key)
    shown, frame = mark if isinstance(mark, list) and len(mark) == 2 else (None, None)
    if shown == done.shown:
        return
    if done.frame is not None and frame == done.frame:
        out[done.key] = {"shown": done.shown}
        for inner in done.inner:
            _changes(inner, marks, out)
        return
    out[done.key] = {"html": done.html, "shown": done.shown, "frame": done.frame}


def marks(tops: Sequence[Region]) -> dict[str, list[str | None]]:
    """The marks a page showing ``tops`` sends back: ``[shown, frame]`` by key."""
    out: dict[str, list[str | None]] = {}
    todo = [render(top)[0] for top in tops]
    while todo:
        done = todo.pop()
        out[done.key] = [done.shown, done.frame]
        todo.extend(done.inner)
    return out
