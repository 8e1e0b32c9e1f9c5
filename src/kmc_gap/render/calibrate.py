"""Outputs of `kmc-gap calibrate`: the talk's agenda, each person's bias, each rater's leniency, agreement.

Every format shows the same four parts, people and items by name: a table on a terminal, JSON for
tools, Markdown for a shared page, and a workbook whose sheets a manager can sort and print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kmc_gap.model.lookup import names
from kmc_gap.model.models import Rater
from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import CalibrateFormat
from kmc_gap.render.md import row
from kmc_gap.render.text import console, dumps_json, percent, who
from kmc_gap.render.workbook import Columns, amp, page_setup, write_workbook
from kmc_gap.words import t
from kmc_gap.words.safe import md_text, sheet_text, visible

if TYPE_CHECKING:
    from kmc_gap.engine.calibrate import Calibration
    from kmc_gap.render.base import RenderContext

#: The sources' columns, the least trusted first.
RATERS = (Rater.self, Rater.peer, Rater.manager, Rater.assessor)


def _signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def _share(value: float | None) -> str:
    return "—" if value is None else percent(value)


def figures(c: Calibration, lang: str) -> list[str]:
    """The agreement in words: pairs, exact, within one, kappa."""
    a = c["agreement"]
    kappa = "—" if a["kappa"] is None else f"{a['kappa']:.2f}"
    return [
        t("calibrate.pairs", lang, n=a["pairs"]),
        t("calibrate.exact", lang, pct=_share(a["exact"])),
        t("calibrate.within_one", lang, pct=_share(a["within_one"])),
        t("calibrate.kappa", lang, kappa=kappa),
    ]


#: A section of the calibration: its title, headings, rows of text, and which columns hold numbers.
Section = tuple[str, list[str], list[list[str]], frozenset[int]]


def sections(c: Calibration, ctx: RenderContext) -> list[Section]:
    """The four tables every format shows, in the chosen language: agenda, people, raters, items."""
    lang, name = ctx.lang, names(ctx.std, ctx.lang)
    rater = {r: t(f"form.col.{r.value}", lang) for r in RATERS}  # 自評, 主管評核 …: short enough for a column

    def heads(*keys: str) -> list[str]:
        return [t(f"calibrate.col.{key}", lang) for key in keys]

    agenda = [
        [who(a["person"]), a["code"], name[a["code"]], str(a["self_level"]), rater[a["other"]],
         str(a["other_level"]), f"{a['difference']:+d}"]
        for a in c["agenda"]
    ]  # fmt: skip
    people = [[who(p["person"]), str(p["items"]), _signed(p["mean_difference"])] for p in c["people"]]
    raters = [
        [r["rater"] or "—", rater[r["role"]], str(r["ratings"]), f"{r['mean_level']:.2f}",
         "—" if r["others_mean"] is None else f"{r['others_mean']:.2f}", _signed(r["leniency"])]
        for r in c["raters"]
    ]  # fmt: skip
    items = [
        [who(i["person"]), i["code"], name[i["code"]], *(str(i["ratings"].get(r, "")) for r in RATERS)]
        for i in c["items"]
    ]
    return [
        (t("calibrate.agenda", lang),
         heads("person", "code", "item", "self", "other", "other_level", "difference"), agenda, frozenset({3, 5, 6})),
        (t("calibrate.people", lang), heads("person", "items", "mean_difference"), people, frozenset({1, 2})),
        (t("calibrate.raters", lang),
         heads("rater", "role", "ratings", "mean", "others_mean", "leniency"), raters, frozenset({2, 3, 4, 5})),
        (t("calibrate.items", lang),
         [*heads("person", "code", "item"), *(rater[r] for r in RATERS)], items, frozenset({3, 4, 5, 6})),
    ]  # fmt: skip


def _top(rows: list[list[str]], top: int | None) -> tuple[list[list[str]], int]:
    """The first ``top`` rows of a table (each table is worst first), and how many more there are."""
    if top is None or len(rows) <= top:
        return rows, 0
    return rows[:top], len(rows) - top


class TableRenderer(Renderer["Calibration"]):
    """The calibration on a terminal: the agreement, then each table."""

    def add(self, value: Calibration) -> None:
        from rich.cells import cell_len
        from rich.text import Text

        from kmc_gap.render.tables import MAX_WIDTH, fixed_table, indented

        con, lang = console(self.out), self.ctx.lang
        con.print(Text(t("calibrate.title", lang), style="bold"))
        for line in figures(value, lang):
            con.print(Text(" " + line))
        for title, heads, rows, _ in sections(value, self.ctx):
            con.print()
            con.print(Text(f"{title} ({len(rows)})", style="bold"))
            if not rows:
                con.print(Text(" " + t("calibrate.none", lang)))
                continue
            # names and figures whole; only an item's text takes the room left, cut short
            widths = [max(cell_len(x) for x in [head, *(cells[i] for cells in rows)]) for i, head in enumerate(heads)]
            item = t("calibrate.col.item", lang)
            keep = list(range(len(heads)))
            fixed = sum(w for head, w in zip(heads, widths, strict=True) if head != item)
            if item in heads and fixed + 3 * len(heads) + 8 > min(con.width, MAX_WIDTH):
                keep.remove(heads.index(item))  # too narrow for names: the code names the item
            columns = [(heads[i], 0 if heads[i] == item else widths[i], "left") for i in keep]
            table = fixed_table(con, columns)
            shown, more = _top(rows, self.ctx.top)
            for cells in shown:
                table.add_row(*(Text(visible(cells[i])) for i in keep))
            con.print(indented(table))
            if more:
                con.print(Text(" " + t("calibrate.more", lang, n=more)))


class MarkdownRenderer(Renderer["Calibration"]):
    """The calibration as Markdown."""

    def add(self, value: Calibration) -> None:
        lang = self.ctx.lang
        out = f"## {md_text(t('calibrate.title', lang))}\n\n"
        out += "".join(f"- {md_text(line)}\n" for line in figures(value, lang))
        for title, heads, rows, _ in sections(value, self.ctx):
            out += f"\n### {md_text(title)}\n\n"
            if not rows:
                out += md_text(t("calibrate.none", lang)) + "\n"
                continue
            shown, more = _top(rows, self.ctx.top)
            out += row(*heads) + "|" + "---|" * len(heads) + "\n"
            out += "".join(row(*cells) for cells in shown)
            out += f"\n{md_text(t('calibrate.more', lang, n=more))}\n" if more else ""
        self.out.write(out)


class JsonRenderer(Renderer["Calibration"]):
    """The calibration as JSON (see ``kmc-gap schema calibration``)."""

    def add(self, value: Calibration) -> None:
        self.out.write(dumps_json(value) + "\n")


class XlsxRenderer(Renderer["Calibration"]):
    """The calibration as a workbook: a sheet per table, the agreement on the first."""

    def add(self, value: Calibration) -> None:
        write_workbook(self.out, lambda book: self.build(book, value))

    def build(self, book: Any, value: Calibration) -> None:
        lang = self.ctx.lang
        head = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        top = book.add_format({"valign": "top"})
        for n, (title, heads, rows, numbers) in enumerate(sections(value, self.ctx)):
            sheet = book.add_worksheet(title[:31])
            cols = Columns(wrap, top, {2: 50} if n in (0, 3) else {}, 30)
            first = 0
            if n == 0:
                for i, line in enumerate([t("calibrate.title", lang), *figures(value, lang)]):
                    sheet.write_string(i, 0, line)
                first = 6
            for col, text in enumerate(heads):
                sheet.write_string(first, col, text, head)
                cols.note(col, text, 12)
            for r, cells in enumerate(rows, start=first + 1):
                for col, cell in enumerate(cells):
                    if col in numbers and cell not in ("", "—"):
                        cols.number(sheet, r, col, float(cell))
                    else:
                        cols.text(sheet, r, col, sheet_text(cell))
            cols.set(sheet)
            sheet.autofilter(first, 0, first + max(len(rows), 1), len(heads) - 1)
            sheet.freeze_panes(first + 1, 0)
            sheet.repeat_rows(first)
            page_setup(sheet, f"&L{amp(value['standard'])}", f"&L{amp(title)}&R&P / &N")


RENDERERS: Registry[CalibrateFormat, Calibration] = Registry(
    {
        CalibrateFormat.table: lambda: TableRenderer,
        CalibrateFormat.json: lambda: JsonRenderer,
        CalibrateFormat.markdown: lambda: MarkdownRenderer,
        CalibrateFormat.xlsx: lambda: XlsxRenderer,
    }
)
