"""Real HR exports as they come out: pass, fail and attendance; rows that are not records; cells as HR
systems write them; courses outside the standard; rosters; several files and sheets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from record_files import catalog_rows, write_csv, write_xlsx

from kmc_gap.words import t

from conftest import ROOT, RunLine, passed_over, warning, without_inputs

CATALOG = "examples/catalog.yaml"
AS_OF = ("--as-of", "2026-06-30")
EXPORT = "examples/records/ehr-export-2025.xlsx"
COURSES = "examples/records/courses.xlsx"


def _results(run_line: RunLine, path: Path, *extra: str) -> dict[str, Any]:
    """The report of the one person in a record file."""
    run = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "jsonl", *extra)
    assert run.code == 0, run.stderr
    (line,) = run.stdout.splitlines()
    return dict(json.loads(line))


# --------------------------------------------------------------------------- the made-up export, whole


def _export(run_line: RunLine, *extra: str) -> Any:
    return run_line("assess", EXPORT, "--sheet", "all", "-c", COURSES, *AS_OF, *extra)


def _failed_rows() -> int:
    """The 訓練紀錄 rows that did not pass, counted straight from the sheet with openpyxl."""
    import openpyxl

    sheet = openpyxl.load_workbook(ROOT / EXPORT, read_only=True)["訓練紀錄"]
    marks = {"C01": 70}  # courses.xlsx: C01 has its own pass mark; the policy's is 60
    n = 0
    for row in sheet.iter_rows(min_row=6, values_only=True):
        code, score, passed, attended = row[4], row[8], row[9], row[10]
        if not code or str(code).startswith("HR"):
            continue  # a heading, a subtotal, or a course outside the standard
        low = isinstance(score, int | float) and score < marks.get(str(code), 60)
        n += passed == "否" or attended == "缺課" or low
    return n


# --------------------------------------------------------------------------- re-import: a merge, never a wipe


def _items(folder: Path) -> dict[str, set[tuple[str, str]]]:
    """Each profile's imported items, as (id, source)."""
    import yaml

    out = {}
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[doc["person"]["id"]] = {(e["id"], e.get("source", "")) for e in doc["evidence"] or []}
    return out


# --------------------------------------------------------------------------- the catalogue in a spreadsheet


def test_failed_and_absent_rows_are_listed_and_never_counted(run_line: RunLine, tmp_path: Path) -> None:
    rows = [
        ["員工編號", "姓名", "課程代號", "結訓日期", "結訓成績", "是否合格", "出缺勤"],
        ["E1", "王", "C01", "2025-03-01", "75", "是", "出席"],  # passes
        ["E1", "王", "C02", "2025-03-02", "58", "", "出席"],  # under the policy's pass mark, 60
        ["E1", "王", "C03", "2025-03-03", "", "", "缺課"],  # absent
        ["E1", "王", "C05", "2025-03-04", "90", "否", ""],  # a high score, but marked failed
        ["E1", "王", "C07", "2025-03-05", "60", "", ""],  # exactly the pass mark: passes
    ]
    report = _results(run_line, write_csv(tmp_path / "r.csv", rows))
    counted = {e["course"]: (e["counted"], e["reason"]) for e in report["evidence"]}
    assert counted == {
        "C01": (True, None),
        "C02": (False, "not_passed"),
        "C03": (False, "not_passed"),
        "C05": (False, "not_passed"),
        "C07": (True, None),
    }
    # not counting is the same as not being there: the figures are those of the two passed courses alone
    alone = _results(run_line, write_csv(tmp_path / "p.csv", [rows[0], rows[1], rows[5]]))
    assert report["summary"] == alone["summary"] and report["tasks"] == alone["tasks"]


@pytest.mark.slow
def test_a_policy_or_course_pass_mark_decides(run_line: RunLine, tmp_path: Path) -> None:
    rows = [["員工編號", "姓名", "課程代號", "結訓日期", "成績"], ["E1", "王", "C01", "2025-03-01", "65"]]
    records = write_csv(tmp_path / "r.csv", rows)
    assert _results(run_line, records)["evidence"][0]["counted"] is True  # 65 ≥ 60
    policy = tmp_path / "policy.yaml"
    policy.write_text("pass_mark: 70\n", encoding="utf-8")
    assert _results(run_line, records, "--policy", str(policy))["evidence"][0]["reason"] == "not_passed"
    catalog = tmp_path / "courses.yaml"
    text = (
        (ROOT / CATALOG)
        .read_text(encoding="utf-8")
        .replace("    level: 4\n    cost: 12000\n", "    level: 4\n    cost: 12000\n    pass_mark: 50\n", 1)
    )
    catalog.write_text(text, encoding="utf-8")
    # the course's own pass mark (50) stands before the policy's (70)
    run = run_line("assess", str(records), "-c", str(catalog), *AS_OF, "-f", "jsonl", "--policy", str(policy))
    assert json.loads(run.stdout)["evidence"][0]["counted"] is True


def test_not_passed_is_worded_in_both_languages(run_line: RunLine, tmp_path: Path) -> None:
    rows = [["員工編號", "姓名", "課程代號", "結訓日期", "是否合格"], ["E1", "王", "C01", "2025-03-01", "不合格"]]
    out = tmp_path / "people"
    assert run_line("import", str(write_csv(tmp_path / "r.csv", rows)), "-c", CATALOG, "-o", str(out)).code == 0
    assert "    passed: false\n" in (out / "E1.yaml").read_text(encoding="utf-8")
    path = out / "E1.yaml"
    zh = run_line("assess", str(path), *AS_OF, "--task", "T1.1").stdout
    en = run_line("assess", str(path), *AS_OF, "--task", "T1.1", "--lang", "en").stdout
    assert f"活動行銷企劃實務 (2025-03-01)  {t('reason.not_passed')}" in zh
    assert f"活動行銷企劃實務 (2025-03-01)  {t('reason.not_passed', 'en')}" in en


def test_an_unrecognised_result_is_located(run_line: RunLine, tmp_path: Path) -> None:
    rows = [
        ["員工編號", "姓名", "課程代號", "結訓日期", "是否合格", "出席"],
        ["E1", "王", "C01", "2025-03-01", "待補", "是"],
        ["E1", "王", "C02", "2025-03-02", "是", "待確認"],
        ["E1", "王", "C03", "2025-03-03", "是", "是"],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    run = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert run.code == 2
    assert run.stderr.splitlines() == [
        f"{path}:2:5: {t('records.bad_result', value='待補')}",
        f"{path}:3:6: {t('records.bad_attendance', value='待確認')}",
    ]
    assert [e["course"] for e in json.loads(run.stdout)["evidence"]] == ["C03"]  # the good row goes on


def test_a_hand_exclusion_does_not_count_and_survives_a_reimport(run_line: RunLine, tmp_path: Path) -> None:
    records, out = tmp_path / "r.csv", tmp_path / "people"
    write_csv(records, [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "2025-03-01"]])
    assert run_line("import", str(records), "-c", CATALOG, "-o", str(out)).code == 0
    profile = out / "E1.yaml"
    text = profile.read_text(encoding="utf-8").replace(
        "    source: ../r.csv\n", "    source: ../r.csv\n    exclude: true\n    note: 代課，未實際上課\n"
    )
    profile.write_text(text, encoding="utf-8")
    report = json.loads(run_line("assess", str(profile), *AS_OF, "-f", "json").stdout)
    assert (report["evidence"][0]["reason"], report["evidence"][0]["note"]) == ("excluded", "代課，未實際上課")
    assert report["summary"]["items_met"] == 0
    again = run_line("import", str(records), "-c", CATALOG, "-o", str(out), "-f", "json")
    assert json.loads(again.stdout)[0]["state"] == "unchanged"
    assert profile.read_text(encoding="utf-8") == text
    table = run_line("assess", str(profile), *AS_OF).stdout
    assert f"活動行銷企劃實務 (2025-03-01)  {t('reason.excluded')}  代課，未實際上課" in table


# --------------------------------------------------------------------------- rows that are not records


def test_rows_that_are_not_records_are_passed_over_with_one_note(run_line: RunLine, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["113年度 教育訓練紀錄"],
        ["列印日期：114/01/10"],
        ["員工編號", "姓名", "部門", "課程代號", "結訓日期", "時數"],
        ["【行銷企劃部】"],  # a department's heading (merged across the row)
        ["E1", "王", "行銷企劃部", "C01", "2025-03-01", "24"],
        ["行銷企劃部 小計", "", "", "", "", "24"],
        ["員工編號", "姓名", "部門", "課程代號", "結訓日期", "時數"],  # the header again, on the next page
        ["E2", "李", "活動執行部", "C02", "2025-03-02", "18"],
        ["", "", "", "", "", "18"],  # a subtotal without its label
        ["合計", "", "", "", "", "42"],
        ["總計", "2 人"],
        ["平均", "", "", "", "", "21"],
        ["註：成績 60 分以上為合格"],
        ["* 本表由訓練系統匯出"],
    ]
    path = write_xlsx(tmp_path / "export.xlsx", rows)
    run = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert run.code == 0
    assert [json.loads(line)["person"]["id"] for line in run.stdout.splitlines()] == ["E1", "E2"]
    assert run.stderr == (f"{path}:工作表1!4:4: {passed_over(section=1, summary=5, header=1, note=2)}\n")


# --------------------------------------------------------------------------- headers


def test_headers_hr_exports_carry_are_passed_over_quietly(run_line: RunLine, tmp_path: Path) -> None:
    heads = ["員工編號", "姓名", "到職日", "生日", "身分證字號", "電話", "性別", "年資", "薪資", "課程代號", "結訓日期"]
    rows = [heads, ["E1", "王", "2020/1/1", "1990/1/1", "A123", "02", "女", "5", "1", "C01", "2025-03-01"]]
    run = run_line("validate", str(write_csv(tmp_path / "r.csv", rows)), "-c", CATALOG)
    assert (run.code, run.stderr) == (0, f"kmc-gap: {t('run.checked', n=2, invalid=0)}\n")


def test_a_hire_date_is_never_offered_as_an_expiry(run_line: RunLine, tmp_path: Path) -> None:
    rows = [["員工編號", "姓名", "到職日期x", "課程代號", "結訓日期"], ["E1", "王", "2020", "C01", "2025-03-01"]]
    run = run_line("validate", str(write_csv(tmp_path / "r.csv", rows)), "-c", CATALOG)
    assert "到期日" not in run.stderr and t("records.unused_column", header="到職日期x") in run.stderr


def test_columns_names_fields_by_their_aliases(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["工號x", "學員", "課號", "上課日"], ["E1", "王", "C01", "2025-03-01"]])
    spec = "employee_id=工號x,full_name=學員,course_code=課號,completion_date=上課日"
    assert run_line("validate", str(path), "-c", CATALOG, "--columns", spec).code == 0


# --------------------------------------------------------------------------- courses outside the standard


def test_unrelated_and_unknown_courses(run_line: RunLine, tmp_path: Path) -> None:
    catalog = tmp_path / "courses.yaml"
    catalog.write_text(
        (ROOT / CATALOG).read_text(encoding="utf-8")
        + "  - {code: HR01, title: 消防演練, unrelated: true}\n  - {code: HR02, title: 新人訓練, covers: []}\n",
        encoding="utf-8",
    )
    rows = [
        ["員工編號", "姓名", "課程代號", "結訓日期"],
        ["E1", "王", "HR01", "2025-01-02"],
        ["E2", "李", "HR02", "2025-01-03"],
        ["E1", "王", "X-77", "2025-01-04"],
        ["E2", "李", "X-77", "2025-01-05"],
        ["E2", "李", "X-77", "2025-01-06"],
        ["E2", "李", "C1O", "2025-01-07"],  # as close to C10 as to C14: no guess
        ["E2", "李", "C-01", "2025-01-08"],  # a typo of C01
        ["E1", "王", "C01", "2025-03-01"],
    ]
    path = write_csv(tmp_path / "r.csv", rows)
    run = run_line("assess", str(path), "-c", str(catalog), *AS_OF, "-f", "jsonl")
    assert run.code == 0
    assert run.stderr.splitlines() == [
        f"{path}:2: {passed_over(unrelated=2)}",
        f"{path}:4:3: {warning('records.unknown_course', code='X-77', rows=3, people=2)}",
        f"{path}:7:3: {warning('records.unknown_course', code='C1O', rows=1, people=1)}",
        f"{path}:8:3: {warning('records.unknown_course_hint', code='C-01', rows=1, people=1, suggestion='C01')}",
    ]
    people = [json.loads(line) for line in run.stdout.splitlines()]
    assert [(p["person"]["id"], len(p["evidence"])) for p in people] == [("E1", 1), ("E2", 0)]


def test_without_a_catalogue_each_course_code_is_one_error(run_line: RunLine, tmp_path: Path) -> None:
    rows = [["員工編號", "姓名", "課程代號", "結訓日期"], *[["E1", "王", "C01", f"2025-03-0{d}"] for d in range(1, 5)]]
    run = run_line("assess", str(write_csv(tmp_path / "r.csv", rows)), *AS_OF, "-f", "jsonl", "--lang", "en")
    assert run.code == 2
    assert len(run.stderr.splitlines()) == 1 and "course C01 (rows: 4, people: 1)" in run.stderr


@pytest.mark.slow
def test_the_example_export_reads_without_hand_cleaning(run_line: RunLine) -> None:
    run = _export(run_line, "-f", "jsonl")
    assert run.code == 0
    # one note for the rows that are not records, nothing else: no errors, no guesses
    assert run.stderr == f"{EXPORT}:訓練紀錄!6:6: {passed_over(section=3, unrelated=33, summary=4, note=1)}\n"
    reports = [json.loads(line) for line in run.stdout.splitlines()]
    # the roster's 25 people, in its order; the two new hires with no rows are there too
    assert [r["person"]["id"] for r in reports] == [f"E{3101 + n}" for n in range(25)]
    assert [len(r["evidence"]) for r in reports[-2:]] == [0, 0]
    assert reports[-1]["person"] == {
        "name": "江宗翰",
        "id": "E3125",
        "organisation": "行銷企劃部",
        "role": "活動企劃專員",
    }
    evidence = [e for r in reports for e in r["evidence"]]
    reasons = {e["reason"] for e in evidence if not e["counted"]}
    assert reasons == {"not_passed", "expired"}
    # every failed or absent row of the sheet is in the reports and none counts
    failed = [e for e in evidence if e["reason"] == "not_passed"]
    assert len(failed) == _failed_rows() and not any(e["counted"] for e in failed)


def test_the_export_with_a_big5_certificates_file_and_a_roster_by_sheet(run_line: RunLine) -> None:
    run = run_line(
        "assess",
        f"{EXPORT}#訓練紀錄",
        f"{EXPORT}#證照",
        "examples/records/certificates-big5.csv",
        "--roster",
        f"{EXPORT}#人員名冊",
        "-c",
        COURSES,
        *AS_OF,
        "-f",
        "jsonl",
    )
    assert run.code == 0, run.stderr
    reports = {r["person"]["id"]: r for r in map(json.loads, run.stdout.splitlines())}
    assert len(reports) == 25
    titles = [e["title"] for e in reports["E3101"]["evidence"]]
    assert "iCAP 活動企劃職能評量 合格證明（換發）" in titles  # from the Big5 file
    kinds = {e["title"]: e["kind"] for e in reports["E3101"]["evidence"]}
    assert kinds["iCAP 活動企劃職能評量 合格證明"] == "certificate"  # a 證照 sheet's rows are certificates


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "markdown", "junit", "html"])
def test_roster_people_without_rows_are_in_every_format(run_line: RunLine, fmt: str) -> None:
    run = _export(run_line, "-f", fmt)
    assert run.code == 0
    assert "呂詩涵" in run.stdout and "江宗翰" in run.stdout
    assert "rec-" not in run.stdout or fmt in ("json", "jsonl")  # people read names; ids are for tools


@pytest.mark.slow
def test_roster_people_are_in_the_workbook_and_no_id_is(run_line: RunLine, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "team.xlsx"
    assert _export(run_line, "-o", str(out)).code == 0
    book = openpyxl.load_workbook(out, read_only=True)
    names = [row[1] for row in book["總覽"].iter_rows(min_row=2, values_only=True)]
    assert len(names) == 25 and names[-2:] == ["呂詩涵", "江宗翰"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            assert not any(isinstance(v, str) and "rec-" in v for v in row), (sheet.title, row)
    reasons = {row[10] for row in book["證據"].iter_rows(min_row=2, values_only=True)}
    assert t("reason.not_passed") in reasons
    # a gap all 25 miss names five of them in its cell, so that it prints; everyone is on the detail sheet
    gaps = {row[0]: row for row in book["落差"].iter_rows(min_row=2, values_only=True)}
    assert gaps["S04"][3] == 25 and gaps["S04"][4] == t(
        "xlsx.more_people", names="陳怡君 (E3101)、林志明 (E3102)、黃雅婷 (E3103)、張家豪 (E3104)、李淑芬 (E3105)", n=20
    )
    # every sheet prints with the standard and the date at the top and page n of m at the bottom
    full = openpyxl.load_workbook(out)
    for sheet in full.worksheets:
        assert (
            sheet.oddHeader.left.text.startswith("KMC3332-001v3")
            and sheet.oddHeader.right.text == "評估日期 2026-06-30"
        )
        assert sheet.oddFooter.right.text == "&P / &N" and sheet.page_setup.paperSize == 9


def test_a_yaml_profile_stands_for_a_roster_person(run_line: RunLine, tmp_path: Path) -> None:
    profile = tmp_path / "E3125.yaml"
    profile.write_text(
        "standard: KMC3332-001v3\nperson: {name: 江宗翰, id: E3125}\nevidence:\n"
        "  - {id: w1, kind: work_output, title: 企劃書, date: 2026-01-10, level: 4, covers: [P2.2.1]}\n",
        encoding="utf-8",
    )
    run = run_line("assess", EXPORT, str(profile), "--sheet", "all", "-c", COURSES, *AS_OF, "-f", "jsonl")
    reports = [json.loads(line) for line in run.stdout.splitlines()]
    mine = [r for r in reports if r["person"]["id"] == "E3125"]
    assert len(reports) == 25 and len(mine) == 1 and mine[0]["evidence"][0]["id"] == "w1"


def test_a_record_person_missing_from_the_roster_is_warned_once(run_line: RunLine, tmp_path: Path) -> None:
    roster = write_csv(
        tmp_path / "roster.csv", [["員工編號", "姓名", "部門"], ["E1", "王", "行銷部"], ["E9", "新人", "行銷部"]]
    )
    records = write_csv(
        tmp_path / "r.csv",
        [
            ["員工編號", "姓名", "課程代號", "結訓日期"],
            ["E1", "王", "C01", "2025-03-01"],
            ["E2", "李", "C01", "2025-03-01"],
            ["E2", "李", "C02", "2025-03-02"],
        ],
    )
    run = run_line("assess", str(records), "--roster", str(roster), "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert run.code == 0
    assert [json.loads(line)["person"]["id"] for line in run.stdout.splitlines()] == ["E1", "E9", "E2"]
    absent = t("records.not_on_roster", id="E2", name="李")
    assert run.stderr == f"{records}:3: {t('run.warning', message=absent)}\n"


def test_a_roster_file_is_recognised_by_its_columns(run_line: RunLine, tmp_path: Path) -> None:
    roster = write_csv(
        tmp_path / "名冊.csv", [["員工編號", "姓名", "到職日"], ["E1", "王", "2020/1/1"], ["E9", "新人", "2026/11/2"]]
    )
    records = write_csv(
        tmp_path / "r.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "2025-03-01"]]
    )
    run = run_line("assess", str(records), str(roster), "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert (run.code, run.stderr) == (0, "")
    assert [json.loads(line)["person"]["id"] for line in run.stdout.splitlines()] == ["E1", "E9"]


def test_verified_by_lets_strict_count_imported_rows(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "2025-03-01"]]
    )
    strict = ("--policy", "strict")
    assert _results(run_line, path, *strict)["evidence"][0]["reason"] == "not_verified"
    assert _results(run_line, path, *strict, "--verified-by", "訓練系統")["evidence"][0]["counted"] is True


# --------------------------------------------------------------------------- several files, several sheets


def test_columns_apply_to_the_files_that_have_those_headers(run_line: RunLine, tmp_path: Path) -> None:
    a = write_csv(tmp_path / "a.csv", [["工號x", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "2025-03-01"]])
    b = write_csv(tmp_path / "b.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E2", "李", "C01", "2025-03-01"]])
    run = run_line("assess", str(a), str(b), "-c", CATALOG, *AS_OF, "-f", "jsonl", "--columns", "person_id=工號x")
    assert (run.code, len(run.stdout.splitlines())) == (0, 2)
    nowhere = run_line("assess", str(a), str(b), "-c", CATALOG, *AS_OF, "-f", "jsonl", "--columns", "person_id=工號y")
    assert nowhere.code == 2 and f"{a}: {t('records.columns_header_missing', header='工號y')}" in nowhere.stderr


@pytest.mark.slow
def test_sheet_applies_to_the_workbooks_that_have_it(run_line: RunLine, tmp_path: Path) -> None:
    head = ["員工編號", "姓名", "課程代號", "結訓日期"]
    one = tmp_path / "one.xlsx"
    book = xlsxwriter.Workbook(str(one))
    book.add_worksheet("封面").write_string(0, 0, "封面")
    sheet = book.add_worksheet("證照")
    sheet.write_row(0, 0, head)
    sheet.write_row(1, 0, ["E1", "王", "C01", "2025-03-01"])
    book.close()
    two = write_xlsx(tmp_path / "two.xlsx", [head, ["E2", "李", "C02", "2025-03-01"]])
    run = run_line("assess", str(one), str(two), "--sheet", "證照", "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert run.code == 0, run.stderr
    assert [json.loads(line)["person"]["id"] for line in run.stdout.splitlines()] == ["E1", "E2"]
    own = run_line("assess", f"{one}#證照", str(two), "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert (own.code, len(own.stdout.splitlines())) == (0, 2)
    missing = run_line("assess", f"{one}#明細", "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert missing.code == 2 and t("records.no_sheet", sheet="明細", sheets="封面, 證照") in missing.stderr


def test_sheet_all_passes_over_sheets_without_a_header(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("說明").write_string(0, 0, "本檔由訓練系統產生")
    sheet = book.add_worksheet("紀錄")
    sheet.write_row(0, 0, ["員工編號", "姓名", "課程代號", "結訓日期"])
    sheet.write_row(1, 0, ["E1", "王", "C01", "2025-03-01"])
    book.close()
    run = run_line("assess", str(path), "--sheet", "all", "-c", CATALOG, *AS_OF, "-f", "jsonl")
    assert run.code == 0
    assert run.stderr == f"{path}: {t('run.warning', message=t('records.sheet_skipped', sheet='說明'))}\n"


@pytest.mark.slow
def test_a_top_up_import_keeps_everything_from_the_full_export(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "people"
    full = run_line("import", EXPORT, "--sheet", "all", "-c", COURSES, "-o", str(out))
    assert full.code == 0, full.stderr
    before = _items(out)
    assert len(before) == 25 and before["E3125"] == set()  # the new hire has a profile, with no evidence
    top_up = write_csv(
        tmp_path / "補登.csv",
        [
            ["員工編號", "姓名", "課程代號", "結訓日期", "成績"],
            ["E3125", "江宗翰", "C09", "2026/11/20", "88"],
            ["E3101", "陳怡君", "C03", "115/11/21", "70"],
        ],
    )
    run = run_line("import", str(top_up), "-c", COURSES, "-o", str(out), "-f", "json")
    assert run.code == 0, run.stderr
    changes = {c["person_id"]: c for c in json.loads(run.stdout)}
    assert {k: (c["added"], c["removed"]) for k, c in changes.items()} == {"E3125": (1, 0), "E3101": (1, 0)}
    after = _items(out)
    for person, items in before.items():
        assert items <= after[person], person  # nothing from the full export is lost
    export = (ROOT / EXPORT).resolve().as_posix()  # far from the profiles folder: its whole path
    assert {source for _, source in after["E3101"]} == {f"{export}#訓練紀錄", f"{export}#證照", "../補登.csv"}


@pytest.mark.slow
def test_a_reimport_removes_only_what_its_own_source_dropped(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "people"
    head = ["員工編號", "姓名", "課程代號", "結訓日期"]
    a = write_csv(tmp_path / "a.csv", [head, ["E1", "王", "C01", "2025-03-01"], ["E1", "王", "C02", "2025-03-02"]])
    b = write_csv(tmp_path / "b.csv", [head, ["E1", "王", "C03", "2025-03-03"]])
    assert run_line("import", str(a), str(b), "-c", CATALOG, "-o", str(out)).code == 0
    write_csv(a, [head, ["E1", "王", "C01", "2025-03-01"]])  # a.csv no longer has C02
    dry = run_line("import", str(a), "-c", CATALOG, "-o", str(out), "-n")
    assert dry.stdout.splitlines()[-2:] == [
        "  " + t("import.removed_from", id="E1", name="王", source="../a.csv"),
        "    - 活動預算編列與財務管理 (2025-03-02)",
    ]
    dry_json = json.loads(run_line("import", str(a), "-c", CATALOG, "-o", str(out), "-n", "-f", "json").stdout)
    assert dry_json[0]["removals"] == {"../a.csv": ["活動預算編列與財務管理 (2025-03-02)"]}
    assert run_line("import", str(a), "-c", CATALOG, "-o", str(out)).code == 0
    assert {source for _, source in _items(out)["E1"]} == {"../a.csv", "../b.csv"}  # b.csv's C03 stays
    assert len(_items(out)["E1"]) == 2


def test_a_source_with_bad_rows_removes_nothing(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "people"
    head = ["員工編號", "姓名", "課程代號", "結訓日期"]
    a = write_csv(tmp_path / "a.csv", [head, ["E1", "王", "C01", "2025-03-01"], ["E1", "王", "C02", "2025-03-02"]])
    assert run_line("import", str(a), "-c", CATALOG, "-o", str(out)).code == 0
    write_csv(a, [head, ["E1", "王", "C01", "2025-03-01"], ["E1", "王", "C02", "2025-13-02"]])  # a typo in a date
    run = run_line("import", str(a), "-c", CATALOG, "-o", str(out), "-f", "json")
    assert run.code == 2 and json.loads(run.stdout)[0]["removed"] == 0
    assert len(_items(out)["E1"]) == 2  # the item whose row is broken today is not lost


def test_plan_reads_a_catalogue_workbook(run_line: RunLine, tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "courses.xlsx", catalog_rows())
    profile = "examples/profiles/mid-career-planner.yaml"
    by_sheet = run_line("plan", profile, "-c", str(xlsx), *AS_OF, "-f", "json")
    by_yaml = run_line("plan", profile, "-c", CATALOG, *AS_OF, "-f", "json")
    assert by_sheet.code == 0, by_sheet.stderr
    sheet_plan, yaml_plan = json.loads(by_sheet.stdout), json.loads(by_yaml.stdout)
    assert sheet_plan["courses"] == yaml_plan["courses"]


def test_catalogue_sheet_problems_are_located_at_their_cells(run_line: RunLine, tmp_path: Path) -> None:
    rows = [
        ["課程代號", "課程名稱", "時數", "職能級別", "職能內涵", "開班費"],
        ["C01", "企劃實務", "24", "4", "K01、K7", "12000"],  # E2: no K7 (K07)
        ["C02", "預算", "十八", "4", "K07", "9000"],  # C3: hours in words
        ["C01", "重複", "6", "", "S01", "免費"],  # A4 twice, D4 no level, F4 not an amount
    ]
    path = write_xlsx(tmp_path / "courses.xlsx", rows, sheet="課程")
    run = run_line("validate", "examples/profiles/mid-career-planner.yaml", "-c", str(path), "--lang", "en")
    assert run.code == 1
    no_level = "course C01 covers codes but has no level; give its level (1–6), or mark it unrelated: true"
    assert run.stdout.splitlines()[:5] == [
        f"{path}:課程!E2: the standard has no code K7 (did you mean K07?)",
        f'{path}:課程!C3: hours "十八" must be a number from 0 to 100000',
        f"{path}:課程!A4: course code C01 is used twice",
        f"{path}:課程!D4: {no_level}",
        f'{path}:課程!F4: amount "免費" must be a number from 0 to 1000000000000 (a trillion)',
    ]


# --------------------------------------------------------------------------- catalog init


@pytest.mark.slow
def test_catalog_init_writes_a_skeleton_that_reads_back_once_filled(run_line: RunLine, tmp_path: Path) -> None:
    import openpyxl

    out = tmp_path / "courses.xlsx"
    run = run_line("catalog", "init", EXPORT, "-o", str(out))
    assert run.code == 0, run.stderr
    assert run.stderr.startswith(f"kmc-gap: 已寫入 {out}：")
    book = openpyxl.load_workbook(out)
    sheet = book.active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("課程代號", "課程名稱", "辦理單位", "時數", "職能級別", "職能內涵")
    by_code = {r[0]: r for r in rows[1:]}
    # every sheet is looked at: the 證照 sheet's certificates are in the skeleton too (the roster names none)
    assert set(by_code) == {*(f"C{n:02d}" for n in (1, 2, 3, 5, 7, 8, 9, 12)), "HR01", "HR02", "CERT-ICAP", "CERT-PM"}
    people = [r[10] for r in rows[1:]]
    assert people == sorted(people, reverse=True)  # the most-taken courses first
    assert by_code["C01"][1:4] == ("活動行銷企劃實務", None, 24)
    # the officer fills in C01 and marks the fire drill as outside the standard; the rest stay empty
    for r, row in enumerate(rows[1:], start=2):
        if row[0] == "C01":
            sheet.cell(r, 5, 4)
            sheet.cell(r, 6, "K01、K02")
        if row[0] == "HR01":
            sheet.cell(r, 7, "是")
    book.save(out)
    assessed = run_line("assess", EXPORT, "-c", str(out), *AS_OF, "-f", "jsonl")
    assert assessed.code == 0, assessed.stderr
    covers = {
        tuple(e["covers"])
        for line in assessed.stdout.splitlines()
        for e in json.loads(line)["evidence"]
        if e["kind"] == "training"
    }
    assert covers == {("K01", "K02")}  # the certificates' rows name their own codes; no other course counts


def test_catalog_init_csv_and_a_bad_name(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "courses.csv"
    assert run_line("catalog", "init", "examples/records/training-2025.csv", "-o", str(out)).code == 0
    text = out.read_bytes().decode("utf-8-sig")
    assert text.startswith(
        "課程代號,課程名稱,辦理單位,時數,職能級別,職能內涵,與職能基準無關,及格分數,開班費,每人費用,人數,筆數\r\n"
    )
    assert run_line("catalog", "init", "examples/records/training-2025.csv", "-o", str(tmp_path / "c.txt")).code == 2


def test_a_zero_score_is_a_score_not_a_fail_mark(run_line: RunLine, tmp_path: Path) -> None:
    rows = [["員工編號", "姓名", "課程代號", "結訓日期", "成績"], ["E1", "王", "C01", "2025-03-01", "0"]]
    policy = tmp_path / "policy.yaml"
    policy.write_text("pass_mark: 0\n", encoding="utf-8")  # attendance courses: any score passes
    report = _results(run_line, write_csv(tmp_path / "r.csv", rows), "--policy", str(policy))
    assert report["evidence"][0]["counted"] is True


@pytest.mark.slow
def test_the_imported_export_assesses_exactly_as_the_export(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "people"
    sources = (EXPORT, "examples/records/certificates-big5.csv", "--sheet", "all", "-c", COURSES)
    assert run_line("import", *sources, "-o", str(out)).code == 0
    from_records = run_line("assess", *sources, *AS_OF, "-f", "jsonl")
    from_profiles = run_line("assess", str(out), *AS_OF, "-f", "jsonl")
    assert from_profiles.code == 0, from_profiles.stderr

    def canonical(value: Any) -> Any:
        """Lists of evidence in id order: assess reads record files in path order, import in the order given."""
        if isinstance(value, dict):
            return {k: canonical(v) for k, v in value.items()}
        if isinstance(value, list) and value and all(isinstance(v, dict) and "counted" in v for v in value):
            return sorted((canonical(v) for v in value), key=lambda e: e["id"])
        if isinstance(value, list) and value and all(isinstance(v, str) and v.startswith("rec-") for v in value):
            return sorted(value)
        return [canonical(v) for v in value] if isinstance(value, list) else value

    def by_person(run: Any, strip: Any = lambda r: r) -> dict[str, Any]:
        lines = map(json.loads, run.stdout.splitlines())
        return {r["person"]["id"]: canonical({**strip(r), "file": None}) for r in lines}

    records, profiles = by_person(from_records, without_inputs), by_person(from_profiles)
    assert records == profiles and len(records) == 25
    # and a second import finds nothing to change
    again = json.loads(run_line("import", *sources, "-o", str(out), "-f", "json").stdout)
    assert {c["state"] for c in again} == {"unchanged"}


# --------------------------------------------------------------------------- the plan to hand over


@pytest.mark.slow
def test_the_plan_workbook_names_people_and_adds_up(run_line: RunLine, tmp_path: Path) -> None:
    import openpyxl

    args = ("plan", EXPORT, "--sheet", "all", "-c", COURSES, "--budget", "200000", *AS_OF)
    plan = json.loads(run_line(*args, "-f", "json").stdout)
    out = tmp_path / "plan.xlsx"
    run = run_line(*args, "-o", str(out))
    assert run.code == 0
    assert run.stderr.endswith(f"kmc-gap: {t('run.wrote_plan', path=out, n=25, courses=len(plan['courses']))}\n")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["課程", "人員", "部門", "說明"]
    names = {p["key"]: f"{p['person']['name']} {p['person']['id']}" for p in plan["people"]}
    courses = list(book["課程"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in courses] == [c["code"] for c in plan["courses"]]
    for row, course in zip(courses, plan["courses"], strict=True):
        assert row[5] == course["team_cost"]
        assert row[6].split("、") == [names[key] for key in course["attendees"]]  # by name, ids whole
    people = {row[0]: row for row in book["人員"].iter_rows(min_row=2, values_only=True)}
    titles = {c["code"]: c["title"] for c in plan["courses"]}
    for p in plan["people"]:
        row = people[p["person"]["id"]]
        assert (row[1], row[4]) == (p["person"]["name"], p["hours"])
        assert (row[3] or "").split("\n") == ([titles[c] for c in p["courses"]] or [""])
        assert (row[6], row[7]) == (p["before"]["tasks_met"], p["after"]["tasks_met"])
    departments = list(book["部門"].iter_rows(min_row=2, values_only=True))
    assert sum(row[1] for row in departments) == 25
    # each course's cost is shared among its attendees: the departments add up to the plan's cost
    assert round(sum(row[3] for row in departments)) == round(plan["total_cost"])
    about = {row[0]: row[1] for row in book["說明"].iter_rows(values_only=True)}
    assert about["採計規則"] == "預設" and about["預算"] == "200,000"


@pytest.mark.slow
def test_the_plan_as_csv_and_html(run_line: RunLine, tmp_path: Path) -> None:
    import csv as csv_module

    args = ("plan", EXPORT, "--sheet", "all", "-c", COURSES, "--budget", "200000", *AS_OF)
    plan = json.loads(run_line(*args, "-f", "json").stdout)
    out = tmp_path / "plan.csv"
    assert run_line(*args, "-o", str(out)).code == 0
    rows = list(csv_module.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["課程代號", "課程名稱", "辦理單位"]
    assert len(rows) - 1 == sum(len(c["attendees"]) for c in plan["courses"])  # a row per person and course
    page = run_line(*args, "-f", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "江宗翰 E3125" in page and "活動行銷企劃實務" in page
    assert run_line(*args, "-f", "junit").code == 2  # a plan has no JUnit form: a usage error


def test_a_row_of_another_file_never_moves_an_items_source(run_line: RunLine, tmp_path: Path) -> None:
    """The LMS had C01 on 2026-03-05; a hand-kept sheet repeats it. The item stays the LMS's: importing the
    sheet neither moves it nor, when the LMS is imported again without it, keeps it alive under the sheet."""
    out = tmp_path / "people"
    head = ["員工編號", "姓名", "課程代號", "結訓日期"]
    lms = write_csv(tmp_path / "lms.csv", [head, ["E1", "甲", "C01", "2026-03-05"], ["E1", "甲", "C02", "2026-03-06"]])
    sheet = write_csv(tmp_path / "外訓.csv", [head, ["E1", "甲", "C01", "2026-03-05"]])
    assert run_line("import", str(lms), "-c", CATALOG, "-o", str(out)).code == 0
    run = run_line("import", str(sheet), "-c", CATALOG, "-o", str(out), "-f", "json")
    (change,) = json.loads(run.stdout)
    assert (change["added"], change["updated"], change["removed"]) == (0, 0, 0)
    assert {source for _, source in _items(out)["E1"]} == {"../lms.csv"}  # its path from the profiles folder
    lms.write_text("員工編號,姓名,課程代號,結訓日期\nE1,甲,C02,2026-03-06\n", encoding="utf-8")
    run = run_line("import", str(lms), "-c", CATALOG, "-o", str(out), "-f", "json")
    (change,) = json.loads(run.stdout)
    assert change["removed"] == 1  # the LMS no longer has C01: its item goes, whatever the sheet repeats


@pytest.mark.slow
def test_an_older_export_never_undoes_a_newer_ones_changes_unannounced(run_line: RunLine, tmp_path: Path) -> None:
    """December's export had C01 passed (score 80); November's, imported after it, still says 50. The
    newer item stays, and the import says which export is older, by how many items."""
    import os

    import yaml

    out = tmp_path / "people"
    head = ["員工編號", "姓名", "課程代號", "結訓日期", "成績"]
    path = tmp_path / "lms.csv"
    write_csv(path, [head, ["E1", "甲", "C01", "2026-03-05", "80"], ["E1", "甲", "C02", "2026-03-06", "90"]])
    newer, older = 1_796_000_000, 1_793_000_000  # 2026-11-30 and 2026-10-26 (in UTC; the local day is taken)
    day = {stamp: dt.date.fromtimestamp(stamp) for stamp in (newer, older)}
    os.utime(path, (newer, newer))
    assert run_line("import", str(path), "-c", CATALOG, "-o", str(out)).code == 0
    profile = yaml.safe_load((out / "E1.yaml").read_text(encoding="utf-8"))
    assert profile["exports"] == {"../lms.csv": day[newer]}
    write_csv(path, [head, ["E1", "甲", "C01", "2026-03-05", "50"]])  # an older copy: C02 not yet there
    os.utime(path, (older, older))
    run = run_line("import", str(path), "-c", CATALOG, "-o", str(out), "-f", "json")
    assert run.code == 0, run.stderr
    older_export = warning("import.older_export", source="../lms.csv", this=day[older], last=day[newer], n=2)
    assert f"{out / 'E1.yaml'}: {older_export}" in run.stderr
    (change,) = json.loads(run.stdout)
    assert (change["updated"], change["removed"]) == (0, 0)
    after = yaml.safe_load((out / "E1.yaml").read_text(encoding="utf-8"))
    assert sorted((ev["course"], ev.get("score")) for ev in after["evidence"]) == [("C01", 80), ("C02", 90)]
    assert after["exports"] == {"../lms.csv": day[newer]}


def test_a_missing_column_names_each_header_it_knows_once(run_line: RunLine, tmp_path: Path) -> None:
    # 工號 and 姓名 are read; no header says when: the message lists the date headers, `date` once
    table = tmp_path / "no-date.csv"
    table.write_text("工號,姓名,課程名稱\nE1,王小明,活動企劃\n", encoding="utf-8")
    result = run_line("assess", str(table), "--lang", "en")
    assert result.code == 2
    line = next(row for row in result.stderr.splitlines() if "no date column" in row)
    listed = line.split("headers recognised: ")[1].split(" (or map")[0].split(", ")
    assert "date" in listed and "結訓日期" in listed
    assert len(listed) == len(set(listed))
