"""The roster's cards, the plan list and planned-versus-done in the plan's chart (issue 32)."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from drills import training_log as tl
from drills.plan_form import plan_from_texts
from drills.render import regions, roster_view
from drills.render.planner_chart import plan_chart_svg

LOGS = Path(__file__).parent / "fixtures" / "logs"
BOOK = tl.read_book((LOGS / "schema-4.json").read_text(encoding="utf-8")).book
TODAY = dt.date(2026, 3, 5)
SVG = "{http://www.w3.org/2000/svg}"


class Buttons(HTMLParser):
    """Every button's text, and every element's fixed width if any."""

    def __init__(self) -> None:
        super().__init__()
        self.buttons: list[str] = []
        self.open = False
        self.widths: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open = tag == "button"
        if self.open:
            self.buttons.append("")
        self.widths += [v or "" for k, v in attrs if k in ("width", "style")]

    def handle_endtag(self, tag: str) -> None:
        self.open = self.open and tag != "button"

    def handle_data(self, data: str) -> None:
        if self.open:
            self.buttons[-1] += data


def test_a_card_per_athlete_each_button_naming_its_athlete() -> None:
    html = regions.page_html(roster_view.roster_region(BOOK, TODAY))
    cards = re.findall(
        r"<li class=\"dc-roster-card\".*?</li>(?=<li class=\"dc-roster-card\"|</ul></section>)",
        html,
    )
    assert len(cards) == 3
    for card in cards:
        name = re.search(r"<h3 id=\"(dc-roster-\d+)\">([^<]+)</h3>", card)
        assert name and f'aria-labelledby="{name[1]}"' in card
        parser = Buttons()
        parser.feed(card)
        named = name[2] != roster_view.NO_NAME  # a plan link is for a named athlete only
        assert len(parser.buttons) == 3 + named
        assert all(name[2] in b for b in parser.buttons)  # "Import Anna Berg’s log file"
        assert (f"Copy plan link for {name[2]}" in parser.buttons) == named
        assert parser.widths == []  # nothing of a fixed width: the card fits 360 px
    assert roster_view.NO_NAME in cards[2]
    assert tl.order_rule() in html


def test_the_plan_list_marks_the_current_plan() -> None:
    html = regions.page_html(roster_view.plans_region(BOOK, TODAY))
    lines = re.findall(r'<li class="dc-plan-line".*?</li>', html)
    assert len(lines) == 3
    assert ['aria-current="true"' in line for line in lines] == [False, False, True]
    assert (
        "Current plan" in lines[2] and 'data-action="roster:switch" data-key="p3"' not in lines[2]
    )
    assert "2 March 2026 to 26 April 2026" in lines[0]
    assert "2 of 32 sessions logged" in lines[0] and 'value="2"' in lines[0]
    assert 'data-action="roster:delete" data-key="p1"' in lines[0]


def test_an_empty_book_says_what_to_do() -> None:
    assert "import an athlete" in regions.page_html(roster_view.roster_region(tl.Book(), TODAY))
    assert "log a session" in regions.page_html(roster_view.plans_region(tl.Book(), TODAY))
    assert " hidden" in regions.page_html(roster_view.planned_done_region(None))


def test_planned_against_done_in_the_plans_chart() -> None:
    log = BOOK.get("p1")
    plan = plan_from_texts(log.plan_texts())
    assert plan is not None
    done = tl.planned_and_done(log)
    svg = plan_chart_svg(plan, "x", done=done)
    root = ET.fromstring(svg)
    bars = root.findall(f".//{SVG}rect[@class='dc-bar-done']")
    assert len(bars) == len(plan.weeks) + 1  # a bar a week, and the legend's
    logged = sum(w.logged_m for w in done)
    assert logged > 0
    assert f"Logged so far: {logged:.0f} m" in root.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert "40 m logged" in bars[0].find(f"{SVG}title").text  # type: ignore[union-attr]
    # Without a log, the chart is the plan's own, as before.
    assert plan_chart_svg(plan, "x") == plan_chart_svg(plan, "x", done=None)
    assert "dc-bar-done" not in plan_chart_svg(plan, "x")
