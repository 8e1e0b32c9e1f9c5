"""A published standard's PDF as the text its pages hold: each ruled table's rows, and the lines between.

The tables are found by their rules (pdfplumber), so a cell is a cell however its text wraps: a table
row becomes a line of tab-separated cells, a cell's short lines joined by spaces (the text reading
drops a space between two Chinese characters), and the text outside the tables — the title, 職能內涵
(A…), 說明與補充事項, a page's 第 1 頁,總共 6 頁 — becomes lines in the order they stand on the page.
What a page break cut is then joined back as for any copied-out text.
"""

from __future__ import annotations

import io
from typing import Any

from kmc_gap.model.problems import InputError, Problem

#: How far apart (points) two glyphs' tops may be and stand on one line: a code in a Latin font beside
#: Chinese in a CJK one sits lower by a point or two.
_LINE = 4
#: The most pages read: a standard runs to about ten.
MAX_PAGES = 200


def pdf_text(raw: bytes, name: str) -> str:
    """The document's text, page by page: a line per table row (cells apart by tabs), a line per text line."""
    import pdfplumber

    out: list[str] = []
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise InputError([Problem(name, "transcribe.pdf_pages", {"pages": len(pdf.pages), "limit": MAX_PAGES})])
            for page in pdf.pages:
                out += _page(page)
    except InputError:
        raise
    except Exception:  # a damaged PDF fails in pdfminer in many ways (syntax, stream, xref, font): all one to us
        raise InputError([Problem(name, "transcribe.pdf_damaged")]) from None
    return "\n".join(out)


def _page(page: Any) -> list[str]:
    """One page's lines, top to bottom: its tables' rows and the text around them."""
    tables = page.find_tables()
    blocks: list[tuple[float, list[str]]] = []
    for table in tables:
        blocks.append((table.bbox[1], ["\t".join(_cell(page, cell) for cell in row.cells) for row in table.rows]))
    boxes = [table.bbox for table in tables]
    rest = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes))
    for line in rest.extract_text_lines(y_tolerance=_LINE):
        blocks.append((line["top"], [line["text"]]))
    return [text for _, lines in sorted(blocks, key=lambda block: block[0]) for text in lines]


def _cell(page: Any, box: tuple[float, float, float, float] | None) -> str:
    """A cell's text, its lines joined: with a space, but with none where a code or word was cut at the
    cell's right edge (KMC / 3332- / 001v3 is KMC3332-001v3); Chinese is rejoined by the text reading."""
    if box is None:  # a cell a merge covers
        return ""
    lines = page.filter(lambda obj: _inside(obj, box)).extract_text_lines(y_tolerance=_LINE)
    text = ""
    for before, line in zip([None, *lines], lines, strict=False):
        if before is not None:
            text += "" if _cut(before, line, box[2]) else " "
        text += line["text"]
    return " ".join(text.split())


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """Whether an object's centre is in ``box``: a glyph that touches a rule belongs where most of it is."""
    x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])


def _cut(before: dict[str, Any], after: dict[str, Any], right: float) -> bool:
    """Whether the break between ``before`` and ``after`` cut a word, so that no space stands there: after a
    hyphen or a slash (KMC3332-|001v3, 贊助商/|合作) wherever the line ends, inside a Latin token only at
    the cell's right edge (KMC|3332). Chinese is rejoined by the text reading anyway."""
    glyph = _GLYPH * (before["bottom"] - before["top"])
    at_edge = right - float(before["x1"]) < 2.5 * glyph
    last, first = before["text"][-1:], after["text"][:1]
    mid_token = last.isascii() and last.isalnum() and first.isascii() and first.isalnum()
    spaced = before["text"][-2:-1] == " "  # 產業 / | 產品: the mark stood between spaces, as its other side shows
    return (last in "-/" and not spaced) or (at_edge and (mid_token or (last in "_." and not spaced)))


#: A Latin glyph's width as a share of the line's height: how near the edge a cut line ends.
_GLYPH = 0.6
