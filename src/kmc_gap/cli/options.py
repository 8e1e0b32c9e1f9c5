"""The options several commands share, declared once.

The language, the date, the policy, the size limit and the options that say how record files are read.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from kmc_gap.api.reading import RecordReading

# The language is read, and its spelling checked, before Click parses anything (chosen_lang); the
# option is declared so that it is accepted and listed in the help.
LangOption = Annotated[
    str | None, typer.Option("--lang", "-l", metavar="LANG", help="help.opt.lang", show_default=False)
]


MaxSizeOption = Annotated[int, typer.Option("--max-size", min=1, metavar="BYTES", help="help.opt.max_size")]


AsOfOption = Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="help.opt.as_of")]


PolicyOption = Annotated[str, typer.Option("--policy", metavar="POLICY", help="help.opt.policy")]


FormatOption = typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.view_format")


RecordsCatalogOption = Annotated[
    Path | None, typer.Option("--catalog", "-c", metavar="FILE", help="help.opt.records_catalog")
]


SheetOption = Annotated[str | None, typer.Option("--sheet", metavar="NAME", help="help.opt.sheet")]


ColumnsOption = Annotated[
    str | None, typer.Option("--columns", metavar="FIELD=HEADER,…", help="help.opt.columns", show_default=False)
]


RosterOption = Annotated[
    list[Path] | None, typer.Option("--roster", metavar="FILE", help="help.opt.roster", show_default=False)
]


VerifiedByOption = Annotated[
    str | None, typer.Option("--verified-by", metavar="NAME", help="help.opt.verified_by", show_default=False)
]


IncludeLeaversOption = Annotated[bool, typer.Option("--include-leavers", help="help.opt.include_leavers")]


MappingOption = Annotated[
    Path | None, typer.Option("--mapping", metavar="FILE", help="help.opt.mapping", show_default=False)
]


IssuerKeyOption = Annotated[
    Path | None, typer.Option("--issuer-key", metavar="FILE", help="help.opt.issuer_key", show_default=False)
]


#: The record-reading options, in the order of the help: (parameter, its option, its default).
READING_OPTIONS: tuple[tuple[str, Any, Any], ...] = (
    ("sheet", SheetOption, None),
    ("columns", ColumnsOption, None),
    ("roster", RosterOption, None),
    ("verified_by", VerifiedByOption, None),
    ("include_leavers", IncludeLeaversOption, False),
    ("mapping", MappingOption, None),
    ("issuer_key", IssuerKeyOption, None),
)

F = TypeVar("F", bound=Callable[..., Any])


def reads_records(*, without: tuple[str, ...] = ()) -> Callable[[F], F]:
    """Give a command the record-reading options, declared here once, as one ``reading: RecordReading``.

    The command is written ``def cmd(…, reading: RecordReading = NO_READING, …)``; Typer sees the
    options in its place, in :data:`READING_OPTIONS`' order, and the command gets them as one value.
    ``without`` leaves out the options that mean nothing to a command (``records inspect`` has no
    ``--verified-by``).
    """

    def decorate(command: F) -> F:
        names = [name for name, _, _ in READING_OPTIONS if name not in without]
        added = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=option)
            for name, option, default in READING_OPTIONS
            if name in names
        ]
        params: list[inspect.Parameter] = []
        for param in inspect.signature(command, eval_str=True).parameters.values():
            keyword = param.replace(kind=inspect.Parameter.KEYWORD_ONLY)
            params += added if param.name == "reading" else [keyword]

        @functools.wraps(command)
        def with_reading(*args: Any, **kwargs: Any) -> Any:
            given = {name: kwargs.pop(name) for name in names}
            given["roster"] = tuple(given.get("roster") or ())
            from kmc_gap.cli.help import lang  # the run's language, chosen before any option was parsed

            return command(*args, reading=RecordReading(**given, lang=lang()), **kwargs)

        with_reading.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        with_reading.__annotations__ = {p.name: p.annotation for p in params}
        return with_reading  # type: ignore[return-value]

    return decorate


A = TypeVar("A")
R = TypeVar("R")


def declared_in(args: type[A]) -> Callable[[Callable[[typer.Context, A], R]], Callable[..., R]]:
    """A command whose arguments and options are the fields of the dataclass ``args``, each declared there once
    with its Typer option, and which is called with them as one ``args`` value.

    ``def run(ctx, args: Args)`` becomes a command Typer reads as ``def cmd(ctx, *, profiles, fmt, …)``; a field
    named ``reading`` stands for the record-reading options (:func:`reads_records` puts them in its place).
    """

    def decorate(run: Callable[[typer.Context, A], R]) -> Callable[..., R]:
        hints = typing.get_type_hints(args, include_extras=True)
        params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)]
        for spec in dataclasses.fields(args):  # type: ignore[arg-type]
            default = spec.default if spec.default is not dataclasses.MISSING else inspect.Parameter.empty
            params.append(
                inspect.Parameter(
                    spec.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=hints[spec.name]
                )
            )

        @functools.wraps(run)
        def command(ctx: typer.Context, **given: Any) -> R:
            return run(ctx, args(**given))

        command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params}
        return command

    return decorate
