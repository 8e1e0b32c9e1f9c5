"""The cohort view of ``--format table``: people × tasks, the items most often missing, failures."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.text import Text

from kmc_gap.formats import TOP_GAPS, Tally, percent
from kmc_gap.formats.table import STATUS_STYLE, fixed_table
from kmc_gap.labels import label

MARKS = {"met": "●", "partial": "◐", "missing": "○"}
NAME_CELLS = 18


def print_cohort(con: Console, tally: Tally, context: dict[str, Any] | None, lang: str) -> None:
    """Print the matrix, the most-missing items and the failed files."""
    if context is not None:
        std = context["standard"]
        con.print(Text(f"{std['code']} {std['name']}", style="bold"))
        met = sum(r["summary"]["meets_standard"] for r in tally.rows)
        con.print(
            f"{label('as_of', lang)} {context['as_of']} · {label('policy', lang)} {context['policy']['name']} · "
            + label("cohort_count", lang, n=len(tally.rows), met=met)
        )
        _matrix(con, tally, list(context["tasks"]), lang)
    _most_missing(con, tally, lang)
    _failures(con, tally, lang)


def _matrix(con: Console, tally: Tally, tasks: list[dict[str, Any]], lang: str) -> None:
    codes = [t["code"] for t in tasks]
    head = Text(set_cell_size(label("person", lang), NAME_CELLS), style="bold")
    for code in codes:
        head.append(f" {code[1:].replace('.', ''):>2}", style="bold")
    head.append(f"  {_right(label('tasks_short', lang), 5)}  {_right(label('coverage', lang), 8)}", style="bold")
    con.print(head)
    for row in tally.rows:
        who = " ".join(x for x in (row["name"], row["id"]) if x)
        line = Text(set_cell_size(who, NAME_CELLS))
        for code in codes:
            status = row["status"][code]
            line.append(f"  {MARKS[status]}", style=STATUS_STYLE[status])
        s = row["summary"]
        line.append(f"  {s['tasks_met']:>2}/{s['tasks_total']:<2}  {percent(s['coverage']):>8}")
        con.print(line)
    legend = "  ".join(f"{MARKS[k]} {label('status.' + k, lang)}" for k in MARKS)
    con.print(Text(f"{legend}   ({label('matrix_key', lang)})", style="dim"))


def _right(text: str, cells: int) -> str:
    """``text`` right-aligned in ``cells`` terminal cells (a CJK character takes two)."""
    return " " * max(cells - cell_len(text), 0) + text


def _most_missing(con: Console, tally: Tally, lang: str) -> None:
    con.print()
    con.print(Text(label("most_missing", lang), style="bold"))
    if not tally.missing:
        con.print(label("gaps_none", lang))
        return
    table = fixed_table(
        con,
        [(label("code", lang), 6, "left"), (label("name", lang), 0, "left"), (label("people", lang), 6, "right")],
    )
    for code, count in tally.missing.most_common(TOP_GAPS):
        table.add_row(code, tally.names[code], str(count))
    con.print(table)


def _failures(con: Console, tally: Tally, lang: str) -> None:
    if not tally.failures:
        return
    con.print()
    con.print(Text(label("failed_files", lang), style="bold red"))
    for file, problems in tally.failures:
        con.print(Text(f"  {problems[0].format(lang)}" if problems else f"  {file}"))
