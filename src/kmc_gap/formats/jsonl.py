"""``--format jsonl``: one compact report per line, for streaming into other tools."""

from __future__ import annotations

from typing import Any

from kmc_gap.formats import Formatter
from kmc_gap.output import dumps_json


class JsonLinesFormatter(Formatter):
    """Each report on its own line."""

    @staticmethod
    def render(report: dict[str, Any]) -> str:
        """The report as one line of JSON."""
        return dumps_json(report, indent=False) + "\n"

    def report(self, report: dict[str, Any], rendered: str | None = None) -> None:
        """Write the report's line."""
        self.out.write(rendered if rendered is not None else self.render(report))


FORMATTER = JsonLinesFormatter
