"""The columns of a record table: the fields a row may have, found by their headers (Chinese or English,
common aliases, a header ending in a known one, ``--columns``, a mapping), the header row among the
first few, a two-level header read as one."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kmc_gap.model.mapping import RecordMapping
from kmc_gap.model.models import (
    EvidenceKind,
)
from kmc_gap.model.problems import Problem
from kmc_gap.model.tables.cells import (
    norm as _norm,
)
from kmc_gap.model.tables.table import Table
from kmc_gap.model.tables.table import cell_text as _text
from kmc_gap.model.vocabulary import (
    CERTIFICATE_MARKS,
    IGNORED_HEADERS,
    LEFT_WORDS,
    PLANNED_PREFIXES,
    RECORD_HEADERS,
    ROSTER_MARKS,
)
from kmc_gap.words import Word

MAX_UNKNOWN_HEADERS = 5
#: How many rows above the header a file may hold (a title such as 「113年度訓練紀錄」, an export date).
HEADER_SEARCH_ROWS = 10


class Column(StrEnum):
    """The fields a record row may have; the names are those of a profile's evidence and person.

    A ``StrEnum``, so that looking a field up hashes like a string: a year's export is half a million lookups.
    """

    person_id = "person_id"
    name = "name"
    organisation = "organisation"
    role = "role"
    course = "course"
    title = "title"  # type: ignore[assignment]  # the member shadows str.title, which no one calls on a Column
    kind = "kind"
    date = "date"
    expires = "expires"
    level = "level"
    covers = "covers"
    hours = "hours"
    verified_by = "verified_by"
    provider = "provider"
    reference = "reference"
    score = "score"
    passed = "passed"
    attendance = "attendance"
    note = "note"
    employment = "employment"  # a roster's 在職狀態: 在職, 離職, 留職停薪
    left_on = "left_on"  # a roster's 離職日


REQUIRED = (Column.person_id, Column.name, Column.date)
#: The columns a table of records needs at the least: with no person id, its rows join people by name.
NAMED = (Column.name, Column.date)
#: What a proposed ``courses:`` line says until a person writes the catalogue's code in its place.
COURSE_PLACEHOLDER = "C??"
#: The person id a row of a table without ids stands under until it is joined by name (never a profile's id).
_BY_NAME = "\x01"
#: The columns of a roster (人員名冊): who is on the team, with no record columns.
ROSTER = (Column.person_id, Column.name)
#: Columns that make a table one of records rather than a roster.
RECORD_ONLY = (Column.date, Column.course, Column.title)
#: ``--sheet all``: every sheet that has a header row of known columns.
ALL_SHEETS = "all"
# --------------------------------------------------------------------------- columns


_BRACKETS = re.compile(r"[(\[【〔][^)\]】〕]*[)\]】〕]")
_HEADER_MARKS = re.compile(r"[_\-./:·]")


@functools.lru_cache(maxsize=65536)
def _header_key(text: str) -> str:
    """A header as compared: :func:`_norm`, and a bracketed remark (``(YYYY/MM/DD)``, ``（小時）``) and the
    marks between words (``_``, ``-``, ``.``) left out, so that ``Employee ID`` is ``employee_id``."""
    plain = _BRACKETS.sub("", unicodedata.normalize("NFKC", text))
    return _HEADER_MARKS.sub("", _norm(plain)) or _norm(text)


_ALIASES = {_header_key(alias): Column(col) for col, aliases in RECORD_HEADERS.items() for alias in (col, *aliases)}
_IGNORED = frozenset(_header_key(header) for header in IGNORED_HEADERS) - set(_ALIASES)
_PLANNED = tuple(_header_key(word) for word in PLANNED_PREFIXES)
#: Every header known by its words, longest first: a header ending in one is read by it (外訓課程名稱 is 課程名稱).
_EVERY_KNOWN = frozenset((*_ALIASES, *_IGNORED))
_EVERY_LENGTH = sorted({len(known) for known in _EVERY_KNOWN}, reverse=True)
_KNOWN_SET = frozenset(known for known in (*_ALIASES, *_IGNORED) if len(known) >= 2)
_KNOWN_LENGTHS = sorted({len(known) for known in _KNOWN_SET}, reverse=True)


@functools.lru_cache(maxsize=65536)
def _by_words(key: str) -> Column | None:
    """The field of a header that ends with a known one after words of its own: 外訓課程名稱 → title,
    實際上課時數 → hours. Not when those words make it a plan (應到時数), someone else's (主管姓名), or
    another known header's (講師姓名 is the 講師's: provider)."""
    for length in _KNOWN_LENGTHS:  # the longest known ending first, one look-up a length
        if length >= len(key) or (known := key[-length:]) not in _KNOWN_SET:
            continue
        prefix = key[:-length]
        if prefix.startswith(_PLANNED) or prefix in _IGNORED or known in _IGNORED or any(c in prefix for c in ",;、"):
            return None
        return _ALIASES.get(prefix) or _ALIASES[known]
    return None


def _quiet(header: str) -> bool:
    """Whether a header that names no field is one HR exports carry for other purposes (到職日, 主管姓名)."""
    key = _header_key(header)
    return (
        key in _IGNORED
        or any(key[-n:] in _EVERY_KNOWN and key[:-n] in _IGNORED for n in _EVERY_LENGTH if n < len(key))
        or key.startswith(_PLANNED)
    )


_CERTIFICATE = tuple(_norm(mark) for mark in CERTIFICATE_MARKS)
_ROSTER_MARKS = frozenset(_header_key(mark) for mark in ROSTER_MARKS)
_LEFT = frozenset(_norm(word) for word in LEFT_WORDS)


@dataclass
class Columns:
    """The header row, which cell of a row holds each field, and the headers as read."""

    header_row: int
    index: dict[Column, int]
    headers: list[str] = field(default_factory=list)
    unused: list[int] = field(default_factory=list)  # the columns whose header names no field
    marks: bool = False  # a header only a roster has (到職日): with no record columns, the table is one

    @property
    def kind(self) -> EvidenceKind:
        """The kind of a row that names none: a certificate in a table headed 證照名稱, 證照代碼 …; else training."""
        named = [self.headers[i] for c, i in self.index.items() if c in (Column.course, Column.title)]
        certificate = any(mark in _norm(header) for header in named for mark in _CERTIFICATE)
        return EvidenceKind.certificate if certificate else EvidenceKind.training

    @property
    def people_only(self) -> bool:
        """Whether the table names people and no record columns: a roster, or a sheet of some other kind."""
        return all(c in self.index for c in ROSTER) and not any(c in self.index for c in RECORD_ONLY)

    @property
    def roster(self) -> bool:
        """Whether the table is a 人員名冊 by itself: people only, and a column only a roster has (在職狀態,
        離職日, 到職日). A list of names alone is never taken for the team (a training passport is one too)."""
        marked = self.marks or any(c in self.index for c in (Column.employment, Column.left_on))
        return self.people_only and marked


@dataclass
class Found:
    """What :func:`find_columns` made of a table's header: its columns (None: unreadable), problems, warnings."""

    columns: Columns | None
    problems: list[Problem]
    warnings: list[Problem]
    overrides: set[str] = field(default_factory=set)  # the --columns headers this table has
    known: int = 0  # how many fields the header row names: fewer than two, and it is no header at all
    header: Columns | None = None  # the header as found, problems or not (a wide table has no date column)


def find_columns(
    table: Table,
    overrides: Mapping[Column, str],
    required: Sequence[Column] = REQUIRED,
    *,
    roster: bool = True,
    mapping: RecordMapping | None = None,
) -> Found:
    """The header row and its columns, its problems and warnings.

    The header is the row, among the first few, with the most known headers; rows above it (a title,
    a print date) are passed over. A two-level header (員工資料 over 員工編號, 姓名 …; 證照 over 代碼) is
    read with each upper cell filling the empty cells under it, and joined to a lower one where that
    names a field (證照 + 有效期限). A missing required column is a problem of the whole table; with
    ``roster``, a table of person columns only is a roster and needs only those.
    """
    if not table.rows:
        return Found(None, [table.problem("records.empty")], [])
    wanted = _wanted(overrides, mapping)
    start = _header_index(table, wanted)
    if mapping is not None and mapping.header_row is not None:  # the mapping says where the header is
        given = next((i for i, (number, _) in enumerate(table.rows) if number == mapping.header_row), None)
        if given is None:
            return Found(None, [table.problem("records.header_row_empty", given=mapping.header_row)], [])
        start = given
    row, cells = table.rows[start]
    headers = [_text(c) or "" for c in cells]
    above = table.rows[start - 1] if start > 0 else None
    # an upper header row has several labels; one cell above (a title, a print date) is no header
    if above is not None and above[0] == row - 1 and sum(_text(c) is not None for c in above[1]) >= 2:
        headers = _two_level(_filled(above[1], len(headers)), headers, wanted)
    index: dict[Column, int] = {}
    unused: list[int] = []
    again: list[tuple[int, Column]] = []
    for i, header in enumerate(headers):
        col = _column_of(header, wanted)
        if col is not None and col in index and index[col] in table.hidden and i not in table.hidden:
            again.append((index[col], col))  # a hidden column never stands before a visible one of the same meaning
            index[col] = i
        elif col is not None and col in index:
            again.append((i, col))
        elif col is None:
            if header and not _quiet(header) and _header_key(header) not in wanted:
                unused.append(i)
        else:
            index[col] = i
    present = {_header_key(h) for h in headers}
    matched = {header for header in overrides.values() if _header_key(header) in present}
    marks = any(_header_key(h) in _ROSTER_MARKS for h in headers)
    columns = Columns(row, index, headers, unused, marks)
    warnings = unused_warnings(table, columns)
    warnings += [
        table.problem("records.second_column", row, i, header=headers[i], first=headers[index[col]]) for i, col in again
    ]
    needed = ROSTER if roster and columns.people_only else required
    problems = [_missing(table, row, col) for col in needed if col not in index]
    if table.rows[-1][0] <= row:  # headers, and no row under them
        problems.append(table.problem("records.empty", row))
    return Found(None if problems else columns, problems, warnings, matched, len(index), columns)


def _read_as(columns: Columns) -> list[tuple[str, str | None]]:
    """Each header of the table, and the field it was read as (None: not read)."""
    fields = {i: col.value for col, i in columns.index.items()}
    return [(header, fields.get(i)) for i, header in enumerate(columns.headers) if header]


def _header_index(table: Table, wanted: Mapping[str, Column | None]) -> int:
    """The index (in ``table.rows``) of the row with the most known headers among the first few; 0 if none has two."""
    best, most = 0, 1
    for i, (_, cells) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        known = len({_column_of(_text(c) or "", wanted) for c in cells} - {None})
        if known > most:
            best, most = i, known
    return best


def _filled(cells: list[Any], width: int) -> list[str]:
    """An upper header row with each merged cell's text carried over the empty cells to its right."""
    out: list[str] = []
    last = ""
    for i in range(width):
        text = (_text(cells[i]) or "") if i < len(cells) else ""
        last = text or last
        out.append(last)
    return out


def _two_level(upper: list[str], lower: list[str], wanted: Mapping[str, Column | None]) -> list[str]:
    """The header of each column of a two-level header: the lower cell, else the upper one, else both joined."""
    out = []
    for up, low in zip(upper, lower, strict=True):
        if not low:
            out.append(up if _column_of(up, wanted) is not None else "")
        elif _column_of(low, wanted) is None and _column_of(up + low, wanted) is not None:
            out.append(up + low)
        else:
            out.append(low)
    return out


def _wanted(overrides: Mapping[Column, str], mapping: RecordMapping | None = None) -> dict[str, Column | None]:
    """The headers read as a field by hand, as compared: ``--columns``, over the mapping's (None: ignore)."""
    wanted: dict[str, Column | None] = {}
    for header, target in mapping.headers.items() if mapping is not None else ():
        if target is not None:
            wanted[_header_key(header)] = None if target == "ignore" else Column(target)
    wanted.update({_header_key(header): col for col, header in overrides.items()})
    return wanted


def _column_of(header: str, wanted: Mapping[str, Column | None]) -> Column | None:
    key = _header_key(header)
    if key in wanted:  # named by hand: a field, or None for a column to ignore
        return wanted[key]
    found = _ALIASES.get(key)
    if found is not None or key in _IGNORED or not key:
        return found
    return _by_words(key)


#: The warnings about columns no field names, which a reader that finds a use for some says again without them.
UNUSED_KEYS = frozenset(
    {"records.unused_column", "records.unused_column_hint", "records.wide_comma", "records.more_unused"}
)


def unused_warnings(table: Table, columns: Columns, read: Collection[int] = ()) -> list[Problem]:
    """A warning for each column no field names and no reader used (``read``: 0-based, a wide table's courses,
    a column held back for a mapping), the first few by name and the rest counted."""
    left = [i for i in columns.unused if i not in read]
    row = columns.header_row
    out = [_unused(table, row, columns.headers[i], i) for i in left[:MAX_UNKNOWN_HEADERS]]
    if len(left) > MAX_UNKNOWN_HEADERS:
        out.append(table.problem("records.more_unused", row, n=len(left) - MAX_UNKNOWN_HEADERS))
    return out


def _unused(table: Table, row: int, header: str, i: int) -> Problem:
    """A header that names no field: typed with a full-width comma between two headers, or close to one.

    A did-you-mean is offered only for a near miss (a typo), never for a header that merely shares a
    character or two with a field's (到職日 is not 到期日).
    """
    parts = [part for part in re.split("[\uff0c\u3001]", header) if part.strip()]
    if len(parts) > 1 and all(_header_key(part) in _ALIASES for part in parts):
        return table.problem("records.wide_comma", row, i, header=header)
    key = _header_key(header)
    # one character off in three is a different word; two aliases of one field are one guess
    close = nearest(key, list(_ALIASES), 0.75 if len(key) > 3 else 0.8, same=lambda a, b: _ALIASES[a] is _ALIASES[b])
    if close is not None:
        return table.problem("records.unused_column_hint", row, i, header=header, suggestion=close)
    return table.problem("records.unused_column", row, i, header=header)


def nearest(
    key: str, candidates: list[str], cutoff: float, same: Callable[[str, str], bool] = lambda a, b: False
) -> str | None:
    """The one candidate close to ``key`` (a typo), or None: none is, or two different ones are as close."""
    close = difflib.get_close_matches(key, candidates, n=2, cutoff=cutoff)
    if len(close) == 2 and not same(*close):
        ratios = [difflib.SequenceMatcher(None, key, other).ratio() for other in close]
        if ratios[0] == ratios[1]:
            return None
    return close[0] if close else None


def _missing(table: Table, row: int, col: Column) -> Problem:
    """A required column that no header names, with the headers that would."""
    accepted = ", ".join(dict.fromkeys([*RECORD_HEADERS[col.value], col.value]))  # each once: ``date`` is both
    return table.problem("records.missing_column", row, field=Word(f"records.field.{col.value}"), headers=accepted)


def field_named(name: str) -> Column | None:
    """The field ``--columns`` names: its own name (``course``) or a header of it (``course_code``, 課程代號)."""
    return _ALIASES.get(_header_key(name))
