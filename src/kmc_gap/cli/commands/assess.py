"""`kmc-gap assess`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

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
    reads_records,
)
from kmc_gap.cli.outcome import EXIT_FINDINGS, EXIT_OK, Outcome
from kmc_gap.model.kinds import read_together
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    AssessFormat,
    GroupBy,
)

#: The formats that show one person as their own report, where a record file holds only them. A format for
#: tools keeps one shape whatever the data: a record file gives a list of reports, even of one.
PERSON_VIEWS = frozenset({AssessFormat.table, AssessFormat.markdown, AssessFormat.html})


@app.command("assess", cls=LocalCommand, help="help.cmd.assess")
@reads_records()
def assess_cmd(
    ctx: typer.Context,
    profiles: Annotated[list[Path], typer.Argument(metavar="PROFILE", help="help.arg.profiles", show_default=False)],
    fmt: Annotated[
        AssessFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.assess_format", show_default=False),
    ] = None,
    lang_: LangOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    fail_under: Annotated[str | None, typer.Option("--fail-under", metavar="PCT", help="help.opt.fail_under")] = None,
    gaps: Annotated[str, typer.Option("--gaps", metavar="N|all", help="help.opt.gaps")] = "10",
    task: Annotated[str | None, typer.Option("--task", metavar="TASK", help="help.opt.task")] = None,
    require: Annotated[str | None, typer.Option("--require", metavar="TASKS", help="help.opt.require")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.output", dir_okay=False)
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help="help.opt.jobs")] = 1,
    redact: Annotated[bool, typer.Option("--redact", help="help.opt.redact")] = False,
    bom: Annotated[bool, typer.Option("--bom/--no-bom", help="help.opt.bom")] = True,
    warn_expiring: Annotated[
        int, typer.Option("--warn-expiring", min=0, metavar="DAYS", help="help.opt.warn_expiring")
    ] = 90,
    catalog: RecordsCatalogOption = None,
    reading: RecordReading = NO_READING,
    plan_file: Annotated[
        Path | None, typer.Option("--plan", metavar="FILE", help="help.opt.summary_plan", show_default=False)
    ] = None,
    group_by: Annotated[
        GroupBy | None, typer.Option("--group-by", metavar="FIELD", help="help.opt.group_by", show_default=False)
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    return _assess(ctx, AssessArgs(**{k: v for k, v in locals().items() if k != "ctx"}))  # every option, by its name


@dataclass(frozen=True)
class AssessArgs:
    """`kmc-gap assess`'s options as given, before they are checked and read."""

    profiles: list[Path]
    fmt: AssessFormat | None
    lang_: str | None
    as_of: str | None
    policy: str
    fail_under: str | None
    gaps: str
    task: str | None
    require: str | None
    output: Path | None
    jobs: int
    redact: bool
    bom: bool
    warn_expiring: int
    catalog: Path | None
    reading: RecordReading
    plan_file: Path | None
    group_by: GroupBy | None
    max_size: int


def _assess(ctx: typer.Context, a: AssessArgs) -> Outcome:
    """Check the options, read the inputs into a request, and assess it into the chosen format's renderer."""
    from kmc_gap.api import inputs, thresholds
    from kmc_gap.api.assess import Alongside, AssessRequest, ReportSink, Settings, assess_paths
    from kmc_gap.render.assess import Piece, renderer

    day = inputs.as_of(a.as_of)
    std = standard_of(ctx)
    required = thresholds.required_tasks(a.require, std)
    limit = thresholds.percentage(a.fail_under)
    shown_gaps = inputs.gap_count(a.gaps)
    detail = thresholds.required_tasks(a.task, std)[0] if a.task else None
    fmt = output_format(AssessFormat, a.fmt, a.output, AssessFormat.table)
    if fmt is AssessFormat.xlsx and a.output is None and sys.stdout.isatty():
        raise OptionError("--format", "usage.xlsx_terminal")
    policy_name, pol = inputs.policy(a.policy, a.max_size)
    told = Outcome()
    found = expand_paths(a.profiles, told)
    paths = found.files
    kind = renderer(fmt)
    piece = Piece(kind, lang()) if kind.pieces else None
    settings = Settings(
        run_of(ctx).standard, pol, policy_name, day, a.max_size, a.redact, piece, a.warn_expiring, found.named
    )
    summary = fmt is AssessFormat.summary
    request = AssessRequest(
        tuple(paths), settings, a.catalog, a.reading, a.plan_file, summary, a.jobs, limit, tuple(required)
    )
    catalog = a.catalog if ctx.get_parameter_source("catalog") is not ParameterSource.DEFAULT_MAP else None
    unused = (catalog and not summary) or a.reading.sheet or a.reading.columns or a.reading.verified_by
    if not request.reads_records() and unused:
        told.notes.append(say("run.records_options_unused"))  # a config file's catalogue is for runs that need one
    cohort = len(paths) > 1 or any(p.is_dir() or read_together(p) for p in a.profiles)
    group = a.group_by.value if a.group_by is not None else None
    options = {"cohort": cohort, "bom": a.bom, "gaps": shown_gaps, "task": detail, "group_by": group}
    with destination(ctx, a.output, request.never_overwrite()) as out, progress(len(paths)) as advance:

        def sink(shown: Alongside) -> ReportSink:
            alone = shown.alone and fmt in PERSON_VIEWS  # one person's file: their report; JSON keeps its list
            chosen = {**options, "cohort": options["cohort"] and not alone}
            return kind(out, context(std, courses=shown.courses, plan=shown.plan, **chosen))

        outcome = assess_paths(request, std, sink, on_failure=told.problems.extend, advance=advance)
        if not outcome.assessed and a.output is not None:
            from kmc_gap.api.files import Discard

            raise Discard  # nothing was assessed: an existing -o file stays as it was
    told.warnings += outcome.warnings
    told.said += [problem.format(lang()) if cohort else problem.message(lang()) for problem in outcome.shortfalls]
    if a.output is not None and outcome.assessed:
        told.said.append(say("run.wrote_people", path=a.output, n=outcome.assessed))
    told.code = EXIT_FINDINGS if outcome.shortfalls else EXIT_OK
    return told
