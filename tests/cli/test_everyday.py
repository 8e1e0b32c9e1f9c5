"""Everyday use: thresholds that cannot be misread, formats from file names, how many gaps, legends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmc_gap.words import t

from conftest import RunLine

MID = "examples/profiles/mid-career-planner.yaml"
AS_OF = ("--as-of", "2026-06-30")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("suffix", "check"),
    [
        (".json", lambda text: json.loads(text)["person"]["name"] == "林小美"),
        (".jsonl", lambda text: text.count("\n") == 1 and json.loads(text)["as_of"] == "2026-06-30"),
        (".csv", lambda text: text.startswith("\ufeff人員編號,")),
        (".md", lambda text: text.startswith("## 林小美")),
        (".xml", lambda text: text.startswith('<?xml version="1.0"')),
        (".html", lambda text: text.startswith("<!DOCTYPE html>")),
        (".txt", lambda text: text.startswith("人員：林小美 · E1024")),
    ],
)
def test_output_format_follows_the_file_extension(run_line: RunLine, tmp_path: Path, suffix: str, check) -> None:
    out = tmp_path / f"report{suffix}"
    assert run_line("assess", MID, *AS_OF, "-o", str(out)).code == 0
    assert check(out.read_text(encoding="utf-8"))


def test_an_explicit_format_wins_over_the_extension(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    assert run_line("assess", MID, *AS_OF, "-o", str(out), "--format", "markdown").code == 0
    assert out.read_text(encoding="utf-8").startswith("## ")


@pytest.mark.slow
@pytest.mark.parametrize(("value", "code"), [("90", 0), ("90%", 0), ("91", 1), ("91 %", 1), ("0", 0), ("100", 1)])
def test_fail_under_takes_a_percentage(run_line: RunLine, value: str, code: int) -> None:
    # 林小美 meets 186 of 205 items: 90.73 %
    assert run_line("assess", MID, *AS_OF, "--fail-under", value, "-f", "json").code == code


@pytest.mark.parametrize("value", ["0.8", "0.95"])
def test_a_fraction_is_refused_with_the_percentage_to_write(run_line: RunLine, value: str) -> None:
    result = run_line("assess", MID, *AS_OF, "--fail-under", value)
    assert result.code == 2 and result.stdout == ""
    suggestion = f"{float(value) * 100:g}"
    assert f"--fail-under {suggestion}" in result.stderr
    english = run_line("assess", MID, *AS_OF, "--fail-under", value, "--lang", "en")
    assert f"write the percentage {suggestion}" in english.stderr


@pytest.mark.parametrize("value", ["abc", "101", "-5"])
def test_fail_under_out_of_range_is_a_usage_error(run_line: RunLine, value: str) -> None:
    assert run_line("assess", MID, *AS_OF, "--fail-under", value).code == 2


def test_require_takes_codes_in_any_case_and_suggests(run_line: RunLine) -> None:
    assert run_line("assess", MID, *AS_OF, "--require", "t1.1,T5.3", "-f", "json").code == 0
    result = run_line("assess", MID, *AS_OF, "--require", "T1.9", "--lang", "en")
    assert result.code == 2 and "unknown task codes: T1.9" in result.stderr
    hint = run_line("assess", MID, *AS_OF, "--require", "t3-1x", "--lang", "en")
    assert hint.code == 2


def test_how_many_gaps_the_table_lists(run_line: RunLine) -> None:
    # 林小美 has 15 gaps: the default lists 10 and says how to see the rest
    default = run_line("assess", MID, *AS_OF).stdout
    more = t("render.gaps_more", n=5)
    assert more in default
    every = run_line("assess", MID, *AS_OF, "--gaps", "all").stdout
    assert more not in every and "P3.4.2" in every
    two = run_line("assess", MID, *AS_OF, "--gaps", "2", "--lang", "en").stdout
    assert "… and 13 more gaps; --gaps all lists them all" in two
    assert run_line("assess", MID, *AS_OF, "--gaps", "some").code == 2


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("zh-TW", ["要求＝要求級別", "最佳＝證據的最高級別"]),
        ("en", ["Req. = level required", "Best = best level shown"]),
    ],
)
def test_legends_explain_the_columns(run_line: RunLine, lang: str, words: list[str]) -> None:
    out = run_line("assess", MID, *AS_OF, "--lang", lang).stdout
    assert all(word in out for word in words)


def test_kinds_in_chinese_and_suggestions_for_misspellings(run_line: RunLine, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "standard: KMC3332-001v3\nperson:\n  name: 測試\nevidence:\n"
        "  - {id: a, kind: 訓練, title: t, date: 2025-01-01, level: 4, covers: [K01]}\n"
        "  - {id: b, kind: 工作產出, title: t, date: 2025-01-01, level: 4, covers: [K02]}\n",
        encoding="utf-8",
    )
    data = json.loads(run_line("assess", str(profile), *AS_OF, "-f", "json").stdout)
    assert [e["kind"] for e in data["evidence"]] == ["training", "work_output"]  # reports use the English names
    typo = tmp_path / "typo.yaml"
    typo.write_text(
        "standard: KMC3332-001v3\nperson:\n  name: 測試\nevidence:\n"
        "  - id: a\n    kind: workoutput\n    title: t\n    date: 2025-01-01\n    level: 4\n"
        "    verfied_by: x\n    covers: [K01]\n",
        encoding="utf-8",
    )
    out = run_line("validate", str(typo), "--lang", "en").stdout.splitlines()
    assert out == [
        f"{typo}:6:11: evidence[0].kind: must be one of: 'training', 'certificate', 'work_output', 'experience', "
        "'assessment', 'self_report' (did you mean work_output?)",
        f"{typo}:10:5: unknown field evidence[0].verfied_by (did you mean verified_by?)",
    ]


@pytest.mark.parametrize("code", ["k07", "K07", " k07 "])
def test_standard_codes_in_any_case(run_line: RunLine, code: str) -> None:
    result = run_line("standard", code, "-f", "json")
    assert result.code == 0 and json.loads(result.stdout)["code"] == "K07"


def test_standard_lists_every_item_of_a_kind(run_line: RunLine) -> None:
    data = json.loads(run_line("standard", "K", "-f", "json").stdout)
    assert data["view"] == "list" and [i["code"] for i in data["items"]] == [f"K{i:02d}" for i in range(1, 21)]
    k07 = next(i for i in data["items"] if i["code"] == "K07")
    assert k07["name"] == "財務管理" and "T2.1" in k07["tasks"]
    assert len(json.loads(run_line("standard", "a", "-f", "json").stdout)["items"]) == 7
    assert "Tasks that require it" in run_line("standard", "S", "--lang", "en").stdout


def _evidence_file(tmp_path: Path, line: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(f"standard: KMC3332-001v3\nperson:\n  name: 測試\nevidence:\n{line}\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2025/3/1", "2025-03-01"),
        ("2025-3-1", "2025-03-01"),
        ("2025.03.01", "2025-03-01"),
        ("20250301", "2025-03-01"),
        ("114/03/01", "2025-03-01"),  # 民國 114 + 1911
        ("114.3.1", "2025-03-01"),
        ("1140301", "2025-03-01"),
        ("民國114年3月1日", "2025-03-01"),
        ("２０２５/３/１", "2025-03-01"),  # full-width digits
    ],
)
def test_dates_as_hr_files_write_them_get_the_iso_date_to_write(
    run_line: RunLine, tmp_path: Path, written: str, iso: str
) -> None:
    path = _evidence_file(
        tmp_path, f"  - {{id: a, kind: training, title: t, date: {written}, level: 4, covers: [K01]}}"
    )
    result = run_line("validate", str(path), "--lang", "en")
    assert result.code == 1
    assert result.stdout == f"{path}:5:45: evidence[0].date: write the date as {iso} (YYYY-MM-DD)\n"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ('level: "4"', "evidence[0].level: write the level as a bare number: 4"),
        ("level: ４", "evidence[0].level: write the level as a bare number: 4"),
        ("covers: K07", "evidence[0].covers: covers must be a list: write [K07]"),
        ("covers: K01, K02", "evidence[0].covers: covers must be a list: write [K01, K02]"),
    ],
)
def test_hr_habits_get_what_to_write(run_line: RunLine, tmp_path: Path, field: str, message: str) -> None:
    fields = {"level": "level: 4", "covers": "covers: [K01]"}
    fields[field.split(":")[0]] = field
    body = "\n".join(
        [
            "  - id: a",
            "    kind: training",
            "    title: t",
            "    date: 2025-01-01",
            f"    {fields['level']}",
            f"    {fields['covers']}",
        ]
    )
    result = run_line("validate", str(_evidence_file(tmp_path, body)), "--lang", "en")
    assert result.code == 1 and message in result.stdout


def test_a_task_code_in_covers_lists_its_items(run_line: RunLine, tmp_path: Path) -> None:
    path = _evidence_file(tmp_path, "  - {id: a, kind: training, title: t, date: 2025-01-01, level: 4, covers: [t5.3]}")
    out = run_line("validate", str(path), "--lang", "en").stdout
    assert "t5.3 is a task or duty, which is not covered directly" in out
    assert "P5.3.1, P5.3.2, K07, K10, K15, K16, S09" in out


def test_chinese_keyboard_slips_are_named_where_they_are(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "kb.yaml"
    path.write_text("standard：KMC3332-001v3\nperson:\n\u3000name: 測試\nevidence: []\n", encoding="utf-8")
    assert run_line("validate", str(path), "--lang", "en").stdout.splitlines() == [
        f"{path}:1:9: a full-width colon follows standard; type a plain colon and a space ': '",
        f"{path}:3:1: a full-width space in the indentation; use plain spaces",
    ]


def test_keyboard_slips_and_other_mistakes_are_reported_together(run_line: RunLine, tmp_path: Path) -> None:
    # The slips are mended before reading on, so the fields this short file lacks and the
    # full-width level on line 5 are found in the same run, all in file order.
    path = tmp_path / "kb.yaml"
    text = "standard：KMC3332-001v3\nevidence:\n\u3000 - id: a\n    kind: training\n    level: ４\n"
    path.write_text(text, encoding="utf-8")
    result = run_line("validate", str(path), "--lang", "en")
    assert result.code == 1
    assert result.stdout.splitlines() == [
        f"{path}:1:1: missing required field person",
        f"{path}:1:9: a full-width colon follows standard; type a plain colon and a space ': '",
        f"{path}:3:1: a full-width space in the indentation; use plain spaces",
        f"{path}:3:5: missing required field evidence[0].title",
        f"{path}:3:5: missing required field evidence[0].date",
        f"{path}:3:5: missing required field evidence[0].covers",
        f"{path}:5:12: evidence[0].level: write the level as a bare number: 4",
    ]


def test_utf16_files_from_windows_notepad_are_read(run_line: RunLine, tmp_path: Path) -> None:
    text = Path(MID).read_text(encoding="utf-8")
    for encoding in ("utf-16", "utf-16-be"):
        path = tmp_path / f"{encoding}.yaml"
        data = text.encode(encoding)
        path.write_bytes(data if encoding == "utf-16" else b"\xfe\xff" + data)
        result = run_line("assess", str(path), *AS_OF, "-f", "json")
        assert result.code == 0, (encoding, result.stderr)
        assert json.loads(result.stdout)["summary"]["items_met"] == 186


def test_a_malformed_report_given_to_diff_gets_one_message(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"summary": {}, "tasks": 3}', encoding="utf-8")
    result = run_line("diff", str(path), MID, *AS_OF, "--lang", "en")
    assert result.code == 2 and len(result.stderr.splitlines()) == 1


def test_one_person_in_two_files_is_warned_about(run_line: RunLine, tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_bytes(Path(MID).read_bytes())
    result = run_line("assess", str(tmp_path), *AS_OF, "-f", "jsonl", "--lang", "en")
    assert result.code == 0
    assert result.stderr == (
        f"{tmp_path / 'b.yaml'}: warning: person id E1024 also appears in {tmp_path / 'a.yaml'}: "
        "one person with two profiles?\n"
    )


def test_long_names_in_the_matrix_shorten_but_ids_and_pseudonyms_stay_whole(run_line: RunLine, tmp_path: Path) -> None:
    text = Path(MID).read_text(encoding="utf-8").replace("name: 林小美", "name: 歐陽林小美長長的名字很長很長", 1)
    (tmp_path / "long.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "other.yaml").write_bytes(Path("examples/profiles/senior-planner.yaml").read_bytes())
    table = run_line("assess", str(tmp_path), *AS_OF).stdout
    assert "歐陽林小美… E1024" in table or "… E1024" in table
    redacted = run_line("assess", str(tmp_path), *AS_OF, "--redact").stdout
    assert all(len(line.split()[0]) == 15 for line in redacted.splitlines() if line.startswith("anon-"))


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["cp950", "ascii"])
def test_consoles_that_cannot_show_blocks_get_plain_characters(encoding: str) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "COLUMNS": "100"}
    for args in ([MID], ["examples/profiles"]):
        done = subprocess.run(
            [sys.executable, "-m", "kmc_gap", "assess", *args, *AS_OF], capture_output=True, env=env, check=False
        )
        assert done.returncode == 0 and b"Traceback" not in done.stderr
        text = done.stdout.decode(encoding)
        assert "█" not in text and "●" not in text
    single = subprocess.run(
        [sys.executable, "-m", "kmc_gap", "assess", MID, *AS_OF], capture_output=True, env=env, check=False
    ).stdout.decode(encoding)
    assert "########## 100%" in single
    if encoding == "cp950":
        assert "林小美" in single  # Chinese itself is still Chinese


@pytest.mark.slow
@pytest.mark.parametrize("width", [60, 80, 200])
def test_tables_fit_the_terminal_and_never_cut_figures(width: int) -> None:
    import os
    import subprocess
    import sys

    from rich.cells import cell_len

    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": str(width)}
    out = subprocess.run(
        [sys.executable, "-m", "kmc_gap", "assess", MID, *AS_OF], capture_output=True, env=env, check=True
    ).stdout.decode()
    assert max(cell_len(line) for line in out.splitlines()) <= width
    assert "13/13" in out and "186/205" in out.replace("\n", "")  # figures are whole
    cohort = subprocess.run(
        [sys.executable, "-m", "kmc_gap", "assess", "examples/profiles", *AS_OF],
        capture_output=True,
        env=env,
        check=True,
    ).stdout.decode()
    assert "10/14" in cohort and "90.7%" in cohort


def test_task_in_full(run_line: RunLine) -> None:
    out = run_line("assess", MID, *AS_OF, "--task", "t3.1", "--lang", "en", env={"COLUMNS": "160"}).stdout
    lines = out.splitlines()
    p311 = next(i for i, line in enumerate(lines) if "P3.1.1" in line)
    assert lines[p311].startswith("✗ P3.1.1 best 3 / required 4")
    # evidence is named by its title and date, as people know it (its id is for tools)
    draft = "春季發表會 贊助合作提案（初稿，由主管修改後送出） (2025-02-18)"
    assert f"{draft}  level 3 is below the required 4" in lines[p311 + 1]
    assert any(line.startswith("✓ K13") for line in lines)
    assert "counts" in out and "Top gaps" not in out  # the task in full instead of the whole report
    expired = run_line("assess", MID, *AS_OF, "--task", "T4.3", "--lang", "en", env={"COLUMNS": "160"}).stdout
    # covers K17, which T4.3 needs, but has lapsed
    assert "職業安全衛生教育訓練（一般）結業證書 (2019-06-01)  expired" in expired
    assert run_line("assess", MID, *AS_OF, "--task", "T9.9").code == 2


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
@pytest.mark.parametrize("columns", [60, 80])
def test_the_task_in_full_never_cuts_a_reason_or_a_date(run_line: RunLine, lang: str, columns: int) -> None:
    from rich.cells import cell_len

    args = ("assess", "examples/profiles/junior-coordinator.yaml", *AS_OF, "--task", "T3.1", "--lang", lang)
    wide = run_line(*args, env={"COLUMNS": "400"}).stdout.splitlines()
    narrow = run_line(*args, env={"COLUMNS": str(columns)}).stdout
    assert all(cell_len(line) <= columns for line in narrow.splitlines())
    reasons = [line.rsplit(")  ", 1) for line in wide if line.startswith("    ") and ")  " in line]
    assert len(reasons) >= 10
    flat = " ".join(narrow.split())
    for head, why in reasons:
        date = head[-10:]  # (2025-03-03): the title before it may be shortened, the date and reason never
        assert f"{date}) {why}" in flat or f"{date})  {why}" in narrow, (date, why)


@pytest.mark.parametrize("columns", [60, 80])
def test_a_narrow_terminal_gives_its_room_to_names_and_cuts_no_duty_or_figure(run_line: RunLine, columns: int) -> None:
    senior = "examples/profiles/senior-planner.yaml"
    out = run_line("assess", senior, *AS_OF, "--warn-expiring", "1000", env={"COLUMNS": str(columns)}).stdout
    lines = out.splitlines()
    # T2.3 制訂行銷活動管理計畫 is 10 characters: whole at 60 columns too, the status word gone below 80
    assert any(line.startswith(" T2.3    制訂行銷活動管理計畫 ") for line in lines)
    assert ("符合  " in next(line for line in lines if line.startswith(" T2.3"))) == (columns >= 80)
    # a duty's name is never cut: 蒐集與分析活動行銷目標資訊 goes on to the next line
    t1 = next(i for i, line in enumerate(lines) if line.startswith(" T1 "))
    assert "…" not in lines[t1] and (lines[t1] + lines[t1 + 1]).replace(" ", "").endswith("蒐集與分析活動行銷目標資訊")
    # the expiry (date and days left) is one unit, on one line; attitudes' note follows without a space
    assert any(t("render.expires_on", date="2028-08-18", days=780) in line for line in lines)
    assert t("render.attitudes") + t("punct.aside", text=t("policy.attitudes_free")) in lines


def test_every_problem_of_a_file_in_one_run_in_file_order(run_line: RunLine, tmp_path: Path) -> None:
    path = _evidence_file(
        tmp_path,
        "  - {id: a, kind: training, title: t, date: 2025-01-01, level: 7, covers: [K7, K01, K01]}\n"
        "  - {id: a, kind: trainin, title: t, date: 2025/1/1, level: 4, covers: [T5.3]}",
    )
    out = run_line("validate", str(path), "--lang", "en").stdout.splitlines()
    assert [line.split(": ", 1)[0].removeprefix(f"{path}:") for line in out] == [
        "5:64",
        "5:76",
        "5:85",
        "6:10",
        "6:19",
        "6:44",
        "6:73",
    ]


def test_an_unclosed_bracket_names_where_it_began(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "open.yaml"
    path.write_text(
        "standard: KMC3332-001v3\nperson:\n  name: x\nevidence:\n  - covers: [K01, K02\n\n", encoding="utf-8"
    )
    out = run_line("validate", str(path), "--lang", "en").stdout
    assert "(it began on line 5)" in out


def test_folders_skip_files_that_are_not_kmc_gap_files(run_line: RunLine) -> None:
    checked = run_line("validate", "examples", "--lang", "en")
    assert checked.code == 0
    assert (
        "examples/ci/github-actions.yml: warning: not a kmc-gap file (no standard, evidence or courses), skipped"
        in (checked.stderr)
    )
    assessed = run_line("assess", "examples", *AS_OF, "-f", "jsonl", "--lang", "en")
    # four profiles (three people and one's progress), and the two people of examples/credentials/
    # (E2101 from a badge and a JWT joined, E2102 from a badge)
    assert assessed.code == 0 and len(assessed.stdout.splitlines()) == 6
    assert "examples/catalog.yaml: warning: a course catalogue, not a profile: skipped" in assessed.stderr


def test_catalogues_are_validated_too(run_line: RunLine, tmp_path: Path) -> None:
    assert run_line("validate", "--catalog", "examples/catalog.yaml", MID).code == 0
    bad = tmp_path / "courses.yaml"
    bad.write_text("courses:\n  - {code: A, title: t, provider: p, level: 4, covers: [K7]}\n", encoding="utf-8")
    result = run_line("validate", str(bad), "--lang", "en")  # recognised by its top-level courses
    assert result.code == 1 and "the standard has no code K7 (did you mean K07?)" in result.stdout


def test_the_init_template_left_as_it_is_is_warned_about(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "me.yaml"
    assert run_line("init", "-o", str(path)).code == 0
    result = run_line("validate", str(path), "--lang", "en")
    assert result.code == 0  # a warning does not change the exit code
    assert f"{path}:10:9: warning: the name is still the template's placeholder" in result.stderr
    assert "still the template's example evidence" in result.stderr
