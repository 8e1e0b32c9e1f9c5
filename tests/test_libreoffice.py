"""LibreOffice, a real spreadsheet program, as the client: it opens kmc-gap's workbook, and the .ods and .xls
files it saves from an HR export are read by kmc-gap as the .xlsx is.

On CI LibreOffice is required (.ci/run installs Debian's libreoffice-calc-nogui); elsewhere these tests
are skipped when it is missing.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, RunLine

AS_OF = ("--as-of", "2026-06-30")
CATALOG = "examples/catalog.yaml"
EXPORT = ROOT / "examples" / "records" / "training-2025.xlsx"
# LibreOffice's CSV filter: comma, double quote, UTF-8 (76), from line 1, and -1 at the end: every sheet
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


@pytest.fixture(scope="module")
def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no LibreOffice on CI: .ci/run installs Debian's libreoffice-calc-nogui")
        pytest.skip("no LibreOffice installed (.ci/run installs Debian's libreoffice-calc-nogui)")
    return found


def convert(soffice: str, source: Path, to: str, folder: Path) -> None:
    profile = folder / "lo-profile"  # a profile of its own, so that parallel or earlier runs never interfere
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to, "--outdir",
         str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip


def test_libreoffice_opens_the_workbook_with_every_sheet(run_line: RunLine, soffice: str, tmp_path: Path) -> None:
    book = tmp_path / "team.xlsx"
    assert run_line("assess", "examples/profiles", *AS_OF, "-o", str(book)).code == 0
    convert(soffice, book, ALL_SHEETS_CSV, tmp_path)
    sheets = {path.stem.removeprefix("team-"): path for path in tmp_path.glob("team-*.csv")}
    assert set(sheets) == {"摘要", "總覽", "落差", "明細", "證據", "說明"}
    with sheets["總覽"].open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    reports = json.loads(run_line("assess", "examples/profiles", *AS_OF, "-f", "json").stdout)
    assert [row[:2] for row in rows[1:]] == [[r["person"]["id"], r["person"]["name"]] for r in reports]
    first_task = [str(r["tasks"][0]["attained_level"]) for r in reports]
    assert [row[3] for row in rows[1:]] == first_task


@pytest.mark.parametrize("suffix", ["ods", "xls"])
def test_an_export_saved_by_libreoffice_reads_the_same(
    run_line: RunLine, soffice: str, tmp_path: Path, suffix: str
) -> None:
    convert(soffice, EXPORT, suffix, tmp_path)
    saved = tmp_path / f"training-2025.{suffix}"

    def reports(path: Path | str) -> list[dict[str, object]]:
        run = run_line("assess", str(path), "-c", CATALOG, *AS_OF, "-f", "jsonl")
        assert run.code == 0, run.stderr
        return [{**json.loads(line), "file": None} for line in run.stdout.splitlines()]

    assert reports(saved) == reports(EXPORT)


def test_the_overview_prints_marks_that_read_without_colour(run_line: RunLine, soffice: str, tmp_path: Path) -> None:
    """On paper, in black and white: each task cell shows its status mark and the level that stands."""
    import pypdf

    book = tmp_path / "team.xlsx"
    assert run_line("assess", "examples/profiles", *AS_OF, "-o", str(book)).code == 0
    convert(soffice, book, "pdf", tmp_path)
    pages = pypdf.PdfReader(tmp_path / "team.pdf").pages
    text = next(page.extract_text() for page in pages if "總覽" in page.extract_text())  # the footer names the sheet
    # the junior coordinator: T1.1 missing, T2.2 partial, T5.3 met at level 3; the senior planner: T1.1 at 5
    assert "陳怡君" in text and "○ — ○ — ◐ —" in text and "● 3" in text and "● 5" in text
