"""``--format jsonl``: one compact report per line, for streaming into other tools."""

from __future__ import annotations

from typing import Any

from kmc_gap.formats import Formatter
from kmc_gap.output import dumps_json


class JsonLinesFormatter(Formatter):
    """Each report on its own line."""

    def report(self, report: dict[str, Any]) -> None:
        """Write the report as one line of JSON."""
        self.out.write(dumps_json(report, indent=False) + "\n")


FORMATTER = JsonLinesFormatter
