"""`kmc-gap standard`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.api.errors import OptionError
from kmc_gap.cli.common import context, destination, fail, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand, lang
from kmc_gap.cli.options import FormatOption, LangOption
from kmc_gap.cli.outcome import Outcome
from kmc_gap.model.problems import Problem
from kmc_gap.render.formats import (
    ViewFormat,
)


@app.command("standard", cls=LocalCommand, help="help.cmd.standard")
def standard_cmd(
    ctx: typer.Context,
    code: Annotated[str | None, typer.Argument(metavar="CODE", help="help.arg.code", show_default=False)] = None,
    lang_: LangOption = None,
    fmt: Annotated[ViewFormat, FormatOption] = ViewFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.standard_output", dir_okay=False)
    ] = None,
) -> Outcome:
    from kmc_gap.model.loading import suggest
    from kmc_gap.model.lookup import index
    from kmc_gap.render.browse import view_for
    from kmc_gap.render.standard import RENDERERS

    std = standard_of(ctx)
    if fmt is ViewFormat.case and code is not None:
        raise OptionError("--format", "usage.case_whole")
    view = view_for(std, code, lang())
    if view is None:
        hint = suggest(code or "", index(std))
        key = "profile.unknown_code_hint" if hint else "profile.unknown_code"
        fail([Problem("kmc-gap standard", key, {"code": code, "suggestion": hint})])
    with destination(ctx, output, ()) as written:
        RENDERERS[fmt].write(view, written.stream, context(std))
    return Outcome()
