"""Each integrity rule rejects a broken standard with a located, plain message."""

from __future__ import annotations

from pathlib import Path

import pytest

from kmc_gap.model.loading import bundled_standard_path, load_standard
from kmc_gap.model.problems import InputError

ORIGINAL = bundled_standard_path().read_text(encoding="utf-8")


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """Write the bundled standard with the first ``old`` replaced; return it and the 1-based line."""
    assert old in ORIGINAL, old
    text = ORIGINAL.replace(old, new, 1)
    line = ORIGINAL[: ORIGINAL.index(old)].count("\n") + 1
    path = tmp_path / "std.yaml"
    path.write_text(text, encoding="utf-8")
    return path, line


def problems_of(path: Path) -> list[tuple[str, int | None, str]]:
    with pytest.raises(InputError) as info:
        load_standard(path)
    return [(p.key, p.line, p.message("en")) for p in info.value.problems]


def test_bundled_standard_is_valid() -> None:
    assert load_standard().code == "KMC3332-001v3"


def test_duplicate_indicator_code(tmp_path: Path) -> None:
    path, line = broken(tmp_path, "- code: P2.3.4", "- code: P2.3.3")
    assert problems_of(path) == [("standard.duplicate_code", line, "code P2.3.3 appears more than once")]


def test_indicator_under_the_wrong_task(tmp_path: Path) -> None:
    path, line = broken(tmp_path, "- code: P2.3.1", "- code: P2.2.9")
    assert problems_of(path) == [("standard.misplaced_code", line, "P2.2.9 does not belong under T2.3")]


def test_output_under_the_wrong_task(tmp_path: Path) -> None:
    path, line = broken(tmp_path, "- code: O5.3.1", "- code: O5.2.7")
    assert problems_of(path) == [("standard.misplaced_code", line, "O5.2.7 does not belong under T5.3")]


def test_task_under_the_wrong_duty(tmp_path: Path) -> None:
    path, line = broken(tmp_path, "- code: T5.3\n", "- code: T4.9\n")
    found = problems_of(path)
    assert found[0] == ("standard.misplaced_code", line, "T4.9 does not belong under T5")
    # its outputs and indicators (O5.3.1, P5.3.1, P5.3.2) no longer sit under their task either
    assert [f[0] for f in found[1:]] == ["standard.misplaced_code"] * 3


def test_undefined_knowledge(tmp_path: Path) -> None:
    path, line = broken(
        tmp_path,
        "knowledge: [K07, K10, K15, K16]\n        skills: [S09]",
        "knowledge: [K07, K10, K15, K16, K21]\n        skills: [S09]",
    )
    assert problems_of(path) == [("standard.undefined_item", line, "K21 is not defined in knowledge")]


def test_unused_skill(tmp_path: Path) -> None:
    path, line = broken(tmp_path, "  S19: {", "  S20: {name: 測試, name_en: Test}\n  S19: {")
    assert problems_of(path) == [("standard.unused_item", line, "S20 is defined but no task uses it")]


def test_item_listed_twice_in_a_task(tmp_path: Path) -> None:
    path, line = broken(tmp_path, "knowledge: [K12, K17, K18]", "knowledge: [K12, K17, K12]")
    k18_line = ORIGINAL[: ORIGINAL.index("  K18: {")].count("\n") + 1
    assert problems_of(path) == [
        ("standard.duplicate_item", line, "K12 is listed twice in T4.3"),
        ("standard.unused_item", k18_line, "K18 is defined but no task uses it"),  # only T4.3 used K18
    ]


@pytest.mark.parametrize("value", ["7", "0", '"4"', "4.5"])
def test_task_level_must_be_1_to_6(tmp_path: Path, value: str) -> None:
    path, line = broken(tmp_path, "        level: 3\n", f"        level: {value}\n")
    [(key, at, message)] = problems_of(path)
    assert (key, at) == ("schema.invalid", line)
    assert message.startswith("duties[4].tasks[2].level: ")


def test_malformed_code(tmp_path: Path) -> None:
    path, line = broken(tmp_path, "- code: T5.3\n", "- code: T5-3\n")
    found = problems_of(path)
    assert found[0][:2] == ("schema.invalid", line)
    assert "duties[4].tasks[2].code" in found[0][2]


def test_missing_field_points_at_its_parent(tmp_path: Path) -> None:
    path, _ = broken(
        tmp_path,
        "        name_en: Settle and reconcile expenses\n        level: 3\n",
        "        name_en: Settle and reconcile expenses\n",
    )
    text = path.read_text(encoding="utf-8")
    parent_line = text[: text.index("- code: T5.3")].count("\n") + 1
    assert problems_of(path) == [("schema.missing", parent_line, "missing required field duties[4].tasks[2].level")]


def test_unknown_field_points_at_the_key(tmp_path: Path) -> None:
    path, line = broken(tmp_path, "        level: 3\n", "        level: 3\n        levle: 3\n")
    assert problems_of(path) == [
        ("schema.unknown_hint", line + 1, "unknown field duties[4].tasks[2].levle (did you mean level?)")
    ]
