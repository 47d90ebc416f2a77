"""Tool forms: their fields, reading raw text into values, and share-link query strings.

The page's JavaScript sends raw text (from inputs or from the address bar);
everything that decides what the text means happens here, in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

from drills.errors import InputError, shown

MAX_QUERY_CHARS = 2000  # a real share link is under 200; longer ones are tampered or mangled


@dataclass(frozen=True)
class Field:
    name: str  # the form field name and the share-link key
    label: str
    hint: str
    default: str  # the text the page starts with
    parse: Callable[[str], Any]  # raw text → value, raising InputError(name, ...) on bad input
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) pairs render a <select>
    input_mode: str = "decimal"  # the keyboard a text input asks for
    date: bool = False  # a native date input: it sends year-month-day text, or none
    optional: bool = False  # empty text means "not given" rather than an error


@dataclass(frozen=True)
class Reading:
    """What a form's raw text turned into: the text per field, parsed values, and errors."""

    texts: dict[str, str]
    values: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)


def read(fields: tuple[Field, ...], raw: Mapping[str, object]) -> Reading:
    """Parse each field's raw text; a missing field takes its default."""
    texts: dict[str, str] = {}
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for f in fields:
        text = raw.get(f.name, f.default)
        texts[f.name] = text if isinstance(text, str) else shown(text)
        if f.optional and isinstance(text, str) and not text.strip():
            values[f.name] = None
            continue
        if not isinstance(text, str):  # JSON from a tampered page: a number, a list, null
            errors[f.name] = f"{f.label} must be text; got {shown(text)}."
            continue
        try:
            values[f.name] = f.parse(text)
        except InputError as error:
            errors[f.name] = str(error)
    return Reading(texts, values, errors)


def from_query(fields: tuple[Field, ...], query: str) -> tuple[dict[str, str], dict[str, str]]:
    """Raw field texts from a share link's query string, and errors about the link itself.

    Unknown keys are ignored (links pick up tracking tags on the way); a key given
    twice is an error on that field, since we cannot know which value was meant.
    """
    names = {f.name for f in fields}
    if len(query) > MAX_QUERY_CHARS:
        first = fields[0].name
        return {}, {first: f"This link is too long to be a share link ({len(query)} characters)."}
    raw: dict[str, str] = {}
    errors: dict[str, str] = {}
    for key, value in parse_qsl(query.lstrip("?"), keep_blank_values=True):
        if key not in names:
            continue
        if key in raw:
            errors[key] = f"The link gives {key} more than once; check the value and recalculate."
        raw[key] = value
    return raw, errors


def to_query(fields: tuple[Field, ...], texts: Mapping[str, str]) -> str:
    """The share-link query string for these field texts (all fields, in form order)."""
    return "?" + urlencode([(f.name, texts.get(f.name, f.default)) for f in fields])


def link_value(query: object, key: str) -> str:
    """A link's value for a key that is no field (a coach's ``athlete``): "" when the link
    gives it not once (which one was meant?) or is too long to be a share link."""
    if not isinstance(query, str) or len(query) > MAX_QUERY_CHARS:
        return ""
    given = [v for k, v in parse_qsl(query.lstrip("?")) if k == key]
    return given[0] if len(given) == 1 else ""


def carried(keys: tuple[str, ...], query: object) -> str:
    """What a page's address keeps of a link beside its fields ("&athlete=Anna+Berg"), so a
    recompute that rewrites the address does not drop it."""
    pairs = [(k, v) for k in keys if (v := link_value(query, k))]
    return f"&{urlencode(pairs)}" if pairs else ""
