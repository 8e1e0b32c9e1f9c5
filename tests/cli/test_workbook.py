"""`assess --format xlsx`: the workbook read back with openpyxl and python-calamine: sheets, colours, numbers, dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest

from kmc_gap.words import t

from conftest import RunLine

CATALOG = "examples/catalog.yaml"
AS_OF = ("--as-of", "2026-06-30")
PROFILES = "examples/profiles"
MID = "examples/profiles/mid-career-planner.yaml"


@pytest.fixture
def team(run_line: RunLine, tmp_path: Path) -> tuple[openpyxl.Workbook, list[dict]]:
    """The examples' three people as a workbook (by the -o extension) and as JSON."""
    out = tmp_path / "team.xlsx"
    run = run_line("assess", PROFILES, *AS_OF, "-o", str(out))
    assert (run.code, run.stdout) == (0, "")
    reports = json.loads(run_line("assess", PROFILES, *AS_OF, "-f", "json").stdout)
    return openpyxl.load_workbook(out), reports


@pytest.mark.slow
def test_sheets_are_named_in_the_chosen_language(run_line: RunLine, tmp_path: Path) -> None:
    for lang, names in (("zh-TW", ["摘要", "總覽", "落差", "明細", "證據", "說明"]),
                        ("en", ["Summary", "Overview", "Gaps", "Detail", "Evidence", "About"])):  # fmt: skip
        out = tmp_path / f"{lang}.xlsx"
        assert run_line("assess", MID, *AS_OF, "-f", "xlsx", "-o", str(out), "--lang", lang).code == 0
        book = openpyxl.load_workbook(out)
        assert book.sheetnames == names
        heading = [c.value for c in book[names[1]][1]]  # the overview, after the summary
        assert heading[:3] == (
            ["人員編號", "姓名", "單位"] if lang == "zh-TW" else ["Person id", "Name", "Organisation"]
        )


@pytest.mark.slow
def test_overview_is_a_heat_map_of_attained_levels(team: tuple[openpyxl.Workbook, list[dict]]) -> None:
    book, reports = team
    sheet = book["總覽"]
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref == "A1:T4"
    heads = [c.value for c in sheet[1]]
    tasks = [t["code"] for t in reports[0]["tasks"]]
    assert heads[3 : 3 + len(tasks)] == tasks
    fills = {"met": "FFC6EFCE", "partial": "FFFFEB9C", "missing": "FFFFC7CE"}
    for row, report in zip(sheet.iter_rows(min_row=2), reports, strict=True):
        assert (row[0].value, row[1].value) == (report["person"]["id"], report["person"]["name"])
        for cell, task in zip(row[3 : 3 + len(tasks)], report["tasks"], strict=True):
            assert cell.value == task["attained_level"] and cell.data_type == "n"
            assert cell.fill.fgColor.rgb == fills[task["status"]]
            mark = {"met": "●", "partial": "◐", "missing": "○"}[task["status"]]  # legible without colour
            assert cell.number_format == f'"{mark} "0;;"{mark} —"'
        coverage = row[3 + len(tasks) + 1]
        assert coverage.value == report["summary"]["coverage"] and coverage.number_format == "0.0%"


@pytest.mark.slow
def test_gaps_count_who_misses_each_item(team: tuple[openpyxl.Workbook, list[dict]]) -> None:
    book, reports = team
    missing: dict[str, int] = {}
    for report in reports:
        for gap in report["gaps"]:
            missing[gap["code"]] = missing.get(gap["code"], 0) + 1
    rows = list(book["落差"].iter_rows(min_row=2, values_only=True))
    assert {row[0]: row[3] for row in rows} == missing
    counts = [row[3] for row in rows]
    assert counts == sorted(counts, reverse=True)  # the most-missed first


@pytest.mark.slow
def test_detail_and_evidence_hold_numbers_and_dates(team: tuple[openpyxl.Workbook, list[dict]]) -> None:
    book, reports = team
    sheet = book["明細"]
    detail = list(sheet.iter_rows(min_row=2, values_only=True))
    # a row per person and task, and under it a row per item and output of the task
    expected = sum(1 + len(t["items"]) + len(t["outputs"]) for r in reports for t in r["tasks"])
    assert len(detail) == expected
    second = reports[1]
    task, item = second["tasks"][0], second["tasks"][0]["items"][0]
    first_row = sum(1 + len(t["items"]) + len(t["outputs"]) for t in reports[0]["tasks"])
    # the second person's first task: its status, required and attained level and its missing items
    row = detail[first_row]
    status = {"met": "符合", "partial": "部分", "missing": "未符合"}[task["status"]]
    assert row[:4] == (second["person"]["id"], second["person"]["name"], task["code"], task["level"])
    assert row[4] is None and row[6:8] == (status, task["attained_level"])
    gaps = [i["code"] for i in (*task["items"], *task["outputs"]) if not i["met"]]
    shown = "、".join(gaps[:5]) + (f" 等，共 {len(gaps)} 項" if len(gaps) > 5 else "")
    assert row[9] == (shown or None)
    # its row prints; the item rows under it are folded, one outline level down
    assert not sheet.row_dimensions[first_row + 2].hidden and sheet.row_dimensions[first_row + 2].outline_level == 0
    assert sheet.row_dimensions[first_row + 3].hidden and sheet.row_dimensions[first_row + 3].outline_level == 1
    # the first item of that task, cell by cell
    row = detail[first_row + 1]
    assert row[:3] == (second["person"]["id"], second["person"]["name"], task["code"]) and row[4] == item["code"]
    assert row[6] == ("符合" if item["met"] else "未符合")
    titles = {ev["id"]: ev["title"] for ev in second["evidence"]}  # evidence by the names people know
    assert row[7] == item["best_level"] and row[8] == ("、".join(titles[i] for i in item["evidence"]) or None)
    evidence = book["證據"]
    first = reports[0]["evidence"][0]
    row = next(evidence.iter_rows(min_row=2, max_row=2))
    assert row[2].value is None and row[4].value == first["title"]  # a course code, when the item has one; no id
    assert row[5].value == dt.datetime.fromisoformat(first["date"]) and row[5].is_date
    assert row[6].value == first["level"] and row[6].data_type == "n"
    total = sum(len(r["evidence"]) for r in reports)
    assert evidence.max_row == total + 1


@pytest.mark.slow
def test_about_names_the_standard_date_and_policy(team: tuple[openpyxl.Workbook, list[dict]]) -> None:
    book, _ = team
    rows = {row[0]: row[1:] for row in book["說明"].iter_rows(values_only=True) if row[0]}
    assert rows["職能基準"][0].startswith("KMC3332-001v3 活動 (專案) 行銷企劃人員")
    assert rows["評估日期"][0] == dt.datetime(2026, 6, 30)
    assert rows["採計規則"][0] == "預設" and rows["人數"][0] == 3
    # every setting in words: never True, None or a key name in a Chinese workbook
    kinds = "、".join(t(f"evidence_kind.{kind}") for kind in ("training", "certificate", "work_output"))
    kinds += "、" + "、".join(t(f"evidence_kind.{kind}") for kind in ("experience", "assessment", "self_report"))
    said = [t("policy.min_evidence", n=1), t("policy.unverified"), t("policy.any_age"), t("policy.kinds", kinds=kinds)]
    said += [t("policy.attitudes_free"), t("policy.outputs_free"), t("policy.pass_mark", mark=60)]
    assert rows["採計規則"][1] == "；".join(said)


def test_text_from_files_never_becomes_a_formula_or_a_link(run_line: RunLine, tmp_path: Path) -> None:
    records = tmp_path / "r.csv"
    records.write_text(
        "員工編號,姓名,課程代號,課程名稱,訓練日期\n"
        '=1+1,"=HYPERLINK(""http://x"")",C01,https://example.com \x1b[31m,2025-03-01\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.xlsx"
    assert run_line("assess", str(records), "-c", CATALOG, "-o", str(out)).code == 0
    book = openpyxl.load_workbook(out)
    person = book["總覽"]["A2"], book["總覽"]["B2"]
    assert [(c.value, c.data_type) for c in person] == [("=1+1", "s"), ('=HYPERLINK("http://x")', "s")]
    title = book["證據"]["E2"]
    assert title.value == "https://example.com \\x1b[31m" and title.hyperlink is None


@pytest.mark.slow
def test_records_in_workbook_out_with_calamine(run_line: RunLine, tmp_path: Path) -> None:
    import python_calamine

    out = tmp_path / "team.xlsx"
    run = run_line("assess", "examples/records/training-2025.xlsx", "-c", CATALOG, *AS_OF, "-f", "xlsx", "-o", str(out))
    assert run.code == 0, run.stderr
    book = python_calamine.CalamineWorkbook.from_path(str(out))
    overview = book.get_sheet_by_name("總覽").to_python()
    assert len(overview) == 21  # a heading and 20 people
    assert overview[1][:2] == ["E2101", "陳怡君"]


def test_a_failed_input_is_listed_on_the_about_sheet(run_line: RunLine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("standard: KMC3332-001v3\nperson: {name: x}\nevidence: 3\n", encoding="utf-8")
    out = tmp_path / "t.xlsx"
    assert run_line("assess", MID, str(bad), *AS_OF, "-o", str(out)).code == 2
    values = [row[0] for row in openpyxl.load_workbook(out)["說明"].iter_rows(values_only=True)]
    assert t("render.failed_files") in values and any(str(v).startswith(f"{bad}:3:") for v in values)


# --------------------------------------------------------------------------- columns that fit their text


def test_a_cjk_character_is_two_columns_wide() -> None:
    from kmc_gap.render.workbook import text_width

    assert text_width("E3101") == 5
    assert text_width("陳怡君") == 6  # three characters of three UTF-8 bytes: (3 + 9) // 2
    assert text_width("陳怡君 (E3101)") == 14  # 6 + 1 + 7
    assert text_width("短\n長一點的行") == 10  # the longest line: five characters


def test_wrapped_text_takes_as_many_lines_as_it_needs() -> None:
    from kmc_gap.render.workbook import lines

    # a column of at most 22 holds 20 per line: 40 CJK characters (80 wide) take 4 lines
    assert lines("一" * 40, 22) == 4
    assert lines("一" * 10, 22) == 1  # 20 wide: one line
    assert lines("一" * 11, 22) == 2  # 22 wide: a second line
    assert lines("a\nb\nc", 22) == 3  # a line each


@pytest.mark.slow
def test_columns_are_as_wide_as_their_widest_text_within_a_cap(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "team.xlsx"
    assert run_line("assess", "examples/records/ehr-export-2025.xlsx", "--sheet", "all", "-c",
                    "examples/records/courses.xlsx", *AS_OF, "-o", str(out)).code == 0  # fmt: skip
    book = openpyxl.load_workbook(out)
    from kmc_gap.render.assess.xlsx import CAP, CAPS
    from kmc_gap.render.workbook import text_width

    for key, name in (("gaps", "落差"), ("evidence", "證據")):
        sheet = book[name]
        for col, letter in ((1, "B"), (4, "E")):
            texts = [str(c.value) for c in sheet[letter][1:] if c.value is not None]
            widest = max(map(text_width, texts))
            cap = CAPS[key].get(col, CAP)
            # xlsxwriter adds the cell padding, 0.71 of a character
            assert sheet.column_dimensions[letter].width == pytest.approx(min(widest + 2, cap) + 0.71, abs=0.01)
            for cell in sheet[letter][1:]:  # a text wider than its column wraps, in a row tall enough for it
                if cell.value is not None and text_width(str(cell.value)) > cap - 2:
                    assert cell.alignment.wrap_text, (name, cell.coordinate)
                    assert (sheet.row_dimensions[cell.row].height or 15) >= 30
