"""What every command does the same way.

The run's standard and render context; inputs expanded, and never overwritten; output written
atomically; problems, warnings and notes on stderr.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

import typer

from kmc_gap.cli.help import lang, run_of
from kmc_gap.cli.outcome import Outcome, Stop
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import KmcGapError, Problem, os_reason
from kmc_gap.words import t

if TYPE_CHECKING:
    import datetime as dt

    from kmc_gap.api.plan import PlanRun
    from kmc_gap.api.reading import RecordReading
    from kmc_gap.engine.report import Plan
    from kmc_gap.model.models import Course, Policy, Standard
    from kmc_gap.model.paths import Expansion
    from kmc_gap.model.records import RecordOptions
    from kmc_gap.render.base import RenderContext


def words(key: str, **args: object) -> str:
    """A catalogue entry in the run's language, for an outcome's notes."""
    return t(key, lang(), **args)


def fail(problems: list[Problem]) -> NoReturn:
    """Stop the command for ``problems``: :func:`main` reports them and exits with the invalid-input code."""
    raise KmcGapError(problems)


def standard_of(ctx: typer.Context) -> Standard:
    from kmc_gap.api.inputs import standard

    return standard(run_of(ctx).standard)


def context(std: Standard, **options: object) -> RenderContext:
    from kmc_gap.render.base import RenderContext

    return RenderContext(std, lang(), **options)  # type: ignore[arg-type]


def plan_summary(out: TextIO, run: PlanRun, std: Standard, pol: Policy, policy_name: str, day: dt.date) -> None:
    """``plan --format summary``: the team's one-page summary with this plan, from what the plan read."""
    from kmc_gap.render.assess.summary import SummaryHtmlRenderer

    courses = tuple(run.catalog.related()) if run.catalog is not None else None
    renderer = SummaryHtmlRenderer(out, context(std, cohort=True, courses=courses, plan=run.plan))
    renderer.start()
    for report in run.reports(std, pol, day, policy_name):
        renderer.add(report)
    renderer.finish()


def summary_inputs(
    reading: RecordOptions | None, catalog: Path | None, plan_file: Path | None, std: Standard, max_size: int
) -> tuple[tuple[Course, ...] | None, Plan | None]:
    """The catalogue's courses and the plan the summary shows: which gaps courses close, what the plan costs."""
    if reading is None and catalog is None and plan_file is None:
        return None, None  # a run of YAML profiles alone: no record or spreadsheet code is imported
    from kmc_gap.api import records
    from kmc_gap.api.plan import load_plan

    courses = reading.catalog if reading is not None else records.catalog(catalog, std, max_size)
    planned = load_plan(plan_file, max_size) if plan_file is not None else None
    return (tuple(courses.related()) if courses is not None else None), planned


def record_options(catalog: Path | None, reading: RecordReading, std: Standard, max_size: int) -> RecordOptions:
    """How record files are read: the course catalogue (its problems end the run) and the reading options."""
    from kmc_gap.api import records

    return records.options(records.catalog(catalog, std, max_size), reading, max_size)


def expand_paths(given: list[Path], outcome: Outcome) -> Expansion:
    """The files to read; what a folder search passed over goes to the outcome's warnings.

    A folder with no profiles is a problem of the outcome: the run goes on with the other inputs and
    ends with exit code 2; with nothing at all to read, the command stops there.
    """
    from kmc_gap.model.kinds import FOLDER_SUFFIXES, found_in_folders
    from kmc_gap.model.paths import expand

    found = expand(given, FOLDER_SUFFIXES, found_in_folders)
    outcome.warnings += found.skipped
    outcome.problems += found.empty
    if not found.files:
        raise Stop(outcome)
    return found


def input_files(*specs: str | Path | None) -> list[Path]:
    """The option values that name files (a policy may also be a built-in name)."""
    return [Path(spec) for spec in specs if spec is not None and Path(spec).is_file()]


@contextlib.contextmanager
def destination(output: Path | None, inputs: list[Path]) -> Iterator[TextIO]:
    """stdout, or ``output`` written safely (see :mod:`kmc_gap.api.files`)."""
    if output is None:
        yield sys.stdout
        return
    from kmc_gap.api.files import atomic_output, check_output

    check_output(output, inputs)
    try:
        with atomic_output(output) as handle:
            yield handle
    except OSError as exc:
        fail([Problem(shown(output), "file.unwritable", {"reason": os_reason(exc)})])


PROGRESS_MIN_FILES = 10


@contextlib.contextmanager
def progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal and there are many files; else nothing."""
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("kmc-gap", total=total)
        yield lambda: bar.advance(task)
