"""The references registry: every study or source the guide and the tools cite.

Each key is also the anchor of the reference on the generated references page
(``/references/#<key>``).
"""

from __future__ import annotations

from drills.library.sources import ALL_REFERENCES
from drills.model import Reference

REFERENCES: dict[str, Reference] = {ref.key: ref for ref in ALL_REFERENCES}


def get(key: str) -> Reference:
    """Return the reference with this key, or raise KeyError naming it."""
    try:
        return REFERENCES[key]
    except KeyError:
        raise KeyError(f"no reference with key {key!r}") from None
