"""Assessment forms (職能評核表): the layout that ``kmc-gap form`` writes and that is read back as evidence.

Behaviour indicators (P) and work outputs (O) are what only the people who see the work can rate, so
a form lists them task by task, with a column per rater (自評, 主管評核, and peer or assessor when asked)
and a note beside each. What a form needs to be read back safely is in a hidden sheet, ``kmc-gap``:
the form's version, the standard, and for each person's sheet the person, the raters and the columns.
Each row carries a check value (hidden column): a hash of the standard, the person and the row's code.
So a form for another standard or person, a code changed by hand or a row typed in is a located
problem, while rows that were re-sorted or deleted are read as they are.

Each filled rating is one evidence item: a self rating a ``self_report``, any other an ``assessment``
verified by the rater named on the form, dated the form's rating date, at the rating's level, covering
the row's code. Its id is stable (``form-`` and a hash of person, code, rater, source and date), so a
form read twice is the same evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kmc_gap.model.ids import FORM_ID_PREFIX
from kmc_gap.model.models import Evidence, EvidenceKind, Person, Rater, Standard, hr_date
from kmc_gap.model.problems import Problem
from kmc_gap.model.vocabulary import NOT_APPLICABLE_WORDS
from kmc_gap.words import Lang, t
from kmc_gap.words.safe import sheet_text

#: The hidden sheet that makes a workbook a kmc-gap form.
META_SHEET = "kmc-gap"
#: The first cell of the hidden sheet.
MARK = "kmc-gap form"
FORM_VERSION = 1
#: The raters a form has when none are asked for: the person and their manager.
DEFAULT_RATERS = (Rater.self, Rater.manager)


class Col(StrEnum):
    """A column of a form's table, in the order written (rater columns as the raters are asked)."""

    code = "code"
    task = "task"
    item = "item"
    level = "level"
    current = "current"  # the best level known today: with --only-gaps
    self = "self"
    self_note = "self_note"
    peer = "peer"
    peer_note = "peer_note"
    manager = "manager"
    manager_note = "manager_note"
    assessor = "assessor"
    assessor_note = "assessor_note"
    output_ref = "output_ref"
    check = "check"  # hidden: the row's check value


#: The columns a person fills in: whatever is in them was typed, whether or not it reads as a rating.
_TYPED = (Col.self, Col.self_note, Col.peer, Col.peer_note, Col.manager, Col.manager_note, Col.assessor,
          Col.assessor_note, Col.output_ref)  # fmt: skip

#: Each rater's rating column and note column.
RATER_COLUMNS = {
    Rater.self: (Col.self, Col.self_note),
    Rater.peer: (Col.peer, Col.peer_note),
    Rater.manager: (Col.manager, Col.manager_note),
    Rater.assessor: (Col.assessor, Col.assessor_note),
}


#: The columns that hold a rating (each rater's first column).
RATING_COLUMNS = frozenset(rating for rating, _ in RATER_COLUMNS.values())


class Label(StrEnum):
    """A label cell above the table, its value in the cell to its right."""

    name = "name"
    person_id = "person_id"
    organisation = "organisation"
    peer = "rater.peer"
    manager = "rater.manager"
    assessor = "rater.assessor"
    date = "date"
    standard = "standard"


#: The label of the name of each rater who is not the person: filled in by hand.
RATER_LABELS = {Rater.peer: Label.peer, Rater.manager: Label.manager, Rater.assessor: Label.assessor}


@dataclass(frozen=True)
class FormFor:
    """One person's form: who, the best level each code has today, and (with ``--only-gaps``) what is unmet."""

    person: Person
    best: Mapping[str, int | None]
    unmet: frozenset[str] | None = None  # None: every item is listed


@dataclass(frozen=True)
class FormSpec:
    """What every form of a run has: the raters' columns, the tasks, whether only gaps are listed."""

    raters: tuple[Rater, ...]
    tasks: tuple[str, ...] = ()
    only_gaps: bool = False


def columns_for(raters: Sequence[Rater], current: bool) -> list[Col]:
    """A form's columns: code, task, item, level, (level today), a rating and a note per rater, output, check."""
    cols = [Col.code, Col.task, Col.item, Col.level, *([Col.current] if current else [])]
    for rater in raters:
        cols += RATER_COLUMNS[rater]
    return [*cols, Col.output_ref, Col.check]


def labels_for(raters: Sequence[Rater]) -> list[Label]:
    """The label rows above a form's table."""
    named = [RATER_LABELS[r] for r in raters if r in RATER_LABELS]
    return [Label.name, Label.person_id, Label.organisation, *named, Label.date, Label.standard]


def check_value(standard: str, person_id: str, code: str) -> str:
    """The check value of a row: the same standard, person and code always give the same one."""
    return hashlib.sha256(f"{standard}\x00{person_id}\x00{code}".encode()).hexdigest()[:12]


def rows_of(std: Standard, tasks: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The (task, code) rows of a form: each task's behaviour indicators, then its work outputs."""
    return [
        (task.code, code)
        for task in std.tasks()
        if not tasks or task.code in tasks
        for code in [*(p.code for p in task.indicators), *(o.code for o in task.outputs)]
    ]


@dataclass(frozen=True)
class SheetMeta:
    """What the hidden sheet says about one person's sheet."""

    sheet: str
    person_id: str
    name: str
    raters: tuple[Rater, ...]
    columns: tuple[Col, ...]

    def row(self) -> list[str]:
        """The hidden sheet's row for this sheet.

        The person's id and name are kept as JSON strings (``"\\u001b"`` for a control character,
        which a workbook cannot hold), so they read back exactly as the profile or the records had them.
        """
        who = [json.dumps(self.person_id), json.dumps(self.name)]
        return ["sheet", self.sheet, *who, ",".join(self.raters), ",".join(self.columns)]


# --------------------------------------------------------------------------- reading a filled form


#: What a rating cell may say for an item the rater cannot judge: no evidence, not a problem.
NOT_APPLICABLE = frozenset(unicodedata.normalize("NFKC", word).lower() for word in NOT_APPLICABLE_WORDS)

Rows = list[tuple[int, list[Any]]]


@dataclass
class FormPerson:
    """One person's ratings read from a form sheet."""

    person: Person
    evidence: list[Evidence] = field(default_factory=list)
    source: str = ""
    refused: int = 0  # their ratings that were refused
    typed: bool = False  # anything a person typed: a rating (不適用 too), a note, a reference, a rater, a date


@dataclass
class FormRead:
    """The people of one form workbook, the problems of its cells, and the sources read whole."""

    people: list[FormPerson] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    refused: int = 0  # ratings given but not read (a bad cell, a rater without a name), each under a problem


def is_form(sheet_names: Sequence[str]) -> bool:
    """Whether a workbook with these sheets is a kmc-gap form."""
    return META_SHEET in sheet_names


def read_form(file: str, sheets: dict[str, tuple[Rows, int]], std: Standard, today: dt.date | None = None) -> FormRead:
    """Every person's ratings in a form workbook (``sheets``: each sheet's rows and its first column).

    A bad cell is a problem at its cell and its rating is refused; the sheet's other ratings are read
    (a ``3~4`` costs one rating, not a person's whole form), and so are the other sheets. Only a sheet
    that cannot be read as a form at all (no heading row, another person's) gives no one.
    """
    out = FormRead()
    meta_rows, _ = sheets.get(META_SHEET, ([], 1))
    metas, lang, problem = _metas(file, meta_rows, std)
    if problem is not None:
        out.problems.append(problem)
        return out
    for meta in metas:
        found = sheets.get(meta.sheet)
        if found is None:
            out.problems.append(Problem(file, "form.sheet_missing", {"sheet": meta.sheet}))
            continue
        reader = _SheetReader(file, meta, found, std, today or dt.date.today(), lang)
        person = reader.read()
        out.problems += reader.problems
        out.refused += reader.refused
        if person is not None:
            person.refused = reader.refused
            out.people.append(person)
            out.sources.append(person.source)
    return out


def _metas(file: str, rows: Rows, std: Standard) -> tuple[list[SheetMeta], str, Problem | None]:
    """The hidden sheet: the form's version, standard and language, and a row per person's sheet."""
    first = [*(rows[0][1] if rows else []), None, None, None, None]
    if str(first[0]) != MARK:
        return [], Lang.zh_TW, Problem(file, "form.not_form")
    if _int(first[1]) != FORM_VERSION:
        return [], Lang.zh_TW, Problem(file, "form.version", {"version": first[1], "known": FORM_VERSION})
    if str(first[2]) != std.code:
        return [], Lang.zh_TW, Problem(file, "form.other_standard", {"found": first[2], "standard": std.code})
    lang = Lang.en if str(first[3]) == Lang.en else Lang.zh_TW
    metas = []
    for _, cells in rows[1:]:
        cells = [("" if c is None else str(c)) for c in cells] + [""] * 6
        if cells[0] != "sheet":
            continue
        try:
            raters = tuple(Rater(r) for r in cells[4].split(",") if r)
            cols = tuple(Col(c) for c in cells[5].split(",") if c)
            person_id, name = json.loads(cells[2]), json.loads(cells[3])
        except ValueError:  # json.JSONDecodeError is a ValueError too
            return [], lang, Problem(file, "form.not_form")
        if not isinstance(person_id, str) or not isinstance(name, str) or not name.strip():
            return [], lang, Problem(file, "form.not_form")
        needed = {Col.code, Col.check, *(RATER_COLUMNS[r][0] for r in raters)}
        if not needed <= set(cols) or not cells[1]:  # a hidden sheet edited by hand: nothing in it is trusted
            return [], lang, Problem(file, "form.not_form")
        metas.append(SheetMeta(cells[1], person_id, name, raters, cols))
    return metas, lang, None


def _int(value: Any) -> int | None:
    """A whole number, or None for anything else: text, 400 digits (an infinity as a float), NaN."""
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError):
        return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFKC", str(value)).strip()


class _SheetReader:
    """One person's sheet: its label cells, then its rows."""

    def __init__(
        self, file: str, meta: SheetMeta, sheet: tuple[Rows, int], std: Standard, today: dt.date, lang: str
    ) -> None:
        self.file, self.meta, (self.rows, self.left) = file, meta, sheet
        self.std, self.today, self.lang = std, today, lang
        self.problems: list[Problem] = []
        self.told: set[str] = set()  # what was told once for the sheet: the date, a rater's name
        self.refused = 0  # ratings not read, each under one of the sheet's problems
        self.index = {col: i for i, col in enumerate(meta.columns)}

    def problem(self, key: str, row: int | None, index: int | None = None, **args: Any) -> None:
        column = None if index is None else index + self.left
        self.problems.append(Problem(self.file, key, args, row, column, self.meta.sheet))

    def read(self) -> FormPerson | None:
        header = self._header_row()
        if header is None:
            self.problem("form.no_header", None)
            return None
        labels = self._labels(header)
        shown_id, where = labels.get(Label.person_id, ("", None))
        if shown_id and shown_id != _text(sheet_text(self.meta.person_id)):  # the cell shows the id as text
            self.problem("form.person_differs", where, 1, found=shown_id, expected=self.meta.person_id)
            return None
        organisation = labels.get(Label.organisation, ("", None))
        try:
            person = Person(name=self.meta.name, id=self.meta.person_id or None, organisation=organisation[0] or None)
        except ValidationError:  # a name or department no profile could hold (too long, only spaces)
            self.problem("form.bad_person", organisation[1] or header, 1 if organisation[1] else None)
            return None
        source = f"{Path(self.file).name}#{self.meta.sheet}"
        out = FormPerson(person, source=source)
        day, names = self._day(labels), self._raters(labels)
        typed = {col: self.index[col] for col in _TYPED if col in self.index}
        out.typed = bool(labels.get(Label.date, ("", None))[0]) or any(name for name, _ in names.values())
        for number, cells in self.rows:
            if number > header:
                out.evidence += self._row(number, cells, day, names, source)
                out.typed = out.typed or any(i < len(cells) and _text(cells[i]) for i in typed.values())
        return out

    def _header_row(self) -> int | None:
        """The row whose code column holds the code heading, in either language."""
        headings = {t("form.col.code", lang) for lang in Lang}
        at = self.index[Col.code]
        for number, cells in self.rows:
            if at < len(cells) and _text(cells[at]) in headings:
                return number
        return None

    def _labels(self, header: int) -> dict[Label, tuple[str, int]]:
        """Each label above the table: its value (as text) and its row."""
        words = {t(f"form.label.{label.value}", lang): label for label in Label for lang in Lang}
        found: dict[Label, tuple[str, int]] = {}
        self.raw: dict[Label, Any] = {}
        for number, cells in self.rows:
            if number >= header or not cells:
                continue
            label = words.get(_text(cells[0]))
            if label is not None:
                value = cells[1] if len(cells) > 1 else None
                found[label] = (_text(value), number)
                self.raw[label] = value
        return found

    def _day(self, labels: dict[Label, tuple[str, int]]) -> tuple[dt.date | None, int | None]:
        text, where = labels.get(Label.date, ("", None))
        if not text:
            return None, where
        value = self.raw[Label.date]
        if isinstance(value, dt.datetime):
            day: dt.date | None = value.date()
        elif isinstance(value, dt.date):
            day = value
        else:
            iso = hr_date(text) or (text if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None)
            try:
                day = dt.date.fromisoformat(iso) if iso else None
            except ValueError:
                day = None
        if day is None:
            self.problem("form.bad_date", where, 1, value=text)
            self.told.add("date")
        elif day > self.today:
            self.problem("form.date_future", where, 1, value=day.isoformat())
            self.told.add("date")
            day = None
        return day, where

    def _raters(self, labels: dict[Label, tuple[str, int]]) -> dict[Rater, tuple[str, int | None]]:
        return {rater: labels.get(label, ("", None)) for rater, label in RATER_LABELS.items()}

    def _row(
        self,
        number: int,
        cells: list[Any],
        day: tuple[dt.date | None, int | None],
        names: dict[Rater, tuple[str, int | None]],
        source: str,
    ) -> list[Evidence]:
        def cell(col: Col) -> Any:
            at = self.index.get(col)
            return cells[at] if at is not None and at < len(cells) else None

        ratings: list[tuple[Rater, int]] = []
        for rater in self.meta.raters:
            rating_col = RATER_COLUMNS[rater][0]
            text = _text(cell(rating_col))
            if not text or text.lower() in NOT_APPLICABLE:
                continue
            level = _rating(cell(rating_col))
            if level is None:
                self.problem("form.bad_rating", number, self.index[rating_col], value=text)
                self.refused += 1
                continue
            ratings.append((rater, level))
        if not ratings:
            return []  # nothing rated on this row: a row left blank, or a note only
        code = _text(cell(Col.code)).upper()
        check = _text(cell(Col.check))
        if not check:
            self.problem("form.row_not_issued", number, self.index[Col.code], code=code)
            self.refused += len(ratings)
            return []
        if check != check_value(self.std.code, self.meta.person_id, code):
            self.problem("form.code_changed", number, self.index[Col.code], code=code)
            self.refused += len(ratings)
            return []
        rating_day, day_row = day
        if rating_day is None:
            if "date" not in self.told:  # once for the sheet, at the rating date's cell
                self.told.add("date")
                self.problem("form.no_date", day_row or number, 1 if day_row else None)
            self.refused += len(ratings)
            return []
        out = []
        for rater, level in ratings:
            rater_name, rater_row = names.get(rater, ("", None))
            if rater != Rater.self and not rater_name:
                if rater.value not in self.told:  # once for the sheet, at the rater's name cell
                    self.told.add(rater.value)
                    word = t(f"form.rater.{rater.value}", self.lang)
                    self.problem("form.no_rater", rater_row or number, 1 if rater_row else None, rater=word)
                self.refused += 1  # the self ratings beside it are read all the same
                continue
            note = _text(cell(RATER_COLUMNS[rater][1])) or None
            reference = _text(cell(Col.output_ref)) or None
            try:
                out.append(self._evidence(code, rater, level, rating_day, rater_name, note, reference, source))
            except ValidationError as exc:  # a rater's name or a reference too long to keep, say
                field = ".".join(str(part) for part in exc.errors(include_url=False)[0]["loc"])
                self.problem("form.bad_row", number, self.index[RATER_COLUMNS[rater][0]], field=field)
                self.refused += 1
        return out

    def _evidence(
        self,
        code: str,
        rater: Rater,
        level: int,
        day: dt.date,
        name: str,
        note: str | None,
        reference: str | None,
        source: str,
    ) -> Evidence:
        """One rating as evidence; its id is the same whenever the same rating is read: the same person, code,
        rater (and their name) and day, whatever file the form is in, so a form copied under another name
        counts once (the copy is a repeat, said as one)."""
        key = f"{self.meta.person_id}\x00{code}\x00{rater.value}\x00{name}\x00{day.isoformat()}"
        return Evidence(
            id=FORM_ID_PREFIX + hashlib.sha256(key.encode()).hexdigest()[:10],
            kind=EvidenceKind.self_report if rater == Rater.self else EvidenceKind.assessment,
            title=f"{t(f'form.rater.{rater.value}', self.lang)} {code}",
            date=day,
            level=level,
            covers=[code],
            verified_by=None if rater == Rater.self else name,
            note=note,
            rater=rater,
            output_reference=reference,
            source=source,
        )


def _rating(value: Any) -> int | None:
    """A rating: a whole number 1–6 (``4``, ``4.0``, ``４``); anything else (7, 四, 4.5, text) is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if float(value).is_integer() and 1 <= value <= 6 else None
    text = _text(value)
    if re.fullmatch(r"[1-6](?:\.0+)?", text):
        return int(float(text))
    return None
