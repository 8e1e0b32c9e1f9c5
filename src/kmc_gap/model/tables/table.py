"""A raw table: the non-empty rows of one sheet, CSV file or HTML table, each cell where it stands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kmc_gap.model.problems import Problem


@dataclass(frozen=True)
class Table:
    """The non-empty rows of one sheet or text file, each with its 1-based row (or line) number.

    ``hidden`` holds the indexes (0-based in each row's cells) of columns the file hides: such a
    column is read, but never in preference to a visible one of the same meaning. ``hidden_rows`` holds the
    numbers of the rows it hides, which a mapping must say whether to read (a filtered view) or pass over
    (rows someone set aside).
    """

    file: str
    sheet: str | None
    rows: list[tuple[int, list[Any]]]
    first_column: int = 1  # the column of each row's first cell
    hidden: frozenset[int] = field(default_factory=frozenset)
    hidden_rows: frozenset[int] = field(default_factory=frozenset)  # the row numbers the file hides

    def problem(self, key: str, row: int | None = None, index: int | None = None, **args: Any) -> Problem:
        """A problem at the cell ``index`` (0-based in the row's cells) of ``row``."""
        column = None if index is None else index + self.first_column
        return Problem(self.file, key, args, row, column, self.sheet)

    @property
    def source(self) -> str:
        """Where imported items came from, as ``source:`` records it: the file's name, and ``#sheet``."""
        base = Path(self.file).name
        return f"{base}#{self.sheet}" if self.sheet is not None else base


@dataclass(frozen=True)
class Tables:
    """The tables read from one file; for a workbook, whether it has the ``--sheet`` one, and its sheets."""

    tables: list[Table]
    has_sheet: bool = False
    sheets: tuple[str, ...] = ()
    form: bool = False  # a kmc-gap assessment form: every sheet was read


def cell_text(value: Any) -> str | None:
    """A cell as text, or None when it is empty: ``1024.0`` (a number cell) reads ``1024``."""
    if type(value) is str:  # most cells: the fast way first
        return value.strip() or None
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return text or None
