"""`kmc-gap assess`: the command's options, declared once in :class:`AssessArgs`, checked and made one
:class:`~kmc_gap.api.assess.AssessRequest`; the run's events rendered as they come."""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kmc_gap.api.errors import OptionError
from kmc_gap.api.reading import NO_READING, RecordReading
from kmc_gap.cli.common import (
    context,
    destination,
    expand_paths,
    output_format,
    progress,
    say,
    standard_of,
)
from kmc_gap.cli.compat import ParameterSource
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand, lang, run_of
from kmc_gap.cli.options import (
    AsOfOption,
    LangOption,
    MaxSizeOption,
    PolicyOption,
    RecordsCatalogOption,
    declared_in,
    reads_records,
)
from kmc_gap.cli.outcome import EXIT_FINDINGS, EXIT_OK, Outcome
from kmc_gap.model.kinds import read_together
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    AssessFormat,
    GroupBy,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from kmc_gap.api.assess import AssessRequest, AssessRun, Gates, Opened, Scoring
    from kmc_gap.api.files import Output
    from kmc_gap.model.models import Standard
    from kmc_gap.render.assess import AssessRenderer
    from kmc_gap.render.base import RenderContext

#: The formats that show one person as their own report, where a record file holds only them. A format for
#: tools keeps one shape whatever the data: a record file gives a list of reports, even of one.
PERSON_VIEWS = frozenset({AssessFormat.table, AssessFormat.markdown, AssessFormat.html})


@dataclass(frozen=True, kw_only=True)
class AssessArgs:
    """`kmc-gap assess`'s arguments and options, each declared here once (the command's signature is made from
    these fields), as given, before they are checked and read."""

    profiles: Annotated[list[Path], typer.Argument(metavar="PROFILE", help="help.arg.profiles", show_default=False)]
    fmt: Annotated[
        AssessFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.assess_format", show_default=False),
    ] = None
    lang_: LangOption = None
    as_of: AsOfOption = None
    policy: PolicyOption = "default"
    fail_under: Annotated[str | None, typer.Option("--fail-under", metavar="PCT", help="help.opt.fail_under")] = None
    gaps: Annotated[str, typer.Option("--gaps", metavar="N|all", help="help.opt.gaps")] = "10"
    task: Annotated[str | None, typer.Option("--task", metavar="TASK", help="help.opt.task")] = None
    require: Annotated[str | None, typer.Option("--require", metavar="TASKS", help="help.opt.require")] = None
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.output", dir_okay=False)
    ] = None
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help="help.opt.jobs")] = 1
    redact: Annotated[bool, typer.Option("--redact", help="help.opt.redact")] = False
    bom: Annotated[bool, typer.Option("--bom/--no-bom", help="help.opt.bom")] = True
    warn_expiring: Annotated[
        int, typer.Option("--warn-expiring", min=0, metavar="DAYS", help="help.opt.warn_expiring")
    ] = 90
    catalog: RecordsCatalogOption = None
    reading: RecordReading = NO_READING
    plan_file: Annotated[
        Path | None, typer.Option("--plan", metavar="FILE", help="help.opt.summary_plan", show_default=False)
    ] = None
    group_by: Annotated[
        GroupBy | None, typer.Option("--group-by", metavar="FIELD", help="help.opt.group_by", show_default=False)
    ] = None
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES


@app.command("assess", cls=LocalCommand, help="help.cmd.assess")
@reads_records()
@declared_in(AssessArgs)
def assess_cmd(ctx: typer.Context, a: AssessArgs) -> Outcome:
    """Check the options (in the order their errors are said), make them one request, and render the run's
    events in the chosen format."""
    from kmc_gap.api import inputs
    from kmc_gap.api.assess import AssessRun, Scoring

    day = inputs.as_of(a.as_of)
    std = standard_of(ctx)
    gates = _gates(a, std)
    shown = _context(a, std)
    fmt = output_format(AssessFormat, a.fmt, a.output, AssessFormat.table)
    if fmt is AssessFormat.xlsx and a.output is None and sys.stdout.isatty():
        raise OptionError("--format", "usage.xlsx_terminal")
    policy_name, pol = inputs.policy(a.policy, a.max_size)
    scoring = Scoring(
        policy=pol,
        as_of=day,
        policy_name=policy_name,
        standard_path=run_of(ctx).standard,
        warn_days=a.warn_expiring,
        redact=a.redact,
    )
    told = Outcome()
    found = expand_paths(a.profiles, told)  # the inputs, once every option is known to be right
    cohort = len(found.files) > 1 or any(p.is_dir() or read_together(p) for p in a.profiles)
    shown = replace(shown, cohort=cohort)
    request = _request(a, fmt, found.files, found.named, scoring, gates, shown)
    if not request.inputs.reads_records() and _records_options_given(ctx, a, fmt):
        told.notes.append(say("run.records_options_unused"))  # a config file's catalogue is for runs that need one
    run = AssessRun(request, std)
    with destination(ctx, a.output, request.never_overwrite()) as written, progress(len(found.files)) as advance:
        _render(run, written, fmt, shown, told, advance)
    tally = run.tally
    told.warnings += tally.warnings
    told.said += [problem.format(lang()) if cohort else problem.message(lang()) for problem in tally.shortfalls]
    if a.output is not None and tally.assessed:
        told.said.append(say("run.wrote_people", path=a.output, n=tally.assessed))
    told.code = EXIT_FINDINGS if tally.shortfalls else EXIT_OK
    return told


def _gates(a: AssessArgs, std: Standard) -> Gates:
    """``--require`` and ``--fail-under``, checked."""
    from kmc_gap.api import thresholds
    from kmc_gap.api.assess import Gates

    required = tuple(thresholds.required_tasks(a.require, std))
    return Gates(fail_under=thresholds.percentage(a.fail_under), required=required)


def _context(a: AssessArgs, std: Standard) -> RenderContext:
    """How reports are shown, made once: the run adds only whether there are several people and what the
    reports are shown with (courses, a plan)."""
    from kmc_gap.api import inputs, thresholds

    gaps = inputs.gap_count(a.gaps)
    detail = thresholds.required_tasks(a.task, std)[0] if a.task else None
    group = a.group_by.value if a.group_by is not None else None
    return context(std, bom=a.bom, gaps=gaps, task=detail, group_by=group)


def _request(
    a: AssessArgs,
    fmt: AssessFormat,
    paths: list[Path],
    named: frozenset[Path],
    scoring: Scoring,
    gates: Gates,
    shown: RenderContext,
) -> AssessRequest:
    """The checked options as one request: inputs, scoring, gates and presentation."""
    from kmc_gap.api.assess import AssessRequest, Inputs, Presentation
    from kmc_gap.render.assess import Piece, renderer

    kind = renderer(fmt)
    inputs = Inputs(
        paths=tuple(paths),
        named=named,
        catalog=a.catalog,
        reading=a.reading,
        plan=a.plan_file,
        courses=fmt is AssessFormat.summary,
        max_bytes=a.max_size,
    )
    presentation = Presentation(render=Piece(kind, shown) if kind.pieces else None)
    return AssessRequest(inputs=inputs, scoring=scoring, gates=gates, presentation=presentation, jobs=a.jobs)


def _render(
    run: AssessRun, written: Output, fmt: AssessFormat, shown: RenderContext, told: Outcome, advance: Callable[[], None]
) -> None:
    """Each event of the run, rendered as it comes; an ``-o`` file is kept as it was when no one was assessed."""
    from kmc_gap.api.assess import Assessed, Opened, Refused

    writer: AssessRenderer | None = None
    for event in run:
        if isinstance(event, Opened):
            writer = _writer(written, fmt, shown, event)
            continue
        assert writer is not None  # Opened comes first
        advance()
        if isinstance(event, Refused):
            writer.failure(event.file, event.problems)
            told.problems += event.problems
        elif isinstance(event, Assessed) and event.report is not None:
            writer.add(event.report)
        elif isinstance(event, Assessed) and event.piece is not None:
            writer.add_piece(event.piece)
    if writer is not None:
        writer.finish()
    if not run.tally.assessed:
        written.discard()


def _records_options_given(ctx: typer.Context, a: AssessArgs, fmt: AssessFormat) -> bool:
    """Whether options that only record files use were given (a config file's catalogue is not: it is for runs
    that need one)."""
    catalog = a.catalog if ctx.get_parameter_source("catalog") is not ParameterSource.DEFAULT_MAP else None
    summary = fmt is AssessFormat.summary
    return bool((catalog and not summary) or a.reading.sheet or a.reading.columns or a.reading.verified_by)


def _writer(written: Output, fmt: AssessFormat, shown: RenderContext, opened: Opened) -> AssessRenderer:
    """The chosen format's renderer, started, once the run says what its reports are shown with."""
    from kmc_gap.render.assess import renderer

    alongside = opened.alongside
    alone = alongside.alone and fmt in PERSON_VIEWS  # one person's file: their report; JSON keeps its list
    ctx = replace(shown, courses=alongside.courses, plan=alongside.plan, cohort=shown.cohort and not alone)
    writer = renderer(fmt)(written.stream, ctx)
    if opened.counts:
        writer.inputs(opened.counts)
    writer.start()
    return writer
