"""`kmc-gap plan`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.api.errors import OptionError
from kmc_gap.api.reading import NO_READING, RecordReading
from kmc_gap.cli.common import context, destination, expand_paths, output_format, plan_summary, say, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand
from kmc_gap.cli.options import (
    AsOfOption,
    LangOption,
    MaxSizeOption,
    PolicyOption,
    reads_records,
)
from kmc_gap.cli.outcome import Outcome
from kmc_gap.model.limits import MAX_HOURS
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    PlanFormat,
)


@app.command("plan", cls=LocalCommand, help="help.cmd.plan")
@reads_records()
def plan_cmd(
    ctx: typer.Context,
    profiles: Annotated[list[Path], typer.Argument(metavar="PROFILE", help="help.arg.profiles", show_default=False)],
    catalog: Annotated[
        Path, typer.Option("--catalog", "-c", metavar="FILE", help="help.opt.catalog", show_default=False)
    ],
    budget: Annotated[str | None, typer.Option("--budget", metavar="AMOUNT", help="help.opt.budget")] = None,
    max_hours: Annotated[
        float | None, typer.Option("--max-hours", min=0, max=MAX_HOURS, metavar="HOURS", help="help.opt.max_hours")
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=1, metavar="SECONDS", help="help.opt.time_limit")
    ] = 60,
    fmt: Annotated[
        PlanFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.plan_format", show_default=False),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.output", dir_okay=False)
    ] = None,
    lang_: LangOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    reading: RecordReading = NO_READING,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    from kmc_gap.api import inputs
    from kmc_gap.api.plan import PlanRequest, plan
    from kmc_gap.engine.plan import PlanOptions
    from kmc_gap.render.plan import RENDERERS

    started = time.monotonic()  # --time-limit bounds the whole command, reading the inputs included
    fmt = output_format(PlanFormat, fmt, output, PlanFormat.table)
    if fmt is PlanFormat.xlsx and output is None and sys.stdout.isatty():
        raise OptionError("--format", "usage.xlsx_terminal")
    day = inputs.as_of(as_of)
    std = standard_of(ctx)
    told = Outcome()
    found = expand_paths(profiles, told)
    limit = inputs.amount("--budget", budget) if budget is not None else None
    options = PlanOptions(budget=limit, max_hours=max_hours, time_limit=time_limit, started=started)
    policy_name, pol = inputs.policy(policy, max_size)
    request = PlanRequest(tuple(found.files), catalog, pol, day, policy_name, options, max_size, reading)
    run = plan(request, std)
    told.warnings += run.warnings
    told.problems += run.problems
    if run.plan is not None:
        with destination(ctx, output, request.never_overwrite()) as written:
            if fmt is PlanFormat.summary:  # the team's page with this plan
                plan_summary(written.stream, run, std, pol, policy_name, day)
            else:
                RENDERERS[fmt].write(run.plan, written.stream, context(std))
        if output is not None:
            n, courses = len(run.plan["people"]), len(run.plan["courses"])
            told.said.append(say("run.wrote_plan", path=output, n=n, courses=courses))
    return told
