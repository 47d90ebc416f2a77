"""Reading an archive with several workers: its members in parts, and how many workers pay.

Parts keep the archive's order (a zip inside the zip is then unpacked front to back) and are
many more than the workers, so a worker that finishes early takes the next part and the page
shows what is read so far after each one.
"""

from __future__ import annotations

from collections.abc import Sequence

from drills.history.archive import Member

MAX_WORKERS = 4  # past four, a phone runs out of memory before it runs out of cores
# Each extra worker starts a Python of its own: about a second and a half of a core and some
# 100 MB (scripts/bench), the time a worker takes to read a dozen runs or more. So one worker
# reads an archive of fewer than FILES_PER_WORKER files, and one more starts for each
# FILES_PER_WORKER files beyond, as long as there are cores.
FILES_PER_WORKER = 24
PARTS_PER_WORKER = 8  # what is read so far is shown about this often per worker
MIN_PART_FILES, MAX_PART_FILES = 4, 200  # each part reopens the archive's directory
MAX_PART_BYTES = 64_000_000  # unpacked: a part of big files is shown sooner


def workers_for(files: int, cores: int) -> int:
    """How many workers read ``files`` activity files on a device with ``cores`` cores."""
    return max(1, min(cores, MAX_WORKERS, files // FILES_PER_WORKER))


def parts(members: Sequence[Member], workers: int) -> tuple[tuple[Member, ...], ...]:
    """The members in parts of consecutive files, in the archive's order."""
    ordered = sorted(members, key=lambda m: m.offsets)
    most = -(-len(ordered) // max(1, workers * PARTS_PER_WORKER))
    most = min(MAX_PART_FILES, max(MIN_PART_FILES, most))
    out: list[tuple[Member, ...]] = []
    part: list[Member] = []
    size = 0
    for member in ordered:
        if part and (len(part) >= most or size + member.size > MAX_PART_BYTES):
            out.append(tuple(part))
            part, size = [], 0
        part.append(member)
        size += member.size
    if part:
        out.append(tuple(part))
    return tuple(out)
