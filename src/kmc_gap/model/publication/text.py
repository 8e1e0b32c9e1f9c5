"""The text of a published standard as it was copied out: lines, tab-separated cells, and the words in them.

A table copied out of the published document keeps its cells apart with tabs (one table row per
line) and keeps the document's own marks: ``<p>`` and ``<u>`` from some extractions, ``【註1】`` footnote
marks, and the spaces where a narrow column broke a line (「建立與 管理利益 關係人合 作關係」). Chinese is
written without spaces: a space between two Chinese characters is the column's, not the author's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kmc_gap.model.vocabulary import STANDARD_BULLETS, STANDARD_NOTE_KEY, STANDARD_NOTE_MARK

#: Characters written without spaces between them: CJK ideographs, kana, and full-width punctuation.
_WIDE = r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2014\u2026]"
_WIDE_GAP = re.compile(rf"(?<={_WIDE}) +(?={_WIDE})")
#: Full-width punctuation, which never has a space beside it in Chinese typesetting.
_WIDE_MARK = r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
_MARK_GAP = re.compile(rf"(?<={_WIDE_MARK}) +| +(?={_WIDE_MARK})")
_MARKUP = re.compile(r"</?(?:p|u|b|i|em|strong|span|br)\b[^>]*>", re.IGNORECASE)
NOTE_MARK = re.compile(STANDARD_NOTE_MARK)


@dataclass(frozen=True)
class Line:
    """One line of the text: its number (from 1) and its cells (one when it has no tab)."""

    number: int
    cells: tuple[str, ...]
    indented: bool = False  # began with a space (where a copy lost a sub-point's bullet) or a bullet

    def cell(self, index: int) -> str:
        """The cell at ``index`` (from 0), or empty text past the row's end."""
        return self.cells[index] if index < len(self.cells) else ""

    @property
    def filled(self) -> list[str]:
        """The row's cells that hold text, in order."""
        return [c for c in self.cells if c]


def lines_of(text: str) -> list[Line]:
    """Every line of ``text`` that holds anything, its cells cleaned of markup and outer spaces."""
    out = []
    for number, raw in enumerate(text.splitlines(), start=1):
        cells = tuple(plain(cell) for cell in raw.split("\t"))
        if any(cells):
            out.append(Line(number, cells, raw[:1] in (" ", "\u3000") or raw.lstrip().startswith(STANDARD_BULLETS)))
    return out


def plain(cell: str) -> str:
    """A cell without markup, with its white space folded to single spaces (notes are kept)."""
    return " ".join(_MARKUP.sub(" ", cell).split())


def joined(text: str) -> str:
    """Text as the author wrote it: white space folded, none between two Chinese characters nor beside
    full-width punctuation (a line broken at 「001v3 / 》取代」 is 「001v3》取代」)."""
    return _MARK_GAP.sub("", _WIDE_GAP.sub("", " ".join(text.split())))


def notes_in(text: str) -> tuple[str, list[str]]:
    """``text`` without its footnote marks, and the footnotes it marks (``註1``)."""
    marks = [STANDARD_NOTE_KEY.format(n=n) for n in NOTE_MARK.findall(text)]
    return NOTE_MARK.sub("", text).strip(), marks
