"""``--format table``: the report for people, laid out for an 80-column terminal."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from kmc_gap.formats import TOP_GAPS, SummaryFormatter, figures_text, verdict_text
from kmc_gap.labels import label
from kmc_gap.output import console

STATUS_STYLE = {"met": "green", "partial": "yellow", "missing": "red"}
BAR_WIDTH = 10


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A text bar such as ``███████░░░`` for 0.7."""
    filled = round(fraction * width)
    return "█" * filled + "░" * (width - filled)


class TableFormatter(SummaryFormatter):
    """One person: header with the verdict, tasks by duty, top gaps, attitudes, evidence not counted.

    Several people: a matrix of people × tasks, the items most often missing, the files that failed.
    """

    def start(self) -> None:
        """Open the console (colour only when ``out`` is a terminal)."""
        super().start()
        self.con = console(self.out)

    def person(self, report: dict[str, Any]) -> None:
        """Print one person's report."""
        _header(self.con, report)
        self.con.print(_tasks(self.con, report))
        _gaps(self.con, report)
        _attitudes(self.con, report)
        _expiring(self.con, report)
        _not_counted(self.con, report)

    def finish(self) -> None:
        """Print the cohort matrix."""
        if self.options.cohort:
            from kmc_gap.formats.matrix import print_cohort

            print_cohort(self.con, self.tally, self.context, self.options.lang)


def _header(con: Console, r: dict[str, Any]) -> None:
    lang, s = r["lang"], r["summary"]
    who = " · ".join(
        x
        for x in (r["person"]["name"], r["person"].get("id"), r["person"].get("organisation"), r["person"].get("role"))
        if x
    )
    con.print(Text(who, style="bold"))
    con.print(f"{label('standard', lang)} {r['standard']['code']} {r['standard']['name']}")
    con.print(f"{label('as_of', lang)} {r['as_of']} · {label('policy', lang)} {r['policy']['name']}")
    verdict = verdict_text(s, lang)
    figures = figures_text(s, lang)
    con.print(
        Text.assemble(
            f"{label('verdict', lang)}: ",
            (verdict, "bold green" if s["meets_standard"] else "bold red"),
            f" · {figures}",
        )
    )


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


def _tasks(con: Console, r: dict[str, Any]) -> Table:
    lang = r["lang"]
    table = fixed_table(
        con,
        [
            (label("task_short", lang), 5, "left"),
            (label("name", lang), 0, "left"),
            (label("status", lang), 7, "left"),
            (label("required", lang), 4, "right"),
            (label("attained", lang), 4, "right"),
            (label("met_total", lang), 5, "right"),
            (label("coverage", lang), 15, "left"),
        ],
    )
    for duty in r["duties"]:
        table.add_row(Text(duty["code"], style="bold"), Text(duty["name"], style="bold"))
        for task in (t for t in r["tasks"] if t["duty"] == duty["code"]):
            table.add_row(*_task_cells(task, lang))
    return table


def _task_cells(task: dict[str, Any], lang: str) -> list[Text | str]:
    fraction = task["items_met"] / task["items_total"]
    style = STATUS_STYLE[task["status"]]
    return [
        task["code"],
        task["name"],
        Text(label(f"status.{task['status']}", lang), style=style),
        str(task["level"]),
        Text(str(task["attained_level"]), style="" if task["attained_level"] >= task["level"] else style),
        f"{task['items_met']}/{task['items_total']}",
        Text.assemble((bar(fraction), style), f" {fraction * 100:3.0f}%"),
    ]


def _gaps(con: Console, r: dict[str, Any]) -> None:
    lang = r["lang"]
    con.print()
    con.print(Text(label("gaps", lang), style="bold"))
    if not r["gaps"]:
        con.print(label("gaps_none", lang))
        return
    table = fixed_table(
        con,
        [
            (label("code", lang), 6, "left"),
            (label("name", lang), 0, "left"),
            (label("blocks", lang), 6, "right"),
            (label("required", lang), 4, "right"),
            (label("best", lang), 4, "right"),
        ],
    )
    for gap in r["gaps"][:TOP_GAPS]:
        best = "—" if gap["best_level"] is None else str(gap["best_level"])
        table.add_row(gap["code"], gap["name"], str(len(gap["tasks"])), str(gap["required_level"]), best)
    con.print(table)
    if len(r["gaps"]) > TOP_GAPS:
        con.print(Text(label("gaps_more", lang, n=len(r["gaps"]) - TOP_GAPS), style="dim"))


def _attitudes(con: Console, r: dict[str, Any]) -> None:
    lang = r["lang"]
    note = "" if r["policy"]["require_attitudes"] else " " + label("attitude_gate", lang)
    con.print()
    con.print(Text.assemble((label("attitudes", lang), "bold"), (note, "dim")))
    for att in r["attitudes"]:
        mark, style = ("✓", "green") if att["met"] else ("✗", "red")
        state = label("attitude_met" if att["met"] else "attitude_missing", lang)
        con.print(Text.assemble((f"  {mark} ", style), f"{att['code']} {att['name']}", (f"  {state}", "dim")))


def _expiring(con: Console, r: dict[str, Any]) -> None:
    lang = r["lang"]
    if not r["expiring"]:
        return
    con.print()
    con.print(Text(label("expiring", lang, days=r["expiring_within_days"]), style="bold"))
    for ev in r["expiring"]:
        risk = ", ".join(ev["tasks_at_risk"]) or label("none", lang)
        con.print(
            Text.assemble(
                f"  {ev['id']}  ",
                (label("expires_on", lang, date=ev["expires"], days=ev["days_left"]), "yellow"),
                f"  {label('at_risk', lang)}: {risk}",
            )
        )


def _not_counted(con: Console, r: dict[str, Any]) -> None:
    lang = r["lang"]
    skipped = [e for e in r["evidence"] if not e["counted"]]
    if not skipped:
        return
    con.print()
    con.print(Text(label("not_counted", lang), style="bold"))
    for ev in skipped:
        reason = label(f"reason.{ev['reason']}", lang, years=r["policy"]["max_age_years"])
        con.print(Text.assemble(f"  {ev['id']}", (f"  {reason}", "yellow"), f"  {ev['title']}"))


FORMATTER = TableFormatter
