"""The table, Markdown and JSON renderers of a command that writes one document (a plan, a diff), built once.

A command gives three functions — print to a Rich console, write Markdown, make the JSON document
(names added in the chosen language) — and gets a renderer for each, the same way for every command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from kmc_gap.render.base import Renderer
from kmc_gap.render.text import clean, console, dumps_json

if TYPE_CHECKING:
    from rich.console import Console

    from kmc_gap.model.models import Standard
    from kmc_gap.render.base import RenderContext

T = TypeVar("T")


class Trio(NamedTuple, Generic[T]):
    """The three renderers of a one-document command."""

    table: type[Renderer[T]]
    markdown: type[Renderer[T]]
    json: type[Renderer[T]]


def trio(
    print_table: Callable[[Console, T, RenderContext], None],
    to_markdown: Callable[[T, RenderContext], str],
    to_json: Callable[[T, Standard, str], Any],
) -> Trio[T]:
    """A table renderer (text from files made terminal-safe first), a Markdown one and a JSON one."""

    class TableRenderer(Renderer[T]):
        def add(self, value: T) -> None:
            print_table(console(self.out), clean(value), self.ctx)

    class MarkdownRenderer(Renderer[T]):
        def add(self, value: T) -> None:
            self.out.write(to_markdown(value, self.ctx))

    class JsonRenderer(Renderer[T]):
        def add(self, value: T) -> None:
            self.out.write(dumps_json(to_json(value, self.ctx.std, self.ctx.lang)) + "\n")

    return Trio(TableRenderer, MarkdownRenderer, JsonRenderer)
