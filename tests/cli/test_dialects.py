"""Six export dialects read as they come, every row accounted for against the generator's truth.

The files are another company's year, written by :mod:`dialects` the way six kinds of system write
them; kmc-gap has never seen them before and is given nothing but the files, the roster and the
course catalogue. Each dialect must read with no hand cleaning: nothing refused, every row in the
bucket its truth says, each person's counted rows exactly theirs.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from dialects import AS_OF, DIALECTS, Dialect, company, roster
from libreoffice import convert
from record_files import write_csv, write_xlsx

from conftest import RunLine

CATALOG = "examples/catalog.yaml"
PEOPLE = company()


def write(dialect: Dialect, folder: Path) -> Path:
    path = folder / f"{dialect.name}.{dialect.suffix}"
    return write_xlsx(path, dialect.rows) if dialect.suffix == "xlsx" else write_csv(path, dialect.rows)


def assess(run_line: RunLine, path: Path, folder: Path) -> list[dict[str, Any]]:
    team = write_xlsx(folder / "人員名冊.xlsx", roster(PEOPLE), sheet="人員名冊")
    run = run_line(
        "assess", str(path), "--roster", str(team), "-c", CATALOG, "--as-of", AS_OF.isoformat(), "-f", "json"
    )
    assert run.code == 0, run.stderr  # nothing refused, no hand cleaning
    return list(json.loads(run.stdout))


def check(dialect: Dialect, path: Path, reports: list[dict[str, Any]]) -> None:
    truth = dialect.truth
    counts = {c["file"]: c for c in reports[0]["inputs"]}
    count = counts[str(path)]
    assert (count["rows"], count["counted"], count["refused"]) == (truth.rows, truth.counted, 0)
    assert count["not_counted_by"] == dict(truth.not_counted)
    assert Counter(count["passed_over_by"]) == truth.passed_over
    staying = [p for p in PEOPLE if not p.left]
    assert sorted(r["person"]["id"] for r in reports) == sorted(p.id for p in staying)  # all 28, no one twice
    counted = {r["person"]["id"]: sum(ev["counted"] for ev in r["evidence"]) for r in reports}
    assert counted == {p.id: truth.per_person[p.id] for p in staying}
    (roster_count,) = [c for c in reports[0]["inputs"] if c["kind"] == "roster"]
    assert (roster_count["rows"], roster_count["counted"], roster_count["passed_over_by"]) == (30, 28, {"leaver": 2})


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(DIALECTS))
def test_each_dialect_reads_as_it_comes(run_line: RunLine, tmp_path: Path, name: str) -> None:
    dialect = DIALECTS[name](PEOPLE)
    assert dialect.truth.rows >= 10  # the generator wrote a real file
    path = write(dialect, tmp_path)
    reports = assess(run_line, path, tmp_path)
    check(dialect, path, reports)


@pytest.mark.slow
def test_all_dialects_together_are_one_team(run_line: RunLine, tmp_path: Path) -> None:
    """The year's six files at once: every person once, their counted rows summed across files."""
    dialects = [DIALECTS[name](PEOPLE) for name in sorted(DIALECTS)]
    paths = [write(d, tmp_path) for d in dialects]
    team = write_xlsx(tmp_path / "人員名冊.xlsx", roster(PEOPLE), sheet="人員名冊")
    args = [*map(str, paths), "--roster", str(team), "-c", CATALOG, "--as-of", AS_OF.isoformat(), "-f", "json"]
    run = run_line("assess", *args)
    assert run.code == 0, run.stderr
    reports = json.loads(run.stdout)
    assert len(reports) == 28
    total: Counter[str] = Counter()
    for d in dialects:
        total.update(d.truth.per_person)
    counted = {r["person"]["id"]: sum(ev["counted"] for ev in r["evidence"]) for r in reports}
    assert counted == {p.id: total[p.id] for p in PEOPLE if not p.left}


@pytest.mark.slow
def test_the_lms_hours_are_those_attended_not_those_planned(run_line: RunLine, tmp_path: Path) -> None:
    """應到時數 (6 for every class) stands before 實到時數 (3H, 3.5小時 …): the hours read are the attended ones."""
    dialect = DIALECTS["lms"](PEOPLE)
    path = write(dialect, tmp_path)
    run = run_line("import", str(path), "-c", CATALOG, "-o", str(tmp_path / "people"), "-f", "json")
    assert run.code == 0, run.stderr
    hours = {
        ev["hours"] for f in (tmp_path / "people").glob("*.yaml") for ev in yaml.safe_load(f.read_text())["evidence"]
    }
    assert {3.0, 3.5} <= hours


@pytest.mark.slow
@pytest.mark.slow
def test_the_old_xls_certificate_list_reads_as_its_truth(run_line: RunLine, soffice: str, tmp_path: Path) -> None:
    """The certificate list as an old ``.xls``, saved by LibreOffice from the generated workbook."""
    dialect = DIALECTS["certificates"](PEOPLE)
    (tmp_path / "src").mkdir()
    source = write(dialect, tmp_path / "src")
    convert(soffice, source, "xls", tmp_path)
    saved = tmp_path / f"{dialect.name}.xls"
    check(dialect, saved, assess(run_line, saved, tmp_path))
