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

import csv
import datetime as dt
import difflib
import hashlib
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from kmc_gap.model.loading import unknown_code
from kmc_gap.model.lookup import codes_of
from kmc_gap.model.models import Catalog, Course, Evidence, EvidenceKind, Person, Profile, Standard, hr_date
from kmc_gap.model.paths import SHEET_SUFFIXES, shown
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES, decode, read_bytes
from kmc_gap.words import Word
from kmc_gap.words.catalogue import KIND_ALIASES, RECORD_HEADERS

#: How many rows above the header a file may hold (a title such as 「113年度訓練紀錄」, an export date).
HEADER_SEARCH_ROWS = 10
#: The prefix of the ids of evidence made from records; ``import`` replaces these and keeps the rest.
RECORD_ID_PREFIX = "rec-"


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
    reference = "reference"


REQUIRED = (Column.person_id, Column.name, Column.date)


@dataclass(frozen=True)
class RecordOptions:
    """How to read record files: the course catalogue, the sheet, headers mapped by hand."""

    catalog: Catalog | None = None
    sheet: str | None = None
    columns: Mapping[Column, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class RecordPerson:
    """One person's profile built from records, and the files their rows came from."""

    profile: Profile
    files: list[str]

    @property
    def file(self) -> str:
        """The files as one name, for reports: ``a.csv, b.xlsx``."""
        return ", ".join(self.files)


@dataclass
class RecordSet:
    """Everyone found in some record files, the problems of each file, and the warnings."""

    people: list[RecordPerson] = field(default_factory=list)
    problems: dict[str, list[Problem]] = field(default_factory=dict)  # by file, in file order
    warnings: list[Problem] = field(default_factory=list)


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

    @property
    def changed(self) -> bool:
        """Whether the file is (or would be) written."""
        return self.created or bool(self.added or self.updated or self.removed)


# --------------------------------------------------------------------------- reading tables


@dataclass(frozen=True)
class Table:
    """The non-empty rows of one sheet or CSV file, each with its 1-based row (or line) number."""

    file: str
    sheet: str | None
    rows: list[tuple[int, list[Any]]]
    first_column: int = 1  # the column of each row's first cell

    def problem(self, key: str, row: int | None = None, index: int | None = None, **args: Any) -> Problem:
        """A problem at the cell ``index`` (0-based in the row's cells) of ``row``."""
        column = None if index is None else index + self.first_column
        return Problem(self.file, key, args, row, column, self.sheet)


def read_table(path: Path, options: RecordOptions) -> Table:
    """The rows of a CSV file or of one sheet of a workbook; ``InputError`` when it cannot be read."""
    name = shown(path)
    raw = read_bytes(path, name, options.max_bytes)
    if path.suffix.lower() in SHEET_SUFFIXES:
        return _read_sheet(raw, name, options.sheet)
    return _read_csv(raw, name)


def _read_csv(raw: bytes, name: str) -> Table:
    """A CSV file in UTF-8 (with or without a BOM), UTF-16 with a BOM, or Big5 (cp950), as Excel saves it."""
    if raw.startswith(b"PK\x03\x04"):  # a zip: a workbook saved or renamed as .csv
        raise InputError([Problem(name, "records.workbook_as_csv")])
    try:
        text = decode(raw, name)
    except InputError as exc:
        if exc.problems[0].key == "file.binary":
            raise InputError([Problem(name, "records.binary")]) from None
        try:
            text = raw.decode("cp950")
        except UnicodeDecodeError:
            raise InputError([Problem(name, "records.encoding")]) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[Any]]] = []
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((line, list(cells)))
            line = reader.line_num + 1
    except csv.Error:
        raise InputError([Problem(name, "records.csv_broken", {}, line)]) from None
    return Table(name, None, rows)


def _read_sheet(raw: bytes, name: str, sheet: str | None) -> Table:
    """One sheet of a workbook, read by python-calamine (Rust): cells keep their types, dates are dates."""
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except Exception:  # calamine raises its own error types for every kind of damaged file
        raise InputError([Problem(name, "records.not_workbook")]) from None
    names = list(book.sheet_names)
    chosen = _sheet_name(sheet, names) if sheet is not None else (names[0] if names else None)
    if chosen is None:
        raise InputError([Problem(name, "records.no_sheet", {"sheet": sheet or "", "sheets": ", ".join(names)})])
    try:
        data = book.get_sheet_by_name(chosen)
        cells = data.to_python()
    except Exception:
        raise InputError([Problem(name, "records.not_workbook")]) from None
    top, left = (data.start if cells else None) or (0, 0)
    rows = [(top + i + 1, row) for i, row in enumerate(cells) if any(_text(cell) for cell in row)]
    return Table(name, chosen, rows, left + 1)


def _sheet_name(wanted: str, names: list[str]) -> str | None:
    """The sheet ``--sheet`` names, its case and width forgiven (``sheet1`` finds ``Sheet1``)."""
    if wanted in names:
        return wanted
    key = _norm(wanted)
    return next((found for found in names if _norm(found) == key), None)


# --------------------------------------------------------------------------- columns


def _norm(text: str) -> str:
    """A header as compared: full-width forms folded, case and spaces and ``*`` ignored."""
    return re.sub(r"[\s*]+", "", unicodedata.normalize("NFKC", text)).casefold()


_ALIASES = {_norm(alias): Column(col) for col, aliases in RECORD_HEADERS.items() for alias in (col, *aliases)}


@dataclass
class Columns:
    """The header row, and which cell of a row holds each field."""

    header_row: int
    index: dict[Column, int]


def find_columns(table: Table, overrides: Mapping[Column, str]) -> tuple[Columns | None, list[Problem], list[Problem]]:
    """The header row and its columns (None when the file cannot be read by them), its problems and warnings.

    The header is the first row, among the first few, where at least two headers are known; a
    title row above it is passed over. A missing required column is a problem of the whole file.
    """
    if not table.rows:
        return None, [table.problem("records.empty")], []
    wanted = {_norm(header): col for col, header in overrides.items()}
    start = 0
    for i, (_, cells) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        if sum(_column_of(_text(c) or "", wanted) is not None for c in cells) >= 2:
            start = i
            break
    row, cells = table.rows[start]
    headers = [_text(c) or "" for c in cells]
    index: dict[Column, int] = {}
    unused: list[int] = []
    for i, header in enumerate(headers):
        col = _column_of(header, wanted)
        if col is None or col in index:
            if header:
                unused.append(i)
        else:
            index[col] = i
    problems = [
        table.problem("records.columns_header_missing", row, header=header)
        for header in overrides.values()
        if _norm(header) not in {_norm(h) for h in headers}
    ]
    warnings = [_unused(table, row, headers[i], i) for i in unused]
    missing = [col for col in REQUIRED if col not in index]
    problems += [_missing(table, row, col) for col in missing]
    if table.rows[-1][0] <= row:  # headers, and no row under them
        problems.append(table.problem("records.empty", row))
    return (None if problems else Columns(row, index)), problems, warnings


def _column_of(header: str, wanted: Mapping[str, Column]) -> Column | None:
    key = _norm(header)
    return wanted.get(key) or _ALIASES.get(key)


def _unused(table: Table, row: int, header: str, i: int) -> Problem:
    """A header that names no field: typed with a full-width comma between two headers, or close to one."""
    parts = [part for part in re.split("[\uff0c\u3001]", header) if part.strip()]
    if len(parts) > 1 and all(_norm(part) in _ALIASES for part in parts):
        return table.problem("records.wide_comma", row, i, header=header)
    close = difflib.get_close_matches(_norm(header), list(_ALIASES), n=1, cutoff=0.6)
    if close:
        return table.problem("records.unused_column_hint", row, i, header=header, suggestion=close[0])
    return table.problem("records.unused_column", row, i, header=header)


def _missing(table: Table, row: int, col: Column) -> Problem:
    """A required column that no header names, with the headers that would."""
    accepted = ", ".join([*RECORD_HEADERS[col.value], col.value])
    return table.problem("records.missing_column", row, field=Word(f"records.field.{col.value}"), headers=accepted)


# --------------------------------------------------------------------------- cells


def _text(value: Any) -> str | None:
    """A cell as text, or None when it is empty: ``1024.0`` (a number cell) reads ``1024``."""
    if type(value) is str:  # most cells: the fast way first
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None


class CellError(Exception):
    """A cell that cannot be used: the catalogue key and arguments of its problem."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def cell_date(value: Any) -> dt.date:
    """A date as HR files hold it: a date cell, ISO, ``2025/3/1``, ``20250301`` or ROC (民國) ``114/03/01``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value) or ""
    plain = unicodedata.normalize("NFKC", text).strip()
    try:
        return dt.date.fromisoformat(plain)
    except ValueError:
        pass
    iso = hr_date(plain)
    if iso is None:
        raise CellError("records.bad_date", value=text)
    return dt.date.fromisoformat(iso)


def cell_level(value: Any) -> int:
    """A 職能級別: ``4``, ``4.0``, ``４``, ``4級``, ``第4級``, ``L4``."""
    text = _text(value) or ""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", text))
    if len(digits) != 1 or not 1 <= int(digits) <= 6:
        raise CellError("records.bad_level", value=text)
    return int(digits)


def cell_codes(value: Any) -> list[str]:
    """職能內涵 codes, separated by commas (either width), 、, semicolons or spaces: ``K01、S02 P1.1.1``."""
    text = unicodedata.normalize("NFKC", _text(value) or "")
    return list(dict.fromkeys(code.upper() for code in re.split(r"[\s,、;/]+", text) if code))


def cell_hours(value: Any) -> float:
    """Training hours: a number of zero or more."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", _text(value) or "")
        try:
            number = float(text)
        except ValueError:
            raise CellError("records.bad_hours", value=text) from None
    if not number >= 0 or number == float("inf"):
        raise CellError("records.bad_hours", value=_text(value) or "")
    return number


_KINDS = {**{k.value: k.value for k in EvidenceKind}, **KIND_ALIASES}


def cell_kind(value: Any) -> str:
    """An evidence kind, in English (``certificate``) or as HR writes it (證照)."""
    text = _text(value) or ""
    key = unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "_").replace("-", "_")
    if key in _KINDS:
        return _KINDS[key]
    close = difflib.get_close_matches(key, list(_KINDS), n=1, cutoff=0.6)
    choices = ", ".join(_KINDS)
    if close:
        raise CellError("records.bad_kind_hint", value=text, choices=choices, suggestion=close[0])
    raise CellError("records.bad_kind", value=text, choices=choices)


def record_id(person_id: str, what: str, date: dt.date) -> str:
    """The id of a record's evidence: the same person, course (or title) and date always give the same id."""
    key = f"{person_id}\x00{what}\x00{date.isoformat()}".encode()
    return RECORD_ID_PREFIX + hashlib.sha256(key).hexdigest()[:10]


# --------------------------------------------------------------------------- rows


class _Row:
    """One data row being read: its cells by field (each read once), and the problems found in it."""

    def __init__(self, table: Table, number: int, cells: list[Any], columns: Columns) -> None:
        self.table = table
        self.number = number
        self.columns = columns
        self.raws = {col: cells[i] for col, i in columns.index.items() if i < len(cells)}
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
    """A row that became evidence, with who it belongs to."""

    person: Person
    evidence: Evidence
    table: Table
    row: int  # where the row is, for warnings that point at it

    def warning(self, key: str, **args: Any) -> Problem:
        """A warning about this row as a whole."""
        return self.table.problem(key, self.row, **args)


class _Reader:
    """Turns the rows of one table into records, with each bad row's problems."""

    def __init__(self, table: Table, columns: Columns, std: Standard, options: RecordOptions) -> None:
        self.table = table
        self.columns = columns
        self.std = std
        self.known = codes_of(std)
        self.catalog = options.catalog
        self.courses = {_norm(c.code): c for c in options.catalog.courses} if options.catalog else {}
        self.people: dict[tuple[str, str, str | None, str | None], Person] = {}  # one model per person, not per row

    def records(self) -> tuple[list[_Record], list[Problem]]:
        records: list[_Record] = []
        problems: list[Problem] = []
        for number, cells in self.table.rows:
            if number <= self.columns.header_row:
                continue
            row = _Row(self.table, number, cells, self.columns)
            record = self.record(row)
            problems += row.problems
            if record is not None and not row.problems:
                records.append(record)
        return records, problems

    def record(self, row: _Row) -> _Record | None:
        for col in REQUIRED:
            if row.text(col) is None:
                row.fail(col, "records.empty_cell", field=Word(f"records.field.{col.value}"))
        date = row.read(Column.date, cell_date)
        expires = row.read(Column.expires, cell_date)
        kind = row.read(Column.kind, cell_kind) or EvidenceKind.training.value
        hours = row.read(Column.hours, cell_hours)
        level = row.read(Column.level, cell_level)
        covers = row.read(Column.covers, cell_codes)
        course = self.course(row)
        if course is not None:
            level = level if row.text(Column.level) is not None else course.level
            covers = covers if row.text(Column.covers) is not None else list(course.covers)
            hours = hours if row.text(Column.hours) is not None else (course.hours or None)
        self.check_competency(row, covers)
        title = row.text(Column.title) or (course.title if course else None) or row.text(Column.course)
        if title is None:
            row.fail(Column.title, "records.no_title")
        # an id is a code: one typed in full width (Ｅ001) is the same person as E001
        person_id = unicodedata.normalize("NFKC", row.text(Column.person_id) or "") or None
        name = row.text(Column.name)
        if row.problems or None in (date, level, covers, title, person_id, name):
            return None
        assert date is not None and person_id is not None and name is not None and title is not None
        if expires is not None and date > expires:
            row.fail(Column.expires, "profile.date_after_expiry", date=date, expires=expires)
            return None
        what = row.text(Column.course) or title
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
            verified_by=row.text(Column.verified_by),
            hours=None if hours is None else float(hours),
            reference=row.text(Column.reference),
            note=None,
        )
        who = (name, person_id, row.text(Column.organisation), row.text(Column.role))
        person = self.people.get(who)
        if person is None:
            person = self.people[who] = Person(name=name, id=person_id, organisation=who[2], role=who[3])
        return _Record(person, evidence, self.table, row.number)

    def course(self, row: _Row) -> Course | None:
        """The catalogue's course the row names, when its own cells do not give level and codes."""
        code = row.text(Column.course)
        if code is None:
            return None
        found = self.courses.get(_norm(code))
        needed = row.text(Column.level) is None or row.text(Column.covers) is None
        if found is None and needed:
            if self.catalog is None:
                row.fail(Column.course, "records.need_catalog", code=code)
            else:
                close = difflib.get_close_matches(_norm(code), list(self.courses), n=1, cutoff=0.6)
                hint = self.courses[close[0]].code if close else None
                row.fail(
                    Column.course,
                    "records.unknown_course_hint" if hint else "records.unknown_course",
                    code=code,
                    suggestion=hint,
                )
        return found

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


# --------------------------------------------------------------------------- people


def load_records(paths: Sequence[Path], std: Standard, options: RecordOptions) -> RecordSet:
    """Everyone in the record files, one profile per person id across all files, in order of first row.

    A person's rows may come from several files (a training export and a certificates table).
    The same row twice (same person, course or title, and date) counts once, with a warning.
    """
    result = RecordSet()
    people: dict[str, _Person] = {}
    for path in paths:
        name = shown(path)
        try:
            table = read_table(path, options)
        except InputError as exc:
            result.problems[name] = exc.problems
            continue
        columns, problems, warnings = find_columns(table, options.columns)
        result.warnings += warnings
        if columns is None:
            result.problems[name] = problems
            continue
        records, problems = _Reader(table, columns, std, options).records()
        if problems:
            result.problems[name] = problems
        repeats: list[Problem] = []
        for record in records:
            _add(people, record, name, result.warnings, repeats)
        result.warnings += _repeats(repeats)
    result.people = [person.build(std) for person in people.values()]
    return result


@dataclass
class _Person:
    """One person's records as they are gathered, from every file."""

    person: Person
    evidence: dict[str, _Record] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    other_names: set[str] = field(default_factory=set)  # names warned about already

    def build(self, std: Standard) -> RecordPerson:
        evidence = [record.evidence for record in self.evidence.values()]
        return RecordPerson(Profile(standard=std.code, person=self.person, evidence=evidence), self.files)


#: Repeated rows warned about one by one; more (a file given twice, an export that overlaps another) are summed up.
MAX_REPEAT_WARNINGS = 3


def _repeats(repeats: list[Problem]) -> list[Problem]:
    if len(repeats) <= MAX_REPEAT_WARNINGS:
        return repeats
    first = repeats[0]
    args = {"n": len(repeats), "first": first.args["first"]}
    return [Problem(first.file, "records.duplicate_rows", args, first.line, None, first.sheet)]


def _add(
    people: dict[str, _Person], record: _Record, file: str, warnings: list[Problem], repeats: list[Problem]
) -> None:
    ident = record.person.id or ""
    person = people.setdefault(ident, _Person(record.person))
    if file not in person.files:
        person.files.append(file)
    name = record.person.name
    if name != person.person.name and name not in person.other_names:
        person.other_names.add(name)
        warnings.append(record.warning("records.name_differs", id=ident, name=name, first=person.person.name))
    if person.person.organisation is None and record.person.organisation is not None:
        person.person = person.person.model_copy(update={"organisation": record.person.organisation})
    first = person.evidence.get(record.evidence.id)
    if first is not None:
        repeats.append(record.warning("records.duplicate_row", first=first.warning("records.duplicate_row").location()))
        return
    person.evidence[record.evidence.id] = record
