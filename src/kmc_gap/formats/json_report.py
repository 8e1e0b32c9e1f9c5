"""``--format json``: the report as one JSON object, Chinese kept as Chinese."""

from __future__ import annotations

from typing import Any, TextIO

from kmc_gap.output import dumps_json


class JsonFormatter:
    """One indented JSON object per report."""

    def write(self, report: dict[str, Any], out: TextIO) -> None:
        """Write the report's JSON followed by a newline."""
        out.write(dumps_json(report) + "\n")


FORMATTER = JsonFormatter()
