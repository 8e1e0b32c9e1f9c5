"""Showing a training plan (:mod:`kmc_gap.plan`) as a table for people or as Markdown."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from kmc_gap.formats import percent
from kmc_gap.formats.markdown import row
from kmc_gap.formats.table import fixed_table
from kmc_gap.labels import label


def _header_lines(plan: dict[str, Any], lang: str) -> list[str]:
    b, a = plan["before"], plan["after"]
    who = " · ".join(x for x in (plan["person"]["name"], plan["person"].get("id")) if x)
    catalog = plan["catalog"]["title"] or ""
    lines = [
        f"{label('plan_title', lang)}: {who}",
        f"{label('standard', lang)} {plan['standard']['code']} {plan['standard']['name']} · "
        f"{label('as_of', lang)} {plan['as_of']}",
        f"{label('catalog', lang)}: {catalog} ({label('n_courses', lang, n=plan['catalog']['courses'])})",
        label(
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
        lines.append(label("sample_catalog", lang))
    if plan["method"] != "exact":
        lines.append(label("plan_heuristic", lang))
    return lines


def print_table(con: Console, plan: dict[str, Any], lang: str) -> None:
    """The plan as a header, one block per course, then the gaps no course closes."""
    for i, line in enumerate(_header_lines(plan, lang)):
        con.print(Text(line, style="bold" if i == 0 else ""))
    for course in plan["courses"]:
        con.print()
        facts = [course["provider"], f"{course['hours']:g} h", f"{label('level_short', lang)} {course['level']}"]
        if course["cost"] is not None:
            facts.append(f"{course['cost']:g}")
        con.print(Text(f"{course['code']} {course['title']}", style="bold"))
        con.print(Text("  " + " · ".join(facts), style="dim"))
        for item in course["closes"]:
            entry = Text(f"  {item['code']} → {', '.join(item['tasks'])}  {item['name']}")
            entry.truncate(con.width, overflow="ellipsis")
            con.print(entry, no_wrap=True)
    con.print()
    con.print(Text(label("unclosable", lang), style="bold"))
    if not plan["unclosable"]:
        con.print(label("gaps_none", lang))
        return
    table = fixed_table(
        con,
        [(label("code", lang), 6, "left"), (label("name", lang), 0, "left"), (label("reason", lang), 14, "left")],
    )
    for gap in plan["unclosable"]:
        table.add_row(gap["code"], gap["name"], label(f"unclosable.{gap['reason']}", lang))
    con.print(table)


def to_markdown(plan: dict[str, Any], lang: str) -> str:
    """The plan as Markdown."""
    head = _header_lines(plan, lang)
    out = f"## {head[0]}\n\n" + "\n".join(f"- {line}" for line in head[1:]) + "\n\n"
    out += row(
        label("code", lang),
        label("course", lang),
        label("provider", lang),
        "h",
        label("level_short", lang),
        label("closes", lang),
    )
    out += "|---|---|---|---:|---:|---|\n"
    for c in plan["courses"]:
        closes = ", ".join(i["code"] for i in c["closes"])
        out += row(c["code"], c["title"], c["provider"], f"{c['hours']:g}", c["level"], closes)
    out += f"\n### {label('unclosable', lang)}\n\n"
    if not plan["unclosable"]:
        return out + label("gaps_none", lang) + "\n"
    out += row(label("code", lang), label("name", lang), label("tasks_short", lang), label("reason", lang))
    out += "|---|---|---|---|\n"
    for g in plan["unclosable"]:
        out += row(g["code"], g["name"], ", ".join(g["tasks"]), label(f"unclosable.{g['reason']}", lang))
    return out
