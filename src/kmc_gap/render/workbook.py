"""Writing a small workbook to an output stream: the one way the catalogue skeleton and the plan do it.

xlsxwriter writes to a file, so the workbook is built in a temporary file that is removed whatever
happens, and its bytes go to the stream's binary buffer. Text is never read as a formula, a link or a
number: cells from files stay what they are.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

#: xlsxwriter options for workbooks of text from files.
SAFE = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def write_workbook(out: TextIO, build: Callable[[Any], None]) -> None:
    """Build a workbook with ``build(book)`` and send its bytes to ``out``."""
    import xlsxwriter

    fd, path = tempfile.mkstemp(prefix="kmc-gap-", suffix=".xlsx")
    os.close(fd)
    try:
        book = xlsxwriter.Workbook(path, SAFE)
        build(book)
        book.close()
        data = Path(path).read_bytes()
    finally:
        Path(path).unlink(missing_ok=True)
    out.flush()
    out.buffer.write(data)
    out.buffer.flush()
