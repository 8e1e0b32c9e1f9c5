"""Writing output files so that a failed or interrupted run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


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
