"""The fixed choices the command line offers, kept apart so that parsing options imports nothing heavy."""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    """Language of labels and messages."""

    zh_TW = "zh-TW"
    en = "en"


class ViewFormat(StrEnum):
    """Output formats of `kmc-gap standard`."""

    table = "table"
    json = "json"


class ProblemFormat(StrEnum):
    """How `validate` prints what it found."""

    text = "text"
    json = "json"
    github = "github"


class SchemaName(StrEnum):
    """The documents kmc-gap has a schema for."""

    profile = "profile"
    policy = "policy"
    report = "report"
    standard = "standard"


class PlanFormat(StrEnum):
    """Output formats of `kmc-gap plan` and `kmc-gap diff`."""

    table = "table"
    json = "json"
    markdown = "markdown"
