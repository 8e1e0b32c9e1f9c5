"""What the reading cannot guess, a mapping says — per file or sheet (``files:``), in one edited file:
the header row, columns to fill down, a wide table's course columns, value patterns, the hours' unit and
how people are joined. Each test shows a table that is refused (or read wrong) without its line, and
read right with it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from record_files import write_csv

from conftest import RunLine

CATALOG = "examples/catalog.yaml"
AS_OF = ("--as-of", "2026-12-31")


def mapping(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "hr.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def counted(run: Any) -> set[tuple[str, str, str]]:
    reports = json.loads(run.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    return {(r["person"]["id"], ev["course"], ev["date"]) for r in reports for ev in r["evidence"] if ev["counted"]}


def hours(path: Path, hr: Path | None) -> dict[str, float | None]:
    """The hours of each row as read, through the library."""
    from kmc_gap.model.loading import load_standard
    from kmc_gap.model.mapping import load_mapping
    from kmc_gap.model.records import RecordOptions, load_records

    options = RecordOptions(mapping=load_mapping(hr) if hr else None)
    found = load_records([path], load_standard(), options)
    return {ev.title: ev.hours for p in found.people for ev in p.profile.evidence}


def test_header_row_names_a_header_the_reading_would_not_choose(run_line: RunLine, tmp_path: Path) -> None:
    """Twelve lines of query conditions above the header, each naming fields (查詢條件：日期、姓名 …), push it
    past where the reading looks; ``header_row: 13`` in the file's entry says where it is."""
    query = [[f"條件{i}", "日期", "姓名"] for i in range(12)]
    path = write_csv(
        tmp_path / "查詢結果.csv",
        [*query, ["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "甲", "C01", "2026-03-05"]],
    )
    refused = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json")
    assert refused.code == 2
    hr = mapping(tmp_path, "files:\n  查詢*.csv:\n    header_row: 13\n")
    run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    assert counted(run) == {("E1", "C01", "2026-03-05")}


def test_a_header_row_that_is_empty_is_a_located_problem(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "甲", "C01", "2026-03-05"]]
    )
    hr = mapping(tmp_path, "header_row: 9\n")
    run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json", "--lang", "en")
    assert run.code == 2
    assert "row 9" in run.stderr


def test_fill_down_carries_a_course_written_once_a_block(run_line: RunLine, tmp_path: Path) -> None:
    """A class list: the course and its date on the first row of each class, blank under it (merged cells)."""
    rows = [
        ["課程代號", "結訓日期", "員工編號", "姓名"],
        ["C01", "2026-03-05", "E1", "甲"],
        ["", "", "E2", "乙"],
        ["C02", "2026-04-09", "E1", "甲"],
        ["", "", "E3", "丙"],
    ]
    path = write_csv(tmp_path / "班級名單.csv", rows)
    refused = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json")
    assert refused.code == 2  # E2's and E3's rows have no course and no date
    hr = mapping(tmp_path, "files:\n  班級名單.csv:\n    fill_down: [課程代號, 結訓日期]\n")
    run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    assert counted(run) == {
        ("E1", "C01", "2026-03-05"),
        ("E2", "C01", "2026-03-05"),
        ("E1", "C02", "2026-04-09"),
        ("E3", "C02", "2026-04-09"),
    }


def test_courses_unpivot_a_matrix_whose_headers_no_catalogue_names(run_line: RunLine, tmp_path: Path) -> None:
    """A team matrix headed by the LMS's own class names: held back until ``courses`` says which they are."""
    rows = [
        ["員工編號", "姓名", "行銷班", "預算班"],
        ["E1", "甲", "2026-03-05", "×"],
        ["E2", "乙", "", "2026-05-06"],
    ]
    path = write_csv(tmp_path / "矩陣.csv", rows)
    refused = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json")
    assert refused.code == 2
    hr = mapping(tmp_path, "files:\n  矩陣.csv:\n    courses:\n      行銷班: C01\n      預算班: C02\n")
    run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    assert counted(run) == {("E1", "C01", "2026-03-05"), ("E2", "C02", "2026-05-06")}  # × is a fail, not counted


def test_values_patterns_read_a_systems_own_codes(run_line: RunLine, tmp_path: Path) -> None:
    """An LMS that writes ``S85`` for a score of 85 and ``R-OK`` / ``R-NG`` for passed or not."""
    rows = [
        ["員工編號", "姓名", "課程代號", "結訓日期", "成績", "結果"],
        ["E1", "甲", "C01", "2026-03-05", "S85", "R-OK"],
        ["E2", "乙", "C01", "2026-03-05", "S40", "R-OK"],  # 40 is under the pass mark of 60
        ["E3", "丙", "C01", "2026-03-05", "S90", "R-NG"],
    ]
    path = write_csv(tmp_path / "lms.csv", rows)
    assert run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json").code == 2
    hr = mapping(tmp_path, "values:\n  's(\\d+)': score\n  'r-ok': passed\n  'r-ng': not_passed\n")
    run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    assert counted(run) == {("E1", "C01", "2026-03-05")}


def test_a_bad_pattern_is_located(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "甲", "C01", "2026-03-05"]]
    )
    for text, line in [("values:\n  ok: passed\n  '(\\d+': score\n", 3), ("values:\n  ok: score\n", 2)]:
        hr = mapping(tmp_path, text)
        run = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "--lang", "en")
        assert run.code == 2
        assert f"hr.yaml:{line}:" in run.stderr  # the unbalanced pattern; a score pattern with no group


def test_hours_unit_minutes(run_line: RunLine, tmp_path: Path) -> None:
    """A 時數 column of minutes: 90 is an hour and a half — only where the mapping says so."""
    rows = [["員工編號", "姓名", "課程名稱", "結訓日期", "時數", "職能級別", "職能內涵"]]
    rows += [
        ["E1", "甲", "簡報", "2026-03-05", "90", "3", "S10"],
        ["E1", "甲", "談判", "2026-03-06", "1.5小時", "3", "S10"],
    ]
    path = write_csv(tmp_path / "分鐘.csv", rows)
    hr = mapping(tmp_path, "files:\n  分鐘.csv:\n    hours_unit: minutes\n")
    # 90 is read as 90 hours without the line, 1.5 hours with it; a cell with its own unit keeps it
    assert hours(path, None) == {"簡報": 90.0, "談判": 1.5}
    assert hours(path, hr) == {"簡報": 1.5, "談判": 1.5}


def test_a_files_entry_applies_to_its_own_file_and_sheet_only(run_line: RunLine, tmp_path: Path) -> None:
    """The same header means attendance in one system's export and nothing in another's."""
    rows = [["員工編號", "姓名", "課程代號", "結訓日期", "簽到"], ["E1", "甲", "C01", "2026-03-05", "未簽到"]]
    one = write_csv(tmp_path / "外訓2026.csv", rows)
    other = write_csv(tmp_path / "內訓.csv", [*rows[:1], ["E2", "乙", "C02", "2026-03-06", "x"]])
    hr = mapping(tmp_path, "headers:\n  簽到: ignore\nfiles:\n  外訓*.csv:\n    headers:\n      簽到: attendance\n")
    run = run_line("assess", str(one), str(other), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json")
    assert run.code == 0, run.stderr
    assert counted(run) == {("E2", "C02", "2026-03-06")}  # E1 was absent (未簽到); E2's column is ignored


def test_inspect_proposes_the_courses_of_a_matrix_and_the_finished_mapping_reads_it(
    run_line: RunLine, tmp_path: Path
) -> None:
    """``--write-mapping`` lists each column that looks like a course no catalogue names under ``courses:``;
    with the codes written in, the table reads."""
    rows = [["員工編號", "姓名", "行銷班", "預算班"], ["E1", "甲", "2026-03-05", "×"], ["E2", "乙", "", "2026-05-06"]]
    path = write_csv(tmp_path / "矩陣.csv", rows)
    hr = tmp_path / "hr.yaml"
    run = run_line("records", "inspect", str(path), "-c", CATALOG, "--write-mapping", str(hr))
    assert run.code == 2
    written = yaml.safe_load(hr.read_text(encoding="utf-8"))
    assert written["courses"] == {"行銷班": None, "預算班": None}
    text = (
        hr.read_text(encoding="utf-8")
        .replace('"行銷班": null', '"行銷班": C01')
        .replace('"預算班": null', '"預算班": C02')
    )
    hr.write_text(text, encoding="utf-8")
    done = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json")
    assert done.code == 0, done.stderr
    assert counted(done) == {("E1", "C01", "2026-03-05"), ("E2", "C02", "2026-05-06")}


def test_writing_a_mapping_again_keeps_every_decision_of_the_one_there(run_line: RunLine, tmp_path: Path) -> None:
    """Inspecting again over a finished mapping — given with ``--mapping`` or not — loses no decision: not a
    header, word or course, nor a pattern, a join, a date order or a file's own entry."""
    path = write_csv(
        tmp_path / "a.csv",
        [["員工編號", "姓名", "課程代號", "結訓日期", "辦理方式"], ["E1", "甲", "C01", "2026-03-05", "實體"]],
    )
    decisions = {
        "headers": {"辦理方式": "ignore"},
        "words": {"補訓中": "not_taken"},
        "courses": {"行銷班": "C01"},
        "values": {"s(\\d+)": "score"},
        "id_width": 5,
        "date_order": "dmy",
        "join": "name",
        "undated": "2026-12-31",
        "files": {"外訓*.xlsx#證照": {"header_row": 3, "fill_down": ["課程代號"], "hours_unit": "minutes"}},
    }
    hr = tmp_path / "hr.yaml"
    hr.write_text(yaml.safe_dump(decisions, allow_unicode=True), encoding="utf-8")
    for given, target in [([], hr), (["--mapping", str(hr)], tmp_path / "hr2.yaml")]:
        run = run_line("records", "inspect", str(path), "-c", CATALOG, *given, "--write-mapping", str(target))
        assert run.code == 0, run.stderr
        written = yaml.safe_load(target.read_text(encoding="utf-8"))
        assert written["mapping_version"] == 1
        assert {key: written[key] for key in decisions} == {
            **decisions,
            "headers": {
                "員工編號": "person_id",
                "姓名": "name",
                "課程代號": "course",
                "結訓日期": "date",
                "辦理方式": "ignore",
            },
        }


def test_a_file_that_is_no_mapping_is_never_written_over(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "a.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "甲", "C01", "2026-03-05"]]
    )
    notes = tmp_path / "notes.yaml"
    notes.write_text("meeting: 2026-12-01\nagenda: [budget]\n", encoding="utf-8")
    run = run_line("records", "inspect", str(path), "-c", CATALOG, "--write-mapping", str(notes), "--lang", "en")
    assert run.code == 2
    assert notes.read_text(encoding="utf-8") == "meeting: 2026-12-01\nagenda: [budget]\n"
    assert "notes.yaml:1:1:" in run.stderr  # where it is not a mapping


def test_inspect_counts_every_row_of_a_held_back_table(run_line: RunLine, tmp_path: Path) -> None:
    """A column nobody mapped holds all three rows back: inspect says three rows wait, not one problem."""
    rows = [["員工編號", "姓名", "課程代號", "結訓日期", "簽到"]]
    rows += [
        ["E1", "甲", "C01", "2026-03-05", "○"],
        ["E2", "乙", "C01", "2026-03-05", "×"],
        ["E3", "丙", "C02", "2026-03-06", "○"],
    ]
    path = write_csv(tmp_path / "held.csv", rows)
    run = run_line("records", "inspect", str(path), "-c", CATALOG, "-f", "json")
    (table,) = json.loads(run.stdout)["tables"]
    assert [(cause["key"], cause["rows"]) for cause in table["refused"]] == [("records.result_column", 3)]


def test_inspect_proposes_the_hidden_rows_decision(run_line: RunLine, tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "hidden.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("紀錄")
    rows = [
        ["員工編號", "姓名", "課程代號", "結訓日期"],
        ["E1", "甲", "C01", "2026-03-05"],
        ["E2", "乙", "C02", "2026-03-06"],
    ]
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    sheet.set_row(2, None, None, {"hidden": True})
    book.close()
    hr = tmp_path / "hr.yaml"
    run = run_line("records", "inspect", str(path), "-c", CATALOG, "--write-mapping", str(hr))
    assert run.code == 2
    assert "hidden_rows" in yaml.safe_load(hr.read_text(encoding="utf-8"))
    hr.write_text(hr.read_text(encoding="utf-8").replace("hidden_rows: null", "hidden_rows: read"), encoding="utf-8")
    done = run_line("assess", str(path), "-c", CATALOG, "--mapping", str(hr), *AS_OF, "-f", "json")
    assert done.code == 0, done.stderr
    assert counted(done) == {("E1", "C01", "2026-03-05"), ("E2", "C02", "2026-03-06")}
