"""The recording's clock: in which order the points were taken, and when.

One rule: points keep the order the file lists them in, which is the track's shape, and time
never runs backwards along it. A point stamped earlier than one before it (some exports jitter
by a few seconds) takes that one's time, so moving time never exceeds the recording's span. A
file whose times mostly run backwards lists its points newest first, and is read the other way
round.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence


def newest_first(times: Sequence[float | None]) -> bool:
    """Whether more of the steps between known times go back than forward."""
    known = [t for t in times if t is not None]
    back = sum(b < a for a, b in itertools.pairwise(known))
    return 2 * back > len(known) - 1 > 0


def forward(times: Sequence[float | None]) -> tuple[list[float], int, float] | None:
    """The times made never to run backwards (a point without a time takes the one before it,
    as a recorder that skipped it would have), how many stepped back and by how much at most;
    None without any time."""
    last = next((t for t in times if t is not None), None)
    if last is None:
        return None
    out: list[float] = []
    back, most = 0, 0.0
    for t in times:
        if t is not None and t < last:
            back, most = back + 1, max(most, last - t)
        elif t is not None:
            last = t
        out.append(last)
    return out, back, most
