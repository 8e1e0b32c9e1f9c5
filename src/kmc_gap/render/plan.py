"""Outputs of `kmc-gap plan`: a table for people, JSON for tools, or Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.engine.report import Plan
from kmc_gap.model.lookup import names
from kmc_gap.render.base import Registry, RenderContext, Renderer
from kmc_gap.render.formats import DocFormat
from kmc_gap.render.md import row
from kmc_gap.render.names import name_plan, standard_name
from kmc_gap.render.text import console, dumps_json, percent, who
from kmc_gap.words import t

if TYPE_CHECKING:
    from rich.console import Console


def _header_lines(plan: Plan, ctx: RenderContext) -> list[str]:
    lang = ctx.lang
    b, a = plan["before"], plan["after"]
    catalog = plan["catalog"]["title"] or ""
    lines = [
        f"{t('plan_title', lang)}: {who(plan['person'], sep=' · ')}",
        f"{t('standard', lang)} {plan['standard']['code']} {standard_name(ctx.std, lang)} · "
        f"{t('as_of', lang)} {plan['as_of']}",
        f"{t('catalog', lang)}: {catalog} ({t('n_courses', lang, n=plan['catalog']['courses'])})",
        t(
            "plan_summary",
            lang,
            n=len(plan["courses"]),
            hours=f"{plan['total_hours']:g}",
            before=percent(b["coverage"]),
            after=percent(a["coverage"]),
            tb=b["tasks_met"],
            ta=a["tasks_met"],
        ),
    ]
    if plan["catalog"]["sample"]:
        lines.append(t("sample_catalog", lang))
    if plan["method"] != "exact":
        lines.append(t("plan_heuristic", lang))
    return lines


def print_table(con: Console, plan: Plan, ctx: RenderContext) -> None:
    """The plan as a header, one block per course, then the gaps no course closes."""
    from rich.text import Text

    from kmc_gap.render.tables import fixed_table

    lang, name = ctx.lang, names(ctx.std, ctx.lang)
    for i, line in enumerate(_header_lines(plan, ctx)):
        con.print(Text(line, style="bold" if i == 0 else ""))
    for course in plan["courses"]:
        con.print()
        facts = [
            course["provider"],
            t("hours_unit", lang, hours=f"{course['hours']:g}"),
            f"{t('level_short', lang)} {course['level']}",
        ]
        if course["cost"] is not None:
            facts.append(f"{course['cost']:g}")
        con.print(Text(f"{course['code']} {course['title']}", style="bold"))
        con.print(Text("  " + " · ".join(facts), style="dim"))
        for item in course["closes"]:
            entry = Text(f"  {item['code']} → {', '.join(item['tasks'])}  {name[item['code']]}")
            entry.truncate(con.width, overflow="ellipsis")
            con.print(entry, no_wrap=True)
    con.print()
    con.print(Text(t("unclosable", lang), style="bold"))
    if not plan["unclosable"]:
        con.print(t("gaps_none", lang))
        return
    table = fixed_table(
        con,
        [(t("code", lang), 6, "left"), (t("name", lang), 0, "left"), (t("reason", lang), 14, "left")],
    )
    for gap in plan["unclosable"]:
        table.add_row(gap["code"], name[gap["code"]], t(f"unclosable.{gap['reason']}", lang))
    con.print(table)


def to_markdown(plan: Plan, ctx: RenderContext) -> str:
    """The plan as Markdown."""
    lang, name = ctx.lang, names(ctx.std, ctx.lang)
    head = _header_lines(plan, ctx)
    out = f"## {head[0]}\n\n" + "\n".join(f"- {line}" for line in head[1:]) + "\n\n"
    out += row(
        t("code", lang),
        t("course", lang),
        t("provider", lang),
        t("hours", lang),
        t("level_short", lang),
        t("closes", lang),
    )
    out += "|---|---|---|---:|---:|---|\n"
    for c in plan["courses"]:
        closes = ", ".join(i["code"] for i in c["closes"])
        out += row(c["code"], c["title"], c["provider"], f"{c['hours']:g}", c["level"], closes)
    out += f"\n### {t('unclosable', lang)}\n\n"
    if not plan["unclosable"]:
        return out + t("gaps_none", lang) + "\n"
    out += row(t("code", lang), t("name", lang), t("tasks_short", lang), t("reason", lang))
    out += "|---|---|---|---|\n"
    for g in plan["unclosable"]:
        out += row(g["code"], name[g["code"]], ", ".join(g["tasks"]), t(f"unclosable.{g['reason']}", lang))
    return out


class TableRenderer(Renderer[Plan]):
    """The plan on a terminal."""

    def add(self, value: Plan) -> None:
        """Print the plan."""
        print_table(console(self.out), value, self.ctx)


class MarkdownRenderer(Renderer[Plan]):
    """The plan as Markdown."""

    def add(self, value: Plan) -> None:
        """Write the plan."""
        self.out.write(to_markdown(value, self.ctx))


class JsonRenderer(Renderer[Plan]):
    """The plan as JSON, with names in the chosen language."""

    def add(self, value: Plan) -> None:
        """Write the plan."""
        self.out.write(dumps_json(name_plan(value, self.ctx.std, self.ctx.lang)) + "\n")


RENDERERS: Registry[DocFormat, Plan] = Registry(
    {
        DocFormat.table: lambda: TableRenderer,
        DocFormat.json: lambda: JsonRenderer,
        DocFormat.markdown: lambda: MarkdownRenderer,
    }
)
