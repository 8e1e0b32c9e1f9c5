"""The program's command group and its global options (--standard, --lang, --version).

Every command module registers its command on this group; :func:`kmc_gap.cli.commands.load_commands` imports
the one a run needs (or all of them).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap import __version__
from kmc_gap.cli.help import LocalGroup, run_of
from kmc_gap.cli.options import LangOption

app = typer.Typer(
    name="kmc-gap",
    cls=LocalGroup,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"kmc-gap {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    standard: Annotated[
        Path | None, typer.Option("--standard", metavar="FILE", help="help.opt.standard", dir_okay=False)
    ] = None,
    lang_: LangOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="help.opt.version")
    ] = False,
) -> None:
    run = run_of(ctx)
    configured = run.config.value("standard") if run.config is not None else None
    ctx.obj = replace(run, standard=standard or (Path(configured) if configured else None))


catalog_app = typer.Typer(cls=LocalGroup, no_args_is_help=True, help="help.cmd.catalog")


app.add_typer(catalog_app, name="catalog", help="help.cmd.catalog")


records_app = typer.Typer(cls=LocalGroup, no_args_is_help=True, help="help.cmd.records")


app.add_typer(records_app, name="records", help="help.cmd.records")
