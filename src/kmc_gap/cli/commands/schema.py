"""`kmc-gap schema`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kmc_gap.api.documents import SchemaName
from kmc_gap.cli.common import context, standard_of
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand
from kmc_gap.cli.outcome import Outcome


@app.command("schema", cls=LocalCommand, help="help.cmd.schema")
def schema_cmd(
    ctx: typer.Context,
    name: Annotated[SchemaName, typer.Argument(metavar="NAME", help="help.arg.schema", show_default=False)],
) -> Outcome:
    from kmc_gap.api.schemas import schema_for
    from kmc_gap.render.formats import SchemaFormat
    from kmc_gap.render.schema import RENDERERS

    std = standard_of(ctx)
    RENDERERS[SchemaFormat.json].write(schema_for(name, std), sys.stdout, context(std))
    return Outcome()
