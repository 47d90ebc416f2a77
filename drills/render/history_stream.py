"""The history page while an archive is read part by part, and when a read ends unfinished.

While several workers read, the page shows the history of the files read so far (its regions,
``drills.render.history_view``), with a line saying how far the reading has got; a read that
is cancelled or stopped leaves no half of a history on the page, only the sentence saying so,
and the history read before it, if there was one.
"""

from __future__ import annotations

from drills.history import History, Summary
from drills.render.history_view import REGIONS, history_regions
from drills.render.html import esc
from drills.render.links import Links


def so_far_html(done: int, total: int) -> str:
    return (
        f'<p class="dc-history-so-far" data-history-so-far>Read so far: {done:,} of '
        f"{total:,} files; the weeks below grow as the rest are read.</p>"
    )


def streamed_regions(
    history: History, figures: Summary, units: str, links: Links, read: tuple[int, int]
) -> dict[str, str]:
    """The regions of the history so far; ``read`` is (files read, files in all): once they
    are equal the regions are the whole history's."""
    shown = history_regions(history, figures, units, links)
    done, total = read
    if done < total:
        shown["reading"] = so_far_html(done, total) + shown["reading"]
        if all(item.status == "run" for item in history.items):  # not "in the archive" yet
            shown["skipped"] = (
                '<p class="dc-history-skipped">Every file read so far was counted.</p>'
            )
    return shown


def unread_regions(sentence: str) -> dict[str, str]:
    """Every region empty but the reading, which says why nothing is shown."""
    shown = dict.fromkeys(REGIONS, "")
    shown["reading"] = f'<p class="dc-history-reading" data-result="reading">{esc(sentence)}</p>'
    return shown


def before_regions(shown: dict[str, str]) -> dict[str, str]:
    """The regions of the history read before a read that ended unfinished (the page's status
    line says why), saying so."""
    return shown | {
        "reading": '<p class="dc-history-so-far" data-history-before>Below: the history you read '
        f"before, without the archive you chose after it.</p>{shown['reading']}"
    }
