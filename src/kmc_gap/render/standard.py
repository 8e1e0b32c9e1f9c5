"""Outputs of `kmc-gap standard`: the views built by :mod:`kmc_gap.render.browse`, as a tree or tables, or JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import ViewFormat
from kmc_gap.render.text import clean, console, dumps_json
from kmc_gap.words import labelled, t

if TYPE_CHECKING:
    from rich.console import Group, RenderableType
    from rich.table import Table
    from rich.tree import Tree

View = Mapping[str, Any]


class TableRenderer(Renderer[View]):
    """The view as a Rich tree or tables."""

    def add(self, value: View) -> None:
        """Print the view."""
        console(self.out).print(render(clean(value), self.ctx.lang))


class JsonRenderer(Renderer[View]):
    """The view as JSON."""

    def add(self, value: View) -> None:
        """Write the view."""
        self.out.write(dumps_json(value) + "\n")


RENDERERS: Registry[ViewFormat, View] = Registry(
    {ViewFormat.table: lambda: TableRenderer, ViewFormat.json: lambda: JsonRenderer, ViewFormat.case: lambda: _case()}
)


def _case() -> type[Renderer[View]]:
    from kmc_gap.render.case import CaseRenderer

    return CaseRenderer


def render(view: View, lang: str) -> RenderableType:
    """The renderable for any view: overview, duty, task or item."""
    from rich.text import Text
    from rich.tree import Tree

    kind = view["view"]
    if kind == "standard":
        return _overview(view, lang)
    if kind == "duty":
        tree = Tree(Text(f"{view['code']} {view['name']}", style="bold"))
        _add_tasks(tree, view["tasks"], lang)
        return tree
    if kind == "task":
        return _task(view, lang)
    if kind == "list":
        return _list(view, lang)
    return _item(view, lang)


def _list(view: View, lang: str) -> Table:
    from rich.table import Table

    heading = {"knowledge": "knowledge", "skill": "skills", "attitude": "attitudes"}.get(view["kind"], "")
    title = t(f"render.{heading}" if heading else f"render.{view['kind']}s", lang)
    table = Table(title=title, title_justify="left")
    table.add_column(t("render.code", lang), style="bold", no_wrap=True)
    table.add_column(t("render.name", lang), overflow="fold")
    table.add_column(t("render.required_by", lang), overflow="fold")
    for item in view["items"]:
        table.add_row(item["code"], item["name"], ", ".join(item["tasks"]) or "—")
    return table


def _overview(view: View, lang: str) -> Tree:
    from rich.text import Text
    from rich.tree import Tree

    title = Text.assemble(
        (f"{view['code']} {view['name']}", "bold"), f"  {t('render.level_short', lang)} {view['level']}"
    )
    tree = Tree(title)
    for duty in view["duties"]:
        branch = tree.add(Text(f"{duty['code']} {duty['name']}", style="bold cyan"))
        _add_tasks(branch, duty["tasks"], lang)
    return tree


def _add_tasks(tree: Tree, tasks: list[dict[str, Any]], lang: str) -> None:
    from rich.text import Text

    for task in tasks:
        counts = t(
            "render.counts", lang, o=task["outputs"], p=task["indicators"], k=task["knowledge"], s=task["skills"]
        )
        tree.add(
            Text.assemble(
                (task["code"], "bold"),
                f" {task['name']}  ",
                (f"{t('render.level_short', lang)} {task['level']}", "magenta"),
                (f"  {counts}", "dim"),
            )
        )


def _code_table(title: str, rows: list[tuple[str, str]], lang: str) -> Table:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_header=False, expand=False)
    table.add_column(t("render.code", lang), style="bold", no_wrap=True)
    table.add_column(t("render.name", lang), overflow="fold")
    for code, text in rows:
        table.add_row(code, text)
    return table


def _task(view: View, lang: str) -> Group:
    from rich.console import Group
    from rich.text import Text

    head = Text.assemble(
        (f"{view['code']} {view['name']}", "bold"),
        f"\n{labelled('render.duty', lang)}{view['duty']['code']} {view['duty']['name']}",
        f"\n{labelled('render.level', lang)}",
        (str(view["level"]), "magenta"),
    )
    if view["level_description"]:
        head.append(f"\n{view['level_description']}", style="dim")
    parts: list[RenderableType] = [head]
    if "same_as" in view:
        parts.append(Text(t("render.same_as", lang, code=view["same_as"]), style="dim"))
    if view.get("activities"):
        parts.append(Text(t("render.activities", lang), style="bold"))
        parts += [Text(f"  • {activity}") for activity in view["activities"]]
    for number, block in enumerate(view.get("blocks", []), start=1):  # which items each block asks, at its level
        codes = ", ".join([*block["outputs"], *block["indicators"], *block["knowledge"], *block["skills"]])
        parts.append(Text(t("render.block_line", lang, n=number, level=block["level"], codes=codes)))
    for key, field in (("outputs", "name"), ("indicators", "text"), ("knowledge", "name"), ("skills", "name")):
        rows = [(row["code"], row[field]) for row in view[key]]
        parts.append(_code_table(t(f"render.{key}", lang), rows, lang))
    return Group(*parts)


def _item(view: View, lang: str) -> Group:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    head = Text.assemble((f"{view['code']} {view['name']}", "bold"), f"  ({t('kind.' + view['kind'], lang)})")
    parts: list[RenderableType] = [head]
    if "description" in view:
        parts.append(Text(view["description"]))
    parts += [Text(f"  • {point}") for point in view.get("points", [])]
    if view["kind"] == "attitude":
        parts.append(Text(t("render.attitude_note", lang), style="dim"))
        return Group(*parts)
    if not view["required_by"]:
        parts.append(Text(t("render.required_by_none", lang), style="dim"))
        return Group(*parts)
    table = Table(title=t("render.required_by", lang), title_justify="left")
    table.add_column(t("render.task", lang), style="bold", no_wrap=True)
    table.add_column(t("render.name", lang), overflow="fold")
    table.add_column(t("render.level_short", lang), justify="right")
    for row in view["required_by"]:
        table.add_row(row["code"], row["name"], str(row["level"]))
    parts.append(table)
    return Group(*parts)
