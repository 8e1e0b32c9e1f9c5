"""The tests' own layout: units mirror the package and call the library; helpers are shared from support/."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT, TESTS

PACKAGE = ROOT / "src" / "kmc_gap"


def _modules_of(folder: Path) -> set[str]:
    """The names a unit test in the mirror of ``folder`` may be named after: its modules and packages."""
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in folder.iterdir() if (p / "__init__.py").exists()
    }


def test_every_unit_test_file_is_named_after_the_module_it_tests() -> None:
    strays = []
    for path in sorted((TESTS / "unit").rglob("test_*.py")):
        folder = PACKAGE / path.parent.relative_to(TESTS / "unit")
        name = path.stem.removeprefix("test_")
        if not any(name == module or name.startswith(module + "_") for module in _modules_of(folder)):
            strays.append(path.relative_to(TESTS).as_posix())
    assert strays == []


def test_unit_tests_call_the_library_and_never_the_command_line() -> None:
    found = []
    for path in sorted((TESTS / "unit").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = {node.arg} if isinstance(node, ast.arg) else {node.id} if isinstance(node, ast.Name) else set()
            names |= {alias.name for alias in node.names} if isinstance(node, ast.Import | ast.ImportFrom) else set()
            if names & {"run_line", "run_cli", "CliRunner", "subprocess"}:
                found.append(f"{path.relative_to(TESTS).as_posix()}:{node.lineno}")
    assert found == []


def _imported(node: ast.AST) -> list[str]:
    """The modules an import statement names."""
    if isinstance(node, ast.ImportFrom):
        return [node.module or ""]
    return [alias.name for alias in node.names] if isinstance(node, ast.Import) else []


def test_no_test_module_imports_another() -> None:
    """What several tests share lives in support/ (or conftest.py), so that moving a test file breaks nothing."""
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if any(module.startswith("test_") for module in _imported(node)):
                found.append(f"{path.relative_to(TESTS).as_posix()}:{node.lineno}")
    assert found == []
