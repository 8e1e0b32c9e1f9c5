"""The CI examples and the pre-commit hook are well formed and call real options."""

from __future__ import annotations

import shlex
from pathlib import Path

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


def test_ci_examples_use_options_that_exist(run_line: RunLine, tmp_path: Path) -> None:
    for name in ("github-actions.yml", "gitlab-ci.yml"):
        commands = _commands(ROOT / "examples" / "ci" / name)
        assert commands, name
        for args in commands:
            args = ["examples/profiles/" if a == "profiles/" else a for a in args]
            args = [str(tmp_path / a) if a.endswith(".xml") else a for a in args]
            result = run_line(*args)
            assert result.code in (0, 1), (name, args, result.stderr)  # 2 would be a usage error
