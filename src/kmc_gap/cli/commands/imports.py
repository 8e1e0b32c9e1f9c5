"""`kmc-gap import`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.api.reading import NO_READING, RecordReading
from kmc_gap.cli.common import context, fail, run_inputs, say, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand, lang
from kmc_gap.cli.options import (
    LangOption,
    MaxSizeOption,
    RecordsCatalogOption,
    reads_records,
)
from kmc_gap.cli.outcome import Outcome
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    ImportFormat,
)
from kmc_gap.words import t


@app.command("import", cls=LocalCommand, help="help.cmd.import")
@reads_records()
def import_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="RECORDS", help="help.arg.records", show_default=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="help.opt.import_output", show_default=False)
    ],
    catalog: RecordsCatalogOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="help.opt.dry_run")] = False,
    fmt: Annotated[
        ImportFormat, typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.import_format")
    ] = ImportFormat.table,
    lang_: LangOption = None,
    reading: RecordReading = NO_READING,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    from kmc_gap.api.imports import ImportRequest, import_records
    from kmc_gap.render.imports import RENDERERS

    std = standard_of(ctx)
    if output.exists() and not output.is_dir():
        fail([Problem(shown(output), "file.not_dir")])
    request = ImportRequest(tuple(files), output, lang(), catalog, reading, dry_run, max_size, run_inputs(ctx))
    run = import_records(request, std)
    # what became of every row comes first, before the warnings and problems about some of them
    told = Outcome([t(line.key, lang(), **line.args) for line in run.counts], run.warnings, run.problems)
    RENDERERS[fmt].write(run.changes, sys.stdout, context(std))
    written = sum(c.changed for c in run.changes)
    key = "import.dry_run" if dry_run else "import.done"
    told.said.append(say(key, written=written, unchanged=len(run.changes) - written, folder=output))
    return told
