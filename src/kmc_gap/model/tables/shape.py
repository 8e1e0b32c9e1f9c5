"""The shapes people give a table, brought to one: a row per person and course.

- **Long**: a row per person × course, as most systems export — read as it is.
- **Blocks**: a person's rows grouped under one person cell, merged down or left blank below the first
  row — the person is filled down (:func:`fill_down`) until a subtotal or a heading ends the block.
- **Wide**: a row per person, a column per course (a 訓練護照 or a team matrix), recognised when column
  headers name catalogue courses — each filled cell becomes one long row (:func:`unpivot`): a date is a
  course completed that day; ✓ ○ 通過 a pass, × 不合格 缺 請假 a fail or an absence; a score a score.

A column no reading knows, whose values look like results or attendance (:func:`result_like`), is
never merely "unused": the caller refuses the table until a mapping says what the column is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from kmc_gap.model.hrdates import DayOrder
from kmc_gap.model.problems import Problem
from kmc_gap.model.tables.cells import CellError, Mark, cell_date, is_date, norm, number_in, outcome_of
from kmc_gap.model.tables.table import Table, cell_text
from kmc_gap.model.vocabulary import ATTENDANCE_HEADER_WORDS, RESULT_HEADER_WORDS, SCORE_UNITS

#: How many cells under a header are looked at to tell what its column holds.
SAMPLE_ROWS = 500
#: How many of a column's values a message names.
SHOWN_VALUES = 4

Target = Literal["attendance", "passed", "score"]


# --------------------------------------------------------------------------- columns that look like results


@dataclass(frozen=True)
class ResultLike:
    """An unknown column whose values look like results or attendance, and the field they most likely are."""

    index: int
    header: str
    values: tuple[str, ...]
    target: Target


_ATTENDANCE = (Mark.present, Mark.absent)
_SCORE_TEXT = re.compile(r"^\d{1,3}(?:\.\d+)?\s*(?:%|％|" + "|".join(map(re.escape, SCORE_UNITS)) + ")$")


def column_values(table: Table, header_row: int, index: int) -> list[Any]:
    """The non-empty cells of a column under its header (the first :data:`SAMPLE_ROWS` rows)."""
    out = []
    for number, cells in table.rows[: SAMPLE_ROWS + 20]:
        if number > header_row and index < len(cells) and cell_text(cells[index]) is not None:
            out.append(cells[index])
    return out[:SAMPLE_ROWS]


def result_like(
    header: str, values: Sequence[Any], words: Mapping[str, Mark] | None = None, *, dates: bool = False
) -> Target | None:
    """What an unknown column holds when it looks like results: its header says so (簽到, 考核), or most of its
    values are outcome words (通過, 缺課, ○, ×) or scores with their mark (85分, 85%) — or, with ``dates`` (a
    table of people and no record columns: a wide sheet), dates, each a course completed; None otherwise."""
    if not values:
        return None
    outcomes = [outcome_of(value, words) for value in values]
    marked = sum(outcome is not None for outcome in outcomes)
    if dates:
        marked += sum(outcome is None and is_date(value) for outcome, value in zip(outcomes, values, strict=True))
    scores = sum(bool(_SCORE_TEXT.match(norm(cell_text(value) or ""))) for value in values)
    key = norm(header)
    named = any(norm(word) in key for word in RESULT_HEADER_WORDS)
    if not (named or (marked + scores) * 2 > len(values)):
        return None
    numbers = sum(number_in(value, ()) is not None for value in values)
    if scores * 2 > len(values) or (numbers * 2 > len(values) and marked * 2 <= len(values)):
        return "score"
    attendance = sum(outcome in _ATTENDANCE for outcome in outcomes)
    if any(norm(word) in key for word in ATTENDANCE_HEADER_WORDS) or (marked and attendance * 2 >= marked):
        return "attendance"
    return "passed"


def shown_values(values: Iterable[Any]) -> tuple[str, ...]:
    """A few of a column's distinct values, for a message."""
    return tuple(dict.fromkeys(text for value in values if (text := cell_text(value)) is not None))[:SHOWN_VALUES]


# --------------------------------------------------------------------------- blocks


def fill_down(cells: list[Any], carried: list[Any] | None, person: Sequence[int], record: Sequence[int]) -> list[Any]:
    """The row with the person of the block above where its person cells are all empty and it holds a record."""
    if carried is None or any(i < len(cells) and cell_text(cells[i]) is not None for i in person):
        return cells
    if not any(i < len(cells) and cell_text(cells[i]) is not None for i in record):
        return cells
    out = list(cells) + [None] * (max(person, default=0) + 1 - len(cells))
    for i, value in zip(person, carried, strict=True):
        out[i] = value
    return out


# --------------------------------------------------------------------------- wide


def course_columns(
    headers: Sequence[str], candidates: Iterable[int], courses: Iterable[tuple[str, str]]
) -> dict[int, str]:
    """The columns whose header names a catalogue course, by its code (``C01``, ``C01 簡報技巧``,
    ``簡報技巧(C01)``) or its whole title; each column → the course's code."""
    codes: dict[str, str] = {}
    titles: dict[str, str] = {}
    for code, title in courses:
        codes[norm(code)] = code
        titles.setdefault(norm(title), code)
    out: dict[int, str] = {}
    for i in candidates:
        key = norm(headers[i]) if i < len(headers) else ""
        if not key:
            continue
        if key in codes or key in titles:
            out[i] = codes.get(key) or titles[key]
            continue
        tokens = re.findall(r"[0-9a-z][0-9a-z\-_.]*[0-9a-z]|[0-9a-z]", unicodedata.normalize("NFKC", key))
        named = [codes[token] for token in tokens if token in codes]
        if len(set(named)) == 1:
            out[i] = named[0]
    return out


@dataclass
class Unpivoted:
    """A wide table as long rows: each filled course cell one row, and what became of the cells that are none."""

    table: Table
    course: int  # the index of the first synthetic cell; course code, date, outcome and score follow in that order
    problems: list[Problem] = field(default_factory=list)
    refused_people: set[str] = field(default_factory=set)
    not_counted: Counter[str] = field(default_factory=Counter)
    passed_over: Counter[str] = field(default_factory=Counter)
    people_rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # a person row that made no long row
    blank: int = 0  # person rows with no course cell filled
    cells: int = 0  # every filled course cell
    skipped: int = 0  # rows that are no person: subtotals, notes, the header again


#: The outcome written into a long row made from a wide cell: a word every reading knows.
_WORDS = {Mark.passed: "passed", Mark.exempt: "exempt", Mark.present: "present"}


def unpivot(
    table: Table,
    header_row: int,
    courses: Mapping[int, str],
    person: Sequence[int],
    *,
    order: DayOrder | None = None,
    undated: dt.date | None = None,
    words: Mapping[str, Mark] | None = None,
    skip: Callable[[list[Any]], str | None] | None = None,
) -> Unpivoted:
    """The long rows of a wide table: the person cells and, after them, the course, its date, outcome and score.

    ``skip`` names what a row that is no person is (``summary``, ``note``), else None. A cell with a date
    of its own is a course completed that day; a mark or a score without one takes ``undated`` (a mapping's
    ``undated:``), else it is refused at its cell: the date is the one decision kmc-gap will not guess. A
    fail or an absence without a date is not counted, with its cause; 報名, 取消 are passed over as no
    training taken.
    """
    width = max((len(cells) for _, cells in table.rows), default=0)
    out = Unpivoted(Table(table.file, table.sheet, [], table.first_column, table.hidden), width)
    for number, cells in table.rows:
        if number <= header_row:
            continue
        kind = skip(cells) if skip is not None else None
        if kind is not None:
            out.passed_over[kind] += 1
            out.skipped += 1
            continue
        filled = 0
        made = len(out.table.rows)
        for i, code in courses.items():
            value = cells[i] if i < len(cells) else None
            if cell_text(value) is None:
                continue
            filled += 1
            out.cells += 1
            before = len(out.problems)
            row = _wide_cell(out, table, number, i, value, order, undated, words)
            if row is not None:
                long = list(cells) + [None] * (width - len(cells)) + [code, *row]
                out.table.rows.append((number, long))
            elif len(out.problems) > before:
                out.refused_people.add(next((t for j in person if (t := cell_text(_at(cells, j)))), ""))
        if len(out.table.rows) == made:  # on the team all the same: a person with an id
            out.people_rows.append((number, cells))
        out.blank += not filled
    return out


def _at(cells: list[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _wide_cell(
    out: Unpivoted,
    table: Table,
    number: int,
    index: int,
    value: Any,
    order: DayOrder | None,
    undated: dt.date | None,
    words: Mapping[str, Mark] | None,
) -> tuple[Any, Any, Any] | None:
    """(date, outcome word, score) of one filled course cell, or None when it is no row (counted in ``out``)."""
    outcome = outcome_of(value, words)
    if outcome is Mark.not_taken:
        out.passed_over["not_taken"] += 1
        return None
    if outcome in (Mark.failed, Mark.absent):
        if undated is None:
            out.not_counted["not_passed"] += 1
            return None
        return undated, "failed" if outcome is Mark.failed else "absent", None
    if outcome is not None:
        return _dated(out, table, number, index, value, undated, _WORDS[outcome], None)
    score = number_in(value, tuple(norm(unit) for unit in (*SCORE_UNITS, "%", "％")))
    if score is not None and score <= 100:
        return _dated(out, table, number, index, value, undated, None, score)
    try:
        return cell_date(value, order), "passed", None
    except CellError:
        pass
    out.problems.append(table.problem("records.wide_cell", number, index, value=cell_text(value) or ""))
    return None


def _dated(
    out: Unpivoted,
    table: Table,
    number: int,
    index: int,
    value: Any,
    undated: dt.date | None,
    word: str | None,
    score: float | None,
) -> tuple[Any, Any, Any] | None:
    if undated is None:
        out.problems.append(table.problem("records.wide_undated", number, index, value=cell_text(value) or ""))
        return None
    return undated, word, score
