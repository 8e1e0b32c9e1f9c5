"""Tables by their shape and container, case by case: what the metamorphic corpus cannot show alone.

Hidden columns never stand before visible ones; merged person cells (HTML ``rowspan``, XML
``ss:MergeDown``) fill down; a training passport is never a roster; a wide mark with no date waits
for the one mapping line that dates it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from record_files import read, write_csv
from renderings import html_as_xls, spreadsheet_ml, xlsx

from conftest import RunLine

CATALOG = "examples/catalog.yaml"
ONE = [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "2026-03-05"]]
AS_OF = ("--as-of", "2026-12-31")


def assess(run_line: RunLine, *args: str) -> tuple[int, list[dict[str, Any]], str]:
    run = run_line("assess", *args, "-c", CATALOG, *AS_OF, "-f", "json")
    reports = json.loads(run.stdout) if run.stdout.strip() else []
    return run.code, reports if isinstance(reports, list) else [reports], run.stderr


def keys(path: Path, **options: Any) -> tuple[list[str], list[str]]:
    """The problem keys and warning keys of reading ``path`` with the example catalogue."""
    found = read(path, **options)
    return [p.key for problems in found.problems.values() for p in problems], [w.key for w in found.warnings]


def dates(reports: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(r["person"]["id"], ev["course"], ev["date"]) for r in reports for ev in r["evidence"] if ev["counted"]}


def test_a_hidden_column_is_never_read_before_a_visible_one(run_line: RunLine, tmp_path: Path) -> None:
    """申請日期 (hidden) stands left of 上課日期 (visible): the course is dated by the visible one."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["員工編號", "姓名", "課程代號", "日期", "上課日期"])
    sheet.append(["E1", "王", "C01", "2026-01-05", "2026-03-05"])
    sheet.column_dimensions["D"].hidden = True
    path = tmp_path / "export.xlsx"
    book.save(path)
    code, reports, stderr = assess(run_line, str(path))
    assert code == 0, stderr
    assert dates(reports) == {("E1", "C01", "2026-03-05")}


def test_a_hidden_html_column_likewise(run_line: RunLine, tmp_path: Path) -> None:
    page = (
        "<table><tr><td>員工編號</td><td>姓名</td><td>課程代號</td><td style='display:none'>日期</td>"
        "<td>上課日期</td></tr><tr><td>E1</td><td>王</td><td>C01</td><td style='display:none'>2026-01-05</td>"
        "<td>2026-03-05</td></tr></table>"
    )
    path = tmp_path / "export.xls"
    path.write_text(page, encoding="utf-8")
    code, reports, stderr = assess(run_line, str(path))
    assert code == 0, stderr
    assert dates(reports) == {("E1", "C01", "2026-03-05")}


def test_merged_person_cells_fill_down_in_html_and_xml(run_line: RunLine, tmp_path: Path) -> None:
    """A person's id and name merged down over their rows: each row is theirs, in both markups."""
    page = (
        "<table><tr><th>員工編號</th><th>姓名</th><th>課程代號</th><th>結訓日期</th></tr>"
        "<tr><td rowspan=2>E1</td><td rowspan=2>王</td><td>C01</td><td>2026/03/05</td></tr>"
        "<tr><td>C02</td><td>2026/04/05</td></tr>"
        "<tr><td>E2</td><td>李</td><td>C01</td><td>2026/05/05</td></tr></table>"
    )
    html_path = tmp_path / "merged.xls"
    html_path.write_text(page, encoding="utf-8")
    xml = (
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="紀錄"><Table>'
        '<Row><Cell><Data ss:Type="String">員工編號</Data></Cell><Cell><Data ss:Type="String">姓名</Data></Cell>'
        '<Cell><Data ss:Type="String">課程代號</Data></Cell><Cell><Data ss:Type="String">結訓日期</Data></Cell></Row>'
        '<Row><Cell ss:MergeDown="1"><Data ss:Type="String">E1</Data></Cell>'
        '<Cell ss:MergeDown="1"><Data ss:Type="String">王</Data></Cell>'
        '<Cell><Data ss:Type="String">C01</Data></Cell><Cell><Data ss:Type="DateTime">2026-03-05T00:00:00.000</Data>'
        '</Cell></Row><Row><Cell ss:Index="3"><Data ss:Type="String">C02</Data></Cell>'
        '<Cell><Data ss:Type="DateTime">2026-04-05T00:00:00.000</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">E2</Data></Cell><Cell><Data ss:Type="String">李</Data></Cell>'
        '<Cell><Data ss:Type="String">C01</Data></Cell><Cell><Data ss:Type="String">2026-05-05</Data></Cell></Row>'
        "</Table></Worksheet></Workbook>"
    )
    xml_path = tmp_path / "merged-xml.xls"
    xml_path.write_text(xml, encoding="utf-8")
    want = {("E1", "C01", "2026-03-05"), ("E1", "C02", "2026-04-05"), ("E2", "C01", "2026-05-05")}
    for path in (html_path, xml_path):
        code, reports, stderr = assess(run_line, str(path))
        assert code == 0, stderr
        assert dates(reports) == want
        assert keys(path)[1].count("records.filled_down") == 1  # the filling is said, once


def test_a_training_passport_is_never_a_roster(run_line: RunLine, tmp_path: Path) -> None:
    """A sheet of people with a column per course: read as results, never as the team (no phantom people)."""
    records = write_csv(tmp_path / "records.csv", ONE)
    passport = write_csv(
        tmp_path / "passport.csv",
        [["員工編號", "姓名", "C02", "C03"], ["E1", "王", "2026-04-01", ""], ["E9", "趙", "×", "缺"]],
    )
    code, reports, stderr = assess(run_line, str(records), str(passport))
    assert code == 0, stderr
    assert sorted(r["person"]["id"] for r in reports) == ["E1", "E9"]  # E9 is in the passport: a person with an id
    assert dates(reports) == {("E1", "C01", "2026-03-05"), ("E1", "C02", "2026-04-01")}
    (count,) = [c for c in reports[0]["inputs"] if c["file"] == str(passport)]
    assert (count["rows"], count["counted"], count["not_counted_by"]) == (3, 1, {"not_passed": 2})


def test_a_list_of_names_is_not_the_team_unless_given_as_one(run_line: RunLine, tmp_path: Path) -> None:
    records = write_csv(tmp_path / "records.csv", ONE)
    names = write_csv(
        tmp_path / "names.csv", [["員工編號", "姓名", "部門"], ["E1", "王", "行銷"], ["E7", "孫", "行銷"]]
    )
    code, reports, stderr = assess(run_line, str(records), str(names))
    assert code == 0, stderr
    assert [r["person"]["id"] for r in reports] == ["E1"]  # nobody invented from a list of names
    assert keys(names)[1] == ["records.people_only"]
    code, reports, stderr = assess(run_line, str(records), "--roster", str(names))
    assert [r["person"]["id"] for r in reports] == ["E1", "E7"]


def test_a_wide_mark_without_a_date_waits_for_one_mapping_line(run_line: RunLine, tmp_path: Path) -> None:
    passport = write_csv(tmp_path / "passport.csv", [["員工編號", "姓名", "C01", "C02"], ["E1", "王", "✓", "×"]])
    code, reports, stderr = assess(run_line, str(passport))
    assert code == 2 and f"{passport}:2:3" in stderr  # located at the ✓ cell
    assert keys(passport)[0] == ["records.wide_undated"]
    mapping = tmp_path / "hr.yaml"
    mapping.write_text("undated: 2026-06-30\n", encoding="utf-8")
    code, reports, stderr = assess(run_line, str(passport), "--mapping", str(mapping))
    assert code == 0, stderr
    assert dates(reports) == {("E1", "C01", "2026-06-30")}  # the × is a fail, dated too, and not counted
    assert reports[0]["inputs"][0]["not_counted_by"] == {"not_passed": 1}


def test_a_workbook_names_the_sheets_it_passed_over(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "year.xlsx"
    xlsx([["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "2026-03-05"]], path)
    code, reports, stderr = assess(run_line, str(path))
    assert code == 0, stderr
    found = read(path)
    assert [(w.key, w.sheet) for w in found.warnings] == [("records.sheet_skipped", "說明")]  # named, passed over
    assert dates(reports) == {("E1", "C01", "2026-03-05")}


def test_markup_files_are_bounded_by_what_they_hold(run_line: RunLine, tmp_path: Path) -> None:
    """A rowspan of a billion and an ss:Index far past the last column cost nothing or are refused."""
    page = (
        "<table><tr><th>員工編號</th><th>姓名</th><th>課程代號</th><th>結訓日期</th></tr>"
        "<tr><td rowspan=1000000000>E1</td><td colspan=999999999>王</td></tr></table>"
    )
    path = tmp_path / "span.xls"
    path.write_text(page, encoding="utf-8")
    code, _, stderr = assess(run_line, str(path))
    assert code == 2 and "Traceback" not in stderr
    rows = [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "2026-03-05"]]
    xml_path = tmp_path / "far.xls"
    spreadsheet_ml(rows, xml_path)
    xml_path.write_text(xml_path.read_text().replace("<Cell>", '<Cell ss:Index="5000000">', 1), encoding="utf-8")
    code, _, stderr = assess(run_line, str(xml_path))
    assert code == 2 and "Traceback" not in stderr and "far.xls" in stderr
    html_as_xls(rows, tmp_path / "fine.xls")
    assert assess(run_line, str(tmp_path / "fine.xls"))[0] == 0


def test_an_id_without_its_prefix_or_zeros_joins_the_roster_person(run_line: RunLine, tmp_path: Path) -> None:
    """E0033 on the roster; an LMS writes 0033, a sheet 33, an ERP e0033, a full-width Ｅ００３３: one person."""
    roster = write_csv(tmp_path / "roster.csv", [["員工編號", "姓名", "到職日"], ["E0033", "陳怡君", "2020-01-01"]])
    rows = [["員工編號", "姓名", "課程代號", "結訓日期"]]
    idents = ["0033", "33", "e0033", "Ｅ００３３"]
    rows += [[ident, "陳怡君", f"C0{i}", f"2026-0{i}-01"] for i, ident in enumerate(idents, 1)]
    records = write_csv(tmp_path / "records.csv", rows)
    code, reports, stderr = assess(run_line, str(records), "--roster", str(roster))
    assert code == 0, stderr
    assert [r["person"]["id"] for r in reports] == ["E0033"]
    assert len(dates(reports)) == 4
    # a name that disagrees is never joined: two people, and a warning
    rows[1][1] = "林志明"
    records = write_csv(tmp_path / "records.csv", rows)
    code, reports, stderr = assess(run_line, str(records), "--roster", str(roster))
    assert sorted(r["person"]["id"] for r in reports) == ["0033", "E0033"]


def test_a_wide_sheet_whose_courses_no_catalogue_names_is_held_back(run_line: RunLine, tmp_path: Path) -> None:
    """Without the catalogue naming its columns, a passport's dates and marks are no roster and no silence:
    every row waits, and the message says the two ways to settle it (a catalogue, or ``ignore``)."""
    passport = write_csv(
        tmp_path / "passport.csv",
        [["員工編號", "姓名", "溝通課", "簡報課"], ["E1", "王", "2026-04-01", ""], ["E2", "李", "2026-05-02", "×"]],
    )
    run = run_line("assess", str(passport), *AS_OF, "-f", "json")
    assert run.code == 2 and json.loads(run.stdout) == []  # no person invented, no row counted
    std_keys, _ = keys(passport)
    assert std_keys == ["records.wide_unknown", "records.wide_unknown"]
    mapping = tmp_path / "hr.yaml"
    mapping.write_text("headers:\n  溝通課: ignore\n  簡報課: ignore\n", encoding="utf-8")
    run = run_line("assess", str(passport), "--mapping", str(mapping), *AS_OF, "-f", "json")
    assert run.code == 0 and json.loads(run.stdout) == []  # ignored on purpose: a list of names, passed over


def test_a_subtotal_whose_count_spills_into_the_date_column_is_passed_over(tmp_path: Path) -> None:
    """小計 merged over five columns and 「3 筆」 over the rest lands in 上課日期: still a subtotal, not a bad row."""
    page = (
        "<table><tr><th>員工編號</th><th>姓名</th><th>課程代號</th><th>上課日期</th></tr>"
        "<tr><td>E1</td><td>王</td><td>C01</td><td>115/03/05</td></tr>"
        "<tr><td colspan=3>小計</td><td>1 筆</td></tr></table>"
    )
    path = tmp_path / "web.xls"
    path.write_text(page, encoding="utf-8")
    found = read(path)
    assert found.problems == {}
    (count,) = found.counts
    assert (count.rows, len(count.evidence), count.passed_over) == (2, 1, {"summary": 1})


def test_a_wide_tables_course_columns_are_read_not_unused(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "passport.csv",
        [["員工編號", "姓名", "C01", "C03"], ["E1", "王", "2026-03-05", "×"], ["合計", "", "1", "0"]],
    )
    found = read(path)
    assert [w.key for w in found.warnings] == []  # neither C01 nor C03 is "unused", and 合計 is no person
    (count,) = found.counts
    assert (count.rows, count.not_counted, count.passed_over) == (3, {"not_passed": 1}, {"summary": 1})


def test_a_held_back_tables_people_are_its_people(tmp_path: Path) -> None:
    """The rows of a table waiting for a mapping are refused; its 小計 row is about nobody."""
    path = write_csv(
        tmp_path / "r.csv",
        [
            ["員工編號", "姓名", "課程代號", "結訓日期", "簽到"],
            ["E1", "王", "C01", "2026-03-05", "○"],
            ["小計", "", "", "", "1"],
        ],
    )
    found = read(path)
    (count,) = found.counts
    assert (count.rows, count.refused, count.refused_people, count.unreadable) == (2, 2, {"E1"}, False)
    assert [p.key for p in found.problems[str(path)]] == ["records.result_column"]


def test_an_end_date_beside_a_start_date_is_the_date(run_line: RunLine, tmp_path: Path) -> None:
    """訓練起日 and 訓練迄日: the course is completed on its last day; the start is passed over quietly."""
    rows = [
        ["序號", "工號", "姓名", "課程編號", "訓練起日", "訓練迄日", "實際時數", "考核結果"],
        ["1", "E1", "甲", "C01", "2026/03/05", "2026/03/06", "12", "合格"],
        ["2", "E2", "乙", "C02", "2026/04/01", "2026/04/02", "6", "不合格"],
    ]
    path = write_csv(tmp_path / "外訓.csv", rows)
    run = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    assert run.stderr == ""  # no header left unknown
    evidence = {(r["person"]["id"], ev["date"], ev["counted"]) for r in json.loads(run.stdout) for ev in r["evidence"]}
    assert evidence == {("E1", "2026-03-06", True), ("E2", "2026-04-02", False)}


def test_hidden_rows_wait_for_the_mapping_to_say_read_or_skip(run_line: RunLine, tmp_path: Path) -> None:
    """A workbook hides row 3 (E2's fail someone set aside, or a filter's view): no row counts until the mapping
    says; ``read`` reads every row, ``skip`` passes the hidden one over, accounted as hidden."""
    import xlsxwriter

    path = tmp_path / "hidden.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("紀錄")
    for r, row in enumerate(
        [
            ["員工編號", "姓名", "課程代號", "結訓日期"],
            ["E1", "甲", "C01", "2026-03-05"],
            ["E2", "乙", "C02", "2026-03-06"],
        ]
    ):
        sheet.write_row(r, 0, row)
    sheet.set_row(2, None, None, {"hidden": True})
    book.close()
    held = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json")
    assert held.code == 2 and "hidden_rows" in held.stderr
    counted = {}
    for choice in ("read", "skip"):
        hr = tmp_path / f"{choice}.yaml"
        hr.write_text(f"hidden_rows: {choice}\n", encoding="utf-8")
        run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json")
        assert run.code == 0, run.stderr
        reports = json.loads(run.stdout)
        counted[choice] = sorted(r["person"]["id"] for r in reports for ev in r["evidence"] if ev["counted"])
        (count,) = [c for c in reports[0]["inputs"] if c["rows"]]
        assert count["rows"] == count["counted"] + count["not_counted"] + count["passed_over"] + count["refused"] == 2
    assert counted == {"read": ["E1", "E2"], "skip": ["E1"]}


def test_a_wide_tables_course_columns_are_never_counted_as_unused(run_line: RunLine, tmp_path: Path) -> None:
    """Six course columns: none is named as unused, nor counted in a "1 more unused column" line."""
    from renderings import CONTAINERS, SHAPES, STYLES, truth

    path = tmp_path / "wide.csv"
    CONTAINERS["csv-utf8"][1](SHAPES["wide"](truth(), STYLES[0]), path)
    run = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json", "--lang", "en")
    assert run.code == 0, run.stderr
    assert "unused" not in run.stderr and "not used" not in run.stderr and "more" not in run.stderr
