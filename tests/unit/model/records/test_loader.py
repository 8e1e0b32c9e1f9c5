"""Record files read into people and evidence: header aliases, title rows, dates and encodings, one person across
files, stable record ids, evidence as the model validates it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from record_files import HEAD, ROWS, read, write_csv, write_xlsx

from kmc_gap.model.loading import load_catalog, load_standard
from kmc_gap.model.records import Column, RecordOptions, load_records, record_id
from kmc_gap.model.vocabulary import RECORD_HEADERS

from conftest import ROOT, examples

CATALOG = "examples/catalog.yaml"


# --------------------------------------------------------------------------- headers


FIELD_VALUES = {
    Column.organisation: ("行銷部", lambda p, e: p.person.organisation == "行銷部"),
    Column.role: ("企劃", lambda p, e: p.person.role == "企劃"),
    Column.title: ("自訂名稱", lambda p, e: e.title == "自訂名稱"),
    Column.kind: ("證照", lambda p, e: e.kind.value == "certificate"),
    Column.expires: ("2027-01-01", lambda p, e: e.expires == dt.date(2027, 1, 1)),
    Column.level: ("3", lambda p, e: e.level == 3),
    Column.covers: ("K01、S02", lambda p, e: e.covers == ["K01", "S02"]),
    Column.hours: ("7.5", lambda p, e: e.hours == 7.5),
    Column.verified_by: ("周專員", lambda p, e: e.verified_by == "周專員"),
    Column.provider: ("范老師", lambda p, e: e.provider == "范老師" and e.verified_by is None),
    Column.reference: ("ABC-1", lambda p, e: e.reference == "ABC-1"),
}
ALIASES = [(col, alias) for col in FIELD_VALUES for alias in (col.value, *RECORD_HEADERS[col.value])]


REQUIRED_CASES = [
    (col, alias)
    for col in (Column.person_id, Column.name, Column.date, Column.course)
    for alias in (col.value, *RECORD_HEADERS[col.value])
]


def read_date(text: str) -> dt.date:
    from kmc_gap.model.tables.cells import cell_date

    return cell_date(text)


@pytest.mark.slow
@pytest.mark.parametrize(("column", "header"), ALIASES, ids=[f"{c.value}={h}" for c, h in ALIASES])
def test_every_header_alias_of_an_optional_field_is_read(tmp_path: Path, column: Column, header: str) -> None:
    value, check = FIELD_VALUES[column]
    head = ["員工編號", "姓名", "課程代號", "日期"]
    path = write_csv(tmp_path / "r.csv", [[*head, header], ["E1", "王", "C01", "2025-03-01", value]])
    found = read(path)
    assert found.problems == {} and not any(w.key.startswith("records.unused") for w in found.warnings)
    person = found.people[0].profile
    assert check(person, person.evidence[0])


@pytest.mark.slow
@pytest.mark.parametrize(("column", "header"), REQUIRED_CASES, ids=[f"{c.value}={h}" for c, h in REQUIRED_CASES])
def test_every_header_alias_of_the_key_fields_is_read(tmp_path: Path, column: Column, header: str) -> None:
    base = {Column.person_id: "員工編號", Column.name: "姓名", Column.course: "課程代號", Column.date: "日期"}
    head = [header if col is column else h for col, h in base.items()]
    path = write_csv(tmp_path / "r.csv", [head, ["E1", "王", "C02", "2025-03-01"]])
    found = read(path)
    assert found.problems == {}
    profile = found.people[0].profile
    assert (profile.person.id, profile.person.name) == ("E1", "王")
    # C02 in the catalogue: level 4, covers K07 S06 S16, 18 hours
    ev = profile.evidence[0]
    assert (ev.date, ev.level, ev.covers, ev.hours) == (dt.date(2025, 3, 1), 4, ["K07", "S06", "S16"], 18)


def test_headers_are_matched_whatever_their_width_case_and_spacing(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv", [["Employee_ID", " 姓 名 ", "ＣＯＵＲＳＥ", "Date*"], ["E1", "王", "C01", "2025-03-01"]]
    )
    assert read(path).problems == {}


def test_a_title_row_above_the_headers_is_passed_over(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "r.xlsx", [["114年度 教育訓練紀錄"], [], HEAD, ["E1", "王", "C01", dt.date(2025, 3, 1)]]
    )
    found = read(path)
    assert found.problems == {} and len(found.people) == 1


# --------------------------------------------------------------------------- dates and encodings


@pytest.mark.parametrize("written", ["2025/3/1", "1140301", "民國114年3月1日", "２０２５－０３－０１"])
def test_a_date_cell_of_a_record_file_is_read_as_its_date(tmp_path: Path, written: str) -> None:
    # every written form of a date: tests/unit/model/test_hrdates.py
    path = write_csv(tmp_path / "r.csv", [HEAD, ["E1", "王", "C01", written]])
    assert read(path).people[0].profile.evidence[0].date == dt.date(2025, 3, 1)


def test_real_date_cells_and_numbers_that_are_dates(tmp_path: Path) -> None:
    rows = [HEAD, ["E1", "王", "C01", dt.date(2025, 3, 1)], ["E1", "王", "C02", 1140301], ["E1", "王", "C03", 20250301]]
    evidence = read(write_xlsx(tmp_path / "r.xlsx", rows)).people[0].profile.evidence
    assert [ev.date for ev in evidence] == [dt.date(2025, 3, 1)] * 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp950", "big5", "utf-16"])
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "r.csv", [[*HEAD, "部門"], ["E1", "王小明", "C01", "114/03/01", "行銷部"]], encoding)
    person = read(path).people[0].profile.person
    assert (person.name, person.organisation) == ("王小明", "行銷部")


def test_tab_separated_exports_are_read(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("員工編號\t姓名\t課程代號\t訓練日期\nE1\t王\tC01\t2025-03-01\n", encoding="utf-8")
    assert read(path).people[0].profile.person.name == "王"


def test_a_sheet_with_spaces_is_quoted_as_spreadsheets_write_it(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", [HEAD, ["E1", "王", "C01", "someday"]], sheet="Q1 records")
    problem = read(path).problems[str(path)][0]
    assert problem.location() == f"{path}:'Q1 records'!D2"


def test_a_row_with_neither_codes_nor_a_course_is_an_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", [["員工編號", "姓名", "課程名稱", "日期"], ["E1", "王", "某課", "2025-03-01"]])
    assert [p.key for p in read(path).problems[str(path)]] == ["records.no_competency"]


def test_own_cells_win_over_the_catalogue(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv", [[*HEAD, "級別", "對應代碼"], ["E1", "王", "C01", "2025-03-01", "第5級", "K01 K02"]]
    )
    ev = read(path).people[0].profile.evidence[0]
    assert (ev.level, ev.covers, ev.title) == (5, ["K01", "K02"], "活動行銷企劃實務")


def test_a_person_across_two_files_is_one_person(tmp_path: Path) -> None:
    a = write_csv(tmp_path / "training.csv", [HEAD, ["E1", "王", "C01", "2025-03-01"]])
    b = write_csv(
        tmp_path / "certs.csv",
        [
            ["員工編號", "姓名", "證照名稱", "取得日期", "職能級別", "職能內涵", "類別"],
            ["E1", "王", "證照甲", "114/5/1", "4", "K05", "證照"],
        ],
    )
    std = load_standard()
    found = load_records([a, b], std, RecordOptions(catalog=load_catalog(ROOT / CATALOG, std)))
    assert len(found.people) == 1
    assert found.people[0].file == f"{a}, {b}"
    assert [ev.kind.value for ev in found.people[0].profile.evidence] == ["training", "certificate"]


# --------------------------------------------------------------------------- ids


def test_a_record_id_is_a_short_hash_of_person_course_and_date() -> None:
    # sha256("E1\0C01\02025-03-01") starts 2d5f…; the id keeps ten hex digits
    import hashlib

    expected = "rec-" + hashlib.sha256(b"E1\x00C01\x002025-03-01").hexdigest()[:10]
    assert record_id("E1", "C01", dt.date(2025, 3, 1)) == expected


@settings(max_examples=examples(25), deadline=None)
@given(order=st.permutations(ROWS))
def test_ids_do_not_depend_on_row_order(tmp_path_factory: pytest.TempPathFactory, order: list[list[str]]) -> None:
    path = write_csv(tmp_path_factory.mktemp("order") / "r.csv", [HEAD, *order])
    ids = {(p.profile.person.id, ev.id) for p in read(path).people for ev in p.profile.evidence}
    reference = {(row[0], record_id(row[0], row[2], read_date(row[3]))) for row in ROWS}
    assert ids == reference


def test_a_second_name_for_one_id_is_warned_about_once(tmp_path: Path) -> None:
    rows = [HEAD, ["E1", "王小明", "C01", "2025-03-01"], ["E1", "王曉明", "C02", "2025-03-01"],
            ["E1", "王曉明", "C03", "2025-03-01"]]  # fmt: skip
    found = read(write_csv(tmp_path / "r.csv", rows))
    assert [(w.key, w.line, w.args["name"]) for w in found.warnings] == [("records.name_differs", 3, "王曉明")]
    assert found.people[0].profile.person.name == "王小明" and len(found.people[0].profile.evidence) == 3


def test_a_person_id_typed_in_full_width_is_the_same_person(tmp_path: Path) -> None:
    found = read(
        write_csv(
            tmp_path / "r.csv", [HEAD, ["E001", "王", "C01", "2025-03-01"], ["Ｅ００１", "王", "C02", "2025-03-01"]]
        )
    )
    assert [(p.profile.person.id, len(p.profile.evidence)) for p in found.people] == [("E001", 2)]


@pytest.mark.parametrize("name", ["training-2025.csv", "training-2025.xlsx"])
def test_evidence_built_from_rows_is_what_the_model_validates(name: str) -> None:
    # rows are checked cell by cell and the model built without validating again: it must be a valid one
    from kmc_gap.model.models import Evidence, Profile

    found = read(ROOT / "examples" / "records" / name)
    for person in found.people:
        Profile.model_validate(person.profile.model_dump())
        for ev in person.profile.evidence:
            assert Evidence.model_validate(ev.model_dump()) == ev


def test_a_covers_cell_of_separators_only_is_empty(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv", [[*HEAD, "職能級別", "職能內涵"], ["E1", "王", "X1", "2025-03-01", "4", "、 ,"]]
    )
    assert [p.key for p in read(path).problems[str(path)]] == ["records.empty_cell"]
