"""A date that may be day/month or month/day is located with both readings, never guessed."""

from __future__ import annotations

from pathlib import Path

from record_files import write_csv

from kmc_gap.words import t

from conftest import ROOT, RunLine

CATALOG = ROOT / "examples/catalog.yaml"


def test_an_ambiguous_date_is_located_with_both_readings(run_line: RunLine, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "r.csv", [["員工編號", "姓名", "課程代號", "結訓日期"], ["E1", "王", "C01", "05/03/2026"]]
    )
    run = run_line("validate", str(path), "-c", str(CATALOG))
    assert run.code == 1
    said = t("records.ambiguous_date", value="05/03/2026", dmy="2026-03-05", mdy="2026-05-03")
    assert f"{path}:2:4: {said}" in run.stdout + run.stderr
