"""HR record exports — a CSV file or a workbook, one row per completed course or certificate — as profiles.

Training systems and ERPs export what people completed as a table with many people per file. This
module finds the columns by their headers (Chinese or English, common aliases, or ``--columns``),
turns each row into an evidence item, and groups the rows of every file into one profile per person,
so that the rest of kmc-gap sees profiles exactly as if they had been written by hand.

A row's 職能級別 and 職能內涵 come from its own cells or, when it names a course code, from the course
catalogue. Each problem is located at its cell (``records.csv:12:5``, ``records.xlsx:工作表1!E12``);
a bad row is left out and the other rows and people go on, so the caller always gets both the
people that could be built and every problem of the rest.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmc_gap.model.forms import is_form, read_form
from kmc_gap.model.hrdates import DayOrder, day_order
from kmc_gap.model.ids import RECORD_ID_PREFIX
from kmc_gap.model.kinds import InputKind, input_kind
from kmc_gap.model.loading import unknown_code
from kmc_gap.model.lookup import codes_of
from kmc_gap.model.mapping import RecordMapping
from kmc_gap.model.models import (
    Catalog,
    Course,
    Evidence,
    EvidenceKind,
    Person,
    Profile,
    Standard,
    is_related,
    join_key,
)
from kmc_gap.model.paths import SHEET_SUFFIXES, shown, split_sheet
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.spreadsheet import Sheet
from kmc_gap.model.tables.cells import (
    MEANINGS,
    CellError,
    Outcome,
    Words,
    cell_attended,
    cell_codes,
    cell_date,
    cell_expires,
    cell_hours,
    cell_kind,
    cell_level,
    cell_minutes,
    cell_passed,
    cell_score,
    is_date,
    outcome_of,
)
from kmc_gap.model.tables.cells import (
    norm as _norm,
)
from kmc_gap.model.tables.cells import (
    number_in as _number,
)
from kmc_gap.model.tables.markup import read_html_tables, read_spreadsheet_ml
from kmc_gap.model.tables.shape import (
    ResultLike,
    column_values,
    course_columns,
    fill_down,
    result_like,
    shown_values,
    unpivot,
)
from kmc_gap.model.tables.sniff import Container, sniff
from kmc_gap.model.tables.table import Table, Tables, cell_text
from kmc_gap.model.tables.text import read_text_table
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES, read_bytes
from kmc_gap.words import Word

if TYPE_CHECKING:
    from kmc_gap.model.credentials import Keys
from kmc_gap.model.vocabulary import (
    CERTIFICATE_MARKS,
    IGNORED_HEADERS,
    LEFT_WORDS,
    NOTE_PREFIXES,
    PLANNED_PREFIXES,
    RECORD_HEADERS,
    ROSTER_MARKS,
    SUMMARY_WORDS,
)

#: How many unknown headers are named one by one; the rest are counted in one more warning.
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


@dataclass(frozen=True)
class RecordOptions:
    """How to read record files: the course catalogue, the sheet, headers mapped by hand, the roster.

    ``sheet`` is the sheet of every workbook that has one of that name (``all``: every sheet with a
    header row); a path written ``export.xlsx#證照`` names its own. ``columns`` applies to the tables
    that have those headers. ``verified_by`` stands for the verifier of rows that name none (``訓練系統``).
    """

    catalog: Catalog | None = None
    sheet: str | None = None
    columns: Mapping[Column, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    roster: Sequence[Path] = ()
    verified_by: str | None = None
    include_leavers: bool = False  # people the roster says have left stay in the run
    mapping: RecordMapping | None = None  # what this HR system's headers and words mean (--mapping)
    issuer_keys: Keys | None = None  # the keys that verify credentials' signatures (--issuer-key)

    @property
    def wanted(self) -> dict[str, Column | None]:
        """Headers read as a field by hand: the mapping's (None: ignore), then ``--columns``, as compared."""
        return _wanted(self.columns, self.mapping)

    @property
    def words(self) -> Words:
        """The mapping's outcome words, as compared, and its patterns of values."""
        if self.mapping is None:
            return Words({})
        words = {_norm(word): MEANINGS[meaning] for word, meaning in self.mapping.words.items() if meaning is not None}
        return Words(words, self.mapping.values)

    def for_table(self, table: Table) -> RecordOptions:
        """These options with the mapping's ``files`` entries for ``table`` applied over the rest."""
        if self.mapping is None or not self.mapping.files:
            return self
        return replace(self, mapping=self.mapping.for_table(table.file, table.sheet))

    def person_key(self, text: str) -> str:
        """A person id as shown, its dropped zeros put back where the mapping gives the ids' width."""
        ident = person_key(text)
        width = self.mapping.id_width if self.mapping is not None else None
        return ident.zfill(width) if width and ident.isdigit() else ident


@dataclass
class RecordPerson:
    """One person's profile built from records, and the files their rows came from."""

    profile: Profile
    files: list[str]
    roster_only: bool = False  # on the roster with no rows: a YAML profile of the same id stands instead

    @property
    def file(self) -> str:
        """The files as one name, for reports: ``a.csv, b.xlsx``."""
        return ", ".join(self.files)


@dataclass
class RowCount:
    """What became of every row of one table, so that no row is lost without a word.

    Each row under the header is one of: evidence (its id in ``evidence``; whether it counts is the
    rules' to say), not counted for a reason the reading knows (a course the catalogue lacks),
    passed over as no record (a subtotal, a cancelled class, a repeat, a leaver's row), or refused
    with a located problem. ``unreadable``: the file or its header could not be read at all.
    """

    file: str
    sheet: str | None
    kind: str  # "records", "roster" or "form"
    rows: int = 0
    evidence: list[str] = field(default_factory=list)
    not_counted: dict[str, int] = field(default_factory=dict)
    passed_over: dict[str, int] = field(default_factory=dict)
    refused: int = 0
    refused_people: set[str] = field(default_factory=set)
    unreadable: bool = False
    header_row: int | None = None
    columns: list[tuple[str, str | None]] = field(default_factory=list)  # each header, and the field it was read as
    problems: list[Problem] = field(default_factory=list)  # each refused row's problems, one by one

    def pass_over(self, why: str, n: int = 1) -> None:
        """``n`` more rows passed over for ``why``."""
        if n:
            self.passed_over[why] = self.passed_over.get(why, 0) + n


@dataclass
class RecordSet:
    """Everyone found in some record files, the problems of each file, and the warnings."""

    people: list[RecordPerson] = field(default_factory=list)
    problems: dict[str, list[Problem]] = field(default_factory=dict)  # by file, in file order
    warnings: list[Problem] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # every record table read: ``file`` or ``file#sheet``
    forms: list[str] = field(default_factory=list)  # the files that were assessment forms
    leavers: list[Person] = field(default_factory=list)  # people the roster says have left, left out of the run
    left_evidence: set[str] = field(default_factory=set)  # the evidence ids of their rows
    counts: list[RowCount] = field(default_factory=list)  # what became of every row, table by table


@dataclass
class ProfileChange:
    """What ``kmc-gap import`` did (or, with ``--dry-run``, would do) to one person's profile."""

    person_id: str
    name: str
    file: str
    created: bool = False
    added: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0  # evidence left as it was: unchanged records and everything added by hand
    removals: dict[str, list[str]] = field(default_factory=dict)  # source → the items removed, as people read them
    older: dict[str, tuple[dt.date, dt.date, int]] = field(default_factory=dict)  # source → (this, last, items kept)

    @property
    def changed(self) -> bool:
        """Whether the file is (or would be) written."""
        return self.created or bool(self.added or self.updated or self.removed)


# --------------------------------------------------------------------------- reading tables


def read_tables(path: Path, options: RecordOptions) -> Tables:
    """The tables of a file, read by what its bytes are (:mod:`kmc_gap.model.tables`), never by its ending.

    A file of several sheets (a workbook, an HTML page of several tables) gives the sheet its path names
    (``export.xlsx#證照``), else the ``--sheet`` one where it has it, else every sheet: the ones that
    hold no records are passed over, each named with why.
    """
    real, own = split_sheet(path)
    name = shown(real)
    raw = read_bytes(real, name, options.max_bytes)
    container = sniff(raw)
    if container is Container.text:
        try:
            return Tables([read_text_table(raw, name)])
        except InputError as exc:  # binary bytes under a workbook's name: a damaged workbook, to a person
            if exc.problems[0].key == "records.binary" and real.suffix.lower() in SHEET_SUFFIXES:
                raise InputError([Problem(name, "records.not_workbook")]) from None
            raise
    if container is Container.html:
        return _chosen(read_html_tables(raw, name), name, own, options.sheet)
    if container is Container.spreadsheet_ml:
        return _chosen(read_spreadsheet_ml(raw, name), name, own, options.sheet)
    return _read_sheets(raw, name, own, options.sheet, options.max_bytes)


def _choose(names: tuple[str, ...], name: str, own: str | None, wanted: str | None) -> tuple[list[str], bool]:
    """The sheets to read, and whether the ``--sheet`` one (or the path's own) was found."""
    if not names:
        raise InputError([Problem(name, "records.no_sheet", {"sheet": own or wanted or "", "sheets": ""})])
    if own is not None:
        chosen = _sheet_name(own, list(names))
        if chosen is None:
            raise InputError([Problem(name, "records.no_sheet", {"sheet": own, "sheets": ", ".join(names)})])
        return [chosen], True
    if wanted is None or _norm(wanted) == ALL_SHEETS:
        return list(names), True
    chosen = _sheet_name(wanted, list(names))
    return [chosen or names[0]], chosen is not None


def _chosen(tables: list[Table], name: str, own: str | None, wanted: str | None) -> Tables:
    """The tables of a markup file that ``--sheet`` (or the path) chooses; one unnamed table is every choice."""
    names = tuple(table.sheet for table in tables if table.sheet is not None)
    if not names:
        return Tables(tables, True)
    chosen, has = _choose(names, name, own, wanted)
    return Tables([table for table in tables if table.sheet in chosen], has, names)


def _read_sheets(raw: bytes, name: str, own: str | None, wanted: str | None, max_bytes: int) -> Tables:
    """Sheets of a workbook, read by python-calamine (Rust) where a damaged file cannot take the run down.

    Cells keep their types, dates are dates (see :mod:`kmc_gap.model.spreadsheet` for the limits).
    """
    from kmc_gap.model.spreadsheet import check_zip, hidden_columns, read_book

    check_zip(raw, name, max_bytes)
    found: dict[str, bool] = {}

    def choose(names: tuple[str, ...]) -> list[str]:
        if names and is_form(names):  # an assessment form is read whole, whatever --sheet says
            found["form"] = found["has"] = True
            return list(names)
        chosen, found["has"] = _choose(names, name, own, wanted)
        return chosen

    book = read_book(raw, name, choose)
    hidden = hidden_columns(raw)
    tables = [_table(name, sheet, hidden.get(sheet.name, frozenset())) for sheet in book.sheets.values()]
    return Tables(tables, found.get("has", False), book.names, found.get("form", False))


def _table(name: str, sheet: Sheet, hidden: frozenset[int]) -> Table:
    top, left = sheet.start
    rows = [(top + i + 1, row) for i, row in enumerate(sheet.rows) if any(_text(cell) for cell in row)]
    return Table(name, sheet.name, rows, left + 1, frozenset(column - left - 1 for column in hidden if column > left))


def _sheet_name(wanted: str, names: list[str]) -> str | None:
    """The sheet ``--sheet`` names, its case and width forgiven (``sheet1`` finds ``Sheet1``)."""
    if wanted in names:
        return wanted
    key = _norm(wanted)
    return next((found for found in names if _norm(found) == key), None)


# --------------------------------------------------------------------------- columns


_BRACKETS = re.compile(r"[(\[【〔][^)\]】〕]*[)\]】〕]")
_HEADER_MARKS = re.compile(r"[_\-./:·]")


@functools.lru_cache(maxsize=4096)
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


@functools.lru_cache(maxsize=4096)
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
    warnings = [_unused(table, row, headers[i], i) for i in unused[:MAX_UNKNOWN_HEADERS]]
    warnings += [
        table.problem("records.second_column", row, i, header=headers[i], first=headers[index[col]]) for i, col in again
    ]
    if len(unused) > MAX_UNKNOWN_HEADERS:
        warnings.append(table.problem("records.more_unused", row, n=len(unused) - MAX_UNKNOWN_HEADERS))
    marks = any(_header_key(h) in _ROSTER_MARKS for h in headers)
    columns = Columns(row, index, headers, unused, marks)
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


# --------------------------------------------------------------------------- cells


_text = cell_text


#: The columns that may say a course was never taken (報名中 in 結訓狀態, 取消 in 出缺勤, 候補 where the score goes).
OUTCOME_COLUMNS = (Column.passed, Column.attendance, Column.score)


def person_key(text: str) -> str:
    """A person id as it is shown: full width folded (Ｅ001 is E001), an id being a code."""
    return unicodedata.normalize("NFKC", text).strip()


def record_id(person_id: str, what: str, date: dt.date) -> str:
    """The id of a record's evidence: the same person, course (or title) and date always give the same id."""
    key = f"{person_id}\x00{what}\x00{date.isoformat()}".encode()
    return RECORD_ID_PREFIX + hashlib.sha256(key).hexdigest()[:10]


# --------------------------------------------------------------------------- rows


class _Row:
    """One data row being read: its cells by field (each read once), and the problems found in it."""

    def __init__(
        self, table: Table, number: int, cells: list[Any], columns: Columns, texts: list[str | None] | None = None
    ) -> None:
        self.table = table
        self.number = number
        self.columns = columns
        width = len(cells)
        self.raws = {col: cells[i] for col, i in columns.index.items() if i < width}
        if texts is not None and len(texts) == width:  # the row's texts, made once for row_kind and kept
            self.texts = {col: texts[i] for col, i in columns.index.items() if i < width}
        else:
            self.texts = {col: _text(value) for col, value in self.raws.items()}
        self.problems: list[Problem] = []

    def raw(self, col: Column) -> Any:
        return self.raws.get(col)

    def text(self, col: Column) -> str | None:
        return self.texts.get(col)

    def fail(self, col: Column | None, key: str, **args: Any) -> None:
        index = self.columns.index.get(col) if col is not None else None
        self.problems.append(self.table.problem(key, self.number, index, **args))

    def read(self, col: Column, parse: Any) -> Any:
        """The cell parsed, None when empty; a bad cell becomes a problem and gives None."""
        if self.texts.get(col) is None:
            return None
        try:
            return parse(self.raws[col])
        except CellError as exc:
            self.fail(col, exc.key, **exc.args_)
            return None


@dataclass(frozen=True)
class _Record:
    """A row that became evidence, with who it belongs to; no evidence: a person whose rows were all passed over."""

    person: Person
    evidence: Evidence | None
    table: Table
    row: int  # where the row is, for warnings that point at it

    def warning(self, key: str, **args: Any) -> Problem:
        """A warning about this row as a whole."""
        return self.table.problem(key, self.row, **args)


class Skip(StrEnum):
    """Why a row of a record table was passed over without being an error."""

    summary = "summary"  # 小計, 合計, 總計, 平均
    note = "note"  # 註：…, 備註：…
    section = "section"  # a department's heading over its block: one cell, often merged across the row
    header = "header"  # the header row repeated (on every printed page of an export)
    unrelated = "unrelated"  # a course the catalogue marks as outside the standard
    not_taken = "not_taken"  # enrolled, waitlisted, not started or cancelled: no training was taken


_SUMMARY = tuple(_norm(word) for word in SUMMARY_WORDS)
_SUMMARY_IN = re.compile("|".join(re.escape(word) for word in _SUMMARY))


@functools.lru_cache(maxsize=65536)
def _summary(label: str) -> bool:
    """Whether a cell says 小計, 合計 … (remembered: a column repeats its ids and names row after row)."""
    return _SUMMARY_IN.search(_norm(label)) is not None


_NOTE = tuple(unicodedata.normalize("NFKC", word).casefold() for word in NOTE_PREFIXES)  # ``*`` kept


def row_kind(
    cells: list[Any], columns: Columns, wanted: Mapping[str, Column | None], texts: list[str | None] | None = None
) -> Skip | None:
    """What a row that is not a record is (a subtotal, a note line, a section heading, the header again), or None.

    ``texts``: the cells as text, when the caller has them already."""
    texts = texts if texts is not None else [_text(c) for c in cells]
    filled = [text for text in texts if text]
    index = columns.index

    def cell(col: Column) -> str:
        i = index.get(col)
        return (texts[i] or "") if i is not None and i < len(texts) else ""

    first = unicodedata.normalize("NFKC", filled[0]).strip().casefold() if filled else ""
    # the header again: its person id cell is a header (checked first: it is one look-up, not one a cell)
    if _column_of(cell(Column.person_id), wanted) and len({_column_of(text, wanted) for text in filled} - {None}) >= 2:
        return Skip.header
    if first.startswith(_NOTE) and not cell(Column.date):
        return Skip.note
    labels = (cell(Column.person_id), cell(Column.name), cell(Column.organisation), texts[0] or "")
    labelled = any(len(label) <= 24 and _summary(label) for label in labels)
    if labelled and not is_date(cell(Column.date)):  # 小計 with its count (3 筆) spread into the date column
        return Skip.summary
    if len(filled) == 1:
        return Skip.summary if _number(filled[0], ()) is not None else Skip.section
    return None


@dataclass
class _Unknown:
    """Rows naming one course code that the catalogue lacks (or, with no catalogue, any course code)."""

    row: int
    rows: int = 0
    people: set[str] = field(default_factory=set)


class _Reader:
    """Turns the rows of one table into records, with each bad row's problems and the rows passed over."""

    def __init__(self, table: Table, columns: Columns, std: Standard, options: RecordOptions) -> None:
        self.table = table
        self.columns = columns
        self.std = std
        self.known = codes_of(std)
        self.catalog = options.catalog
        self.verified_by = options.verified_by
        self.kind = columns.kind.value
        self.source = table.source  # the same for every row: worked out once
        self.wanted = options.wanted
        self.options = options
        self.words = options.words
        self.score = functools.partial(cell_score, words=self.words)
        self.passed = functools.partial(cell_passed, words=self.words)
        self.attended = functools.partial(cell_attended, words=self.words)
        self.courses = {_norm(c.code): c for c in options.catalog.courses} if options.catalog else {}
        self.people: dict[tuple[str, str, str | None, str | None], Person] = {}  # one model per person, not per row
        self.outcomes = [col for col in OUTCOME_COLUMNS if col in columns.index]  # the ones this table has
        self.by_name = Column.person_id not in columns.index  # a table of names only: joined by name once all is read
        self.skipped: dict[Skip, int] = {}
        self.first_skip: int | None = None  # where the note about the rows passed over points
        self.filled = 0  # rows whose person cells were empty under a block's first row, filled down
        self.first_filled: int | None = None
        self.unknown: dict[str, _Unknown] = {}  # course code → its rows
        self.bystanders: dict[str, tuple[int, Person]] = {}  # id → (first row, person) of passed-over rows
        dates = [
            cells[i]
            for _, cells in table.rows
            for c in (Column.date, Column.expires)
            if (i := columns.index.get(c)) is not None and i < len(cells)
        ]
        # 05/03/2026 is read as the file's other dates write day and month, else as the mapping says
        order = day_order(dates) or (
            DayOrder(options.mapping.date_order) if options.mapping and options.mapping.date_order else None
        )
        self.date = functools.partial(cell_date, order=order)
        self.expires = functools.partial(cell_expires, order=order)
        minutes = options.mapping is not None and options.mapping.hours_unit == "minutes"
        self.hours = cell_minutes if minutes else cell_hours
        fill = options.mapping.fill_down if options.mapping is not None else []
        keys = {_header_key(h) for h in fill}
        self.fill = [i for i, header in enumerate(columns.headers) if header and _header_key(header) in keys]

    def records(self, count: RowCount) -> tuple[list[_Record], list[Problem]]:
        records: list[_Record] = []
        problems: list[Problem] = []
        index = self.columns.index
        person = [index[c] for c in (Column.person_id, Column.name, Column.organisation, Column.role) if c in index]
        record = [index[c] for c in (Column.course, Column.title, Column.date) if c in index]
        carried: list[Any] | None = None  # the person cells of the block being read
        above: dict[int, Any] = {}  # the mapping's fill_down columns: the last value of each
        for number, cells in self.table.rows:
            if number <= self.columns.header_row:
                continue
            count.rows += 1
            texts = [_text(c) for c in cells]
            kind = row_kind(cells, self.columns, self.wanted, texts)
            if kind is not None:
                self.skip(kind, number)
                carried = None if kind in (Skip.summary, Skip.section) else carried  # a subtotal ends a block
                above = {} if kind in (Skip.summary, Skip.section) else above
                continue
            original = cells
            if self.fill:
                cells = _filled_from(cells, above, self.fill)
            filled = fill_down(cells, carried, person, record)
            if filled is cells:
                carried = [cells[i] if i < len(cells) else None for i in person]
            else:
                self.filled += 1
                self.first_filled = self.first_filled or number
                cells = filled
            same = cells is original  # not filled down or from above: its texts are those made for row_kind
            row = _Row(self.table, number, cells, self.columns, texts if same else None)
            found = self.record(row)
            problems += row.problems
            if row.problems:
                count.refused += 1
                count.refused_people.add(row.text(Column.person_id) or row.text(Column.name) or "")
            elif found is not None:
                records.append(found)
        for kind, n in self.skipped.items():
            count.pass_over(kind.value, n)
        unknown = sum(u.rows for u in self.unknown.values())
        if unknown and self.catalog is not None:
            count.not_counted["unknown_course"] = unknown
        elif unknown:  # no catalogue to look the course up in: each such row is refused (one problem per code)
            count.refused += unknown
            count.refused_people |= {p for u in self.unknown.values() for p in u.people}
        return records, problems

    def skip(self, kind: Skip, row: int) -> None:
        self.skipped[kind] = self.skipped.get(kind, 0) + 1
        self.first_skip = self.first_skip or row

    def record(self, row: _Row) -> _Record | None:
        if any(outcome_of(row.raw(col), self.words) is Outcome.not_taken for col in self.outcomes):
            self.skip(Skip.not_taken, row.number)  # enrolled, waitlisted, cancelled: no training was taken
            self.bystander(row)
            return None
        course, usable = self.course(row)
        if not usable:
            self.bystander(row)
            return None
        for col in NAMED if self.by_name else REQUIRED:
            if row.text(col) is None:
                row.fail(col, "records.empty_cell", field=Word(f"records.field.{col.value}"))
        date = row.read(Column.date, self.date)
        expires = row.read(Column.expires, self.expires)
        kind = row.read(Column.kind, cell_kind) or self.kind
        hours = row.read(Column.hours, self.hours)
        level = row.read(Column.level, cell_level)
        covers = row.read(Column.covers, cell_codes)
        score = row.read(Column.score, self.score)
        outcomes = [row.read(Column.passed, self.passed), row.read(Column.attendance, self.attended)]
        if isinstance(score, Outcome):
            outcomes.append(score)
        if course is not None:
            level = level if row.text(Column.level) is not None else course.level
            covers = covers if row.text(Column.covers) is not None else list(course.covers)
            hours = hours if row.text(Column.hours) is not None else (course.hours or None)
        self.check_competency(row, covers)
        title = row.text(Column.title) or (course.title if course else None) or row.text(Column.course)
        if title is None:
            row.fail(Column.title, "records.no_title")
        name = row.text(Column.name)
        if self.by_name:
            person_id: str | None = _BY_NAME + join_key(name or "")
        else:
            person_id = self.options.person_key(row.text(Column.person_id) or "") or None
        if row.problems or None in (date, level, covers, title, person_id, name):
            return None
        assert date is not None and person_id is not None and name is not None and title is not None
        if expires is not None and date > expires:
            row.fail(Column.expires, "profile.date_after_expiry", date=date, expires=expires)
            return None
        what = row.text(Column.course) or title
        # a fail mark, an absence or a score word (缺考) in any of the three columns: the row did not pass
        failed = any(outcome in (Outcome.failed, Outcome.absent) for outcome in outcomes)
        exempt = [
            row.text(col) or "" for col in self.outcomes if outcome_of(row.raw(col), self.words) is Outcome.exempt
        ]
        note = "；".join(dict.fromkeys(text for text in (row.text(Column.note), *exempt) if text)) or None
        # every field was checked above, cell by cell, so the model is built without validating it again:
        # this is the inner loop of a year's export
        evidence = Evidence.model_construct(
            id=record_id(person_id, what, date),
            kind=EvidenceKind(kind),
            title=title,
            date=date,
            level=level,
            covers=covers,
            expires=expires,
            verified_by=row.text(Column.verified_by) or self.verified_by,
            hours=None if hours is None else float(hours),
            reference=row.text(Column.reference),
            note=note,
            course=row.text(Column.course),
            provider=row.text(Column.provider),
            score=score if type(score) is float else None,
            pass_mark=course.pass_mark if course is not None else None,
            passed=False if failed else None,
            exclude=False,
            source=self.source,
        )
        who = (name, person_id, row.text(Column.organisation), row.text(Column.role))
        person = self.people.get(who)
        if person is None:
            person = self.people[who] = Person(name=name, id=person_id, organisation=who[2], role=who[3])
        return _Record(person, evidence, self.table, row.number)

    def bystander(self, row: _Row) -> None:
        """Keep who a passed-over row is about: a person whose every row is a fire drill is still on the team."""
        person_id = self.options.person_key(row.text(Column.person_id) or "")
        name = row.text(Column.name)
        if person_id and name and person_id not in self.bystanders:
            organisation, role = row.text(Column.organisation), row.text(Column.role)
            person = Person(name=name, id=person_id, organisation=organisation, role=role)
            self.bystanders[person_id] = (row.number, person)

    def course(self, row: _Row) -> tuple[Course | None, bool]:
        """The catalogue's course the row names, and whether the row is evidence at all.

        A course the catalogue marks unrelated (or lists with no codes) is passed over; a course it
        lacks, when the row does not give its own level and codes, is counted for one warning per code.
        """
        code = row.text(Column.course)
        if code is None:
            return None, True
        found = self.courses.get(_norm(code))
        own = row.text(Column.level) is not None and row.text(Column.covers) is not None
        if found is not None and not is_related(found) and row.text(Column.covers) is None:
            self.skip(Skip.unrelated, row.number)
            return found, False
        if found is None and not own:
            unknown = self.unknown.setdefault(code, _Unknown(row.number))
            unknown.rows += 1
            unknown.people.add(row.text(Column.person_id) or "")
            return None, False
        return found, True

    def check_competency(self, row: _Row, covers: list[str] | None) -> None:
        """A row must say, by its cells or its course, at which level it covers which codes of the standard."""
        if row.text(Column.course) is None:
            if row.text(Column.level) is None and row.text(Column.covers) is None:
                row.fail(Column.level, "records.no_competency")
                return
            for col in (Column.level, Column.covers):
                if row.text(col) is None:
                    row.fail(col, "records.empty_cell", field=Word(f"records.field.{col.value}"))
        if covers is not None and row.text(Column.covers) is not None:
            if not covers:
                row.fail(Column.covers, "records.empty_cell", field=Word("records.field.covers"))
            for code in covers:
                if code not in self.known:
                    key, args = unknown_code(code, self.std)
                    row.fail(Column.covers, key, **args)

    def notes(self) -> tuple[list[Problem], list[Problem]]:
        """The problems and warnings of the whole table: the rows passed over, the course codes not known."""
        problems: list[Problem] = []
        warnings: list[Problem] = []
        if self.filled:
            warnings.append(self.table.problem("records.filled_down", self.first_filled, n=self.filled))
        if self.skipped:
            counts = tuple(Word(f"records.skip.{kind.value}", {"n": n}) for kind, n in self.skipped.items())
            total = sum(self.skipped.values())
            warnings.append(self.table.problem("records.passed_over", self.first_skip, n=total, counts=counts))
        for code, unknown in self.unknown.items():
            args = {"code": code, "rows": unknown.rows, "people": len(unknown.people)}
            if self.catalog is None:
                problems.append(self.table.problem("records.need_catalog", unknown.row, self._course_index(), **args))
                continue
            hint = self._hint(code)
            key = "records.unknown_course_hint" if hint else "records.unknown_course"
            warnings.append(self.table.problem(key, unknown.row, self._course_index(), suggestion=hint, **args))
        return problems, warnings

    def _course_index(self) -> int | None:
        return self.columns.index.get(Column.course)

    def _hint(self, code: str) -> str | None:
        """A catalogue code close to ``code`` (a typo: C1O for C10), never a merely similar one."""
        key = _norm(code)
        close = nearest(key, list(self.courses), 0.8 if len(key) > 3 else 0.66)
        return self.courses[close].code if close is not None else None


# --------------------------------------------------------------------------- the courses in records


@dataclass
class CourseSeen:
    """A course as the records name it, for a catalogue skeleton: how many rows and people, and its hours."""

    code: str | None
    title: str
    rows: int = 0
    people: set[str] = field(default_factory=set)
    hours: float | None = None
    provider: str | None = None


def courses_in(paths: Sequence[Path], options: RecordOptions) -> tuple[list[CourseSeen], list[Problem]]:
    """Every course code (or, without one, title) in the records, in order of first row; and the problems.

    This reads only what a catalogue skeleton needs (``kmc-gap catalog init``): a row's dates, levels
    and codes may still be missing, since those are what the catalogue will give.
    """
    seen: dict[str, CourseSeen] = {}
    problems: list[Problem] = []
    for path in paths:
        try:
            tables = read_tables(path, options).tables
        except InputError as exc:
            problems += exc.problems
            continue
        for table in tables:
            found = find_columns(table, options.columns, (Column.person_id,), roster=False, mapping=options.mapping)
            if found.columns is None and len(tables) > 1 and found.known < len(ROSTER):
                continue  # a sheet of notes or a chart beside the records
            if found.columns is None:
                problems += found.problems
                continue
            if not any(c in found.columns.index for c in (Column.course, Column.title)):
                if len(tables) == 1:  # a workbook's other sheets (a roster, notes) name no courses, and need not
                    problems.append(_missing(table, found.columns.header_row, Column.title))
                continue
            _gather(table, found.columns, options, seen)
    return list(seen.values()), problems


def _gather(table: Table, columns: Columns, options: RecordOptions, seen: dict[str, CourseSeen]) -> None:
    wanted = options.wanted
    for number, cells in table.rows:
        if number <= columns.header_row or row_kind(cells, columns, wanted) is not None:
            continue
        row = _Row(table, number, cells, columns)
        code = row.text(Column.course)
        title = row.text(Column.title) or code
        if title is None:
            continue
        course = seen.setdefault(_norm(code or title), CourseSeen(code and unicodedata.normalize("NFKC", code), title))
        course.rows += 1
        course.people.add(row.text(Column.person_id) or "")
        course.hours = course.hours if course.hours is not None else row.read(Column.hours, cell_hours)
        course.provider = course.provider or row.text(Column.provider)


# --------------------------------------------------------------------------- people


def field_named(name: str) -> Column | None:
    """The field ``--columns`` names: its own name (``course``) or a header of it (``course_code``, 課程代號)."""
    return _ALIASES.get(_header_key(name))


def load_records(paths: Sequence[Path], std: Standard, options: RecordOptions) -> RecordSet:
    """Everyone in the record files, one profile per person id across all files.

    A person's rows may come from several files (a training export and a certificates table). The
    same row twice (same person, course or title, and date) counts once, with a warning. A roster
    (``--roster``, or a table of person columns only) names the team: its people come first, in its
    order, each with a profile even when they have no rows; the others follow in order of first row.
    """
    return _Loader(std, options).load(paths)


class _Loader:
    """Reads every table of a run: rosters and records, then builds the people."""

    def __init__(self, std: Standard, options: RecordOptions) -> None:
        self.std = std
        self.options = options
        self.result = RecordSet()
        self.people: dict[str, _Person] = {}
        self.roster: dict[str, tuple[Person, str]] | None = None  # person id → (person, roster file), in order
        self.matched: set[str] = set()  # the --columns headers some table has
        self.sheet_found = False
        self.pending: list[tuple[Tables, bool]] = []  # workbooks read once it is known whether --sheet was found
        self.first: str | None = None  # the first record file, where a problem of the whole run is told
        self.left: dict[str, Person] = {}  # join key → a roster person who has left
        self.named: list[
            tuple[RowCount, list[_Record], int | None, str | None]
        ] = []  # rows of tables without ids, joined by name at the end

    def load(self, paths: Sequence[Path]) -> RecordSet:
        for path in self.options.roster:
            self.read(path, roster_only=True)
        for path in paths:
            self.read(path, roster_only=False)
        self.later()
        self.run_problems()
        self.result.people = self.build()
        if self.result.leavers:
            names = tuple(Word("records.person", {"name": p.name, "id": p.id or ""}) for p in self.result.leavers)
            where = self.options.roster[0] if self.options.roster else None
            file = shown(where) if where is not None else self.first or ""
            self.result.warnings.append(
                Problem(file, "records.leavers", {"n": len(self.result.leavers), "names": names})
            )
        return self.result

    def read(self, path: Path, *, roster_only: bool) -> None:
        name = shown(split_sheet(path)[0])
        self.first = self.first or name
        if not roster_only and input_kind(path) is InputKind.credential:
            self.credentials(path, name)
            return
        try:
            found = read_tables(path, self.options)
        except InputError as exc:
            self.result.problems.setdefault(name, []).extend(exc.problems)
            self.result.counts.append(RowCount(name, None, "roster" if roster_only else "records", unreadable=True))
            return
        if found.form:
            self.form(name, found)
            return
        if not found.has_sheet and found.sheets:  # --sheet names a sheet this workbook lacks
            self.pending.append((found, roster_only))
            return
        self.sheet_found = self.sheet_found or bool(found.sheets)
        every = len(found.tables) > 1 or (self.options.sheet is not None and _norm(self.options.sheet) == ALL_SHEETS)
        for table in found.tables:
            self.table(table, roster_only=roster_only, every=every)

    def form(self, name: str, found: Tables) -> None:
        """A filled assessment form: each person's ratings, merged with their records by person id."""
        read = read_form(name, {t.sheet or "": (t.rows, t.first_column) for t in found.tables}, self.std)
        self.result.forms.append(name)
        if read.problems:
            self.result.problems.setdefault(name, []).extend(read.problems)
        self.result.sources += read.sources
        # a form's rows are its ratings: each one read, or refused under one of the form's problems
        count = RowCount(name, None, "form", rows=read.refused, refused=read.refused)
        self.result.counts.append(count)
        repeats: list[Problem] = []
        for person in read.people:
            if person.refused:  # a rating of theirs was refused
                count.refused_people.add(person.person.id or person.source)
            count.rows += len(person.evidence)
            count.evidence += [ev.id for ev in person.evidence]
            table = Table(name, person.source.partition("#")[2], [])
            # a person without an id is one person per sheet, never merged with another without one
            key = join_key(person.person.id) if person.person.id else f"\x00{person.source}"
            records = [_Record(person.person, ev, table, 1) for ev in person.evidence]
            for record in records or [_Record(person.person, None, table, 1)]:  # unfilled: on the team all the same
                _add(self.people, record, name, self.result.warnings, repeats, key)
        self.result.warnings += _repeats(repeats)

    def credentials(self, path: Path, name: str) -> None:
        """Open Badges and CLR credentials: each one evidence, or not counted with its reason; joined by person id."""
        from kmc_gap.model.credentials import read_credentials

        count = RowCount(name, None, "credentials")
        self.result.counts.append(count)
        try:
            read = read_credentials(path, name, self.std, self.options.issuer_keys, self.options.max_bytes)
        except InputError as exc:
            self.result.problems.setdefault(name, []).extend(exc.problems)
            count.unreadable = True
            return
        if read.problems:
            self.result.problems.setdefault(name, []).extend(read.problems)
        count.rows, count.refused = len(read.credentials) + read.refused, read.refused
        table = Table(name, None, [])
        repeats: list[Problem] = []
        for credential in read.credentials:
            if credential.evidence is None:
                assert credential.reason is not None  # a credential is evidence, or not counted for a reason
                why = credential.reason.value
                count.not_counted[why] = count.not_counted.get(why, 0) + 1
                key = f"credentials.{why}"
                self.result.warnings.append(Problem(name, key, {"title": credential.name}))
                if credential.person is not None:  # on the team all the same
                    _add(self.people, _Record(credential.person, None, table, 1), name, self.result.warnings, repeats)
                continue
            assert credential.person is not None
            count.evidence.append(credential.evidence.id)
            record = _Record(credential.person, credential.evidence, table, 1)
            if not _add(self.people, record, name, self.result.warnings, repeats):
                count.evidence.pop()
                count.pass_over("duplicate")
        self.result.warnings += _repeats(repeats)

    def later(self) -> None:
        """Workbooks without the ``--sheet`` one: read by their first sheet when another workbook had it."""
        for found, roster_only in self.pending:
            table = found.tables[0]
            if not self.sheet_found:
                args = {"sheet": self.options.sheet or "", "sheets": ", ".join(found.sheets)}
                self.result.problems.setdefault(table.file, []).append(Problem(table.file, "records.no_sheet", args))
                continue
            self.table(table, roster_only=roster_only, every=False)

    def table(self, table: Table, *, roster_only: bool, every: bool) -> None:
        required = ROSTER if roster_only else NAMED
        options = self.options.for_table(table)  # the mapping's ``files`` entries for this file and sheet
        found = find_columns(table, options.columns, required, mapping=options.mapping)
        self.matched |= found.overrides
        if every and found.known < len(ROSTER):  # a sheet with no header of ours (a chart, notes): named, passed over
            key = "records.sheet_empty" if not table.rows else "records.sheet_skipped"
            self.result.warnings.append(Problem(table.file, key, {"sheet": table.sheet or ""}, sheet=table.sheet))
            return
        header = found.header if not roster_only else None
        wide = self.wide_columns(header, options) if header is not None else {}
        held = self.result_columns(table, header, options) if header is not None and not wide else []
        read = {table.first_column + i for i in (*wide, *(like.index for like in held))}  # never merely "unused"
        self.result.warnings += [w for w in found.warnings if w.column not in read]
        if header is not None and wide:
            self.wide(table, header, wide, options)
            return
        if header is not None and held:
            self.hold(table, header, held, options)
            return
        if found.columns is None:
            self.refuse(table, found.problems)
            return
        if roster_only or found.columns.roster:
            self.add_roster(table, found.columns, options)
            return
        if found.columns.people_only:  # names and no results: not the team unless given as one (--roster)
            rows = sum(1 for number, _ in table.rows if number > found.columns.header_row)
            count = RowCount(table.file, table.sheet, "records", rows, header_row=found.columns.header_row)
            count.pass_over("people_only", rows)
            self.result.counts.append(count)
            self.result.warnings.append(table.problem("records.people_only", found.columns.header_row, n=rows))
            return
        reader = _Reader(table, found.columns, self.std, options)
        count = RowCount(table.file, table.sheet, "records", header_row=found.columns.header_row)
        count.columns = _read_as(found.columns)
        self.result.counts.append(count)
        records, problems = reader.records(count)
        self.gathered(table, reader, count, records, problems)

    def gathered(
        self, table: Table, reader: _Reader, count: RowCount, records: list[_Record], problems: list[Problem]
    ) -> None:
        """The records of one table gathered under their people, with the table's problems and warnings."""
        count.problems = problems
        problems = summed(problems)
        more, warnings = reader.notes()
        if problems or more:
            self.result.problems.setdefault(table.file, []).extend([*problems, *more])
        self.result.warnings += warnings
        self.result.sources.append(table.source)
        if reader.by_name:
            join = reader.options.mapping.join if reader.options.mapping is not None else None
            self.named.append((count, records, reader.columns.index.get(Column.name), join))
            return
        repeats: list[Problem] = []
        firsts = {record.person.id: record.row for record in reversed(records)}
        for ident, (row, person) in reader.bystanders.items():  # in the order of first row, with the others
            if ident not in firsts or row < firsts[ident]:
                records.append(_Record(person, None, table, row))
        for record in sorted(records, key=lambda r: r.row):
            added = _add(self.people, record, table.file, self.result.warnings, repeats)
            if record.evidence is not None:
                if added:
                    count.evidence.append(record.evidence.id)
                else:
                    count.pass_over("duplicate")
        self.result.warnings += _repeats(repeats)

    def refuse(
        self, table: Table, problems: list[Problem], header: Columns | None = None, options: RecordOptions | None = None
    ) -> None:
        """A table none of whose rows can be read (no header: unreadable), or that waits for a mapping (its
        header known): its problems, and every row refused."""
        self.result.problems.setdefault(table.file, []).extend(problems)
        if header is None:
            rows = len(table.rows)
            self.result.counts.append(RowCount(table.file, table.sheet, "records", rows, refused=rows, unreadable=True))
            return
        rows = sum(1 for number, _ in table.rows if number > header.header_row)
        count = RowCount(table.file, table.sheet, "records", rows, refused=rows, header_row=header.header_row)
        count.columns, count.problems = _read_as(header), problems
        wanted = (options or self.options).wanted
        count.refused_people = {
            text
            for number, cells in table.rows
            if number > header.header_row
            and row_kind(cells, header, wanted) is None  # a 小計 row is about nobody
            and (text := _person_of(cells, header))
        }
        self.result.counts.append(count)

    def wide_columns(self, header: Columns, options: RecordOptions) -> dict[int, str]:
        """The columns of a wide table (a row per person): those whose header names a catalogue course."""
        has_person = Column.person_id in header.index or Column.name in header.index
        if not has_person or any(c in header.index for c in (Column.course, Column.title)):
            return {}
        courses = options.catalog.courses if options.catalog is not None else []
        found = course_columns(header.headers, header.unused, [(c.code, c.title) for c in courses])
        mapped = options.mapping.courses if options.mapping is not None else {}
        if mapped:  # the mapping's courses: columns the catalogue's codes and titles do not name
            by_header = {_header_key(h): code for h, code in mapped.items() if code}
            found |= {i: code for i in header.unused if (code := by_header.get(_header_key(header.headers[i])))}
        return dict(sorted(found.items()))

    def hold(self, table: Table, header: Columns, held: list[ResultLike], options: RecordOptions) -> None:
        """A table with columns nobody mapped whose values look like results or attendance (簽到, 考核): every
        row waits for the mapping line the message gives, since reading past such a column would count its
        fails and absences as training. In a table of people with no record columns, such a column is a
        course no catalogue names."""
        key = "records.wide_unknown" if header.people_only else "records.result_column"
        problems = [
            table.problem(
                key,
                header.header_row,
                like.index,
                header=like.header,
                values=tuple(Word("records.value", {"value": v}) for v in like.values),
                line=f"{like.header}: {like.target if key == 'records.result_column' else COURSE_PLACEHOLDER}",
            )
            for like in held
        ]
        self.refuse(table, problems, header, options)

    def result_columns(self, table: Table, header: Columns, options: RecordOptions) -> list[ResultLike]:
        """The columns nobody mapped whose header or values say results or attendance; in a table of people
        with no record columns (a wide sheet whose courses no catalogue names), dates say so too."""
        out = []
        for i in header.unused:
            values = column_values(table, header.header_row, i)
            target = result_like(header.headers[i], values, options.words, dates=header.people_only)
            if target is not None:
                out.append(ResultLike(i, header.headers[i], shown_values(values), target))
        return out

    def wide(self, table: Table, header: Columns, courses: dict[int, str], options: RecordOptions) -> None:
        """A row per person and a column per course, read as the long rows it stands for, every cell counted."""
        person = [header.index[c] for c in (Column.person_id, Column.name) if c in header.index]
        wanted = options.wanted
        mapping = options.mapping
        order = DayOrder(mapping.date_order) if mapping is not None and mapping.date_order else None
        undated = mapping.undated if mapping is not None else None
        long = unpivot(
            table,
            header.header_row,
            courses,
            person,
            order=order,
            undated=undated,
            words=options.words,
            skip=lambda cells: kind.value if (kind := row_kind(cells, header, wanted)) is not None else None,
        )
        index = {c: i for c, i in header.index.items() if c in (*ROSTER, Column.organisation, Column.role)}
        synthetic = (Column.course, Column.date, Column.passed, Column.score)
        index |= {col: long.course + i for i, col in enumerate(synthetic)}
        headers = [*header.headers, *([""] * (long.course - len(header.headers))), *synthetic]
        columns = Columns(header.header_row, index, headers)
        reader = _Reader(long.table, columns, self.std, options)
        count = RowCount(table.file, table.sheet, "records", header_row=header.header_row)
        read_as: dict[int, str | None] = {i: f"course {code}" for i, code in courses.items()}
        read_as |= {i: col.value for col, i in header.index.items() if col in index}
        count.columns = [(h, read_as.get(i)) for i, h in enumerate(header.headers) if h]
        self.result.counts.append(count)
        records, problems = reader.records(count)
        for number, cells in long.people_rows:
            reader.bystander(_Row(table, number, cells, header))
        count.rows += long.cells - len(long.table.rows) + long.blank + long.skipped
        count.pass_over("no_results", long.blank)
        for why, n in long.passed_over.items():
            count.pass_over(why, n)
        for why, n in long.not_counted.items():
            count.not_counted[why] = count.not_counted.get(why, 0) + n
        count.refused += len(long.problems)
        count.refused_people |= long.refused_people
        problems = [*long.problems, *problems]
        self.gathered(table, reader, count, records, problems)

    def add_roster(self, table: Table, columns: Columns, options: RecordOptions) -> None:
        """The people of a roster table, each once, in its order; a row without id or name is a problem."""
        roster = self.roster if self.roster is not None else {}
        self.roster = roster
        wanted = options.wanted
        skipped, first = 0, None
        count = RowCount(table.file, table.sheet, "roster", header_row=columns.header_row, columns=_read_as(columns))
        self.result.counts.append(count)
        for number, cells in table.rows:
            if number <= columns.header_row:
                continue
            count.rows += 1
            if row_kind(cells, columns, wanted) is not None:
                skipped, first = skipped + 1, first or number
                continue
            row = _Row(table, number, cells, columns)
            for col in ROSTER:
                if row.text(col) is None:
                    row.fail(col, "records.empty_cell", field=Word(f"records.field.{col.value}"))
            if row.problems:
                self.result.problems.setdefault(table.file, []).extend(row.problems)
                count.refused += 1
                count.refused_people.add(row.text(Column.person_id) or row.text(Column.name) or "")
                continue
            ident = options.person_key(row.text(Column.person_id) or "")
            if join_key(ident) in roster:
                count.pass_over("duplicate")  # the same person listed again
            elif self.has_left(row):
                count.pass_over("leaver")
            else:
                count.evidence.append(ident)  # a roster row that is a person on the team
            if join_key(ident) not in roster:
                person = Person(
                    name=row.text(Column.name) or "",
                    id=ident,
                    organisation=row.text(Column.organisation),
                    role=row.text(Column.role),
                )
                roster[join_key(ident)] = (person, table.file)
                if self.has_left(row):
                    self.left[join_key(ident)] = person
        count.pass_over("summary", skipped)
        if skipped:
            counts = Word("records.skip.rows", {"n": skipped})
            self.result.warnings.append(table.problem("records.passed_over", first, n=skipped, counts=counts))

    def has_left(self, row: _Row) -> bool:
        """Whether a roster row says its person has left: 在職狀態 離職, or a 離職日 with no status saying otherwise."""
        status = row.text(Column.employment)
        if status is not None:
            return _norm(status) in _LEFT
        return row.read(Column.left_on, cell_date) is not None

    def run_problems(self) -> None:
        """What only the whole run can tell: a ``--columns`` header that no table has."""
        if self.first is None:
            return
        missing = [h for h in self.options.columns.values() if h not in self.matched]
        for header in missing:
            problem = Problem(self.first, "records.columns_header_missing", {"header": header})
            self.result.problems.setdefault(self.first, []).append(problem)

    def build(self) -> list[RecordPerson]:
        """Roster people first (with their rows, or none), then the people of the rows the roster lacks.

        People the roster says have left are set aside (listed in ``leavers``) unless ``include_leavers``.
        """
        self.join_dropped_zeros()
        self.join_names()
        out: list[tuple[str, RecordPerson]] = []
        if self.roster is not None:
            for key, (person, file) in self.roster.items():
                gathered = self.people.pop(key, None)
                if gathered is None:
                    profile = Profile(standard=self.std.code, person=person)
                    out.append((key, RecordPerson(profile, [file], roster_only=True)))
                    continue
                out.append((key, gathered.build(self.std, person, file, self.result.warnings)))
            for gathered in self.people.values():
                self.result.warnings.append(
                    gathered.warning("records.not_on_roster", id=gathered.person.id, name=gathered.person.name)
                )
        out += [(key, gathered.build(self.std, warnings=self.result.warnings)) for key, gathered in self.people.items()]
        if self.options.include_leavers:
            return [person for _, person in out]
        self.result.leavers = [person.profile.person for key, person in out if key in self.left]
        self.result.left_evidence = {ev.id for key, person in out if key in self.left for ev in person.profile.evidence}
        return [person for key, person in out if key not in self.left]

    def join_dropped_zeros(self) -> None:
        """Join an id whose leading zeros a spreadsheet dropped (1002) to the one written in full (01002).

        An id written with its prefix (E0033) is the same number too: 0033 and 33 join it. Only when
        exactly one id in full matches and the names agree: the roster's ids where there is a
        roster, else the other records' ids. Each join is one warning naming both; a name that disagrees
        is a warning too, and the two stay two people.
        """
        full = list(self.roster) if self.roster is not None else list(self.people)
        joined: list[Problem] = []
        names = {key: person.name for key, (person, _) in (self.roster or {}).items()}
        names.update({key: gathered.person.name for key, gathered in self.people.items() if key not in names})
        for key in [k for k in self.people if k.isdigit() and k not in (self.roster or {})]:
            matches = [k for k in full if k != key and _id_digits(k) == key.lstrip("0") and not _shorter(k, key)]
            if len(matches) != 1:
                continue
            gathered, into = self.people[key], matches[0]
            args = {"short": gathered.person.id, "full": into, "name": gathered.person.name, "other": names[into]}
            if join_key(names[into]) != join_key(gathered.person.name):
                self.result.warnings.append(gathered.warning("records.zeros_names_differ", **args))
                continue
            shown_id = self.roster[into][0].id if self.roster is not None else self.people[into].person.id
            joined.append(gathered.warning("records.zeros_joined", **{**args, "full": shown_id}))
            del self.people[key]
            target = self.people.get(into)
            if target is None:
                self.people[into] = gathered.renamed(shown_id or into)
            else:
                target.absorb(gathered)
        self.result.warnings += joined[:MAX_REPEAT_WARNINGS]
        if len(joined) > MAX_REPEAT_WARNINGS:  # a whole column typed as numbers: said once, not once a person
            more = len(joined) - MAX_REPEAT_WARNINGS
            self.result.warnings.append(Problem(joined[0].file, "records.zeros_joined_more", {"n": more}))

    def join_names(self) -> None:
        """Join the rows of tables without ids to the people known by id, by name (and department).

        A person is only ever made from a roster or a row with an id: a name is looked up among them
        (width, case and spaces ignored: 李&nbsp;小華 is 李小華), and where two share it, the row's
        department settles which. A name nobody known has, a name
        two people share that the department does not settle, or a department that is not the one
        person's, leaves the row refused, one problem per name and table; never merged, never split.
        """
        if not self.named:
            return
        directory = _Directory(self.roster or {}, self.people)
        for count, records, column, join in self.named:
            refused: dict[tuple[str, str], list[_Record]] = {}
            repeats: list[Problem] = []
            for record in records:
                key, why = directory.find(record.person, by_department=join != "name")
                if key is None:
                    refused.setdefault((_norm(record.person.name), why), []).append(record)
                    continue
                joined = directory.joined(record, key)
                if _add(self.people, joined, count.file, self.result.warnings, repeats, key):
                    count.evidence.append(joined.evidence.id if joined.evidence is not None else "")
                else:
                    count.pass_over("duplicate")
            self.result.warnings += _repeats(repeats)
            for (_, why), rows in refused.items():
                count.refused += len(rows)
                count.refused_people.add(rows[0].person.name)
                problem = directory.problem(rows, why, column)
                count.problems.append(problem)
                self.result.problems.setdefault(count.file, []).append(problem)


class _Directory:
    """The people known by id (the roster, then the records' people), looked up by name for tables without ids."""

    def __init__(self, roster: Mapping[str, tuple[Person, str]], people: Mapping[str, _Person]) -> None:
        self.known: dict[str, list[tuple[str, Person, set[str]]]] = {}  # name key → (join key, person, departments)
        for key, (person, _) in roster.items():
            self.add(key, person, {person.organisation} if person.organisation else set())
        for key, gathered in people.items():
            if key not in roster:
                departments = {*gathered.departments, gathered.person.organisation or ""}
                self.add(key, gathered.person, {d for d in departments if d})

    def add(self, key: str, person: Person, departments: set[str]) -> None:
        self.known.setdefault(_norm(person.name), []).append((key, person, {_norm(d) for d in departments}))

    def candidates(self, person: Person) -> list[tuple[str, Person, set[str]]]:
        return self.known.get(_norm(person.name), [])

    def find(self, person: Person, *, by_department: bool) -> tuple[str | None, str]:
        """The join key of the one person the row names, or None and why (unknown, ambiguous, department)."""
        found = self.candidates(person)
        department = _norm(person.organisation) if person.organisation else None
        if department is not None and (by_department or len(found) > 1):
            same = [c for c in found if department in c[2]]
            if len(found) == 1 and not same and found[0][2] and by_department:
                return None, "department"  # the one 王小明 known works elsewhere: maybe another 王小明
            found = same if len(found) > 1 else found
        if len(found) == 1:
            return found[0][0], ""
        return None, "ambiguous" if found else "unknown"

    def joined(self, record: _Record, key: str) -> _Record:
        """The row under the person's id: its evidence id is that of the same row with the id written in."""
        person = next(p for k, p, _ in self.candidates(record.person) if k == key)
        who = Person(
            name=record.person.name, id=person.id, organisation=record.person.organisation, role=record.person.role
        )
        evidence = record.evidence
        if evidence is not None:
            ident = record_id(person.id or "", evidence.course or evidence.title, evidence.date)
            evidence = evidence.model_copy(update={"id": ident})
        return replace(record, person=who, evidence=evidence)

    def problem(self, rows: list[_Record], why: str, column: int | None) -> Problem:
        """One problem for a name's refused rows of one table, at the first, naming whom it could have been."""
        first = rows[0]
        found = self.candidates(first.person)
        people = tuple(
            Word("records.person_in", {"name": p.name, "id": p.id or "", "department": p.organisation or "—"})
            for _, p, _ in found
        )
        args = {"name": first.person.name, "department": first.person.organisation or "—", "n": len(rows)}
        return first.table.problem(f"records.name_{why}", first.row, column, people=people, **args)


def _filled_from(cells: list[Any], above: dict[int, Any], columns: list[int]) -> list[Any]:
    """A row with the empty cells of ``columns`` given the value above them; ``above`` keeps the last of each."""
    out = cells
    for i in columns:
        value = cells[i] if i < len(cells) else None
        if _text(value) is not None:
            above[i] = value
        elif i in above:
            out = out if out is not cells else [*cells, *([None] * (max(columns) + 1 - len(cells)))]
            out[i] = above[i]
    return out


def _person_of(cells: list[Any], header: Columns) -> str | None:
    """Who a row is about, as shown: its id, else its name."""
    for col in (Column.person_id, Column.name):
        i = header.index.get(col)
        if i is not None and i < len(cells) and (text := _text(cells[i])):
            return text
    return None


_PREFIXED = re.compile(r"[a-z]{0,3}(\d+)")


def _id_digits(key: str) -> str | None:
    """The number of a joined id (``e0033`` → ``33``): a short letter prefix and leading zeros left out."""
    found = _PREFIXED.fullmatch(key)
    return found.group(1).lstrip("0") if found else None


def _shorter(full: str, key: str) -> bool:
    """Whether ``full`` is all digits and no longer than ``key``: then it is no fuller form of it."""
    return full.isdigit() and len(full) <= len(key)


@dataclass
class _Person:
    """One person's records as they are gathered, from every file."""

    person: Person
    evidence: dict[str, _Record] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    other_names: set[str] = field(default_factory=set)  # names warned about already
    departments: dict[str, dt.date] = field(default_factory=dict)  # each department the rows give → its latest row

    def renamed(self, ident: str) -> _Person:
        """The same records under the id written in full (01002 for 1002)."""
        return replace(self, person=self.person.model_copy(update={"id": ident}))

    def absorb(self, other: _Person) -> None:
        """Take in the records of the same person read under another id."""
        for key, record in other.evidence.items():
            self.evidence.setdefault(key, record)
        self.files += [file for file in other.files if file not in self.files]
        for department, day in other.departments.items():
            self.departments[department] = max(day, self.departments.get(department, day))

    def department(self, listed: str | None, warnings: list[Problem] | None) -> str | None:
        """The roster's department, else the latest row's; a person whose rows name two is noted once."""
        latest = max(self.departments, key=lambda d: self.departments[d]) if self.departments else None
        chosen = listed or latest or self.person.organisation
        if len(self.departments) > 1 and warnings is not None:
            others = tuple(Word("records.department", {"department": d}) for d in self.departments if d != chosen)
            warnings.append(
                self.warning(
                    "records.two_departments",
                    name=self.person.name,
                    id=self.person.id,
                    department=chosen or "",
                    others=others,
                )
            )
        return chosen

    def warning(self, key: str, **args: Any) -> Problem:
        """A warning about this person, at their first row (or their first file, when no row became evidence)."""
        first = next(iter(self.evidence.values()), None)
        return first.warning(key, **args) if first is not None else Problem(self.files[0], key, args)

    def build(
        self,
        std: Standard,
        listed: Person | None = None,
        roster: str | None = None,
        warnings: list[Problem] | None = None,
    ) -> RecordPerson:
        """The profile; a roster entry (``listed``) gives the name, department and role where it has them."""
        person, files = self.person, list(self.files)
        organisation = self.department(listed.organisation if listed is not None else None, warnings)
        if listed is not None:
            if listed.name != person.name and warnings is not None:
                warnings.append(self.warning("records.name_differs", id=person.id, name=person.name, first=listed.name))
            person = Person(
                name=listed.name, id=listed.id or person.id, organisation=organisation, role=listed.role or person.role
            )
            files = [roster, *files] if roster and roster not in files else files
        elif organisation != person.organisation:
            person = person.model_copy(update={"organisation": organisation})
        evidence = [record.evidence for record in self.evidence.values() if record.evidence is not None]
        return RecordPerson(Profile(standard=std.code, person=person, evidence=evidence), files)


#: Row problems of one cause shown one by one; more of the same cause (a whole column of one date form)
#: are summed up in one problem with the first rows.
MAX_SAME_CAUSE = 3
#: How many row numbers a summed-up problem names.
SUMMED_ROWS = 10


def summed(problems: list[Problem]) -> list[Problem]:
    """Problems of one cause (key and column) past :data:`MAX_SAME_CAUSE` summed up in one, at the first.

    ``57 列：「2026-02-10 00:00:00」不是日期…（第 5、6、9 … 列）``: one line for a column an export wrote
    in one wrong way, never one line per row; each row stays refused and counted.
    """
    causes: dict[tuple[str, int | None], list[Problem]] = {}
    for problem in problems:
        causes.setdefault((problem.key, problem.column), []).append(problem)
    out: list[Problem] = []
    for group in causes.values():
        if len(group) <= MAX_SAME_CAUSE:
            out += group
            continue
        first = group[0]
        rows = tuple(Word("records.row_number", {"n": p.line}) for p in group[:SUMMED_ROWS])
        more = len(group) > SUMMED_ROWS
        args = {"n": len(group), "first": Word(first.key, first.args), "rows": rows, "more": "…" if more else ""}
        out.append(Problem(first.file, "records.rows_summed", args, first.line, first.column, first.sheet))
    return sorted(out, key=lambda p: (p.line or 0, p.column or 0))


#: Repeated rows warned about one by one; more (a file given twice, an export that overlaps another) are summed up.
MAX_REPEAT_WARNINGS = 3


def _repeats(repeats: list[Problem]) -> list[Problem]:
    if len(repeats) <= MAX_REPEAT_WARNINGS:
        return repeats
    first = repeats[0]
    args = {"n": len(repeats), "first": first.args["first"]}
    return [Problem(first.file, "records.duplicate_rows", args, first.line, None, first.sheet)]


def _add(
    people: dict[str, _Person],
    record: _Record,
    file: str,
    warnings: list[Problem],
    repeats: list[Problem],
    key: str | None = None,
) -> bool:
    """Gather ``record`` under its person; False when it repeats a record already gathered (counted once)."""
    ident = key if key is not None else join_key(record.person.id or "")
    person = people.setdefault(ident, _Person(record.person))
    if file not in person.files:
        person.files.append(file)
    name = record.person.name
    if name != person.person.name and name not in person.other_names:
        person.other_names.add(name)
        warnings.append(
            record.warning("records.name_differs", id=person.person.id, name=name, first=person.person.name)
        )
    if person.person.organisation is None and record.person.organisation is not None:
        person.person = person.person.model_copy(update={"organisation": record.person.organisation})
    if record.evidence is None:  # a person whose rows were passed over: on the team, with no evidence from them
        return True
    department = record.person.organisation
    if department is not None and record.evidence.date >= person.departments.get(department, dt.date.min):
        person.departments[department] = record.evidence.date
    first = person.evidence.get(record.evidence.id)
    if first is not None:
        repeats.append(record.warning("records.duplicate_row", first=first.warning("records.duplicate_row").location()))
        return False
    person.evidence[record.evidence.id] = record
    return True
