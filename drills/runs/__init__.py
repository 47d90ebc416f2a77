"""The descent audit of a runner's GPX, TCX or FIT file (issue 19).

``read_activity(data, name)`` reads the file (InputError("file", reason) when it cannot);
``audit(activity)`` measures its descents. Standard library only: it runs in the browser.
"""

from drills.runs.activity import Activity
from drills.runs.audit import Audit, Band, Descent, audit
from drills.runs.read import MAX_FILE_BYTES, read_activity

__all__ = ["MAX_FILE_BYTES", "Activity", "Audit", "Band", "Descent", "audit", "read_activity"]
