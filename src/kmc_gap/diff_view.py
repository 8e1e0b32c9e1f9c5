"""Showing a diff (:mod:`kmc_gap.diff`) as a table for people or as Markdown."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from kmc_gap.formats import percent
from kmc_gap.formats.markdown import row
from kmc_gap.formats.table import STATUS_STYLE, fixed_table
from kmc_gap.labels import label


def _headline(d: dict[str, Any], lang: str) -> list[str]:
    b, a = d["before"], d["after"]
    who = " · ".join(x for x in (d["person"]["name"], d["person"].get("id")) if x)
    sign = "+" if d["coverage_change"] >= 0 else "−"
    return [
        f"{label('diff_title', lang)}: {who}",
        f"{label('before', lang)}: {b['as_of']} {b['file'] or ''}".rstrip(),
        f"{label('after', lang)}: {a['as_of']} {a['file'] or ''}".rstrip(),
        label(
            "diff_summary",
            lang,
            before=percent(b["coverage"]),
            after=percent(a["coverage"]),
            change=f"{sign}{abs(d['coverage_change']) * 100:.1f}",
            tb=b["tasks_met"],
            ta=a["tasks_met"],
        ),
        f"{label('tasks_gained', lang)}: {', '.join(d['tasks_gained']) or label('none', lang)} · "
        f"{label('tasks_lost', lang)}: {', '.join(d['tasks_lost']) or label('none', lang)}",
    ]


def print_table(con: Console, d: dict[str, Any], lang: str) -> None:
    """The headline, the tasks that changed, and the items gained and lost."""
    head = _headline(d, lang)
    con.print(Text(head[0], style="bold"))
    for line in head[1:]:
        con.print(line)
    if not d["same_person"]:
        con.print(Text(label("diff_other_person", lang), style="bold red"))
    changed = [t for t in d["tasks"] if _changed(t)]
    if changed:
        con.print()
        table = fixed_table(
            con,
            [
                (label("task_short", lang), 5, "left"),
                (label("name", lang), 0, "left"),
                (label("status", lang), 17, "left"),
                (label("attained", lang), 6, "right"),
                (label("met_total", lang), 7, "right"),
            ],
        )
        for t in changed:
            status = Text.assemble(
                (label(f"status.{t['status_before']}", lang), STATUS_STYLE[t["status_before"]]),
                " → ",
                (label(f"status.{t['status_after']}", lang), STATUS_STYLE[t["status_after"]]),
            )
            attained = f"{t['attained_before']} → {t['attained_after']}"
            met = f"{t['items_met_before']} → {t['items_met_after']}"
            table.add_row(t["code"], t["name"], status, attained, met)
        con.print(table)
    for key, style in (("items_gained", "green"), ("items_lost", "red")):
        if d[key]:
            con.print()
            con.print(Text(label(key, lang), style=f"bold {style}"))
            for item in d[key]:
                entry = Text(f"  {item['task']} {item['code']}  {item['name']}")
                entry.truncate(con.width, overflow="ellipsis")
                con.print(entry, no_wrap=True)


def _changed(task: dict[str, Any]) -> bool:
    return bool(
        task["status_before"] != task["status_after"]
        or task["attained_before"] != task["attained_after"]
        or task["items_met_before"] != task["items_met_after"]
    )


def to_markdown(d: dict[str, Any], lang: str) -> str:
    """The diff as Markdown."""
    head = _headline(d, lang)
    out = f"## {head[0]}\n\n" + "\n".join(f"- {line}" for line in head[1:]) + "\n"
    changed = [t for t in d["tasks"] if _changed(t)]
    if changed:
        out += "\n" + row(
            label("task_short", lang),
            label("name", lang),
            label("status", lang),
            label("attained", lang),
            label("met_total", lang),
        )
        out += "|---|---|---|---:|---:|\n"
        for t in changed:
            status = f"{label('status.' + t['status_before'], lang)} → {label('status.' + t['status_after'], lang)}"
            out += row(
                t["code"],
                t["name"],
                status,
                f"{t['attained_before']} → {t['attained_after']}",
                f"{t['items_met_before']} → {t['items_met_after']}",
            )
    for key in ("items_gained", "items_lost"):
        if d[key]:
            out += f"\n### {label(key, lang)}\n\n"
            out += "".join(f"- {i['task']} `{i['code']}` {i['name']}\n" for i in d[key])
    return out
