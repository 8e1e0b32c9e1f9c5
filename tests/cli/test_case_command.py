"""The CASE package on the command line: `standard --format case` written, and a package read back by `--standard`
and `validate`."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from case_schemas import write_package

from kmc_gap.model.loading import bundled_standard_path, load_standard
from kmc_gap.render.case import case_package

from conftest import ROOT, RunLine

# --------------------------------------------------------------------------- reading a package back


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_assess_json_is_byte_identical_through_a_package(run_line: RunLine, tmp_path: Path, lang: str) -> None:
    pkg = tmp_path / "pkg.json"
    exported = run_line("standard", "--format", "case", "-o", str(pkg))
    assert (exported.code, exported.stdout, exported.stderr) == (0, "", "")
    args = ("assess", "examples/profiles", "-f", "json", "--as-of", "2026-01-01", "--lang", lang)
    direct, through = run_line(*args), run_line("--standard", str(pkg), *args)
    assert direct.code == through.code == 0 and len(direct.stdout) > 1000
    assert through.stdout == direct.stdout


@pytest.mark.slow
@pytest.mark.parametrize("args", [("standard",), ("standard", "-f", "json"), ("standard", "T2.3", "--lang", "en")])
def test_standard_views_are_identical_through_a_package(
    run_line: RunLine, tmp_path: Path, args: tuple[str, ...]
) -> None:
    pkg = write_package(tmp_path, case_package(load_standard()))
    assert run_line("--standard", str(pkg), *args).stdout == run_line(*args).stdout


def test_init_is_identical_through_a_package(run_line: RunLine, tmp_path: Path) -> None:
    pkg = write_package(tmp_path, case_package(load_standard()))
    for lang in ("zh-TW", "en"):
        direct = run_line("init", "--lang", lang)
        assert direct.code == 0 and "T2.3" in direct.stdout
        assert run_line("--standard", str(pkg), "init", "--lang", lang).stdout == direct.stdout


def test_cli_refuses_a_bad_package_with_exit_2_and_no_traceback(run_line: RunLine, tmp_path: Path) -> None:
    pkg = tmp_path / "pkg.json"
    pkg.write_text('{"CFDocument": {"identifier": "x", "title": "t"}, "CFItems": [1]}', "utf-8")
    result = run_line("--lang", "en", "--standard", str(pkg), "assess", "examples/profiles")
    assert result.code == 2 and result.stdout == ""
    assert "CFItems/0" in result.stderr and "Traceback" not in result.stderr


def test_case_export_with_a_code_is_a_usage_error(run_line: RunLine) -> None:
    result = run_line("standard", "T1", "--format", "case")
    assert result.code == 2 and result.stdout == ""


def test_export_output_is_written_and_never_over_an_input(run_line: RunLine, tmp_path: Path) -> None:
    std = tmp_path / "std.yaml"
    std.write_bytes(bundled_standard_path().read_bytes())
    result = run_line("--standard", str(std), "standard", "--format", "case", "-o", str(std))
    assert result.code == 2
    assert std.read_bytes() == (ROOT / "data" / "kmc3332-001v3.yaml").read_bytes()


def test_validate_checks_a_package_as_standard_reads_it(
    run_line: RunLine, package: dict[str, Any], tmp_path: Path
) -> None:
    good = write_package(tmp_path, case_package(load_standard()), "good.json")
    assert run_line("validate", str(good)).code == 0
    bad = copy.deepcopy(package)
    del bad["CFItems"][3]["fullStatement"]
    result = run_line("--lang", "en", "validate", str(write_package(tmp_path, bad, "bad.json")))
    assert result.code == 1
    assert (
        f"bad.json: CFItems/3 ({bad['CFItems'][3]['humanCodingScheme']}) lacks the field fullStatement" in result.stdout
    )
