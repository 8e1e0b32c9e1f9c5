"""Text from files is data in every output: no terminal control, no CI command, no formula, no markup."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kmc_gap.model.problems import Problem
from kmc_gap.words.safe import csv_cell, log_line, md_text, visible, xml_text

from conftest import ROOT, RunLine

MID = ROOT / "examples" / "profiles" / "mid-career-planner.yaml"
AS_OF = ("--as-of", "2026-06-30")
HOSTILE = '\x1b]0;pwned\x07\x1b[2J\u202e=HYPERLINK("x")<b>|bold</b>\n::error::forged\x01'


def _hostile_profile(tmp_path: Path) -> Path:
    text = MID.read_text(encoding="utf-8").replace("name: 林小美", f"name: {json.dumps(HOSTILE)}", 1)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("function", "given", "expected"),
    [
        (visible, "a\x1b[2Jb\u202ec\nd", "a\\x1b[2Jb\\u202ec\\x0ad"),
        (log_line, "::error file=x::y", "./::error file=x::y"),
        (csv_cell, "=1+1", "'=1+1"),
        (csv_cell, "-2", "'-2"),
        (csv_cell, "陳怡君", "陳怡君"),
        (csv_cell, "a\x1b[31mb\u202ec\nd\te", "a\\x1b[31mb\\u202ec\nd\te"),
        (csv_cell, "\t=1", "'\t=1"),
        (xml_text, "a\x01b\x1bc\ufffe", "a\ufffdb\ufffdc\ufffd"),
        (md_text, "<i>x</i>|y\nz`w", "&lt;i&gt;x&lt;/i&gt;\\|y z\\`w"),
    ],
)
def test_safety_functions(function, given: str, expected: str) -> None:
    assert function(given) == expected


def test_a_message_never_starts_a_workflow_command() -> None:
    problem = Problem("::error file=README.md::Forged", "file.missing")
    assert not problem.format("en").startswith("::")
    forged = Problem("p.yaml", "profile.wrong_standard", {"got": "x\n::error file=README.md::Forged", "expected": "K"})
    assert "\n" not in forged.format("en")


def test_wrong_standard_value_cannot_forge_a_ci_annotation(run_line: RunLine, tmp_path: Path) -> None:
    text = MID.read_text(encoding="utf-8").replace(
        "standard: KMC3332-001v3", 'standard: "x\\n::error file=README.md::Forged"', 1
    )
    path = tmp_path / "forged.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_line("assess", str(path), "--lang", "en")
    assert result.code == 2
    assert all(not line.startswith("::") for line in result.stderr.splitlines())
    assert len(result.stderr.splitlines()) == 1


def test_terminal_table_shows_controls_as_text(run_line: RunLine, tmp_path: Path) -> None:
    result = run_line("assess", str(_hostile_profile(tmp_path)), *AS_OF)
    assert result.code == 0
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b]0;pwned" in result.stdout


def test_cohort_matrix_and_csv_and_junit_and_markdown(run_line: RunLine, tmp_path: Path) -> None:
    hostile = str(_hostile_profile(tmp_path))
    table = run_line("assess", hostile, str(MID), *AS_OF)
    assert "\x1b" not in table.stdout and "\u202e" not in table.stdout

    formula = tmp_path / "formula.yaml"
    formula.write_text(
        MID.read_text(encoding="utf-8").replace("name: 林小美", 'name: "=HYPERLINK(1)"', 1), encoding="utf-8"
    )
    out = run_line("assess", str(formula), *AS_OF, "-f", "csv").stdout.removeprefix("\ufeff")
    rows = list(csv.reader(io.StringIO(out)))
    assert {row[1] for row in rows[1:]} == {"'=HYPERLINK(1)"}  # shown as text, never run as a formula

    xml = run_line("assess", hostile, *AS_OF, "-f", "junit").stdout
    suite = ET.fromstring(xml.encode()).find("testsuite")  # well-formed although the name holds \x01 and ESC
    assert suite is not None and "\ufffd" in suite.get("name", "")

    markdown = run_line("assess", hostile, str(MID), *AS_OF, "-f", "markdown").stdout
    assert "<b>" not in markdown and "&lt;b&gt;" in markdown
    assert all(not line.startswith("::") for line in markdown.splitlines())
    body = [line for line in markdown.splitlines() if "pwned" in line]
    assert body and all(line.startswith("|") and line.endswith("|") for line in body if line.startswith("|"))


def test_xml_text_keeps_exactly_the_characters_of_xml_1_0s_char_production() -> None:
    # Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF], checked on every code point
    def allowed(c: int) -> bool:
        return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or 0x10000 <= c <= 0x10FFFF

    wrong = [c for c in range(0x110000) if (xml_text(chr(c)) == chr(c)) != allowed(c)]
    assert wrong == []
