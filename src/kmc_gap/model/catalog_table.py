"""A course catalogue kept as a spreadsheet (``--catalog courses.xlsx`` or ``.csv``), read as a :class:`Catalog`.

Training officers keep their course list in Excel, not YAML: one row per course, with Chinese or
English headers (課程代號, 課程名稱, 辦理單位, 時數, 職能級別, 職能內涵, 開班費, 每人費用, 及格分數 …).
The same files, encodings and title rows as record files are read (:mod:`kmc_gap.model.records`),
and every problem is located at its cell. A row with no 職能內涵 is a course outside the standard:
its record rows are evidence of nothing (a skeleton from ``catalog init`` reads so until filled in).
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kmc_gap.model.limits import MAX_AMOUNT
from kmc_gap.model.loading import unknown_code
from kmc_gap.model.lookup import codes_of
from kmc_gap.model.models import Catalog, Course, Standard
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.records import HEADER_SEARCH_ROWS, RecordOptions, read_tables
from kmc_gap.model.tables.cells import (
    CellError,
    Mark,
    cell_codes,
    cell_hours,
    cell_level,
    outcome_of,
)
from kmc_gap.model.tables.cells import norm as _norm
from kmc_gap.model.tables.cells import number_in as _number
from kmc_gap.model.tables.table import Table
from kmc_gap.model.tables.table import cell_text as _text
from kmc_gap.model.vocabulary import CATALOG_HEADERS, CERTIFICATE_MARKS, COURSE_WORDS, EXAM_MARKS, MONEY_MARKS


class Field(StrEnum):
    """The columns of a catalogue sheet: the fields of a course."""

    code = "code"
    title = "title"  # type: ignore[assignment]  # shadows str.title, which no one calls on a Field
    kind = "kind"
    provider = "provider"
    hours = "hours"
    level = "level"
    covers = "covers"
    cost = "cost"
    seat_cost = "seat_cost"
    pass_mark = "pass_mark"
    unrelated = "unrelated"
    note = "note"


_ALIASES = {_norm(alias): Field(f) for f, aliases in CATALOG_HEADERS.items() for alias in (f, *aliases)}
_MONEY = tuple(_norm(mark) for mark in MONEY_MARKS)


def cell_money(value: Any) -> float:
    """An amount: a number cell, or ``12000``, ``12,000``, ``NT$12,000``, ``12000元``."""
    text = _norm(_text(value) or "").replace(",", "")
    for mark in _MONEY:
        text = text.removeprefix(mark).removesuffix(mark)
    number = _number(value if isinstance(value, int | float) else text, ())
    if number is None or number > MAX_AMOUNT:
        raise CellError("catalog.bad_money", value=_text(value) or "")
    return number


def cell_flag(value: Any) -> bool:
    """A yes/no cell (是, Y, ✓, true / 否, N, false)."""
    outcome = outcome_of(value)
    if outcome in (Mark.passed, Mark.failed):
        return outcome is Mark.passed
    raise CellError("catalog.bad_flag", value=_text(value) or "")


def cell_course_kind(value: Any) -> str:
    """A course (課程, 訓練, course) or a certificate's exam (證照, 證書, certificate, license)."""
    key = _norm(_text(value) or "")
    if any(mark in key for mark in _CERTIFICATE_MARKS):
        return "certificate"
    if key in _COURSE_WORDS:
        return "course"
    raise CellError("catalog.bad_kind", value=_text(value) or "")


_CERTIFICATE_MARKS = tuple(_norm(mark) for mark in (*CERTIFICATE_MARKS, *EXAM_MARKS))
_COURSE_WORDS = frozenset(_norm(word) for word in COURSE_WORDS)

_PARSE = {
    Field.kind: cell_course_kind,
    Field.hours: cell_hours,
    Field.level: cell_level,
    Field.covers: cell_codes,
    Field.cost: cell_money,
    Field.seat_cost: cell_money,
    Field.pass_mark: cell_money,
    Field.unrelated: cell_flag,
}


def load_catalog_table(path: Path, std: Standard, max_bytes: int) -> Catalog:
    """The courses of a catalogue sheet; ``InputError`` with every problem, each at its cell."""
    table = read_tables(path, RecordOptions(max_bytes=max_bytes)).tables[0]
    header, index = _header(table)
    if Field.code not in index or Field.title not in index:
        raise InputError([table.problem("catalog.no_header", header)])
    known = codes_of(std)
    courses: list[Course] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, cells in table.rows:
        if number <= header:
            continue
        values, found = _row(table, number, cells, index)
        code = values.get(Field.code)
        if code is None or values.get(Field.title) is None:
            continue  # a note, a subtotal or a section heading: a course has a code and a title
        if _norm(code) in seen:
            found.append(table.problem("catalog.duplicate_code", number, index[Field.code], code=code))
        seen.add(_norm(code))
        for item in values.get(Field.covers) or []:
            if item not in known:
                key, args = unknown_code(item, std)
                found.append(table.problem(key, number, index[Field.covers], **args))
        covers, level = values.get(Field.covers) or [], values.get(Field.level)
        if covers and level is None and not values.get(Field.unrelated):
            found.append(table.problem("catalog.no_level", number, index.get(Field.level), code=code))
        problems += found
        if not found:
            try:
                courses.append(Course.model_validate({f.value: v for f, v in values.items() if v is not None}))
            except ValidationError:  # each cell was checked above: this is a bound the cells did not know
                problems.append(table.problem("catalog.bad_row", number, code=code))
    if not courses and not problems:
        problems.append(table.problem("records.empty", header))
    if problems:
        raise InputError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))  # as the sheet reads
    return Catalog(title=Path(table.file).name, courses=courses)  # the plan names the catalogue it used


def _header(table: Table) -> tuple[int, dict[Field, int]]:
    """The header row (the one with the most known headers among the first few) and each field's column."""
    best: tuple[int, dict[Field, int]] = (table.rows[0][0] if table.rows else 1, {})
    for number, cells in table.rows[:HEADER_SEARCH_ROWS]:
        index: dict[Field, int] = {}
        for i, cell in enumerate(cells):
            field = _ALIASES.get(_norm(_text(cell) or ""))
            if field is not None and field not in index:
                index[field] = i
        if len(index) > len(best[1]):
            best = (number, index)
    return best


def _row(
    table: Table, number: int, cells: list[Any], index: dict[Field, int]
) -> tuple[dict[Field, Any], list[Problem]]:
    """One course row's values, parsed, and the problems of its cells."""
    values: dict[Field, Any] = {}
    problems: list[Problem] = []
    for field, i in index.items():
        raw = cells[i] if i < len(cells) else None
        text = _text(raw)
        if text is None:
            continue
        parse = _PARSE.get(field)
        if parse is None:
            values[field] = unicodedata.normalize("NFKC", text) if field is Field.code else text
            continue
        try:
            values[field] = parse(raw)
        except CellError as exc:
            problems.append(table.problem(exc.key, number, i, **exc.args_))
    return values, problems
