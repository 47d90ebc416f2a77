"""Hypothesis strategies for training-log entries, shared by the log's and the planner's properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from hypothesis import strategies as st

from drills.training_log import FLAGS, LogEntry


def entries(
    draw: st.DrawFn, keys: Sequence[tuple[int, int]], dates: st.SearchStrategy[dt.date]
) -> list[LogEntry]:
    """One random entry for each of `keys` (week, session), on a date drawn from `dates`."""
    return [
        LogEntry(
            week,
            session,
            draw(dates),
            draw(st.integers(1, 10)),
            draw(st.integers(1, 5)),
            soreness=draw(st.none() | st.integers(0, 10)),
            flags=tuple(draw(st.lists(st.sampled_from(list(FLAGS)), unique=True, max_size=2))),
        )
        for week, session in keys
    ]
