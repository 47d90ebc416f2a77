"""A focused reader of GPX (1.0 and 1.1) and Garmin TCX files: track points only.

A pull parser (``xml.etree.ElementTree.XMLPullParser``, the standard library's expat) reads
the file in chunks and keeps one point's elements at a time, so a large file costs little
memory and a file cut off half-way is still read up to where it stops. Namespaces are ignored
(GPX 1.0, 1.1, prefixed or none); the tests compare it with gpxpy on every GPX test file.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from drills.errors import InputError
from drills.runs.activity import Activity, RawPoints, build_activity

CHUNK_BYTES = 1 << 20
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
_CADENCES = {"cad", "cadence", "RunCadence", "Cadence"}


def _local(tag: str) -> str:
    return tag[tag.rfind("}") + 1 :]


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
    """The points of a GPX or TCX file, collected from a stream of end-of-element events."""

    def __init__(self) -> None:
        self.track = RawPoints.empty()
        self.route = RawPoints.empty()  # a GPX <rte>: used only when there is no track
        self.waypoints = 0
        self.sports: list[str] = []
        self.is_course = False  # TCX <Courses>: planned times, not a run's
        self.has_activity = False
        self.broken: str | None = None  # why the parser stopped early

    def end(self, element: Element) -> None:
        name = _local(element.tag)
        if name in _POINTS:
            self._point(element, self.route if name == "rtept" else self.track)
            element.clear()
        elif name == "wpt":
            self.waypoints += 1
            element.clear()
        elif name == "trk":
            for child in element:
                if _local(child.tag) == "type" and child.text:
                    self.sports.append(child.text.strip().lower())
            element.clear()
        elif name == "Activity":
            self.has_activity = True
            self.sports.append(element.get("Sport", "").strip().lower())
            element.clear()
        elif name == "Courses":
            self.is_course = True
            element.clear()
        elif name in ("trkseg", "Track"):
            self.track.segments.append(len(self.track))
            element.clear()  # its points are read and emptied; drop the empty shells too
        elif name in ("rte", "Lap"):
            element.clear()

    def _point(self, element: Element, into: RawPoints) -> None:
        lat, lon = _number(element.get("lat")), _number(element.get("lon"))
        ele = dist = cad = time = None
        for child in element.iter():
            tag = _local(child.tag)
            if tag in ("ele", "AltitudeMeters"):
                ele = _number(child.text)
            elif tag in ("time", "Time"):
                time = _seconds(child.text)
            elif tag == "LatitudeDegrees":
                lat = _number(child.text)
            elif tag == "LongitudeDegrees":
                lon = _number(child.text)
            elif tag == "DistanceMeters":
                dist = _number(child.text)
            elif tag in _CADENCES and (cad is None or tag == "RunCadence"):
                cad = _number(child.text)
        into.lats.append(lat)
        into.lons.append(lon)
        into.elevations.append(ele)
        into.distances.append(dist)
        into.times.append(time)
        into.cadences.append(cad)


def _sport(words: list[str]) -> str | None:
    known = [SPORT_WORDS[w] for w in words if w in SPORT_WORDS]
    return known[0] if known else None


def parse_xml(data: bytes) -> XmlContent:
    """Every track, route and waypoint of a GPX or TCX file, up to where it breaks off."""
    reader = XmlContent()
    parser: XMLPullParser[Element] = XMLPullParser(events=("end",))
    try:
        for start in range(0, len(data), CHUNK_BYTES):
            parser.feed(data[start : start + CHUNK_BYTES])
            _drain(parser, reader)
        parser.close()
        _drain(parser, reader)
    except ParseError as error:
        line = error.position[0]
        reader.broken = "ends early" if _at_end(error, data) else f"is damaged at line {line}"
    return reader


def read_xml(data: bytes, name: str, fmt: str) -> Activity:
    """The track of a GPX or TCX file (``fmt`` is "GPX" or "TCX", as its root element says),
    or InputError saying why there is none."""
    reader = parse_xml(data)
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


def _drain(parser: XMLPullParser[Element], reader: XmlContent) -> None:
    for event in parser.read_events():
        element = event[-1]  # events are ("end", element) pairs, as asked for
        if isinstance(element, Element):
            reader.end(element)


def _at_end(error: ParseError, data: bytes) -> bool:
    """Whether expat stopped on the last line: the file was cut short, not garbled inside."""
    line = error.position[0]
    return line >= data.count(b"\n", 0, len(data)) + 1 - (1 if data.endswith(b"\n") else 0)
