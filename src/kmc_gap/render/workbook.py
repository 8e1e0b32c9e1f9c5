"""Writing a small workbook to an output stream: the one way the catalogue skeleton and the plan do it.

xlsxwriter writes to a file, so the workbook is built in a temporary file that is removed whatever
happens, and its bytes go to the stream's binary buffer. Text is never read as a formula, a link or a
number: cells from files stay what they are.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

#: xlsxwriter options for workbooks of text from files.
SAFE = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def write_workbook(out: TextIO, build: Callable[[Any], None]) -> None:
    """Build a workbook with ``build(book)`` and send its bytes to ``out``."""
    data = workbook_bytes(build)
    out.flush()
    out.buffer.write(data)
    out.buffer.flush()


def workbook_bytes(build: Callable[[Any], None]) -> bytes:
    """The bytes of a workbook built with ``build(book)``, made in a temporary file that is always removed."""
    import xlsxwriter

    fd, path = tempfile.mkstemp(prefix="kmc-gap-", suffix=".xlsx")
    os.close(fd)
    try:
        book = xlsxwriter.Workbook(path, SAFE)
        build(book)
        book.close()
        return Path(path).read_bytes()
    finally:
        Path(path).unlink(missing_ok=True)


def text_width(text: str) -> int:
    """How many columns of Excel's default font ``text``'s longest line takes: a CJK character takes two.

    A character of three UTF-8 bytes (CJK, full-width forms) counts two, one of one byte counts one,
    so ``(characters + bytes) // 2`` gives it without a loop in Python; the detail sheet has a
    quarter of a million cells.
    """
    if "\n" in text:
        return max(text_width(line) for line in text.split("\n"))
    return (len(text) + len(text.encode("utf-8", "replace"))) // 2


#: The height of a line of text in Excel's default font, in points.
LINE_HEIGHT = 15.0


def lines(text: str, cap: int) -> int:
    """How many lines ``text`` takes in a column at most ``cap`` wide: a row's height is set from it.

    LibreOffice does not fit a row's height to wrapped text when it opens a workbook, so a row with
    wrapped text is given its height. Text wraps at the ends of words and characters, so a line
    holds a little less than the column.
    """
    return sum(max(1, -(-text_width(line) // (cap - 2))) for line in text.split("\n"))


class Columns:
    """One sheet's text columns: each as wide as its widest text, within a cap; wider text wraps.

    Cells are written row by row (xlsxwriter's constant memory mode), so the row being written is
    the only one whose height may still grow. ``set`` sets the widths once the sheet is written.
    """

    def __init__(self, wrap: Any, plain: Any, caps: dict[int, int] | None = None, cap: int = 40) -> None:
        self.wrap, self.plain = wrap, plain
        self.caps, self.cap = caps or {}, cap
        self.widest: dict[int, int] = {}
        self.row: tuple[int, int, int] = (-1, -1, 1)  # the sheet (its id), row and lines of the row last written

    def note(self, col: int, text: str, limit: int | None = None) -> int:
        """Remember ``text`` written in ``col``, counting at most ``limit`` (a heading wraps); its width."""
        width = text_width(text)
        if limit is not None:
            width = min(width, limit)
        if width > self.widest.get(col, 0):
            self.widest[col] = width
        return width

    def text(self, sheet: Any, row: int, col: int, text: str, fmt: Any = None) -> None:
        """A text cell, noted; wrapped, and its row made as tall as it, when wider than its column may be.

        ``fmt`` (one that wraps) is used instead of the column's plain or wrapping format.
        """
        if not text:  # an empty cell, not a cell of empty text
            return
        cap = self.caps.get(col, self.cap)
        needed = 1 if self.note(col, text) <= cap - 2 and "\n" not in text else lines(text, cap)
        sheet.write_string(row, col, text, fmt or (self.wrap if needed > 1 else self.plain))
        self.tall(sheet, row, needed)

    def number(self, sheet: Any, row: int, col: int, value: float, fmt: Any = None) -> None:
        """A number cell, noted as wide as it shows with thousands separators (Excel shows #### if cut)."""
        self.note(col, f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}")
        sheet.write_number(row, col, value, fmt or self.plain)

    def tall(self, sheet: Any, row: int, needed: int, options: dict[str, Any] | None = None) -> None:
        """Make ``row`` at least ``needed`` lines tall (``options``: its outline level, folded or not)."""
        sheet_id, last, height = self.row
        height = max(needed, height) if (sheet_id, last) == (id(sheet), row) else needed
        if height > 1 or options:
            sheet.set_row(row, LINE_HEIGHT * height, None, options)
        self.row = (id(sheet), row, height)

    def set(self, sheet: Any, floor: int = 6) -> None:
        """Set each noted column's width: its widest text plus two, at least ``floor``, at most its cap."""
        for col, width in self.widest.items():
            sheet.set_column(col, col, max(floor, min(width + 2, self.caps.get(col, self.cap))))


#: xlsxwriter's paper size for A4.
A4 = 9


def page_setup(sheet: Any, header: str, footer: str) -> None:
    """A4 landscape, fitted to the page width, with a header and footer (``&P / &N``: page n of m)."""
    sheet.set_landscape()
    sheet.set_paper(A4)
    sheet.fit_to_pages(1, 0)
    sheet.set_header(header, {"margin": 0.2})
    sheet.set_footer(footer, {"margin": 0.2})


def amp(text: str) -> str:
    """Text for a page header or footer, where ``&`` starts a code (``&P`` is the page number)."""
    return text.replace("&", "&&")
