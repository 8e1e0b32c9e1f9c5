"""`kmc-gap transcribe` on the command line: what it writes, what it refuses, and a transcription accepted and used."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from kmc_gap.api.transcribe import transcribe
from kmc_gap.words import t

from conftest import ROOT, RunLine

SOURCE = ROOT / "tests" / "fixtures" / "KMC3332-001v3.source.txt"


# --------------------------------------------------------------------------- what a document leaves unclear


def _lines() -> list[str]:
    return SOURCE.read_text("utf-8").splitlines()


# --------------------------------------------------------------------------- a copy without tabs, cut short

BGM = ROOT / "tests" / "fixtures" / "BGM1219-002v2-pages-1-2.source.txt"


def test_reports_against_the_transcribed_standard_are_the_bundled_ones(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "kmc3332.yaml"
    made = run_line("transcribe", str(SOURCE), "-o", str(out))
    assert made.code == 0 and out.exists()
    args = ("assess", "examples/profiles", "--as-of", "2026-06-30", "-f", "json")
    bundled = json.loads(run_line(*args).stdout)
    transcribed = json.loads(run_line("--standard", str(out), *args).stdout)
    assert transcribed == bundled


def test_a_truncated_document_says_where_it_stops_and_writes_nothing(run_line: RunLine, tmp_path: Path) -> None:
    lines = _lines()
    cut = next(i for i, line in enumerate(lines) if line.startswith("\tT4.2 "))  # the text ends before T4.2
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(lines[:cut]) + "\n", "utf-8")
    found = transcribe(path, "cut.txt")
    assert found.text is None
    stops = [p for p in found.problems if p.key == "transcribe.stops"]
    assert len(stops) == 1 and stops[0].args["code"] == "S16" and stops[0].line == cut  # T4.1's last skill
    out = tmp_path / "std.yaml"
    run = run_line("transcribe", str(path), "-o", str(out), "--lang", "en")
    assert run.code == 2 and not out.exists()
    assert f"cut.txt:{cut}: the text stops after S16" in run.stderr.replace(str(tmp_path) + "/", "")


def test_a_row_with_a_level_and_competency_of_its_own_begins_a_block(run_line: RunLine, tmp_path: Path) -> None:
    # T2.3's second page: its row brings level 3 and S12 of its own, so P2.3.4 and S12 are a second block
    # (layout 2); the output cut by the page break still goes on with O2.3.3, in the block above
    text = SOURCE.read_text("utf-8").replace("掌控行銷活動品質。\t\t\tS12", "掌控行銷活動品質。\t3\t\tS12", 1)
    out = tmp_path / "std.yaml"
    (tmp_path / "blocks.txt").write_text(text, "utf-8")
    assert run_line("transcribe", str(tmp_path / "blocks.txt"), "-o", str(out)).code == 0
    task = next(t for d in yaml.safe_load(out.read_text("utf-8"))["duties"] for t in d["tasks"] if t["code"] == "T2.3")
    first, second = task["blocks"]
    assert (first["level"], second["level"]) == (4, 3)
    assert [o["name"] for o in first["outputs"]][-1] == "風險應變及備案計畫" and second["outputs"] == []
    assert [p["code"] for p in first["indicators"]] == ["P2.3.1", "P2.3.2", "P2.3.3"]
    assert ([p["code"] for p in second["indicators"]], second["knowledge"], second["skills"]) == (
        ["P2.3.4"],
        [],
        ["S12"],
    )
    shown = json.loads(run_line("--standard", str(out), "standard", "T2.3", "-f", "json").stdout)
    assert shown["level"] == 4


def test_tasks_printed_in_one_cell_share_its_block(run_line: RunLine, tmp_path: Path) -> None:
    # layout 3: T1.1 and T1.2 in one task cell, sharing one block of P/O/K/S; each is judged by it
    text = SOURCE.read_text("utf-8").replace(
        "\tT1.1 蒐集與分析活動行銷目標\t", "\tT1.1 蒐集與分析活動行銷目標 T1.2 另一個共用的任務\t", 1
    )
    path = tmp_path / "shared.txt"
    path.write_text(text, "utf-8")
    out = tmp_path / "std.yaml"
    made = run_line("transcribe", str(path), "-o", str(out))
    assert made.code == 0, made.stderr
    duty = yaml.safe_load(out.read_text("utf-8"))["duties"][0]
    assert [t["code"] for t in duty["tasks"]] == ["T1.1", "T1.2"]
    assert duty["tasks"][1] == {"code": "T1.2", "name": "另一個共用的任務", "same_as": "T1.1"}
    args = ("assess", "examples/profiles/mid-career-planner.yaml", "--as-of", "2026-06-30", "-f", "json")
    report = json.loads(run_line("--standard", str(out), *args).stdout)
    t11, t12 = report["tasks"][:2]
    assert (t12["code"], t12["status"], t12["level"]) == ("T1.2", t11["status"], t11["level"])
    assert [i["code"] for i in t12["items"]] == [i["code"] for i in t11["items"]]
    assert report["summary"]["tasks_total"] == 15  # 14 and the one that shares T1.1's block
    shown = run_line("--standard", str(out), "standard", "T1.2", "--lang", "en").stdout
    assert "shares T1.1's competency" in shown
    package = tmp_path / "shared.case.json"  # and through a CASE package: T1.2 named, its items not repeated
    assert run_line("--standard", str(out), "standard", "--format", "case", "-o", str(package)).code == 0
    assert json.loads(run_line("--standard", str(package), *args).stdout)["tasks"] == report["tasks"]


def test_a_choice_is_written_only_when_accepted_and_then_listed_in_the_file(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "typo.txt"
    path.write_text(SOURCE.read_text("utf-8").replace("O4.2.1 ", "04.2.1 ", 1), "utf-8")  # a digit zero for O
    out = tmp_path / "std.yaml"
    refused = run_line("transcribe", str(path), "-o", str(out), "--lang", "en")
    assert refused.code == 1 and not out.exists()
    assert "code 04.2.1 begins with a digit zero: read as O4.2.1" in refused.stderr
    accepted = run_line("transcribe", str(path), "-o", str(out), "--accept")
    assert accepted.code == 0 and out.exists()
    head = out.read_text("utf-8").split("\ncode:")[0]
    assert "待確認" in head and re.search(
        r"typo\.txt:\d+:\d+: " + re.escape(t("transcribe.zero_for_o", code="04.2.1", read="O4.2.1")), head
    )
    assert run_line("--standard", str(out), "standard", "O4.2.1").code == 0


def test_a_damaged_pdf_is_refused_located(run_line: RunLine, tmp_path: Path) -> None:
    pdf = tmp_path / "standard.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    run = run_line("transcribe", str(pdf), "--lang", "en")
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.startswith(f"{pdf}: ") and "Traceback" not in run.stderr


def test_a_standard_file_is_never_replaced_without_force(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "std.yaml"
    out.write_text("# edited by hand\n", "utf-8")
    assert run_line("transcribe", str(SOURCE), "-o", str(out)).code == 2
    assert out.read_text("utf-8") == "# edited by hand\n"
    assert run_line("transcribe", str(SOURCE), "-o", str(out), "--force").code == 0
    assert out.read_text("utf-8").startswith("# 職能基準 KMC3332-001v3")
    assert run_line("transcribe", str(SOURCE), "-o", str(SOURCE)).code == 2  # never over its input


def test_an_items_sub_points_are_shown_where_the_item_is(run_line: RunLine, tmp_path: Path) -> None:
    text = BGM.read_text("utf-8")
    stop = text.index("T1.2 增進")  # keep the complete task, and close the document as a whole one ends
    whole = text[:stop] + "職能內涵 (A=attitude 態度)\nA01 主動積極：不需他人指示或要求能自動自發做事。\n"
    path = tmp_path / "bgm.txt"
    path.write_text(re.sub(r"第 \d 頁,總共 6 頁", "", whole), "utf-8")  # and no page numbers of a longer one
    out = tmp_path / "bgm.yaml"
    made = run_line("transcribe", str(path), "-o", str(out), "--accept")
    assert made.code == 0, made.stderr
    shown = run_line("--standard", str(out), "standard", "K4", "-f", "json")
    assert json.loads(shown.stdout)["points"] == [
        "工作授權與工作分配",
        "目標設定",
        "團體動力學與過程",
        "個體行為與差異",
    ]
    assert "  • 目標設定" in run_line("--standard", str(out), "standard", "K4").stdout
