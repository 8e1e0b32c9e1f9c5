"""`kmc-gap assess` through the CLI: golden outputs for each example, exit codes, thresholds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kmc_gap.words import t

from conftest import RunLine

AS_OF = ("--as-of", "2026-06-30")
EXAMPLES = ["junior-coordinator", "mid-career-planner", "senior-planner"]


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_table_golden(run_line: RunLine, golden, name: str, lang: str) -> None:
    result = run_line("assess", f"examples/profiles/{name}.yaml", *AS_OF, "--lang", lang)
    assert (result.code, result.stderr) == (0, "")
    golden(f"assess-{name}.{lang}.txt", result.stdout)
    assert "\x1b[" not in result.stdout  # no colour when NO_COLOR is set and stdout is not a terminal


@pytest.mark.parametrize("name", EXAMPLES)
def test_json_invariants(run_line: RunLine, name: str) -> None:
    """What every JSON report holds, checked on each example instead of a 3,000-line golden."""
    result = run_line("assess", f"examples/profiles/{name}.yaml", *AS_OF, "--format", "json")
    assert (result.code, result.stderr) == (0, "")
    assert "\\u" not in result.stdout  # Chinese stays Chinese
    data = json.loads(result.stdout)
    s = data["summary"]
    assert s["items_met"] == sum(t["items_met"] for t in data["tasks"])
    assert s["items_total"] == sum(t["items_total"] for t in data["tasks"]) == 205
    assert s["tasks_met"] == sum(t["status"] == "met" for t in data["tasks"])
    assert s["coverage"] == round(s["items_met"] / s["items_total"], 4)
    for task in data["tasks"]:
        assert task["items_met"] == sum(i["met"] for i in task["items"])
        assert task["name"] and all(i["name"] for i in task["items"] + task["outputs"])
    gap_codes = {g["code"] for g in data["gaps"]}
    assert gap_codes == {i["code"] for t in data["tasks"] for i in t["items"] if not i["met"]}
    assert data["lang"] == "zh-TW" and data["standard"]["name"] == "活動 (專案) 行銷企劃人員"


def test_json_excerpt_mid_career(run_line: RunLine) -> None:
    """A hand-checked excerpt: 林小美's T3.1 and her first gap, in Chinese and in English.

    T3.1 (level 4) lists 3 indicators, 8 knowledge and 9 skills = 20 items. P3.1.1 and P3.1.2
    are covered only by her sponsor-proposal draft at level 3, P3.1.3, S13 and S14 by nothing;
    the other 15 are covered at level 4: 15 of 20 met. S13 blocks T3.1–T3.4, more tasks than
    any other gap, so it leads the gap list.
    """
    data = json.loads(run_line("assess", "examples/profiles/mid-career-planner.yaml", *AS_OF, "-f", "json").stdout)
    t31 = next(t for t in data["tasks"] if t["code"] == "T3.1")
    assert (t31["name"], t31["level"], t31["status"], t31["items_met"], t31["items_total"]) == (
        "研擬合作提案",
        4,
        "partial",
        15,
        20,
    )
    unmet = [(i["code"], i["best_level"]) for i in t31["items"] if not i["met"]]
    assert unmet == [("P3.1.1", 3), ("P3.1.2", 3), ("P3.1.3", None), ("S13", None), ("S14", None)]
    first = data["gaps"][0]
    assert (first["code"], first["name"], first["tasks"]) == (
        "S13",
        "供應商、贊助商及利益關係人等分析與管理",
        ["T3.1", "T3.2", "T3.3", "T3.4"],
    )
    english = json.loads(
        run_line("assess", "examples/profiles/mid-career-planner.yaml", *AS_OF, "-f", "json", "--lang", "en").stdout
    )
    assert english["lang"] == "en"
    assert english["standard"]["name"] == "Event (Project) Marketing Planner"
    assert english["gaps"][0]["name"].startswith("Analysing and managing suppliers")

    # apart from names and the language, the two reports are the same data
    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("name", "lang")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    assert strip(english) == strip(data)


def test_json_shape(run_line: RunLine) -> None:
    data = json.loads(run_line("assess", "examples/profiles/mid-career-planner.yaml", *AS_OF, "-f", "json").stdout)
    assert set(data) >= {"standard", "person", "as_of", "policy", "summary", "tasks", "attitudes", "gaps", "evidence"}
    assert set(data["summary"]) >= {
        "meets_standard",
        "tasks_met",
        "tasks_total",
        "items_met",
        "items_total",
        "coverage",
    }
    task = data["tasks"][0]
    assert set(task) >= {"code", "duty", "level", "status", "attained_level", "items"}
    assert set(task["items"][0]) >= {"code", "type", "met", "best_level", "evidence"}
    assert set(data["attitudes"][0]) >= {"code", "met", "evidence"}
    assert set(data["gaps"][0]) >= {"code", "tasks", "required_level", "best_level"}
    assert set(data["evidence"][0]) >= {"id", "counted", "reason"}
    assert data["person"]["name"] == "林小美"
    assert data["as_of"] == "2026-06-30"
    assert data["policy"]["name"] == "default"
    # the expired 2019 safety certificate is listed with its reason
    expired = next(e for e in data["evidence"] if e["id"] == "osh-training-2019")
    assert (expired["counted"], expired["reason"]) == (False, "expired")


def test_senior_meets_and_mid_career_gaps_are_around_t3(run_line: RunLine) -> None:
    senior = json.loads(run_line("assess", "examples/profiles/senior-planner.yaml", *AS_OF, "-f", "json").stdout)
    assert senior["summary"]["meets_standard"] is True
    mid = json.loads(run_line("assess", "examples/profiles/mid-career-planner.yaml", *AS_OF, "-f", "json").stdout)
    unmet = {t["code"] for t in mid["tasks"] if t["status"] != "met"}
    assert unmet == {"T3.1", "T3.2", "T3.3", "T3.4"}
    junior = json.loads(run_line("assess", "examples/profiles/junior-coordinator.yaml", *AS_OF, "-f", "json").stdout)
    levels = [e["level"] for e in junior["evidence"]]
    assert levels.count(3) > len(levels) / 2
    assert [t["code"] for t in junior["tasks"] if t["status"] == "met"] == ["T5.3"]


def test_strict_policy_and_policy_file(run_line: RunLine, tmp_path: Path) -> None:
    strict = json.loads(
        run_line(
            "assess", "examples/profiles/mid-career-planner.yaml", *AS_OF, "-f", "json", "--policy", "strict"
        ).stdout
    )
    assert strict["policy"] == {
        "name": "strict",
        "min_evidence": 1,
        "require_verified": True,
        "max_age_years": 5,
        "accepted_kinds": ["training", "certificate", "work_output", "experience", "assessment"],
        "require_attitudes": False,
        "require_outputs": False,
        "pass_mark": 60,
    }
    reasons = {e["id"]: e["reason"] for e in strict["evidence"] if not e["counted"]}
    assert reasons == {
        "vendor-coordination": "not_verified",
        "osh-training-2019": "expired",
        "self-initiative": "kind_not_accepted",
    }
    policy = tmp_path / "policy.yaml"
    policy.write_text("min_evidence: 2\nrequire_outputs: true\n", encoding="utf-8")
    custom = json.loads(
        run_line(
            "assess", "examples/profiles/senior-planner.yaml", *AS_OF, "-f", "json", "--policy", str(policy)
        ).stdout
    )
    assert custom["policy"]["min_evidence"] == 2 and custom["policy"]["name"] == str(policy)
    assert custom["summary"]["meets_standard"] is False


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (("--fail-under", "90"), 0, ""),  # 186/205 = 90.73% ≥ 90
        (("--fail-under", "91"), 1, f"kmc-gap: {t('threshold.coverage', coverage='90.73', limit=91)}\n"),
        (("--require", "T1.1,T5.3"), 0, ""),
        (("--require", "T1.1,T3.2"), 1, f"kmc-gap: {t('threshold.tasks', tasks='T3.2')}\n"),
        (("--require", "all"), 1, f"kmc-gap: {t('threshold.tasks', tasks='T3.1, T3.2, T3.3, T3.4')}\n"),
    ],
)
def test_thresholds(run_line: RunLine, args: tuple[str, ...], code: int, stderr: str) -> None:
    result = run_line("assess", "examples/profiles/mid-career-planner.yaml", *AS_OF, "-f", "json", *args)
    assert (result.code, result.stderr) == (code, stderr)
    assert json.loads(result.stdout)["summary"]["items_met"] == 186  # the report is still printed


def test_senior_passes_require_all(run_line: RunLine) -> None:
    assert (
        run_line(
            "assess", "examples/profiles/senior-planner.yaml", *AS_OF, "--require", "all", "--fail-under", "100"
        ).code
        == 0
    )


def _usage(option: str, value: str, detail: str) -> str:
    """The start of a usage error about one option's value: its detail may go on (the choices, listed)."""
    said = t("usage.error", detail=t("usage.bad_value", name=option, value=value, detail=detail))
    return "kmc-gap: " + (said if detail else said[: said.index(value) + len(value)])


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (("--as-of", "2026-13-01"), _usage("--as-of", "'2026-13-01'", t("usage.date"))),
        (("--require", "T9.9"), "kmc-gap: " + t("usage.error", detail=t("usage.unknown_tasks", codes="T9.9"))),
        (("--fail-under", "101"), _usage("--fail-under", "'101'", "")),
        (("--format", "xml"), _usage("--format", "'xml'", t("usage.choice", choices="table、json"))),
        (("--policy", "lenient"), f"lenient: {t('file.missing')}"),
    ],
)
def test_usage_errors_exit_2(run_line: RunLine, args: tuple[str, ...], first: str) -> None:
    result = run_line("assess", "examples/profiles/senior-planner.yaml", *args)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith(first), result.stderr


def test_unknown_code_in_profile_is_located(run_line: RunLine, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(
        "standard: KMC3332-001v3\nperson: {name: 林小美}\nevidence:\n"
        "  - id: a\n    kind: training\n    title: 課程\n    date: 2025-01-01\n    level: 4\n"
        "    covers: [K03, K7]\n",
        encoding="utf-8",
    )
    result = run_line("assess", str(profile), "--lang", "en")
    assert (result.code, result.stdout) == (2, "")
    # line 9 is "    covers: [K03, K7]": 4 spaces + "covers: [" (9) + "K03, " (5) = 18 cells before K7
    assert result.stderr == f"{profile}:9:19: the standard has no code K7 (did you mean K07?)\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--as-of", "2026-13-01", "--require", "T9.9"), "--as-of"),  # the date first, as the help lists it
        (("--require", "T9.9", "--gaps", "x"), "T9.9"),  # an unknown task code, not the gap count
        (("--gaps", "x", "--policy", "lenient"), "--gaps"),
        (("--task", "T9.9", "--policy", "lenient"), "T9.9"),  # not the policy file
    ],
)
def test_options_are_checked_in_order_and_before_the_inputs(
    run_line: RunLine, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    """A wrong option is said before anything about the inputs: an empty folder stops a run, but only one whose
    options are right; of two wrong options, the one checked first is said."""
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_line("assess", str(empty), *args, "--lang", "en")
    assert result.code == 2
    first = result.stderr.splitlines()[0]
    assert said in first and str(empty) not in result.stderr
