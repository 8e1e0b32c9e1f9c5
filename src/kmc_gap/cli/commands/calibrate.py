"""`kmc-gap calibrate`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.api.errors import OptionError
from kmc_gap.cli.common import context, destination, expand_paths, output_format, say, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand
from kmc_gap.cli.options import LangOption, MaxSizeOption
from kmc_gap.cli.outcome import EXIT_INVALID, EXIT_OK, Outcome
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    CalibrateFormat,
)


@app.command("calibrate", cls=LocalCommand, help="help.cmd.calibrate")
def calibrate_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="FORMS", help="help.arg.forms", show_default=False)],
    fmt: Annotated[
        CalibrateFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.calibrate_format", show_default=False),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.output", dir_okay=False)
    ] = None,
    top: Annotated[int, typer.Option("--top", metavar="N", min=0, help="help.opt.calibrate_top")] = 20,
    lang_: LangOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    from kmc_gap.api.calibrate import CalibrateRequest, calibrate_paths
    from kmc_gap.render.calibrate import RENDERERS

    fmt = output_format(CalibrateFormat, fmt, output, CalibrateFormat.table)
    if fmt is CalibrateFormat.xlsx and output is None and sys.stdout.isatty():
        raise OptionError("--format", "usage.xlsx_terminal")
    std = standard_of(ctx)
    told = Outcome()
    expanded = expand_paths(files, told)
    request = CalibrateRequest(tuple(expanded.files), max_size)
    run = calibrate_paths(request, std)
    told.warnings += run.warnings
    told.problems += run.problems
    if run.calibration is not None:
        with destination(ctx, output, request.never_overwrite()) as written:
            RENDERERS[fmt].write(run.calibration, written.stream, context(std, top=top or None))
        if output is not None:
            people = len({i["person"]["id"] for i in run.calibration["items"]})
            told.said.append(say("run.wrote_people", path=output, n=people))
    told.code = EXIT_INVALID if run.calibration is None else EXIT_OK
    return told
