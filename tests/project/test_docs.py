"""Every command and every option is documented, as sqlite-utils checks its own: a new flag without a word fails."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from kmc_gap.cli.app import app
from kmc_gap.cli.commands import load_commands
from kmc_gap.cli.compat import Command

from conftest import ROOT

DOCS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").rglob("*.md"))]
#: The pages people write: the command pages under docs/commands/ are written from --help by the tests,
#: so an option they list is not thereby explained anywhere.
WRITTEN = [path for path in DOCS if "commands" not in path.relative_to(ROOT).parts]


def _all_commands() -> Command:
    load_commands()
    return typer.main.get_command(app)


def _text(pages: list[Path] = WRITTEN) -> str:
    return "\n".join(path.read_text("utf-8") for path in pages if path.exists())


def _commands(command: Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Command]]:
    yield " ".join(path), command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(_all_commands()))


def test_an_option_counts_as_documented_only_in_a_page_a_person_wrote() -> None:
    # the command pages are written from --help: were they read, regenerating them would document anything
    generated = ROOT / "docs" / "commands" / "assess.md"
    assert generated in DOCS and generated not in WRITTEN and "--no-bom" in generated.read_text("utf-8")
    assert all("commands" not in path.relative_to(ROOT).parts for path in WRITTEN)


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


COMMAND_DOCS = ROOT / "docs" / "commands"
UPDATE = os.environ.get("KMC_GAP_UPDATE_GOLDEN") == "1"


def _page(name: str) -> str:
    """A command's page: its English help as the CLI prints it, and where the topic pages say more."""
    from conftest import run_cli

    result = run_cli("--lang", "en", *name.split(), "--help")
    assert result.code == 0, result.stderr
    return (
        f"# kmc-gap {name}\n\n"
        f"What `kmc-gap {name} --help --lang en` prints (without `--lang en`, the same in Traditional Chinese).\n"
        "This page is written from the help by the tests: change the help, then run the tests with\n"
        "`KMC_GAP_UPDATE_GOLDEN=1`.\n\n"
        f"```text\n{result.stdout.rstrip()}\n```\n"
    )


def _file_name(name: str) -> str:
    return name.replace(" ", "-") + ".md"


def _index() -> str:
    rows = "\n".join(f"- [kmc-gap {name}]({_file_name(name)})" for name, _ in COMMANDS[1:])
    return (
        "# Commands\n\nEvery command's options, as its `--help` gives them; the topic pages under\n"
        "[docs/](../) say how the pieces fit together.\n\n"
        f"{rows}\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", [name for name, _ in COMMANDS[1:]])
def test_each_command_has_its_page_written_from_its_help(name: str) -> None:
    path = COMMAND_DOCS / _file_name(name)
    text = _page(name)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        pytest.fail(f"rewrote {path}")
    assert path.read_text("utf-8") == text


def test_the_commands_index_lists_every_page() -> None:
    path = COMMAND_DOCS / "README.md"
    if UPDATE:
        path.write_text(_index(), "utf-8")
        pytest.fail(f"rewrote {path}")
    assert path.read_text("utf-8") == _index()
    assert sorted(p.name for p in COMMAND_DOCS.glob("*.md") if p.name != "README.md") == sorted(
        _file_name(name) for name, _ in COMMANDS[1:]
    )


LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchors(path: Path) -> set[str]:
    """The anchors GitHub makes of a page's headings."""
    out = set()
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            out.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return out


@pytest.mark.parametrize("page", DOCS, ids=[str(p.relative_to(ROOT)) for p in DOCS])
def test_every_link_between_the_pages_resolves(page: Path) -> None:
    broken = []
    for target in LINK.findall(page.read_text("utf-8")):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file, _, anchor = target.partition("#")
        where = (page.parent / file).resolve() if file else page
        if not where.exists() or (anchor and where.suffix == ".md" and anchor not in _anchors(where)):
            broken.append(target)
    assert broken == []
