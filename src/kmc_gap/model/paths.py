"""Turning the paths a user gives into the list of files to read."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

YAML_SUFFIXES = (".yaml", ".yml")


def expand(paths: Iterable[Path]) -> list[Path]:
    """The files named and the ``*.yaml``/``*.yml`` files under the directories, sorted by path.

    Sorting the whole list makes the order of reports the same on every machine and for any
    number of worker processes.
    """
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())
        else:
            found.add(path)
    return sorted(found, key=str)
