"""Reading a run's record files: rosters first, then every table of every file by its shape (long, blocks,
wide, a roster, a form, credentials), then the people built and joined."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from kmc_gap.model.forms import read_form
from kmc_gap.model.hrdates import DayOrder
from kmc_gap.model.kinds import InputKind, input_kind
from kmc_gap.model.models import (
    Person,
    Profile,
    Standard,
    join_key,
)
from kmc_gap.model.paths import shown, split_sheet
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.records.columns import (
    _LEFT,
    ALL_SHEETS,
    COURSE_PLACEHOLDER,
    NAMED,
    ROSTER,
    UNUSED_KEYS,
    Column,
    Columns,
    Found,
    _header_key,
    _read_as,
    find_columns,
    unused_warnings,
)
from kmc_gap.model.records.files import read_tables
from kmc_gap.model.records.options import RecordOptions, RecordPerson, RecordSet, RowCount
from kmc_gap.model.records.people import (
    MAX_REPEAT_WARNINGS,
    _add,
    _Directory,
    _id_digits,
    _Person,
    _person_of,
    _repeats,
    _shorter,
    summed,
)
from kmc_gap.model.records.rows import _Reader, _Record, _Row, row_kind
from kmc_gap.model.tables.cells import (
    cell_date,
)
from kmc_gap.model.tables.cells import (
    norm as _norm,
)
from kmc_gap.model.tables.shape import (
    ResultLike,
    column_values,
    course_columns,
    result_like,
    shown_values,
    unpivot,
)
from kmc_gap.model.tables.table import Table, Tables
from kmc_gap.words import Word


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
            options = self.options
            read = read_credentials(path, name, self.std, options.issuer_keys, options.max_bytes, options.lang)
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
        start = found.header.header_row if found.header is not None else 0
        hidden = [number for number, _ in table.rows if number in table.hidden_rows and number > start]
        if hidden:
            choice = options.mapping.hidden_rows if options.mapping is not None else None
            if choice is None:  # a filtered view's rows, or rows someone set aside: the mapping says which
                rows = tuple(Word("records.row_number", {"n": n}) for n in hidden[:10])
                problem = table.problem("records.hidden_rows", hidden[0], n=len(hidden), rows=rows)
                self.refuse(table, [problem], found.header, options)
                return
            if choice == "skip":
                gone = set(hidden)
                self.read_table(
                    replace(table, rows=[row for row in table.rows if row[0] not in gone]), found, options, roster_only
                )
                self.passed_hidden(table, len(hidden))
                return
        self.read_table(table, found, options, roster_only)

    def passed_hidden(self, table: Table, n: int) -> None:
        """The hidden rows a mapping said to pass over, in the accounting of their table."""
        for count in reversed(self.result.counts):
            if (count.file, count.sheet) == (table.file, table.sheet):
                count.rows += n
                count.pass_over("hidden", n)
                return

    def read_table(self, table: Table, found: Found, options: RecordOptions, roster_only: bool) -> None:
        """One table read by what it is: a wide matrix, a table held back for a mapping line, a roster, a list of
        names, or records."""
        header = found.header if not roster_only else None
        wide = self.wide_columns(header, options) if header is not None else {}
        held = self.result_columns(table, header, options) if header is not None and not wide else []
        self.result.warnings += [w for w in found.warnings if w.key not in UNUSED_KEYS]
        if found.header is not None:  # a wide table's courses, a column held back: never merely "unused"
            read = {*wide, *(like.index for like in held)}
            self.result.warnings += unused_warnings(table, found.header, read)
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
