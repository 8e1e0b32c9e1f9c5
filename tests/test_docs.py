"""Every command and every option is documented, as sqlite-utils checks its own: a new flag without a word fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from kmc_gap.cli.app import app
from kmc_gap.cli.compat import Command

ROOT = Path(__file__).parent.parent
DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _text() -> str:
    return "\n".join(path.read_text("utf-8") for path in DOCS if path.exists())


def _commands(command: Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Command]]:
    yield " ".join(path), command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_the_walk_sees_every_command() -> None:
    names = {name for name, _ in COMMANDS}
    assert {"assess", "standard", "plan", "import", "records inspect", "catalog init", "config"} <= names


@pytest.mark.parametrize(("name", "command"), COMMANDS[1:], ids=[name for name, _ in COMMANDS[1:]])
def test_every_command_is_documented(name: str, command: Command) -> None:
    assert f"kmc-gap {name}" in _text()


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name or "kmc-gap" for name, _ in COMMANDS])
def test_every_option_is_documented(name: str, command: Command) -> None:
    text = _text()
    missing = [
        param.opts[0]
        for param in command.params
        if param.param_type_name == "option"
        and param.opts[0] not in ("--help",)
        and not any(opt in text for opt in (*param.opts, *param.secondary_opts) if opt.startswith("--"))
    ]
    assert missing == []
