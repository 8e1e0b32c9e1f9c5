"""``--format json``: the report as one JSON object, Chinese kept as Chinese."""

from __future__ import annotations

from typing import TextIO

from kmc_gap.output import dumps_json
from kmc_gap.report import Report


class JsonFormatter:
    """One indented JSON object per report."""

    def write(self, report: Report, out: TextIO) -> None:
        """Write the report's JSON form followed by a newline."""
        out.write(dumps_json(report.to_json_data()) + "\n")


FORMATTER = JsonFormatter()
