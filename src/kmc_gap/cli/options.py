"""The options several commands share, declared once.

The language, the date, the policy, the size limit and the options that say how record files are read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
