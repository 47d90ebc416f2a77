"""The roster page's example: two athletes' log files kept in sitebuild/roster_example/ (as
their browsers exported them), imported at build time into one book, as a coach's browser
would, so the page reads correctly before Python starts in the browser."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from markupsafe import Markup

from drills import training_log
from drills.render import regions, roster_view
from drills.words import long_date
from sitebuild.links import Where, tool_links

EXAMPLE = Path(__file__).parent / "roster_example"
EXAMPLE_DAY = dt.date(2026, 3, 11)  # the example's "today": the same page on every build


def example_book(folder: Path = EXAMPLE) -> training_log.Book:
    """Every export in the folder imported into one book, by file name."""
    book = training_log.Book()
    for path in sorted(folder.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        reading = training_log.read_book(text, source="file", today=EXAMPLE_DAY)
        book = training_log.import_book(book, reading.book, "").book
    return book


def roster_context(where: Where) -> dict[str, Any]:
    """The page's template context: its links, the import's limit and the example's regions."""
    book = example_book()
    shown = [
        roster_view.roster_region(book, EXAMPLE_DAY),
        roster_view.plans_region(book, EXAMPLE_DAY),
    ]
    return {
        "links": tool_links(where).as_data(),
        "max_chars": training_log.MAX_STORE_CHARS,
        "size_text": training_log.SIZE_TEXT,
        "example_day": long_date(EXAMPLE_DAY),
        "regions": {r.key: Markup(regions.page_html(r)) for r in shown},
    }


def plans_html() -> Markup:
    """The planner page's plan list as built: no plan kept yet (the browser's follows)."""
    return Markup(regions.page_html(roster_view.plans_region(training_log.Book(), EXAMPLE_DAY)))
