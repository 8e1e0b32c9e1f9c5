"""`kmc-gap init`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.cli.common import context, fail, run_inputs, say, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand
from kmc_gap.cli.options import LangOption
from kmc_gap.cli.outcome import Outcome
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import Problem, os_reason


@app.command("init", cls=LocalCommand, help="help.cmd.init")
def init_cmd(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.init_output", dir_okay=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.opt.force")] = False,
    lang_: LangOption = None,
) -> Outcome:
    import datetime as dt
    import io

    from kmc_gap.api.files import check_output, write_atomic
    from kmc_gap.render.formats import StarterFormat
    from kmc_gap.render.starter import RENDERERS

    std = standard_of(ctx)
    buffer = io.StringIO()
    RENDERERS[StarterFormat.yaml].write(dt.date.today(), buffer, context(std))
    if output is None:
        sys.stdout.write(buffer.getvalue())
        return Outcome()
    try:
        check_output(output, list(run_inputs(ctx)))
        write_atomic(output, buffer.getvalue(), force=force)
    except FileExistsError:
        fail([Problem(shown(output), "file.exists")])
    except OSError as exc:
        fail([Problem(shown(output), "file.unwritable", {"reason": os_reason(exc)})])
    return Outcome(said=[say("run.wrote", path=output)])
