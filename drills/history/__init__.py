"""A runner's whole history from a Strava or Garmin export: the descent audit of every run,
added up week by week (issue 33). Standard library only: it runs in the browser.

``read_archive(data, name, progress)`` reads an archive into a ``History`` (its ``items``, one
per activity file, and its ``weeks``), and ``read_files`` many files chosen at once;
``summary(history)`` gives the figures a planner needs, and ``plan_start(history, figures, …)``
the planner's inputs they lead to.
For several workers: ``list_members`` lists an archive's activity files, ``read_members`` reads
a share of them, ``read_item`` turns one into an item and ``combine`` merges the items;
``parts`` and ``workers_for`` split the members between workers, and ``as_data``,
``item_from_data`` and ``member_from_data`` carry items and members between them as JSON.
"""

from drills.history.archive import (
    ACTIVITY_SUFFIXES,
    MAX_ZIP_DEPTH,
    Listing,
    Member,
    list_members,
    read_members,
)
from drills.history.combine import combine
from drills.history.duplicates import same_activity
from drills.history.item import read_item
from drills.history.model import ActivityRow, History, Item, Status, Week, WeekBand
from drills.history.plan_start import PlanStart, plan_start
from drills.history.read import check_sports, list_sources, read_archive, read_files
from drills.history.shares import FILES_PER_WORKER, MAX_WORKERS, parts, workers_for
from drills.history.sports import DEFAULT_SPORTS
from drills.history.stored import as_data, item_from_data, member_from_data
from drills.history.summary import LongestDescent, RecentDescent, Summary, recent_weeks, summary
from drills.history.weeks import STEADY_RULE

__all__ = [
    "ACTIVITY_SUFFIXES",
    "DEFAULT_SPORTS",
    "FILES_PER_WORKER",
    "MAX_WORKERS",
    "MAX_ZIP_DEPTH",
    "STEADY_RULE",
    "ActivityRow",
    "History",
    "Item",
    "Listing",
    "LongestDescent",
    "Member",
    "PlanStart",
    "RecentDescent",
    "Status",
    "Summary",
    "Week",
    "WeekBand",
    "as_data",
    "check_sports",
    "combine",
    "item_from_data",
    "list_members",
    "list_sources",
    "member_from_data",
    "parts",
    "plan_start",
    "read_archive",
    "read_files",
    "read_item",
    "read_members",
    "recent_weeks",
    "same_activity",
    "summary",
    "workers_for",
]
