"""What a tool page says besides its form: the training log it keeps and where the reader is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from drills.render.links import Links


@dataclass(frozen=True)
class Context:
    links: Links  # where the page's links go, as the site says (sitebuild/links.py)
    store: str = ""  # the training log's stored text, as the browser keeps it
    today: dt.date = field(default_factory=dt.date.today)
    selected: str = ""  # the session chosen in the log's form
    has_query: bool = False  # the address holds a share link
    query: str = ""  # that link's query, as the address holds it
    backup_date: dt.date | None = None  # when the reader last downloaded the log
    backed_up: int = 0  # how many entries that backup held
    aside: bool = False  # the browser keeps aside a log the page could not read in full
