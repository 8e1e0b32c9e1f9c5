"""The command line: a thin Typer layer over the loading, scoring and report modules.

Exit codes: 0 ok, 1 findings or a failed threshold, 2 invalid input or usage.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from kmc_gap import __version__
from kmc_gap.problems import InputError, Problem

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


class Lang(StrEnum):
    """Language of labels and messages."""

    zh_TW = "zh-TW"
    en = "en"


class ViewFormat(StrEnum):
    """Output formats of `kmc-gap standard`."""

    table = "table"
    json = "json"


app = typer.Typer(
    name="kmc-gap",
    help="Competency gap analysis against iCAP standard KMC3332-001v3 (活動 (專案) 行銷企劃人員).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language: zh-TW (default) or en.")]


def _version(value: bool) -> None:
    if value:
        print(f"kmc-gap {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    standard: Annotated[
        Path | None,
        typer.Option("--standard", help="Use this standard file instead of the bundled KMC3332-001v3.", dir_okay=False),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check evidence against an iCAP competency standard (職能基準) and show the gaps."""
    ctx.obj = {"standard": standard}


def fail(problems: list[Problem], lang: Lang) -> NoReturn:
    """Report input problems on stderr and exit with the invalid-input code."""
    from kmc_gap.output import report_problems

    report_problems(problems, lang.value)
    raise typer.Exit(EXIT_INVALID)


def _standard(ctx: typer.Context, lang: Lang):  # type: ignore[no-untyped-def]
    from kmc_gap.loading import load_standard

    try:
        return load_standard(ctx.obj["standard"] if ctx.obj else None)
    except InputError as exc:
        fail(exc.problems, lang)


@app.command("standard")
def standard_cmd(
    ctx: typer.Context,
    code: Annotated[str | None, typer.Argument(help="A code to show: T2, T2.3, K07, S12, A01, P2.3.1, O2.3.3…")] = None,
    lang: LangOption = Lang.zh_TW,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="table or json.")] = ViewFormat.table,
) -> None:
    """Browse the standard: all duties and tasks, one task in full, or one item and the tasks that need it."""
    from kmc_gap.browse import view_for
    from kmc_gap.lookup import index
    from kmc_gap.output import dumps_json

    std = _standard(ctx, lang)
    view = view_for(std, code.strip() if code else None, lang.value)
    if view is None:
        from kmc_gap.loading import suggest

        hint = suggest(code or "", index(std))
        key = "profile.unknown_code_hint" if hint else "profile.unknown_code"
        fail([Problem("kmc-gap standard", key, {"code": code, "suggestion": hint})], lang)
    if fmt is ViewFormat.json:
        print(dumps_json(view))
        return
    from kmc_gap.output import console
    from kmc_gap.standard_view import print_view

    print_view(console(), view, lang.value)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
