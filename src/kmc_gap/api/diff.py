"""`kmc-gap diff`: read two profiles or JSON reports of one person and compare them.

A side is a JSON report when its name ends in ``.json``, else a profile assessed with the given
date and policy. A JSON report is checked strictly against the report's type before use: a
``"met": "false"`` or a missing field is refused, never guessed at.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from kmc_gap.engine.diff import compare
from kmc_gap.engine.report import Diff, Report
from kmc_gap.engine.scoring import assess
from kmc_gap.model.kinds import InputKind, input_kind
from kmc_gap.model.loading import load_profile
from kmc_gap.model.lookup import codes_of
from kmc_gap.model.models import Policy, Standard
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES, read_text


@functools.cache
def _adapter() -> TypeAdapter[Report]:
    return TypeAdapter(Report)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number")


def load_report(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    """A JSON report from ``kmc-gap assess --format json``, checked against the report's type.

    The text is first read by the standard JSON parser, which refuses what a report never holds:
    ``Infinity`` and ``NaN``, integers too long to convert, nesting deeper than Python can follow.
    """
    name = shown(path)
    text = read_text(path, name, max_bytes)
    try:
        json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError([Problem(name, "json.syntax", {}, exc.lineno, exc.colno)]) from None
    except (ValueError, RecursionError):
        raise InputError([Problem(name, "json.not_report", {"field": "/"})]) from None
    try:
        return _adapter().validate_json(text, strict=True)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]  # one message: the file is not a report
        raise InputError(
            [Problem(name, "json.not_report", {"field": ".".join(map(str, first["loc"])) or "/"})]
        ) from None


def report_of(path: Path, std: Standard, policy: Policy, as_of: dt.date, policy_name: str, max_bytes: int) -> Report:
    """The report of one side: read from JSON, or made by assessing a profile."""
    if input_kind(path) is not InputKind.profile:  # a report (a CASE package or a credential is refused as one)
        report = load_report(path, max_bytes)
        _check_codes(report, std, shown(path))
        return report
    prof = load_profile(path, std, shown(path), max_bytes)
    return assess(prof, std, policy, as_of, policy_name=policy_name, file=shown(path))


def _check_codes(report: Report, std: Standard, name: str) -> None:
    """A report of another standard (or a hand-edited one) names codes this standard lacks: say which."""
    known = set(codes_of(std)) | {task.code for task in std.tasks()} | {duty.code for duty in std.duties}
    used = [task["code"] for task in report["tasks"]]
    used += [item["code"] for task in report["tasks"] for item in (*task["items"], *task["outputs"])]
    used += [gap["code"] for gap in report["gaps"]] + [a["code"] for a in report["attitudes"]]
    used += [duty["code"] for duty in report["duties"]]
    unknown = next((code for code in used if code not in known), None)
    if unknown is not None:
        raise InputError([Problem(name, "json.unknown_code", {"code": unknown, "standard": std.code})])


@dataclass(frozen=True)
class DiffRequest:
    """What `kmc-gap diff` is asked: two profiles or reports of one person, scored the same way."""

    old: Path
    new: Path
    policy: Policy
    as_of: dt.date
    policy_name: str = "default"
    max_bytes: int = DEFAULT_MAX_BYTES


def diff(request: DiffRequest, std: Standard) -> Diff:
    """Compare the request's ``old`` with its ``new``; raises ``InputError`` for a bad file."""
    old, new, policy, as_of = request.old, request.new, request.policy, request.as_of
    policy_name, max_bytes = request.policy_name, request.max_bytes
    before = report_of(old, std, policy, as_of, policy_name, max_bytes)
    after = report_of(new, std, policy, as_of, policy_name, max_bytes)
    return compare(before, after)
