"""Many profiles at once: every format, stable order under --jobs, failures, BOM, redaction, -o."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kmc_gap.render.assess import RENDERERS, AssessRenderer
from kmc_gap.render.formats import AssessFormat
from kmc_gap.words import t

from conftest import ROOT, RunLine

AS_OF = ("--as-of", "2026-06-30")
COHORT = ("examples/profiles", "tests/corpus/level-7.yaml")  # three Chinese-named people and one invalid file
NAMES = ["陳怡君", "林小美", "王志明"]  # in path order: junior, mid-career, senior
#: What the invalid file of the cohort gets: its place, the field and why.
LEVEL_7 = (
    f"tests/corpus/level-7.yaml:9:12: {t('schema.invalid', field='evidence[0].level', detail=t('detail.le', le=6))}\n"
)


@pytest.mark.parametrize("fmt", list(AssessFormat))
def test_every_format_has_a_renderer(fmt: AssessFormat) -> None:
    assert issubclass(RENDERERS[fmt], AssessRenderer)


@pytest.mark.parametrize(
    ("fmt", "ext"),
    [("table", "txt"), ("csv", "csv"), ("markdown", "md"), ("junit", "xml")],
)
def test_cohort_golden(run_line: RunLine, golden, fmt: str, ext: str) -> None:
    result = run_line("assess", *COHORT, *AS_OF, "--format", fmt)
    assert result.code == 2  # one file failed; the others are still reported
    assert result.stderr == LEVEL_7
    golden(f"cohort.{ext}", result.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_cohort_json_holds_each_single_report(run_line: RunLine, fmt: str) -> None:
    result = run_line("assess", *COHORT, *AS_OF, "--format", fmt)
    assert result.code == 2 and result.stderr == LEVEL_7
    reports = json.loads(result.stdout) if fmt == "json" else [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["person"]["name"] for r in reports] == NAMES
    for report in reports:
        alone = run_line("assess", report["file"], *AS_OF, "--format", "json")
        assert json.loads(alone.stdout) == report


def test_cohort_json_is_an_array_in_path_order(run_line: RunLine) -> None:
    data = json.loads(run_line("assess", "examples/profiles", *AS_OF, "-f", "json").stdout)
    assert [r["person"]["name"] for r in data] == NAMES
    assert [r["file"] for r in data] == sorted(r["file"] for r in data)


def test_single_file_json_is_an_object_and_jsonl_one_line(run_line: RunLine) -> None:
    assert isinstance(
        json.loads(run_line("assess", "examples/profiles/senior-planner.yaml", "-f", "json").stdout), dict
    )
    out = run_line("assess", "examples/profiles/senior-planner.yaml", "-f", "jsonl").stdout
    assert out.count("\n") == 1 and json.loads(out)["person"]["name"] == "王志明"


def test_csv_rows_and_bom(run_line: RunLine) -> None:
    out = run_line("assess", "examples/profiles", *AS_OF, "-f", "csv").stdout
    assert out.startswith("\ufeff人員編號,姓名,檔案,工作任務,")  # for the people who open it in Excel
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert len(rows) == 3 * 14  # a row per person × task
    mid = [r for r in rows if r["姓名"] == "林小美"]
    assert [(r["工作任務"], r["狀態"]) for r in mid if r["狀態"] != "符合"] == [
        ("T3.1", "部分"),
        ("T3.2", "部分"),
        ("T3.3", "部分"),
        ("T3.4", "部分"),
    ]
    english = run_line("--lang", "en", "assess", "examples/profiles", *AS_OF, "-f", "csv").stdout
    assert english.startswith("\ufeffPerson id,Name,File,Task,Task name,Duty,Required level,Status,")
    assert ",partial," in english
    assert mid[0]["符合項目"] == "13" and mid[0]["項目數"] == "13"
    no_bom = run_line("assess", "examples/profiles", *AS_OF, "-f", "csv", "--no-bom").stdout
    assert no_bom == out.removeprefix("\ufeff")


def test_junit_structure(run_line: RunLine) -> None:
    root = ET.fromstring(run_line("assess", *COHORT, *AS_OF, "-f", "junit").stdout)
    suites = root.findall("testsuite")
    assert len(suites) == 4
    mid = suites[1]
    assert (mid.get("tests"), mid.get("failures")) == ("14", "4")
    failing = [c for c in mid.findall("testcase") if c.find("failure") is not None]
    assert [c.get("name", "").split()[0] for c in failing] == ["T3.1", "T3.2", "T3.3", "T3.4"]
    assert "S13 供應商、贊助商及利益關係人等分析與管理" in (failing[0].find("failure").text or "")
    broken = suites[3]
    assert broken.get("errors") == "1" and broken.find("testcase/error") is not None
    # each person's cases carry their own class name, so that dashboards keep people apart
    classes = {suite.findall("testcase")[0].get("classname") for suite in suites[:3]}
    assert classes == {"T2025-031.T1", "E1024.T1", "E0871.T1"}
    assert all(s.get("timestamp") == "2026-06-30T00:00:00" for s in suites[:3])
    assert all(c.get("time") == "0" for s in suites for c in s.findall("testcase"))


def test_junit_read_by_junitparser(run_line: RunLine, tmp_path: Path) -> None:
    """A real JUnit reader sees each person's suite, cases, failures, errors, times and timestamps."""
    from junitparser import Error, Failure, JUnitXml

    out = tmp_path / "junit.xml"
    run_line("assess", *COHORT, *AS_OF, "-f", "junit", "-o", str(out))
    suites = list(JUnitXml.fromfile(str(out)))
    assert [(s.tests, s.failures, s.errors) for s in suites] == [(14, 13, 0), (14, 4, 0), (14, 0, 0), (1, 0, 1)]
    assert suites[1].timestamp == "2026-06-30T00:00:00"
    cases = list(suites[1])
    assert {c.classname.split(".")[0] for c in cases} == {"E1024"} and all(c.time == 0 for c in cases)
    assert sum(isinstance(r, Failure) for c in cases for r in c.result) == 4
    assert isinstance(next(iter(suites[3])).result[0], Error)


def _write_profiles(folder: Path, n: int) -> None:
    text = (ROOT / "examples" / "profiles" / "mid-career-planner.yaml").read_text(encoding="utf-8")
    folder.mkdir()
    for i in range(n):
        # vary the person and drop a different evidence item so that reports differ
        body = text.replace("林小美", f"學員{i:03d}").replace("E1024", f"E{i:04d}")
        body = body.replace(f"level: {3 + i % 2}\n", "level: 2\n", 1)
        (folder / f"{(i * 7) % n:03d}-{i}.yaml").write_text(body, encoding="utf-8")
    (folder / "zz-broken.yaml").write_text("standard: [\n", encoding="utf-8")


@pytest.mark.slow
def test_order_is_the_same_whatever_the_number_of_jobs(run_line: RunLine, tmp_path: Path) -> None:
    _write_profiles(tmp_path / "cohort", 24)
    one = run_line("assess", str(tmp_path / "cohort"), *AS_OF, "-f", "jsonl", "--jobs", "1")
    two = run_line("assess", str(tmp_path / "cohort"), *AS_OF, "-f", "jsonl", "--jobs", "2")
    assert one.code == two.code == 2
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    files = [json.loads(line)["file"] for line in one.stdout.splitlines()]
    assert len(files) == 24 and files == sorted(files)
    every_core = run_line("assess", str(tmp_path / "cohort"), *AS_OF, "-f", "jsonl", "--jobs", "0")
    assert every_core.stdout == one.stdout


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_people_read_from_records_are_the_same_whatever_the_number_of_jobs(run_line: RunLine, fmt: str) -> None:
    # the workers inherit the people read from the rows and are sent only their places: nothing is lost or
    # reordered on the way, in a format whose reports are written between the parent's commas (json) or not
    records = ("examples/records/training-2025.xlsx", "--catalog", "examples/catalog.yaml", *AS_OF, "-f", fmt)
    one = run_line("assess", *records, "--jobs", "1")
    two = run_line("assess", *records, "--jobs", "2")
    assert (one.code, one.stdout, one.stderr) == (two.code, two.stdout, two.stderr)
    people = json.loads(one.stdout) if fmt == "json" else [json.loads(line) for line in one.stdout.splitlines()]
    assert len(people) > 2


def test_redact(run_line: RunLine) -> None:
    first = run_line("assess", "examples/profiles", *AS_OF, "-f", "json", "--redact").stdout
    again = run_line("assess", "examples/profiles", *AS_OF, "-f", "json", "--redact").stdout
    assert first == again  # stable pseudonyms
    for name in [*NAMES, "E1024", "E0871", "examples/profiles/"]:
        assert name not in first
    people = [r["person"] for r in json.loads(first)]
    assert all(p["name"].startswith("anon-") and p["name"] == p["id"] for p in people)
    assert len({p["name"] for p in people}) == 3
    table = run_line("assess", "examples/profiles", *AS_OF, "--redact").stdout
    assert not any(name in table for name in NAMES)


@pytest.mark.slow
def test_output_file_is_written_and_stdout_stays_empty(run_line: RunLine, tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old\n", encoding="utf-8")
    result = run_line("assess", "examples/profiles", *AS_OF, "-f", "csv", "-o", str(target))
    assert (result.code, result.stdout) == (0, "")
    assert target.read_bytes().startswith("\ufeff人員編號,姓名,".encode())
    assert target.read_bytes().count(b"\r\n") == 1 + 3 * 14  # Excel's line ends, header and rows
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_thresholds_apply_to_each_person(run_line: RunLine) -> None:
    result = run_line("assess", "examples/profiles", *AS_OF, "-f", "jsonl", "--fail-under", "50")
    assert result.code == 1
    assert result.stderr == ("kmc-gap: examples/profiles/junior-coordinator.yaml: 涵蓋率 8.78% 低於 --fail-under 50%\n")
