"""The rows of one record table turned into evidence: each cell typed, each bad one a located problem,
the rows that are no record (a 小計, a note, the header again, a course outside the standard) passed over
by what they are, the person filled down a block."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kmc_gap.model.hrdates import DayOrder, day_order
from kmc_gap.model.ids import RECORD_ID_PREFIX
from kmc_gap.model.loading import unknown_code
from kmc_gap.model.lookup import codes_of
from kmc_gap.model.models import (
    Course,
    Evidence,
    EvidenceKind,
    Person,
    Standard,
    built,
    is_related,
    join_key,
)
from kmc_gap.model.problems import Problem
from kmc_gap.model.records.columns import _BY_NAME, NAMED, REQUIRED, Column, Columns, _column_of, _header_key, nearest
from kmc_gap.model.records.options import RecordOptions, RowCount
from kmc_gap.model.tables.cells import (
    CellError,
    Mark,
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
from kmc_gap.model.tables.shape import (
    fill_down,
)
from kmc_gap.model.tables.table import Table, cell_text
from kmc_gap.model.vocabulary import (
    NOTE_PREFIXES,
    SUMMARY_WORDS,
)
from kmc_gap.words import Word

_text = cell_text


#: The columns that may say a course was never taken (報名中 in 結訓狀態, 取消 in 出缺勤, 候補 where the score goes).
OUTCOME_COLUMNS = (Column.passed, Column.attendance, Column.score)


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


def _note(text: str) -> bool:
    """Whether a row's first filled cell opens a note line (註：…, 備註：…, ``*``)."""
    return unicodedata.normalize("NFKC", text).strip().casefold().startswith(_NOTE)


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

    # the header again: its person id cell is a header (checked first: it is one look-up, not one a cell)
    if _column_of(cell(Column.person_id), wanted) and len({_column_of(text, wanted) for text in filled} - {None}) >= 2:
        return Skip.header
    date = cell(Column.date)
    if not date and filled and _note(filled[0]):  # a dated row is a record, whatever its first cell says
        return Skip.note
    labels = (cell(Column.person_id), cell(Column.name), cell(Column.organisation), texts[0] or "")
    labelled = any(len(label) <= 24 and _summary(label) for label in labels)
    if labelled and not is_date(date):  # 小計 with its count (3 筆) spread into the date column
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
        text = row.texts.get  # a row's cell as text (None: empty), looked up a score of times a row
        if any(outcome_of(row.raw(col), self.words) is Mark.not_taken for col in self.outcomes):
            self.skip(Skip.not_taken, row.number)  # enrolled, waitlisted, cancelled: no training was taken
            self.bystander(row)
            return None
        course, usable = self.course(row)
        if not usable:
            self.bystander(row)
            return None
        for col in NAMED if self.by_name else REQUIRED:
            if text(col) is None:
                row.fail(col, "records.empty_cell", field=Word(f"records.field.{col.value}"))
        date = row.read(Column.date, self.date)
        expires = row.read(Column.expires, self.expires)
        kind = row.read(Column.kind, cell_kind) or self.kind
        hours = row.read(Column.hours, self.hours)
        level = row.read(Column.level, cell_level)
        covers = row.read(Column.covers, cell_codes)
        score = row.read(Column.score, self.score)
        outcomes = [row.read(Column.passed, self.passed), row.read(Column.attendance, self.attended)]
        if isinstance(score, Mark):
            outcomes.append(score)
        if course is not None:
            level = level if text(Column.level) is not None else course.level
            covers = covers if text(Column.covers) is not None else list(course.covers)
            hours = hours if text(Column.hours) is not None else (course.hours or None)
        self.check_competency(row, covers)
        title = text(Column.title) or (course.title if course else None) or text(Column.course)
        if title is None:
            row.fail(Column.title, "records.no_title")
        name = text(Column.name)
        if self.by_name:
            person_id: str | None = _BY_NAME + join_key(name or "")
        else:
            person_id = self.options.person_key(text(Column.person_id) or "") or None
        if row.problems or None in (date, level, covers, title, person_id, name):
            return None
        assert date is not None and person_id is not None and name is not None and title is not None
        if expires is not None and date > expires:
            row.fail(Column.expires, "profile.date_after_expiry", date=date, expires=expires)
            return None
        what = text(Column.course) or title
        # a fail mark, an absence or a score word (缺考) in any of the three columns: the row did not pass
        failed = Mark.failed in outcomes or Mark.absent in outcomes
        exempt = [text(col) or "" for col in self.outcomes if outcome_of(row.raw(col), self.words) is Mark.exempt]
        said = [words for words in (text(Column.note), *exempt) if words]
        note = "；".join(dict.fromkeys(said)) if said else None
        # every field was checked above, cell by cell, so the model is built without validating it again:
        # this is the inner loop of a year's export
        fields = dict(
            id=record_id(person_id, what, date),
            kind=EvidenceKind(kind),
            title=title,
            date=date,
            level=level,
            covers=covers,
            expires=expires,
            verified_by=text(Column.verified_by) or self.verified_by,
            hours=None if hours is None else float(hours),
            reference=text(Column.reference),
            note=note,
            course=text(Column.course),
            provider=text(Column.provider),
            score=score if type(score) is float else None,
            pass_mark=course.pass_mark if course is not None else None,
            passed=False if failed else None,
            exclude=False,
            source=self.source,
        )
        evidence = built(Evidence, fields)
        who = (name, person_id, text(Column.organisation), text(Column.role))
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
