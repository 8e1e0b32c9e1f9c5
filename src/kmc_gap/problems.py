"""Problems found in input files, with their place, and the error that carries them.

A problem is kept as a message key plus arguments, not as finished text, so that the same
problem can be shown in Traditional Chinese or English (see :mod:`kmc_gap.messages`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, at a 1-based line and column when known."""

    file: str
    key: str
    args: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None

    def message(self, lang: str = "zh-TW") -> str:
        """The problem's message in ``lang``, without its location."""
        from kmc_gap.messages import render

        return render(self.key, lang, self.args)

    def location(self) -> str:
        """``file:line:col``, or as much of it as is known."""
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def format(self, lang: str = "zh-TW") -> str:
        """``file:line:col: message``, the form editors and CI logs understand."""
        return f"{self.location()}: {self.message(lang)}"

    def to_dict(self, lang: str = "zh-TW") -> dict[str, Any]:
        """A JSON-ready view of the problem."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.key,
            "message": self.message(lang),
        }


class InputError(Exception):
    """Raised when an input file cannot be used; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format("en") for p in problems))
        self.problems = problems
