"""What a table file is, told by its bytes: many systems' "匯出 Excel" is no Excel file at all.

Web and government training systems hand out an HTML table, or an Excel 2003 XML Spreadsheet, saved
as ``.xls``; Excel's "Unicode text" is UTF-16 tab-separated text under ``.txt`` or ``.xls``; a CSV may
be a workbook renamed. The file's ending is never asked: the first bytes say which reader it needs.
"""

from __future__ import annotations

import re
from enum import StrEnum

#: How much of a file is looked at to tell what it is.
SNIFF_BYTES = 8192

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SPREADSHEET_ML = "urn:schemas-microsoft-com:office:spreadsheet"
_HTML_START = re.compile(r"^(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|table|meta|style|tr)\b", re.S)


class Container(StrEnum):
    """The kinds of table file read."""

    zip_workbook = "zip_workbook"  # .xlsx, .xlsm, .ods: a zip, read by python-calamine
    ole_workbook = "ole_workbook"  # .xls of Excel 97–2003 (BIFF in an OLE2 file), read by python-calamine
    html = "html"  # an HTML table, often saved as .xls
    spreadsheet_ml = "spreadsheet_ml"  # Excel 2003 XML Spreadsheet, often saved as .xls
    text = "text"  # CSV, TSV, "Unicode text": any delimiter, encoding and line ending


def sniff(raw: bytes) -> Container:
    """The container ``raw`` is, by its first bytes."""
    if raw.startswith(b"PK"):
        return Container.zip_workbook
    if raw.startswith(_OLE2):
        return Container.ole_workbook
    head = head_text(raw[:SNIFF_BYTES]).lstrip("\ufeff \t\r\n").casefold()
    if head.startswith("<"):
        if _SPREADSHEET_ML in head and "<workbook" in head:
            return Container.spreadsheet_ml
        if _HTML_START.match(head) or "<table" in head:
            return Container.html
    return Container.text


def utf16_order(raw: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` for UTF-16 text, with or without its byte-order mark; else None.

    Without a mark, text of ASCII letters, digits and marks has a zero in every other byte: one side
    of zeros, and not the other, says the order. CJK text alone has none, and needs the mark.
    """
    if raw.startswith(b"\xff\xfe"):
        return "utf-16-le"
    if raw.startswith(b"\xfe\xff"):
        return "utf-16-be"
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even * 10 < odd:  # a CJK character may end in a zero byte too (紀 is U+7D00)
        return "utf-16-le"
    if even > half * 0.3 and odd * 10 < even:
        return "utf-16-be"
    return None


def head_text(raw: bytes) -> str:
    """The start of a file as text, for sniffing only: UTF-16 where it is, else UTF-8 with errors replaced."""
    order = utf16_order(raw)
    if order is not None:
        return raw[: len(raw) // 2 * 2].decode(order, "replace")
    return raw.decode("utf-8", "replace")
