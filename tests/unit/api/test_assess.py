"""`AssessRun`: one request in, events out in input order, and the tally once they are all given."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kmc_gap.api.assess import (
    Assessed,
    AssessRequest,
    AssessRun,
    Gates,
    Inputs,
    Opened,
    Passed,
    Presentation,
    Refused,
    Scoring,
)
from kmc_gap.model.loading import load_standard
from kmc_gap.model.models import Policy

from conftest import ROOT

SENIOR = ROOT / "examples" / "profiles" / "senior-planner.yaml"
JUNIOR = ROOT / "examples" / "profiles" / "junior-coordinator.yaml"
DAY = dt.date(2026, 6, 30)


def request(*paths: Path, **parts: object) -> AssessRequest:
    scoring = Scoring(policy=Policy(), as_of=DAY)
    return AssessRequest(inputs=Inputs(paths=paths, named=frozenset(paths)), scoring=scoring, **parts)  # type: ignore[arg-type]


def test_events_come_in_input_order_and_the_tally_after(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("person: [", encoding="utf-8")
    run = AssessRun(request(SENIOR, broken, JUNIOR), load_standard(None))
    events = list(run)
    assert [type(e) for e in events] == [Opened, Assessed, Refused, Assessed]
    opened = events[0]
    assert isinstance(opened, Opened) and opened.counts == [] and opened.alongside.courses is None
    files = [Path(e.file).name for e in events if isinstance(e, Assessed | Refused)]
    assert files == ["senior-planner.yaml", "broken.yaml", "junior-coordinator.yaml"]
    assert (run.tally.assessed, run.tally.invalid, run.tally.shortfalls) == (2, 1, [])


def test_a_report_is_rendered_where_it_is_made_when_the_presentation_says_how() -> None:
    shown = Presentation(render=lambda report: f"{report['person']['name']}\n".encode())
    events = list(AssessRun(request(SENIOR, JUNIOR, presentation=shown), load_standard(None)))
    assessed = [e for e in events if isinstance(e, Assessed)]
    assert [e.report for e in assessed] == [None, None]
    assert [e.piece for e in assessed] == ["王志明\n".encode(), "陳怡君\n".encode()]


def test_the_gates_are_the_tallys_shortfalls() -> None:
    run = AssessRun(request(SENIOR, JUNIOR, gates=Gates(fail_under=50.0)), load_standard(None))
    assert len([e for e in run if isinstance(e, Assessed)]) == 2
    # the senior planner covers every item on this day; the junior coordinator 8.78 %, under 50
    [short] = run.tally.shortfalls
    assert (Path(short.file).name, short.key, short.args) == (
        "junior-coordinator.yaml",
        "threshold.coverage",
        {"coverage": "8.78", "limit": "50"},
    )


def test_a_file_found_in_a_folder_that_is_no_profile_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("just: notes\n", encoding="utf-8")
    inputs = Inputs(paths=(tmp_path / "notes.yaml", SENIOR), named=frozenset({SENIOR}))
    run = AssessRun(AssessRequest(inputs=inputs, scoring=Scoring(policy=Policy(), as_of=DAY)), load_standard(None))
    assert [type(e) for e in run] == [Opened, Passed, Assessed]
    assert run.tally.assessed == 1 and run.tally.warnings
