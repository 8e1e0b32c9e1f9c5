"""The bad-input corpus: every file gets a located, plain error and the right exit code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmc_gap.model import yamlsource
from kmc_gap.model.problems import Problem
from kmc_gap.words import t

from conftest import TESTS, RunLine, examples

CORPUS = TESTS / "corpus"

# file → (problem key, line, column) of the first problem; None where the whole file is at fault
EXPECTED: dict[str, tuple[str, int | None, int | None]] = {
    "empty.yaml": ("yaml.empty", None, None),
    "comments-only.yaml": ("yaml.empty", None, None),
    "top-list.yaml": ("schema.top_mapping", 1, 1),
    "top-scalar.yaml": ("schema.top_mapping", 1, 1),
    "big5.yaml": ("file.big5", 3, 9),  # "  name: " is 8 bytes, the Big5 name starts at column 9
    "binary.yaml": ("file.binary", None, None),
    "tabs.yaml": ("yaml.tab", 3, 1),
    "python-tag.yaml": ("yaml.tag", 4, 11),
    "alias-bomb.yaml": ("yaml.alias_bomb", 6, 4),  # 9^6 nodes under f: past the 200,000 limit
    "bad-date.yaml": ("yaml.bad_date", 8, 11),
    "date-word.yaml": ("schema.invalid", 8, 11),
    "date-time.yaml": ("schema.invalid", 8, 11),
    "level-0.yaml": ("schema.invalid", 9, 12),
    "level-7.yaml": ("schema.invalid", 9, 12),
    "level-string.yaml": ("schema.invalid", 9, 12),
    "level-float.yaml": ("schema.invalid", 9, 12),
    "covers-empty.yaml": ("schema.invalid", 10, 13),
    "covers-scalar.yaml": ("schema.invalid", 10, 13),
    "date-after-expires.yaml": ("profile.date_after_expiry", 11, 14),
    "duplicate-key.yaml": ("yaml.duplicate_key", 11, 5),
    "duplicate-id.yaml": ("profile.duplicate_id", 11, 9),
    "unknown-key.yaml": ("schema.unknown_hint", 11, 5),  # verfied_by: did you mean verified_by?
    "missing-key.yaml": ("schema.missing", 5, 5),
    "unknown-code.yaml": ("profile.unknown_code_hint", 10, 22),
    "duplicate-cover.yaml": ("profile.duplicate_cover", 10, 27),
    "wrong-standard.yaml": ("profile.wrong_standard", 1, 11),
    "multi-doc.yaml": ("yaml.many_documents", 11, 1),
    "syntax.yaml": ("yaml.syntax", 3, 9),
    "control-char.yaml": ("yaml.bad_character", 3, 12),
    "huge-int.yaml": ("yaml.number_too_long", 9, 12),  # 5,000 digits: past what Python converts
    "huge-id.yaml": ("yaml.number_too_long", 5, 9),
    "deep-alias.yaml": ("schema.invalid", 12, 11),  # 600 levels, and a * that asks for the alias check
}
VALID = ["bom-crlf.yaml", "merge-keys.yaml", "hostile-name.yaml"]


def test_the_corpus_is_complete() -> None:
    assert {p.name for p in CORPUS.glob("*.yaml")} == set(EXPECTED) | set(VALID)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_locates_the_problem(run_line: RunLine, name: str) -> None:
    result = run_line("validate", f"tests/corpus/{name}", "--format", "json", "--lang", "en")
    assert result.code == 1
    [entry] = json.loads(result.stdout)
    first = entry["problems"][0]
    assert (first["code"], first["line"], first["column"]) == EXPECTED[name]
    assert entry["valid"] is False


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_assess_exits_2_with_the_location(run_line: RunLine, name: str) -> None:
    result = run_line("assess", f"tests/corpus/{name}", "--lang", "en")
    assert (result.code, result.stdout) == (2, "")
    _, line, col = EXPECTED[name]
    where = f"tests/corpus/{name}" + (f":{line}:{col}" if line else "")
    assert result.stderr.startswith(where + ": ")


@pytest.mark.parametrize("name", VALID)
def test_bom_crlf_and_merge_keys_are_accepted(run_line: RunLine, name: str) -> None:
    result = run_line("validate", f"tests/corpus/{name}")
    assert (result.code, result.stdout) == (0, "")


def test_merge_keys_fill_in_fields() -> None:
    doc = yamlsource.load(CORPUS / "merge-keys.yaml")
    second = doc.data["evidence"][1]
    assert (second["id"], second["kind"], second["level"], second["covers"]) == ("c2", "training", 4, ["K07"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("big5.yaml", "iconv -f BIG5 -t UTF-8"),
        ("tabs.yaml", "tabs cannot be used for indentation"),
        ("unknown-code.yaml", "the standard has no code p2.2.3 (did you mean P2.2.3?)"),
        ("level-string.yaml", "evidence[0].level: write the level as a bare number: 4"),
        ("date-word.yaml", "evidence[0].date: must be a date written as YYYY-MM-DD"),
        ("duplicate-id.yaml", "evidence id plan is used twice (first on line 5)"),
    ],
)
def test_messages_are_plain(run_line: RunLine, name: str, message: str) -> None:
    assert message in run_line("validate", f"tests/corpus/{name}", "--lang", "en").stdout


def test_messages_in_chinese(run_line: RunLine) -> None:
    out = run_line("validate", "tests/corpus/level-string.yaml").stdout
    detail = t("detail.level_text", level=4)
    assert (
        out == f"tests/corpus/level-string.yaml:9:12: {t('schema.invalid', field='evidence[0].level', detail=detail)}\n"
    )
    out = run_line("validate", "tests/corpus/unknown-code.yaml").stdout.splitlines()
    assert out == [
        f"tests/corpus/unknown-code.yaml:10:22: {t('profile.unknown_code_hint', code='p2.2.3', suggestion='P2.2.3')}",
        f"tests/corpus/unknown-code.yaml:10:30: {t('profile.unknown_code', code='K21')}",
    ]


@pytest.mark.parametrize(
    ("prefix", "column"),
    [
        # the 1001st opening bracket is refused (by libyaml's scanner or kmc-gap's own scan)
        ("", 1001),
        # under a key, libyaml's scanner refuses the 1001st flow level first: 10 + 1000 → column 1010
        ("evidence: ", 1010),
    ],
)
def test_deep_nesting_is_refused(run_line: RunLine, tmp_path: Path, prefix: str, column: int) -> None:
    deep = tmp_path / "deep.yaml"
    depth = 100_000  # deep enough to crash libyaml's recursive composer if it were reached
    deep.write_text(prefix + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    result = run_line("assess", str(deep), "--lang", "en")
    assert result.code == 2
    assert result.stderr == f"{deep}:1:{column}: nesting too deep (limit 1000 levels)\n"


def test_deep_block_nesting_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    # 1200 block sequences in one line: "- - - … x"
    deep.write_text("- " * 1200 + "x\n", encoding="utf-8")
    result = run_line("assess", str(deep), "--lang", "en")
    assert result.code == 2
    assert "nesting too deep" in result.stderr


def test_file_over_the_size_cap(run_line: RunLine, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 2000 + "\n", encoding="utf-8")
    result = run_line("assess", str(big), "--max-size", "1000", "--lang", "en")
    assert result.code == 2
    assert result.stderr == f"{big}: file too large (2003 bytes, limit 1000; see --max-size)\n"


def test_missing_file_and_directory(run_line: RunLine, tmp_path: Path) -> None:
    result = run_line("assess", str(tmp_path / "nope.yaml"), "--lang", "en")
    assert (result.code, result.stderr) == (2, f"{tmp_path / 'nope.yaml'}: file not found\n")
    # a directory where a file is expected
    result = run_line("assess", "examples/profiles/senior-planner.yaml", "--policy", str(tmp_path), "--lang", "en")
    assert (result.code, result.stderr) == (2, f"{tmp_path}: is a directory, not a file\n")
    # a directory of profiles with none in it
    result = run_line("assess", str(tmp_path), "--lang", "en")
    assert (result.code, result.stderr) == (
        2,
        f"{tmp_path}: no *.yaml or *.yml profiles found, and no credentials (*.json, *.jwt)\n",
    )


def test_unreadable_file(run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text("standard: x\n", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)  # root may read anything, so simulate the refusal
    result = run_line("assess", str(locked), "--lang", "en")
    assert (result.code, result.stderr) == (2, f"{locked}: cannot read the file (permission denied)\n")


def test_validate_checks_directories_and_reports_all_files(run_line: RunLine) -> None:
    result = run_line("validate", "examples/profiles", "tests/corpus/level-7.yaml", "-f", "json")
    data = json.loads(result.stdout)
    assert [(d["file"], d["valid"]) for d in data] == [
        ("examples/profiles/junior-coordinator.yaml", True),
        ("examples/profiles/mid-career-planner.yaml", True),
        ("examples/profiles/senior-planner.yaml", True),
        ("tests/corpus/level-7.yaml", False),
    ]
    assert result.code == 1
    assert result.stderr == f"kmc-gap: {t('run.checked', n=4, invalid=1)}\n"


def test_validate_policy_file(run_line: RunLine, tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("min_evidence: 0\naccepted_kinds: [training, webinar]\n", encoding="utf-8")
    result = run_line("validate", "--policy", str(policy), "examples/profiles/senior-planner.yaml", "--lang", "en")
    assert result.code == 1
    assert result.stdout.splitlines() == [
        f"{policy}:1:15: min_evidence: must be at least 1",
        # "accepted_kinds: [" is 17 characters and "training, " 10: webinar starts in column 28
        f"{policy}:2:28: accepted_kinds[1]: must be one of: 'training', 'certificate', 'work_output', "
        "'experience', 'assessment', 'self_report'",
    ]


def test_validate_github_format_golden(run_line: RunLine, golden) -> None:
    files = [f"tests/corpus/{n}" for n in ("level-7.yaml", "unknown-code.yaml", "binary.yaml")]
    result = run_line("validate", *files, "--format", "github", "--lang", "en")
    assert result.code == 1
    golden("validate-github.txt", result.stdout)
    # files are checked in path order: binary.yaml comes first
    assert result.stdout.startswith(
        "::error file=tests/corpus/binary.yaml,title=kmc-gap file.binary::binary file, not YAML text\n"
        "::error file=tests/corpus/level-7.yaml,line=9,col=12,title=kmc-gap schema.invalid::"
    )


def test_validate_text_format_golden(run_line: RunLine, golden) -> None:
    files = [f"tests/corpus/{n}" for n in ("level-7.yaml", "unknown-code.yaml", "tabs.yaml")]
    result = run_line("validate", *files)
    golden("validate-text.zh-TW.txt", result.stdout)


def test_validate_usage_error(run_line: RunLine) -> None:
    assert run_line("validate").code == 2
    assert run_line("validate", "examples/profiles", "--format", "sarif").code == 2


def test_profiles_load_from_text_as_well_as_from_files() -> None:
    """The API's text loader (for an editor buffer or a web form) locates problems as the file loader does."""
    from kmc_gap.api.inputs import profile_from_text, standard
    from kmc_gap.model.problems import InputError

    std = standard(None)
    text = (CORPUS.parent.parent / "examples" / "profiles" / "senior-planner.yaml").read_text(encoding="utf-8")
    assert profile_from_text(text, "buffer", std).person.name == "王志明"
    with pytest.raises(InputError) as caught:
        profile_from_text((CORPUS / "level-7.yaml").read_text(encoding="utf-8"), "buffer", std)
    assert [(p.file, p.line, p.column) for p in caught.value.problems] == [("buffer", 9, 12)]


# docs/exit-codes-and-output.md: one form of place for each kind, whatever the file and sheet are called
_SHEET_PLACE = re.compile(r"(?P<file>.+):(?P<sheet>[^'!]+|'(?:[^']|'')+')!(?P<cell>[A-Z]+\d+|(?P<row>\d+):(?P=row))")


@settings(max_examples=examples(200))
@given(
    file=st.text(min_size=1, max_size=12).filter(lambda s: "\n" not in s),
    sheet=st.none() | st.text(min_size=1, max_size=12),
    line=st.none() | st.integers(1, 1_048_576),
    column=st.none() | st.integers(1, 16_384),
)
def test_a_place_is_written_in_the_one_form_of_its_kind(
    file: str, sheet: str | None, line: int | None, column: int | None
) -> None:
    place = Problem(file, "records.bad_date", line=line, column=column, sheet=sheet).location()
    if sheet is not None and line is not None:
        found = _SHEET_PLACE.fullmatch(place)
        assert found and found["file"] == file
        assert (found["row"] is None) == (column is not None)  # a cell, or the whole row as 6:6
        named = found["sheet"]
        assert (named[1:-1].replace("''", "'") if named.startswith("'") else named) == sheet
    elif line is None:
        assert place == file  # a whole file, or a whole sheet the message names
    else:
        assert place == f"{file}:{line}" + (f":{column}" if column is not None else "")
