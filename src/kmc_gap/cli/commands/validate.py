"""`kmc-gap validate`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.api.reading import NO_READING, RecordReading
from kmc_gap.cli.common import context, expand_paths, say, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand
from kmc_gap.cli.options import (
    LangOption,
    MaxSizeOption,
    reads_records,
)
from kmc_gap.cli.outcome import EXIT_FINDINGS, EXIT_OK, Outcome
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    ValidateFormat,
)


@app.command("validate", cls=LocalCommand, help="help.cmd.validate")
@reads_records()
def validate_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="PROFILE", help="help.arg.profiles", show_default=False)],
    policy: Annotated[str | None, typer.Option("--policy", metavar="FILE", help="help.opt.validate_policy")] = None,
    catalog: Annotated[
        Path | None, typer.Option("--catalog", "-c", metavar="FILE", help="help.opt.validate_catalog")
    ] = None,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.problem_format")
    ] = ValidateFormat.text,
    lang_: LangOption = None,
    reading: RecordReading = NO_READING,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> Outcome:
    from kmc_gap.api.validate import ValidateRequest, validate
    from kmc_gap.render.validate import RENDERERS

    std = standard_of(ctx)
    told = Outcome()
    found = expand_paths(files, told)
    request = ValidateRequest(tuple(found.files), found.named, policy, catalog, reading, max_size)
    checks = validate(request, std)
    told.warnings += [w for c in checks for w in c.warnings]
    checks = [c for c in checks if c.kind != "skipped"]
    RENDERERS[fmt].write(checks, sys.stdout, context(std))
    invalid = sum(not c.valid for c in checks)
    told.said.append(say("run.checked", n=len(checks), invalid=invalid))
    told.code = EXIT_FINDINGS if invalid else EXIT_OK
    return told
