"""The history page's example: the Strava-shaped export kept in sitebuild/history_example/
(written by devtools.history_example), zipped at build time as Strava zips an export, offered
for download beside the page, and read by the page's own bridge call into the regions the page
shows before Python starts in the browser."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from markupsafe import Markup

from drills.bridge.history import history
from drills.bridge.history_pool import ENDED
from drills.history import ACTIVITY_SUFFIXES
from drills.render.history_view import REGIONS
from sitebuild.links import Where, tool_links

EXAMPLE = Path(__file__).parent / "history_example"
EXAMPLE_ARCHIVE = "example-history.zip"  # beside the page: docs/tools/, as generated
ZIP_TIME = (2026, 4, 27, 0, 0, 0)  # every member's date: the same archive on every build


def example_archive(folder: Path = EXAMPLE) -> bytes:
    """The folder's files as one zip, activities.csv first, in a stable order."""
    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    paths.sort(key=lambda p: p.name != "activities.csv")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in paths:
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return out.getvalue()


def history_context(where: Where) -> dict[str, Any]:
    """The page's template context: its links, what it accepts, and the example read in."""
    links = tool_links(where)
    out = history({"name": EXAMPLE_ARCHIVE, "links": links.as_data(), "data": example_archive()})
    return {
        "accept": ",".join((".zip", *ACTIVITY_SUFFIXES)),
        "links": links.as_data(),
        "regions": {key: Markup(out["regions"][key]) for key in REGIONS},
        "example_href": where.href(f"tools/{EXAMPLE_ARCHIVE}"),
        "example_runs": out["runs"],
        "example_weeks": out["weeks"],
        "ended": ENDED,  # what the status line says of a read that ended unfinished
    }
