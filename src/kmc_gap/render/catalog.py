"""`kmc-gap catalog init`: a catalogue skeleton from the records, as a workbook or CSV for the officer to fill in.

Each course the records name is one row with its code, title, hours and provider as the records give
them, and how many people took it (so the officer fills in the courses that matter first). The
columns 職能級別 and 職能內涵 are left empty to be filled in from each course's report; a course left
without 職能內涵 reads as one outside the standard. The headers are the ones ``--catalog`` reads.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import SkeletonFormat
from kmc_gap.render.workbook import write_workbook
from kmc_gap.words import t
from kmc_gap.words.safe import csv_cell, sheet_text

if TYPE_CHECKING:
    from kmc_gap.model.records import CourseSeen

Courses = list["CourseSeen"]

#: The skeleton's columns: the first ten are read back by ``--catalog``; people and rows are for the eye.
COLUMNS = (
    "code", "title", "provider", "hours", "level", "covers", "unrelated", "pass_mark", "cost", "seat_cost",
    "people", "rows",
)  # fmt: skip


def _cells(course: CourseSeen) -> list[str | float | int | None]:
    return [
        course.code or "",
        course.title,
        course.provider,
        course.hours,
        None,
        None,
        None,
        None,
        None,
        None,
        len(course.people),
        course.rows,
    ]


class XlsxRenderer(Renderer[Courses]):
    """The skeleton as a workbook: bold headers, a frozen header row, filters, the most-taken courses first."""

    def add(self, value: Courses) -> None:
        write_workbook(self.out, lambda book: self.build(book, value))

    def build(self, book: Any, value: Courses) -> None:
        """The skeleton's one sheet."""
        lang = self.ctx.lang
        sheet = book.add_worksheet(t("catalog.sheet", lang))
        head = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        fill = book.add_format({"bg_color": "#FFF2CC", "border": 1})
        for col, key in enumerate(COLUMNS):
            sheet.write_string(0, col, t(f"catalog.col.{key}", lang), head)
        for row, course in enumerate(_ordered(value), start=1):
            for col, cell in enumerate(_cells(course)):
                if isinstance(cell, int | float):
                    sheet.write_number(row, col, cell)
                elif cell:
                    sheet.write_string(row, col, sheet_text(cell))
                elif COLUMNS[col] in ("level", "covers"):
                    sheet.write_blank(row, col, None, fill)  # the cells to fill in
        sheet.freeze_panes(1, 2)
        sheet.autofilter(0, 0, max(1, len(value)), len(COLUMNS) - 1)
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 1, 36)
        sheet.set_column(2, 2, 18)
        sheet.set_column(3, len(COLUMNS) - 1, 11)
        sheet.set_column(5, 5, 30)


class CsvRenderer(Renderer[Courses]):
    """The skeleton as CSV in UTF-8 with a BOM, as Excel opens it; cells never start a formula."""

    def add(self, value: Courses) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([t(f"catalog.col.{key}", self.ctx.lang) for key in COLUMNS])
        for course in _ordered(value):
            writer.writerow(
                ["" if c is None else csv_cell(c) if isinstance(c, str) else _num(c) for c in _cells(course)]
            )
        self.out.write(("\ufeff" if self.ctx.bom else "") + buffer.getvalue())


def _num(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _ordered(courses: Courses) -> Courses:
    """The most-taken courses first (they matter most), then by code."""
    return sorted(courses, key=lambda c: (-len(c.people), c.code or "", c.title))


RENDERERS: Registry[SkeletonFormat, Courses] = Registry(
    {SkeletonFormat.xlsx: lambda: XlsxRenderer, SkeletonFormat.csv: lambda: CsvRenderer}
)
