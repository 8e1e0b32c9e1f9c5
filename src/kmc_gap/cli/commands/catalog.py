"""`kmc-gap catalog`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.api.errors import OptionError
from kmc_gap.api.files import filled_refused
from kmc_gap.cli.common import context, destination, say, standard_of
from kmc_gap.cli.group import catalog_app
from kmc_gap.cli.help import LocalCommand
from kmc_gap.cli.options import ColumnsOption, LangOption, MaxSizeOption, SheetOption
from kmc_gap.cli.outcome import EXIT_INVALID, Outcome
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES


@catalog_app.command("init", cls=LocalCommand, help="help.cmd.catalog_init")
def catalog_init_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="RECORDS", help="help.arg.records", show_default=False)],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="help.opt.catalog_output", show_default=False),
    ],
    force: Annotated[bool, typer.Option("--force", help="help.opt.catalog_force")] = False,
    lang_: LangOption = None,
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    from kmc_gap.api.reading import RecordReading
    from kmc_gap.api.records import SkeletonRequest, skeleton_courses
    from kmc_gap.render.catalog import RENDERERS
    from kmc_gap.render.formats import SkeletonFormat

    std = standard_of(ctx)
    fmt = SkeletonFormat.csv if output.suffix.lower() == ".csv" else SkeletonFormat.xlsx
    if fmt is SkeletonFormat.xlsx and output.suffix.lower() != ".xlsx":
        raise OptionError("--output", "usage.skeleton_output", value=str(output))
    request = SkeletonRequest(tuple(files), RecordReading(sheet, columns), max_size)
    filled_refused(output, lambda path: True, force=force)  # a catalogue is filled in by hand: never replaced blank
    found, problems = skeleton_courses(request)
    told = Outcome(problems=problems)
    if not found:
        told.code = EXIT_INVALID
        return told
    with destination(ctx, output, request.never_overwrite()) as written:
        RENDERERS[fmt].write(found, written.stream, context(std))
    told.said.append(say("catalog.written", path=output, n=len(found)))
    return told
