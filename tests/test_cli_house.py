"""The command line's house rules: a module per command, each returning one outcome that ``main`` alone tells."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import typer

from kmc_gap.cli.app import app

COMMANDS = Path(__file__).parent.parent / "src" / "kmc_gap" / "cli" / "commands"
MODULES = sorted(p for p in COMMANDS.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize("path", MODULES, ids=[p.stem for p in MODULES])
def test_a_command_returns_its_outcome_and_never_prints_to_stderr_or_exits(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    commands = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.endswith("_cmd")]
    assert commands, path
    assert all(ast.unparse(n.returns) == "Outcome" for n in commands if n.returns is not None)
    source = ast.unparse(tree)
    for banned in ("typer.Exit", "sys.stderr", "report_problems", "sys.exit"):
        assert banned not in source, (path.name, banned)


def test_every_registered_command_has_its_module() -> None:
    group = typer.main.get_command(app)
    names = set(getattr(group, "commands", {}))
    modules = {p.stem for p in MODULES}
    # import → imports.py (import is a keyword), catalog init → catalog.py, records inspect → records.py
    assert {("imports" if n == "import" else n) for n in names} == modules
