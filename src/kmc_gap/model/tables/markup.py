"""Tables written as markup: an HTML table, or an Excel 2003 XML Spreadsheet, whatever the file is called.

Many web and government training systems "export to Excel" by writing one of these under ``.xls``;
Excel opens both, so an HR officer never sees the difference. Each HTML ``<table>`` and each XML
``Worksheet`` is one sheet. A merged cell (``rowspan``/``colspan``, ``ss:MergeDown``) keeps its text
in its first cell, as a workbook's does, so that the shape stage fills a block's person down the same
way for every container. Columns the file hides (``display:none``, ``ss:Hidden``) are marked hidden.

What is read is bounded by what is there: spans beyond the rows that follow, and indexes that jump
past :data:`~kmc_gap.model.tables.text.MAX_COLUMNS`, cost nothing and are refused respectively.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser
from typing import Any
from xml.etree import ElementTree

from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.tables.sniff import utf16_order
from kmc_gap.model.tables.table import Table
from kmc_gap.model.tables.text import MAX_COLUMNS

_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all", re.I)
_SPACES = re.compile(r"[ \t\r\n\f]+")


def _decoded(raw: bytes, name: str) -> str:
    """Markup's text: UTF-16 where the bytes say so, else the charset it declares, else UTF-8, else Big5."""
    order = utf16_order(raw)
    if order is not None:
        return raw.decode(order, "replace").removeprefix("\ufeff")
    declared = _CHARSET.search(raw[:4096])
    tries = [declared.group(1).decode("ascii").lower()] if declared else []
    for encoding in [*tries, "utf-8-sig", "cp950"]:
        try:
            return raw.decode("cp950" if encoding in ("big5", "x-big5") else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError([Problem(name, "records.encoding")])


# --------------------------------------------------------------------------- HTML


class _Grid:
    """One table being laid out: rows of cells, with the spans still open from the rows above."""

    def __init__(self) -> None:
        self.rows: list[list[Any]] = []
        self.hidden: set[int] = set()
        self.down: dict[int, int] = {}  # column → rows a rowspan still covers below

    def start_row(self) -> None:
        self.rows.append([])
        self._skip_spanned()

    def _skip_spanned(self) -> None:
        row = self.rows[-1]
        while self.down.get(len(row), 0) > 0:
            self.down[len(row)] -= 1
            row.append(None)

    def add(self, text: str, colspan: int, rowspan: int, hidden: bool) -> None:
        if not self.rows:
            self.start_row()
        row = self.rows[-1]
        self._skip_spanned()
        at = len(row)
        width = max(1, min(colspan, MAX_COLUMNS - at))
        if at + width > MAX_COLUMNS:
            return
        row += [text or None] + [None] * (width - 1)
        for column in range(at, at + width):
            if rowspan > 1:
                self.down[column] = rowspan - 1
            if hidden:
                self.hidden.add(column)
        self._skip_spanned()


class _HtmlTables(HTMLParser):
    """Collects the text of every top-level ``<table>``'s cells; nested tables' text joins their cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[_Grid] = []
        self.depth = 0
        self.cell: list[str] | None = None
        self.span = (1, 1, False)
        self.cols: list[bool] = []  # <col> elements: hidden or not
        self.skip = 0  # inside <style> or <script>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("style", "script"):
            self.skip += 1
        elif tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append(_Grid())
                self.cols = []
        elif tag == "br":
            if self.cell is not None:
                self.cell.append("\n")
        elif self.depth != 1:
            return  # a table inside a cell: its text joins the cell's
        elif tag == "col":
            span = _int(found.get("span"), 1)
            self.cols += [bool(_HIDDEN_STYLE.search(found.get("style") or ""))] * min(span, MAX_COLUMNS)
        elif tag == "tr":
            self._close_cell()
            self.tables[-1].start_row()
        elif tag in ("td", "th"):
            self._close_cell()
            hidden = bool(_HIDDEN_STYLE.search(found.get("style") or "")) or "hidden" in found
            self.cell = []
            self.span = (_int(found.get("colspan"), 1), _int(found.get("rowspan"), 1), hidden)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.skip = max(0, self.skip - 1)
        elif tag == "table":
            if self.depth == 1:
                self._close_cell()
                grid = self.tables[-1]
                grid.hidden |= {i for i, hidden in enumerate(self.cols) if hidden}
            self.depth = max(0, self.depth - 1)
        elif self.depth == 1 and tag in ("td", "th"):
            self._close_cell()

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.skip:
            self.cell.append(data)

    def close(self) -> None:
        super().close()
        self._close_cell()  # a last cell whose tags were never closed

    def _close_cell(self) -> None:
        if self.cell is None or not self.tables:
            return
        text = "\n".join(_SPACES.sub(" ", part).strip() for part in "".join(self.cell).split("\n")).strip()
        colspan, rowspan, hidden = self.span
        self.tables[-1].add(text.replace("\xa0", " ").strip(), colspan, rowspan, hidden)
        self.cell = None


def _extra(value: str | None) -> int:
    """A count of further columns (``ss:Span``, ``ss:MergeAcross``): 0 when absent or not a number."""
    try:
        return max(0, int(value or 0))
    except ValueError:
        return 0


def _int(value: str | None, default: int) -> int:
    try:
        return max(1, int(value or default))
    except ValueError:
        return default


def read_html_tables(raw: bytes, name: str) -> list[Table]:
    """Every top-level table of an HTML file, as ``表格1``, ``表格2`` … (a single one keeps no sheet name)."""
    parser = _HtmlTables()
    parser.feed(_decoded(raw, name))
    parser.close()
    grids = [grid for grid in parser.tables if any(any(c for c in row) for row in grid.rows)]
    if not grids:
        raise InputError([Problem(name, "records.empty")])
    tables = []
    for i, grid in enumerate(grids, 1):
        rows = [(n, cells) for n, cells in enumerate(grid.rows, 1) if any(cells)]
        tables.append(Table(name, None if len(grids) == 1 else f"table {i}", rows, 1, frozenset(grid.hidden)))
    return tables


# --------------------------------------------------------------------------- Excel 2003 XML Spreadsheet

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


def read_spreadsheet_ml(raw: bytes, name: str) -> list[Table]:
    """Every ``Worksheet`` of an Excel 2003 XML Spreadsheet, cells typed as its ``ss:Type`` says."""
    tables: list[Table] = []
    try:
        for _, sheet in ElementTree.iterparse(io.BytesIO(raw), events=("end",)):
            if sheet.tag == f"{_SS}Worksheet":
                tables.append(_worksheet(sheet, name))
                sheet.clear()
    except ElementTree.ParseError as exc:
        line, column = exc.position
        raise InputError([Problem(name, "records.xml_broken", {}, line, column + 1)]) from None
    if not tables:
        raise InputError([Problem(name, "records.empty")])
    return tables


def _worksheet(sheet: ElementTree.Element, name: str) -> Table:
    title = sheet.get(f"{_SS}Name") or ""
    rows: list[tuple[int, list[Any]]] = []
    hidden: set[int] = set()
    table = sheet.find(f"{_SS}Table")
    number = 0
    column = 0
    for part in table if table is not None else ():
        if part.tag == f"{_SS}Column":
            column = _index(part, column + 1, name, number)
            span = min(_extra(part.get(f"{_SS}Span")) + 1, MAX_COLUMNS)
            if part.get(f"{_SS}Hidden") == "1":
                hidden |= set(range(column - 1, min(column - 1 + span, MAX_COLUMNS)))
            column += span - 1
        elif part.tag == f"{_SS}Row":
            number = _index(part, number + 1, name, number, limit=None)
            cells = _row(part, name, number)
            if any(cell is not None and str(cell).strip() for cell in cells):
                rows.append((number, cells))
    return Table(name, title, rows, 1, frozenset(hidden))


def _index(element: ElementTree.Element, default: int, name: str, row: int, limit: int | None = MAX_COLUMNS) -> int:
    value = element.get(f"{_SS}Index")
    if value is None:
        return default
    try:
        index = int(value)
    except ValueError:
        raise InputError([Problem(name, "records.xml_broken", {}, row or None)]) from None
    if index < 1 or (limit is not None and index > limit):
        raise InputError([Problem(name, "records.too_wide", {"n": index, "limit": limit or 0}, row or None)])
    return index


def _row(row: ElementTree.Element, name: str, number: int) -> list[Any]:
    cells: list[Any] = []
    for cell in row.iter(f"{_SS}Cell"):
        at = _index(cell, len(cells) + 1, name, number)
        cells += [None] * (at - 1 - len(cells))
        data = cell.find(f"{_SS}Data")
        cells.append(None if data is None else _typed(data))
        across = min(_extra(cell.get(f"{_SS}MergeAcross")), MAX_COLUMNS - len(cells))
        cells += [None] * max(0, across)
    return cells


def _typed(data: ElementTree.Element) -> Any:
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type")
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.rstrip("Z")[:26])
        except ValueError:
            return text
    return text
