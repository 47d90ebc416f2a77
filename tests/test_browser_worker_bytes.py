"""What the page posts to its Python worker (issue 30, "bytes once"): a chosen file travels once
and is handed over, not copied; a change of units posts no file; the training log's text is
posted when it changed, not with every keystroke."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import wait_live
from test_browser_audit import FILES, items, open_audit

from drills import training_log
from drills.training_log import LoggedRun

pytestmark = pytest.mark.browser

BIG_FIT = FILES / "2019-02-17-062644-ELEMNT-297E-195-0.fit"  # 715 kB, 14k records
# Every message the page posts to a worker: the bytes of the binary data in it (ArrayBuffers
# and their views, however deep), whether all of them were in the transfer list, whether each
# was detached (handed over) once posted, and the characters of the text in it.
COUNT_POSTS = """(() => {
    window.dcPosts = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, transfer) {
        const buffers = [];
        let chars = 0;
        const walk = (value, depth) => {
            if (typeof value === 'string') chars += value.length;
            else if (value instanceof ArrayBuffer) buffers.push(value);
            else if (ArrayBuffer.isView(value)) buffers.push(value.buffer);
            else if (value && typeof value === 'object' && depth < 8) {
                for (const each of Object.values(value)) walk(each, depth + 1);
            }
        };
        walk(message, 0);
        const bytes = buffers.reduce((sum, buffer) => sum + buffer.byteLength, 0);
        const list = Array.isArray(transfer) ? transfer : transfer?.transfer ?? [];
        post.call(this, message, transfer);
        dcPosts.push({
            bytes,
            chars,
            transferred: buffers.every((buffer) => list.includes(buffer)),
            detached: buffers.every((buffer) => buffer.byteLength === 0),
        });
    };
})()"""


def posts(page: object) -> list[dict[str, object]]:
    return page.evaluate("dcPosts.splice(0)")


def test_a_chosen_file_is_handed_over_once_and_a_units_change_posts_no_file(
    page: object, base_url: str
) -> None:
    page.add_init_script(COUNT_POSTS)
    open_audit(page, base_url)
    posts(page)
    size = BIG_FIT.stat().st_size
    page.set_input_files("[name=files]", str(BIG_FIT))
    items(page, 1)
    page.wait_for_selector("[data-audit-item='0'] [data-result=descent_m]")
    sent = posts(page)
    with_bytes = [p for p in sent if p["bytes"]]
    print(f"choosing {BIG_FIT.name} ({size:,} bytes): posted {sent}")
    assert [p["bytes"] for p in with_bytes] == [size]  # once, and only the file
    assert with_bytes[0]["transferred"] and with_bytes[0]["detached"]

    page.select_option("[name=units]", "imperial")
    page.wait_for_function(
        "() => document.querySelector(\"[data-audit-item='0'] [data-result=ascent_m]\")"
        "?.textContent.endsWith('ft')"
    )
    sent = posts(page)
    print(f"units change: posted {sent}")
    assert sent and sum(p["bytes"] for p in sent) == 0


def big_log() -> str:
    """A valid log of 300 runs (about 70 kB of text)."""
    day = dt.date(2025, 1, 1)
    runs = [
        LoggedRun(day + dt.timedelta(days=n), f"run-{n:03}.fit", 400.0 + n, 18.0, 3600.0)
        for n in range(300)
    ]
    return training_log.dump_store([], None, runs)


def test_the_log_is_posted_when_it_changed_not_with_every_keystroke(
    page: object, base_url: str
) -> None:
    text = big_log()
    page.add_init_script(COUNT_POSTS)
    page.add_init_script(f"localStorage.setItem('dc-training-log', {json.dumps(text)})")
    page.goto(base_url + "/tools/planner/")
    wait_live(page)
    page.wait_for_selector("[data-component=log][data-log-live=true]")
    page.wait_for_selector("[data-tool][data-rehearsed]", state="attached")
    posts(page)
    for slope in ("201", "202", "203", "204"):
        page.fill("form.dc-form [name=slope]", slope)
        page.wait_for_function("(q) => location.search.includes(q)", arg=f"slope={slope}&")
    sent = posts(page)
    chars = sum(p["chars"] for p in sent)
    print(f"4 changes with a {len(text):,}-character log: {len(sent)} posts, {chars:,} characters")
    assert sent and chars < len(text)  # the worker had the log already


def test_the_log_is_posted_again_once_it_changed(page: object, base_url: str) -> None:
    page.add_init_script(COUNT_POSTS)
    page.goto(base_url + "/tools/planner/")
    wait_live(page)
    page.wait_for_selector("[data-component=log][data-log-live=true]")
    page.click("[data-log-cell='1-1'] [data-action='log:mark']")
    page.select_option("[data-log-form] [name=rpe]", "5")
    page.select_option("[data-log-form] [name=confidence]", "4")
    page.click("[data-log-form] button[type=submit]")
    page.wait_for_selector("[data-log-cell='1-1'] .dc-log-done")
    stored = page.evaluate("localStorage.getItem('dc-training-log')")
    slope = page.input_value("form.dc-form [name=slope]")
    # Another plan (the log is not its own), then the log's plan again.
    for text in (str(int(slope) + 50), slope):
        page.fill("form.dc-form [name=slope]", text)
        page.wait_for_function("(q) => location.search.includes(q)", arg=f"slope={text}&")
    # What the page shows was worked out from the log as saved: the worker kept the new text.
    assert page.locator("[data-log-cell='1-1'] .dc-log-done").count() == 1
    assert training_log.read_store(stored)[0].entries
