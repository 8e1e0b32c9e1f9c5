"""Settings in one place: a config file and ``KMC_GAP_*`` variables for the options a team always gives.

The file is ``kmc-gap.toml`` (top-level keys), or the ``[tool.kmc-gap]`` table of ``pyproject.toml``,
found from the working folder up, as ruff and yamllint find theirs; in one folder ``kmc-gap.toml``
comes first. The environment variables are ``KMC_GAP_STANDARD``, ``KMC_GAP_CATALOG``,
``KMC_GAP_POLICY``, ``KMC_GAP_ROSTER`` (several files separated by the path separator, ``:`` or
``;`` on Windows), ``KMC_GAP_MAPPING`` and ``KMC_GAP_LANG``. A flag given on the command line wins
over the environment, the environment over the file, the file over kmc-gap's default; a path in
the file is relative to the file's folder. `kmc-gap config` shows what is in force and where each
value came from.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kmc_gap.model.paths import shown
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.words import parse_lang

CONFIG_FILE = "kmc-gap.toml"
PYPROJECT = "pyproject.toml"
ENV_PREFIX = "KMC_GAP_"

#: The settings, and whether each names files (resolved against the config file's folder).
SETTINGS: dict[str, bool] = {
    "standard": True,
    "catalog": True,
    "policy": True,  # ``default``, ``strict`` or a file
    "roster": True,  # one file or a list
    "mapping": True,
    "lang": False,
}
#: The settings that may hold several files.
LISTS = frozenset({"roster"})


@dataclass(frozen=True)
class Setting:
    """One setting in force: its value, and where it came from (``env``, a config file, or ``default``)."""

    name: str
    value: str | tuple[str, ...] | None
    source: str  # "default", "env", or the config file as shown


@dataclass
class Config:
    """Every setting, the file they were read from (if any), and the warnings of reading it."""

    settings: dict[str, Setting] = field(default_factory=dict)
    path: Path | None = None  # the config file, when one was found: an input of the run, never written over
    warnings: list[Problem] = field(default_factory=list)
    cache: str | None = None  # the folder of checked standards, as `kmc-gap config` shows it (see cache_folder)

    @property
    def file(self) -> str | None:
        """The config file as messages and JSON name it."""
        return shown(self.path) if self.path is not None else None

    def value(self, name: str) -> Any:
        """A setting's value, or None when kmc-gap's default stands."""
        return self.settings[name].value


def find_file(start: Path) -> tuple[Path, Mapping[str, Any]] | None:
    """The nearest config file from ``start`` up, and its kmc-gap table; ``InputError`` when it cannot be read."""
    for folder in (start, *start.parents):
        for name in (CONFIG_FILE, PYPROJECT):
            path = folder / name
            if not path.is_file():
                continue
            data = _toml(path)
            if name == CONFIG_FILE:
                return path, data
            tool = data.get("tool")
            table = tool.get("kmc-gap") if isinstance(tool, dict) else None
            if isinstance(table, dict):
                return path, table
    return None


def _toml(path: Path) -> dict[str, Any]:
    import tomllib

    name = shown(path)
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except RecursionError:  # brackets nested thousands deep: tomllib recurses once a level
        raise InputError([Problem(name, "config.too_deep")]) from None
    except tomllib.TOMLDecodeError as exc:  # its reason is English only: the place and a hint are said instead
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        text = _line(path, line)
        key = "config.syntax_full_width" if text != unicodedata.normalize("NFKC", text) else "config.syntax"
        raise InputError([Problem(name, key, {}, line, col)]) from None
    except OSError as exc:
        raise InputError([Problem(name, "file.unreadable", {"reason": exc.strerror or str(exc)})]) from None


def _line(path: Path, number: int | None) -> str:
    """Line ``number`` of a text file (1-based), or nothing."""
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return lines[number - 1] if number is not None and 0 < number <= len(lines) else ""


def load_config(cwd: Path, environ: Mapping[str, str]) -> Config:
    """The settings in force in ``cwd`` with ``environ``: env over file over default."""
    config = Config()
    found = find_file(cwd)
    table: Mapping[str, Any] = {}
    folder = cwd
    if found is not None:
        path, table = found
        config.path, folder = path, path.parent
        unknown = sorted(set(table) - set(SETTINGS))
        if unknown:
            config.warnings.append(Problem(shown(path), "config.unknown", {"keys": ", ".join(unknown)}))
    problems: list[Problem] = []
    for name, is_path in SETTINGS.items():
        env = environ.get(ENV_PREFIX + name.upper(), "").strip()
        if env:
            value: str | tuple[str, ...] = tuple(p for p in env.split(os.pathsep) if p) if name in LISTS else env
            config.settings[name] = Setting(name, value, "env")
        elif name in table:
            checked = _file_value(name, table[name], is_path, folder, cwd, config.file or "", problems)
            config.settings[name] = Setting(name, checked, config.file or "")
        else:
            config.settings[name] = Setting(name, None, "default")
    lang = config.settings["lang"]
    if lang.source != "default" and isinstance(lang.value, str) and parse_lang(lang.value) is None:
        # refused wherever it is given, as --lang fr is: the variable by its name, the file with its place
        where = ENV_PREFIX + "LANG" if lang.source == "env" else lang.source
        problems.append(Problem(where, "config.bad_value", {"key": "lang", "value": lang.value}))
    if problems:
        raise InputError(problems)
    return config


def cache_folder() -> str | None:
    """Where checked standards are kept (:mod:`kmc_gap.model.stdcache`), as shown; None when they are not."""
    from kmc_gap.model.stdcache import cache_dir

    folder = cache_dir()
    return shown(folder) if folder is not None else None


def _file_value(
    name: str, raw: Any, is_path: bool, folder: Path, cwd: Path, file: str, problems: list[Problem]
) -> str | tuple[str, ...] | None:
    values = raw if isinstance(raw, list) and name in LISTS else [raw]
    if not values or not all(isinstance(v, str) and v.strip() for v in values):
        shown_value = json.dumps(raw, ensure_ascii=False, default=str)[:200]  # a TOML date, a table: said, not raised
        problems.append(Problem(file, "config.bad_value", {"key": name, "value": shown_value}))
        return None
    out = [_relative(folder / v, cwd) if is_path and not _builtin(name, v) else v for v in values]
    return tuple(out) if name in LISTS else out[0]


def _builtin(name: str, value: str) -> bool:
    """``policy = "strict"``: a built-in name, not a file."""
    from kmc_gap.model.models import POLICY_NAMES

    return name == "policy" and value in POLICY_NAMES


def _relative(path: Path, cwd: Path) -> str:
    """A path from the config file's folder, written from the working folder where it can be."""
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive (Windows)
        return str(path)
