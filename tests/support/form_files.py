"""Rating forms made by ``kmc-gap form`` and filled in as a manager fills them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl

from conftest import RunLine

#: A day after the forms' ratings (2026-11-20).
AS_OF = ("--as-of", "2026-11-30")
MID = "examples/profiles/mid-career-planner.yaml"  # 林小美, E1024
PROFILES = "examples/profiles"


def make_form(run_line: RunLine, tmp_path: Path, *args: str, name: str = "form.xlsx") -> Path:
    out = tmp_path / name
    run = run_line("form", *args, "-o", str(out))
    assert run.code == 0, run.stderr
    return out


class Sheet:
    """A person's sheet of a form: its labels, its heading row and its rows by code."""

    def __init__(self, book: Any, title: str | None = None) -> None:
        self.sheet = book[title] if title else book.worksheets[0]
        rows = list(self.sheet.iter_rows())
        self.head = next(i for i, r in enumerate(rows) if r[0].value in ("代碼", "Code"))
        self.labels = {r[0].value: r[1] for r in rows[: self.head] if r[0].value}
        self.col = {c.value: i for i, c in enumerate(rows[self.head]) if c.value}
        self.rows = {r[0].value: r for r in rows[self.head + 1 :] if r[0].value}

    def rate(self, code: str, column: str, value: object) -> None:
        self.rows[code][self.col[column]].value = value


def fill(path: Path, out: Path, ratings: dict[str, dict[str, object]], *, rater: str | None = "王經理",
         day: object = dt.datetime(2026, 11, 20)) -> Path:  # fmt: skip
    book = openpyxl.load_workbook(path)
    sheet = Sheet(book)
    if rater is not None:
        sheet.labels["評核人"].value = rater
    sheet.labels["評核日期"].value = day
    for code, cells in ratings.items():
        for column, value in cells.items():
            sheet.rate(code, column, value)
    book.save(out)
    return out
