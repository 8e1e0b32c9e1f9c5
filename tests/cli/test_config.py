"""Settings in one place: ``kmc-gap.toml`` or ``[tool.kmc-gap]``, found from the working folder up, and
``KMC_GAP_*`` variables; a flag beats the environment, which beats the file, which beats the default."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kmc_gap.words import t

from conftest import ROOT, Run, RunLine, run_cli

MID = ROOT / "examples" / "profiles" / "mid-career-planner.yaml"


@pytest.fixture
def team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A team's folder with a config file at its top; the run starts in a folder below it."""
    top = tmp_path / "team"
    (top / "reports" / "2026").mkdir(parents=True)
    (top / "data").mkdir()
    (top / "data" / "courses.yaml").write_bytes((ROOT / "examples" / "catalog.yaml").read_bytes())
    (top / "kmc-gap.toml").write_text('policy = "strict"\ncatalog = "data/courses.yaml"\nlang = "en"\n', "utf-8")
    monkeypatch.chdir(top / "reports" / "2026")
    for name in ("STANDARD", "CATALOG", "POLICY", "ROSTER", "MAPPING"):
        monkeypatch.delenv(f"KMC_GAP_{name}", raising=False)
    return top


def _config(*args: str, env: dict[str, str] | None = None) -> dict[str, dict[str, object]]:
    result = run_cli("config", "-f", "json", *args, env=env)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)["settings"]


def _policy(result: Run) -> str:
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)["policy"]["name"]


def test_the_file_is_found_from_a_folder_below_and_its_paths_are_its_own(team: Path) -> None:
    settings = _config()
    assert settings["policy"] == {"value": "strict", "source": str(team / "kmc-gap.toml")}
    # data/courses.yaml of the file's folder, written from the working folder two levels down
    assert settings["catalog"]["value"] == os.path.join("..", "..", "data", "courses.yaml")
    assert settings["standard"] == {"value": None, "source": "default"}


def test_flag_beats_environment_beats_file(team: Path) -> None:
    args = ("assess", str(MID), "-f", "json", "--as-of", "2026-01-01")
    assert _policy(run_cli(*args)) == "strict"  # the file
    assert _policy(run_cli(*args, env={"KMC_GAP_POLICY": "default"})) == "default"  # the environment
    assert _policy(run_cli(*args, "--policy", "strict", env={"KMC_GAP_POLICY": "default"})) == "strict"  # the flag
    assert _config(env={"KMC_GAP_POLICY": "default"})["policy"] == {"value": "default", "source": "env"}


def test_the_files_language_and_the_variables_and_the_flags(team: Path) -> None:
    assert run_cli("config").stdout.startswith(t("config.title", "en"))  # lang = "en" in the file
    assert run_cli("config", env={"KMC_GAP_LANG": "zh-TW"}).stdout.startswith(t("config.title"))
    assert run_cli("config", "--lang", "zh-TW").stdout.startswith(t("config.title"))


def test_a_catalogue_from_the_file_serves_plan_and_never_warns_assess(team: Path) -> None:
    planned = run_cli("plan", str(MID), "-f", "json", "--as-of", "2026-01-01")
    assert planned.code == 0, planned.stderr  # --catalog is required, and the file gives it
    assert json.loads(planned.stdout)["people"]
    assessed = run_cli("assess", str(MID), "--as-of", "2026-01-01")
    assert "record" not in assessed.stderr.lower()  # no "options for record files unused" for the file's catalogue


def test_pyproject_tool_table_and_kmc_gap_toml_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.kmc-gap]\npolicy = "strict"\n', "utf-8")
    assert _config()["policy"]["source"] == str(tmp_path / "pyproject.toml")
    (tmp_path / "kmc-gap.toml").write_text('policy = "default"\n', "utf-8")
    assert _config()["policy"] == {"value": "default", "source": str(tmp_path / "kmc-gap.toml")}


def test_a_pyproject_without_the_table_is_passed_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kmc-gap.toml").write_text('policy = "strict"\n', "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
    monkeypatch.chdir(tmp_path / "sub")
    assert _config()["policy"]["value"] == "strict"


def test_rosters_from_the_file_and_from_the_environment(team: Path) -> None:
    (team / "kmc-gap.toml").write_text('roster = ["people/a.csv", "people/b.csv"]\n', "utf-8")
    here = os.path.join("..", "..", "people")
    assert _config()["roster"]["value"] == [os.path.join(here, "a.csv"), os.path.join(here, "b.csv")]
    env = {"KMC_GAP_ROSTER": os.pathsep.join(["x.csv", "y.csv"])}
    assert _config(env=env)["roster"] == {"value": ["x.csv", "y.csv"], "source": "env"}


def test_a_broken_file_is_located_and_ends_the_run(team: Path) -> None:
    (team / "kmc-gap.toml").write_text('policy = "strict"\ncatalog = \n', "utf-8")
    result = run_cli("--lang", "en", "assess", str(MID))
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"{team / 'kmc-gap.toml'}:2:")
    assert result.stderr.endswith(": TOML syntax error in the config file\n") and "Traceback" not in result.stderr


def test_a_full_width_mark_typed_on_a_chinese_keyboard_is_named(team: Path) -> None:
    (team / "kmc-gap.toml").write_text('policy ＝ "strict"\n', "utf-8")
    result = run_cli("config")
    assert result.code == 2
    assert result.stderr == f"{team / 'kmc-gap.toml'}:1:8: {t('config.syntax_full_width')}\n"


def test_a_full_width_language_is_the_language(team: Path) -> None:
    (team / "kmc-gap.toml").write_text('lang = "ｅｎ"\n', "utf-8")
    assert run_cli("config").stdout.startswith(t("config.title", "en"))
    assert run_cli("--lang", "ｚｈ－ＴＷ", "config").stdout.startswith(t("config.title"))


@pytest.mark.parametrize("text", ["roster = 3\n", 'lang = "fr"\n', 'catalog = ""\n'])
def test_a_bad_value_is_named(team: Path, text: str) -> None:
    (team / "kmc-gap.toml").write_text(text, "utf-8")
    result = run_cli("--lang", "en", "config")
    assert result.code == 2 and "cannot be used" in result.stderr


def test_an_unknown_setting_is_a_warning(team: Path) -> None:
    (team / "kmc-gap.toml").write_text('policy = "strict"\npolcy = "x"\n', "utf-8")
    result = run_cli("--lang", "en", "config")
    assert result.code == 0
    assert "settings kmc-gap does not know: polcy (ignored)" in result.stderr


def test_the_standard_from_the_file_may_be_a_case_package(team: Path) -> None:
    package = team / "data" / "std.json"
    made = run_cli("standard", "--format", "case", "-o", str(package))
    assert made.code == 0, made.stderr
    (team / "kmc-gap.toml").write_text('standard = "data/std.json"\n', "utf-8")
    assert _config()["standard"]["value"] == os.path.join("..", "..", "data", "std.json")
    assert (
        run_cli("standard", "T2.3").stdout
        == run_cli("--standard", str(ROOT / "data" / "kmc3332-001v3.yaml"), "standard", "T2.3").stdout
    )


def test_the_standard_from_the_file_is_the_one_read(team: Path) -> None:
    (team / "kmc-gap.toml").write_text('standard = "data/broken.yaml"\n', "utf-8")
    (team / "data" / "broken.yaml").write_text("code: X\n", "utf-8")
    result = run_cli("--lang", "en", "standard")
    assert result.code == 2 and "broken.yaml" in result.stderr
    assert run_cli("--standard", str(ROOT / "data" / "kmc3332-001v3.yaml"), "standard").code == 0  # the flag wins


def test_config_says_where_checked_standards_are_kept(team: Path, tmp_path: Path) -> None:
    folder = tmp_path / "my-cache"
    shown = json.loads(run_cli("config", "-f", "json", env={"KMC_GAP_CACHE_DIR": str(folder)}).stdout)
    assert shown["cache"] == str(folder)
    table = run_cli("config", env={"KMC_GAP_CACHE_DIR": str(folder)}).stdout  # lang = "en" in the file
    assert f"checked standards are kept in: {folder}" in table
    off = run_cli("config", "-f", "json", env={"KMC_GAP_NO_CACHE": "1"})
    assert json.loads(off.stdout)["cache"] is None
    assert "are not kept (KMC_GAP_NO_CACHE)" in run_cli("config", env={"KMC_GAP_NO_CACHE": "1"}).stdout


def test_no_output_is_written_over_the_config_file(team: Path) -> None:
    config = team / "kmc-gap.toml"
    before = config.read_bytes()
    result = run_cli("assess", str(MID), "-f", "json", "-o", str(config))
    assert result.code == 2
    assert "the output is one of the inputs" in result.stderr  # lang = "en" in the file
    assert config.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "env", "where"),
    [
        (["--lang", "english"], {}, "--lang"),
        ([], {"KMC_GAP_LANG": "english"}, "KMC_GAP_LANG"),
    ],
)
def test_a_bad_language_gets_the_same_answer_wherever_it_is_given(
    run_line: RunLine, args: list[str], env: dict[str, str], where: str
) -> None:
    """``KMC_GAP_LANG=english`` was ignored while ``--lang english`` was an error: both are refused now."""
    run = run_line("assess", "examples/profiles/mid-career-planner.yaml", *args, env=env)
    assert run.code == 2 and where in run.stderr and "english" in run.stderr and run.stdout == ""
