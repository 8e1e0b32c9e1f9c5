"""One truth, every rendering, the same evidence: the test that generalises the reading of HR tables.

:mod:`renderings` writes one generated year into every container × shape × value style; each file
is read as it comes, with nothing but the course catalogue, and must give exactly the truth: every
person once, the counted (person, course, date) of every pass, each fail and absence not counted,
nothing refused, and an accounting whose buckets add up to the rows read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from renderings import CONTAINERS, NAMESAKE, PEOPLE, SHAPES, STYLES, counted, names_only, roster, truth

from conftest import RunLine, examples, run_cli

CATALOG = "examples/catalog.yaml"
AS_OF = ("--as-of", "2026-12-31")
RESULTS = truth()
PASSES = counted(RESULTS)
MISSED = sum(r.outcome != "passed" for r in RESULTS)


def read(run: Any) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The reports of a run, and the count of the one records table read."""
    assert run.code == 0, run.stderr  # nothing refused, no hand cleaning
    reports = json.loads(run.stdout)
    reports = reports if isinstance(reports, list) else [reports]
    (count,) = [c for c in reports[0]["inputs"] if (c["rows"] or c["counted"]) and c["kind"] != "roster"]
    return reports, count


def check(reports: list[dict[str, Any]], count: dict[str, Any]) -> None:
    """The truth, and an accounting that adds up."""
    assert sorted(r["person"]["id"] for r in reports) == sorted(p[0] for p in PEOPLE)  # no one invented or split
    found = {(r["person"]["id"], ev["course"], ev["date"]) for r in reports for ev in r["evidence"] if ev["counted"]}
    assert found == PASSES
    assert (count["counted"], count["not_counted"], count["refused"]) == (len(PASSES), MISSED, 0)
    assert count["not_counted_by"] == {"not_passed": MISSED}
    assert count["rows"] == count["counted"] + count["not_counted"] + count["passed_over"] + count["refused"]


CASES = (
    [
        (shape, container, STYLES[(i + j) % len(STYLES)].name)
        for i, shape in enumerate(SHAPES)
        for j, container in enumerate(CONTAINERS)
    ]
    + [("long", "csv-utf8", style.name) for style in STYLES]
    + [("wide", "xlsx", style.name) for style in STYLES]
)


@pytest.mark.parametrize(("shape", "container", "style"), sorted(set(CASES)))
def test_every_rendering_reads_to_the_same_evidence(
    run_line: RunLine, tmp_path: Path, shape: str, container: str, style: str
) -> None:
    chosen = next(s for s in STYLES if s.name == style)
    suffix, write = CONTAINERS[container]
    path = tmp_path / f"{shape}-{container}{suffix}"
    write(SHAPES[shape](RESULTS, chosen), path)
    reports, count = read(run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json"))
    check(reports, count)


@settings(max_examples=examples(10))
@given(st.permutations(RESULTS))
def test_shuffled_rows_read_the_same(shuffled: list[Any]) -> None:
    """The order of a long table's rows changes nothing."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.csv"
        CONTAINERS["csv-utf8"][1](SHAPES["long"](shuffled, STYLES[0]), path)
        reports, count = read(run_cli("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json"))
        check(reports, count)


@settings(max_examples=examples(25))
@given(
    st.sampled_from(["簽到", "考核", "簽到情形", "Attendance check", "備用欄"]),
    st.lists(st.sampled_from(["○", "×", "缺", "請假", "通過", "未通過", "85分", "已簽到", "未簽到"]), min_size=1),
)
def test_an_unknown_result_column_never_makes_a_row_count(header: str, marks: list[str]) -> None:
    """A column no reading knows whose values look like results holds the table back: no row of it counts."""
    import tempfile

    rows = SHAPES["long"](RESULTS, STYLES[0])
    rows[1].append(header)
    for i, row in enumerate(rows[2:-1]):
        row.append(marks[i % len(marks)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.csv"
        CONTAINERS["csv-utf8"][1](rows, path)
        run = run_cli("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json")
    assert run.code == 2
    assert "--mapping" in run.stderr  # the message names the mapping line that settles it
    assert all(not ev["counted"] for r in json.loads(run.stdout or "[]") for ev in r.get("evidence", []))


def test_a_mapped_result_column_reads(run_line: RunLine, tmp_path: Path) -> None:
    """One mapping line settles the column: 簽到 is attendance, and its absences are not counted."""
    rows = SHAPES["long"](RESULTS, STYLES[0])
    rows[1].append("簽到")
    for row in rows[2:-1]:
        row.append("已簽到" if row[7] == "通過" else "未簽到")
    path = tmp_path / "long.csv"
    CONTAINERS["csv-utf8"][1](rows, path)
    refused = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "json")
    assert refused.code == 2
    mapping = tmp_path / "hr.yaml"
    mapping.write_text("headers:\n  簽到: attendance\n", encoding="utf-8")
    reports, count = read(run_line("assess", str(path), "-c", CATALOG, "--mapping", str(mapping), *AS_OF, "-f", "json"))
    check(reports, count)


@pytest.mark.parametrize(
    ("shape", "container"),
    [
        ("long", "csv-utf8"),
        ("blocks", "xlsx"),
        ("wide", "html-as-xls"),
        ("long", "ods"),
        ("wide", "csv-big5-semicolon"),
    ],
)
def test_a_table_of_names_joins_the_roster(run_line: RunLine, tmp_path: Path, shape: str, container: str) -> None:
    """Without its id column, every shape reads to the same evidence: each row joins its roster person by name,
    and the namesake in another department (E0199 陳怡君) is told apart by the department, never credited."""
    suffix, write = CONTAINERS[container]
    path, team = tmp_path / f"names{suffix}", tmp_path / "roster.csv"
    write(names_only(SHAPES[shape](RESULTS, STYLES[1])), path)
    roster(team)
    run = run_line("assess", str(path), "--roster", str(team), "-c", CATALOG, *AS_OF, "-f", "json")
    reports, count = read(run)
    namesake = [r for r in reports if r["person"]["id"] == NAMESAKE[0]]
    assert [ev for r in namesake for ev in r["evidence"]] == []  # on the team, with nothing of 陳怡君 E0101's
    check([r for r in reports if r["person"]["id"] != NAMESAKE[0]], count)


def test_a_name_the_department_does_not_settle_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    """With the department column gone too, 陳怡君 could be E0101 or E0199: her rows are refused, listed, never
    merged into either; everyone else's rows still count."""
    path, team = tmp_path / "names.csv", tmp_path / "roster.csv"
    rows = [row[:1] + row[2:] if len(row) > 2 else row for row in names_only(SHAPES["long"](RESULTS, STYLES[0]))]
    CONTAINERS["csv-utf8"][1](rows, path)
    roster(team)
    run = run_line("assess", str(path), "--roster", str(team), "-c", CATALOG, *AS_OF, "-f", "json", "--lang", "en")
    assert run.code == 2
    reports = json.loads(run.stdout)
    hers = [r for r in RESULTS if r.person[1] == NAMESAKE[1]]
    (count,) = [c for c in reports[0]["inputs"] if c["rows"] and c["kind"] != "roster"]
    assert count["refused"] == len(hers) and count["people_refused"] == 1
    found = {(r["person"]["id"], ev["course"], ev["date"]) for r in reports for ev in r["evidence"] if ev["counted"]}
    assert found == {p for p in PASSES if p[0] != "E0101"}
    assert "E0101" in run.stderr and "E0199" in run.stderr  # both candidates named


def test_a_name_spaced_for_alignment_is_the_same_name(run_line: RunLine, tmp_path: Path) -> None:
    """An HTML export pads two-character names for alignment (李&nbsp;&nbsp;四, 林　志明): still the one person."""
    rows = names_only(SHAPES["long"](RESULTS, STYLES[0]))
    for row in rows[2:-1]:
        row[0] = "\u3000".join(row[0]) if row[0] == "林志明" else row[0][0] + "\xa0" + row[0][1:]
    path, team = tmp_path / "names.csv", tmp_path / "roster.csv"
    CONTAINERS["csv-utf8"][1](rows, path)
    roster(team)
    reports, count = read(run_line("assess", str(path), "--roster", str(team), "-c", CATALOG, *AS_OF, "-f", "json"))
    check([r for r in reports if r["person"]["id"] != NAMESAKE[0]], count)
