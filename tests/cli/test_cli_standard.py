"""`kmc-gap standard`: the tree, a task, an item, JSON, languages and unknown codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmc_gap import __version__
from kmc_gap.model.loading import bundled_standard_path
from kmc_gap.words import t

from conftest import RunLine


def test_version(run_line: RunLine) -> None:
    result = run_line("--version")
    assert (result.code, result.stdout) == (0, f"kmc-gap {__version__}\n")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((), "standard-tree.zh-TW.txt"),
        (("--lang", "en"), "standard-tree.en.txt"),
        (("T2.3",), "standard-T2.3.zh-TW.txt"),
        (("K07", "--lang", "en"), "standard-K07.en.txt"),
        (("A03",), "standard-A03.zh-TW.txt"),
    ],
)
def test_views_golden(run_line: RunLine, golden, args: tuple[str, ...], name: str) -> None:
    result = run_line("standard", *args)
    assert (result.code, result.stderr) == (0, "")
    golden(name, result.stdout)


def test_wide_text_aligns_in_tables(run_line: RunLine) -> None:
    from rich.cells import cell_len

    out = run_line("standard", "T4.2").stdout
    tables: list[list[str]] = []
    previous_was_table = False
    for line in out.splitlines():
        is_table = line[:1] in "┌│├└┏┃┡"
        if is_table and not previous_was_table:
            tables.append([])
        if is_table:
            tables[-1].append(line)
        previous_was_table = is_table
    assert len(tables) == 4  # outputs, indicators, knowledge, skills
    for rows in tables:
        # every line of a table ends in the same column, a CJK character counting as two
        assert len({cell_len(r) for r in rows}) == 1, rows
        assert cell_len(rows[0]) <= 80


def test_item_json_lists_tasks_with_levels(run_line: RunLine) -> None:
    result = run_line("standard", "K07", "--format", "json")
    data = json.loads(result.stdout)
    # K07 財務管理 is listed by T2.1 T2.2 T2.3 T3.1 T3.2 T4.1 T4.2 T5.2 (level 4) and T5.3 (level 3)
    assert data["name"] == "財務管理"
    assert [(t["code"], t["level"]) for t in data["required_by"]] == [
        ("T2.1", 4),
        ("T2.2", 4),
        ("T2.3", 4),
        ("T3.1", 4),
        ("T3.2", 4),
        ("T4.1", 4),
        ("T4.2", 4),
        ("T5.2", 4),
        ("T5.3", 3),
    ]
    assert "\\u" not in result.stdout and "財務管理" in result.stdout


def test_task_json_in_english(run_line: RunLine) -> None:
    data = json.loads(run_line("standard", "T5.3", "-f", "json", "-l", "en").stdout)
    assert data["name"] == "Settle and reconcile expenses"
    assert data["level"] == 3
    assert [k["code"] for k in data["knowledge"]] == ["K07", "K10", "K15", "K16"]
    assert data["skills"] == [{"code": "S09", "name": "Event project execution and management"}]


def test_indicator_and_output_show_their_task(run_line: RunLine) -> None:
    data = json.loads(run_line("standard", "O2.3.3", "-f", "json").stdout)
    assert data["name"] == "風險應變及備案計畫"
    assert data["required_by"] == [{"code": "T2.3", "name": "制訂行銷活動管理計畫", "level": 4}]


def test_overview_json_counts(run_line: RunLine) -> None:
    data = json.loads(run_line("standard", "-f", "json").stdout)
    tasks = [t for d in data["duties"] for t in d["tasks"]]
    assert len(tasks) == 14
    assert sum(t["indicators"] for t in tasks) == 45
    assert next(t for t in tasks if t["code"] == "T4.2") == {
        "code": "T4.2",
        "name": "活動執行與管控",
        "level": 4,
        "outputs": 3,
        "indicators": 7,
        "knowledge": 13,
        "skills": 8,
    }


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("K21", "kmc-gap standard: the standard has no code K21\n"),
        ("k7", "kmc-gap standard: the standard has no code k7 (did you mean K07?)\n"),
        ("t2-3", "kmc-gap standard: the standard has no code t2-3 (did you mean T2.3?)\n"),
    ],
)
def test_unknown_code(run_line: RunLine, code: str, message: str) -> None:
    result = run_line("standard", code, "--lang", "en")
    assert (result.code, result.stdout, result.stderr) == (2, "", message)


def test_unknown_code_in_chinese(run_line: RunLine) -> None:
    result = run_line("standard", "K7")
    said = t("profile.unknown_code_hint", code="K7", suggestion="K07")
    assert (result.code, result.stderr) == (2, f"kmc-gap standard: {said}\n")


def test_other_standard_file(run_line: RunLine, tmp_path: Path) -> None:
    text = bundled_standard_path().read_text(encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(text.replace("name: 結算核銷費用", "name: 結算與核銷費用"), encoding="utf-8")
    result = run_line("--standard", str(other), "standard", "T5.3", "-f", "json")
    assert json.loads(result.stdout)["name"] == "結算與核銷費用"


@pytest.mark.parametrize("where", ["before", "after", "after="])
def test_standard_is_taken_on_either_side_of_the_command(run_line: RunLine, tmp_path: Path, where: str) -> None:
    """``kmc-gap assess --standard pkg …`` as ``kmc-gap --standard pkg assess …``, as ``--lang`` is."""
    text = bundled_standard_path().read_text(encoding="utf-8")
    other = tmp_path / "other.yaml"
    other.write_text(text.replace("name: 結算核銷費用", "name: 結算與核銷費用"), encoding="utf-8")
    given = {"before": ["--standard", str(other), "standard"], "after": ["standard", "--standard", str(other)]}
    args = given.get(where, ["standard", f"--standard={other}"])
    result = run_line(*args, "T5.3", "-f", "json")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "結算與核銷費用"


def test_broken_other_standard_is_reported_with_its_place(run_line: RunLine, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text("code: X\nname: [\n", encoding="utf-8")
    result = run_line("--standard", str(other), "standard", "--lang", "en")
    assert result.code == 2
    assert result.stderr.startswith(f"{other}:3:1: YAML syntax error")


def test_usage_error_exits_2(run_line: RunLine) -> None:
    assert run_line("standard", "--format", "xml").code == 2
