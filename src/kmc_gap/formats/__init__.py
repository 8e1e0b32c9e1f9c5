"""Output formats of `kmc-gap assess`, one small module each behind one interface.

Each format module defines ``FORMATTER``, an object with ``write(report, out)``. Modules are
imported only when their format is asked for, so that JSON output never loads Rich.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from typing import Any, Protocol, TextIO


class OutputFormat(StrEnum):
    """The formats `kmc-gap assess --format` accepts."""

    table = "table"
    json = "json"


class Formatter(Protocol):
    """Writes one report to a text stream."""

    def write(self, report: dict[str, Any], out: TextIO) -> None:
        """Render ``report`` onto ``out``."""


_MODULES: dict[OutputFormat, str] = {
    OutputFormat.table: "kmc_gap.formats.table",
    OutputFormat.json: "kmc_gap.formats.json_report",
}


def formatter(fmt: OutputFormat) -> Formatter:
    """The formatter for ``fmt``, importing its module on first use."""
    module = importlib.import_module(_MODULES[fmt])
    found: Formatter = module.FORMATTER
    return found
