"""A Chinese input method's full-width mode types commands and options as ａｓｓｅｓｓ and －－ｌａｎｇ: they work.

Only command words and option names are rewritten (NFKC); values — file names above all — are kept
exactly as typed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kmc_gap.cli.commands import as_typed

from conftest import ROOT, RunLine

MID = "examples/profiles/mid-career-planner.yaml"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (["ａｓｓｅｓｓ", "ｐ.yaml", "－－ｆｏｒｍａｔ", "json"], ["assess", "ｐ.yaml", "--format", "json"]),
        (["assess", "p.yaml", "－ｏ", "報告．json"], ["assess", "p.yaml", "-o", "報告．json"]),
        (
            ["－－ｌａｎｇ", "ｅｎ", "ｒｅｃｏｒｄｓ", "ｉｎｓｐｅｃｔ", "ａ.csv"],
            ["--lang", "ｅｎ", "records", "inspect", "ａ.csv"],
        ),
        (["－－ｓｔａｎｄａｒｄ", "ｓｔｄ.yaml", "ａｓｓｅｓｓ"], ["--standard", "ｓｔｄ.yaml", "assess"]),
        (["assess", "－－ｃｏｌｕｍｎｓ＝工號＝ｉｄ"], ["assess", "--columns=工號＝ｉｄ"]),
        (["assess", "－備份.yaml"], ["assess", "－備份.yaml"]),  # not ASCII once normalised: a file's name
        (["assess", "--", "－ｘ"], ["assess", "--", "－ｘ"]),  # after --, nothing is an option
        (["assess", "ａｓｓｅｓｓ.yaml"], ["assess", "ａｓｓｅｓｓ.yaml"]),  # a command's argument is a value
        (["assess", "p.yaml", "－ｆ", "ｊｓｏｎ"], ["assess", "p.yaml", "-f", "json"]),  # a format is a word, no file
        (["plan", "－－ｆｏｒｍａｔ＝ｈｔｍｌ"], ["plan", "--format=html"]),
        (
            ["assess", "p.yaml", "－ｏ", "ｒ.json", "--lang", "en"],
            ["--lang", "en", "assess", "p.yaml", "-o", "ｒ.json"],
        ),
    ],
)
def test_names_are_rewritten_and_values_kept(typed: list[str], meant: list[str]) -> None:
    assert as_typed(typed) == meant


def test_a_full_width_command_line_runs(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "報告．json"  # a full-width full stop: the file is named as typed
    result = run_line("ａｓｓｅｓｓ", MID, "－－ａｓ－ｏｆ", "2026-06-30", "－ｆ", "json", "－ｏ", str(out))
    assert result.code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["name"] == "林小美"
    assert [p.name for p in tmp_path.iterdir()] == ["報告．json"]


def test_a_full_width_group_command_runs(run_line: RunLine, tmp_path: Path) -> None:
    records = tmp_path / "training.csv"
    shutil.copy(ROOT / "examples/records/training-2025.csv", records)
    typed = run_line("－－ｌａｎｇ", "ｅｎ", "ｒｅｃｏｒｄｓ", "ｉｎｓｐｅｃｔ", str(records))
    plain = run_line("--lang", "en", "records", "inspect", str(records))
    assert (typed.code, typed.stdout, typed.stderr) == (plain.code, plain.stdout, plain.stderr)
    assert "training.csv" in typed.stdout


def test_option_values_that_are_numbers_or_dates_are_read_full_width(run_line: RunLine) -> None:
    """A date, a percentage and a count typed in full-width mode mean what they say (a file name never changes)."""
    typed = run_line(
        "assess", MID, "--as-of", "２０２６－０６－３０", "--fail-under", "８０％", "--gaps", "ａｌｌ", "-f", "json"
    )
    plain = run_line("assess", MID, "--as-of", "2026-06-30", "--fail-under", "80%", "--gaps", "all", "-f", "json")
    assert (typed.code, typed.stdout, typed.stderr) == (plain.code, plain.stdout, plain.stderr)
    assert json.loads(typed.stdout)["as_of"] == "2026-06-30"
    refused = run_line("assess", MID, "--fail-under", "０.８")  # a fraction, full-width or not, is still refused
    assert refused.code == 2 and "--fail-under" in refused.stderr


@pytest.mark.parametrize("typed", ["T1.1，T3.2", "T1.1、T3.2", "Ｔ１．１，Ｔ３．２"])
def test_a_list_typed_with_chinese_commas_is_the_list(run_line: RunLine, typed: str) -> None:
    """``--require`` (and ``--raters``) lists typed with ， or 、 are read as with commas: T3.2 is not met."""
    typed_run = run_line("assess", MID, "--as-of", "2026-06-30", "--require", typed, "-f", "json")
    plain = run_line("assess", MID, "--as-of", "2026-06-30", "--require", "T1.1,T3.2", "-f", "json")
    assert (typed_run.code, typed_run.stdout, typed_run.stderr) == (plain.code, plain.stdout, plain.stderr)
    assert plain.code == 1  # found short on T3.2, not a usage error
