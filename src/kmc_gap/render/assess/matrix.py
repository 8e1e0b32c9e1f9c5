"""The cohort view of ``--format table``: people × tasks, the items most often missing, failures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.text import Text

from kmc_gap.render.assess import Tally, grouped
from kmc_gap.render.base import RenderContext
from kmc_gap.render.names import standard_name
from kmc_gap.render.tables import STATUS_STYLE, fixed_table, indented
from kmc_gap.render.text import glyphs, percent, policy_name, terminal_names
from kmc_gap.words import t
from kmc_gap.words.safe import visible

if TYPE_CHECKING:
    from kmc_gap.engine.report import Brief, PersonOut, Report

NAME_CELLS = 18


def print_cohort(con: Console, tally: Tally, first: Report | None, ctx: RenderContext) -> None:
    """Print the matrix, the most-missing items and the failed files."""
    lang = ctx.lang
    if first is not None:
        con.print(Text(f"{first['standard']['code']} {visible(standard_name(ctx.std, lang))}", style="bold"))
        met = sum(r["summary"]["meets_standard"] for r in tally.rows)
        con.print(
            f"{t('render.as_of', lang)} {first['as_of']} · "
            f"{t('render.policy', lang)} {policy_name(first['policy'], lang)} · "
            + t("render.cohort_count", lang, n=len(tally.rows), met=met)
        )
        # each task takes 3 cells: on a narrow terminal only the figures are shown, not the marks
        wide = con.width >= NAME_CELLS + 3 * len(first["tasks"]) + 19
        _matrix(con, tally, [task["code"] for task in first["tasks"]] if wide else [], ctx)
    _most_missing(con, tally, ctx)
    _failures(con, tally, lang)


def _matrix(con: Console, tally: Tally, codes: list[str], ctx: RenderContext) -> None:
    lang = ctx.lang
    marks = glyphs(con.file)
    head = Text("  " + set_cell_size(t("render.person", lang), NAME_CELLS), style="bold")
    for code in codes:
        head.append(f" {code[1:].replace('.', ''):>2}", style="bold")
    head.append(f"  {_right(t('render.tasks_short', lang), 5)}  {_right(t('render.coverage', lang), 8)}", style="bold")
    con.print(head)
    for group, members in grouped(tally.rows, ctx.group_by):
        if ctx.group_by is not None:
            label = visible(group) if group is not None else t(f"group.none.{ctx.group_by}", lang)
            con.print(Text(f"{t(f'group.{ctx.group_by}', lang)}：{label}", style="bold"))
        for _, row in members:
            _row(con, row, codes, marks)
    if codes:
        legend = "  ".join(f"{marks[k]} {t('status.' + k, lang)}" for k in ("met", "partial", "missing"))
        con.print(Text(f"{legend}   ({t('render.matrix_key', lang)})", style="dim"))


def _row(con: Console, row: Brief, codes: list[str], marks: dict[str, str]) -> None:
    line = Text("  " + _fit(row["person"], NAME_CELLS))  # indented: no line starts with a person's name
    for code in codes:
        status = row["statuses"][code]
        line.append(f"  {marks[status]}", style=STATUS_STYLE[status])
    s = row["summary"]
    line.append(f"  {s['tasks_met']:>2}/{s['tasks_total']:<2}  {percent(s['coverage']):>8}")
    con.print(line)


def _fit(person: PersonOut, cells: int) -> str:
    """The person's name and id in ``cells`` terminal cells: the name is shortened with "…", never the id.

    With ``--redact`` name and id are the same pseudonym, which is shown whole.
    """
    name, ident = person["name"], person["id"] or ""
    if name == ident:
        return set_cell_size(name, max(cells, cell_len(name)))
    whole = f"{name} {ident}".strip()
    if cell_len(whole) <= cells:
        return set_cell_size(whole, cells)
    room = cells - cell_len(ident) - 2  # a space and the ellipsis
    if room < 2:
        return set_cell_size(set_cell_size(whole, cells - 1) + "…", cells)
    short = _within(name, room)
    return set_cell_size(f"{short}… {ident}", cells)


def _within(text: str, cells: int) -> str:
    """The longest start of ``text`` that fits in ``cells`` terminal cells, measured once a character: a name of
    30,000 characters costs what its length does (cutting a character at a time and measuring the rest each
    time cost its square)."""
    used = 0
    for i, character in enumerate(text):
        used += cell_len(character)
        if used > cells:
            return text[:i]
    return text


def _right(text: str, cells: int) -> str:
    """``text`` right-aligned in ``cells`` terminal cells (a CJK character takes two)."""
    return " " * max(cells - cell_len(text), 0) + text


def _most_missing(con: Console, tally: Tally, ctx: RenderContext) -> None:
    lang, name = ctx.lang, terminal_names(ctx.std, ctx.lang)
    con.print()
    con.print(Text(t("render.most_missing", lang), style="bold"))
    if not tally.missing:
        con.print(t("render.gaps_none", lang))
        return
    table = fixed_table(
        con,
        [
            (t("render.code", lang), 6, "left"),
            (t("render.name", lang), 0, "left"),
            (t("render.people", lang), 6, "right"),
        ],
    )
    for code, count in tally.missing.most_common(ctx.gaps):
        table.add_row(code, name[code], str(count))
    con.print(indented(table))


def _failures(con: Console, tally: Tally, lang: str) -> None:
    if not tally.failures:
        return
    con.print()
    con.print(Text(t("render.failed_files", lang), style="bold red"))
    for file, problems in tally.failures:
        con.print(Text(f"  {problems[0].format(lang)}" if problems else f"  {file}"))
