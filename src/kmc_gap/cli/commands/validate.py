"""`kmc-gap validate`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.cli.common import EXIT_FINDINGS, EXIT_INVALID, context, expand_paths, say, standard_of, warn
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand
from kmc_gap.cli.options import (
    ColumnsOption,
    IncludeLeaversOption,
    IssuerKeyOption,
    LangOption,
    MappingOption,
    MaxSizeOption,
    RosterOption,
    SheetOption,
    VerifiedByOption,
)
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    ValidateFormat,
)


@app.command("validate", cls=LocalCommand, help="help.cmd.validate")
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
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    roster: RosterOption = None,
    verified_by: VerifiedByOption = None,
    include_leavers: IncludeLeaversOption = False,
    mapping: MappingOption = None,
    issuer_key: IssuerKeyOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api.validate import RecordReading, ValidateRequest, validate
    from kmc_gap.render.validate import RENDERERS

    std = standard_of(ctx)
    found = expand_paths(files)
    reading = RecordReading(sheet, columns, tuple(roster or ()), verified_by, include_leavers, mapping, issuer_key)
    request = ValidateRequest(tuple(found.files), found.named, policy, catalog, reading, max_size)
    checks = validate(request, std)
    warn([w for c in checks for w in c.warnings])
    checks = [c for c in checks if c.kind != "skipped"]
    RENDERERS[fmt].write(checks, sys.stdout, context(std))
    invalid = sum(not c.valid for c in checks)
    say("run.checked", n=len(checks), invalid=invalid)
    if found.empty:
        raise typer.Exit(EXIT_INVALID)
    if invalid:
        raise typer.Exit(EXIT_FINDINGS)
