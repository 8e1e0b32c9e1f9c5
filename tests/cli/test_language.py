"""One language at a time on the command line: help, usage errors and outputs in Chinese by default and in English on
request, never mixed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import RunLine

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


ENGLISH = "tests/fixtures/english-profile.yaml"
AS_OF = ("--as-of", "2026-06-30")


SENTENCE = re.compile(r"\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b")


#: What a Chinese report must never show: Python's words, a setting's key, a built-in policy's English name.
LITERALS = re.compile(r"\b(True|False|None|default|strict|min_evidence|require_verified|max_age_years)\b")


def _strings(path: Path) -> str:
    """Every text cell of a workbook, a line each."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(
        str(v)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str)
    )


def _visible_text(page: str) -> str:
    """An HTML page's text: tags, the style sheet and attribute values left out."""
    page = re.sub(r"<style>.*?</style>", "", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["--help"], ["assess", "--help"], ["plan", "--help"], ["validate", "--help"], ["form", "--help"],
     ["calibrate", "--help"]],
)  # fmt: skip
def test_help_is_chinese_by_default_and_english_on_request(run_line: RunLine, args: list[str]) -> None:
    zh = run_line(*args)
    assert zh.code == 0 and HAN.search(zh.stdout)
    assert "Usage" not in zh.stdout and "Options" not in zh.stdout and "Show this" not in zh.stdout
    assert "<" not in zh.stdout  # placeholders people read, never <list[Path]> or <float range>
    for en in (run_line("--lang", "en", *args), run_line(*args, env={"KMC_GAP_LANG": "EN"})):
        assert en.code == 0 and not HAN.search(en.stdout.replace("KMC3332-001v3", "")), en.stdout
        assert en.stdout.startswith("Usage: kmc-gap")


def test_assess_help_lists_every_format(run_line: RunLine) -> None:
    out = run_line("assess", "--help").stdout
    for fmt in ("table", "json", "jsonl", "csv", "markdown", "junit", "html"):
        assert fmt in out
    for placeholder in ("證據檔…", "百分比", "天數", "檔案"):  # the placeholders in the reader's language
        assert placeholder in out
    english = run_line("--lang", "en", "assess", "--help").stdout
    for placeholder in ("PROFILE…", "PCT", "DAYS", "FILE"):
        assert placeholder in english


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["assess", "--bogus", "x"], "沒有 --bogus 這個選項", "there is no option --bogus"),
        (["assess"], "缺少 證據檔…", "PROFILE… is missing"),
        (["assess", "x", "--format", "xml"], "--format 的值 'xml' 無效", "invalid value 'xml' for --format"),
        (["assess", "x", "--fail-under", "101"], "請寫 0 到 100 的百分比", "write a percentage from 0 to 100"),
        (["assess", "x", "--jobs", "-1"], "至少要是 0", "must be at least 0"),
        (["assess", "x", "--jobs", "many"], "必須是整數", "must be a whole number"),
        (["frob"], "沒有 frob 這個指令", "there is no command frob"),
        (["assess", "x", "--as-of", "2026-13-01"], "日期請寫成 YYYY-MM-DD", "write the date as YYYY-MM-DD"),
        (["standard", "--lang", "fr"], "可用的語言", "choose zh-TW or en"),
    ],
)
def test_usage_errors_are_worded_in_the_language(run_line: RunLine, args: list[str], zh: str, en: str) -> None:
    result = run_line(*args)
    assert result.code == 2 and result.stdout == ""
    assert zh in result.stderr and "Usage" not in result.stderr and "Error" not in result.stderr
    english = run_line(*args, env={"KMC_GAP_LANG": "en"})
    assert english.code == 2 and en in english.stderr and not HAN.search(english.stderr)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "code"),
    [
        *(
            (["assess", ENGLISH, *AS_OF, "-f", fmt], 0)
            for fmt in ("table", "json", "jsonl", "csv", "markdown", "junit", "html", "summary")
        ),
        (["assess", ENGLISH, "tests/fixtures/english-profile.yaml", "tests/corpus/level-7.yaml", *AS_OF], 2),
        (["assess", ENGLISH, *AS_OF, "--fail-under", "50", "--require", "t1.1"], 1),  # thresholds failed
        (["validate", ENGLISH, "tests/corpus"], 1),  # the corpus is bad input, file by file
        (["standard"], 0),
        (["standard", "T2.3"], 0),
        (["standard", "K07"], 0),
        (["standard", "k7"], 2),  # no such code: a usage error with the nearest codes
        (["plan", ENGLISH, "-c", "tests/fixtures/english-catalog.yaml", *AS_OF], 0),
        (["plan", ENGLISH, "-c", "tests/fixtures/english-catalog.yaml", *AS_OF, "-f", "markdown"], 0),
        (["plan", ENGLISH, "-c", "tests/fixtures/english-catalog.yaml", *AS_OF, "-f", "csv"], 0),
        (["plan", ENGLISH, "-c", "tests/fixtures/english-catalog.yaml", *AS_OF, "-f", "html"], 0),
        (["diff", ENGLISH, "examples/progress/mid-career-planner-2026.yaml", *AS_OF], 0),
        (["init"], 0),
        (["--help"], 0),
    ],
)
def test_english_run_on_english_data_shows_no_chinese(run_line: RunLine, args: list[str], code: int) -> None:
    """With KMC_GAP_LANG=en, a person whose own data is English sees no Chinese anywhere."""
    result = run_line(*args, env={"KMC_GAP_LANG": "en"})
    assert result.code == code, result.stderr
    text = result.stdout + result.stderr
    if "diff" in args:  # the other side of this diff is a Chinese example profile: only its data may be Chinese
        text = text.replace("林小美", "")
    if "tests/corpus" in args:  # the corpus holds Chinese data (names, a Big5 file) quoted in messages
        text = "\n".join(line for line in text.splitlines() if "corpus/" not in line)
    assert not HAN.search(text), text


def test_default_language_messages_hold_no_english_sentences(run_line: RunLine) -> None:
    """Every problem in the bad-input corpus, worded in Chinese, passes no library's English through."""
    result = run_line("validate", "tests/corpus", "--max-size", "100000")
    lines = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert len(lines) > 20
    leaks = [line for line in lines if SENTENCE.search(line.replace("iconv -f BIG5 -t UTF-8", ""))]
    assert leaks == []
    assert SENTENCE.search(result.stderr) is None


@pytest.mark.slow
def test_chinese_outputs_hold_no_english_or_python_literals(run_line: RunLine, tmp_path: Path) -> None:
    records = ("examples/records/ehr-export-2025.xlsx", "--sheet", "all", "-c", "examples/records/courses.xlsx")
    texts = {}
    for name, args in {
        "assess.xlsx": ("assess", *records, *AS_OF),
        "plan.xlsx": ("plan", *records, *AS_OF, "--budget", "200000"),
        "plan.csv": ("plan", *records, *AS_OF, "--budget", "200000"),
        "skeleton.xlsx": ("catalog", "init", "examples/records/ehr-export-2025.xlsx"),
        "form.xlsx": ("form", *records, *AS_OF, "--only-gaps"),
        "calibrate.xlsx": ("calibrate", "examples/forms/team-form-filled.xlsx"),
    }.items():
        out = tmp_path / name
        assert run_line(*args, "-o", str(out)).code == 0, name
        texts[name] = _strings(out) if name.endswith(".xlsx") else out.read_text(encoding="utf-8-sig")
    texts["summary"] = _visible_text(run_line("assess", *records, *AS_OF, "-f", "summary").stdout)
    texts["html"] = _visible_text(
        run_line("assess", "examples/profiles/mid-career-planner.yaml", *AS_OF, "-f", "html").stdout
    )
    texts["plan.html"] = _visible_text(run_line("plan", *records, *AS_OF, "-f", "html").stdout)
    texts["table"] = run_line("assess", *records, *AS_OF).stdout
    texts["calibrate"] = run_line("calibrate", "examples/forms/team-form-filled.xlsx").stdout
    texts["calibrate.md"] = run_line("calibrate", "examples/forms/team-form-filled.xlsx", "-f", "markdown").stdout
    for name, text in texts.items():
        assert not LITERALS.search(text), (name, LITERALS.search(text))
        assert not SENTENCE.search(text.replace("iCAP", "")), (name, SENTENCE.search(text))
