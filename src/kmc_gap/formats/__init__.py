"""Output formats of `kmc-gap assess`, one small module each behind one interface.

A formatter receives reports (and files that failed) one at a time and writes as it goes, so
a cohort of any size streams through in constant memory where the format allows it. Each
format module defines ``FORMATTER``, a :class:`Formatter` subclass; modules are imported
only when their format is asked for, so that JSON output never loads Rich.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from kmc_gap.problems import Problem


#: How many gaps the human-readable formats list before pointing to the JSON for the rest.
TOP_GAPS = 10


def percent(fraction: float) -> str:
    """0.8780 → ``87.8%``; 0.6885 → ``68.9%`` (half up, on the decimal value the report holds)."""
    value = (Decimal(str(fraction)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value}%"


def verdict_text(summary: dict[str, Any], lang: str) -> str:
    """ "Meets the standard" or "Does not yet meet the standard", in ``lang``."""
    from kmc_gap.labels import label

    return label("verdict.met" if summary["meets_standard"] else "verdict.not_met", lang)


def figures_text(summary: dict[str, Any], lang: str) -> str:
    """The headline figures: tasks met, items met and coverage."""
    from kmc_gap.labels import label

    return label(
        "summary_line",
        lang,
        tm=summary["tasks_met"],
        tt=summary["tasks_total"],
        im=summary["items_met"],
        it=summary["items_total"],
        pct=percent(summary["coverage"]),
    )


class OutputFormat(StrEnum):
    """The formats `kmc-gap assess --format` accepts."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"
    junit = "junit"
    html = "html"


@dataclass(frozen=True)
class FormatOptions:
    """What a formatter needs to know besides the reports."""

    lang: str = "zh-TW"
    cohort: bool = False  # several inputs: a summary across people rather than one person's detail
    bom: bool = True  # csv: start with a UTF-8 byte-order mark so that Excel reads Chinese correctly


class Formatter:
    """Writes reports to ``out``: :meth:`start`, then :meth:`report`/:meth:`failure` per file, then :meth:`finish`."""

    def __init__(self, out: TextIO, options: FormatOptions) -> None:
        self.out = out
        self.options = options

    def start(self) -> None:
        """Called once before the first report."""

    @staticmethod
    def render(report: dict[str, Any]) -> str | None:
        """The text of one report made on its own, or None when the format needs the whole cohort.

        Where it returns text, worker processes render reports in parallel and the parent only
        writes the text out.
        """
        return None

    def report(self, report: dict[str, Any], rendered: str | None = None) -> None:
        """Called for each report, in path order, with its :meth:`render` text when there is one.

        With ``rendered`` set, ``report`` may hold only ``file``, ``person``, ``summary`` and the
        tasks' codes and statuses.
        """
        raise NotImplementedError

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Called for each file that could not be assessed (its problems also go to stderr)."""

    def finish(self) -> None:
        """Called once after the last report."""


@dataclass
class Tally:
    """What cohort summaries keep of each report: a row per person and counts of missing items."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    missing: Counter[str] = field(default_factory=Counter)
    names: dict[str, str] = field(default_factory=dict)
    failures: list[tuple[str, list[Problem]]] = field(default_factory=list)

    def add(self, report: dict[str, Any]) -> None:
        """Keep the figures of one report (not the report itself)."""
        self.rows.append(
            {
                "name": report["person"]["name"],
                "id": report["person"].get("id"),
                "summary": report["summary"],
                "status": {t["code"]: t["status"] for t in report["tasks"]},
            }
        )
        for gap in report["gaps"]:
            self.missing[gap["code"]] += 1
            self.names.setdefault(gap["code"], gap["name"])


class SummaryFormatter(Formatter):
    """A format that shows one person in detail, and several people as a summary at the end."""

    def start(self) -> None:
        """Prepare the cohort tally."""
        self.tally = Tally()
        self.context: dict[str, Any] | None = None  # the first report: standard, date, policy

    def report(self, report: dict[str, Any], rendered: str | None = None) -> None:
        """Show one person, or keep the report's figures for the cohort summary."""
        if self.options.cohort:
            self.context = self.context or report
            self.tally.add(report)
        else:
            self.person(report)

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Keep the failure for the summary's list of files that failed."""
        self.tally.failures.append((file, problems))

    def person(self, report: dict[str, Any]) -> None:
        """Show one person's report in detail."""
        raise NotImplementedError


_MODULES: dict[OutputFormat, str] = {
    OutputFormat.table: "kmc_gap.formats.table",
    OutputFormat.json: "kmc_gap.formats.json_report",
    OutputFormat.jsonl: "kmc_gap.formats.jsonl",
    OutputFormat.csv: "kmc_gap.formats.csv_rows",
    OutputFormat.markdown: "kmc_gap.formats.markdown",
    OutputFormat.junit: "kmc_gap.formats.junit",
    OutputFormat.html: "kmc_gap.formats.html",
}


def formatter_class(fmt: OutputFormat) -> type[Formatter]:
    """The formatter class for ``fmt``, importing its module on first use."""
    found: type[Formatter] = importlib.import_module(_MODULES[fmt]).FORMATTER
    return found


def formatter(fmt: OutputFormat, out: TextIO, options: FormatOptions) -> Formatter:
    """A ready formatter for ``fmt`` writing to ``out``."""
    return formatter_class(fmt)(out, options)
