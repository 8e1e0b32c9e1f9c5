"""Outputs of `kmc-gap diff`: a table for people, JSON for tools, or Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.model.lookup import names
from kmc_gap.render.base import Registry, RenderContext
from kmc_gap.render.document import Trio, trio
from kmc_gap.render.formats import DocFormat
from kmc_gap.render.md import row
from kmc_gap.render.names import name_diff
from kmc_gap.render.text import percent, terminal_names, who
from kmc_gap.words import labelled, t
from kmc_gap.words.safe import md_text, visible

if TYPE_CHECKING:
    from rich.console import Console

    from kmc_gap.engine.report import Diff, TaskChange


def _headline(d: Diff, lang: str) -> list[str]:
    b, a = d["before"], d["after"]
    person = who(d["person"], sep=" · ")
    if not d["same_person"]:
        person = f"{who(d['person_before'], sep=' · ')} → {person}"
    sign = "+" if d["coverage_change"] >= 0 else "−"
    return [
        f"{labelled('render.diff_title', lang)}{person}",
        f"{labelled('render.before', lang)}{b['as_of']} {b['file'] or ''}".rstrip(),
        f"{labelled('render.after', lang)}{a['as_of']} {a['file'] or ''}".rstrip(),
        t(
            "render.diff_summary",
            lang,
            before=percent(b["coverage"]),
            after=percent(a["coverage"]),
            change=f"{sign}{abs(d['coverage_change']) * 100:.1f}",
            tb=b["tasks_met"],
            ta=a["tasks_met"],
        ),
        f"{labelled('render.tasks_gained', lang)}{', '.join(d['tasks_gained']) or t('render.none', lang)} · "
        f"{labelled('render.tasks_lost', lang)}{', '.join(d['tasks_lost']) or t('render.none', lang)}",
    ]


def print_table(con: Console, d: Diff, ctx: RenderContext) -> None:
    """The headline, the tasks that changed, and the items gained and lost."""
    from rich.text import Text

    from kmc_gap.render.tables import STATUS_STYLE, fixed_table, indented

    lang, name = ctx.lang, terminal_names(ctx.std, ctx.lang)
    head = _headline(d, lang)
    con.print(Text(visible(head[0]), style="bold"))
    for line in head[1:]:
        con.print(Text(visible(line)))
    if not d["same_person"]:
        con.print(Text(t("render.diff_other_person", lang), style="bold red"))
    changed = [t for t in d["tasks"] if _changed(t)]
    if changed:
        con.print()
        table = fixed_table(
            con,
            [
                (t("render.task_short", lang), 5, "left"),
                (t("render.name", lang), 0, "left"),
                (t("render.status", lang), 17, "left"),
                (t("render.attained", lang), 6, "right"),
                (t("render.met_total", lang), 7, "right"),
            ],
        )
        for task in changed:
            status = Text.assemble(
                (t(f"status.{task['status_before']}", lang), STATUS_STYLE[task["status_before"]]),
                " → ",
                (t(f"status.{task['status_after']}", lang), STATUS_STYLE[task["status_after"]]),
            )
            attained = f"{task['attained_before']} → {task['attained_after']}"
            met = f"{task['items_met_before']} → {task['items_met_after']}"
            table.add_row(task["code"], name[task["code"]], status, attained, met)
        con.print(indented(table))
    for key, style in (("items_gained", "green"), ("items_lost", "red")):
        items = d["items_gained"] if key == "items_gained" else d["items_lost"]
        if items:
            con.print()
            con.print(Text(t(f"render.{key}", lang), style=f"bold {style}"))
            for item in items:
                entry = Text(f"  {item['task']} {item['code']}  {name[item['code']]}")
                entry.truncate(con.width, overflow="ellipsis")
                con.print(entry, no_wrap=True)


def _changed(task: TaskChange) -> bool:
    return bool(
        task["status_before"] != task["status_after"]
        or task["attained_before"] != task["attained_after"]
        or task["items_met_before"] != task["items_met_after"]
    )


def to_markdown(d: Diff, ctx: RenderContext) -> str:
    """The diff as Markdown."""
    lang, name = ctx.lang, names(ctx.std, ctx.lang)
    head = _headline(d, lang)
    out = f"## {md_text(head[0])}\n\n" + "\n".join(f"- {md_text(line)}" for line in head[1:]) + "\n"
    changed = [t for t in d["tasks"] if _changed(t)]
    if changed:
        out += "\n" + row(
            t("render.task_short", lang),
            t("render.name", lang),
            t("render.status", lang),
            t("render.attained", lang),
            t("render.met_total", lang),
        )
        out += "|---|---|---|---:|---:|\n"
        for task in changed:
            status = f"{t('status.' + task['status_before'], lang)} → {t('status.' + task['status_after'], lang)}"
            out += row(
                task["code"],
                name[task["code"]],
                status,
                f"{task['attained_before']} → {task['attained_after']}",
                f"{task['items_met_before']} → {task['items_met_after']}",
            )
    for key, items in (("items_gained", d["items_gained"]), ("items_lost", d["items_lost"])):
        if items:
            out += f"\n### {t(f'render.{key}', lang)}\n\n"
            out += "".join(f"- {i['task']} `{i['code']}` {md_text(name[i['code']])}\n" for i in items)
    return out


#: The table, Markdown and JSON renderers, built the one way every one-document command builds them.
TRIO: Trio[Diff] = trio(print_table, to_markdown, name_diff)


RENDERERS: Registry[DocFormat, Diff] = Registry(
    {
        DocFormat.table: lambda: TRIO.table,
        DocFormat.json: lambda: TRIO.json,
        DocFormat.markdown: lambda: TRIO.markdown,
    }
)
