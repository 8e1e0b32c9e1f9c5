"""Outputs of `kmc-gap plan`: a table for people, JSON for tools, or Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.model.lookup import names
from kmc_gap.render.base import Registry, RenderContext, Renderer
from kmc_gap.render.document import Trio, trio
from kmc_gap.render.formats import PlanFormat
from kmc_gap.render.md import row
from kmc_gap.render.names import name_plan, standard_name
from kmc_gap.render.text import course_title, percent, terminal_names, who
from kmc_gap.render.wrap import wrap
from kmc_gap.words import labelled, listing, t
from kmc_gap.words.safe import md_text, visible

if TYPE_CHECKING:
    from rich.console import Console

    from kmc_gap.engine.report import Plan, PlannedCourse


def _money(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def _hours(value: float) -> str:
    return f"{value:g}"


def _header_lines(plan: Plan, ctx: RenderContext) -> list[str]:
    lang = ctx.lang
    b, a = plan["before"], plan["after"]
    people = plan["people"]
    catalog = plan["catalog"]["title"] or ""
    title = who(people[0]["person"], sep=" · ") if len(people) == 1 else t("render.n_people", lang, n=len(people))
    lines = [
        f"{labelled('render.plan_title', lang)}{title}",
        f"{t('render.standard', lang)} {plan['standard']['code']} {standard_name(ctx.std, lang)} · "
        f"{t('render.as_of', lang)} {plan['as_of']}",
        f"{labelled('render.catalog', lang)}{catalog} ({t('render.n_courses', lang, n=plan['catalog']['courses'])})",
    ]
    limits = []
    if plan["budget"] is not None:
        limits.append(t("render.plan_budget", lang, amount=_money(plan["budget"])))
    if plan["max_hours"] is not None:
        limits.append(t("render.plan_max_hours", lang, hours=_hours(plan["max_hours"])))
    if limits:
        lines.append(" · ".join(limits))
    if plan["not_planned"]:
        unpriced = listing(plan["not_planned"], lang)
        lines.append(t("render.not_planned", lang, n=len(plan["not_planned"]), codes=unpriced))
    lines.append(
        t(
            "render.plan_summary",
            lang,
            n=len(plan["courses"]),
            cost=_money(plan["total_cost"]),
            hours=_hours(plan["total_hours"]),
            before=percent(b["coverage"]),
            after=percent(a["coverage"]),
            tb=b["tasks_met"],
            ta=a["tasks_met"],
        )
    )
    from kmc_gap.render.plan_files import no_task_gain

    why = no_task_gain(plan, lang)
    if why:
        lines.append(why)
    if not plan["optimal"]:
        gap = "?" if plan["mip_gap"] is None else percent(plan["mip_gap"])
        lines.append(t("render.plan_not_proven", lang, gap=gap))
    if plan["catalog"]["sample"]:
        lines.append(t("render.sample_catalog", lang))
    return lines


def _facts(course: PlannedCourse, lang: str) -> list[str]:
    facts = [
        course["provider"] or "—",
        t("render.hours_unit", lang, hours=_hours(course["hours"])),
        f"{t('render.level_short', lang)} {course['level']}",
    ]
    if course["cost"] is not None:
        facts.append(t("render.course_cost", lang, amount=_money(course["cost"])))
    if course["seat_cost"] is not None:
        facts.append(t("render.seat_cost", lang, amount=_money(course["seat_cost"])))
    return facts


def _unclosable_rows(plan: Plan) -> list[tuple[str, int, list[str], str, list[str]]]:
    """Each gap no course closes: (code, level, tasks, reason, people), in the first person's order."""
    merged: dict[tuple[str, int], tuple[list[str], str, list[str]]] = {}
    for person in plan["people"]:
        for gap in person["unclosable"]:
            key = (gap["code"], gap["required_level"])
            tasks, _, people = merged.setdefault(key, ([], gap["reason"], []))
            tasks += [task for task in gap["tasks"] if task not in tasks]
            people.append(person["key"])
    return [(code, level, tasks, reason, people) for (code, level), (tasks, reason, people) in merged.items()]


def print_table(con: Console, plan: Plan, ctx: RenderContext) -> None:
    """The plan: a header, one block per course, the people (for a team), the gaps no course closes."""
    from rich.padding import Padding
    from rich.text import Text

    from kmc_gap.render.tables import fixed_table, indented

    lang, name = ctx.lang, terminal_names(ctx.std, ctx.lang)
    team = len(plan["people"]) > 1
    for i, line in enumerate(_header_lines(plan, ctx)):
        for part in wrap(visible(line), con.width):  # Chinese broken between characters, a figure never inside
            con.print(Text(part, style="bold" if i == 0 else ""), overflow="ignore", crop=False)
    if not plan["courses"]:
        con.print(
            t("render.plan_none_needed", lang) if not _unclosable_rows(plan) else t("render.plan_no_course_helps", lang)
        )
    for course in plan["courses"]:
        con.print()
        con.print(Text(visible(f"{course['code']} {course_title(course, lang)}"), style="bold"))
        con.print(Text("  " + " · ".join(_facts(course, lang)), style="dim"))
        if team:
            attendees = listing(course["attendees"], lang)
            cost = t("render.team_cost", lang, amount=_money(course["team_cost"]))
            # wrapped under its label, so that no line starts with a person's id
            con.print(Padding(Text(f"{labelled('render.attendees', lang)}{visible(attendees)} · {cost}"), (0, 0, 0, 2)))
        for item in course["closes"]:
            entry = Text(f"  {item['code']} → {', '.join(item['tasks'])}  {name[item['code']]}")
            entry.truncate(con.width, overflow="ellipsis")
            con.print(entry, no_wrap=True)
    if team:
        con.print()
        table = fixed_table(
            con,
            [
                (t("render.person", lang), 0, "left"),
                (t("render.coverage", lang), 15, "right"),
                (t("render.tasks_short", lang), 7, "right"),
                (t("render.hours", lang), 6, "right"),
            ],
        )
        for person in plan["people"]:
            b, a = person["before"], person["after"]
            table.add_row(
                who(person["person"]),
                f"{percent(b['coverage'])} → {percent(a['coverage'])}",
                f"{b['tasks_met']} → {a['tasks_met']}",
                _hours(person["hours"]),
            )
        con.print(indented(table))
    rows = _unclosable_rows(plan)
    if not rows:
        return
    con.print()
    con.print(Text(t("render.unclosable", lang), style="bold"))
    table = fixed_table(
        con,
        [
            (t("render.code", lang), 6, "left"),
            (t("render.name", lang), 0, "left"),
            (t("render.reason", lang), 14, "left"),
        ]
        + ([(t("render.people", lang), 6, "right")] if team else []),
    )
    for code, _, _, reason, people in rows:
        cells = [code, name[code], t(f"unclosable.{reason}", lang)]
        table.add_row(*cells, *([str(len(people))] if team else []))
    con.print(indented(table))


def to_markdown(plan: Plan, ctx: RenderContext) -> str:
    """The plan as Markdown."""
    lang, name = ctx.lang, names(ctx.std, ctx.lang)
    team = len(plan["people"]) > 1
    head = _header_lines(plan, ctx)
    out = f"## {md_text(head[0])}\n\n" + "\n".join(f"- {md_text(line)}" for line in head[1:]) + "\n\n"
    if plan["courses"]:
        columns = ["code", "course", "provider", "hours", "level_short", "team_cost_head", "closes"]
        out += row(*(t(f"render.{k}", lang) for k in columns + (["attendees"] if team else [])))
        out += "|---|---|---|---:|---:|---:|---|" + ("---|" if team else "") + "\n"
        for c in plan["courses"]:
            closes = ", ".join(i["code"] for i in c["closes"])
            cells = [
                c["code"],
                course_title(c, lang),
                c["provider"] or "—",
                _hours(c["hours"]),
                c["level"],
                _money(c["team_cost"]),
                closes,
            ]
            out += row(*cells, *([listing(c["attendees"], lang)] if team else []))
    else:
        out += t("render.plan_none_needed", lang) + "\n"
    if team:
        out += f"\n### {t('render.people', lang)}\n\n"
        out += row(
            t("render.person", lang), t("render.coverage", lang), t("render.tasks_short", lang), t("render.hours", lang)
        )
        out += "|---|---:|---:|---:|\n"
        for p in plan["people"]:
            b, a = p["before"], p["after"]
            coverage = f"{percent(b['coverage'])} → {percent(a['coverage'])}"
            out += row(who(p["person"]), coverage, f"{b['tasks_met']} → {a['tasks_met']}", _hours(p["hours"]))
    rows = _unclosable_rows(plan)
    if rows:
        out += f"\n### {t('render.unclosable', lang)}\n\n"
        out += row(
            t("render.code", lang),
            t("render.name", lang),
            t("render.tasks_short", lang),
            t("render.reason", lang),
            *([t("render.people", lang)] if team else []),
        )
        out += "|---|---|---|---|" + ("---:|" if team else "") + "\n"
        for code, _, tasks, reason, people in rows:
            cells = [code, name[code], ", ".join(tasks), t(f"unclosable.{reason}", lang)]
            out += row(*cells, *([len(people)] if team else []))
    return out


#: The table, Markdown and JSON renderers, built the one way every one-document command builds them.
TRIO: Trio[Plan] = trio(print_table, to_markdown, name_plan)


def _files(name: str) -> type[Renderer[Plan]]:
    from kmc_gap.render import plan_files

    renderer: type[Renderer[Plan]] = getattr(plan_files, name)
    return renderer


RENDERERS: Registry[PlanFormat, Plan] = Registry(
    {
        PlanFormat.table: lambda: TRIO.table,
        PlanFormat.json: lambda: TRIO.json,
        PlanFormat.markdown: lambda: TRIO.markdown,
        PlanFormat.csv: lambda: _files("CsvRenderer"),
        PlanFormat.html: lambda: _files("HtmlRenderer"),
        PlanFormat.xlsx: lambda: _files("XlsxRenderer"),
    }
)
