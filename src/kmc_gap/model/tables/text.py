"""Text tables: CSV, TSV and Excel's "Unicode text", in any encoding HR systems write and any delimiter.

The encoding is told by the bytes: a byte-order mark, UTF-16 without one (zeros every other byte),
UTF-8, else Big5 as Windows writes it (cp950). The delimiter is told by the table's shape: the one
(``,`` ``tab`` ``;`` ``|``) that splits the most lines into the same number of cells, so that a title
line above the header or a note below it has no say.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.tables.sniff import utf16_order
from kmc_gap.model.tables.table import Table

#: The widest table read: an export has tens of columns; 500,000 is a damaged or hostile file.
MAX_COLUMNS = 1000
#: The delimiters tried, in order of preference when two fit as well.
DELIMITERS = ("\t", ",", ";", "|")
#: How many lines the delimiter is judged on.
SHAPE_LINES = 60


def decode_table(raw: bytes, name: str) -> str:
    """The text of a table file; ``InputError`` when it is binary or in no encoding read here."""
    order = utf16_order(raw)
    if order is not None:
        try:
            return raw.decode(order).removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise InputError([Problem(name, "records.encoding")]) from None
    if b"\x00" in raw:
        raise InputError([Problem(name, "records.binary")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp950")
    except UnicodeDecodeError:
        raise InputError([Problem(name, "records.encoding")]) from None


def delimiter(text: str) -> str:
    """The delimiter that gives the table its most regular shape: most lines with one count of cells (over 1)."""
    lines = [line for line in text.splitlines()[: SHAPE_LINES * 2] if line.strip()][:SHAPE_LINES]
    best, score = ",", (-1, -1)
    for candidate in DELIMITERS:
        widths: Counter[int] = Counter()
        try:
            for cells in csv.reader(lines, delimiter=candidate):
                widths[len(cells)] += 1
        except csv.Error:
            continue
        common = [(n, w) for w, n in widths.items() if w > 1]
        found = max(common, default=(0, 0))
        if found > score:
            best, score = candidate, found
    return best


def read_text_table(raw: bytes, name: str) -> Table:
    """The non-empty lines of a text table, each with its line number; a located problem when it is broken."""
    text = decode_table(raw, name)
    sep = delimiter(text)
    csv.field_size_limit(max(len(text), 131072))  # a long cell is a cell: the file's size is bounded already
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: list[tuple[int, list[Any]]] = []
    line = 1
    quoted = '="' in text  # an export that keeps ids' zeros from Excel: ="00123"
    try:
        for cells in reader:
            if len(cells) > MAX_COLUMNS:
                raise InputError([Problem(name, "records.too_wide", {"n": len(cells), "limit": MAX_COLUMNS}, line)])
            if quoted:
                cells = [_excel_text(cell) for cell in cells]
            if any(cell.strip() for cell in cells):
                rows.append((line, list(cells)))
            line = reader.line_num + 1
    except csv.Error:
        raise InputError([Problem(name, "records.csv_broken", {}, line)]) from None
    return Table(name, None, rows)


def _excel_text(cell: str) -> str:
    """A cell an export wrote as Excel's text formula (``="00123"``, so that Excel keeps the zeros) as its text.

    Only that exact form: any other cell beginning with ``=`` stays as it is, a value, never a formula.
    """
    if cell.startswith('="') and cell.endswith('"') and len(cell) >= 3:
        inner = cell[2:-1]
        if '"' not in inner.replace('""', ""):
            return inner.replace('""', '"')
    return cell
