"""CSV cells a spreadsheet shows as text: a file's names and notes are never run as formulas."""

from __future__ import annotations

import re
from collections.abc import Iterable

SEPARATORS = ",;\t"  # what a spreadsheet splits a row at, by locale
FORMULA_STARTS = "=+-@\t\r"  # what makes a spreadsheet read a cell as a formula
_QUOTED = frozenset(SEPARATORS + FORMULA_STARTS + '"\n')  # a cell holding any is quoted
# Where a spreadsheet may start a cell: the cell's start, after any locale's separator, or
# after a line break (a locale that splits elsewhere does not see our quotes and ends the row
# there); spaces before a formula do not stop it everywhere.
_CELL_STARTS = re.compile(r"(?:^|(?<=[,;\t\r\n]))( *)(?=[=+\-@\t\r])")


def csv_cell(text: str) -> str:
    """One cell as written: an apostrophe before every place a spreadsheet of any locale could
    start a formula, then quoted (RFC 4180) when it holds a separator, a formula character, a
    quote or a line break."""
    text = _CELL_STARTS.sub(r"\1'", text)
    return '"' + text.replace('"', '""') + '"' if _QUOTED.intersection(text) else text


def csv_text(rows: Iterable[Iterable[str]]) -> str:
    """Rows as CSV (RFC 4180 line ends), every cell through ``csv_cell``."""
    return "".join(",".join(csv_cell(cell) for cell in row) + "\r\n" for row in rows)
