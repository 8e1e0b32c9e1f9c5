"""Values as HR systems write them: dates in every unambiguous form, outcome words, headers by their
words, ids as HR means them, leavers and people who moved department."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from record_files import write_csv

from kmc_gap.model.hrdates import DateError, DayOrder, day_order, read_date
from kmc_gap.model.loading import load_catalog, load_standard
from kmc_gap.model.records import Column, RecordOptions, load_records
from kmc_gap.model.records.columns import _column_of
from kmc_gap.words import t

from conftest import ROOT, RunLine, examples

CATALOG = ROOT / "examples/catalog.yaml"
STD = load_standard()


def read(*paths: Path, **options: Any) -> Any:
    return load_records(list(paths), STD, RecordOptions(catalog=load_catalog(CATALOG, STD), **options))


# --------------------------------------------------------------------------- dates


def written(day: dt.date, form: int) -> Any:
    """``day`` as one HR system or another writes it."""
    roc = day.year - 1911
    return [
        day,
        dt.datetime.combine(day, dt.time(9, 30)),
        f"{day.isoformat()} 00:00:00",
        f"{day.isoformat()}T09:00:00+08:00",
        f"{day.year}/{day.month}/{day.day} 上午 09:00:00",
        f"{day.year}/{day.month}/{day.day} 下午 05:30",
        f"{day.year}年{day.month}月{day.day}日",
        f"{roc}/{day.month:02d}/{day.day:02d}",
        f"民國{roc}年{day.month}月{day.day}日",
        f"{roc:03d}{day.month:02d}{day.day:02d}",  # 0890101 for 2000-01-01
        f"{day.year}{day.month:02d}{day.day:02d}",
        (day - dt.date(1899, 12, 30)).days,  # an Excel serial in a number cell
        str((day - dt.date(1899, 12, 30)).days),  # the same written out by a CSV export
        (day - dt.date(1899, 12, 30)).days + 0.375,  # a serial with a time of day
        day.strftime("%d %b %Y"),
        day.strftime("%b %d, %Y"),
        day.strftime("%d-%b-%Y"),
        f"{day.year}-{day.month}-{day.day}",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
    ][form]


FORMS = 19


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)), st.integers(0, FORMS - 1))
@settings(max_examples=examples(300))
def test_every_unambiguous_form_reads_as_its_date(day: dt.date, form: int) -> None:
    assert read_date(written(day, form)) == day


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)), st.integers(0, FORMS - 1), st.integers(0, FORMS - 1))
@settings(max_examples=examples(200))
def test_a_range_of_days_reads_as_its_last_day(start: dt.date, first: int, last: int) -> None:
    end = start + dt.timedelta(days=2)
    one, two = written(start, first), written(end, last)
    if not isinstance(one, str) or not isinstance(two, str):
        return  # a range is text
    assert read_date(f"{one}~{two}") == end


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))
@settings(max_examples=examples(200))
def test_day_and_month_either_way_round(day: dt.date) -> None:
    dmy, mdy = day.strftime("%d/%m/%Y"), day.strftime("%m/%d/%Y")
    if day.day > 12 or day.day == day.month:  # it settles itself
        assert read_date(dmy) == day and read_date(mdy) == day
        return
    with pytest.raises(DateError) as caught:
        read_date(dmy)
    # 05/03/2026: both readings are named, and neither is guessed
    other = dt.date(day.year, day.day, day.month)
    assert caught.value.args_ == {"value": dmy, "dmy": day.isoformat(), "mdy": other.isoformat()}
    assert read_date(dmy, DayOrder.dmy) == day
    assert read_date(mdy, DayOrder.mdy) == day


def test_the_files_other_dates_settle_the_order() -> None:
    assert day_order(["05/03/2026", "13/03/2026"]) is DayOrder.dmy  # 13 can only be a day
    assert day_order(["05/03/2026", "03/13/2026"]) is DayOrder.mdy
    assert day_order(["05/03/2026", "13/03/2026", "03/13/2026"]) is None  # they disagree: every cell is asked
    assert day_order(["05/03/2026"]) is None


@pytest.mark.parametrize("value", ["2026-02-30", "下週一", "2026/13/01 00:00:00", 123, 3.5, "99999"])
def test_what_is_no_date_is_refused(value: Any) -> None:
    with pytest.raises(DateError):
        read_date(value)


def test_an_ambiguous_date_is_located_with_both_readings(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "05/03/2026"]]
    )
    run = run_line("validate", str(path), "-c", str(CATALOG))
    assert run.code == 1
    said = t("records.ambiguous_date", value="05/03/2026", dmy="2026-03-05", mdy="2026-05-03")
    assert f"{path}:2:4: {said}" in run.stdout + run.stderr


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


# --------------------------------------------------------------------------- outcome words, end to end

HEAD = ["員工編號", "姓名", "課程代號", "結訓日期", "結訓狀態"]


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


# --------------------------------------------------------------------------- people as HR means them

ROSTER = [["員工編號", "姓名", "部門", "在職狀態"]]


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
