"""Said once, kept: `records inspect` shows how an export is read and writes a mapping to finish;
`--mapping` applies it in every command; a bad mapping is a located error."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from record_files import write_csv

from conftest import ROOT, RunLine

CATALOG = "examples/catalog.yaml"
AS_OF = ("--as-of", "2026-06-30")


def export(tmp_path: Path) -> Path:
    """An LMS of its own: a 辦理方式 column, 補訓中 and 補訓完成 in 結訓狀態, ids of five digits as numbers,
    day-first dates that no date of the file settles."""
    return write_csv(
        tmp_path / "lms.csv",
        [
            ["員工編號", "姓名", "課程代號", "結訓日期", "結訓狀態", "辦理方式"],
            ["1001", "甲", "C01", "05/03/2026", "已結訓", "實體"],
            ["1001", "甲", "C02", "06/03/2026", "補訓完成", "線上"],
            ["1002", "乙", "C01", "05/03/2026", "補訓中", "實體"],
            ["1002", "乙", "C05", "07/03/2026", "補訓中", "實體"],
        ],
    )


def test_inspect_says_how_each_column_is_read_and_what_it_does_not_understand(
    run_line: RunLine, tmp_path: Path
) -> None:
    path = export(tmp_path)
    run = run_line("records", "inspect", str(path), "-c", CATALOG, "-f", "json")
    assert run.code == 2  # rows would be refused
    (table,) = json.loads(run.stdout)["tables"]
    assert table["columns"] == [
        {"header": "員工編號", "field": "person_id"},
        {"header": "姓名", "field": "name"},
        {"header": "課程代號", "field": "course"},
        {"header": "結訓日期", "field": "date"},
        {"header": "結訓狀態", "field": "passed"},
        {"header": "辦理方式", "field": None},
    ]
    unknown = sorted((v["header"], v["value"], v["rows"]) for v in table["unknown_values"])
    assert unknown == [
        ("結訓日期", "05/03/2026", 2),
        ("結訓日期", "06/03/2026", 1),
        ("結訓日期", "07/03/2026", 1),
        ("結訓狀態", "補訓中", 2),
        ("結訓狀態", "補訓完成", 1),
    ]
    causes = {cause["key"]: cause["rows"] for cause in table["refused"]}
    assert causes == {"records.ambiguous_date": 4, "records.bad_result": 3}
    assert all(len(cause["examples"]) <= 3 for cause in table["refused"])


def test_the_written_mapping_once_finished_reads_every_row(run_line: RunLine, tmp_path: Path) -> None:
    path = export(tmp_path)
    mapping = tmp_path / "hr.yaml"
    run = run_line("records", "inspect", str(path), "-c", CATALOG, "--write-mapping", str(mapping))
    assert "已寫入對照檔" in run.stderr
    written = yaml.safe_load(mapping.read_text(encoding="utf-8"))
    assert written["headers"]["辦理方式"] is None and written["words"] == {"補訓中": None, "補訓完成": None}
    # the officer decides what was left open
    text = mapping.read_text(encoding="utf-8")
    text = text.replace('"辦理方式": null', '"辦理方式": ignore')
    text = text.replace('"補訓中": null', '"補訓中": not_taken').replace('"補訓完成": null', '"補訓完成": passed')
    text = text.replace("id_width: null", "id_width: 5").replace("date_order: null", "date_order: dmy")
    mapping.write_text(text, encoding="utf-8")
    schema = json.loads((ROOT / "schemas" / "mapping.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(text), schema)
    run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(mapping), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    assert "辦理方式" not in run.stderr  # ignored, quietly
    reports = json.loads(run.stdout)
    assert [r["person"]["id"] for r in reports] == ["01001", "01002"]  # the zeros put back
    dates = sorted(ev["date"] for ev in reports[0]["evidence"])
    assert dates == ["2026-03-05", "2026-03-06"]  # day first
    (count,) = reports[0]["inputs"]
    assert (count["counted"], count["passed_over_by"]) == (2, {"not_taken": 2})
    # and the same mapping written again keeps every decision
    again = tmp_path / "again.yaml"
    run_line("records", "inspect", str(path), "-c", CATALOG, "--mapping", str(mapping), "--write-mapping", str(again))
    kept = yaml.safe_load(again.read_text(encoding="utf-8"))
    assert kept["headers"]["辦理方式"] == "ignore" and kept["words"] == {"補訓中": "not_taken", "補訓完成": "passed"}


def test_a_bad_mapping_is_located(run_line: RunLine, tmp_path: Path) -> None:
    path = export(tmp_path)
    mapping = tmp_path / "hr.yaml"
    mapping.write_text("headers:\n  辦理方式: ignored\nwords:\n  補訓中: maybe\n", encoding="utf-8")
    run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(mapping), *AS_OF)
    assert run.code == 2 and run.stdout == ""
    lines = run.stderr.splitlines()
    assert lines[0].startswith(f"{mapping}:2:") and "headers.辦理方式" in lines[0]
    assert lines[1].startswith(f"{mapping}:4:") and "words.補訓中" in lines[1]


def test_a_hostile_header_reads_back_from_the_written_mapping(run_line: RunLine, tmp_path: Path) -> None:
    hostile = "=HYPERLINK(1)\u2028<b>x</b>\x85\x7f\x1b[31m"
    path = write_csv(
        tmp_path / "r.csv",
        [["員工編號", "姓名", "課程代號", "結訓日期", hostile], ["E1", "甲", "C01", "2026-03-05", "abc"]],
    )
    mapping = tmp_path / "hr.yaml"
    run = run_line("records", "inspect", str(path), "-c", CATALOG, "--write-mapping", str(mapping))
    assert run.code == 0, run.stderr
    assert "\x1b" not in run.stdout and "\\x1b[31m" in run.stdout  # a control shown as text on the terminal
    written = yaml.safe_load(mapping.read_text(encoding="utf-8"))
    assert written["headers"][hostile] is None  # exactly the header, to decide on
    mapping.write_text(mapping.read_text(encoding="utf-8").replace(": null  #", ": ignore  #", 1), encoding="utf-8")
    assert run_line("records", "inspect", str(path), "-c", CATALOG, "--mapping", str(mapping)).code == 0


def test_inspect_shows_a_rosters_columns_too(run_line: RunLine) -> None:
    export = "examples/records/ehr-export-2025.xlsx#人員名冊"
    run = run_line("records", "inspect", export, "-f", "json")
    (table,) = json.loads(run.stdout)["tables"]
    assert (table["kind"], table["header_row"], table["rows"]) == ("roster", 1, 25)
    assert [c["field"] for c in table["columns"]][:2] == ["person_id", "name"]
