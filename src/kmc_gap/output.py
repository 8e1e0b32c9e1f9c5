"""Writing to stdout and stderr: JSON that keeps Chinese, consoles that colour only terminals."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import orjson

if TYPE_CHECKING:
    from rich.console import Console

    from kmc_gap.problems import Problem


def dumps_json(data: Any, *, indent: bool = True) -> str:
    """JSON with Chinese kept as Chinese (UTF-8, no ``\\u`` escapes) and dates as ISO strings.

    orjson writes the same text as ``json.dumps(ensure_ascii=False, indent=2)`` several times
    faster, which matters when a cohort's reports are streamed.
    """
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(data, default=str, option=option | orjson.OPT_NON_STR_KEYS).decode()


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


@contextlib.contextmanager
def atomic_output(path: Path, *, force: bool = True) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` only when the ``with`` block succeeds.

    It writes to a temporary file in the same folder and renames it over ``path``, so an
    interrupted or failed write leaves any old file whole. Without ``force`` an existing file
    is never replaced: :class:`FileExistsError` is raised instead.
    """
    if path.exists() and not force:
        raise FileExistsError(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if not force and path.exists():
            raise FileExistsError(path)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_output`)."""
    with atomic_output(path, force=force) as handle:
        handle.write(text)
