"""`kmc-gap import`: records into editable profiles, and re-imports that keep what people added by hand."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from kmc_gap.api.imports import profile_name
from kmc_gap.words import t

from conftest import RunLine, without_inputs

CATALOG = "examples/catalog.yaml"
EXAMPLE = "examples/records/training-2025.csv"
AS_OF = ("--as-of", "2026-06-30")
HEAD = "員工編號,姓名,課程代號,訓練日期,訓練時數\n"


@pytest.mark.slow
def test_import_validate_assess_round_trip(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "people"
    run = run_line("import", EXAMPLE, "-c", CATALOG, "-o", str(out))
    assert run.code == 0, run.stderr
    assert len(list(out.glob("*.yaml"))) == 20
    assert run.stderr.endswith(f"kmc-gap: {t('import.done', written=20, unchanged=0, folder=out)}\n")
    assert run_line("validate", str(out)).code == 0
    from_profiles = run_line("assess", str(out), *AS_OF, "-f", "jsonl")
    from_records = run_line("assess", EXAMPLE, "-c", CATALOG, *AS_OF, "-f", "jsonl")
    strip = lambda text: [{**json.loads(line), "file": None} for line in text.splitlines()]  # noqa: E731
    assert strip(from_profiles.stdout) == [without_inputs(r) for r in strip(from_records.stdout)]


def test_a_written_profile_names_its_source_and_reads_as_yaml(run_line: RunLine, tmp_path: Path) -> None:
    records = tmp_path / "r.csv"
    records.write_text(HEAD + "E1,王小明,C02,114/03/01,\n", encoding="utf-8")
    assert run_line("import", str(records), "-c", CATALOG, "-o", str(tmp_path / "out")).code == 0
    text = (tmp_path / "out" / "E1.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# 由 kmc-gap import 自 {records} 產生。\n# 可以手動加入")
    data = yaml.safe_load(text)
    assert data["person"] == {"name": "王小明", "id": "E1"}
    # C02: 活動預算編列與財務管理, level 4, 18 hours, covers K07 S06 S16
    (ev,) = data["evidence"]
    assert ev["id"].startswith("rec-") and ev["date"].isoformat() == "2025-03-01"
    assert (ev["title"], ev["level"], ev["hours"], ev["covers"]) == (
        "活動預算編列與財務管理",
        4,
        18,
        ["K07", "S06", "S16"],
    )
    assert "covers: [K07, S06, S16]\n" in text  # one line per list of codes, as people write them


def test_reimport_keeps_hand_edits_comments_and_order(run_line: RunLine, tmp_path: Path) -> None:
    records, out = tmp_path / "r.csv", tmp_path / "out"
    records.write_text(HEAD + "E1,王小明,C01,2025-03-01,\nE1,王小明,C02,2025-04-01,\n", encoding="utf-8")
    assert run_line("import", str(records), "-c", CATALOG, "-o", str(out)).code == 0
    profile = out / "E1.yaml"
    text = profile.read_text(encoding="utf-8")
    hand = (
        "  # 主管評核：王經理親自觀察\n"
        "  - id: review-2025\n"
        "    kind: assessment\n"
        "    title: '現場執行評核'   # quoted on purpose\n"
        "    date: 2025-05-01\n"
        "    level: 4\n"
        "    covers: [P4.1.1, P4.1.2]\n"
    )
    text = text.replace("evidence:\n", "evidence:\n" + hand).replace("  id: E1\n", "  id: E1\n  role: 企劃  # 手動\n")
    profile.write_text(text, encoding="utf-8")
    # the export changes: C01 gone, C02's hours corrected, C03 new
    records.write_text(HEAD + "E1,王小明,C02,2025-04-01,20\nE1,王小明,C03,2025-06-01,\n", encoding="utf-8")
    dry = run_line("import", str(records), "-c", CATALOG, "-o", str(out), "-n", "-f", "json")
    assert json.loads(dry.stdout)[0] | {"file": ""} == {
        "person_id": "E1", "name": "王小明", "file": "", "created": False,
        "added": 1, "updated": 1, "removed": 1, "kept": 1, "state": "updated",
        "removals": {"../r.csv": ["活動行銷企劃實務 (2025-03-01)"]},  # the same file again: what it dropped goes
    }  # fmt: skip
    assert profile.read_text(encoding="utf-8") == text  # a dry run writes nothing
    assert run_line("import", str(records), "-c", CATALOG, "-o", str(out)).code == 0
    after = profile.read_text(encoding="utf-8")
    assert hand in after and "  role: 企劃  # 手動\n" in after
    assert after.index("review-2025") < after.index("活動預算編列與財務管理") < after.index("專案管理實務")
    assert "活動行銷企劃實務" not in after
    data = yaml.safe_load(after)
    assert [ev.get("hours") for ev in data["evidence"]] == [None, 20, 21]
    # importing the same export again changes nothing
    again = run_line("import", str(records), "-c", CATALOG, "-o", str(out), "-f", "json")
    assert json.loads(again.stdout)[0]["state"] == "unchanged"
    assert profile.read_text(encoding="utf-8") == after


def test_a_profile_broken_by_hand_is_left_alone_and_the_others_go_on(run_line: RunLine, tmp_path: Path) -> None:
    records, out = tmp_path / "r.csv", tmp_path / "out"
    records.write_text(HEAD + "E1,王,C01,2025-03-01,\nE2,李,C01,2025-03-01,\n", encoding="utf-8")
    assert run_line("import", str(records), "-c", CATALOG, "-o", str(out)).code == 0
    broken = "standard: KMC3332-001v3\nperson: {name: 王\n"
    (out / "E1.yaml").write_text(broken, encoding="utf-8")
    records.write_text(HEAD + "E1,王,C02,2025-03-01,\nE2,李,C02,2025-03-01,\n", encoding="utf-8")
    run = run_line("import", str(records), "-c", CATALOG, "-o", str(out))
    assert run.code == 2
    lines = run.stderr.splitlines()
    counts = t("inputs.import_line", file=records, rows=2, written=2, not_written=0, passed_over=0, refused=0)
    assert lines[0] == f"kmc-gap: {counts}"  # every row read
    assert lines[1].startswith(f"{out / 'E1.yaml'}:3:1: YAML 語法錯誤")
    assert (out / "E1.yaml").read_text(encoding="utf-8") == broken
    assert "活動預算編列與財務管理" in (out / "E2.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("ident", "name"),
    [("E1024", "E1024.yaml"), ("A/B", "A_B.yaml"), ("..", "_.yaml"), ("con", "_con.yaml"), ("王 小明", "王_小明.yaml"),
     ("x:y*z?", "x_y_z_.yaml")],
)  # fmt: skip
def test_profile_names_are_safe_on_every_system(ident: str, name: str) -> None:
    assert profile_name(ident) == name


def test_import_writes_only_into_its_folder(run_line: RunLine, tmp_path: Path) -> None:
    records = tmp_path / "r.csv"
    records.write_text(HEAD + "../../evil,王,C01,2025-03-01,\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_line("import", str(records), "-c", CATALOG, "-o", str(out)).code == 0
    assert [p.name for p in out.iterdir()] == ["_.._evil.yaml"]  # no way up: separators replaced, leading dots dropped


def test_output_that_is_a_file_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("keep", encoding="utf-8")
    shutil.copy(EXAMPLE, tmp_path / "r.csv")
    run = run_line("import", str(tmp_path / "r.csv"), "-c", CATALOG, "-o", str(target))
    assert run.code == 2 and target.read_text(encoding="utf-8") == "keep"


def test_neither_the_catalogue_nor_another_yaml_file_is_ever_overwritten(run_line: RunLine, tmp_path: Path) -> None:
    # a person whose id names the catalogue, and one whose id names a CI workflow lying in the folder
    catalog = tmp_path / "catalog.yaml"
    shutil.copy(CATALOG, catalog)
    workflow = tmp_path / "ci.yaml"
    workflow.write_text("on: push\njobs: {}\n", encoding="utf-8")
    records = tmp_path / "r.csv"
    records.write_text(
        HEAD + "catalog,王,C01,2025-03-01,\nci,李,C01,2025-03-01,\nE3,陳,C01,2025-03-01,\n", encoding="utf-8"
    )
    before = catalog.read_bytes(), workflow.read_bytes()
    run = run_line("import", str(records), "-c", str(catalog), "-o", str(tmp_path))
    assert run.code == 2
    assert (catalog.read_bytes(), workflow.read_bytes()) == before
    assert f"{catalog}: " in run.stderr and f"{workflow}: " in run.stderr
    assert (tmp_path / "E3.yaml").exists()


def test_a_utf16_profile_with_an_empty_evidence_list_is_updated(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "E1.yaml").write_bytes(
        "# 王的檔案\nstandard: KMC3332-001v3\nperson: {name: 王, id: E1}\nevidence:\n".encode("utf-16")
    )
    records = tmp_path / "r.csv"
    records.write_text(HEAD + "E1,王,C01,2025-03-01,\n", encoding="utf-8")
    assert run_line("import", str(records), "-c", CATALOG, "-o", str(out)).code == 0
    text = (out / "E1.yaml").read_text(encoding="utf-8")
    assert text.startswith("# 王的檔案\nstandard: KMC3332-001v3\n") and "活動行銷企劃實務" in text


def test_a_file_of_the_same_name_from_another_folder_is_another_source(run_line: RunLine, tmp_path: Path) -> None:
    """2025/export.csv and 2026/export.csv are two sources: importing 2026's (and re-importing it without a row)
    never removes what 2025's brought, and the namesake is said once; a newer 2026/export.csv saved over the
    old one is the same source, its dropped row removed."""
    head = "員工編號,姓名,課程代號,結訓日期\n"
    old, new, out = tmp_path / "2025" / "export.csv", tmp_path / "2026" / "export.csv", tmp_path / "people"
    old.parent.mkdir()
    new.parent.mkdir()
    old.write_text(head + "E1,王,C01,2025-03-01\n", encoding="utf-8")
    new.write_text(head + "E1,王,C02,2026-03-01\nE1,王,C03,2026-04-01\n", encoding="utf-8")
    assert run_line("import", str(old), "-c", CATALOG, "-o", str(out)).code == 0
    run = run_line("import", str(new), "-c", CATALOG, "-o", str(out), "-f", "json", "--lang", "en")
    assert run.code == 0, run.stderr
    assert run.stderr.count("another file (in another folder)") == 1
    doc = yaml.safe_load((out / "E1.yaml").read_text(encoding="utf-8"))
    assert sorted((ev["course"], ev["source"]) for ev in doc["evidence"]) == [
        ("C01", "../2025/export.csv"),
        ("C02", "../2026/export.csv"),
        ("C03", "../2026/export.csv"),
    ]
    new.write_text(head + "E1,王,C02,2026-03-01\n", encoding="utf-8")  # a newer export of the same report
    again = run_line("import", str(new), "-c", CATALOG, "-o", str(out), "-f", "json")
    (change,) = json.loads(again.stdout)
    assert change["removals"] == {"../2026/export.csv": ["專案管理實務（含問題分析演練） (2026-04-01)"]}
    doc = yaml.safe_load((out / "E1.yaml").read_text(encoding="utf-8"))
    assert sorted(ev["course"] for ev in doc["evidence"]) == ["C01", "C02"]  # 2025's C01 kept, C03 gone
