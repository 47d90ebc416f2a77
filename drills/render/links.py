"""Where a tool page's links go, relative to the page: the site says, the renderers follow.

The build makes ``Links`` from where MkDocs puts each page (sitebuild/links.py) and writes them
into each tool's HTML; the page sends them back with every call (``drills.bridge``), so no
renderer holds a path of the site. What a page sends is checked: a relative path inside the
site, or the call is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

from drills.errors import InputError

# A link up the site's tree and down again: no scheme, no host, no query, nothing to run.
RELATIVE = re.compile(r"(?:\.\./)*(?:[a-z0-9][a-z0-9-]*/)*")


@dataclass(frozen=True)
class Links:
    references: str  # the references page
    drills: str  # the drill catalog, under which each drill has its page
    planner: str  # the planner

    def drill(self, drill_id: str) -> str:
        return f"{self.drills}{drill_id}/"

    def as_data(self) -> dict[str, str]:
        """As the page keeps them and sends them back (``links_from``)."""
        return asdict(self)


def links_from(data: object) -> Links:
    """The links a page sent; InputError when they are missing or not the site's own."""
    names = [f.name for f in fields(Links)]
    given = data if isinstance(data, Mapping) else {}
    values = [v for v in map(given.get, names) if isinstance(v, str) and RELATIVE.fullmatch(v)]
    if len(values) != len(names):
        raise InputError("links", "This page's links could not be read; reload the page.")
    return Links(*values)
