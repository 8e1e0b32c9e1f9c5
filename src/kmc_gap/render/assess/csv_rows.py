"""``--format csv``: one row per person × task, UTF-8 with a byte-order mark for Excel.

Text that a spreadsheet would run as a formula is neutralised with a leading ``'``.

The headers, task names and status words are in the chosen language, for the people who open it in
Excel; tools read the JSON, whose keys never change.
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from kmc_gap.model.lookup import names
from kmc_gap.render.assess import AssessRenderer
from kmc_gap.words import t
from kmc_gap.words.safe import csv_cell

if TYPE_CHECKING:
    from kmc_gap.engine.report import Report

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


class CsvRenderer(AssessRenderer):
    """A header row, then a row for each task of each report."""

    def start(self) -> None:
        """Write the optional BOM and the header."""
        if self.ctx.bom:
            self.out.write("\ufeff")
        self.writer = csv.writer(self.out, lineterminator="\r\n")
        self.writer.writerow([t(f"csv.col.{column}", self.ctx.lang) for column in COLUMNS])
        self.names = names(self.ctx.std, self.ctx.lang)

    def add(self, value: Report) -> None:
        """Write the report's task rows."""
        person = value["person"]
        for task in value["tasks"]:
            self.writer.writerow(
                [
                    csv_cell(person["id"] or ""),
                    csv_cell(person["name"]),
                    csv_cell(value["file"] or ""),
                    task["code"],
                    csv_cell(self.names[task["code"]]),
                    task["duty"],
                    task["level"],
                    t(f"status.{task['status']}", self.ctx.lang),
                    task["attained_level"],
                    task["items_met"],
                    task["items_total"],
                ]
            )
