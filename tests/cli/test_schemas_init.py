"""JSON Schemas validate what kmc-gap reads and writes; `init` writes a valid starter safely."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from kmc_gap.api.documents import SchemaName

from conftest import ROOT, RunLine

EXAMPLES = sorted((ROOT / "examples" / "profiles").glob("*.yaml"))


def schema(run_line: RunLine, name: str) -> dict:
    result = run_line("schema", name)
    assert result.code == 0
    data = json.loads(result.stdout)
    Draft202012Validator.check_schema(data)
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return data


@pytest.mark.slow
@pytest.mark.parametrize("name", [s.value for s in SchemaName])
def test_shipped_schema_files_are_current(run_line: RunLine, name: str) -> None:
    assert json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")) == schema(run_line, name)


def _as_json(data: object) -> object:
    return json.loads(json.dumps(data, default=str))


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_match_the_profile_schema(run_line: RunLine, path: Path) -> None:
    validator = Draft202012Validator(schema(run_line, "profile"), format_checker=Draft202012Validator.FORMAT_CHECKER)
    validator.validate(_as_json(yaml.safe_load(path.read_text(encoding="utf-8"))))


@pytest.mark.slow
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_reports_match_the_report_schema(run_line: RunLine, path: Path) -> None:
    validator = Draft202012Validator(schema(run_line, "report"), format_checker=Draft202012Validator.FORMAT_CHECKER)
    report = json.loads(run_line("assess", str(path.relative_to(ROOT)), "-f", "json").stdout)
    validator.validate(report)


def test_profile_schema_rejects_unknown_codes_and_levels(run_line: RunLine) -> None:
    validator = Draft202012Validator(schema(run_line, "profile"))
    good = _as_json(
        yaml.safe_load((ROOT / "examples" / "profiles" / "senior-planner.yaml").read_text(encoding="utf-8"))
    )
    assert validator.is_valid(good)
    bad_code = json.loads(json.dumps(good))
    bad_code["evidence"][0]["covers"].append("K21")
    assert not validator.is_valid(bad_code)
    bad_level = json.loads(json.dumps(good))
    bad_level["evidence"][0]["level"] = 7
    assert not validator.is_valid(bad_level)


def test_standard_schema_accepts_the_data_file(run_line: RunLine) -> None:
    data = _as_json(yaml.safe_load((ROOT / "data" / "kmc3332-001v3.yaml").read_text(encoding="utf-8")))
    Draft202012Validator(schema(run_line, "standard")).validate(data)


def test_policy_schema(run_line: RunLine) -> None:
    validator = Draft202012Validator(schema(run_line, "policy"))
    assert validator.is_valid({"min_evidence": 2, "accepted_kinds": ["training"]})
    assert not validator.is_valid({"min_evidence": 0})
    assert not validator.is_valid({"minimum_evidence": 2})


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_init_output_validates_and_lists_every_code(run_line: RunLine, tmp_path: Path, lang: str) -> None:
    result = run_line("init", "--lang", lang)
    assert result.code == 0
    starter = tmp_path / "starter.yaml"
    starter.write_text(result.stdout, encoding="utf-8")
    assert run_line("validate", str(starter)).code == 0
    from kmc_gap.model.loading import load_standard
    from kmc_gap.model.lookup import index

    for code in index(load_standard()):
        assert f"# {code} " in result.stdout or f"#   {code} " in result.stdout or f"#     {code} " in result.stdout
    assert ("（職能級別 3）" if lang == "zh-TW" else " (level 3)") in result.stdout  # T5.3


def test_init_never_overwrites_without_force(run_line: RunLine, tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("my own work\n", encoding="utf-8")
    result = run_line("init", "-o", str(target), "--lang", "en")
    assert (result.code, result.stderr) == (2, f"{target}: file already exists; use --force to overwrite it\n")
    assert target.read_text(encoding="utf-8") == "my own work\n"
    result = run_line("init", "-o", str(target), "--force")
    assert result.code == 0
    assert target.read_text(encoding="utf-8").startswith("# kmc-gap")
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]  # no temporary file left behind


def test_init_interrupted_write_keeps_the_old_file(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("my own work\n", encoding="utf-8")

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    result = run_line("init", "-o", str(target), "--force", "--lang", "en")
    assert (result.code, result.stderr) == (2, f"{target}: cannot write the file (no space left on the device)\n")
    assert target.read_text(encoding="utf-8") == "my own work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("plan", ["plan", "examples/profiles", "-c", "examples/catalog.yaml", "--budget", "30000"]),
        ("plan", ["plan", "examples/profiles/junior-coordinator.yaml", "-c", "examples/catalog.yaml"]),
        (
            "diff",
            ["diff", "examples/profiles/mid-career-planner.yaml", "examples/progress/mid-career-planner-2026.yaml"],
        ),
    ],
)
def test_plan_and_diff_match_their_schemas(run_line: RunLine, name: str, args: list[str]) -> None:
    validator = Draft202012Validator(schema(run_line, name), format_checker=Draft202012Validator.FORMAT_CHECKER)
    result = run_line(*args, "--as-of", "2026-06-30", "-f", "json")
    assert result.code == 0, result.stderr
    validator.validate(json.loads(result.stdout))


def _validator(run_line: RunLine, name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(run_line, name), format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.slow
def test_every_json_output_matches_its_schema(run_line: RunLine) -> None:
    cohort = json.loads(run_line("assess", "examples/profiles", "--as-of", "2026-06-30", "-f", "json").stdout)
    _validator(run_line, "reports").validate(cohort)
    lines = run_line("assess", "examples/profiles", "--as-of", "2026-06-30", "-f", "jsonl").stdout.splitlines()
    report = _validator(run_line, "report")
    for line in lines:
        report.validate(json.loads(line))
    views = _validator(run_line, "standard-view")
    for code in ("", "T2", "T2.3", "K07", "A01", "P2.3.1", "O2.3.3"):
        views.validate(json.loads(run_line("standard", *([code] if code else []), "-f", "json").stdout))
    checked = run_line("validate", "examples/profiles", "tests/corpus/level-7.yaml", "-f", "json")
    _validator(run_line, "validation").validate(json.loads(checked.stdout))
    catalog = yaml.safe_load((ROOT / "examples" / "catalog.yaml").read_text(encoding="utf-8"))
    _validator(run_line, "catalog").validate(_as_json(catalog))
    # a workbook's problems carry their sheet
    records = run_line("validate", "examples/records/training-2025.xlsx", "--lang", "en", "-f", "json")
    problems = json.loads(records.stdout)
    _validator(run_line, "validation").validate(problems)
    assert problems[0]["problems"][0]["sheet"] == "訓練紀錄"


@pytest.mark.slow
def test_import_json_matches_its_schema(run_line: RunLine, tmp_path: Path) -> None:
    args = (
        "import",
        "examples/records/training-2025.csv",
        "-c",
        "examples/catalog.yaml",
        "-o",
        str(tmp_path),
        "-f",
        "json",
    )
    changes = json.loads(run_line(*args).stdout)
    _validator(run_line, "import").validate(changes)
    assert len(changes) == 20 and {c["state"] for c in changes} == {"created"}


def test_profile_schema_accepts_numeric_ids_as_kmc_gap_does(run_line: RunLine) -> None:
    good = _as_json(
        yaml.safe_load((ROOT / "examples" / "profiles" / "senior-planner.yaml").read_text(encoding="utf-8"))
    )
    good["person"]["id"] = 1024
    good["evidence"][0]["id"] = 7
    assert _validator(run_line, "profile").is_valid(good)
    good["person"]["id"] = ""
    assert not _validator(run_line, "profile").is_valid(good)
