"""The descent audit, the drill catalog and the coaches' page on a 360 × 740 phone, in both
colour schemes and every state of the audit: fresh, after auditing a real run and a course,
after adding the run to the training log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ARTIFACTS

from devtools import tracks as synth

pytestmark = pytest.mark.browser

FILES = Path(__file__).resolve().parent / "fixtures" / "activities"
RUN = FILES / "activity-large-fenxi2-multisport.fit"
COURSE = FILES / "korita-zbevnica.gpx"
WIDTH, HEIGHT = 360, 740

# Every element of the page's content inside the screen's width, or inside a box that scrolls
# sideways and takes keyboard focus; nothing clipped by a box the keyboard cannot scroll.
LAYOUT = """() => {
  const width = document.documentElement.clientWidth;
  const out = { page: document.documentElement.scrollWidth - width, wide: [], clipped: [] };
  const name = (el) => `${el.tagName.toLowerCase()}.${(el.getAttribute('class') || '').split(' ')[0]}`;
  const scrolls = (el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const el of document.querySelectorAll('.md-content *')) {
    if (el.closest('.dc-visually-hidden, [hidden], details:not([open]) > :not(summary)')) continue;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (style.visibility === 'hidden' || (!r.width && !r.height)) continue;
    let inside = false;
    for (let p = el.parentElement; p && !inside; p = p.parentElement) inside = scrolls(p);
    if (!inside && (r.right > width + 0.5 || r.left < -0.5)) out.wide.push(name(el));
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1) {
      if (['hidden', 'clip'].includes(style.overflowX)) out.clipped.push(name(el));
      else if (scrolls(el) && el.tabIndex < 0) out.clipped.push(`${name(el)} (no keyboard)`);
    }
  }
  return out;
}"""

# A word (letters and digits) whose rendered lines differ: it was broken mid-word.
BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const host = node.parentElement;
    if (host.closest('.dc-visually-hidden, [hidden], script, style') || !host.getClientRects().length) continue;
    for (const m of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def check(page: object, axe: object, state: str) -> None:
    """The page as a phone shows it in this state: fits, scrolls only where a keyboard can,
    passes axe; its screenshot is kept to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"phone-{state}-{page.scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    layout = page.evaluate(LAYOUT)
    print(f"{state} {page.scheme}: {layout}, screenshot {shot.name}")
    assert layout == {"page": 0, "wide": [], "clipped": []}, state
    violations = axe.run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == [], state


def audit_files(page: object, *paths: Path) -> None:
    page.set_input_files("[name=files]", [str(p) for p in paths])
    page.wait_for_function(
        "(n) => document.querySelectorAll('[data-audit-items] > li').length === n"
        " && document.querySelector('[data-status]').textContent.startsWith('Audited')",
        arg=len(paths),
    )


def test_the_audit_on_a_phone_in_every_state(phone: object, base_url: str, axe: object) -> None:
    page = phone
    page.goto(f"{base_url}/tools/audit/")
    page.wait_for_selector("[data-component=audit][data-live=true]", timeout=120_000)
    check(page, axe, "audit-fresh")

    audit_files(page, RUN, COURSE)
    check(page, axe, "audit-audited")
    run, course = page.locator("[data-audit-items] > li").all()
    for item in (run, course):
        # The reading and the actions come before the profile and the collapsed tables.
        order = item.evaluate(
            "(li) => [...li.querySelectorAll('.dc-audit-meaning, .dc-audit-actions, svg, details')]"
            ".map((e) => e.matches('svg') ? 'svg' : e.tagName === 'DETAILS' ? 'details' : e.className)"
        )
        assert order[:2] == ["dc-audit-meaning", "dc-actions dc-audit-actions"], order
        assert all(not item.locator("details").nth(k).get_attribute("open") for k in range(2))
        # The hand-off's sentence is in view with its button.
        said = item.locator("[data-audit-handoff] p").bounding_box()
        button = item.locator("[data-audit-handoff] a").bounding_box()
        assert button["y"] + button["height"] - said["y"] <= HEIGHT
    # The course takes the runner's steady grade from the run; the run aims at the course.
    href = course.locator("[data-audit-handoff] a").get_attribute("href")
    assert "current=10&target=35" in href, href
    assert RUN.name in course.locator("[data-audit-handoff] p").inner_text()
    assert "target=35" in run.locator("[data-audit-handoff] a").get_attribute("href")

    # The profile's highlight and its numbers read against the page in this scheme.
    colours = page.evaluate(
        "() => { const svg = document.querySelector('.dc-audit-profile');"
        " let bg = 'rgba(0, 0, 0, 0)';"
        " for (let e = svg; e && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg); e = e.parentElement)"
        "   bg = getComputedStyle(e).backgroundColor;"
        " return { bg, line: getComputedStyle(svg.querySelector('polyline title').parentElement).stroke,"
        "  text: getComputedStyle(svg.querySelector('g[font-weight=bold] text')).fill }; }"
    )
    assert contrast(colours["line"], colours["bg"]) >= 3.0, colours  # WCAG 1.4.11
    assert contrast(colours["text"], colours["bg"]) >= 4.5, colours  # WCAG 1.4.3

    # Opened, the tables scroll sideways only inside boxes a keyboard can scroll.
    toggle = "(open) => document.querySelectorAll('details.dc-audit-more').forEach((d) => (d.open = open))"
    page.evaluate(toggle, True)
    check(page, axe, "audit-tables")
    page.evaluate(toggle, False)

    button = run.locator("[data-action='audit:add-log']")
    button.click()
    said = run.locator("[data-audit-said=log]")
    page.wait_for_function(
        "() => document.querySelector('[data-audit-said=log]').textContent.startsWith('Added')"
    )
    box, seen = button.bounding_box(), said.bounding_box()
    assert box["y"] >= 0 and seen["y"] + seen["height"] <= HEIGHT  # said where it was asked
    check(page, axe, "audit-logged")

    page.goto(f"{base_url}/tools/planner/")
    page.wait_for_selector("[data-tool][data-live=true]", timeout=120_000)
    line = page.locator(".dc-log-runs li").first.inner_text()
    assert re.match(r"\w{3} \d{1,2} \w{3} \d{4}, ", line), line  # the run's year is shown


def test_a_race_card_for_a_40_km_mountain_course_prints_on_two_pages(
    page: object, base_url: str, tmp_path: Path
) -> None:
    course = tmp_path / "mountain-40k.gpx"
    course.write_bytes(synth.to_gpx(synth.mountain_course(), sport=None))
    page.add_init_script("window.print = () => {}")
    page.goto(f"{base_url}/tools/audit/")
    page.wait_for_selector("[data-component=audit][data-live=true]", timeout=120_000)
    audit_files(page, course)
    item = page.locator("[data-audit-items] > li").first
    item.locator("[data-action='audit:print']").click()
    page.emulate_media(media="print")
    # Printed: the card, not the page around it nor the table of all its descents.
    assert item.locator(".dc-audit-race-card").is_visible()
    assert not page.locator("h1").is_visible()
    descents = item.locator("details[data-audit-more=descents]")
    assert descents.locator("tbody tr").count() >= 45 and not descents.is_visible()
    pdf = page.pdf(format="A4")  # (Chromium fires afterprint: the page is itself again)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    print(f"race card of a 40 km course: {pages} A4 pages")
    assert 1 <= pages <= 2


@pytest.mark.parametrize("path", ["/drills/", "/coaches/"])
def test_catalog_and_coaches_break_no_word_on_a_phone(
    browser: object, base_url: str, path: str
) -> None:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + path)
    broken = page.evaluate(BROKEN_WORDS)
    layout = page.evaluate(LAYOUT)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"phone-{path.strip('/')}.png"), full_page=True)
    context.close()
    assert broken == []
    assert layout == {"page": 0, "wide": [], "clipped": []}
