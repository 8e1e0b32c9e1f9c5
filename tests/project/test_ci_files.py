"""The CI examples and the pre-commit hook are well formed and call real options."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, RunLine


def test_pre_commit_hook_runs_validate(run_line: RunLine) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "kmc-gap-validate"
    program, *args = shlex.split(hook["entry"])
    assert program == "kmc-gap"
    # pre-commit appends the staged file names
    assert run_line(*args, "examples/profiles/senior-planner.yaml").code == 0
    assert run_line(*args, "tests/corpus/level-7.yaml").code == 1


def _commands(path: Path) -> list[list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "jobs" in data:
        lines = [s.get("run", "") for job in data["jobs"].values() for s in job["steps"]]
    else:
        lines = [line for job in data.values() for line in job["script"]]
    commands = []
    for block in lines:
        for line in block.splitlines():
            if line.strip().startswith("kmc-gap "):
                words = shlex.split(line.split("||")[0].split(">>")[0])
                commands.append(words[1:])
    return commands


@pytest.mark.slow
def test_ci_examples_use_options_that_exist(run_line: RunLine, tmp_path: Path) -> None:
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        commands = _commands(ROOT / "examples" / "ci" / name)
        assert commands, name
        for args in commands:
            args = ["examples/profiles/" if a == "profiles/" else a for a in args]
            args = [str(tmp_path / a) if a.endswith(".xml") else a for a in args]
            result = run_line(*args)
            assert result.code in (0, 1), (name, args, result.stderr)  # 2 would be a usage error


def test_pre_commit_hook_matches_profiles_only() -> None:
    import re

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    pattern = re.compile(hook["files"])
    assert "--lang" not in hook["entry"]  # the language follows KMC_GAP_LANG
    for path in ("profiles/me.yaml", "team/profiles/a/b.yml"):
        assert pattern.search(path), path
    for path in (".github/workflows/ci.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml", "catalog.yaml"):
        assert not pattern.search(path), path


def test_gitlab_example_installs_git_on_its_slim_image() -> None:
    job = yaml.safe_load((ROOT / "examples" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))["kmc-gap"]
    assert job["image"].endswith("-slim")
    assert any("apt-get install" in line and " git" in line for line in job["before_script"])
    assert any("git+" in line for line in job["script"])


def test_github_example_reports_junit_on_the_pull_request() -> None:
    flow = yaml.safe_load((ROOT / "examples" / "ci" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["competency-gaps"]["steps"]
    report = next(s for s in steps if "junit-report" in s.get("uses", ""))
    assert report["with"]["report_paths"] == "kmc-gap-junit.xml" and report["if"] == "always()"
    assert flow["permissions"]["checks"] == "write"
