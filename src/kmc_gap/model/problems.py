"""Problems found in input files, with their place, and the error that carries them.

A problem is kept as a catalogue key plus arguments, not as finished text, so that the same
problem can be shown in Traditional Chinese or English (see :mod:`kmc_gap.words`).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from typing import Any

from kmc_gap.words import Word, t
from kmc_gap.words.safe import log_line


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, at a 1-based line and column when known."""

    file: str
    key: str
    args: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    column: int | None = None
    sheet: str | None = None  # in a workbook: line and column are the row and column of a cell of this sheet

    def message(self, lang: str = "zh-TW") -> str:
        """The problem's message in ``lang``, without its location."""
        return t(self.key, lang, **self.args)

    def location(self) -> str:
        """``file:line:col``, or as much of it as is known; in a workbook ``file:sheet!E12``."""
        if self.sheet is not None and self.line is not None:
            return f"{self.file}:{cell_name(self.sheet, self.line, self.column)}"
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def format(self, lang: str = "zh-TW") -> str:
        """``file:line:col: message``, the form editors and CI logs understand.

        Names and values from files are shown as text: no control character, no line break, and
        never a line that a CI server would read as a command.
        """
        return log_line(f"{self.location()}: {self.message(lang)}")


def cell_name(sheet: str, row: int, column: int | None) -> str:
    """A cell as spreadsheets name it: ``工作表1!E12``, ``'Q1 records'!E12``; a whole row ``工作表1!12:12``."""
    letters = ""
    number = column or 0
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    quoted = sheet if all(ch.isalnum() or ch == "_" for ch in sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{quoted}!{letters}{row}" if letters else f"{quoted}!{row}:{row}"


class KmcGapError(Exception):
    """Every error kmc-gap reports: its problems (catalogue key, arguments and place) and its exit code.

    The CLI turns any of them into messages in the user's language and an exit code in one place
    (``kmc_gap.cli.app.main``); a subclass exists where the handling differs.
    """

    exit_code = 2

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.format("en") for p in problems))
        self.problems = problems


class InputError(KmcGapError):
    """An input file cannot be used; carries every problem found in it."""


def in_file_order(problems: list[Problem]) -> list[Problem]:
    """The problems sorted by place, each reported once (two checks may find the same mistake)."""
    unique = {(p.key, p.line, p.column, str(p.args.get("code", p.args.get("field")))): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.line or 0, p.column or 0))


_OS_REASONS = {
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.ENOENT: "os.not_found",
    errno.ENOSPC: "os.no_space",
    errno.EROFS: "os.read_only",
    errno.EISDIR: "os.is_dir",
    errno.ENOTDIR: "os.not_dir",
}


def os_reason(exc: OSError) -> Word:
    """Why an operating-system call failed, as words (the system's own text is English only)."""
    key = _OS_REASONS.get(exc.errno or 0)
    if key:
        return Word(key)
    return Word("os.other", {"name": errno.errorcode.get(exc.errno or 0, str(exc.errno))})


@dataclass
class FileCheck:
    """One checked file, what kind of file it is, and its problems (none when valid)."""

    file: str
    kind: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether the file has no problems."""
        return not self.problems
