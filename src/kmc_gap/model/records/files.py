"""Record files opened by what they are (:mod:`kmc_gap.model.tables`): a workbook's sheets, chosen as
``--sheet`` or ``file#sheet`` says, or every sheet; an HTML, XML or text table as one."""

from __future__ import annotations

from pathlib import Path

from kmc_gap.model.forms import is_form
from kmc_gap.model.paths import SHEET_SUFFIXES, shown, split_sheet
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.records.columns import ALL_SHEETS
from kmc_gap.model.records.options import RecordOptions
from kmc_gap.model.spreadsheet import Sheet, SheetNotes
from kmc_gap.model.tables.cells import (
    norm as _norm,
)
from kmc_gap.model.tables.markup import read_html_tables, read_spreadsheet_ml
from kmc_gap.model.tables.sniff import Container, sniff
from kmc_gap.model.tables.table import Table, Tables
from kmc_gap.model.tables.table import cell_text as _text
from kmc_gap.model.tables.text import read_text_table
from kmc_gap.model.yamlsource import read_bytes


def read_tables(path: Path, options: RecordOptions) -> Tables:
    """The tables of a file, read by what its bytes are (:mod:`kmc_gap.model.tables`), never by its ending.

    A file of several sheets (a workbook, an HTML page of several tables) gives the sheet its path names
    (``export.xlsx#證照``), else the ``--sheet`` one where it has it, else every sheet: the ones that
    hold no records are passed over, each named with why.
    """
    real, own = split_sheet(path)
    name = shown(real)
    raw = read_bytes(real, name, options.max_bytes)
    container = sniff(raw)
    if container is Container.text:
        try:
            return Tables([read_text_table(raw, name)])
        except InputError as exc:  # binary bytes under a workbook's name: a damaged workbook, to a person
            if exc.problems[0].key == "records.binary" and real.suffix.lower() in SHEET_SUFFIXES:
                raise InputError([Problem(name, "records.not_workbook")]) from None
            raise
    if container is Container.html:
        return _chosen(read_html_tables(raw, name), name, own, options.sheet)
    if container is Container.spreadsheet_ml:
        return _chosen(read_spreadsheet_ml(raw, name), name, own, options.sheet)
    return _read_sheets(raw, name, own, options.sheet, options.max_bytes)


def _choose(names: tuple[str, ...], name: str, own: str | None, wanted: str | None) -> tuple[list[str], bool]:
    """The sheets to read, and whether the ``--sheet`` one (or the path's own) was found."""
    if not names:
        raise InputError([Problem(name, "records.no_sheet", {"sheet": own or wanted or "", "sheets": ""})])
    if own is not None:
        chosen = _sheet_name(own, list(names))
        if chosen is None:
            raise InputError([Problem(name, "records.no_sheet", {"sheet": own, "sheets": ", ".join(names)})])
        return [chosen], True
    if wanted is None or _norm(wanted) == ALL_SHEETS:
        return list(names), True
    chosen = _sheet_name(wanted, list(names))
    return [chosen or names[0]], chosen is not None


def _chosen(tables: list[Table], name: str, own: str | None, wanted: str | None) -> Tables:
    """The tables of a markup file that ``--sheet`` (or the path) chooses; one unnamed table is every choice."""
    names = tuple(table.sheet for table in tables if table.sheet is not None)
    if not names:
        return Tables(tables, True)
    chosen, has = _choose(names, name, own, wanted)
    return Tables([table for table in tables if table.sheet in chosen], has, names)


def _read_sheets(raw: bytes, name: str, own: str | None, wanted: str | None, max_bytes: int) -> Tables:
    """Sheets of a workbook, read by python-calamine (Rust) where a damaged file cannot take the run down.

    Cells keep their types, dates are dates (see :mod:`kmc_gap.model.spreadsheet` for the limits).
    """
    from kmc_gap.model.spreadsheet import check_zip, read_book, sheet_members

    found: dict[str, bool] = {}

    def choose(names: tuple[str, ...]) -> list[str]:
        if names and is_form(names):  # an assessment form is read whole, whatever --sheet says
            found["form"] = found["has"] = True
            return list(names)
        chosen, found["has"] = _choose(names, name, own, wanted)
        return chosen

    # the limits are checked here while the child reads: what they refuse is refused before any cell is used
    book, notes = read_book(raw, name, choose, lambda: check_zip(raw, name, max_bytes))
    members = sheet_members(raw) if notes else {}
    empty = SheetNotes({}, frozenset(), frozenset())
    tables = [_table(name, sheet, notes.get(members.get(sheet.name, ""), empty)) for sheet in book.sheets.values()]
    return Tables(tables, found.get("has", False), book.names, found.get("form", False))


def _table(name: str, sheet: Sheet, notes: SheetNotes) -> Table:
    """A sheet as a table; cells the reader gave as empty (an error, a formula never calculated) put back as
    what they show, so that reading them is a located problem, never an empty cell; its hidden rows noted."""
    top, left = sheet.start
    for (row, column), text in notes.unread.items():
        i, j = row - top - 1, column - left - 1
        if 0 <= i < len(sheet.rows) and 0 <= j < len(sheet.rows[i]) and not _text(sheet.rows[i][j]):
            sheet.rows[i][j] = text
    rows = [(top + i + 1, row) for i, row in enumerate(sheet.rows) if any(_text(cell) for cell in row)]
    columns = frozenset(column - left - 1 for column in notes.hidden_columns if column > left)
    return Table(name, sheet.name, rows, left + 1, columns, notes.hidden_rows)


def _sheet_name(wanted: str, names: list[str]) -> str | None:
    """The sheet ``--sheet`` names, its case and width forgiven (``sheet1`` finds ``Sheet1``)."""
    if wanted in names:
        return wanted
    key = _norm(wanted)
    return next((found for found in names if _norm(found) == key), None)
