"""``--format table``: the report for people, laid out for an 80-column terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kmc_gap.render.assess import SummaryRenderer
from kmc_gap.render.base import RenderContext
from kmc_gap.render.inputs import input_detail, input_line
from kmc_gap.render.names import standard_name
from kmc_gap.render.tables import STATUS_STYLE, fixed_table, indented
from kmc_gap.render.text import (
    clean,
    console,
    figures_text,
    glyphs,
    policy_name,
    rated_items,
    rating_words,
    reason_words,
    terminal_names,
    verdict_text,
    who,
)
from kmc_gap.words import labelled, t
from kmc_gap.words.safe import log_line, visible

if TYPE_CHECKING:
    from kmc_gap.engine.report import EvidenceResult, InputCount, Report, TaskResult

BAR_WIDTH = 10


def bar(fraction: float, marks: dict[str, str], width: int = BAR_WIDTH) -> str:
    """A text bar such as ``███████░░░`` for 0.7 (``#######...`` where the output cannot show blocks)."""
    filled = round(fraction * width)
    return marks["full"] * filled + marks["empty"] * (width - filled)


class TableRenderer(SummaryRenderer):
    """One person: header with the verdict, tasks by duty, top gaps, attitudes, evidence not counted.

    Several people: a matrix of people × tasks, the items most often missing, the files that failed.
    """

    def start(self) -> None:
        """Open the console (colour only when ``out`` is a terminal)."""
        super().start()
        self.con = console(self.out)
        _inputs(self.con, self.counts, self.ctx.lang)

    def add(self, value: Report) -> None:
        """Show one person, or keep the figures for the matrix; text from files is made terminal-safe."""
        super().add(clean(value))

    def person(self, report: Report) -> None:
        """Print one person's report (or, with ``--task``, that task in full)."""
        _header(self.con, report, self.ctx)
        if self.ctx.task is not None:
            _task_detail(self.con, report, self.ctx, self.ctx.task)
            return
        self.con.print(indented(_tasks(self.con, report, self.ctx)))
        self.con.print(Text(t("legend.tasks", self.ctx.lang), style="dim"))
        _gaps(self.con, report, self.ctx)
        _ratings(self.con, report, self.ctx)
        _attitudes(self.con, report, self.ctx)
        _expiring(self.con, report, self.ctx.lang)
        _not_counted(self.con, report, self.ctx.lang)

    def finish(self) -> None:
        """Print the cohort matrix."""
        if self.ctx.cohort:
            from kmc_gap.render.assess.matrix import print_cohort

            print_cohort(self.con, self.tally, self.first, self.ctx)


def _inputs(con: Console, counts: list[InputCount], lang: str) -> None:
    """The count per input file, and the reasons behind it: no row is lost without a word."""
    if not counts:
        return
    con.print(Text(t("inputs.title", lang), style="bold"))
    for count in counts:
        # one line per file however narrow the terminal: a file's figures are never split across lines
        con.print(
            Text(log_line("  " + input_line(count, lang)), style="red" if count["refused"] else ""), soft_wrap=True
        )
        detail = input_detail(count, lang)
        if detail is not None:
            con.print(Text(log_line("    " + detail), style="dim"), soft_wrap=True)
    con.print()


def _header(con: Console, r: Report, ctx: RenderContext) -> None:
    lang, s = ctx.lang, r["summary"]
    con.print(Text(t("render.who", lang, person=visible(who(r["person"], full=True, sep=" · "))), style="bold"))
    con.print(f"{t('render.standard', lang)} {r['standard']['code']} {visible(standard_name(ctx.std, lang))}")
    con.print(f"{t('render.as_of', lang)} {r['as_of']} · {t('render.policy', lang)} {policy_name(r['policy'], lang)}")
    verdict = verdict_text(s, lang)
    figures = figures_text(s, lang)
    con.print(
        Text.assemble(
            t("render.verdict_label", lang),
            (verdict, "bold green" if s["meets_standard"] else "bold red"),
            f" · {figures}",
        )
    )


#: Below this width the bars go first: figures are never cut.
BAR_MIN_WIDTH = 80


def _tasks(con: Console, r: Report, ctx: RenderContext) -> Table:
    """Below BAR_MIN_WIDTH the bars go, and so does the status word, whose colour the figures keep: the
    name column gets the room, and a duty's name folds onto a second line rather than being cut."""
    from rich.cells import cell_len

    lang, name = ctx.lang, terminal_names(ctx.std, ctx.lang)
    wide = con.width >= BAR_MIN_WIDTH
    coverage = t("render.coverage", lang)
    columns = [
        (t("render.task_short", lang), 5, "left"),
        (t("render.name", lang), 0, "left"),
        *([(t("render.status", lang), 7, "left")] if wide else []),
        (t("render.required", lang), 4, "right"),
        (t("render.attained", lang), 4, "right"),
        (t("render.met_total", lang), 5, "right"),
        (coverage, 15, "left") if wide else (coverage, max(cell_len(coverage), 4), "right"),
    ]
    table = fixed_table(con, columns)
    for duty in r["duties"]:
        heading = Text(name[duty["code"]], style="bold", no_wrap=False, overflow="fold")
        table.add_row(Text(duty["code"], style="bold"), heading)
        for task in (x for x in r["tasks"] if x["duty"] == duty["code"]):
            table.add_row(*_task_cells(task, name[task["code"]], lang, glyphs(con.file) if wide else None))
    return table


def _task_cells(task: TaskResult, name: str, lang: str, marks: dict[str, str] | None) -> list[Text | str]:
    """A task's cells; without bar marks (a narrow terminal) without its status word, its figure coloured."""
    fraction = task["items_met"] / task["items_total"]
    style = STATUS_STYLE[task["status"]]
    met = f"{task['items_met']}/{task['items_total']}"
    attained = Text(str(task["attained_level"]), style="" if task["attained_level"] >= task["level"] else style)
    if marks is None:
        return [task["code"], name, str(task["level"]), attained, Text(met, style=style), f"{fraction * 100:.0f}%"]
    return [
        task["code"],
        name,
        Text(t(f"status.{task['status']}", lang), style=style),
        str(task["level"]),
        attained,
        met,
        Text.assemble((bar(fraction, marks), style), f" {fraction * 100:3.0f}%"),
    ]


def _gaps(con: Console, r: Report, ctx: RenderContext) -> None:
    lang, name = ctx.lang, terminal_names(ctx.std, ctx.lang)
    con.print()
    con.print(Text(t("render.gaps", lang), style="bold"))
    if not r["gaps"]:
        con.print(t("render.gaps_none", lang))
        return
    table = fixed_table(
        con,
        [
            (t("render.code", lang), 6, "left"),
            (t("render.name", lang), 0, "left"),
            (t("render.blocks", lang), 6, "right"),
            (t("render.required", lang), 4, "right"),
            (t("render.best", lang), 4, "right"),
        ],
    )
    shown = r["gaps"][: ctx.gaps]
    for gap in shown:
        best = glyphs(con.file)["none"] if gap["best_level"] is None else str(gap["best_level"])
        table.add_row(gap["code"], name[gap["code"]], str(len(gap["tasks"])), str(gap["required_level"]), best)
    con.print(indented(table))
    if len(r["gaps"]) > len(shown):
        con.print(Text(t("render.gaps_more", lang, n=len(r["gaps"]) - len(shown)), style="dim"))
    con.print(Text(t("legend.gaps", lang), style="dim"))


def _ratings(con: Console, r: Report, ctx: RenderContext) -> None:
    """The items rated by two sources or more: which rating stands, and what the others said."""
    several = rated_items(r)
    if not several:
        return
    con.print()
    con.print(Text(t("render.ratings", ctx.lang), style="bold"))
    for code, ratings in several:
        line = Text.assemble((f"  {code:<7}", "bold"), rating_words(ratings, ctx.lang))
        line.truncate(con.width, overflow="ellipsis")
        con.print(line, no_wrap=True)


def _attitudes(con: Console, r: Report, ctx: RenderContext) -> None:
    lang, name = ctx.lang, terminal_names(ctx.std, ctx.lang)
    aside = t("punct.aside", lang, text=t("policy.attitudes_free", lang))
    note = "" if r["policy"]["require_attitudes"] else aside
    con.print()
    con.print(Text.assemble((t("render.attitudes", lang), "bold"), (note, "dim")))
    for att in r["attitudes"]:
        marks = glyphs(con.file)
        mark, style = (marks["yes"], "green") if att["met"] else (marks["no"], "red")
        state = t("render.attitude_met" if att["met"] else "render.attitude_missing", lang)
        con.print(Text.assemble((f"  {mark} ", style), f"{att['code']} {name[att['code']]}", (f"  {state}", "dim")))


def _expiring(con: Console, r: Report, lang: str) -> None:
    if not r["expiring"]:
        return
    con.print()
    con.print(Text(t("render.expiring", lang, days=r["expiring_within_days"]), style="bold"))
    for ev in r["expiring"]:
        risk = ", ".join(ev["tasks_at_risk"]) or t("render.none", lang)
        expires = t("render.expires_on", lang, date=ev["expires"], days=ev["days_left"])
        at_risk = f"{labelled('render.at_risk', lang)}{risk}"
        _units(con, [(visible(ev["title"]), ""), (expires, "yellow"), (at_risk, "")])


def _units(con: Console, units: list[tuple[str, str]]) -> None:
    """``  a  b  c`` on as few lines as fit, broken only between units (a date with its days left is one),
    the lines after the first indented further; a unit longer than a line is shortened."""
    from rich.cells import cell_len

    line = Text("  ")
    for text, style in units:
        gap = "  " if line.plain.strip() else ""
        if line.plain.strip() and cell_len(line.plain + gap + text) > con.width:
            con.print(line, no_wrap=True, crop=False)
            line, gap = Text("    "), ""
        line.append(gap + text, style=style)
        line.truncate(con.width, overflow="ellipsis")
    con.print(line, no_wrap=True, crop=False)


def _not_counted(con: Console, r: Report, lang: str) -> None:
    skipped = [e for e in r["evidence"] if not e["counted"]]
    if not skipped:
        return
    con.print()
    con.print(Text(t("render.not_counted", lang), style="bold"))
    for ev in skipped:
        reason = reason_words(ev, r["policy"], lang)
        con.print(Text.assemble(f"  {visible(ev['title'])} ({ev['date']})", (f"  {reason}", "yellow"), _note(ev)))


def _note(ev: EvidenceResult) -> str:
    """A note kept with an item that does not count (why it was excluded), after it."""
    return f"  {visible(ev['note'])}" if ev["note"] and ev["reason"] is not None else ""


def _evidence_line(con: Console, title: str, date: str, why: Text) -> None:
    """``    title (date)  why``: the title shortened to fit, the date and the reason never cut; a reason
    that leaves the title no room goes under it."""
    from rich.cells import cell_len

    room = con.width - 4 - cell_len(date) - why.cell_len
    below = room < min(cell_len(title), 12)
    if below:
        date = date.rstrip()
        room = con.width - 4 - cell_len(date)
    head = Text("    " + title)
    head.truncate(4 + max(room, 1), overflow="ellipsis")
    con.print(Text.assemble(head, date, *(() if below else (why,))), no_wrap=True, crop=False)
    if below:
        con.print(Text.assemble("      ", why))


def _task_detail(con: Console, r: Report, ctx: RenderContext, code: str) -> None:
    """Every item of one task: met or not, the best level against the required one, the evidence that
    counts, and why evidence that covers the item does not."""
    lang, name = ctx.lang, terminal_names(ctx.std, ctx.lang)
    task = next(x for x in r["tasks"] if x["code"] == code)
    con.print()
    con.print(
        Text(f"{task['code']} {name[task['code']]} · {t('render.level_n', lang, level=task['level'])}", style="bold")
    )
    marks = glyphs(con.file)
    block = 0
    for item in sorted([*task["items"], *task["outputs"]], key=lambda i: i.get("block", 0)):
        if item.get("block", 0) != block:  # a task of several competency blocks: each under its own head
            block = item.get("block", 0)
            con.print(Text(t("render.block_head", lang, n=block, level=item.get("level")), style="bold"))
        mark, style = (marks["yes"], "green") if item["met"] else (marks["no"], "red")
        best = marks["none"] if item["best_level"] is None else str(item["best_level"])
        required = item.get("level", task["level"])  # its block's level, in a task of several
        line = Text.assemble(
            (f"{mark} ", style),
            (f"{item['code']:<7}", "bold"),
            (t("render.item_levels", lang, best=best, required=required), "dim"),
            f"  {name[item['code']]}",
        )
        line.truncate(con.width, overflow="ellipsis")
        con.print(line, no_wrap=True)
        if item.get("ratings"):
            con.print(Text("    " + t("rating.line", lang, ratings=rating_words(item["ratings"], lang)), style="dim"))
        counting = set(item["evidence"])
        for ev in r["evidence"]:
            if item["code"] not in ev["covers"]:
                continue
            if ev["id"] in counting:
                why, style = t("render.counts_here", lang), "green"
            elif not ev["counted"]:
                why, style = reason_words(ev, r["policy"], lang), "yellow"
            else:
                why, style = t("render.level_too_low", lang, level=ev["level"], required=required), "yellow"
            _evidence_line(con, visible(ev["title"]), f" ({ev['date']})  ", Text(why, style=style))
    con.print(Text(t("legend.task", lang), style="dim"))
