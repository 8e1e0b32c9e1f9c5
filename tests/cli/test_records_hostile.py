"""Record files as an attacker or a careless export writes them: never a traceback, text always data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, RunLine, examples, run_cli, without_inputs

CATALOG = str(ROOT / "examples" / "catalog.yaml")
HOSTILE = '\x1b]0;pwned\x07\x1b[2J\u202e=HYPERLINK("x")<b>|bold</b>\n::error::forged\x01'
HEAD = ["員工編號", "姓名", "課程代號", "課程名稱", "訓練日期", "職能級別", "職能內涵", "訓練時數", "到期日", "類別"]

CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "C01", "C99", "2025-03-01", "114/03/01", "1140230", "4", "7", "K01、S02", "T2.3", "-1", "nan",
                     "inf", "證照", "=1+1", "\x00", "\ufeff", '"', "9" * 120]),
)  # fmt: skip


@pytest.mark.slow
@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(CELLS, min_size=0, max_size=12), max_size=6), header=st.booleans())
def test_any_csv_gives_reports_or_located_messages(tmp_path: Path, rows: list[list[str]], header: bool) -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEAD, *rows] if header else rows)
    path = tmp_path / "r.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    for args in (["assess", str(path), "-c", CATALOG, "--as-of", "2026-06-30"], ["validate", str(path), "-c", CATALOG]):
        run = run_cli(*args)  # in-process: an exception here fails the test
        assert run.code in (0, 1, 2)  # 2: refused, with located messages (below)
        if args[0] == "assess" and run.code != 2:
            assert run.stdout  # read: the reports
        assert all(line.startswith((str(path), "kmc-gap: ")) for line in run.stderr.splitlines())


def _hostile_records(tmp_path: Path) -> Path:
    rows = [HEAD, ["E1", HOSTILE, "C01", HOSTILE, "2025-03-01", "", "", "", "", ""]]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "hostile.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.mark.slow
def test_hostile_names_and_titles_stay_text_in_every_output(run_line: RunLine, tmp_path: Path) -> None:
    path = _hostile_records(tmp_path)
    table = run_line("assess", str(path), "-c", CATALOG, "--as-of", "2026-06-30")
    assert table.code == 0 and "\x1b" not in table.stdout and "\u202e" not in table.stdout
    report = json.loads(run_line("assess", str(path), "-c", CATALOG, "-f", "jsonl").stdout)
    assert report["person"]["name"] == HOSTILE  # JSON keeps the data as it was, escaped by JSON itself
    out = tmp_path / "team.xlsx"
    assert run_line("assess", str(path), "-c", CATALOG, "-o", str(out)).code == 0
    cell = openpyxl.load_workbook(out)["證據"]["E2"]
    assert cell.data_type == "s" and "\x1b" not in cell.value and cell.value.startswith("\\x1b]0;pwned")


def test_hostile_text_survives_import_as_the_same_data(run_line: RunLine, tmp_path: Path) -> None:
    path = _hostile_records(tmp_path)
    out = tmp_path / "people"
    assert run_line("import", str(path), "-c", CATALOG, "-o", str(out)).code == 0
    text = (out / "E1.yaml").read_text(encoding="utf-8")
    assert "\x1b" not in text  # written as a YAML escape, so the file shows no control character
    data = yaml.safe_load(text)
    assert data["person"]["name"] == HOSTILE and data["evidence"][0]["title"] == HOSTILE
    from_profile = json.loads(run_line("assess", str(out / "E1.yaml"), "--as-of", "2026-06-30", "-f", "jsonl").stdout)
    from_records = json.loads(
        run_line("assess", str(path), "-c", CATALOG, "--as-of", "2026-06-30", "-f", "jsonl").stdout
    )
    assert {**from_profile, "file": None} == {**without_inputs(from_records), "file": None}
