"""The people of a run, joined as HR means them: by person id across files and sheets (ids that lost
their zeros or prefix joined to the one written in full), by name and department for tables without
ids; each person's records gathered once, repeats counted once, problems of one cause summed up."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from kmc_gap.model.models import (
    Person,
    Profile,
    Standard,
    join_key,
)
from kmc_gap.model.problems import Problem
from kmc_gap.model.records.columns import Column, Columns
from kmc_gap.model.records.options import RecordPerson
from kmc_gap.model.records.rows import _Record, record_id
from kmc_gap.model.tables.cells import (
    norm as _norm,
)
from kmc_gap.model.tables.table import cell_text as _text
from kmc_gap.words import Word


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
        if department is not None and len(found) > 1:
            found = [c for c in found if department in c[2]]  # namesakes told apart by their department
        one_elsewhere = len(found) == 1 and bool(found[0][2]) and department not in found[0][2]
        if department is not None and by_department and one_elsewhere:
            return None, "department"  # the one 王小明 known works elsewhere: maybe another 王小明
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
