"""HR record files (CSV, xlsx) read as profiles: headers, dates, encodings, located errors, stable ids."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from record_files import HEAD, ROWS, write_csv, write_xlsx

from kmc_gap.model.records import record_id
from kmc_gap.words import Word, t

from conftest import ROOT, RunLine, warning, without_inputs

CATALOG = "examples/catalog.yaml"
AS_OF = ("--as-of", "2026-06-30")


def test_an_unknown_header_is_warned_about_once_with_a_guess(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [[*HEAD, "訓練峙數", "聯絡人"], ["E1", "王", "C01", "2025-03-01", "3", ""]])
    run = run_line("validate", str(path), "-c", CATALOG)
    guess = t("records.unused_column_hint", header="訓練峙數", suggestion="訓練時數")
    assert f"{path}:1:5: {t('run.warning', message=guess)}" in run.stderr
    assert f"{path}:1:6: {t('run.warning', message=t('records.unused_column', header='聯絡人'))}\n" in run.stderr
    assert run.stderr.count("訓練峙數") == 1


def test_columns_maps_any_other_header(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["工號", "學員", "課號", "上課日"], ["E1", "王", "C01", "2025-03-01"]])
    assert run_line("validate", str(path), "-c", CATALOG).code == 1
    run = run_line("validate", str(path), "-c", CATALOG, "--columns", "name=學員,course＝課號，date=上課日")
    assert (run.code, run.stdout) == (0, "")


def test_columns_with_an_unknown_field_is_a_usage_error(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [HEAD, ["E1", "王", "C01", "2025-03-01"]])
    run = run_line("assess", str(path), "-c", CATALOG, "--columns", "nmae=學員")
    assert run.code == 2
    assert "'nmae=學員'" in run.stderr and "person_id, name, organisation" in run.stderr


def test_a_missing_required_column_names_the_headers_that_would_do(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["員工編號", "課程代號", "訓練日期"], ["E1", "C01", "2025-03-01"]])
    run = run_line("assess", str(path), "-c", CATALOG)
    assert run.code == 2
    headers = (
        "姓名, 員工姓名, 學員姓名, 中文姓名, 人員姓名, 參訓人員, 受訓人員, full_name, employee_name, learner_name, name"
    )
    said = t("records.missing_column", field=Word("records.field.name"), headers=headers)
    assert f"{path}:1: {said}" in run.stderr


def test_github_annotations_of_a_workbook_name_the_cell_in_the_message(run_line: RunLine, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [HEAD, ["E1", "王", "C01", "someday"]])
    run = run_line("validate", str(path), "-c", CATALOG, "-f", "github", "--lang", "en")
    # a workbook has no lines for an annotation to point at, so the sheet and cell lead the message
    assert run.stdout.startswith(f"::error file={path},title=kmc-gap records.bad_date::{path}:工作表1!D2: ")


# --------------------------------------------------------------------------- located problems


def test_csv_problems_are_located_by_line_and_column_and_other_rows_go_on(run_line: RunLine, tmp_path: Path) -> None:
    rows = [
        [*HEAD, "職能級別"],
        ["E1", "王", "C01", "2025-03-01", ""],
        ["E1", "王", "C01", "2025-13-01", ""],  # line 3, column 4: no such month
        ["E2", "李", "C99", "2025-03-01", ""],  # line 4, column 3: not in the catalogue (a warning)
        ["E2", "李", "C02", "2025-03-01", "七"],  # line 5, column 5: not a level
        ["E3", "陳", "C03", "2025-03-01", ""],
    ]
    path = write_csv(tmp_path / "records.csv", rows)
    run = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert run.code == 2
    assert run.stderr.splitlines() == [  # every command's one order: the warnings, then the problems
        f"{path}:4:3: {warning('records.unknown_course_hint', code='C99', rows=1, people=1, suggestion='C09')}",
        f"{path}:3:4: {t('records.bad_date', value='2025-13-01')}",
        f"{path}:5:5: {t('records.bad_level', value='七')}",
    ]
    # the good rows of all three people are still assessed; E2, none of whose rows counts, is still on the team
    people = [(p["person"]["id"], len(p["evidence"])) for p in map(json.loads, run.stdout.splitlines())]
    assert people == [("E1", 1), ("E2", 0), ("E3", 1)]


def test_xlsx_problems_are_located_by_sheet_and_cell(run_line: RunLine, tmp_path: Path) -> None:
    rows = [["匯出日期 2025-12-31"], [*HEAD, "職能內涵", "職能級別"], ["E1", "王", None, dt.date(2025, 3, 1), "K7", 4]]
    path = write_xlsx(tmp_path / "records.xlsx", rows, top=9)  # the title in A10, the headers in row 11
    run = run_line("assess", str(path), "-c", CATALOG, "--lang", "en")
    assert run.code == 2
    assert f"{path}:工作表1!E12: the standard has no code K7 (did you mean K07?)" in run.stderr


def test_sheet_chooses_the_sheet_and_a_missing_one_lists_those_there(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("封面").write_string(0, 0, "訓練紀錄")
    ws = book.add_worksheet("紀錄")
    for c, h in enumerate(HEAD):
        ws.write_string(0, c, h)
    for c, v in enumerate(["E1", "王", "C01", "2025-03-01"]):
        ws.write_string(1, c, v)
    book.close()
    assert run_line("assess", str(path), "-c", CATALOG, "--sheet", "紀錄", "-f", "json").code == 0
    run = run_line("assess", str(path), "-c", CATALOG, "--sheet", "明細")
    assert run.code == 2 and t("records.no_sheet", sheet="明細", sheets="封面, 紀錄") in run.stderr


def test_record_options_without_record_files_are_warned_about(run_line: RunLine) -> None:
    run = run_line("assess", "examples/profiles/mid-career-planner.yaml", "-c", CATALOG, "-f", "json")
    assert run.code == 0
    assert run.stderr == f"kmc-gap: {t('run.records_options_unused')}\n"


def test_a_course_code_needs_the_catalogue(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [HEAD, ["E1", "王", "C01", "2025-03-01"]])
    run = run_line("assess", str(path), "--lang", "en")
    assert run.code == 2
    expected = f"{path}:2:3: course C01 (rows: 1, people: 1): its level and codes come from the course catalogue"
    assert expected in run.stderr


def test_an_unreadable_workbook_is_one_message_not_a_traceback(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    run = run_line("assess", str(path), "-c", CATALOG)
    assert run.code == 2 and run.stderr.startswith(f"{path}: 無法讀取這個試算表檔案")


def test_a_header_row_typed_with_full_width_commas_is_named(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("員工編號，姓名,課程代號,訓練日期\nE1,王,C01,2025-03-01\n", encoding="utf-8")
    run = run_line("assess", str(path), "-c", CATALOG)
    assert run.code == 2
    comma = t("records.wide_comma", header="員工編號，姓名")
    assert f"{path}:1:1: {t('run.warning', message=comma)}" in run.stderr


def test_the_same_row_twice_counts_once_with_a_warning(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [HEAD, ROWS[0], ROWS[0]])
    run = run_line("assess", str(path), "-c", CATALOG, "-f", "json")
    assert run.code == 0
    twice = t("records.duplicate_row", first=f"{path}:2")
    assert f"{path}:3: {t('run.warning', message=twice)}" in run.stderr
    assert len(json.loads(run.stdout)[0]["evidence"]) == 1


# --------------------------------------------------------------------------- the same reports as hand-written profiles


def test_records_and_a_hand_written_profile_give_the_same_report(run_line: RunLine, tmp_path: Path) -> None:
    rows = [
        [*HEAD, "部門", "確認者"],
        ["E1", "王小明", "C01", "114/03/01", "行銷部", "周專員"],
        ["E1", "王小明", "C07", "2025/4/2", "行銷部", ""],
    ]
    records = write_csv(tmp_path / "r.csv", rows)
    c01, c07 = record_id("E1", "C01", dt.date(2025, 3, 1)), record_id("E1", "C07", dt.date(2025, 4, 2))
    profile = tmp_path / "E1.yaml"
    profile.write_text(
        "standard: KMC3332-001v3\nperson: {name: 王小明, id: E1, organisation: 行銷部}\nevidence:\n"
        f"  - {{id: {c01}, kind: training, title: 活動行銷企劃實務, course: C01, date: 2025-03-01, level: 4,\n"
        "     hours: 24, verified_by: 周專員, covers: [K01, K02, K03, K09, K11, S01, S07, S08], source: r.csv}\n"
        f"  - {{id: {c07}, kind: training, title: 活動風險管理與危機處理, course: C07, date: 2025-04-02, level: 4,\n"
        "     hours: 12, covers: [K12, K17, S12], source: r.csv}\n",
        encoding="utf-8",
    )
    from_records = without_inputs(
        json.loads(run_line("assess", str(records), "-c", CATALOG, *AS_OF, "-f", "jsonl").stdout)
    )
    by_hand = json.loads(run_line("assess", str(profile), *AS_OF, "-f", "jsonl").stdout)
    assert from_records.pop("file") == str(records)
    assert by_hand.pop("file") == str(profile)
    assert from_records == by_hand


@pytest.mark.slow
def test_the_example_export_as_csv_and_xlsx_gives_the_same_reports(run_line: RunLine) -> None:
    def reports(name: str) -> list[dict[str, Any]]:
        run = run_line("assess", f"examples/records/{name}", "-c", CATALOG, *AS_OF, "-f", "jsonl")
        assert run.code == 0, run.stderr
        return [{**without_inputs(json.loads(line)), "file": None} for line in run.stdout.splitlines()]

    csv_reports, xlsx_reports = reports("training-2025.csv"), reports("training-2025.xlsx")
    assert len(csv_reports) == 20
    assert csv_reports == xlsx_reports
    # the example has a certificate with an expiry, and rows with ROC dates (every fifth row of the xlsx)
    assert any(ev["expires"] for r in csv_reports for ev in r["evidence"])


def test_plan_reads_records_with_its_catalogue(run_line: RunLine) -> None:
    run = run_line("plan", "examples/records/training-2025.xlsx", "-c", CATALOG, *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    assert len(json.loads(run.stdout)["people"]) == 20


# --------------------------------------------------------------------------- bad files and every format


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "content", "key"),
    [
        ("empty.csv", b"", "records.empty"),
        ("header-only.csv", "員工編號,姓名,課程代號,訓練日期\r\n".encode(), "records.empty"),
        ("random.csv", bytes(range(256)) * 8, "records.binary"),
        ("latin.csv", bytes(range(128, 256)) * 8, "records.encoding"),
        ("random.xlsx", bytes(range(256)) * 8, "records.not_workbook"),
        ("zip.xlsx", b"PK\x05\x06" + b"\x00" * 18, "records.not_workbook"),
        ("nul.csv", "員工編號,姓名\x00,課程代號,訓練日期\n".encode(), "records.binary"),
        ("quote.csv", '員工編號,姓名,課程代號,訓練日期\nE1,"王,C01,2025-03-01\n'.encode(), "records.csv_broken"),
    ],
)
def test_bad_record_files_give_one_message_and_exit_2(
    run_line: RunLine, tmp_path: Path, name: str, content: bytes, key: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    good = write_csv(tmp_path / "good.csv", [HEAD, ["E1", "王", "C01", "2025-03-01"]])
    run = run_line("assess", str(path), str(good), "-c", CATALOG, "-f", "jsonl")
    assert run.code == 2
    # the one message, at the file (and the line, where there is one)
    ours = [line for line in run.stderr.splitlines() if line.startswith(str(path))]
    said = re.escape(str(path)) + r"(:\d+)?: " + re.escape(t(key))
    assert len(ours) == 1 and re.fullmatch(said, ours[0]), ours
    assert json.loads(run.stdout)["person"]["id"] == "E1"  # the good file is still assessed


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown", "junit", "html", "xlsx"])
def test_records_give_every_format(run_line: RunLine, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"team.{fmt}"
    run = run_line("assess", "examples/records/training-2025.csv", "-c", CATALOG, *AS_OF, "-f", fmt, "-o", str(out))
    assert run.code == 0, run.stderr
    assert out.stat().st_size > 1000


@pytest.mark.slow
def test_a_workbook_is_not_written_to_a_terminal(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    primary, secondary = os.openpty()
    try:
        command = [sys.executable, "-m", "kmc_gap", "assess", "examples/profiles/mid-career-planner.yaml", "-f", "xlsx"]
        done = subprocess.run(command, stdout=secondary, stderr=subprocess.PIPE, cwd=ROOT, check=False, timeout=60)
    finally:
        os.close(secondary)
        os.close(primary)
    assert done.returncode == 2
    assert t("usage.xlsx_terminal") in done.stderr.decode()


def test_an_input_workbook_is_never_the_output(run_line: RunLine, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "team.xlsx", [HEAD, ["E1", "王", "C01", dt.date(2025, 3, 1)]])
    before = path.read_bytes()
    run = run_line("assess", str(path), "-c", CATALOG, "-o", str(path))
    assert run.code == 2 and path.read_bytes() == before


@pytest.mark.slow
def test_commands_without_records_import_no_spreadsheet_code() -> None:
    # start-up stays as it was for YAML profiles: the record, spreadsheet and round-trip YAML modules are
    # imported only by runs that read or write them
    import subprocess
    import sys

    heavy = ("kmc_gap.model.records", "python_calamine", "xlsxwriter", "ruamel", "openpyxl")
    script = (
        "import sys\n"
        "from kmc_gap.cli.app import main\n"
        "for args in (['assess', sys.argv[1], '-f', 'json'], ['validate', sys.argv[1]]):\n"
        "    main(args)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({heavy!r})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "examples/profiles/mid-career-planner.yaml"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.splitlines()[-1] == "[]"
