"""`kmc-gap transcribe`: the command's options, checked and handed to the API; what came of it told."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kmc_gap.cli.common import fail, run_inputs, say
from kmc_gap.cli.group import app
from kmc_gap.cli.help import LocalCommand, lang
from kmc_gap.cli.options import LangOption
from kmc_gap.cli.outcome import EXIT_FINDINGS, Outcome
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import Problem, os_reason


@app.command("transcribe", cls=LocalCommand, help="help.cmd.transcribe")
def transcribe_cmd(
    ctx: typer.Context,
    document: Annotated[Path, typer.Argument(metavar="DOCUMENT", help="help.arg.document", dir_okay=False)],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="help.opt.transcribe_output", dir_okay=False),
    ] = None,
    accept: Annotated[bool, typer.Option("--accept", help="help.opt.accept")] = False,
    force: Annotated[bool, typer.Option("--force", help="help.opt.force")] = False,
    lang_: LangOption = None,
) -> Outcome:
    from kmc_gap.api.files import check_output, write_atomic
    from kmc_gap.api.transcribe import transcribe

    if output is not None:
        check_output(output, [document, *run_inputs(ctx)])
    found = transcribe(document, shown(document), accept=accept, lang=lang())
    if found.problems:
        fail(found.problems)
    if found.text is None or found.standard is None:  # choices left to check, and no --accept
        return Outcome(
            warnings=found.choices, said=[say("transcribe.unclear", n=len(found.choices))], code=EXIT_FINDINGS
        )
    tasks = len(found.standard.tasks())
    if output is None:
        sys.stdout.write(found.text)
        return Outcome(warnings=found.choices)
    try:
        write_atomic(output, found.text, force=force)
    except FileExistsError:
        fail([Problem(shown(output), "file.exists")])
    except OSError as exc:
        fail([Problem(shown(output), "file.unwritable", {"reason": os_reason(exc)})])
    said = say("run.wrote_standard", path=shown(output), code=found.standard.code, tasks=tasks)
    return Outcome(warnings=found.choices, said=[said])
