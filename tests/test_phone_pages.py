"""What the built pages say and how their wide parts behave on a phone: every box a table
scrolls in is reachable by keyboard and named; the coaches' link table follows the planner's
form; the catalog counts its drills once; a logged run keeps its year."""

from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from pathlib import Path

from drills import bridge, catalog
from drills.render import planner_view
from drills.training_log import LoggedRun, dump_store
from drills.words import day_date, in_words
from tests.pages import LINKS

OPENING = re.compile(r"<div[^>]*\bclass=\"dc-table-scroll\"[^>]*>")


def test_every_table_scroll_box_takes_the_keyboard_and_has_a_name(site_dir: Path) -> None:
    boxes = 0
    for page in site_dir.rglob("*.html"):
        for tag in OPENING.findall(page.read_text(encoding="utf-8")):
            boxes += 1
            assert 'tabindex="0"' in tag and 'role="region"' in tag, (page, tag)
            assert re.search(r'aria-label(ledby)?="[^"]+"', tag), (page, tag)
    assert boxes >= 3  # the catalog, the coaches' section links, the audit's example


def test_the_coaches_link_table_lists_every_value_a_planner_link_carries(site_dir: Path) -> None:
    html = unescape((site_dir / "coaches" / "index.html").read_text(encoding="utf-8"))
    names = [f.name for f in planner_view.FIELDS]
    assert "start" in names
    assert f"The link uses {in_words(len(names))} values" in html
    assert "six values" not in html
    table = html[html.index("The link uses") :]
    table = table[: table.index("</table>")]
    assert re.findall(r"<tr>\s*<td><code>([a-z]+)</code>", table) == names


def test_the_catalog_says_its_drill_count_once(site_dir: Path) -> None:
    html = (site_dir / "drills" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html[html.index("<h1") :])
    assert len(re.findall(rf"\b{len(catalog.DRILLS)} drills\b", text)) == 1


def test_a_logged_run_shows_its_year() -> None:
    assert day_date(dt.date(2021, 5, 29)) == "Sat 29 May 2021"
    store = dump_store([], None, [LoggedRun(dt.date(2021, 5, 29), "hill.fit", 400, 18, 3600, None)])
    fields = {f.name: f.default for f in planner_view.FIELDS}
    answer = json.loads(
        bridge.call(
            "compute",
            json.dumps(
                {
                    "tool": "planner",
                    "fields": fields,
                    "store": store,
                    "query": "?x",
                    "links": LINKS.as_data(),
                }
            ),
        )
    )
    assert "Sat 29 May 2021, hill.fit" in answer["regions"]["log-view"]["html"]
