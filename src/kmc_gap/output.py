"""Writing to stdout and stderr: JSON that keeps Chinese, consoles that colour only terminals."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from kmc_gap.problems import Problem


def dumps_json(data: Any, *, indent: int | None = 2) -> str:
    """JSON with Chinese kept as Chinese and dates as ISO strings."""
    return json.dumps(data, ensure_ascii=False, indent=indent, default=str)


def console(stream: TextIO | None = None) -> Console:
    """A Rich console on ``stream`` (stdout by default).

    Rich already honours NO_COLOR and writes no colour codes when the stream is not a
    terminal; soft wrapping is left off so tables keep their columns.
    """
    from rich.console import Console

    return Console(file=stream or sys.stdout, highlight=False, emoji=False)


def report_problems(problems: list[Problem], lang: str, stream: TextIO | None = None) -> None:
    """Print ``file:line:col: message`` lines for each problem on stderr."""
    out = stream or sys.stderr
    for problem in problems:
        print(problem.format(lang), file=out)
