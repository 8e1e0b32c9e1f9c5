"""Rich building blocks shared by every table on a terminal: fixed-width tables, status colours."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

STATUS_STYLE = {"met": "green", "partial": "yellow", "missing": "red"}


def fixed_table(con: Console, columns: list[tuple[str, int, str]]) -> Table:
    """A borderless table whose one zero-width column (the name) takes the room the others leave.

    Fixed widths keep codes and figures whole in 80 columns; only names are cut short. Between
    two columns Rich puts a padding cell, the (blank) divider and another padding cell.
    """
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    rest = con.width - sum(width for _, width, _ in columns) - 3 * (len(columns) - 1)
    for header, width, justify in columns:
        table.add_column(
            header,
            width=width or max(rest, 12),
            justify=justify,  # type: ignore[arg-type]
            no_wrap=True,
            overflow="ellipsis",
        )
    return table
