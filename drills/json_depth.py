"""How deep a JSON text nests, found without parsing it.

``json.loads`` recurses once per level of arrays and objects; in Pyodide 2,000 levels (a 4 kB
file) exhaust the browser's stack and kill Python, so a reader checks this first.
"""

from __future__ import annotations

import itertools
import re

# A training log nests 4 deep (the log, its entries, an entry, its flags).
MAX_JSON_DEPTH = 20
# A string token, to its closing quote or the end of the text: never backtracks, so linear.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"?')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in ``text`` (brackets inside strings do not
    count); for a text that is not JSON, at least as deep as ``json.loads`` goes before it stops."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(itertools.accumulate(_STEP[c] for c in brackets), default=0)
