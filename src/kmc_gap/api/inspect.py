"""`kmc-gap records inspect`: how kmc-gap reads an HR system's exports, before anything is assessed.

For each file and sheet: what each column was read as, the values it did not understand (with how
often each came), and the rows it would refuse, grouped by cause with three examples each. With
``--write-mapping`` the findings become an editable mapping (:mod:`kmc_gap.model.mapping`) that the
officer finishes and then gives every command with ``--mapping``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmc_gap.api.files import is_input
from kmc_gap.api.reading import NO_READING, RecordReading, never_overwrite
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from kmc_gap.model.mapping import RecordMapping
    from kmc_gap.model.models import Standard
    from kmc_gap.model.records import RecordSet, RowCount

#: The problems whose cell holds a value kmc-gap does not understand (as opposed to a missing one).
VALUE_PROBLEMS = frozenset(
    {
        "records.bad_result",
        "records.bad_attendance",
        "records.bad_score",
        "records.bad_date",
        "records.ambiguous_date",
        "records.bad_level",
        "records.bad_hours",
        "records.bad_kind",
        "records.bad_kind_hint",
    }
)
#: The problems whose value is an outcome word a mapping's ``words`` can give a meaning.
WORD_PROBLEMS = frozenset({"records.bad_result", "records.bad_attendance", "records.bad_score"})
#: How many example rows each cause of refusal shows.
EXAMPLES = 3


@dataclass
class Cause:
    """Rows refused for one reason: how many, and the first few problems."""

    key: str
    rows: int
    examples: list[Problem]


@dataclass
class TableInspection:
    """What kmc-gap made of one table."""

    file: str
    sheet: str | None
    kind: str
    header_row: int | None
    rows: int
    columns: list[tuple[str, str | None]]
    unknown: list[tuple[str, str, int]]  # (header, value, how many rows)
    causes: list[Cause]
    unreadable: bool = False
    words: list[str] = field(default_factory=list)  # the outcome words among them, for a mapping's words
    courses: list[str] = field(default_factory=list)  # headers that look like courses no catalogue names


@dataclass
class Inspection:
    """Every table of the files, the problems of files that could not be read at all, and the warnings."""

    tables: list[TableInspection] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    id_width: int | None = None  # the roster's ids are this wide, when some record ids had lost their zeros
    #: Every decision of the mapping being written over and of the ``--mapping`` the run applied (its fields
    #: as JSON values), which a written mapping keeps.
    kept: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InspectRequest:
    """What `kmc-gap records inspect` is asked: the files, how to read them, where to write a mapping."""

    files: tuple[Path, ...]
    catalog: Path | None = None
    reading: RecordReading = NO_READING
    write_mapping: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def never_overwrite(self) -> tuple[Path, ...]:
        """Every file the request reads: the mapping is never written over one."""
        return never_overwrite(self.files, self.reading, self.catalog)


def inspect(request: InspectRequest, std: Standard) -> Inspection:
    """Read the files as every command would, and say how; a bad catalogue, mapping or key raises ``InputError``."""
    from kmc_gap.api.records import read_record_options
    from kmc_gap.model.records import load_records

    options = read_record_options(request.catalog, request.reading, std, request.max_bytes)
    earlier = _written_before(request)
    found = load_records(list(request.files), std, options)
    out = Inspection(warnings=found.warnings)
    for mapping in (earlier, options.mapping):
        if mapping is not None:
            for key, value in mapping.model_dump(
                mode="json", exclude_defaults=True, exclude={"mapping_version"}
            ).items():
                out.kept[key] = {**out.kept[key], **value} if isinstance(value, dict) and key in out.kept else value
    out.tables = [_table(count) for count in found.counts]
    read = {(t.file) for t in out.tables if not t.unreadable}
    out.problems = [p for file, problems in found.problems.items() if file not in read for p in problems]
    out.id_width = _id_width(found)
    return out


def _written_before(request: InspectRequest) -> RecordMapping | None:
    """The mapping ``--write-mapping`` would write over: its decisions are kept. A file there that is not a
    mapping is never written over (an ``InputError`` naming it)."""
    from kmc_gap.model.mapping import load_mapping

    path = request.write_mapping
    if path is None or not path.is_file() or is_input(path, request.never_overwrite()):
        return None  # nothing there, or one of the inputs, which the writing itself refuses
    try:
        return load_mapping(path, request.max_bytes)
    except InputError as exc:
        refusal = Problem(shown(path), "inspect.not_a_mapping", {})
        raise InputError([refusal, *exc.problems]) from None


def _table(count: RowCount) -> TableInspection:
    headers = {i + 1: header for i, (header, _) in enumerate(count.columns)}
    unknown: Counter[tuple[str, str]] = Counter()
    causes: dict[str, list[Problem]] = {}
    words: dict[str, None] = {}
    courses: dict[str, None] = {}
    for problem in count.problems:
        if problem.key == "records.wide_unknown":
            courses[str(problem.args.get("header", ""))] = None
        causes.setdefault(problem.key, []).append(problem)
        if problem.key in VALUE_PROBLEMS and problem.column is not None:
            unknown[(headers.get(problem.column, ""), str(problem.args.get("value", "")))] += 1
        if problem.key in WORD_PROBLEMS:
            words[str(problem.args.get("value", ""))] = None
    return TableInspection(
        file=count.file,
        sheet=count.sheet,
        kind=count.kind,
        header_row=count.header_row,
        rows=count.rows,
        columns=count.columns,
        unknown=[(header, value, n) for (header, value), n in unknown.most_common()],
        causes=[Cause(key, _rows_of(key, found, count), found[:EXAMPLES]) for key, found in causes.items()],
        words=list(words),
        courses=list(courses),
        unreadable=count.unreadable,
    )


#: Problems of a whole table held back for a mapping line: every row of it waits, whatever the problems' count.
HELD = frozenset({"records.result_column", "records.wide_unknown"})


def _rows_of(key: str, found: list[Problem], count: RowCount) -> int:
    """How many rows a cause refuses: one a problem, but every row of a table held back for a mapping line."""
    return count.refused if key in HELD else len(found)


def _id_width(found: RecordSet) -> int | None:
    """The width of the ids a spreadsheet dropped zeros from, when the run joined any."""
    if not any(w.key in ("records.zeros_joined", "records.zeros_joined_more") for w in found.warnings):
        return None
    widths = Counter(len(p.profile.person.id or "") for p in found.people if (p.profile.person.id or "").isdigit())
    return widths.most_common(1)[0][0] if widths else None


def mapping_text(inspection: Inspection, notes: dict[str, str]) -> str:
    """The findings as a mapping file to finish by hand: each header read, each value not understood, each
    column that looks like a course no catalogue names.

    Every decision of the mapping written over and of the one the run applied is kept, so that a decision
    once written is never lost; ``notes`` are the comments, in the user's language.
    """
    kept = dict(inspection.kept)
    headers: dict[str, str | None] = dict(kept.pop("headers", {}))
    words: dict[str, str | None] = dict(kept.pop("words", {}))
    courses: dict[str, str | None] = dict(kept.pop("courses", {}))
    for table in inspection.tables:
        for header, read_as in table.columns:
            if header not in table.courses:  # proposed under courses, not as a header of no use
                headers.setdefault(header, read_as)
        for word in table.words:
            words.setdefault(word, None)
        for header in table.courses:
            courses.setdefault(header, None)
    id_width = kept.pop("id_width", inspection.id_width)
    date_order = kept.pop("date_order", None)
    lines = [f"# {notes['title']}", f"# {notes['how']}", "mapping_version: 1", "headers:"]
    lines += [_entry(key, value, notes["header_open"]) for key, value in headers.items()] or ["  {}"]
    lines.append("words:")
    lines += [_entry(key, value, notes["word_open"]) for key, value in words.items()] or ["  {}"]
    if courses:
        lines.append("courses:")
        lines += [_entry(key, value, notes["course_open"]) for key, value in courses.items()]
    lines.append(f"id_width: {id_width if id_width else 'null'}")
    lines.append(f"date_order: {date_order}" if date_order else f"date_order: null  # {notes['date_order']}")
    keys = {cause.key for table in inspection.tables for cause in table.causes}
    for name, key in (("hidden_rows", "records.hidden_rows"), ("join", "records.name_department")):
        if key in keys and name not in kept:  # a decision the run met and nobody has made
            lines.append(f"{name}: null  # {notes[name]}")
    lines += [f"{key}: {_json(value)}" for key, value in kept.items()]  # the other decisions, as they were
    return "\n".join(lines) + "\n"


def _json(value: Any) -> str:
    """A value as JSON, which YAML reads back as it was (flow style), with what YAML would break escaped."""
    return "".join(c if c.isprintable() else f"\\U{ord(c):08x}" for c in json.dumps(value, ensure_ascii=False))


def _entry(key: str, value: str | None, open_note: str) -> str:
    """One ``"header": field`` line: a YAML double-quoted scalar that reads back as the header, whatever it holds.

    JSON's escapes are YAML's; what JSON leaves bare but YAML reads as a line break or refuses (U+0085,
    U+2028, DEL …) is escaped too.
    """
    shown = _json(key)
    return f"  {shown}: {value}" if value is not None else f"  {shown}: null  # {open_note}"
