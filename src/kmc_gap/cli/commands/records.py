"""`kmc-gap records`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.api.reading import NO_READING, RecordReading
from kmc_gap.cli.common import context, destination, run_inputs, say, standard_of
from kmc_gap.cli.group import records_app
from kmc_gap.cli.help import LocalCommand, lang
from kmc_gap.cli.options import (
    LangOption,
    MaxSizeOption,
    RecordsCatalogOption,
    reads_records,
)
from kmc_gap.cli.outcome import EXIT_INVALID, Outcome
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    InspectFormat,
)
from kmc_gap.words import t


@records_app.command("inspect", cls=LocalCommand, help="help.cmd.records_inspect")
@reads_records(without=("verified_by", "issuer_key"))
def records_inspect_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="RECORDS", help="help.arg.records", show_default=False)],
    write_mapping: Annotated[
        Path | None,
        typer.Option("--write-mapping", metavar="FILE", help="help.opt.write_mapping", show_default=False),
    ] = None,
    fmt: Annotated[
        InspectFormat, typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.inspect_format")
    ] = InspectFormat.table,
    catalog: RecordsCatalogOption = None,
    lang_: LangOption = None,
    reading: RecordReading = NO_READING,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    from kmc_gap.api.inspect import InspectRequest, inspect, mapping_text
    from kmc_gap.render.inspect import RENDERERS

    std = standard_of(ctx)
    request = InspectRequest(tuple(files), catalog, reading, write_mapping, max_size)
    if write_mapping is not None:  # refused before the mapping there is read for its decisions
        from kmc_gap.api.files import check_output

        check_output(write_mapping, [*request.never_overwrite(), *run_inputs(ctx)])
    found = inspect(request, std)
    told = Outcome(problems=list(found.problems))
    RENDERERS[fmt].write(found, sys.stdout, context(std))
    if write_mapping is not None:
        notes = {
            k: t(f"mapping.{k}", lang())
            for k in ("title", "how", "header_open", "word_open", "course_open", "date_order", "hidden_rows", "join")
        }
        with destination(ctx, write_mapping, request.never_overwrite()) as written:
            written.stream.write(mapping_text(found, notes))
        told.said.append(say("inspect.wrote", path=write_mapping))
    if any(table.causes or table.unreadable for table in found.tables):
        told.code = EXIT_INVALID  # rows that would be refused: each is in the tables, not a problem of its own
    return told
