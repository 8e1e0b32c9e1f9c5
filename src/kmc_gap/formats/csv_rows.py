"""``--format csv``: one row per person × task, UTF-8 with a byte-order mark for Excel."""

from __future__ import annotations

import csv
from typing import Any

from kmc_gap.formats import Formatter

COLUMNS = [
    "person_id",
    "person_name",
    "file",
    "task",
    "task_name",
    "duty",
    "level",
    "status",
    "attained_level",
    "items_met",
    "items_total",
]


class CsvFormatter(Formatter):
    """A header row, then a row for each task of each report."""

    def start(self) -> None:
        """Write the optional BOM and the header."""
        if self.options.bom:
            self.out.write("\ufeff")
        self.writer = csv.writer(self.out, lineterminator="\r\n")
        self.writer.writerow(COLUMNS)

    def report(self, report: dict[str, Any], rendered: str | None = None) -> None:
        """Write the report's task rows."""
        person = report["person"]
        for t in report["tasks"]:
            self.writer.writerow(
                [
                    person.get("id") or "",
                    person["name"],
                    report.get("file") or "",
                    t["code"],
                    t["name"],
                    t["duty"],
                    t["level"],
                    t["status"],
                    t["attained_level"],
                    t["items_met"],
                    t["items_total"],
                ]
            )


FORMATTER = CsvFormatter
