"""The courses the records name, for a catalogue skeleton (``kmc-gap catalog init``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.records.columns import ROSTER, Column, Columns, _missing, find_columns
from kmc_gap.model.records.files import read_tables
from kmc_gap.model.records.options import RecordOptions
from kmc_gap.model.records.rows import _Row, row_kind
from kmc_gap.model.tables.cells import (
    cell_hours,
)
from kmc_gap.model.tables.cells import (
    norm as _norm,
)
from kmc_gap.model.tables.table import Table


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
