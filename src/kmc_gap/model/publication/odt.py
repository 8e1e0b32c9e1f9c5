"""An ODT of a published standard (what iCAP offers signed-in members) as the text its tables hold.

An OpenDocument text is a zip whose ``content.xml`` holds the document: paragraphs, and tables of
rows of cells. Each table row becomes one line of tab-separated cells (a cell's paragraphs joined by a
space), each paragraph outside a table a line of its own — the text a person copies out of the
document, with no layout left to guess. Cells a merge covers are empty, as they are on the page.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from kmc_gap.model.problems import InputError, Problem

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#: The largest content.xml read: a 10-page standard's is well under 1 MB.
MAX_CONTENT = 20 * 1024 * 1024
#: The most columns a row may declare repeated (a style's 1,024 empty columns are not 1,024 cells).
MAX_REPEAT = 64


def is_odt(raw: bytes) -> bool:
    """Whether ``raw`` is an OpenDocument text (its ``mimetype`` member says so, first, uncompressed)."""
    return raw.startswith(b"PK") and b"application/vnd.oasis.opendocument.text" in raw[:200]


def odt_text(raw: bytes, name: str) -> str:
    """The document's text: a line per paragraph, a line of tab-separated cells per table row."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        info = archive.getinfo("content.xml")
        if info.file_size > MAX_CONTENT:
            raise InputError([Problem(name, "transcribe.odt_too_large", {"limit": MAX_CONTENT})])
        content = archive.read(info)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError):
        raise InputError([Problem(name, "transcribe.odt_damaged")]) from None
    if b"<!DOCTYPE" in content[:4096] or b"<!ENTITY" in content:  # content.xml never declares entities
        raise InputError([Problem(name, "transcribe.odt_damaged")])
    try:
        root = ElementTree.fromstring(content)
    except ElementTree.ParseError:
        raise InputError([Problem(name, "transcribe.odt_damaged")]) from None
    body = root.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    return "\n".join(_lines(body)) if body is not None else ""


def _lines(parent: ElementTree.Element) -> Iterator[str]:
    for node in parent:
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "table":
            yield from _rows(node)
        elif tag in ("p", "h"):
            yield _words(node)
        elif tag in ("list", "list-item", "section", "soft-page-break"):
            yield from _lines(node)


def _rows(table: ElementTree.Element) -> Iterator[str]:
    for row in table.iter(f"{{{_TABLE}}}table-row"):
        cells: list[str] = []
        for cell in row:
            kind = cell.tag.rsplit("}", 1)[-1]
            if kind not in ("table-cell", "covered-table-cell"):
                continue
            text = " ".join(_words(p) for p in cell.iter() if p.tag in (f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"))
            repeat = min(int(cell.get(f"{{{_TABLE}}}number-columns-repeated", "1") or 1), MAX_REPEAT)
            cells += [text if kind == "table-cell" else ""] + [""] * (repeat - 1)
        yield "\t".join(cells).rstrip("\t")


def _words(paragraph: ElementTree.Element) -> str:
    """A paragraph's text, its spans and line breaks included (``text:s`` is a space, ``text:tab`` a tab)."""
    parts: list[str] = []

    def walk(node: ElementTree.Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag in ("s", "tab", "line-break"):
                parts.append(" ")
            elif tag != "note":  # a footnote's own text is not the cell's
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(paragraph)
    return " ".join("".join(parts).split())
