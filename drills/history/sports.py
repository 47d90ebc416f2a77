"""Which activities the history counts, and the sentence that says why one is skipped.

Sports are named as the activity files name them ("running", "cycling"…); Strava's activity
types are translated into the same words, and "trail running" stays apart from "running".
"""

from __future__ import annotations

from collections.abc import Collection

from drills.words import listing

# On foot, downhill: what a graded-exposure plan builds on. A file that names no sport counts
# as a run (many apps write GPX without a type), unless its speed says otherwise.
DEFAULT_SPORTS: frozenset[str] = frozenset({"running", "trail running", "hiking"})

# Strava's "Activity Type" column (English exports) in the files' own words. A type not listed
# here, or a translated one, leaves the sport to the file itself.
STRAVA_TYPES: dict[str, str] = {
    "Run": "running",
    "Trail Run": "trail running",
    "Virtual Run": "virtual running",
    "Walk": "walking",
    "Hike": "hiking",
    "Ride": "cycling",
    "Mountain Bike Ride": "cycling",
    "Gravel Ride": "cycling",
    "Velomobile": "cycling",
    "Handcycle": "cycling",
    "E-Bike Ride": "e-biking",
    "E-Mountain Bike Ride": "e-biking",
    "Virtual Ride": "virtual cycling",
    "Swim": "swimming",
    "Rowing": "rowing",
    "Kayaking": "paddling",
    "Canoeing": "paddling",
    "Stand Up Paddling": "paddling",
    "Alpine Ski": "alpine skiing",
    "Backcountry Ski": "backcountry skiing",
    "Nordic Ski": "cross-country skiing",
    "Roller Ski": "roller skiing",
    "Snowboard": "snowboarding",
    "Snowshoe": "snowshoeing",
    "Ice Skate": "skating",
    "Inline Skate": "skating",
    "Wheelchair": "wheelchair",
    "Rock Climbing": "climbing",
    "Workout": "workout",
    "Weight Training": "weight training",
    "Elliptical": "elliptical",
    "Stair Stepper": "stair stepper",
    "Yoga": "yoga",
}


def strava_sport(activity_type: str) -> str | None:
    """The sport a Strava activity type names; None for a type we do not know."""
    return STRAVA_TYPES.get(activity_type.strip())


def skip_reason(sport: str | None, sports: Collection[str]) -> str | None:
    """Why an activity of this sport is not counted; None when it counts."""
    if sport is None or sport in sports:
        return None
    return f"Skipped: this is {sport}, and the history counts only {listing(sorted(sports))}."
