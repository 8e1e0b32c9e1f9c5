"""Turning the paths a user gives into the list of files to read, and naming paths for people.

A search of a folder says what it passed over — unreadable folders, dangling links, pipes and
devices — instead of skipping them in silence, and a folder with no profiles at all is an error,
so that a mistyped path in a CI job cannot pass for an empty team.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kmc_gap.model.problems import Problem, os_reason

YAML_SUFFIXES = (".yaml", ".yml")
#: The file name endings read as HR record tables: CSV, and the workbooks python-calamine reads.
SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
#: Text tables too: TSV, and Excel's "Unicode text" (UTF-16, tab-separated) saved as ``.txt``.
RECORD_SUFFIXES = (".csv", ".tsv", ".txt", *SHEET_SUFFIXES)


def split_sheet(path: Path) -> tuple[Path, str | None]:
    """``export.xlsx#證照`` as the workbook and the sheet it names; any other path as it is.

    A file whose own name holds ``#`` is read as it is when it exists.
    """
    text = os.fsdecode(path)
    head, mark, sheet = text.rpartition("#")
    if mark and sheet.strip() and Path(head).suffix.lower() in SHEET_SUFFIXES and not path.exists():
        return Path(head), sheet.strip()
    return path, None


def shown(path: Path | str) -> str:
    """A path as text people and JSON can carry: bytes that are not UTF-8 shown as ``\\xff``."""
    text = os.fsdecode(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class Expansion:
    """The files to read, the entries passed over (warnings) and the folders with no profile (errors)."""

    files: list[Path] = field(default_factory=list)
    named: frozenset[Path] = frozenset()  # the files given directly; the others were found in folders
    skipped: list[Problem] = field(default_factory=list)
    empty: list[Problem] = field(default_factory=list)


def expand(paths: Sequence[Path], suffixes: Sequence[str], keep: Callable[[Path], bool]) -> Expansion:
    """The files named, and the regular files under the directories with one of ``suffixes`` that ``keep`` accepts.

    ``keep`` may look into a file (:func:`kmc_gap.model.kinds.found_in_folders`: a ``.json`` that holds
    a credential). Sorting the whole list makes the order of reports the same on every machine and for
    any number of worker processes.
    """
    result = Expansion()
    found: set[Path] = set()
    for path in paths:
        if not path.is_dir():
            found.add(path)
            continue
        before = len(found)
        _search(path, found, result.skipped, tuple(suffixes), keep)
        if len(found) == before:
            result.empty.append(Problem(shown(path), "file.no_profiles"))
    result.files = sorted(found, key=str)
    result.named = frozenset(path for path in paths if not path.is_dir())
    return result


def _search(
    folder: Path, found: set[Path], skipped: list[Problem], suffixes: tuple[str, ...], keep: Callable[[Path], bool]
) -> None:
    def unreadable(exc: OSError) -> None:
        skipped.append(Problem(shown(exc.filename or folder), "file.skipped_folder", {"reason": os_reason(exc)}))

    for root, _, names in os.walk(folder, onerror=unreadable):
        for name in names:
            path = Path(root) / name
            if path.suffix.lower() not in suffixes:
                continue
            try:
                mode = os.stat(path).st_mode
            except OSError:
                skipped.append(Problem(shown(path), "file.skipped_link"))
                continue
            if not stat.S_ISREG(mode):
                skipped.append(Problem(shown(path), "file.skipped_special"))
            elif keep(path):
                found.add(path)
