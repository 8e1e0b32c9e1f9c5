"""Assessing many profiles: one report or one failure per file, in path order, in N processes.

A run is asked for with one :class:`AssessRequest` (what is read, how it is scored, the gates, how reports
leave) and gives its :class:`Event` s in order — what the reports are shown with, then one event per
input — and, once they are all given, its :class:`Tally`. The caller drives and prints; nothing here calls
back into it.

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
from typing import TYPE_CHECKING, TypeAlias

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


#: Renders one report on its own, in the chosen language and with everything else the output shows it with:
#: ``report -> UTF-8 bytes``. It is pickled to the worker processes of ``--jobs`` as it is.
Render = Callable[["Report"], bytes]


@dataclass(frozen=True, kw_only=True)
class Scoring:
    """How every person is scored: the policy, the day, the standard's file (for worker processes), how far
    ahead expiring evidence is listed, and whether people are shown by pseudonym."""

    policy: Policy
    as_of: dt.date
    policy_name: str = "default"
    standard_path: Path | None = None
    warn_days: int = 90
    redact: bool = False


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to score a file the same way as the parent process: made by :class:`AssessRun`
    from the request, with what the record files gave (the ratings of forms, the count of rows)."""

    scoring: Scoring
    max_bytes: int = DEFAULT_MAX_BYTES
    render: Render | None = None  # renders each report where it is made, when the format allows
    named: frozenset[Path] = frozenset()  # files named directly; others were found in folders
    ratings: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)  # person id → ratings from forms
    inputs: tuple[InputCount, ...] = ()  # what became of every row of the record files, for the JSON reports


@dataclass
class Result:
    """The outcome for one file: a report (or its rendered text and brief), or the problems that stopped it."""

    file: str
    report: Report | None = None
    brief: Brief | None = None
    piece: bytes | None = None  # the report rendered where it was made (UTF-8)
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
    scoring = settings.scoring
    report = assess(
        profile,
        std,
        scoring.policy,
        scoring.as_of,
        policy_name=scoring.policy_name,
        file=name,
        warn_days=scoring.warn_days,
    )
    if settings.inputs:
        report = {**report, "inputs": list(settings.inputs)}
    if scoring.redact:
        report = redact(report)
    if settings.render is None:
        return Result(name, report=report, brief=brief(report), warnings=list(warnings))
    # the text carries the report; the parent needs only the figures its thresholds check
    summary = brief(report)
    return Result(name, brief=summary, piece=settings.render(report), warnings=list(warnings))


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
#: The sources a forked worker scores, inherited from the parent as they are (only their places are sent).
_FORKED: list[Source] = []


def _init_worker(settings: Settings) -> None:
    """Load the standard once per worker; leave Ctrl-C and SIGTERM to the parent, which ends the pool."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = (load_standard(settings.scoring.standard_path), settings)


def _score_in_worker(source: Source) -> Result:
    assert _WORKER is not None
    return score(source, *_WORKER)


def _score_forked(index: int) -> Result:
    assert _WORKER is not None
    return score(_FORKED[index], *_WORKER)


def results(paths: list[Source], std: Standard, settings: Settings, jobs: int = 1) -> Iterator[Result]:
    """Score ``paths`` in order; with ``jobs`` > 1 in that many processes (0: one per core).

    Where processes can be forked, a worker inherits the sources and is sent only their places: a person's
    rows pickled to be sent cost about what scoring them does."""
    global _FORKED
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield score(path, std, settings)
        return
    import multiprocessing

    chunk = max(1, min(32, len(paths) // (workers * 8)))
    forked = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forked else None)
    _FORKED = paths if forked else []
    try:
        with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
            if forked:
                yield from pool.imap(_score_forked, range(len(paths)), chunksize=chunk)
            else:
                yield from pool.imap(_score_in_worker, paths, chunksize=chunk)
    finally:
        _FORKED = []


@dataclass
class Tally:
    """What a run over many files came to: how many could not be assessed, and the thresholds people fell short of."""

    assessed: int = 0
    invalid: int = 0
    shortfalls: list[Problem] = field(default_factory=list)  # a threshold failed, never an unreadable file
    warnings: list[Problem] = field(default_factory=list)
    inputs: list[InputCount] = field(default_factory=list)  # what became of every row of the record files


@dataclass(frozen=True, kw_only=True)
class Inputs:
    """What a run reads: the paths (those named, not found in folders, must be profiles), the catalogue and
    the options record files are read with, a plan the summary shows, and the size limit of every file.

    The catalogue, the reading options' files and the plan are read by :class:`AssessRun`, the catalogue
    only when there are record files to read (or ``courses`` asks for its courses).
    """

    paths: tuple[Path, ...]
    named: frozenset[Path] = frozenset()
    catalog: Path | None = None
    reading: RecordReading = NO_READING
    plan: Path | None = None
    courses: bool = False  # the catalogue's courses are shown even with no record files (the team summary)
    max_bytes: int = DEFAULT_MAX_BYTES

    def reads_records(self) -> bool:
        """Whether the run reads record tables (or a roster), and so needs the catalogue."""
        return any(map(read_together, self.paths)) or bool(self.reading.roster)


@dataclass(frozen=True, kw_only=True)
class Gates:
    """What each person must reach, or the run finds them short: percent coverage, task codes met."""

    fail_under: float | None = None
    required: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Presentation:
    """How reports leave the run: rendered one by one where they are made (in a worker with ``jobs``), when the
    output's format can render a report on its own; else as reports, for the caller to render."""

    render: Render | None = None


@dataclass(frozen=True, kw_only=True)
class AssessRequest:
    """What `kmc-gap assess` is asked, as one value: the inputs, the scoring, the gates, the presentation,
    and how many processes score."""

    inputs: Inputs
    scoring: Scoring
    gates: Gates = Gates()
    presentation: Presentation = Presentation()
    jobs: int = 1

    def never_overwrite(self) -> tuple[Path, ...]:
        """Every file the request reads: an output is never written over one."""
        inputs = self.inputs
        return never_overwrite(inputs.paths, inputs.reading, self.scoring.policy_name, inputs.catalog, inputs.plan)


@dataclass(frozen=True)
class Alongside:
    """What the reports are shown with besides themselves: the catalogue's courses and a plan (the summary)."""

    courses: tuple[Course, ...] | None = None
    plan: Plan | None = None
    alone: bool = False  # the record files hold one person and nothing else is read: their own report, no cohort


@dataclass(frozen=True)
class Opened:
    """The first event of a run: what its reports are shown with, and what became of every row of the record
    files (empty when it read none), which a report opens with."""

    alongside: Alongside
    counts: list[InputCount]


@dataclass(frozen=True)
class Assessed:
    """A person assessed: their report, or its rendering (UTF-8) when the presentation renders reports where
    they are made."""

    file: str
    report: Report | None
    piece: bytes | None


@dataclass(frozen=True)
class Refused:
    """An input that could not be used, with its problems (a file, or a record file's rows)."""

    file: str
    problems: list[Problem]


@dataclass(frozen=True)
class Passed:
    """An input passed over: a file found in a folder that is no profile, or a roster person with no rows whose
    own profile was read before (their warnings, if any, are the tally's)."""

    file: str


#: What a run gives, in order: :class:`Opened` once, then one of the others per input.
Event: TypeAlias = "Opened | Assessed | Refused | Passed"


class AssessRun:
    """A run of a request: iterate it for its events, then read its :attr:`tally`.

    The thresholds (``fail_under`` percent coverage, ``required`` task codes) are checked for every
    person; the run goes on past bad files so that no one else's report is lost. Record files (CSV,
    workbooks) are read first, all together, since one person's rows may be in several. A bad catalogue,
    mapping, key or plan raises ``InputError`` at the first event, before any report is made.
    """

    def __init__(self, request: AssessRequest, std: Standard) -> None:
        self.request = request
        self.std = std
        self.tally = Tally()

    def __iter__(self) -> Iterator[Event]:
        request, std, tally = self.request, self.std, self.tally
        inputs, scoring, gates = request.inputs, request.scoring, request.gates
        paths = list(inputs.paths)
        records = _record_options(inputs, std)
        found = read_records([p for p in paths if read_together(p)], std, records)
        alone = found is not None and len(found.people) == 1 and not found.problems and all(map(read_together, paths))
        settings = _settings(request)
        if found is not None:
            from kmc_gap.api.accounting import input_counts

            tally.warnings += found.warnings
            tally.inputs = input_counts(found, scoring.policy, scoring.as_of)
            settings = replace(settings, ratings=ratings_of(found), inputs=tuple(tally.inputs))
        yield Opened(replace(_shown(inputs, std, records), alone=alone), list(tally.inputs))
        seen: dict[str, str] = {}  # person id → the first file that had it
        for result in results(sources(paths, found), std, settings, request.jobs):
            tally.warnings += result.warnings
            key = join_key(result.brief["person"]["id"] or "") if result.brief else ""
            if result.skipped or (result.stands_in and key in seen):  # a profile of theirs read before stands instead
                yield Passed(result.file)
                continue
            if result.brief is None:
                tally.invalid += 1
                yield Refused(result.file, result.problems)
                continue
            tally.assessed += 1
            ident = result.brief["person"]["id"]
            if ident and key in seen and not scoring.redact:
                tally.warnings.append(Problem(result.file, "run.duplicate_person", {"id": ident, "other": seen[key]}))
            elif ident:
                seen[key] = result.file
            tally.shortfalls += shortfalls(result.brief, gates.fail_under, list(gates.required))
            yield Assessed(result.file, result.report, result.piece)


def _settings(request: AssessRequest) -> Settings:
    """What a worker scores with, from the request."""
    inputs = request.inputs
    return Settings(request.scoring, inputs.max_bytes, request.presentation.render, inputs.named)


def _record_options(inputs: Inputs, std: Standard) -> RecordOptions | None:
    """How the record files are read, the catalogue read; None when there are none (no spreadsheet code is imported)."""
    if not inputs.reads_records():
        return None
    from kmc_gap.api.records import read_record_options

    return read_record_options(inputs.catalog, inputs.reading, std, inputs.max_bytes)


def _shown(inputs: Inputs, std: Standard, records: RecordOptions | None) -> Alongside:
    """The catalogue's courses (the record files' catalogue, or for the summary the one named) and the plan."""
    courses = records.catalog if records is not None else None
    if records is None and inputs.courses and inputs.catalog is not None:
        from kmc_gap.api.records import optional_catalog

        courses = optional_catalog(inputs.catalog, std, inputs.max_bytes)
    planned = None
    if inputs.plan is not None:
        from kmc_gap.api.plan import load_plan

        planned = load_plan(inputs.plan, inputs.max_bytes)
    return Alongside(tuple(courses.related()) if courses is not None else None, planned)
