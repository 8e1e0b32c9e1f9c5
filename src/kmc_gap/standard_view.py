"""Rich rendering of the views built by :mod:`kmc_gap.browse` for `kmc-gap standard`."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from kmc_gap.labels import label


def render(view: dict[str, Any], lang: str) -> RenderableType:
    """The renderable for any view: overview, duty, task or item."""
    kind = view["view"]
    if kind == "standard":
        return _overview(view, lang)
    if kind == "duty":
        tree = Tree(Text(f"{view['code']} {view['name']}", style="bold"))
        _add_tasks(tree, view["tasks"], lang)
        return tree
    if kind == "task":
        return _task(view, lang)
    return _item(view, lang)


def print_view(console: Console, view: dict[str, Any], lang: str) -> None:
    """Print a view to ``console``."""
    console.print(render(view, lang))


def _overview(view: dict[str, Any], lang: str) -> Tree:
    title = Text.assemble((f"{view['code']} {view['name']}", "bold"), f"  {label('level_short', lang)} {view['level']}")
    tree = Tree(title)
    for duty in view["duties"]:
        branch = tree.add(Text(f"{duty['code']} {duty['name']}", style="bold cyan"))
        _add_tasks(branch, duty["tasks"], lang)
    return tree


def _add_tasks(tree: Tree, tasks: list[dict[str, Any]], lang: str) -> None:
    for t in tasks:
        counts = label("counts", lang, o=t["outputs"], p=t["indicators"], k=t["knowledge"], s=t["skills"])
        tree.add(
            Text.assemble(
                (t["code"], "bold"),
                f" {t['name']}  ",
                (f"{label('level_short', lang)} {t['level']}", "magenta"),
                (f"  {counts}", "dim"),
            )
        )


def _code_table(title: str, rows: list[tuple[str, str]], lang: str) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, expand=False)
    table.add_column(label("code", lang), style="bold", no_wrap=True)
    table.add_column(label("name", lang), overflow="fold")
    for code, text in rows:
        table.add_row(code, text)
    return table


def _task(view: dict[str, Any], lang: str) -> Group:
    head = Text.assemble(
        (f"{view['code']} {view['name']}", "bold"),
        f"\n{label('duty', lang)}: {view['duty']['code']} {view['duty']['name']}",
        f"\n{label('level', lang)}: ",
        (str(view["level"]), "magenta"),
    )
    if view["level_description"]:
        head.append(f"\n{view['level_description']}", style="dim")
    parts: list[RenderableType] = [head]
    for key, field in (("outputs", "name"), ("indicators", "text"), ("knowledge", "name"), ("skills", "name")):
        rows = [(row["code"], row[field]) for row in view[key]]
        parts.append(_code_table(label(key, lang), rows, lang))
    return Group(*parts)


def _item(view: dict[str, Any], lang: str) -> Group:
    head = Text.assemble((f"{view['code']} {view['name']}", "bold"), f"  ({label('kind.' + view['kind'], lang)})")
    parts: list[RenderableType] = [head]
    if "description" in view:
        parts.append(Text(view["description"]))
    if view["kind"] == "attitude":
        parts.append(Text(label("attitude_note", lang), style="dim"))
        return Group(*parts)
    if not view["required_by"]:
        parts.append(Text(label("required_by_none", lang), style="dim"))
        return Group(*parts)
    table = Table(title=label("required_by", lang), title_justify="left")
    table.add_column(label("task", lang), style="bold", no_wrap=True)
    table.add_column(label("name", lang), overflow="fold")
    table.add_column(label("level_short", lang), justify="right")
    for row in view["required_by"]:
        table.add_row(row["code"], row["name"], str(row["level"]))
    parts.append(table)
    return Group(*parts)
