"""Rich building blocks shared by every table on a terminal: fixed-width tables, status colours."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table

STATUS_STYLE = {"met": "green", "partial": "yellow", "missing": "red"}
MAX_WIDTH = 120


def fixed_table(con: Console, columns: list[tuple[str, int, str]]) -> Table:
    """A borderless table whose one zero-width column (the name) takes the room the others leave.

    Fixed widths keep codes and figures whole in 80 columns; only names are cut short. Between
    two columns Rich puts a padding cell, the (blank) divider and another padding cell.
    """
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    # on a wide terminal the table stops at MAX_WIDTH: a 150-cell name column is no easier to read
    rest = min(con.width, MAX_WIDTH) - sum(width for _, width, _ in columns) - 3 * (len(columns) - 1) - 1
    for header, width, justify in columns:
        table.add_column(
            header,
            width=width or max(rest, 8),
            justify=justify,  # type: ignore[arg-type]
            no_wrap=True,
            overflow="ellipsis",
        )
    return table


def indented(table: Table) -> Padding:
    """A table one cell in from the edge, so that every row starts with a space: no line of a table a
    person reads begins with text from a file (a name such as ``::error …`` that a CI log would obey)."""
    return Padding(table, (0, 0, 0, 1), expand=False)
