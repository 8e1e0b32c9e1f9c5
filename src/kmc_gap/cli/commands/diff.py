"""`kmc-gap diff`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.cli.common import context, say, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand
from kmc_gap.cli.options import AsOfOption, FormatOption, LangOption, MaxSizeOption, PolicyOption
from kmc_gap.cli.outcome import Outcome
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    DocFormat,
)


@app.command("diff", cls=LocalCommand, help="help.cmd.diff")
def diff_cmd(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help="help.arg.old", show_default=False)],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="help.arg.new", show_default=False)],
    fmt: Annotated[DocFormat, FormatOption] = DocFormat.table,
    lang_: LangOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    from kmc_gap.api import inputs
    from kmc_gap.api.diff import DiffRequest, diff
    from kmc_gap.render.diff import RENDERERS

    day = inputs.as_of(as_of)
    std = standard_of(ctx)
    policy_name, pol = inputs.policy(policy, max_size)
    result = diff(DiffRequest(old, new, pol, day, policy_name, max_size), std)
    RENDERERS[fmt].write(result, sys.stdout, context(std))
    return Outcome(notes=[] if result["same_person"] else [say("run.other_person")])
