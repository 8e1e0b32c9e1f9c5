"""What every command does the same way.

The run's standard and render context; inputs expanded, and never overwritten; output written
atomically; problems, warnings and notes on stderr.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO, TypeVar

import typer

from kmc_gap.cli.help import lang, run_of
from kmc_gap.cli.outcome import Outcome, Stop
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import KmcGapError, Problem, os_reason
from kmc_gap.words import t

F = TypeVar("F", bound=StrEnum)

if TYPE_CHECKING:
    import datetime as dt

    from kmc_gap.api.files import Output
    from kmc_gap.api.plan import PlanRun
    from kmc_gap.model.models import Policy, Standard
    from kmc_gap.model.paths import Expansion
    from kmc_gap.render.base import RenderContext


def say(key: str, **args: object) -> str:
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


def run_inputs(ctx: typer.Context) -> tuple[Path, ...]:
    """The files the run reads whatever its command: the ``--standard`` file and the config file."""
    from kmc_gap.api.reading import named_files

    run = run_of(ctx)
    return named_files(run.standard, run.config.path if run.config is not None else None)


@contextlib.contextmanager
def destination(ctx: typer.Context, output: Path | None, inputs: Iterable[Path]) -> Iterator[Output]:
    """stdout, or ``output`` written safely (see :mod:`kmc_gap.api.files`), never over ``inputs`` or the run's own."""
    from kmc_gap.api.files import Output

    if output is None:
        yield Output(sys.stdout)
        return
    from kmc_gap.api.files import atomic_file, check_output

    check_output(output, [*inputs, *run_inputs(ctx)])
    try:
        with atomic_file(output) as handle:
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


def output_format(formats: type[F], chosen: F | None, output: Path | None, default: F) -> F:
    """The format of a run: ``--format``, else what the ``-o`` file's ending asks for, else ``default``.

    An ending that names no format the command writes (``-o report.pdf``) is a usage error listing the
    endings it knows, never a text table under a name that promises something else.
    """
    from kmc_gap.api.errors import OptionError
    from kmc_gap.render.formats import format_in, suffixes_for, unknown_suffix

    if chosen is not None:
        return chosen
    suffix = unknown_suffix(formats, output)
    if suffix is not None:
        raise OptionError("--output", "usage.output_suffix", suffix=suffix, known=", ".join(suffixes_for(formats)))
    return format_in(formats, output) or default
