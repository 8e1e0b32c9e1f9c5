"""The command line's house rules: a module per command, each returning one outcome that ``main`` alone tells."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from kmc_gap.cli.app import app
from kmc_gap.cli.commands import MODULES as NAMED
from kmc_gap.cli.commands import command_named, load_commands
from kmc_gap.cli.compat import Command

from conftest import ROOT, RunLine

COMMANDS = ROOT / "src" / "kmc_gap" / "cli" / "commands"
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


def _all_commands() -> Command:
    load_commands()
    return typer.main.get_command(app)


def test_every_registered_command_has_its_module() -> None:
    group = _all_commands()
    names = set(getattr(group, "commands", {}))
    modules = {p.stem for p in MODULES}
    # import → imports.py (import is a keyword), catalog init → catalog.py, records inspect → records.py
    assert {("imports" if n == "import" else n) for n in names} == modules


@pytest.mark.parametrize(
    ("argv", "name"),
    [
        (["assess", "p.yaml"], "assess"),
        (["--lang", "en", "plan", "x"], "plan"),
        (["-l", "en", "--standard", "s.yaml", "catalog", "init"], "catalog"),
        (["--standard=s.yaml", "validate"], "validate"),
        (["--help"], None),
        (["--", "assess"], None),
        ([], None),
    ],
)
def test_the_command_a_run_names_is_found_past_the_group_options(argv: list[str], name: str | None) -> None:
    assert command_named(argv) == name


def test_a_run_imports_only_the_module_of_its_command() -> None:
    # a fresh interpreter: this one has loaded every command already
    probe = (
        "import sys\n"
        "from kmc_gap.cli.commands import load_commands\n"
        "load_commands(['--lang', 'en', 'assess', 'x.yaml'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('kmc_gap.cli.commands.')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['kmc_gap.cli.commands.assess']"


def test_loading_every_command_after_one_keeps_the_listed_order() -> None:
    load_commands(["validate"])
    load_commands()
    assert [info.name for info in app.registered_commands] == [n for n in NAMED if n not in ("catalog", "records")]


@pytest.mark.parametrize(
    ("command", "suffix"), [("assess", ".pdf"), ("assess", ".docx"), ("assess", ".xls"), ("plan", ".xml")]
)
def test_an_output_ending_that_names_no_format_is_a_usage_error(
    run_line: RunLine, tmp_path: Path, command: str, suffix: str
) -> None:
    """``-o report.pdf`` once wrote the plain-text table under that name; now it says which endings it writes."""
    out = tmp_path / f"report{suffix}"
    args = ["-c", "examples/catalog.yaml"] if command == "plan" else []
    run = run_line(command, "examples/profiles/mid-career-planner.yaml", *args, "-o", str(out), "--lang", "en")
    assert run.code == 2 and not out.exists()
    assert suffix in run.stderr and ".html" in run.stderr
    assert run_line(
        command, "examples/profiles/mid-career-planner.yaml", *args, "-o", str(tmp_path / "report")
    ).code in (0, 1)


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (["asess"], "assess"),
        (["assess", "examples/profiles/mid-career-planner.yaml", "--fromat", "json"], "--format"),
        (["schema", "profil"], "profile"),
        (["assess", "examples/profiles/mid-career-planner.yaml", "--require", "T31"], "T3.1"),
        (["assess", "examples/profiles/mid-career-planner.yaml", "--task", "T31"], "T3.1"),
    ],
)
def test_a_near_miss_gets_a_did_you_mean(run_line: RunLine, args: list[str], meant: str) -> None:
    run = run_line(*args, "--lang", "en")
    assert run.code == 2
    assert f"did you mean {meant}?" in run.stderr
    assert "--redact" not in run.stderr  # one near miss, not every option with an r in it


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("lang", ["zh-TW", "en"])
@pytest.mark.parametrize("command", [["assess"], ["plan"], ["records", "inspect"], []])
def test_help_fits_the_terminal_and_never_breaks_a_word(command: list[str], lang: str, columns: int) -> None:
    """Every line fits ``COLUMNS`` (a CJK character takes two cells); a flag, a value or ``[預設：…]`` is never
    cut in two; the zh-TW help has no English placeholder (FILE, PCT%, DAYS) in its sentences."""
    from rich.cells import cell_len

    from conftest import run_cli

    run = run_cli(*command, "--help", "--lang", lang, env={"COLUMNS": str(columns)})
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert all(cell_len(line) <= columns or " " not in line.strip() for line in lines), [
        line for line in lines if cell_len(line) > columns
    ]
    words = " ".join(line.strip() for line in lines)
    for flag in ("--format", "--fail-under", "--issuer-key"):
        assert flag in words or command != ["assess"]
    assert not any(line.rstrip().endswith(("[", "-", "--")) for line in lines)
    if lang == "zh-TW":
        assert not any(word in words for word in (" FILE", "PCT%", " DAYS "))


def test_a_record_file_of_one_person_gives_their_own_report(run_line: RunLine, tmp_path: Path) -> None:
    """One person's records: the one-person report (a verdict line, tasks by duty), not a team matrix of one;
    JSON keeps its list, whatever the file holds."""
    import json

    path = tmp_path / "one.csv"
    path.write_text("員工編號,姓名,課程代號,結訓日期\nE1,王小明,C01,2026-03-05\n", encoding="utf-8")
    table = run_line("assess", str(path), "-c", "examples/catalog.yaml", "--as-of", "2026-12-31")
    assert "結論：" in table.stdout and "(欄位 11 = T1.1" not in table.stdout  # full-width colon, as 人員：
    as_json = run_line("assess", str(path), "-c", "examples/catalog.yaml", "--as-of", "2026-12-31", "-f", "json")
    assert isinstance(json.loads(as_json.stdout), list)
