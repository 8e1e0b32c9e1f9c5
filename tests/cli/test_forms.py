"""The assessment round: `kmc-gap form` writes forms, filled forms come back as evidence, `calibrate` compares.

Forms are filled the way a manager's spreadsheet program would, with openpyxl, and read back through
the CLI; every bad cell is a located problem.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from form_files import AS_OF, MID, PROFILES, Sheet, fill, make_form
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmc_gap.words import t

from conftest import ROOT, RunLine, examples, run_cli

EXPORT = "examples/records/ehr-export-2025.xlsx"
COURSES = "examples/records/courses.xlsx"


def reports(run_line: RunLine, *paths: str | Path) -> list[dict[str, Any]]:
    run = run_line("assess", *map(str, paths), *AS_OF, "-f", "json")
    assert run.code in (0, 1), run.stderr
    found = json.loads(run.stdout)
    return found if isinstance(found, list) else [found]  # one person: one report, not a list


# --------------------------------------------------------------------------- the form as written


def test_a_form_lists_each_task_s_indicators_and_outputs_with_the_cells_to_fill(
    run_line: RunLine, tmp_path: Path
) -> None:
    book = openpyxl.load_workbook(make_form(run_line, tmp_path, MID))
    assert book.sheetnames == ["E1024 林小美", "說明", "kmc-gap"]
    assert book["kmc-gap"].sheet_state == "hidden"
    sheet = Sheet(book)
    assert list(sheet.labels) == ["職能評核表", "姓名", "員工編號", "部門", "評核人", "評核日期", "職能基準"]
    assert (sheet.labels["姓名"].value, sheet.labels["員工編號"].value) == ("林小美", "E1024")
    heads = [c.value for c in sheet.sheet[sheet.head + 1]][:9]
    assert heads == ["代碼", "工作任務", "行為指標 / 工作產出", "要求級別", "自評", "自評說明", "主管評核",
                     "觀察依據／佐證", "工作產出參照"]  # fmt: skip
    # 45 behaviour indicators and 23 work outputs, task by task: T1.1's P1.1.1–P1.1.3, then its O1.1.1
    codes = list(sheet.rows)
    assert len(codes) == 45 + 23 and codes[:5] == ["P1.1.1", "P1.1.2", "P1.1.3", "O1.1.1", "P2.1.1"]
    first = sheet.rows["P1.1.1"]
    assert first[1].value == "T1.1 蒐集與分析活動行銷目標" and first[3].value == 4
    # the rating cells are drop-downs of 1–6 and 不適用; they and the notes are unlocked, the rest locked
    rules = {str(dv.sqref): dv for dv in sheet.sheet.data_validations.dataValidation}
    rating = next(dv for ref, dv in rules.items() if ref.startswith("E"))
    assert rating.type == "list" and rating.formula1 == '"1,2,3,4,5,6,不適用"'
    assert sheet.sheet.protection.sheet and not first[4].protection.locked and first[0].protection.locked
    assert not sheet.labels["評核人"].protection.locked and not sheet.labels["評核日期"].protection.locked
    # A4 landscape, fitted to the page width, the heading rows repeated on every page
    setup = sheet.sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToHeight) == ("landscape", 9, 0)
    assert sheet.sheet.sheet_properties.pageSetUpPr.fitToPage  # one page wide (fitToWidth 1 is the default)
    assert sheet.sheet.print_title_rows == f"$1:${sheet.head + 1}"
    guide = [row[1] for row in book["說明"].iter_rows(values_only=True) if row[0] and str(row[0]).startswith("第")]
    assert len(guide) == 6 and guide[0].startswith("能夠在可預計")  # the six iCAP level descriptors


def test_only_gaps_lists_the_unmet_items_with_the_level_known_today(run_line: RunLine, tmp_path: Path) -> None:
    report = reports(run_line, MID)[0]
    items = [i for t in report["tasks"] for i in (*t["items"], *t["outputs"])]
    unmet = {i["code"] for i in items if not i["met"] and i["code"][0] in "PO"}
    best = {i["code"]: i["best_level"] for t in report["tasks"] for i in (*t["items"], *t["outputs"])}
    sheet = Sheet(openpyxl.load_workbook(make_form(run_line, tmp_path, MID, "--only-gaps", "--task", "t3.2")))
    task_codes = {c for c in unmet if c.startswith(("P3.2", "O3.2"))}
    assert set(sheet.rows) == task_codes and task_codes
    assert "目前級別" in sheet.col
    for code, row in sheet.rows.items():
        assert row[sheet.col["目前級別"]].value == (best[code] if best[code] is not None else "—")


@pytest.mark.slow
def test_raters_choose_the_columns_and_the_rater_labels(run_line: RunLine, tmp_path: Path) -> None:
    sheet = Sheet(openpyxl.load_workbook(make_form(run_line, tmp_path, MID, "--raters", "self,manager,peer")))
    assert [h for h in sheet.col if h in ("自評", "主管評核", "同儕評")] == ["自評", "主管評核", "同儕評"]
    assert "同儕評核人" in sheet.labels and "評核人" in sheet.labels
    bad = run_line("form", MID, "-o", str(tmp_path / "x.xlsx"), "--raters", "boss")
    detail = t("usage.raters", raters="self, peer, manager, assessor")
    said = t("usage.error", detail=t("usage.bad_value", name="--raters", value="'boss'", detail=detail))
    assert bad.code == 2 and bad.stderr.startswith(f"kmc-gap: {said}\n")


@pytest.mark.slow
def test_a_folder_gets_a_workbook_per_person_and_a_file_one_for_the_team(run_line: RunLine, tmp_path: Path) -> None:
    run = run_line("form", PROFILES, "-o", str(tmp_path / "forms"))
    assert run.code == 0 and run.stderr.endswith(f"kmc-gap: {t('run.wrote_forms', n=3, path=tmp_path / 'forms')}\n")
    assert sorted(p.name for p in (tmp_path / "forms").iterdir()) == [
        "E0871 王志明.xlsx", "E1024 林小美.xlsx", "T2025-031 陳怡君.xlsx"]  # fmt: skip
    team = openpyxl.load_workbook(make_form(run_line, tmp_path, EXPORT, "--sheet", "all", "-c", COURSES))
    assert len(team.sheetnames) == 25 + 2  # every person on the roster, the guide, the hidden sheet


def test_the_form_is_in_english_on_request(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "en.xlsx"
    assert run_line("form", MID, "-o", str(out), "--lang", "en").code == 0
    book = openpyxl.load_workbook(out)
    sheet = Sheet(book)
    assert book.sheetnames[1] == "Guide" and "Rater" in sheet.labels and "Evidence observed" in sheet.col
    sheet.labels["Rater"].value = "Ms Wang"
    sheet.labels["Rating date"].value = dt.datetime(2026, 11, 20)
    sheet.rate("P1.1.1", "Manager", 4)
    book.save(out)
    evidence = [e for e in reports(run_line, out)[0]["evidence"] if e["id"].startswith("form-")]
    assert [(e["title"], e["level"], e["rater"]) for e in evidence] == [("Manager rating P1.1.1", 4, "manager")]


# --------------------------------------------------------------------------- ratings in


@pytest.mark.slow
def test_a_filled_form_reads_back_as_exactly_the_evidence_typed(run_line: RunLine, tmp_path: Path) -> None:
    form = make_form(run_line, tmp_path, MID)
    filled = fill(form, tmp_path / "filled.xlsx", {
        "P1.1.1": {"自評": 5, "自評說明": "帶過兩次年會", "主管評核": 4, "觀察依據／佐證": "2026 年會企劃書",
                   "工作產出參照": "docs/2026-kickoff.pdf"},
        "P1.1.2": {"自評": "不適用", "主管評核": "3"},  # text, as a hand-typed cell
        "O1.1.1": {"主管評核": 4.0},
    })  # fmt: skip
    out = tmp_path / "people"
    run = run_line("import", str(filled), "-o", str(out))
    assert run.code == 0, run.stderr
    doc = yaml.safe_load((out / "E1024.yaml").read_text(encoding="utf-8"))
    got = [{k: v for k, v in ev.items() if k != "id"} for ev in doc["evidence"]]
    source = "../filled.xlsx#E1024 林小美"  # its path from the profiles folder
    day = dt.date(2026, 11, 20)
    assert got == [
        {"kind": "self_report", "title": "自評 P1.1.1", "date": day, "level": 5, "rater": "self",
         "output_reference": "docs/2026-kickoff.pdf", "covers": ["P1.1.1"], "source": source, "note": "帶過兩次年會"},
        {"kind": "assessment", "title": "主管評核 P1.1.1", "date": day, "level": 4, "verified_by": "王經理",
         "rater": "manager", "output_reference": "docs/2026-kickoff.pdf", "covers": ["P1.1.1"], "source": source,
         "note": "2026 年會企劃書"},
        {"kind": "assessment", "title": "主管評核 P1.1.2", "date": day, "level": 3, "verified_by": "王經理",
         "rater": "manager", "covers": ["P1.1.2"], "source": source},
        {"kind": "assessment", "title": "主管評核 O1.1.1", "date": day, "level": 4, "verified_by": "王經理",
         "rater": "manager", "covers": ["O1.1.1"], "source": source},
    ]  # fmt: skip
    ids = [ev["id"] for ev in doc["evidence"]]
    assert all(i.startswith("form-") for i in ids) and len(set(ids)) == 4
    # read again, the same ids: a second import changes nothing
    again = run_line("import", str(filled), "-o", str(out), "-f", "json")
    assert json.loads(again.stdout)[0]["added"] == 0 and json.loads(again.stdout)[0]["updated"] == 0


def test_resorted_and_deleted_rows_read_as_they_are(run_line: RunLine, tmp_path: Path) -> None:
    form = make_form(run_line, tmp_path, MID)
    book = openpyxl.load_workbook(form)
    sheet = Sheet(book)
    sheet.labels["評核人"].value = "王經理"
    sheet.labels["評核日期"].value = dt.datetime(2026, 11, 20)
    sheet.rate("P1.1.3", "主管評核", 5)
    ws = sheet.sheet
    # the rows reversed (values and all), then the first ten deleted
    first, last = sheet.head + 2, ws.max_row
    values = [[c.value for c in row] for row in ws.iter_rows(min_row=first, max_row=last)]
    for offset, cells in enumerate(reversed(values)):
        for col, value in enumerate(cells, start=1):
            ws.cell(first + offset, col).value = value
    ws.delete_rows(first, 10)
    book.save(tmp_path / "sorted.xlsx")
    evidence = [e for e in reports(run_line, tmp_path / "sorted.xlsx")[0]["evidence"]]
    assert [(e["covers"], e["level"]) for e in evidence] == [(["P1.1.3"], 5)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("cells", "where", "value"),
    [
        ({"P1.1.1": {"主管評核": 7}}, "G10", "7"),
        ({"P1.1.1": {"主管評核": "四"}}, "G10", "四"),
        ({"P1.1.1": {"主管評核": 4.5}}, "G10", "4.5"),
        ({"P1.1.1": {"自評": "很好"}}, "E10", "很好"),
    ],
)
def test_a_bad_rating_is_located_at_its_cell(
    run_line: RunLine, tmp_path: Path, cells: dict[str, dict[str, object]], where: str, value: str
) -> None:
    filled = fill(make_form(run_line, tmp_path, MID), tmp_path / "bad.xlsx", cells)
    run = run_line("assess", str(filled), *AS_OF)
    said = t("form.bad_rating", value=value)
    assert run.code == 2 and f"bad.xlsx:'E1024 林小美'!{where}: {said}" in run.stderr, run.stderr


@pytest.mark.slow
def test_a_future_date_and_a_missing_rater_are_located(run_line: RunLine, tmp_path: Path) -> None:
    form = make_form(run_line, tmp_path, MID)
    later = fill(form, tmp_path / "later.xlsx", {"P1.1.1": {"主管評核": 4}}, day=dt.datetime(2099, 1, 1))
    run = run_line("assess", str(later), *AS_OF)
    assert run.code == 2 and f"later.xlsx:'E1024 林小美'!B6: {t('form.date_future', value='2099-01-01')}" in run.stderr
    nobody = fill(form, tmp_path / "nobody.xlsx", {"P1.1.1": {"主管評核": 4}, "P1.1.2": {"自評": 3}}, rater=None)
    run = run_line("assess", str(nobody), *AS_OF)
    no_rater = t("form.no_rater", rater=t("form.rater.manager"))
    assert run.code == 2 and f"nobody.xlsx:'E1024 林小美'!B5: {no_rater}" in run.stderr
    assert run.stderr.count(no_rater) == 1  # once for the sheet, not once per row
    undated = fill(form, tmp_path / "undated.xlsx", {"P1.1.1": {"主管評核": 4}}, day=None)
    run = run_line("assess", str(undated), *AS_OF)
    assert run.code == 2 and f"undated.xlsx:'E1024 林小美'!B6: {t('form.no_date')}" in run.stderr


@pytest.mark.slow
def test_a_changed_code_or_a_typed_in_row_is_located_and_the_rest_of_the_batch_goes_on(
    run_line: RunLine, tmp_path: Path
) -> None:
    form = make_form(run_line, tmp_path, MID)
    book = openpyxl.load_workbook(form)
    sheet = Sheet(book)
    sheet.labels["評核人"].value = "王經理"
    sheet.labels["評核日期"].value = dt.datetime(2026, 11, 20)
    sheet.rows["P1.1.1"][0].value = "P1.1.2"  # the code changed by hand
    sheet.rate("P1.1.1", "主管評核", 4)
    extra = sheet.sheet.max_row + 1  # a row typed in below the others
    sheet.sheet.cell(extra, 1).value = "P2.1.1"
    sheet.sheet.cell(extra, 7).value = 5
    book.save(tmp_path / "edited.xlsx")
    other = "examples/profiles/senior-planner.yaml"
    run = run_line("assess", str(tmp_path / "edited.xlsx"), other, *AS_OF, "-f", "json")
    assert run.code == 2
    assert f"edited.xlsx:'E1024 林小美'!A10: {t('form.code_changed', code='P1.1.2')}" in run.stderr
    assert f"edited.xlsx:'E1024 林小美'!A{extra}: {t('form.row_not_issued', code='P2.1.1')}" in run.stderr
    reports = json.loads(run.stdout)
    assert [r["person"]["id"] for r in reports] == ["E1024", "E0871"]  # the other input is still assessed
    assert reports[0]["evidence"] == []  # both of 林小美's ratings refused: on the team, rated on nothing
    (count,) = [c for c in reports[0]["inputs"] if c["kind"] == "form"]
    assert (count["rows"], count["refused"], count["people_refused"]) == (2, 2, 1)


@pytest.mark.slow
def test_a_form_for_another_person_or_standard_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    form = make_form(run_line, tmp_path, MID)
    book = openpyxl.load_workbook(form)
    Sheet(book).labels["員工編號"].value = "E0871"  # someone else's id typed over
    book.save(tmp_path / "other.xlsx")
    run = run_line("assess", str(tmp_path / "other.xlsx"), *AS_OF)
    differs = t("form.person_differs", found="E0871", expected="E1024")
    assert run.code == 2 and f"other.xlsx:'E1024 林小美'!B3: {differs}" in run.stderr
    book = openpyxl.load_workbook(form)
    book["kmc-gap"]["C1"].value = "KMC9999-001v1"
    book.save(tmp_path / "standard.xlsx")
    run = run_line("assess", str(tmp_path / "standard.xlsx"), *AS_OF)
    other = t("form.other_standard", found="KMC9999-001v1", standard="KMC3332-001v3")
    assert run.code == 2 and f"standard.xlsx: {other}" in run.stderr


# --------------------------------------------------------------------------- the ratings and the rules


@pytest.mark.slow
def test_the_manager_s_rating_stands_over_the_self_rating_whatever_the_levels(
    run_line: RunLine, tmp_path: Path
) -> None:
    # T3.2 requires level 4 and the profile has nothing for P3.2.1 or P3.2.2: self 5 and manager 3 on
    # P3.2.1 → the manager's 3 stands, not met; self 2 and manager 4 on P3.2.2 → the manager's 4 stands, met
    filled = fill(make_form(run_line, tmp_path, MID), tmp_path / "f.xlsx",
                  {"P3.2.1": {"自評": 5, "主管評核": 3}, "P3.2.2": {"自評": 2, "主管評核": 4}})  # fmt: skip
    report = reports(run_line, MID, filled)[0]  # the profile and its form: one person
    assert len(reports(run_line, MID, filled)) == 1
    by_title = {e["title"]: e for e in report["evidence"] if e["id"].startswith("form-")}
    assert by_title["自評 P3.2.1"]["reason"] == "overridden" and by_title["自評 P3.2.2"]["reason"] == "overridden"
    assert by_title["主管評核 P3.2.1"]["counted"] and by_title["主管評核 P3.2.2"]["counted"]
    items = {i["code"]: i for t in report["tasks"] if t["code"] == "T3.2" for i in t["items"]}
    assert (items["P3.2.1"]["met"], items["P3.2.1"]["best_level"]) == (False, 3)
    assert (items["P3.2.2"]["met"], items["P3.2.2"]["best_level"]) == (True, 4)
    assert [(r["rater"], r["level"], r["stands"]) for r in items["P3.2.1"]["ratings"]] == [
        ("manager", 3, True), ("self", 5, False)]  # fmt: skip


@pytest.mark.slow
def test_records_and_forms_together_lift_the_tasks_the_rules_say(run_line: RunLine, tmp_path: Path) -> None:
    """郭怡君 (E3114) reads 0/14 from records alone; her manager rates every behaviour indicator at level 4.

    A task is then met exactly when its K and S items are met by her records and it requires level 4
    or less (every task of this standard requires 3 or 4), since P is met at 4 and outputs do not gate.
    """
    args = (EXPORT, "--sheet", "all", "-c", COURSES)
    before = next(r for r in reports(run_line, *args) if r["person"]["id"] == "E3114")
    assert before["summary"]["tasks_met"] == 0
    form = make_form(run_line, tmp_path, *args, name="team.xlsx")
    book = openpyxl.load_workbook(form)
    sheet = Sheet(book, next(name for name in book.sheetnames if name.startswith("E3114")))
    sheet.labels["評核人"].value = "王經理"
    sheet.labels["評核日期"].value = dt.datetime(2026, 11, 20)
    for code in sheet.rows:
        if code.startswith("P"):
            sheet.rate(code, "主管評核", 4)
    book.save(tmp_path / "team-filled.xlsx")
    after = next(r for r in reports(run_line, *args, tmp_path / "team-filled.xlsx") if r["person"]["id"] == "E3114")
    expected = {
        t["code"]: all(i["met"] for i in t["items"] if i["code"][0] in "KS") and t["level"] <= 4
        for t in before["tasks"]
    }
    assert {t["code"]: t["status"] == "met" for t in after["tasks"]} == expected
    assert after["summary"]["tasks_met"] == sum(expected.values()) > 0


def test_accepted_kinds_still_decides_whether_self_ratings_count(run_line: RunLine, tmp_path: Path) -> None:
    filled = fill(make_form(run_line, tmp_path, MID), tmp_path / "f.xlsx", {"P1.1.3": {"自評": 5}})
    run = run_line("assess", str(filled), *AS_OF, "--policy", "strict", "-f", "json")
    self_rating = next(e for e in json.loads(run.stdout)[0]["evidence"] if e["id"].startswith("form-"))
    assert self_rating["reason"] == "kind_not_accepted"  # strict accepts no self reports: not "overridden"


# --------------------------------------------------------------------------- calibrate


@pytest.mark.slow
def test_calibrate_lists_the_agenda_and_the_agreement(run_line: RunLine, tmp_path: Path) -> None:
    # (self, manager): P1.1.1 (4, 4), P1.1.2 (5, 3), P1.1.3 (3, 3), O1.1.1 (4, 2)
    # exact 2/4 = 50.0 %; within one 2/4 = 50.0 %; mean difference (0 + 2 + 0 + 2) / 4 = +1.00
    # kappa: observed Σ(i−j)²/n = (0 + 4 + 0 + 4)/4 = 2; self levels 3, 4, 4, 5 and manager 2, 3, 3, 4
    # give expected Σ r_i c_j (i−j)² = 32/16 = 2, so kappa = 1 − 2/2 = 0.00
    filled = fill(make_form(run_line, tmp_path, MID), tmp_path / "f.xlsx", {
        "P1.1.1": {"自評": 4, "主管評核": 4}, "P1.1.2": {"自評": 5, "主管評核": 3},
        "P1.1.3": {"自評": 3, "主管評核": 3}, "O1.1.1": {"自評": 4, "主管評核": 2}})  # fmt: skip
    run = run_line("calibrate", str(filled), "-f", "json")
    assert run.code == 0, run.stderr
    c = json.loads(run.stdout)
    assert c["agreement"] == {"pairs": 4, "exact": 0.5, "within_one": 0.5, "kappa": 0.0}
    # worst first, then in the standard's order (a task's outputs before its indicators)
    assert [(a["code"], a["difference"]) for a in c["agenda"]] == [("O1.1.1", 2), ("P1.1.2", 2)]
    assert c["people"][0]["mean_difference"] == 1.0
    table = run_line("calibrate", str(filled))
    assert t("calibrate.exact", pct="50.0%") in table.stdout and t("calibrate.kappa", kappa="0.00") in table.stdout
    out = tmp_path / "cal.xlsx"
    assert run_line("calibrate", str(filled), "-o", str(out)).code == 0
    agenda = openpyxl.load_workbook(out).worksheets[0]
    rows = [r for r in agenda.iter_rows(min_row=8, values_only=True) if r[0]]
    assert [(r[0], r[1], r[6]) for r in rows] == [("林小美 E1024", "O1.1.1", 2), ("林小美 E1024", "P1.1.2", 2)]


def test_a_bad_input_is_reported_and_the_others_get_their_forms(run_line: RunLine, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("standard: KMC3332-001v3\nperson: [\n", encoding="utf-8")
    run = run_line("form", str(broken), MID, "-o", str(tmp_path / "forms"))
    assert run.code == 2 and run.stderr.startswith(f"{broken}:")
    assert [p.name for p in (tmp_path / "forms").iterdir()] == ["E1024 林小美.xlsx"]


def test_a_form_is_never_written_over_an_input(run_line: RunLine, tmp_path: Path) -> None:
    form = make_form(run_line, tmp_path, MID)
    before = form.read_bytes()
    run = run_line("form", str(form), "-o", str(form))  # a filled form given back as people, and as the output
    assert run.code == 2 and run.stderr.startswith(f"{form}: ") and form.read_bytes() == before


@pytest.mark.slow
def test_import_merges_ratings_into_records_profiles_and_keeps_hand_edits(run_line: RunLine, tmp_path: Path) -> None:
    people = tmp_path / "people"
    records = (EXPORT, "--sheet", "all", "-c", COURSES)
    assert run_line("import", *records, "-o", str(people)).code == 0
    before = yaml.safe_load((people / "E3101.yaml").read_text(encoding="utf-8"))["evidence"]
    form = make_form(run_line, tmp_path, *records, name="team.xlsx")
    book = openpyxl.load_workbook(form)
    sheet = Sheet(book, "E3101 陳怡君")
    sheet.labels["評核人"].value = "周經理"
    sheet.labels["評核日期"].value = dt.datetime(2026, 11, 20)
    sheet.rate("P1.1.1", "主管評核", 4)
    book.save(tmp_path / "filled.xlsx")
    assert run_line("import", str(tmp_path / "filled.xlsx"), "-o", str(people)).code == 0
    path = people / "E3101.yaml"
    text = path.read_text(encoding="utf-8")
    after = yaml.safe_load(text)["evidence"]
    assert after[: len(before)] == before and after[-1]["title"] == "主管評核 P1.1.1"  # records kept, rating added
    # a hand edit (the rating set aside, with why) survives the next import of the same form
    path.write_text(text.replace("    rater: manager\n", "    rater: manager\n    exclude: true\n"), encoding="utf-8")
    assert run_line("import", str(tmp_path / "filled.xlsx"), "-o", str(people)).code == 0
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["evidence"][-1]["exclude"] is True


@pytest.mark.slow
def test_plan_reads_forms_too(run_line: RunLine, tmp_path: Path) -> None:
    # with the managers' ratings in, behaviour is no longer what holds the team back: the same budget lifts more
    args = (EXPORT, "--sheet", "all", "-c", COURSES, "--budget", "200000", *AS_OF, "-f", "json")
    alone = json.loads(run_line("plan", *args).stdout)
    rated = json.loads(run_line("plan", *args[:1], "examples/forms/team-form-filled.xlsx", *args[1:]).stdout)
    assert len(rated["people"]) == len(alone["people"]) == 25
    lifted = sum(p["after"]["tasks_met"] for p in rated["people"])
    assert lifted > sum(p["after"]["tasks_met"] for p in alone["people"])


@pytest.mark.slow
def test_the_workbook_and_html_show_which_rating_stands(run_line: RunLine, tmp_path: Path) -> None:
    filled = fill(make_form(run_line, tmp_path, MID), tmp_path / "f.xlsx", {"P3.2.1": {"自評": 5, "主管評核": 3}})
    page = run_line("assess", MID, str(filled), *AS_OF, "-f", "html").stdout
    assert "主管評核 3（採計）、自評 5（未採計）" in page
    out = tmp_path / "r.xlsx"
    assert run_line("assess", MID, str(filled), *AS_OF, "-o", str(out)).code in (0, 1)
    detail = openpyxl.load_workbook(out)["明細"]
    shown = [row[10] for row in detail.iter_rows(min_row=2, values_only=True) if row[4] == "P3.2.1"]
    assert shown == ["主管評核 3（採計）、自評 5（未採計）"]
    # one person's table: the ratings imported into their profile, shown under the item with --task
    assert run_line("import", str(filled), "-o", str(tmp_path / "people")).code == 0
    table = run_line("assess", str(tmp_path / "people" / "E1024.yaml"), *AS_OF, "--task", "T3.2").stdout
    assert "評核：主管評核 3（採計）、自評 5（未採計）" in table


@pytest.mark.slow
def test_validate_names_a_form_and_its_bad_cells(run_line: RunLine, tmp_path: Path) -> None:
    good = run_line("validate", "examples/forms/team-form-filled.xlsx", "-f", "json")
    assert good.code == 0 and json.loads(good.stdout)[0]["kind"] == "form"
    bad = fill(make_form(run_line, tmp_path, MID), tmp_path / "bad.xlsx", {"P1.1.1": {"主管評核": 9}})
    run = run_line("validate", str(bad), "-f", "github")
    assert run.code == 1 and run.stdout.startswith(f"::error file={bad}")


def test_a_bad_cell_is_told_in_the_chosen_language(run_line: RunLine, tmp_path: Path) -> None:
    filled = fill(make_form(run_line, tmp_path, MID), tmp_path / "bad.xlsx", {"P1.1.1": {"主管評核": "四"}})
    run = run_line("assess", str(filled), *AS_OF, "--lang", "en")
    assert run.code == 2
    assert "bad.xlsx:'E1024 林小美'!G10: rating 四 is not valid: give a whole number 1–6 or n/a" in run.stderr


@pytest.mark.slow
def test_people_without_an_id_each_keep_their_own_ratings(run_line: RunLine, tmp_path: Path) -> None:
    for name in ("甲", "乙"):
        (tmp_path / f"{name}.yaml").write_text(
            f"standard: KMC3332-001v3\nperson:\n  name: {name}\nevidence: []\n", encoding="utf-8"
        )
    form = make_form(run_line, tmp_path, str(tmp_path / "甲.yaml"), str(tmp_path / "乙.yaml"))
    book = openpyxl.load_workbook(form)
    for title, level in (("甲", 3), ("乙", 5)):
        sheet = Sheet(book, title)
        sheet.labels["評核人"].value = "王經理"
        sheet.labels["評核日期"].value = dt.datetime(2026, 11, 20)
        sheet.rate("P1.1.1", "主管評核", level)
    book.save(tmp_path / "filled.xlsx")
    read = reports(run_line, tmp_path / "filled.xlsx")
    assert {r["person"]["name"]: [e["level"] for e in r["evidence"]] for r in read} == {"甲": [3], "乙": [5]}


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cells=st.lists(
        st.tuples(
            st.integers(1, 4),
            st.integers(1, 8),
            st.one_of(
                st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12), st.integers(-3, 9)
            ),
        ),
        max_size=6,
    )
)
def test_a_tampered_form_is_a_located_problem_never_a_crash(tmp_path: Path, cells: list[tuple[int, int, Any]]) -> None:
    """Cells of the hidden sheet and of the person's sheet overwritten at random: read, or refused with a message."""
    form = tmp_path / "form.xlsx"
    if not form.exists():
        assert run_cli("form", str(ROOT / MID), "-o", str(form)).code == 0
    book = openpyxl.load_workbook(form)
    for row, col, value in cells:
        sheet = book["kmc-gap"] if row <= 2 else book.worksheets[0]
        sheet.cell(row if row <= 2 else row + 8, col).value = value
    book.save(tmp_path / "tampered.xlsx")
    run = run_cli("assess", str(tmp_path / "tampered.xlsx"), *AS_OF)  # in-process: an exception fails the test
    if run.code == 2:
        assert run.stderr and all(line.startswith((str(tmp_path), "kmc-gap: ")) for line in run.stderr.splitlines())
    else:
        assert run.code in (0, 1) and run.stdout


def test_an_existing_file_that_is_no_workbook_is_never_written_over(run_line: RunLine, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    run = run_line("form", MID, "-o", str(notes))
    assert (run.code, notes.read_text(encoding="utf-8")) == (2, "hello")
    assert run.stderr == f"{notes}: {t('form.output_not_folder')}\n"


def test_codes_and_commas_typed_in_full_width_are_read(run_line: RunLine, tmp_path: Path) -> None:
    # a Chinese keyboard's Ｔ３．１ and ，: the same form as T3.1 with self and manager
    sheet = Sheet(
        openpyxl.load_workbook(make_form(run_line, tmp_path, MID, "--task", "Ｔ３．１", "--raters", "self，manager"))
    )
    assert list(sheet.rows) == ["P3.1.1", "P3.1.2", "P3.1.3", "O3.1.1", "O3.1.2", "O3.1.3"]


def test_a_hostile_name_reads_back_exactly_and_stays_text(run_line: RunLine, tmp_path: Path) -> None:
    """Markup, a terminal control and a formula in a name: the form shows it as text, and reads it back as it was."""
    records = tmp_path / "r.csv"
    name = '=HYPERLINK("x")<b>\x1b[31m/王'
    quoted = name.replace('"', '""')
    records.write_text(f'員工編號,姓名,課程代號,課程名稱,訓練日期\nE9,"{quoted}",C01,課,2025-03-01\n', encoding="utf-8")
    forms = tmp_path / "forms"
    assert run_line("form", str(records), "-c", "examples/catalog.yaml", "-o", str(forms)).code == 0
    [path] = forms.iterdir()
    assert path.name == "E9 =HYPERLINK( x ) b  [31m 王.xlsx"  # nothing a file system refuses
    book = openpyxl.load_workbook(path)
    sheet = Sheet(book)
    assert sheet.labels["姓名"].data_type == "s" and sheet.labels["姓名"].value == '=HYPERLINK("x")<b>\\x1b[31m/王'
    sheet.labels["評核人"].value = "<script>王經理"
    sheet.labels["評核日期"].value = dt.datetime(2026, 11, 20)
    sheet.rate("P1.1.1", "主管評核", 4)
    book.save(tmp_path / "filled.xlsx")
    run = run_line("assess", str(records), str(tmp_path / "filled.xlsx"), "-c", "examples/catalog.yaml", *AS_OF,
                   "-f", "json")  # fmt: skip
    assert (run.code, run.stderr) == (0, "")  # the same person: no warning that the names differ
    [report] = json.loads(run.stdout)
    assert report["person"]["name"] == name
    assert sorted(e["title"] for e in report["evidence"]) == ["主管評核 P1.1.1", "課"]


@pytest.mark.slow
@pytest.mark.parametrize("columns", ["60", "80"])
def test_calibrate_keeps_names_and_figures_whole_on_a_narrow_terminal(run_line: RunLine, columns: str) -> None:
    run = run_line("calibrate", "examples/forms/team-form-filled.xlsx", env={"COLUMNS": columns})
    agenda = run.stdout.split("校準議程")[1].splitlines()
    assert agenda[1].split() == [
        "人員",
        "代碼",
        *(["項目"] if columns == "80" else []),
        "自評",
        "比較對象",
        "他評",
        "差距",
    ]
    first = agenda[3].split()
    assert first[:3] == ["廖淑芬", "E3118", "P1.1.2"] and first[-3:] == ["主管評核", "3", "+3"]
    from rich.cells import cell_len

    assert all(cell_len(line) <= int(columns) for line in run.stdout.splitlines())  # a CJK character is two


def test_a_bad_rating_cell_costs_one_rating_and_a_missing_rater_only_theirs(run_line: RunLine, tmp_path: Path) -> None:
    """``3~4`` is one located problem, the sheet's other ratings are read; with no 評核人 the self
    ratings stand and the manager's are said once to lack a rater."""
    form = make_form(run_line, tmp_path, MID)
    book = openpyxl.load_workbook(form)
    sheet = Sheet(book)
    sheet.labels["評核日期"].value = dt.datetime(2026, 11, 20)  # and no 評核人
    sheet.rate("P1.1.1", "自評", "3~4")
    sheet.rate("P1.1.2", "自評", 4)
    sheet.rate("P1.1.3", "自評", 5)
    sheet.rate("P1.1.2", "主管評核", 4)
    sheet.rate("P1.1.3", "主管評核", 4)
    book.save(tmp_path / "rated.xlsx")
    run = run_line("assess", str(tmp_path / "rated.xlsx"), *AS_OF, "-f", "json")
    assert run.code == 2
    warning = t("run.warning", message="")
    problems = [line for line in run.stderr.splitlines() if "rated.xlsx" in line and warning not in line]
    messages = sorted(line.split(": ", 1)[1] for line in problems)
    assert messages == sorted([t("form.no_rater", rater=t("form.rater.manager")), t("form.bad_rating", value="3~4")])
    (report,) = json.loads(run.stdout)
    rated = sorted((ev["covers"][0], ev["rater"], ev["level"]) for ev in report["evidence"])
    assert rated == [("P1.1.2", "self", 4), ("P1.1.3", "self", 5)]
    (count,) = [c for c in report["inputs"] if c["kind"] == "form"]
    assert (count["rows"], count["counted"], count["refused"]) == (5, 2, 3)  # 3~4 and the two manager ratings


@pytest.mark.slow
def test_a_form_and_an_empty_profile_are_one_person_whatever_the_ids_width_and_case(
    run_line: RunLine, tmp_path: Path
) -> None:
    profile = tmp_path / "e3101.yaml"
    profile.write_text(
        "standard: KMC3332-001v3\nperson:\n  name: 陳怡君\n  id: ｅ3101\nevidence: []\n", encoding="utf-8"
    )
    run = run_line("assess", str(profile), "examples/forms/team-form-filled.xlsx", *AS_OF, "-f", "json")
    reports = json.loads(run.stdout)
    mine = [r for r in reports if r["person"]["name"] == "陳怡君"]
    assert len(mine) == 1 and mine[0]["file"] == str(profile) and mine[0]["evidence"]  # her ratings joined her
    assert len(reports) == 25


def test_calibrate_lists_the_first_rows_of_each_table_and_says_how_many_more(run_line: RunLine) -> None:
    """The example's 1,896 lines: twenty rows a table by default, the rest counted; --top 0 lists all; JSON all."""
    short = run_line("calibrate", "examples/forms/team-form-filled.xlsx", "--lang", "en")
    whole = run_line("calibrate", "examples/forms/team-form-filled.xlsx", "--top", "0", "--lang", "en")
    assert short.code == whole.code == 0
    assert len(short.stdout.splitlines()) < 120 < len(whole.stdout.splitlines())
    assert "… 1609 more rows (--top 0" in short.stdout  # 1,629 items, 20 shown
    assert "more row" not in whole.stdout
    five = run_line("calibrate", "examples/forms/team-form-filled.xlsx", "--top", "5", "-f", "markdown")
    assert five.stdout.count("| 廖淑芬 E3118 |") <= 5
