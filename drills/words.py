"""Numbers in the guide's prose: grades, counts in words and nouns that agree with them,
ordinals and lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

_NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
_ORDINALS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]


def pct(value: float) -> str:
    """A grade for readers: one decimal at most, none when it is whole ("4", "4.5")."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def in_words(n: int) -> str:
    """A count as words up to thirty-nine ("twelve", "twenty-four"), digits beyond."""
    if n < len(_NUMBER_WORDS):
        return _NUMBER_WORDS[n]
    tens, ones = divmod(n, 10)
    word = {2: "twenty", 3: "thirty"}.get(tens)
    if word is None:
        return str(n)
    return f"{word}-{_NUMBER_WORDS[ones]}" if ones else word


def ordinal(n: int) -> str:
    """ "third" for 3, up to "tenth"; "11th" beyond."""
    if n < len(_ORDINALS):
        return _ORDINALS[n]
    return f"{n}th"


def listing(items: Sequence[object], last: str = "and") -> str:
    """ "1", "1 and 2", "1, 2 and 3" (or with "or")."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {last} " + words[-1]


def plural(n: int, one: str, many: str) -> str:
    """The word that agrees with a count: ``one`` for 1, ``many`` otherwise."""
    return one if n == 1 else many


def counted(n: int, one: str, many: str) -> str:
    """ "1 entry", "3 entries": a count with the noun that agrees with it."""
    return f"{n} {plural(n, one, many)}"


def long_date(day: dt.date) -> str:
    """ "1 January 2000": a date as the guide's sentences say it."""
    return f"{day.day} {day:%B %Y}"


def day_date(day: dt.date) -> str:
    """ "Sat 29 May 2021": a dated day in a list, with its year (a run may be from any year)."""
    return f"{day:%a} {day.day} {day:%b} {day.year}"
