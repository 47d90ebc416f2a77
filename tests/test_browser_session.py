"""Session mode in Chromium on a phone-sized screen: start, audio, wake lock, resume, log entry."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import ARTIFACTS, Held, PageWatch, wait_live
from test_browser_offline import cached, wait_runtime_cached

from drills import safety, session_audio, training_log
from drills.render.log_view import session_name
from drills.render.planner_view import plan_for
from tests.test_session_audio import decode
from tests.test_session_mode import FIELDS  # the plan both suites walk through

pytestmark = pytest.mark.browser

PLANNER = "/tools/planner/"
STATE_KEY = "dc-session-mode"
# Records every wake lock request, and hands back a lock that can be released.
WAKE_LOCK_STUB = """
window.dcWakeCalls = [];
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: {
  request(type) {
    window.dcWakeCalls.push(type);
    return Promise.resolve({ released: false, release() { this.released = true; return Promise.resolve(); },
                             addEventListener() {} });
  } } });
"""
NO_WAKE_LOCK = (
    'Object.defineProperty(navigator, "wakeLock", { configurable: true, value: undefined });'
)
SHOTS = ARTIFACTS / "session"


@pytest.fixture
def phone(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A page on a 390 px wide phone screen, with the wake lock stubbed."""
    scheme, width = getattr(request, "param", ("light", 390))
    context = browser.new_context(
        service_workers="block",
        viewport={"width": width, "height": 800},
        color_scheme=scheme,
        accept_downloads=True,
    )
    page = context.new_page()
    page.watch = PageWatch(page)
    page.add_init_script(WAKE_LOCK_STUB)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield page
    assert page.watch.page_errors == [], "uncaught errors on the page"
    assert page.watch.foreign_requests == [], "requests left the local server"
    context.close()


def open_planner(page: object, base_url: str) -> None:
    page.goto(base_url + PLANNER)
    wait_live(page)
    page.wait_for_selector("[data-component=log][data-log-live=true]")


def heading(page: object) -> str:
    return page.inner_text("dialog[data-session] [data-session-heading]")


def press(page: object, action: str) -> None:
    """Press Next or Back and wait for the step it leads to."""
    before = page.inner_text("[data-session-index]")
    page.click(f"dialog[data-session] [data-action='session:{action}']")
    page.wait_for_function(
        "i => document.querySelector('[data-session-index]').textContent !== i", arg=before
    )


def stored_state(page: object) -> dict | None:
    return page.evaluate(f"JSON.parse(localStorage.getItem({STATE_KEY!r}))")


def choose(page: object, name: str, value: str) -> None:
    page.click(f"dialog[data-session] label:has(input[name={name}][value='{value}'])")


def test_a_session_from_start_to_log_entry(phone: object, base_url: str) -> None:
    page = phone
    plan = plan_for(FIELDS)
    session = plan.weeks[0].sessions[2]  # week 1's steepest descent
    n = session.repeats

    # The cadence calculator's tempo is what session mode starts from.
    page.goto(base_url + "/tools/cadence/")
    wait_live(page)
    page.fill("form.dc-form [name=cadence]", "168")
    page.wait_for_function("() => localStorage.getItem('dc-session-tempo')?.includes('176')")
    tempo = page.evaluate("JSON.parse(localStorage.getItem('dc-session-tempo'))")
    assert tempo == {"cadence": "176", "pace": "6:00/km"}  # 168 + 5 % on the metronome

    open_planner(page, base_url)
    start = page.locator("[data-action='session:start'][data-key='1-3']")
    assert start.is_visible() and start.text_content() == "Start this session"
    start.click()
    page.wait_for_selector("dialog[data-session][open]")
    assert heading(page) == "Before the first repeat"
    assert page.evaluate("window.dcWakeCalls") == ["screen"]
    assert page.locator("[data-session-wake]").is_hidden()
    assert page.input_value("dialog [name=cadence]") == "176"
    assert page.inner_text("[data-session-title]") == session_name(plan, 1, 3)
    choose(page, "before", "2")

    # The audio: a bad pace is refused beside its field, then the track is made and offered.
    page.fill("dialog [name=pace]", "fast")
    page.click("[data-action='session:audio']")
    page.wait_for_selector("dialog[data-session] [data-error-for=pace]:not(:empty)")
    assert page.get_attribute("dialog [name=pace]", "aria-invalid") == "true"
    page.fill("dialog [name=pace]", "5:30/km")
    page.click("[data-action='session:audio']")
    page.wait_for_selector("[data-session-playback]:not([hidden])")
    assert page.evaluate("navigator.mediaSession.metadata.title") == session_name(plan, 1, 3)
    assert page.evaluate("document.querySelector('[data-session-player]').src").startswith("blob:")
    with page.expect_download() as info:
        page.click("[data-session-download]")
    wav = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename.endswith("176spm.wav")
    assert len(decode(wav).clicks) == n  # one stretch of clicks per repeat

    press(page, "next")
    assert heading(page) == "Warm up"
    press(page, "next")
    assert heading(page) == f"Repeat 1 of {n}"
    assert f"{session.grade_pct:g} %" in page.inner_text("[data-session-detail]")
    assert page.inner_text("[data-session-cue]") in session.key_cues
    assert page.inner_text("[data-session-announce]").startswith(f"Repeat 1 of {n}.")
    assert re.fullmatch(r"\d+:\d\d", page.inner_text("[data-session-timer]"))
    before = stored_state(page)

    # A reload (or a phone call that ended the tab) mid-session: offered, not forced.
    page.reload()
    open_planner(page, base_url)
    offer = page.locator("[data-session-resume]")
    offer.wait_for(state="visible")
    assert f"Repeat 1 of {n}" in offer.inner_text()
    offer.screenshot(path=str(SHOTS / "light-390-resume-offer.png"))
    assert not page.locator("dialog[data-session]").evaluate("d => d.open")
    page.click("[data-action='session:resume']")
    page.wait_for_selector("dialog[data-session][open]")
    assert heading(page) == f"Repeat 1 of {n}"
    assert page.evaluate("window.dcWakeCalls") == ["screen"]
    after = stored_state(page)
    assert after["stepStartedAt"] == before["stepStartedAt"]  # the timer runs on
    assert after["ratings"] == {"before": "2"} and after["audio"] is True
    page.wait_for_selector("[data-session-playback]:not([hidden])")  # the audio is made again
    page.screenshot(path=str(SHOTS / "light-390-repeat-with-audio.png"))

    # Playing, the track moves the view on when it announces the next repeat.
    timeline = session_audio.session_timeline(session, 176, 1000 / 330)
    (second,) = [t.start_s for t in timeline.steps if t.kind == "next" and t.repeat == 2]
    page.evaluate(
        "at => { const p = document.querySelector('[data-session-player]');"
        " p.currentTime = at; return p.play(); }",
        second + 0.3,
    )
    page.wait_for_function(
        "h => document.querySelector('[data-session-heading]').textContent === h",
        arg=f"Repeat 2 of {n}",
    )
    page.evaluate("document.querySelector('[data-session-player]').pause()")
    assert stored_state(page)["audioAt"] >= second
    for r in range(3, n + 1):
        press(page, "next")
        assert heading(page) == f"Repeat {r} of {n}"
    press(page, "next")
    assert heading(page) == "Jog home easy"
    press(page, "next")
    assert heading(page) == "How did it feel?"
    assert page.locator("[data-action='session:next']").is_hidden()

    page.click("[data-action='session:finish']")  # nothing chosen yet: each scale says so
    page.wait_for_selector("dialog[data-session] [data-error-for=rpe]:not(:empty)")
    assert page.inner_text("dialog[data-session] [data-error-for=pain]")
    choose(page, "after", "4")
    choose(page, "pain", "yes")
    choose(page, "rpe", "6")
    page.click("[data-action='session:finish']")
    page.wait_for_selector("dialog[data-session]:not([open])", state="attached")
    page.wait_for_function(
        "() => document.querySelector('[data-log-form] [name=rpe]').value === '6'"
    )
    form = "[data-log-form]"
    assert page.input_value(f"{form} [name=session]") == "1-3"
    assert page.input_value(f"{form} [name=confidence]") == "4"
    assert page.input_value(f"{form} [name=cadence]") == "176"
    assert page.is_checked(f"{form} input[value=pain]")
    assert page.evaluate("document.activeElement.name") == "session"

    page.click(f"{form} button[type=submit]")
    page.wait_for_function(
        "() => document.querySelector(\"[data-log-cell='1-3']\").textContent.includes('Done')"
    )
    store, message = training_log.read_store(
        page.evaluate("localStorage.getItem('dc-training-log')")
    )
    assert message is None
    (entry,) = store.entries
    assert entry.key == (1, 3)
    assert (entry.rpe, entry.confidence, entry.cadence_spm, entry.flags) == (6, 4, 176, ("pain",))
    assert "2/5" in entry.note
    # The log's pain rule changed the plan; the session is over and no longer offered.
    assert "Changed by your log" in page.text_content("[data-results]")
    page.wait_for_function(f"() => localStorage.getItem({STATE_KEY!r}) === null")
    assert offer.is_hidden()


def test_start_pressed_before_session_mode_arrives_opens_the_session(
    phone: object, base_url: str
) -> None:
    """Session mode's module loads once Python is live and the page is idle: a Start pressed
    before it arrived did nothing (a busy phone can take seconds to fetch it)."""
    page = phone
    held = Held(page, "**/session-mode.js")
    open_planner(page, base_url)
    page.click("[data-action='session:start'][data-key='1-3']")
    assert page.locator("dialog[data-session][open]").count() == 0
    held.release()
    page.wait_for_selector("dialog[data-session][open]")
    assert heading(page) == "Before the first repeat"


def test_a_coachs_note_is_on_every_step_of_its_session_as_text(
    phone: object, base_url: str
) -> None:
    page = phone
    hostile = '<img src=x onerror="window.hacked = 1"> Stay on the grass & walk the steep bit'
    book = training_log.start_plan(training_log.Book(), FIELDS, "Anna")
    kept = training_log.dump_book(training_log.set_note(book, "p1", (1, 3), hostile))
    page.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem('dc-training-log', {json.dumps(kept)}); }}"
    )
    page.goto(f"{base_url}{PLANNER}?{urlencode(FIELDS)}")
    wait_live(page)
    page.wait_for_selector("[data-component=log][data-log-live=true]")
    page.click("[data-action='session:start'][data-key='1-3']")
    page.wait_for_selector("dialog[data-session][open]")
    note = page.locator("dialog[data-session] [data-region=session-note]")
    for _ in range(2):  # the first step, and the next
        assert note.is_visible() and note.inner_text() == f"Session note: {hostile}"
        press(page, "next")
    page.screenshot(path=str(SHOTS / "session-coach-note.png"))
    assert page.evaluate("window.hacked") is None
    page.click("dialog[data-session] [data-action='session:leave']")
    page.click("[data-action='session:start'][data-key='1-1']")  # a session with no note
    page.wait_for_selector("dialog[data-session][open]")
    page.wait_for_function(
        "(t) => document.querySelector('[data-session-title]').textContent === t",
        arg=session_name(plan_for(FIELDS), 1, 1),
    )
    assert note.is_hidden() and note.inner_text() == ""


def test_keyboard_and_screen_reader(phone: object, base_url: str) -> None:
    page = phone
    open_planner(page, base_url)
    page.focus(
        "[data-action='session:start'][data-key='1-4']"
    )  # the conditioning session: its circuit, no audio
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog[data-session][open]")
    assert page.evaluate("document.activeElement.dataset.sessionHeading !== undefined")
    assert page.locator("[data-session-downhill]").is_hidden()
    inside = "document.querySelector('dialog[data-session]').contains(document.activeElement)"
    for _ in range(14):
        page.keyboard.press("Tab")
        assert page.evaluate(inside)
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(inside)
    page.focus("[data-action='session:next']")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('[data-session-heading]').textContent.startsWith('Round 1 of')"
    )
    live = page.locator("[data-session-announce]")
    assert live.get_attribute("aria-live") == "polite"
    assert live.inner_text().startswith(page.inner_text("[data-session-heading]"))
    assert page.evaluate("document.activeElement.dataset.action") == "session:next"
    # Every button of the view is a target of at least 64 px for a gloved finger.
    heights = page.eval_on_selector_all(
        "dialog[data-session] button:not([hidden]), dialog .dc-session-choice",
        "els => els.filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().height)",
    )
    assert heights and min(heights) >= 64
    page.keyboard.press("Escape")
    page.locator("[data-session-resume]").wait_for(state="visible")  # left, not lost
    assert page.evaluate("document.activeElement.dataset.key") == "1-4"
    assert stored_state(page)["step"] == 1


def test_without_a_wake_lock_the_view_says_so(phone: object, base_url: str) -> None:
    page = phone
    page.add_init_script(NO_WAKE_LOCK)
    open_planner(page, base_url)
    page.click("[data-action='session:start'][data-key='2-1']")
    page.wait_for_selector("dialog[data-session][open]")
    assert page.locator("[data-session-wake]").is_visible()


@pytest.mark.parametrize("phone", [("light", 360), ("dark", 360)], indirect=True)
def test_screenshots_of_every_step(phone: object, base_url: str) -> None:
    page = phone
    scheme = (
        page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") and "dark"
    ) or "light"
    open_planner(page, base_url)
    for key in ("1-3", "1-4"):
        page.click(f"[data-action='session:start'][data-key='{key}']")
        page.wait_for_selector("dialog[data-session][open]")
        total = int(page.inner_text("[data-session-total]"))
        for index in range(1, total + 1):
            name = f"{scheme}-{key}-{index:02d}"
            # Every screen keeps the warning signs a tap away (drills.safety).
            summary = page.locator("dialog[data-session] .dc-session-safety summary")
            assert summary.is_visible() and summary.inner_text() == safety.TITLE, name
            page.screenshot(path=str(SHOTS / f"{name}.png"))
            body = page.locator(".dc-session-body")
            if body.evaluate("b => b.scrollHeight > b.clientHeight + 4"):
                body.evaluate("b => b.scrollTop = b.scrollHeight")
                page.screenshot(path=str(SHOTS / f"{name}-end.png"))
            if index < total:
                press(page, "next")
        page.keyboard.press("Escape")
        page.wait_for_selector("dialog[data-session]:not([open])", state="attached")
    # Week 1's circuit is followed by the slope survey and falling practice, each on a screen.
    assert len(list(SHOTS.glob(f"{scheme}-1-[34]-??.png"))) == 8 + 12


def test_session_mode_works_offline_after_one_visit(browser: object, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.watch = PageWatch(page)
    page.goto(base_url + PLANNER)
    wait_live(page)
    wait_runtime_cached(page)
    urls = [u for names in cached(page).values() for u in names]
    assert any(u.endswith("/assets/js/session-mode.js") for u in urls)
    context.set_offline(True)
    open_planner(page, base_url)
    page.click("[data-action='session:start'][data-key='1-1']")
    page.wait_for_selector("dialog[data-session][open]")
    page.click("[data-action='session:audio']")
    page.wait_for_selector("[data-session-playback]:not([hidden])")
    press(page, "next")
    press(page, "next")
    assert heading(page).startswith("Repeat 1 of ")
    assert page.watch.page_errors == []
    context.close()


def test_a_damaged_kept_session_is_offered_safely_or_not_at_all(
    phone: object, base_url: str
) -> None:
    page = phone
    page.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem({STATE_KEY!r}, '{{not json'); }}"
    )
    open_planner(page, base_url)
    assert page.locator("[data-session-resume]").is_hidden()
    damaged = {"key": "1-1", "step": "x", "ratings": 5, "fields": None, "title": "<b>x</b>"}
    page.evaluate(f"s => localStorage.setItem({STATE_KEY!r}, JSON.stringify(s))", damaged)
    page.reload()
    open_planner(page, base_url)
    offer = page.locator("[data-session-resume]")
    offer.wait_for(state="visible")
    assert "<b>x</b>" in offer.inner_text()  # shown as text
    page.click("[data-action='session:resume']")
    page.wait_for_selector("dialog[data-session][open]")
    assert heading(page) == "Before the first repeat"
    choose(page, "before", "3")
    assert stored_state(page)["ratings"] == {"before": "3"}
