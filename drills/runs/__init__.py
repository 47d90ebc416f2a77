"""The descent audit of a runner's GPX, TCX or FIT file (issue 19).

``read_activity(data, name)`` reads the file (InputError("file", reason) when it cannot);
``audit(activity)`` measures its descents; ``planner_suggestion``, ``race_card`` and
``log_summary`` say what it means for the planner, a race and the training log. Standard
library only: it runs in the browser.
"""

from drills.runs.activity import MAX_POINTS, Activity
from drills.runs.advice import (
    Found,
    LogSummary,
    RaceCard,
    Suggestion,
    found,
    log_summary,
    planner_suggestion,
    race_card,
)
from drills.runs.audit import Audit, Band, Descent, audit
from drills.runs.read import MAX_FILE_BYTES, read_activity

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_POINTS",
    "Activity",
    "Audit",
    "Band",
    "Descent",
    "Found",
    "LogSummary",
    "RaceCard",
    "Suggestion",
    "audit",
    "found",
    "log_summary",
    "planner_suggestion",
    "race_card",
    "read_activity",
]
