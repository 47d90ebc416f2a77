"""Many plans in one browser: each plan's own log, optionally under a named athlete.

A runner keeps this season's plan beside next season's; a coach keeps each athlete's plans.
Every change is a pure function from one ``Book`` to the next: nothing here ever drops an entry
except ``delete_plan``, which the page calls only after the reader confirmed it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from drills.errors import InputError
from drills.plan_form import plan_from_texts
from drills.training_log.entries import MAX_NOTE_CHARS, LogEntry
from drills.training_log.kept_history import KeptHistory, merged
from drills.training_log.plans import same_plan
from drills.training_log.runs import MAX_NAME_CHARS, LoggedRun
from drills.training_log.store import Store, merge_entries, plan_from_json, run_order

PlanTexts = tuple[tuple[str, str], ...]  # planner field name → text, form order
Note = tuple[int, int, str]  # week, session, the note on that planned session
ID_PREFIX = "p"  # a plan's id: "p1", "p2" … in the order the book gained them
MAX_ID_DIGITS = 6


def is_plan_id(text: object) -> bool:
    digits = text[len(ID_PREFIX) :] if isinstance(text, str) else ""
    return (
        isinstance(text, str)
        and text.startswith(ID_PREFIX)
        and 0 < len(digits) <= MAX_ID_DIGITS
        and digits.isascii()
        and digits.isdigit()
    )


def clean_athlete(name: object) -> str:
    """An athlete's name as kept: spaces collapsed, no control characters; InputError if too
    long or not text."""
    if not isinstance(name, str):
        raise InputError("athlete", "The athlete's name must be text.")
    printable = "".join(c if c.isprintable() or c.isspace() else "" for c in name)
    cleaned = " ".join(printable.split())
    if len(cleaned) > MAX_NAME_CHARS:
        raise InputError(
            "athlete",
            f"An athlete's name must be at most {MAX_NAME_CHARS} characters; "
            f"this one has {len(cleaned)}.",
        )
    return cleaned


def athlete_key(name: str) -> str:
    """The name as two spellings of one athlete share it ("Anna  Berg" and "anna berg")."""
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class PlanLog:
    """One plan's log: the planner texts it was kept for, its entries, runs and session notes."""

    id: str
    athlete: str = ""  # "" for the runner's own plans
    plan: PlanTexts | None = None
    entries: tuple[LogEntry, ...] = ()  # in session order, one per session
    runs: tuple[LoggedRun, ...] = ()  # in date order
    notes: tuple[Note, ...] = ()  # in session order, one per session; "" for one removed

    def __post_init__(self) -> None:
        if not is_plan_id(self.id):
            raise InputError("plan", "A plan's id is not one this page makes.")
        if clean_athlete(self.athlete) != self.athlete:
            raise InputError("athlete", "The athlete's name holds characters it cannot keep.")
        object.__setattr__(self, "entries", tuple(sorted(self.entries, key=lambda e: e.key)))
        for a, b in itertools.pairwise(self.entries):
            if a.key == b.key:
                raise InputError("log", f"Two entries for week {a.week}, session {a.session}.")
        object.__setattr__(self, "runs", tuple(sorted(set(self.runs), key=run_order)))
        # An empty note is a note removed: kept, so the removal travels in an export as a new
        # note does, and an import of it removes the note there (import_book).
        notes = {(w, s): text for w, s, text in self.notes}
        if len(notes) != len(self.notes):
            raise InputError("note", "Two notes for one session.")
        if any(len(text) > MAX_NOTE_CHARS for text in notes.values()):
            raise InputError(
                "note", f"A session's note must be at most {MAX_NOTE_CHARS} characters."
            )
        object.__setattr__(self, "notes", tuple((w, s, notes[w, s]) for w, s in sorted(notes)))

    @property
    def store(self) -> Store:
        """The plan's log as the single-plan page reads it."""
        return Store(self.entries, self.plan, self.runs)

    def plan_texts(self) -> dict[str, str] | None:
        return None if self.plan is None else dict(self.plan)


@dataclass(frozen=True)
class Book:
    """Every plan this browser keeps, which one the planner page shows, and each runner's
    kept history (a history belongs to the runner, not to one plan: every plan of theirs is
    set beside it)."""

    plans: tuple[PlanLog, ...] = ()
    current: str | None = None
    histories: tuple[KeptHistory, ...] = ()  # one per athlete (athlete_key), "" the runner's

    def __post_init__(self) -> None:
        ids = [p.id for p in self.plans]
        if len(set(ids)) != len(ids):
            raise InputError("plan", "Two plans share one id.")
        if self.current is not None and self.current not in ids:
            raise InputError("plan", "The current plan is not in the log.")
        owners = [athlete_key(h.athlete) for h in self.histories]
        if len(set(owners)) != len(owners):
            raise InputError("history", "Two kept histories for one runner.")
        for history in self.histories:
            if clean_athlete(history.athlete) != history.athlete:
                raise InputError("athlete", "The athlete's name holds characters it cannot keep.")

    def get(self, plan_id: object) -> PlanLog:
        for log in self.plans:
            if log.id == plan_id:
                return log
        raise InputError("plan", "That plan is not in this browser's log.")

    @property
    def current_log(self) -> PlanLog | None:
        return None if self.current is None else self.get(self.current)

    @property
    def entry_count(self) -> int:
        return sum(len(p.entries) for p in self.plans)

    def history_of(self, athlete: str) -> KeptHistory | None:
        """The athlete's kept history ("" the runner's own), if any."""
        key = athlete_key(athlete)
        return next((h for h in self.histories if athlete_key(h.athlete) == key), None)

    @property
    def current_athlete(self) -> str:
        """The current plan's runner ("" the browser's own, as with no plan at all)."""
        current = self.current_log
        return current.athlete if current is not None else ""

    @property
    def current_history(self) -> KeptHistory | None:
        """The kept history of the current plan's runner."""
        return self.history_of(self.current_athlete)


def keep_history(book: Book, history: KeptHistory) -> Book:
    """The book with ``history`` kept for its athlete over what was kept (``merged``: the
    same runs replaced, the weeks it covers replaced, the rest kept)."""
    old = book.history_of(history.athlete)
    kept = merged(old, history)
    if old is None:
        return replace(book, histories=(*book.histories, kept))
    return replace(book, histories=tuple(kept if h is old else h for h in book.histories))


def _texts(texts: Mapping[str, str] | Iterable[tuple[str, str]] | None) -> PlanTexts | None:
    return None if texts is None else plan_from_json(dict(texts))


def same_plan_texts(a: PlanTexts | None, b: PlanTexts | None) -> bool:
    """Whether logs kept for these planner texts belong together: the same texts, or texts
    that make the same sessions (``plans.same_plan``: a moved start or a longer plan)."""
    if a == b:
        return True
    plan_a = plan_from_texts(dict(a)) if a is not None else None
    plan_b = plan_from_texts(dict(b)) if b is not None else None
    return plan_a is not None and plan_b is not None and same_plan(plan_a, plan_b)


def find_plan(book: Book, athlete: str, texts: PlanTexts | None) -> PlanLog | None:
    """The athlete's plan kept for these texts (``same_plan_texts``), if the book holds one."""
    key = athlete_key(athlete)
    for log in book.plans:
        if athlete_key(log.athlete) == key and same_plan_texts(log.plan, texts):
            return log
    return None


def current_owner(book: Book, texts: Mapping[str, str] | Iterable[tuple[str, str]]) -> str:
    """Whose plan these texts continue when no one is named: the current plan's athlete when
    it is kept for the same sessions (an athlete logging into the plan a coach's link
    started, or a coach into an athlete's plan shown), else no one's (the runner's own)."""
    current = book.current_log
    if current is not None and same_plan_texts(current.plan, _texts(texts)):
        return current.athlete
    return ""


def _next_id(book: Book) -> str:
    used = [int(p.id[len(ID_PREFIX) :]) for p in book.plans]
    return f"{ID_PREFIX}{max(used, default=0) + 1}"


def _put(book: Book, log: PlanLog) -> Book:
    """The book with ``log`` in place of the plan of its id, or added after the others."""
    if any(p.id == log.id for p in book.plans):
        return replace(book, plans=tuple(log if p.id == log.id else p for p in book.plans))
    return replace(book, plans=(*book.plans, log))


def start_plan(
    book: Book, texts: Mapping[str, str] | Iterable[tuple[str, str]], athlete: str = ""
) -> Book:
    """The book with this plan current: the athlete's plan kept for these texts when there is
    one (its log kept, its texts now these), else a new, empty plan beside the others. Never
    refused: a new plan link beside an old log keeps the old plan as it was."""
    kept_texts, name = _texts(texts), clean_athlete(athlete)
    found = find_plan(book, name, kept_texts)
    if found is not None:
        log = replace(found, plan=kept_texts or found.plan)
    else:
        log = PlanLog(_next_id(book), name, kept_texts)
    return replace(_put(book, log), current=log.id)


def switch_plan(book: Book, plan_id: object) -> Book:
    return replace(book, current=book.get(plan_id).id)


def log_entry(book: Book, plan_id: object, entry: LogEntry) -> Book:
    """The book with ``entry`` in the plan, in place of any entry for the same session."""
    log = book.get(plan_id)
    entries = [e for e in log.entries if e.key != entry.key]
    return _put(book, replace(log, entries=(*entries, entry)))


def remove_entry(book: Book, plan_id: object, key: tuple[int, int]) -> Book:
    log = book.get(plan_id)
    return _put(book, replace(log, entries=tuple(e for e in log.entries if e.key != key)))


def set_note(book: Book, plan_id: object, key: tuple[int, int], note: str) -> Book:
    """The book with the planned session's note set (an empty note removes it)."""
    log = book.get(plan_id)
    notes = [n for n in log.notes if (n[0], n[1]) != key]
    return _put(book, replace(log, notes=(*notes, (*key, note.strip()))))


def with_store(book: Book, plan_id: object, store: Store) -> Book:
    """The book with the plan's entries, texts and runs those of ``store`` (its notes kept)."""
    log = book.get(plan_id)
    return _put(book, replace(log, entries=store.entries, plan=store.plan, runs=store.runs))


def put_current(book: Book, store: Store) -> Book:
    """The book after the single-plan page changed the current plan's log to ``store``: an
    empty log deletes the current plan (the page asked the reader first), a log with no
    current plan to go to starts one."""
    if not store.entries and not store.runs and store.plan is None:
        return book if book.current is None else delete_plan(book, book.current)
    if book.current is None:
        log = PlanLog(_next_id(book), "", store.plan, store.entries, store.runs)
        return replace(book, plans=(*book.plans, log), current=log.id)
    return with_store(book, book.current, store)


@dataclass(frozen=True)
class Imported:
    """What an import did: the book, and how many entries it added and replaced."""

    book: Book
    added: int = 0
    replaced: int = 0
    plans: tuple[str, ...] = ()  # the ids of the plans the file went into, in its order


def import_book(book: Book, incoming: Book, athlete: str = "") -> Imported:
    """Each of the file's plans merged into the book: into the same athlete's plan kept for the
    same sessions, else beside the others. ``athlete`` names the plans the file names no one
    for (an older export, imported into an athlete's row). The same entry twice counts once; a
    different entry for one session is the file's. The current plan stays current."""
    name = clean_athlete(athlete)
    added = replaced = 0
    into: list[str] = []
    for theirs in incoming.plans:
        owner = theirs.athlete or name
        mine = find_plan(book, owner, theirs.plan)
        if mine is None:
            mine = PlanLog(_next_id(book), owner, theirs.plan)
        entries, more, changed = merge_entries(mine.entries, theirs.entries)
        notes = {(w, s): t for w, s, t in (*mine.notes, *theirs.notes)}
        log = replace(
            mine,
            plan=theirs.plan or mine.plan,
            entries=entries,
            runs=(*mine.runs, *theirs.runs),
            notes=tuple((w, s, t) for (w, s), t in notes.items()),
        )
        book, added, replaced = _put(book, log), added + more, replaced + changed
        into.append(log.id)
    for history in incoming.histories:  # each runner's history to the same runner's
        owner = clean_athlete(history.athlete or name)
        book = keep_history(book, replace(history, athlete=owner))
    if book.current is None and into:
        book = replace(book, current=into[0])
    return Imported(book, added, replaced, tuple(into))


def export_book(book: Book, plan_id: object) -> Book:
    """One plan as a book of its own, to send as a file (its id and athlete kept), with its
    athlete's kept history."""
    log = book.get(plan_id)
    history = book.history_of(log.athlete)
    return Book((log,), log.id, () if history is None else (history,))


def delete_plan(book: Book, plan_id: object) -> Book:
    """The book without this plan and its log. The only way an entry leaves the book: the
    page calls it only once the reader confirmed, with a backup offered first."""
    gone = book.get(plan_id).id
    plans = tuple(p for p in book.plans if p.id != gone)
    current = book.current if book.current != gone else (plans[-1].id if plans else None)
    return replace(book, plans=plans, current=current)  # the runners' histories kept


def from_store(store: Store) -> Book:
    """A single-plan log (stored forms 1 to 3) as a book: one plan, current, nothing lost."""
    if not store.entries and not store.runs and store.plan is None:
        return Book()
    log = PlanLog(f"{ID_PREFIX}1", "", store.plan, store.entries, store.runs)
    return Book((log,), log.id)
