"""``--format json``: one report as a JSON object, several as a JSON array, Chinese kept as Chinese."""

from __future__ import annotations

from typing import Any

from kmc_gap.formats import Formatter
from kmc_gap.output import dumps_json


class JsonFormatter(Formatter):
    """An indented object for one input; an array, written element by element, for several."""

    count = 0

    def start(self) -> None:
        """Open the array in cohort mode."""
        if self.options.cohort:
            self.out.write("[")

    @staticmethod
    def render(report: dict[str, Any]) -> str:
        """The report as indented JSON."""
        return dumps_json(report)

    def report(self, report: dict[str, Any], rendered: str | None = None) -> None:
        """Write one report (after a comma in an array)."""
        if self.options.cohort:
            self.out.write(",\n" if self.count else "\n")
        self.out.write(rendered if rendered is not None else self.render(report))
        self.count += 1
        if not self.options.cohort:
            self.out.write("\n")

    def finish(self) -> None:
        """Close the array in cohort mode."""
        if self.options.cohort:
            self.out.write("\n]\n" if self.count else "]\n")


FORMATTER = JsonFormatter
