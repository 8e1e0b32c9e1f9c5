"""``--format jsonl``: one compact report per line, for streaming into other tools."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.render.assess import AssessRenderer
from kmc_gap.render.assess.json_report import named
from kmc_gap.render.base import RenderContext
from kmc_gap.render.text import json_bytes

if TYPE_CHECKING:
    from kmc_gap.engine.report import Report


class JsonLinesRenderer(AssessRenderer):
    """Each report on its own line."""

    pieces = True

    @classmethod
    def piece(cls, report: Report, ctx: RenderContext) -> bytes:
        """The report as one line of JSON."""
        return json_bytes(named(report, ctx), indent=False) + b"\n"
