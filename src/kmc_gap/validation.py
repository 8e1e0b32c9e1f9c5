"""`kmc-gap validate`: check many files without scoring, and report problems in three formats."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from kmc_gap.choices import ProblemFormat
from kmc_gap.loading import load_policy, load_profile
from kmc_gap.models import Standard
from kmc_gap.output import dumps_json
from kmc_gap.problems import InputError, Problem
from kmc_gap.yamlsource import DEFAULT_MAX_BYTES


@dataclass
class FileResult:
    """One checked file and its problems (none when valid)."""

    file: str
    kind: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether the file has no problems."""
        return not self.problems


def check_file(path: Path, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    """Load one profile; its problems, if any."""
    try:
        load_profile(path, std, str(path), max_bytes)
    except InputError as exc:
        return FileResult(str(path), "profile", exc.problems)
    return FileResult(str(path), "profile")


def check_policy(spec: str, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    """Load a policy file (or name); its problems, if any."""
    try:
        load_policy(spec, max_bytes)
    except InputError as exc:
        return FileResult(spec, "policy", exc.problems)
    return FileResult(spec, "policy")


def write_text(results: list[FileResult], out: TextIO, lang: str) -> None:
    """``file:line:col: message`` for every problem."""
    for result in results:
        for problem in result.problems:
            out.write(problem.format(lang) + "\n")


def write_json(results: list[FileResult], out: TextIO, lang: str) -> None:
    """One JSON array: each file with ``valid`` and its problems."""
    data = [
        {"file": r.file, "kind": r.kind, "valid": r.valid, "problems": [p.to_dict(lang) for p in r.problems]}
        for r in results
    ]
    out.write(dumps_json(data) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(results: list[FileResult], out: TextIO, lang: str) -> None:
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…::message``."""
    for result in results:
        for p in result.problems:
            props = [f"file={_escape_property(p.file)}"]
            if p.line is not None:
                props.append(f"line={p.line}")
            if p.column is not None:
                props.append(f"col={p.column}")
            props.append(f"title={_escape_property('kmc-gap ' + p.key)}")
            out.write(f"::error {','.join(props)}::{_escape_data(p.message(lang))}\n")


WRITERS = {ProblemFormat.text: write_text, ProblemFormat.json: write_json, ProblemFormat.github: write_github}
