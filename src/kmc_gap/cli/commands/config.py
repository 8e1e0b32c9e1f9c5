"""`kmc-gap config`: the command's options, checked and handed to the API; the result rendered."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.cli.common import context
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand, run_of
from kmc_gap.cli.options import LangOption
from kmc_gap.cli.outcome import Outcome
from kmc_gap.render.formats import (
    ConfigFormat,
)


@app.command("config", cls=LocalCommand, help="help.cmd.config")
def config_cmd(
    ctx: typer.Context,
    fmt: Annotated[
        ConfigFormat, typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.config_format")
    ] = ConfigFormat.table,
    lang_: LangOption = None,
) -> Outcome:
    from kmc_gap.api.config import cache_folder, load_config
    from kmc_gap.model.loading import load_standard
    from kmc_gap.render.config import RENDERERS

    config = replace(run_of(ctx).config or load_config(Path.cwd(), os.environ), cache=cache_folder())
    RENDERERS[fmt].write(config, sys.stdout, context(load_standard()))
    return Outcome()
