"""`kmc-gap form`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.api.reading import NO_READING, RecordReading
from kmc_gap.cli.common import expand_paths, fail, run_inputs, say, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand, lang
from kmc_gap.cli.options import (
    AsOfOption,
    LangOption,
    MaxSizeOption,
    PolicyOption,
    RecordsCatalogOption,
    reads_records,
)
from kmc_gap.cli.outcome import EXIT_INVALID, EXIT_OK, Outcome
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import Problem, os_reason
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.words import Word


@app.command("form", cls=LocalCommand, help="help.cmd.form")
@reads_records()
def form_cmd(
    ctx: typer.Context,
    people: Annotated[list[Path], typer.Argument(metavar="PEOPLE", help="help.arg.people", show_default=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR|FILE.xlsx", help="help.opt.form_output", show_default=False)
    ],
    only_gaps: Annotated[bool, typer.Option("--only-gaps", help="help.opt.only_gaps")] = False,
    task: Annotated[
        list[str] | None, typer.Option("--task", metavar="TASK", help="help.opt.form_task", show_default=False)
    ] = None,
    raters: Annotated[
        str | None, typer.Option("--raters", metavar="RATERS", help="help.opt.raters", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.opt.form_force")] = False,
    catalog: RecordsCatalogOption = None,
    lang_: LangOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    reading: RecordReading = NO_READING,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    from kmc_gap.api import inputs
    from kmc_gap.api.forms import FormRequest, make_forms
    from kmc_gap.api.forms import raters as rater_list
    from kmc_gap.api.thresholds import task_codes
    from kmc_gap.model.forms import FormSpec
    from kmc_gap.render.form import form_workbook

    std = standard_of(ctx)
    spec = FormSpec(rater_list(raters), tuple(task_codes(task, std, "--task")) if task else (), only_gaps)
    day = inputs.as_of(as_of)
    told = Outcome()
    found = expand_paths(people, told)
    policy_name, pol = inputs.policy(policy, max_size)
    request = FormRequest(
        tuple(found.files), output, spec, pol, day, lang(), catalog, reading, policy_name, max_size,
        run_inputs(ctx), force,
    )  # fmt: skip
    try:
        run = make_forms(request, std, form_workbook)
    except OSError as exc:
        fail([Problem(shown(output), "file.unwritable", {"reason": os_reason(exc)})])
    told.warnings += run.warnings
    told.problems += run.problems
    if run.kept:
        names = tuple(Word("form.name", {"name": path.name}) for path in run.kept)
        told.said.append(say("form.kept", n=len(run.kept), names=names))
    if run.written:
        told.said.append(say("run.wrote_forms", n=sum(n for _, n in run.written), path=output))
    told.code = EXIT_OK if run.written or run.kept else EXIT_INVALID
    return told
