"""The log survives (Chromium): kept storage asked for, every tab in step, no stale overwrite,
an installable site, and storage that refuses a write loses nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import chromium_path, patient, wait_live, wait_settled
from PIL import Image

from devtools.browser import CHROMIUM_ARGS
from drills import training_log

pytestmark = pytest.mark.browser

KEY = "dc-training-log"
PLANNER = "/tools/planner/"

RECORD_PERSIST = """
    window.persistCalls = 0;
    Object.defineProperty(navigator, 'storage', {value: {
        persisted: async () => false,
        persist: async () => { window.persistCalls += 1; return false; },
    }});
"""


def open_log(page: object, base_url: str) -> None:
    page.goto(base_url + PLANNER)
    wait_live(page)
    page.wait_for_selector("[data-component=log][data-log-live=true]")


def save(page: object, session: str, rpe: str = "5") -> None:
    page.click(f"[data-log-cell='{session}'] [data-action='log:mark']")  # fills in the date
    page.select_option("[data-log-form] [name=rpe]", rpe)
    page.select_option("[data-log-form] [name=confidence]", "4")
    page.click("[data-log-form] button[type=submit]")


def done(page: object, session: str) -> None:
    page.wait_for_function(
        "(key) => document.querySelector(`[data-log-cell='${key}']`).textContent.includes('Done')",
        arg=session,
    )


def entries(page: object) -> list[tuple[int, int]]:
    store, _ = training_log.read_store(page.evaluate(f"localStorage.getItem({KEY!r})"))
    return [e.key for e in store.entries]


def test_the_first_save_asks_to_keep_the_storage_and_says_the_answer(
    page: object, base_url: str
) -> None:
    page.add_init_script(RECORD_PERSIST)
    open_log(page, base_url)
    assert page.evaluate("window.persistCalls") == 0
    save(page, "1-1")
    done(page, "1-1")
    page.locator("[data-log-storage=may-clear]").wait_for(state="visible")
    assert "download a backup" in page.inner_text("[data-log-storage=may-clear]")
    assert page.locator("[data-log-storage=kept]").is_hidden()
    save(page, "1-2")
    done(page, "1-2")
    assert page.evaluate("window.persistCalls") == 1  # asked once, not at every save


def second_tab_after_a_save_in_the_first(context: object, base_url: str) -> object:
    """Two open tabs of the planner; the first saves session 1-1, and the second shows it
    without a reload (the storage event brought it). The second tab, the first left open."""
    first, second = context.new_page(), context.new_page()
    open_log(first, base_url)
    open_log(second, base_url)
    save(first, "1-1")
    done(first, "1-1")
    done(second, "1-1")
    return second


def test_an_entry_saved_in_one_tab_shows_in_another(context: object, base_url: str) -> None:
    second = second_tab_after_a_save_in_the_first(context, base_url)
    assert "1 of 40 sessions logged" in second.inner_text("[data-log-view]")


def test_a_stale_tab_cannot_write_over_a_newer_log(context: object, base_url: str) -> None:
    second = second_tab_after_a_save_in_the_first(context, base_url)
    # Then the second tab reads the log as it was before that save (as a tab that missed the
    # change would), once, as its next change begins.
    second.evaluate(
        """() => {
            const real = Storage.prototype.getItem;
            window.staleReads = 1;
            Storage.prototype.getItem = function (key) {
                if (key === 'dc-training-log' && window.staleReads > 0) {
                    window.staleReads -= 1;
                    return null;
                }
                return real.call(this, key);
            };
        }"""
    )
    save(second, "1-2")
    done(second, "1-2")
    assert second.evaluate("window.staleReads") == 0
    assert entries(second) == [(1, 1), (1, 2)]  # the change was made again on the newer log
    done(second, "1-1")


def test_storage_that_refuses_a_write_loses_nothing(page: object, base_url: str) -> None:
    open_log(page, base_url)
    save(page, "1-1")
    done(page, "1-1")
    kept = page.evaluate(f"localStorage.getItem({KEY!r})")
    page.evaluate(
        """() => { Storage.prototype.setItem = () => {
            throw new DOMException('full', 'QuotaExceededError'); }; }"""
    )
    page.click("[data-log-cell='1-2'] [data-action='log:mark']")
    page.fill("[data-log-form] [name=note]", "a note worth keeping")
    page.select_option("[data-log-form] [name=rpe]", "5")
    page.select_option("[data-log-form] [name=confidence]", "4")
    page.click("[data-log-form] button[type=submit]")
    page.wait_for_function(
        "() => document.querySelector('[data-log-status]').textContent.includes('did not keep')"
    )
    assert page.input_value("[data-log-form] [name=note]") == "a note worth keeping"
    assert page.evaluate(f"localStorage.getItem({KEY!r})") == kept
    assert "Done" not in page.text_content("[data-log-cell='1-2']")


def test_every_page_links_a_manifest_once_idle_and_chromium_finds_the_site_installable(
    browser: object, base_url: str, site_dir: Path, tmp_path: Path
) -> None:
    manifest = json.loads((site_dir / "site.webmanifest").read_text(encoding="utf-8"))
    assert manifest["display"] == "standalone" and manifest["start_url"] == "./"
    assert manifest["short_name"] and manifest["name"] == "Downhill Confidence"
    sizes = set()
    for icon in manifest["icons"]:
        with Image.open(site_dir / icon["src"]) as image:
            assert image.size == tuple(int(n) for n in icon["sizes"].split("x"))
            sizes.add(image.size[0])
    assert {192, 512} <= sizes
    # Every page loads page-helpers.js, which links the manifest once the page is idle.
    pages = [p for p in site_dir.rglob("index.html") if "http-equiv" not in p.read_text()[:600]]
    for path in pages:
        assert "assets/js/page-helpers.js" in path.read_text(encoding="utf-8"), path
    # Chromium installs nothing from an incognito profile: a profile of its own, as a reader's.
    profile = patient(
        browser.browser_type.launch_persistent_context(
            tmp_path / "profile", executable_path=chromium_path(), args=CHROMIUM_ARGS
        )
    )
    try:
        errors = {}
        for path in ("/", "/tools/planner/"):
            page = profile.new_page()
            page.goto(base_url + path)
            wait_settled(page)
            href = page.eval_on_selector("link[rel=manifest]", "(link) => link.href")
            assert href == f"{base_url}/site.webmanifest", href
            session = profile.new_cdp_session(page)
            errors[path] = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        profile.close()
    assert errors == {"/": [], "/tools/planner/": []}, errors
