"""Values as HR systems write them: headers by their words, outcome words, ids as HR means them, leavers and people
who moved department."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from record_files import write_csv

from kmc_gap.model.loading import load_catalog, load_standard
from kmc_gap.model.records import Column, RecordOptions, load_records
from kmc_gap.model.records.columns import _column_of

from conftest import ROOT

CATALOG = ROOT / "examples/catalog.yaml"
STD = load_standard()


def read(*paths: Path, **options: Any) -> Any:
    return load_records(list(paths), STD, RecordOptions(catalog=load_catalog(CATALOG, STD), **options))


# --------------------------------------------------------------------------- outcome words, end to end

HEAD = ["員工編號", "姓名", "課程代號", "結訓日期", "結訓狀態"]


# --------------------------------------------------------------------------- people as HR means them

ROSTER = [["員工編號", "姓名", "部門", "在職狀態"]]


# --------------------------------------------------------------------------- headers by their words


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("外訓課程名稱", Column.title),
        ("實際上課時數", Column.hours),
        ("實到時數", Column.hours),
        ("應到時數", None),  # what was planned, not what happened
        ("預計時數", None),
        ("講師姓名", Column.provider),  # the 講師's name, not the person's
        ("主管姓名", None),
        ("開課日期", None),  # the first day: the record's date is the last
        ("結訓日期\n(YYYY/MM/DD)", Column.date),  # typed with Alt+Enter, with a remark
        ("課程\n名稱", Column.title),
        ("時數（小時）", Column.hours),
        ("Employee ID", Column.person_id),
        ("員工編號\nEmployee No.", Column.person_id),
        ("Completion Date", Column.date),
        ("Course Title", Column.title),
        ("Job Title", Column.role),
        ("結業證明", Column.passed),
        ("在職狀態", Column.employment),
        ("離職日", Column.left_on),
    ],
)
def test_headers_are_found_by_their_words(header: str, field: Column | None) -> None:
    assert _column_of(header, {}) is field


def test_outcome_words_decide_what_a_row_is(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "lms.csv",
        [
            HEAD,
            ["E1", "王", "C01", "2026-03-05 00:00:00", "已結訓"],
            ["E1", "王", "C02", "2026-03-06 00:00:00", "免試"],  # counts, noted
            ["E1", "王", "C05", "2026-03-07 00:00:00", "退訓"],  # not passed
            ["E1", "王", "C09", "", "報名中"],  # no training taken: passed over, the empty date no problem
            ["E1", "王", "C12", "", "取消"],
        ],
    )
    found = read(path)
    assert not found.problems
    (person,) = found.people
    evidence = {ev.course: ev for ev in person.profile.evidence}
    assert sorted(evidence) == ["C01", "C02", "C05"]
    assert evidence["C01"].passed is None and evidence["C01"].note is None
    assert evidence["C02"].passed is None and evidence["C02"].note == "免試"
    assert evidence["C05"].passed is False
    (passed_over,) = [w for w in found.warnings if w.key == "records.passed_over"]
    assert passed_over.args["n"] == 2


def test_a_certificate_column_of_yes_and_no(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "ext.csv",
        [
            ["員工編號", "姓名", "外訓課程名稱", "課程代號", "結業日期", "結業證明"],
            ["E1", "王", "外部課", "C01", "2026年3月5日", "有"],
            ["E1", "王", "外部課", "C02", "2026年3月6日", "無"],
        ],
    )
    (person,) = read(path).people
    assert [(ev.course, ev.passed) for ev in person.profile.evidence] == [("C01", None), ("C02", False)]


def test_ids_lose_their_zeros_only_when_the_names_agree(tmp_path: Path) -> None:
    roster = write_csv(
        tmp_path / "roster.csv", [*ROSTER, ["01002", "王小明", "行銷部", "在職"], ["01006", "趙六", "行銷部", "在職"]]
    )
    ext = write_csv(
        tmp_path / "ext.csv",
        [
            ["員工編號", "姓名", "課程代號", "結訓日期"],
            ["1002", "王小明", "C01", "2026-03-05"],  # Excel dropped the zero: the same person
            ["1006", "趙小六", "C01", "2026-03-05"],  # the same digits, another name: another person
            ["ｅ 01006", "趙六", "C02", "2026-03-05"],  # e01006 folded: no zeros dropped, a third person
        ],
    )
    found = read(ext, roster=(roster,))
    ids = [(p.profile.person.id, p.profile.person.name, len(p.profile.evidence)) for p in found.people]
    assert ids == [("01002", "王小明", 1), ("01006", "趙六", 0), ("1006", "趙小六", 1), ("e 01006", "趙六", 1)]
    keys = [w.key for w in found.warnings]
    assert keys.count("records.zeros_joined") == 1
    assert keys.count("records.zeros_names_differ") == 1


def test_ids_are_joined_with_width_case_and_spaces_folded(tmp_path: Path) -> None:
    roster = write_csv(tmp_path / "roster.csv", [*ROSTER, ["E001", "王", "行銷部", "在職"]])
    lms = write_csv(
        tmp_path / "lms.csv",
        [
            ["員工編號", "姓名", "課程代號", "結訓日期"],
            ["ｅ001", "王", "C01", "2026-03-05"],
            ["E 001", "王", "C02", "2026-03-06"],
        ],
    )
    found = read(lms, roster=(roster,))
    assert [(p.profile.person.id, len(p.profile.evidence)) for p in found.people] == [("E001", 2)]


def test_leavers_are_left_out_and_listed_once(tmp_path: Path) -> None:
    roster = write_csv(
        tmp_path / "roster.csv",
        [
            ["員工編號", "姓名", "部門", "在職狀態", "離職日"],
            ["E1", "甲", "行銷部", "在職", ""],
            ["E2", "乙", "行銷部", "離職", "2026-05-31"],
            ["E3", "丙", "行銷部", "", "2026-04-30"],  # a leaving date and no status: left
        ],
    )
    lms = write_csv(
        tmp_path / "lms.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E2", "乙", "C01", "2026-03-05"]]
    )
    found = read(lms, roster=(roster,))
    assert [p.profile.person.id for p in found.people] == ["E1"]
    assert [p.id for p in found.leavers] == ["E2", "E3"]
    (listed,) = [w for w in found.warnings if w.key == "records.leavers"]
    assert listed.args["n"] == 2 and [(w.args["name"], w.args["id"]) for w in listed.args["names"]] == [
        ("乙", "E2"),
        ("丙", "E3"),
    ]
    kept = read(lms, roster=(roster,), include_leavers=True)
    assert [p.profile.person.id for p in kept.people] == ["E1", "E2", "E3"]


def test_a_person_who_moved_is_under_the_latest_department(tmp_path: Path) -> None:
    lms = write_csv(
        tmp_path / "lms.csv",
        [
            ["員工編號", "姓名", "部門", "課程代號", "結訓日期"],
            ["E1", "甲", "業務部", "C01", "2026-03-05"],
            ["E1", "甲", "行銷部", "C02", "2026-09-05"],
            ["E1", "甲", "業務部", "C05", "2026-01-05"],
        ],
    )
    found = read(lms)
    (person,) = found.people
    assert person.profile.person.organisation == "行銷部"  # the latest row's, 2026-09-05
    (moved,) = [w for w in found.warnings if w.key == "records.two_departments"]
    assert moved.message("en") == (
        "甲 (E1) has records under other departments (業務部): reported under 行銷部 "
        "(the roster's department, else the latest row's)"
    )
