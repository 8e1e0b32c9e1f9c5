"""Assessing many profiles: one report or one failure per file, in path order, in N processes.

Files are read and scored one at a time and each result is handed on at once, so memory does
not grow with the number of files. With ``jobs > 1`` a process pool scores files in parallel;
``imap`` keeps the results in input order, so the output is the same whatever ``jobs`` is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kmc_gap.loading import load_profile, load_standard
from kmc_gap.models import Policy, Standard
from kmc_gap.problems import InputError, Problem
from kmc_gap.scoring import assess
from kmc_gap.yamlsource import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to score a file the same way as the parent process."""

    standard_path: Path | None
    policy: Policy
    policy_name: str
    as_of: dt.date
    lang: str
    max_bytes: int = DEFAULT_MAX_BYTES
    redact: bool = False
    fmt: str | None = None  # the output format, whose render() may run here
    warn_days: int = 90


@dataclass
class Result:
    """The outcome for one file: a report, or the problems that stopped it."""

    file: str
    report: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    rendered: str | None = None  # the report's text, when its format renders reports one by one


def pseudonym(person: dict[str, Any]) -> str:
    """A stable pseudonym for a person: the same id and name always give the same one."""
    key = f"{person.get('id') or ''}\x00{person['name']}".encode()
    return "anon-" + hashlib.sha256(key).hexdigest()[:10]


def redact(report: dict[str, Any]) -> dict[str, Any]:
    """Replace the person's name and id, and the file name, with the pseudonym."""
    alias = pseudonym(report["person"])
    report["person"] = {**report["person"], "name": alias, "id": alias}
    report["file"] = alias
    return report


def score_file(path: Path, std: Standard, settings: Settings) -> Result:
    """Load and assess one profile; never raises for bad input."""
    name = str(path)
    try:
        profile = load_profile(path, std, name, settings.max_bytes)
    except InputError as exc:
        return Result(name, problems=exc.problems)
    report = assess(
        profile,
        std,
        settings.policy,
        settings.as_of,
        policy_name=settings.policy_name,
        lang=settings.lang,
        file=name,
        warn_days=settings.warn_days,
    )
    if settings.redact:
        report = redact(report)
    rendered = _render(settings.fmt, report)
    if rendered is None:
        return Result(name, report=report)
    # the text carries the report; the parent needs only the figures its thresholds check
    return Result(name, report=brief(report), rendered=rendered)


def brief(report: dict[str, Any]) -> dict[str, Any]:
    """The parts of a report that thresholds and summaries use."""
    return {
        "file": report["file"],
        "person": report["person"],
        "summary": report["summary"],
        "tasks": [{"code": t["code"], "status": t["status"]} for t in report["tasks"]],
    }


def _render(fmt: str | None, report: dict[str, Any]) -> str | None:
    if fmt is None:
        return None
    from kmc_gap.formats import OutputFormat, formatter_class

    return formatter_class(OutputFormat(fmt)).render(report)


_WORKER: tuple[Standard, Settings] | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = (load_standard(settings.standard_path), settings)


def _score_in_worker(path: Path) -> Result:
    assert _WORKER is not None
    return score_file(path, *_WORKER)


def results(paths: list[Path], std: Standard, settings: Settings, jobs: int = 1) -> Iterator[Result]:
    """Score ``paths`` in order; with ``jobs`` > 1 in that many processes (0: one per core)."""
    workers = (os.cpu_count() or 1) if jobs == 0 else jobs
    if workers <= 1 or len(paths) < 2:
        for path in paths:
            yield score_file(path, std, settings)
        return
    import multiprocessing

    chunk = max(1, min(32, len(paths) // (workers * 8)))
    with multiprocessing.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        yield from pool.imap(_score_in_worker, paths, chunksize=chunk)
