"""The formats of the one-document commands, `kmc-gap plan` and `kmc-gap diff`."""

from __future__ import annotations

from enum import StrEnum


class DocFormat(StrEnum):
    """A table for people, JSON for tools, Markdown for pull requests and wikis."""

    table = "table"
    json = "json"
    markdown = "markdown"
