"""The six chapters as Markdown: length, structure, stable heading ids, drill cards."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drills import catalog

DOCS = Path(__file__).resolve().parent.parent / "docs"
CHAPTERS = list(catalog.CHAPTERS)
HEADING = re.compile(r"^(#{2,3})\s+(.+)$", re.M)
EXPLICIT_ID = re.compile(r"\{#([a-z0-9-]+)\}\s*$")


def prose_words(markdown: str) -> int:
    """Words of prose: front matter, fences, tables, headings and admonition titles left out."""
    text = re.sub(r"^---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    kept = [
        line
        for line in text.splitlines()
        if not line.lstrip().startswith(("|", "#", "!!!", "???", "<"))
    ]
    text = re.sub(r"\]\([^)]*\)", "]", "\n".join(kept))  # count a link's text, not its address
    return len(re.findall(r"[A-Za-z0-9][\w'’.-]*", text))


@pytest.fixture(params=CHAPTERS)
def chapter(request: pytest.FixtureRequest) -> tuple[str, str]:
    return request.param, (DOCS / request.param / "index.md").read_text(encoding="utf-8")


def test_chapter_has_enough_prose(chapter: tuple[str, str]) -> None:
    name, md = chapter
    assert prose_words(md) >= 1500, name


def test_chapter_opens_with_a_summary_and_has_a_coaches_note(chapter: tuple[str, str]) -> None:
    _, md = chapter
    body = re.sub(r"^---\n.*?\n---\n", "", md, flags=re.S).lstrip()
    assert re.match(r'# .+\n+!!! \w+ "In one minute"', body)
    assert re.search(r'^!!! \w+ "For coaches"', md, re.M)


def test_chapter_has_three_drill_cards_of_its_own(chapter: tuple[str, str]) -> None:
    name, md = chapter
    ids = re.findall(r"^```drill\n(.+?)\n```", md, re.M)
    assert len([i for i in ids if catalog.get(i.strip()).chapter == name]) >= 3


def test_every_heading_has_a_unique_explicit_id(chapter: tuple[str, str]) -> None:
    name, md = chapter
    md = re.sub(r"^```.*?^```", "", md, flags=re.S | re.M)
    ids = []
    for _, title in HEADING.findall(md):
        found = EXPLICIT_ID.search(title)
        assert found, f"{name}: heading without an explicit id: {title}"
        ids.append(found.group(1))
    assert len(ids) == len(set(ids)), name
    assert {"common-mistakes", "stop-rules", "drills"} <= set(ids), name


def test_coach_section_links_resolve(site_dir: Path) -> None:
    """Every link in the coaches' table points at a section that exists in the built chapter."""
    html = (site_dir / "coaches" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'data-copy-link="\.\./([a-z]+)/#([a-z0-9-]+)"', html)
    assert len(links) >= 6 * 5
    for chapter_name, anchor in links:
        page = (site_dir / chapter_name / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in page, (chapter_name, anchor)
