"""Outputs of `kmc-gap assess`, one small module per format behind one interface.

A renderer receives reports (and files that failed) one at a time and writes as it goes, so
a cohort of any size streams through in constant memory where the format allows it. Formats
that can render one report on its own (:attr:`AssessRenderer.pieces`) do so in the worker
processes of ``--jobs``: the workers are handed :meth:`AssessRenderer.piece`, a plain function,
and know nothing of formats.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, TextIO

from kmc_gap.engine.scoring import brief
from kmc_gap.render.base import Registry, RenderContext, Renderer
from kmc_gap.render.formats import AssessFormat
from kmc_gap.render.text import write_utf8

if TYPE_CHECKING:
    from kmc_gap.engine.report import Brief, InputCount, Report
    from kmc_gap.model.problems import Problem


class AssessRenderer(Renderer["Report"]):
    """A renderer of assessment reports; with :attr:`pieces`, each report is rendered on its own.

    :meth:`inputs` comes before :meth:`start` when the run read record files: the count per file
    that a report opens with.
    """

    pieces: ClassVar[bool] = False

    def __init__(self, out: TextIO, ctx: RenderContext) -> None:
        super().__init__(out, ctx)
        self.counts: list[InputCount] = []

    def inputs(self, counts: list[InputCount]) -> None:
        """Keep what became of every row of the record files, for the format to open with."""
        self.counts = counts

    @classmethod
    def piece(cls, report: Report, ctx: RenderContext) -> bytes:
        """One report rendered on its own, in UTF-8 (only for formats with :attr:`pieces`)."""
        raise NotImplementedError

    def add(self, value: Report) -> None:
        """Write one report (formats without pieces override this)."""
        self.add_piece(self.piece(value, self.ctx))

    def add_piece(self, data: bytes) -> None:
        """Write one report already rendered by :meth:`piece`, perhaps in another process."""
        write_utf8(self.out, data)


@dataclass
class Tally:
    """What cohort summaries keep of each report: its brief and counts of missing items."""

    rows: list[Brief] = field(default_factory=list)
    missing: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, list[Problem]]] = field(default_factory=list)

    def add(self, report: Report) -> None:
        """Keep the figures of one report (not the report itself)."""
        self.rows.append(brief(report))
        for gap in report["gaps"]:
            self.missing[gap["code"]] += 1


def grouped(rows: list[Brief], by: str | None) -> list[tuple[str | None, list[tuple[int, Brief]]]]:
    """The rows (with their 1-based places) in groups of ``by`` (a person field), in name order, the
    people without one last; without ``by``, one group of everyone in the order they came."""
    numbered = list(enumerate(rows, 1))
    if by is None:
        return [(None, numbered)]
    groups: dict[str | None, list[tuple[int, Brief]]] = {}
    for i, row in numbered:
        person = row["person"]
        key = person["organisation"] if by == "organisation" else person["role"]
        groups.setdefault(key, []).append((i, row))
    return [(key, groups[key]) for key in sorted(groups, key=lambda k: (k is None, k or ""))]


class SummaryRenderer(AssessRenderer):
    """A format that shows one person in detail, and several people as a summary at the end."""

    def start(self) -> None:
        """Prepare the cohort tally."""
        self.tally = Tally()
        self.first: Report | None = None  # the first report: its date, policy and task list

    def add(self, value: Report) -> None:
        """Show one person, or keep the report's figures for the cohort summary."""
        if self.ctx.cohort:
            self.first = self.first or value
            self.tally.add(value)
        else:
            self.person(value)

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Keep the failure for the summary's list of files that failed."""
        self.tally.failures.append((file, problems))

    def person(self, report: Report) -> None:
        """Show one person's report in detail."""
        raise NotImplementedError


def _table() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.table import TableRenderer

    return TableRenderer


def _json() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.json_report import JsonRenderer

    return JsonRenderer


def _jsonl() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.jsonl import JsonLinesRenderer

    return JsonLinesRenderer


def _csv() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.csv_rows import CsvRenderer

    return CsvRenderer


def _markdown() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.markdown import MarkdownRenderer

    return MarkdownRenderer


def _junit() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.junit import JunitRenderer

    return JunitRenderer


def _html() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.html import HtmlRenderer

    return HtmlRenderer


def _summary() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.summary import SummaryHtmlRenderer

    return SummaryHtmlRenderer


def _xlsx() -> type[Renderer[Report]]:
    from kmc_gap.render.assess.xlsx import XlsxRenderer

    return XlsxRenderer


RENDERERS: Registry[AssessFormat, Report] = Registry(
    {
        AssessFormat.table: _table,
        AssessFormat.json: _json,
        AssessFormat.jsonl: _jsonl,
        AssessFormat.csv: _csv,
        AssessFormat.markdown: _markdown,
        AssessFormat.junit: _junit,
        AssessFormat.html: _html,
        AssessFormat.xlsx: _xlsx,
        AssessFormat.summary: _summary,
    }
)


def renderer(fmt: AssessFormat) -> type[AssessRenderer]:
    """The renderer class for ``fmt``."""
    found = RENDERERS[fmt]
    assert issubclass(found, AssessRenderer)
    return found


@dataclass(frozen=True)
class Piece:
    """A renderer's :meth:`AssessRenderer.piece` with the run's render context, made once: a plain, picklable
    function ``report -> UTF-8 bytes`` for the worker processes of ``--jobs``."""

    renderer: type[AssessRenderer]
    ctx: RenderContext

    def __call__(self, report: Report) -> bytes:
        return self.renderer.piece(report, self.ctx)
