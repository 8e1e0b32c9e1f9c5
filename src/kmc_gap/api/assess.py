"""Assessing many profiles: one report or one failure per file, in path order, in N processes.

Files are read and scored one at a time and each result is handed on at once, so memory does
not grow with the number of files. With ``jobs > 1`` a process pool scores files in parallel;
``imap`` keeps the results in input order, so the output is the same whatever ``jobs`` is.
A worker is given a render function (or none), never the name of a format.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias

from kmc_gap.api.people import joined, ratings_of, read_records, stands_in
from kmc_gap.api.reading import NO_READING, RecordReading, never_overwrite
from kmc_gap.api.thresholds import shortfalls
from kmc_gap.engine.scoring import assess, brief
from kmc_gap.model import yamlsource
from kmc_gap.model.kinds import read_together
from kmc_gap.model.loading import check_profile, kind_of, load_standard, placeholders
from kmc_gap.model.models import Evidence, Policy, Profile, Standard, join_key
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from kmc_gap.engine.report import Brief, InputCount, PersonOut, Plan, Report
    from kmc_gap.model.models import Course
    from kmc_gap.model.records import RecordOptions, RecordPerson, RecordSet


class ReportSink(Protocol):
    """Where the reports of a run go, in input order: the CLI plugs in a renderer of the chosen format.

    ``inputs`` first, with what became of every row of the record files (nothing for YAML profiles
    alone); ``start`` before the first report, then for each input ``add`` (a report), ``add_piece`` (a report a
    worker has already rendered with :data:`Render`) or ``failure`` (an input that could not be used),
    and ``finish`` after the last. The sink owns its stream, text or binary.
    """

    def inputs(self, counts: list[InputCount]) -> None: ...

    def start(self) -> None: ...

    def add(self, value: Report) -> None: ...

    def add_piece(self, text: str) -> None: ...

    def failure(self, file: str, problems: list[Problem]) -> None: ...

    def finish(self) -> None: ...


#: Renders one report on its own, in the chosen language: ``(report, standard) -> text``.
Render = Callable[["Report", Standard], str]


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to score a file the same way as the parent process."""

    standard_path: Path | None
    policy: Policy
    policy_name: str
    as_of: dt.date
    max_bytes: int = DEFAULT_MAX_BYTES
    redact: bool = False
    render: Render | None = None  # renders each report where it is made, when the format allows
    warn_days: int = 90
    named: frozenset[Path] = frozenset()  # files named directly; others were found in folders
    ratings: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)  # person id → ratings from forms
    inputs: tuple[InputCount, ...] = ()  # what became of every row of the record files, for the JSON reports


@dataclass
class Result:
    """The outcome for one file: a report (or its rendered text and brief), or the problems that stopped it."""

    file: str
    report: Report | None = None
    brief: Brief | None = None
    text: str | None = None
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False  # found in a folder, but not a profile (its warning says why)
    stands_in: bool = False  # a roster person with no rows, or one only rated: left out when their profile was read
    warnings: list[Problem] = field(default_factory=list)


def pseudonym(person: PersonOut) -> str:
    """A stable pseudonym for a person: the same id and name always give the same one."""
    key = f"{person['id'] or ''}\x00{person['name']}".encode()
    return "anon-" + hashlib.sha256(key).hexdigest()[:10]


def redact(report: Report) -> Report:
    """A copy of the report with the person's name and id, and the file name, replaced by the pseudonym."""
    alias = pseudonym(report["person"])
    return {**report, "person": {**report["person"], "name": alias, "id": alias}, "file": alias}


def score_file(path: Path, std: Standard, settings: Settings) -> Result:
    """Load and assess one profile; never raises for bad input."""
    name = shown(path)
    try:
        doc = yamlsource.load(path, name, settings.max_bytes)
        kind = kind_of(doc)
        if path not in settings.named and kind != "profile":
            why = "file.skipped_catalog" if kind == "catalog" else "file.skipped_other"
            return Result(name, skipped=True, warnings=[Problem(name, why)])
        profile = check_profile(doc, std)
    except InputError as exc:
        return Result(name, problems=exc.problems)
    profile = joined(profile, settings.ratings)  # their ratings from the run's forms join their profile
    return score_profile(profile, name, std, settings, placeholders(doc))


def score_profile(
    profile: Profile, name: str, std: Standard, settings: Settings, warnings: Sequence[Problem] = ()
) -> Result:
    """Assess a profile read from ``name`` (a YAML file, or the rows of record files)."""
    report = assess(
        profile,
        std,
        settings.policy,
        settings.as_of,
        policy_name=settings.policy_name,
        file=name,
        warn_days=settings.warn_days,
    )
    if settings.inputs:
        report = {**report, "inputs": list(settings.inputs)}
    if settings.redact:
        report = redact(report)
    if settings.render is None:
        return Result(name, report=report, brief=brief(report), warnings=list(warnings))
    # the text carries the report; the parent needs only the figures its thresholds check
    summary = brief(report)
    return Result(name, brief=summary, text=settings.render(report, std), warnings=list(warnings))


#: What is scored: a YAML file, a person read from record files, or a record file's problems.
Source: TypeAlias = "Path | RecordPerson | Result"


def score(source: Source, std: Standard, settings: Settings) -> Result:
    """The result for one source; never raises for bad input."""
    if isinstance(source, Result):
        return source
    if isinstance(source, Path):
        return score_file(source, std, settings)
    result = score_profile(source.profile, source.file, std, settings)
    result.stands_in = stands_in(source)
    return result


def sources(paths: list[Path], records: RecordSet | None) -> list[Source]:
    """The paths in order, the record files' problems and people where the first record file was.

    Everyone is in the roster's order; but with YAML profiles among the paths, roster people with no
    rows come last, so that a profile of theirs (read before them) stands instead.
    """
    found: list[Source] = []
    placed = False
    late = any(not read_together(path) for path in paths)

    def later(person: RecordPerson) -> bool:
        return late and stands_in(person)

    for path in [*paths, None]:
        if path is not None and not read_together(path):
            found.append(path)
        elif not placed and records is not None:
            placed = True
            found += [Result(file, problems=problems) for file, problems in records.problems.items()]
            found += [person for person in records.people if not later(person)]
    if records is not None and late:
        found += [person for person in records.people if later(person)]
    return found


_WORKER: tuple[Standard, Settings] | None = None


def _init_worker(settings: Settings) -> None:
    """Load the standard once per worker; leave Ctrl-C and SIGTERM to the parent, which ends the pool."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = (load_standard(settings.standard_path), settings)


def _score_in_worker(source: Source) -> Result:
    assert _WORKER is not None
    return score(source, *_WORKER)


def results(paths: list[Source], std: Standard, settings: Settings, jobs: int = 1) -> Iterator[Result]:
    """Score ``paths`` in order; with ``jobs`` > 1 in that many processes (0: one per core)."""
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield score(path, std, settings)
        return
    import multiprocessing

    chunk = max(1, min(32, len(paths) // (workers * 8)))
    with multiprocessing.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.imap(_score_in_worker, paths, chunksize=chunk)


@dataclass
class Tally:
    """What a run over many files came to: how many could not be assessed, and the thresholds people fell short of."""

    assessed: int = 0
    invalid: int = 0
    shortfalls: list[Problem] = field(default_factory=list)  # a threshold failed, never an unreadable file
    warnings: list[Problem] = field(default_factory=list)
    inputs: list[InputCount] = field(default_factory=list)  # what became of every row of the record files


@dataclass(frozen=True)
class AssessRequest:
    """What `kmc-gap assess` is asked: the inputs as paths and options, how to score them, the gates.

    The catalogue, the reading options' files and the plan are read by :func:`assess_paths`, the
    catalogue only when there are record files to read (or the summary shows courses).
    """

    paths: tuple[Path, ...]
    settings: Settings
    catalog: Path | None = None
    reading: RecordReading = NO_READING
    plan: Path | None = None  # a plan the summary shows
    summary: bool = False  # the team summary: it shows the catalogue's courses even with no record files
    jobs: int = 1
    fail_under: float | None = None  # percent coverage each person must reach
    required: tuple[str, ...] = ()  # task codes each person must meet

    def reads_records(self) -> bool:
        """Whether the run reads record tables (or a roster), and so needs the catalogue."""
        return any(map(read_together, self.paths)) or bool(self.reading.roster)

    def never_overwrite(self) -> tuple[Path, ...]:
        """Every file the request reads: an output is never written over one."""
        return never_overwrite(self.paths, self.reading, self.settings.policy_name, self.catalog, self.plan)


@dataclass(frozen=True)
class Alongside:
    """What the reports are shown with besides themselves: the catalogue's courses and a plan (the summary)."""

    courses: tuple[Course, ...] | None = None
    plan: Plan | None = None
    alone: bool = False  # the record files hold one person and nothing else is read: their own report, no cohort


def assess_paths(
    request: AssessRequest,
    std: Standard,
    sink: Callable[[Alongside], ReportSink],
    *,
    on_failure: Callable[[list[Problem]], None] = lambda problems: None,
    advance: Callable[[], None] = lambda: None,
) -> Tally:
    """Assess ``paths`` in path order into the sink made for what they are shown with; each file that fails
    goes to ``on_failure`` too.

    The thresholds (``fail_under`` percent coverage, ``required`` task codes) are checked for
    every person; the run goes on past bad files so that no one else's report is lost. Record
    files (CSV, workbooks) are read first, all together, since one person's rows may be in several.
    A bad catalogue, mapping, key or plan raises ``InputError`` before any report is made.
    """
    paths, settings = list(request.paths), request.settings
    fail_under, required, jobs = request.fail_under, list(request.required), request.jobs
    records = _record_options(request, std)
    found = read_records([p for p in paths if read_together(p)], std, records)
    alone = found is not None and len(found.people) == 1 and not found.problems and all(map(read_together, paths))
    writer = sink(replace(_shown(request, std, records), alone=alone))
    outcome = Tally()
    outcome.warnings += found.warnings if found is not None else []
    if found is not None:
        settings = replace(settings, ratings=ratings_of(found))
    seen: dict[str, str] = {}  # person id → the first file that had it
    if found is not None:
        from kmc_gap.api.accounting import input_counts

        outcome.inputs = input_counts(found, settings.policy, settings.as_of)
        settings = replace(settings, inputs=tuple(outcome.inputs))
        writer.inputs(outcome.inputs)
    writer.start()
    for result in results(sources(paths, found), std, settings, jobs):
        advance()
        outcome.warnings += result.warnings
        key = join_key(result.brief["person"]["id"] or "") if result.brief else ""
        if result.skipped or (result.stands_in and key in seen):  # a profile of theirs read before stands instead
            continue
        if result.brief is None:
            outcome.invalid += 1
            writer.failure(result.file, result.problems)
            on_failure(result.problems)
            continue
        outcome.assessed += 1
        ident = result.brief["person"]["id"]
        if ident and key in seen and not settings.redact:
            outcome.warnings.append(Problem(result.file, "run.duplicate_person", {"id": ident, "other": seen[key]}))
        elif ident:
            seen[key] = result.file
        if result.report is not None:
            writer.add(result.report)
        elif result.text is not None:
            writer.add_piece(result.text)
        outcome.shortfalls += shortfalls(result.brief, fail_under, required)
    writer.finish()
    return outcome


def _record_options(request: AssessRequest, std: Standard) -> RecordOptions | None:
    """How the record files are read, the catalogue read; None when there are none (no spreadsheet code is imported)."""
    if not request.reads_records():
        return None
    from kmc_gap.api.records import read_record_options

    return read_record_options(request.catalog, request.reading, std, request.settings.max_bytes)


def _shown(request: AssessRequest, std: Standard, records: RecordOptions | None) -> Alongside:
    """The catalogue's courses (the record files' catalogue, or for the summary the one named) and the plan."""
    courses = records.catalog if records is not None else None
    if records is None and request.summary and request.catalog is not None:
        from kmc_gap.api.records import optional_catalog

        courses = optional_catalog(request.catalog, std, request.settings.max_bytes)
    planned = None
    if request.plan is not None:
        from kmc_gap.api.plan import load_plan

        planned = load_plan(request.plan, request.settings.max_bytes)
    return Alongside(tuple(courses.related()) if courses is not None else None, planned)
