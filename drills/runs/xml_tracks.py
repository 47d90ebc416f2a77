"""A focused reader of GPX (1.0 and 1.1) and Garmin TCX files: track points only.

expat (the standard library's XML parser, ``xml.parsers.expat``) reads the file in chunks and
calls back for each element; the reader keeps only the point it is in, so a large file costs
little memory, a file cut off half-way is still read up to where it stops, and no tree is built
(a deep one once exhausted Pyodide's stack as it was freed). Namespace prefixes are ignored
(GPX 1.0, 1.1, prefixed or none); the tests compare it with gpxpy on every GPX test file.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from xml.parsers import expat

from drills.errors import InputError
from drills.runs.activity import MAX_POINTS, Activity, RawPoints, build_activity, too_many_points

CHUNK_BYTES = 1 << 20
# A TCX point's cadence is 9 elements deep and a GPX point's extensions about as deep; far
# deeper nesting is an attack on the parser (3,000 deep ran Pyodide out of stack).
MAX_XML_DEPTH = 100
# Sport names and codes as apps write them (GPX <type>, TCX Sport=), and the name the audit uses.
SPORT_WORDS = {
    "run": "running",
    "running": "running",
    "trail_running": "running",
    "trailrun": "running",
    "trail run": "running",
    "9": "running",  # Strava's activity-type codes
    "walk": "walking",
    "walking": "walking",
    "10": "walking",
    "hike": "hiking",
    "hiking": "hiking",
    "4": "hiking",
    "ride": "cycling",
    "cycling": "cycling",
    "biking": "cycling",
    "mountain_biking": "cycling",
    "road_biking": "cycling",
    "1": "cycling",
}
_POINTS = {"trkpt", "rtept", "Trackpoint"}
# A point's child elements the audit reads, and the value each one sets.
_VALUES = {
    "ele": "ele",
    "AltitudeMeters": "ele",
    "time": "time",
    "Time": "time",
    "LatitudeDegrees": "lat",
    "LongitudeDegrees": "lon",
    "DistanceMeters": "dist",
    "cad": "cad",
    "cadence": "cad",
    "Cadence": "cad",
    "RunCadence": "run_cad",  # TCX: a run's own cadence wins over any other
}


def _local(tag: str) -> str:
    return tag[tag.find(":") + 1 :]


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _seconds(text: str | None) -> float | None:
    """Seconds since 1970 from an ISO 8601 time; a time without a zone is taken as UTC."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


class XmlContent:
    """The points of a GPX or TCX file, collected from expat's start and end callbacks."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.track = RawPoints.empty()
        self.route = RawPoints.empty()  # a GPX <rte>: used only when there is no track
        self.waypoints = 0
        self.sports: list[str] = []
        self.is_course = False  # TCX <Courses>: planned times, not a run's
        self.has_activity = False
        self.broken: str | None = None  # why the parser stopped early
        self.open: list[str] = []  # the local names of the elements the parser is inside
        self.point: dict[str, float | None] | None = None  # the one being read
        self.text: list[str] = []  # character data since the last tag

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        name = _local(tag)
        self.open.append(name)
        self.text.clear()
        if len(self.open) > MAX_XML_DEPTH:
            raise InputError(
                "file",
                f"This {self.fmt} file nests its elements more than {MAX_XML_DEPTH} deep (a "
                "watch's are about 10), so it is not read.",
            )
        if name in _POINTS:
            self.point = {"lat": _number(attrs.get("lat")), "lon": _number(attrs.get("lon"))}
        elif name == "Activity":
            self.has_activity = True
            self.sports.append(attrs.get("Sport", "").strip().lower())
        elif name == "Courses":
            self.is_course = True

    def end(self, tag: str) -> None:
        name = self.open.pop()
        point = self.point
        if point is not None:
            if name in _POINTS:
                self._add(point, self.route if name == "rtept" else self.track)
                self.point = None
            elif name in _VALUES:
                text = "".join(self.text)
                key = _VALUES[name]
                if key == "time":
                    point[key] = _seconds(text)
                elif key != "cad" or point.get("cad") is None:
                    point[key] = _number(text)
        elif name == "wpt":
            self.waypoints += 1
        elif name == "type" and self.open[-1:] == ["trk"] and self.text:
            self.sports.append("".join(self.text).strip().lower())
        elif name in ("trkseg", "Track"):
            self.track.segments.append(len(self.track))
        self.text.clear()

    def data(self, text: str) -> None:
        self.text.append(text)

    def doctype(self, name: str, system: str | None, public: str | None, own: int) -> None:
        """A DOCTYPE with declarations of its own (``own``, entities above all) is refused
        before they are read; one that names only an outside DTD is harmless (never fetched)."""
        if own:
            self.entity()

    def entity(self, *declared: object) -> None:
        raise InputError(
            "file",
            f"This {self.fmt} file declares XML entities or other markup in its DOCTYPE, which "
            "no watch or app writes and which can make a small file expand without end, so it "
            "is not read.",
        )

    def _add(self, point: dict[str, float | None], into: RawPoints) -> None:
        if len(self.track) + len(self.route) == MAX_POINTS:
            raise too_many_points(self.fmt)
        cad = point.get("run_cad")
        into.lats.append(point.get("lat"))
        into.lons.append(point.get("lon"))
        into.elevations.append(point.get("ele"))
        into.distances.append(point.get("dist"))
        into.times.append(point.get("time"))
        into.cadences.append(point.get("cad") if cad is None else cad)


def _sport(words: list[str]) -> str | None:
    known = [SPORT_WORDS[w] for w in words if w in SPORT_WORDS]
    return known[0] if known else None


def parse_xml(data: bytes, fmt: str = "GPX") -> XmlContent:
    """Every track, route and waypoint of a GPX or TCX file, up to where it breaks off; or
    InputError for a file that nests too deep or declares entities."""
    reader = XmlContent(fmt)
    parser = expat.ParserCreate()
    parser.buffer_text = True  # one call for a value, not one per line or entity
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    parser.StartDoctypeDeclHandler = reader.doctype
    parser.EntityDeclHandler = reader.entity
    try:
        for start in range(0, len(data), CHUNK_BYTES):
            parser.Parse(data[start : start + CHUNK_BYTES], False)
        parser.Parse(b"", True)
    except expat.ExpatError as error:
        line = error.lineno
        reader.broken = "ends early" if _at_end(line, data) else f"is damaged at line {line}"
    except LookupError as error:  # its declaration names an encoding no codec has
        raise InputError(
            "file",
            f"This {fmt} file says its text is in an encoding that does not exist "
            f"({str(error).rpartition(': ')[2][:40]}), so it cannot be read; export it again.",
        ) from None
    return reader


def read_xml(data: bytes, name: str, fmt: str) -> Activity:
    """The track of a GPX or TCX file (``fmt`` is "GPX" or "TCX", as its root element says),
    or InputError saying why there is none."""
    reader = parse_xml(data, fmt)
    broken = reader.broken
    raw = reader.track if len(reader.track) else reader.route
    if not len(raw):
        if broken:
            raise InputError("file", f"This {fmt} file {broken} before its first track point.")
        if reader.waypoints:
            raise InputError(
                "file",
                f"This GPX file holds only waypoints ({reader.waypoints}), not a track or a "
                "route, so it has no profile to audit.",
            )
        raise InputError("file", f"This {fmt} file holds no track points.")
    if reader.is_course and not reader.has_activity:
        raw.times = [None] * len(raw)
    notes = []
    if broken:
        notes.append(
            f"The file {broken}: the audit covers its first {len(raw)} points"
            + (" (it may have been cut off while copying)." if broken == "ends early" else ".")
        )
    return build_activity(raw, name, fmt, _sport(reader.sports), warnings=notes)


def _at_end(line: int, data: bytes) -> bool:
    """Whether expat stopped on the last line: the file was cut short, not garbled inside."""
    return line >= data.count(b"\n", 0, len(data)) + 1 - (1 if data.endswith(b"\n") else 0)
