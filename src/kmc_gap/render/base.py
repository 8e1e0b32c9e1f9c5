"""One way to render: a small abstract base, and a registry of renderers per command.

Every output of every command — assess, validate, standard, plan, diff, import, calibrate, schema,
init — is a :class:`Renderer` subclass looked up in that command's :class:`Registry` by a ``StrEnum``
of its formats. A registry maps each format to a function that imports the renderer's module on
first use, so that asking for JSON never loads Rich.

The contract every renderer keeps:

* **Calls.** ``start`` once, then ``add`` for each value in input order (``failure`` for an input
  that could not be used), then ``finish`` once; :meth:`Renderer.write` does all three for a single
  value. ``start`` may assume only ``self.out`` and ``self.ctx``: no value has been seen yet.
* **State.** A renderer keeps its state on the instance, set in ``__init__`` or ``start``, never in
  class attributes: two runs in one process (the tests) never share anything.
* **Values.** A value is never changed in place; naming it for JSON makes a new one
  (``render/names.py``), and a terminal copy is made safe with ``render.text.clean``.
* **Streams.** ``self.out`` is a text stream. The binary formats (``xlsx``) write their bytes to
  ``self.out.buffer`` in ``finish`` (or in ``add`` for one-document commands) and nothing else.
* **Memory.** ``jsonl`` and ``csv`` stream: each report is written as it arrives and dropped.
  ``table``, ``markdown``, ``html``, ``junit`` and ``summary`` hold what their cohort summary
  needs (a brief per person). ``xlsx`` writes its rows to a temporary file as they arrive, and holds a
  brief per person for its summary sheet and each gap's people for its gaps sheet.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TextIO, TypeVar

from kmc_gap.words import DEFAULT_LANG

if TYPE_CHECKING:
    from kmc_gap.engine.report import Plan
    from kmc_gap.model.models import Course, Standard
    from kmc_gap.model.problems import Problem

T = TypeVar("T")
F = TypeVar("F", bound=StrEnum)


@dataclass(frozen=True)
class RenderContext:
    """What every renderer may need besides the value: the standard (for names) and the language."""

    std: Standard
    lang: str = DEFAULT_LANG
    cohort: bool = False  # several inputs: a summary across people rather than one person's detail
    bom: bool = True  # csv: start with a UTF-8 byte-order mark so that Excel reads Chinese correctly
    gaps: int | None = 10  # how many gaps the human-readable formats list; None for all
    task: str | None = None  # the table shows this one task in full instead of the whole report
    courses: tuple[Course, ...] | None = None  # the summary: which gaps the catalogue's courses close
    plan: Plan | None = None  # the summary: the plan whose cost and lift it shows
    group_by: str | None = None  # "organisation" or "role": cohort rows and the summary grouped by it
    top: int | None = None  # calibrate's table and Markdown: the rows each table lists (None: every row)


class Renderer(ABC, Generic[T]):
    """Writes values to ``out``: :meth:`start`, :meth:`add` per value (or :meth:`failure`), :meth:`finish`."""

    def __init__(self, out: TextIO, ctx: RenderContext) -> None:
        self.out = out
        self.ctx = ctx

    def start(self) -> None:
        """Called once before the first value."""

    @abstractmethod
    def add(self, value: T) -> None:
        """Called for each value, in order."""

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Called for each input that could not be used (its problems also go to stderr)."""

    def finish(self) -> None:
        """Called once after the last value."""

    @classmethod
    def write(cls, value: T, out: TextIO, ctx: RenderContext) -> None:
        """Render a single value: start, add, finish."""
        renderer = cls(out, ctx)
        renderer.start()
        renderer.add(value)
        renderer.finish()


class Registry(Generic[F, T]):
    """The renderers of one command, by format; each imported when first asked for."""

    def __init__(self, loaders: Mapping[F, Callable[[], type[Renderer[T]]]]) -> None:
        self._loaders = dict(loaders)

    def __getitem__(self, fmt: F) -> type[Renderer[T]]:
        return self._loaders[fmt]()

    def __iter__(self) -> Iterator[F]:
        return iter(self._loaders)
