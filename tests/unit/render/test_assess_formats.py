"""Each assess renderer on its own, from a report built by hand: a renderer can change without the CLI.

The report is made here, field by field, for a person who meets T5.3 (level 3) and nothing else, with
one counted course and one self rating set aside; every format must show those facts.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from kmc_gap.engine.report import Report
from kmc_gap.model.loading import load_standard
from kmc_gap.render.assess import RENDERERS
from kmc_gap.render.base import RenderContext
from kmc_gap.render.formats import AssessFormat
from kmc_gap.words import t

STD = load_standard()


def _item(code: str, met: bool, level: int | None) -> dict[str, Any]:
    kind = {"P": "indicator", "K": "knowledge", "S": "skill", "O": "output"}[code[0]]
    return {"code": code, "type": kind, "met": met, "best_level": level, "evidence": ["course"] if met else []}


def hand_built() -> Report:
    """T5.3's seven items met at level 3 by one course; every other task missing; one self rating overridden."""
    tasks = []
    for duty in STD.duties:
        for task in duty.tasks:
            met = task.code == "T5.3"
            items = [_item(code, met, 3 if met else None) for code in task.required_codes()]
            tasks.append({
                "code": task.code, "duty": duty.code, "level": task.level,
                "status": "met" if met else "missing", "attained_level": 3 if met else 0,
                "items_met": len(items) if met else 0, "items_total": len(items), "items": items,
                "outputs": [_item(o.code, False, None) for o in task.outputs],
            })  # fmt: skip
    duties = [
        {"code": d.code, "tasks_met": int(d.code == "T5"), "tasks_total": len(d.tasks),
         "items_met": 7 if d.code == "T5" else 0,
         "items_total": sum(len(t.required_codes()) for t in d.tasks), "coverage": 0.0}
        for d in STD.duties
    ]  # fmt: skip
    report = {
        "format_version": 1,
        "file": "hand-built.yaml",
        "standard": {"code": STD.code},
        "person": {"name": "手作人", "id": "H001", "organisation": "測試部", "role": None},
        "as_of": "2026-06-30",
        "policy": {"name": "default", "min_evidence": 1, "require_verified": False, "max_age_years": None,
                   "accepted_kinds": ["training", "certificate", "work_output", "experience", "assessment",
                                      "self_report"],
                   "require_attitudes": False, "require_outputs": False, "pass_mark": 60},
        "summary": {"meets_standard": False, "tasks_met": 1, "tasks_total": 14, "items_met": 7, "items_total": 205,
                    "coverage": 0.0341, "attitudes_met": 0, "attitudes_total": 7},
        "duties": duties,
        "tasks": tasks,
        "attitudes": [{"code": a, "met": False, "evidence": []} for a in STD.attitudes],
        "gaps": [{"code": "K13", "type": "knowledge", "tasks": ["T3.1", "T3.2"], "required_level": 4,
                  "best_level": None}],
        "evidence": [
            {"id": "course", "kind": "training", "title": "結算實務課", "date": "2025-05-01", "level": 3,
             "expires": None, "covers": ["P5.3.1"], "counted": True, "reason": None, "course": "C09",
             "note": None, "rater": None, "score": 88.0, "pass_mark": 60.0},
            {"id": "self", "kind": "self_report", "title": "自評 P1.1.1", "date": "2026-01-10", "level": 5,
             "expires": None, "covers": ["P1.1.1"], "counted": False, "reason": "overridden", "course": None,
             "note": None, "rater": "self", "score": None, "pass_mark": None},
            {"id": "failed", "kind": "training", "title": "預算課", "date": "2025-06-01", "level": 4,
             "expires": None, "covers": ["K13"], "counted": False, "reason": "not_passed", "course": "C02",
             "note": None, "rater": None, "score": 65.0, "pass_mark": 70.0},
        ],
        "expiring_within_days": 90,
        "expiring": [],
    }  # fmt: skip
    return report  # type: ignore[return-value]


def render(fmt: AssessFormat, *, cohort: bool = False) -> tuple[str, bytes]:
    """The text (or bytes) a renderer writes for the hand-built report."""
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="utf-8", newline="", write_through=True)
    RENDERERS[fmt].write(hand_built(), out, RenderContext(STD, cohort=cohort))
    out.flush()
    data = raw.getvalue()
    return (data.decode("utf-8") if fmt is not AssessFormat.xlsx else ""), data


def test_the_report_is_valid_against_the_report_schema() -> None:
    import jsonschema

    from kmc_gap.api.documents import SchemaName
    from kmc_gap.api.schemas import schema_for

    jsonschema.validate(hand_built(), schema_for(SchemaName.report, STD))


def test_table_shows_the_person_the_verdict_and_the_task_met() -> None:
    text, _ = render(AssessFormat.table)
    assert "手作人 · H001" in text and t("verdict.not_met") in text
    assert next(line for line in text.splitlines() if line.startswith(" T5.3")).split()[2] == "符合"
    assert f"自評 P1.1.1 (2026-01-10)  {t('reason.overridden')}" in text  # the rating set aside, and why
    assert (
        f"預算課 (2025-06-01)  {t('reason.score_below', score=65, mark=70)}" in text
    )  # a failed course says by how much


def test_a_failed_score_says_so_in_english_and_in_html() -> None:
    report = hand_built()
    out = io.StringIO()
    RENDERERS[AssessFormat.table].write(report, out, RenderContext(STD, "en"))
    assert "預算課 (2025-06-01)  score 65, under the pass mark 70" in out.getvalue()
    text, _ = render(AssessFormat.html)
    assert t("reason.score_below", score=65, mark=70) in text


def test_json_adds_names_and_keeps_the_figures() -> None:
    text, _ = render(AssessFormat.json)
    data = json.loads(text)
    assert data["summary"] == hand_built()["summary"] and data["lang"] == "zh-TW"
    assert next(t for t in data["tasks"] if t["code"] == "T5.3")["name"] == "結算核銷費用"


def test_jsonl_is_one_line_per_report() -> None:
    text, _ = render(AssessFormat.jsonl)
    assert text.count("\n") == 1 and json.loads(text)["person"]["id"] == "H001"


def test_csv_has_a_row_per_task_with_its_status() -> None:
    text, _ = render(AssessFormat.csv)
    assert text.startswith("\ufeff")  # Excel reads the UTF-8 as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 14
    met = [(r["工作任務"], r["達到級別"], r["符合項目"]) for r in rows if r["狀態"] == "符合"]
    assert met == [("T5.3", "3", "7")]


def test_markdown_is_a_table_with_the_task_met() -> None:
    text, _ = render(AssessFormat.markdown)
    assert "| T5.3 |" in text and "手作人" in text


def test_junit_has_a_testcase_per_task_and_one_passes() -> None:
    from junitparser import JUnitXml

    text, _ = render(AssessFormat.junit)
    suites = JUnitXml.fromstring(text)
    cases = [case for suite in suites for case in suite]
    assert len(cases) == 14 and sum(case.is_passed for case in cases) == 1


def test_html_is_one_self_contained_page() -> None:
    from html.parser import HTMLParser

    text, _ = render(AssessFormat.html)
    HTMLParser().feed(text)
    assert text.startswith("<!DOCTYPE html>") and "手作人" in text and "<script" not in text


def test_summary_counts_the_one_person() -> None:
    text, _ = render(AssessFormat.summary, cohort=True)
    assert t("summary.meeting", met=0, n=1) in text  # nobody of one meets the standard


def test_xlsx_is_a_workbook_with_the_person() -> None:
    import openpyxl

    _, data = render(AssessFormat.xlsx)
    book = openpyxl.load_workbook(io.BytesIO(data))
    overview = list(book["總覽"].iter_rows(min_row=2, values_only=True))
    assert overview[0][:2] == ("H001", "手作人")


@pytest.mark.parametrize("fmt", list(AssessFormat))
def test_every_format_renders_the_hand_built_report(fmt: AssessFormat) -> None:
    text, data = render(fmt, cohort=fmt is AssessFormat.summary)
    # the summary counts people without naming them; the workbook is bytes (read back above)
    assert data and (fmt in (AssessFormat.xlsx, AssessFormat.summary) or "H001" in text)


def test_json_keys_that_are_not_text_are_written_as_text() -> None:
    """A calibration's ratings are keyed by rater (an enum), a plan's by number: both are JSON objects."""
    from kmc_gap.model.models import Rater
    from kmc_gap.render.text import dumps_json

    data = {"ratings": {Rater.manager: 3, Rater.self: 4}, "attends": {2: [0, 1]}}
    assert json.loads(dumps_json(data)) == {"ratings": {"manager": 3, "self": 4}, "attends": {"2": [0, 1]}}
    assert json.loads(dumps_json({"plain": "鍵"}, indent=False)) == {"plain": "鍵"}


@pytest.mark.parametrize(
    ("encoding", "newline", "expected"),
    [
        # a file kmc-gap opened, stdout on POSIX: the bytes go straight beneath, after the text written before
        ("utf-8", "", "[\n王志明\n]\n".encode()),
        ("UTF8", "", "[\n王志明\n]\n".encode()),  # the same codec, however its name is spelled
        # a Windows console's code page, its line ends: the piece is decoded and written as text
        ("cp950", "\r\n", "[\r\n王志明\r\n]\r\n".encode("cp950")),
    ],
)
def test_a_rendered_piece_reaches_the_stream_as_its_encoding_and_line_ends_say(
    encoding: str, newline: str, expected: bytes
) -> None:
    from kmc_gap.render.text import write_utf8

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding=encoding, newline=newline)
    out.write("[\n")
    write_utf8(out, "王志明\n".encode())
    out.write("]\n")
    out.flush()
    assert raw.getvalue() == expected


def test_a_rendered_piece_reaches_a_stream_with_no_bytes_beneath_as_text() -> None:
    from kmc_gap.render.text import write_utf8

    out = io.StringIO()
    write_utf8(out, "王志明\n".encode())
    assert out.getvalue() == "王志明\n"
