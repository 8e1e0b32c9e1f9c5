"""``--format json``: one report as a JSON object, several as a JSON array, Chinese kept as Chinese."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.render.assess import AssessRenderer
from kmc_gap.render.base import RenderContext
from kmc_gap.render.names import name_report
from kmc_gap.render.text import json_bytes, write_utf8

if TYPE_CHECKING:
    from kmc_gap.engine.report import Report


def named(report: Report, ctx: RenderContext) -> Report:
    """The report with its names and language, as JSON readers get it."""
    return name_report(report, ctx.std, ctx.lang)


class JsonRenderer(AssessRenderer):
    """An indented object for one input; an array, written element by element, for several."""

    pieces = True
    count = 0

    @classmethod
    def piece(cls, report: Report, ctx: RenderContext) -> bytes:
        """The report as indented JSON."""
        return json_bytes(named(report, ctx))

    def start(self) -> None:
        """Open the array in cohort mode."""
        if self.ctx.cohort:
            self.out.write("[")

    def add_piece(self, data: bytes) -> None:
        """Write one report (after a comma in an array)."""
        if self.ctx.cohort:
            self.out.write(",\n" if self.count else "\n")
        write_utf8(self.out, data)
        self.count += 1
        if not self.ctx.cohort:
            self.out.write("\n")

    def finish(self) -> None:
        """Close the array in cohort mode."""
        if self.ctx.cohort:
            self.out.write("\n]\n" if self.count else "]\n")
