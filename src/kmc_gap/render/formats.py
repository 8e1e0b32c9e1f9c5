"""The output formats of every command, as ``str`` enums, kept apart so that parsing options imports nothing heavy.

Each command's registry (``RENDERERS`` in its render module) maps every member of its enum to a
renderer; a test checks that none is missing.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TypeVar


class AssessFormat(StrEnum):
    """The formats `kmc-gap assess --format` accepts."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    junit = "junit"
    html = "html"
    xlsx = "xlsx"
    summary = "summary"


class GroupBy(StrEnum):
    """What ``--group-by`` groups a cohort's people by: a field of each person."""

    organisation = "organisation"
    role = "role"


class ValidateFormat(StrEnum):
    """How `validate` prints what it found."""

    text = "text"
    json = "json"
    github = "github"


class ViewFormat(StrEnum):
    """Output formats of `kmc-gap standard`: ``case`` is the whole standard as a 1EdTech CASE package."""

    table = "table"
    json = "json"
    case = "case"


class ConfigFormat(StrEnum):
    """`kmc-gap config`: the settings for people, or as JSON."""

    table = "table"
    json = "json"


class DocFormat(StrEnum):
    """`kmc-gap plan` and `kmc-gap diff`: a table for people, JSON for tools, Markdown for pull requests."""

    table = "table"
    json = "json"
    markdown = "markdown"


class PlanFormat(StrEnum):
    """`kmc-gap plan`: a table, JSON, Markdown, and to hand over a CSV of attendance, an HTML page, a workbook."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    summary = "summary"  # the team's one-page summary with the plan: the CLI makes it with assess's renderer


class CalibrateFormat(StrEnum):
    """`kmc-gap calibrate`: a table, JSON for tools, Markdown, a workbook."""

    table = "table"
    json = "json"
    markdown = "markdown"
    xlsx = "xlsx"


class ImportFormat(StrEnum):
    """What `kmc-gap import` reports of its changes: a table for people, JSON for tools."""

    table = "table"
    json = "json"


class InspectFormat(StrEnum):
    """What `kmc-gap records inspect` says of the files: lines for people, JSON for tools."""

    table = "table"
    json = "json"


class SkeletonFormat(StrEnum):
    """`kmc-gap catalog init` writes a workbook (or CSV) to fill in."""

    xlsx = "xlsx"
    csv = "csv"


class SchemaFormat(StrEnum):
    """Schemas are JSON documents."""

    json = "json"


class StarterFormat(StrEnum):
    """A starter profile is YAML."""

    yaml = "yaml"


_BY_SUFFIX = {
    ".json": AssessFormat.json,
    ".jsonl": AssessFormat.jsonl,
    ".ndjson": AssessFormat.jsonl,
    ".csv": AssessFormat.csv,
    ".md": AssessFormat.markdown,
    ".markdown": AssessFormat.markdown,
    ".xml": AssessFormat.junit,
    ".html": AssessFormat.html,
    ".htm": AssessFormat.html,
    ".txt": AssessFormat.table,
    ".xlsx": AssessFormat.xlsx,
}

F = TypeVar("F", bound=StrEnum)


def format_for(output: Path | None) -> AssessFormat | None:
    """The format an ``-o`` file's extension asks for (an explicit ``--format`` wins)."""
    return _BY_SUFFIX.get(output.suffix.lower()) if output is not None else None


def format_in(formats: type[F], output: Path | None) -> F | None:
    """The member of ``formats`` that an ``-o`` file's extension asks for, where that command has it."""
    found = format_for(output)
    return formats(found.value) if found is not None and found.value in formats.__members__ else None


def suffixes_for(formats: type[StrEnum]) -> list[str]:
    """The ``-o`` file endings that ask for one of ``formats`` (``.json``, ``.html`` …), in a stable order."""
    return [suffix for suffix, found in _BY_SUFFIX.items() if found.value in formats.__members__]


def unknown_suffix(formats: type[StrEnum], output: Path | None) -> str | None:
    """The ending of an ``-o`` file that asks for none of ``formats`` (``.pdf``, ``.docx``); None when it has no
    ending (``report``, ``/dev/stdout``) or a known one."""
    if output is None or not output.suffix:
        return None
    return None if output.suffix.lower() in suffixes_for(formats) else output.suffix
