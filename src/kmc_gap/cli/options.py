"""The options several commands share, declared once.

The language, the date, the policy, the size limit and the options that say how record files are read.
"""

from __future__ import annotations

import functools
import inspect
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
