"""Benchmark: a sheet of N cells is refused or read in time linear in N, whatever its XML declares.

    python bench/sheets.py            # N = 20,000 / 200,000 / 2,000,000 cells
    python bench/sheets.py --quick    # N = 2,000 / 20,000 / 200,000

For each way a sheet may lay its cells out — every row and cell with its ``r=``, none of them with one,
``r='…'`` in single quotes, and an ``.ods`` whose rows are repeats declared by one element — it writes a sheet
of N cells and times reading it as kmc-gap reads any record file (the limits checked first, then the cells).
It prints the time per thousand cells at each size and the ratio of the largest size's to the smallest's:
linear reading keeps it near 1 (the target is at most 2). A sheet past the limits is refused at once: its
row says so. Nothing here is pass/fail.
"""

from __future__ import annotations

import argparse
import io
import time
import zipfile
from pathlib import Path

from kmc_gap.model.problems import InputError
from kmc_gap.model.records import RecordOptions, read_tables

WIDTH = 10  # cells a row


def _xlsx(rows: bytes) -> bytes:
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.'
        b'org/spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData></worksheet>"
    )
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml"'
        b' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
        b'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
        b'name="a" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return buffer.getvalue()


def _cell(ref: str, quote: str) -> bytes:
    place = f" r={quote}{ref}{quote}" if quote else ""
    return f'<c{place} t="inlineStr"><is><t>x</t></is></c>'.encode()


def _letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def xlsx_rows(cells: int, quote: str) -> bytes:
    """A sheet of ``cells`` cells, ``WIDTH`` a row; ``quote`` the mark around ``r=`` (none: no ``r=`` at all)."""
    rows = []
    for r in range(1, cells // WIDTH + 1):
        place = f" r={quote}{r}{quote}" if quote else ""
        body = b"".join(_cell(f"{_letters(c)}{r}", quote) for c in range(1, WIDTH + 1))
        rows.append(f"<row{place}>".encode() + body + b"</row>")
    return _xlsx(b"".join(rows))


def ods_repeats(cells: int) -> bytes:
    """An .ods whose rows of ``WIDTH`` filled cells are one element, declared ``cells / WIDTH`` times."""
    cell = b'<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:'
        b'opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        b'<table:table table:name="a"><table:table-row table:number-rows-repeated="'
        + str(cells // WIDTH).encode()
        + b'">'
        + cell * WIDTH
        + b"</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
        b'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type='
        b'"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
        b'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        book.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        book.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


SHAPES = {
    'r="…" on every row and cell': lambda n: xlsx_rows(n, '"'),
    "no r= anywhere": lambda n: xlsx_rows(n, ""),
    "r='…' in single quotes": lambda n: xlsx_rows(n, "'"),
    ".ods, rows declared as repeats": ods_repeats,
}


def timed(data: bytes, suffix: str, folder: Path) -> tuple[float, str]:
    path = folder / f"sheet{suffix}"
    path.write_bytes(data)
    start = time.perf_counter()
    try:
        found = read_tables(path, RecordOptions(max_bytes=200 << 20))
        outcome = f"read, {sum(len(t.rows) for t in found.tables):,} rows"
    except InputError as exc:
        outcome = f"refused ({exc.problems[0].key})"
    return time.perf_counter() - start, outcome


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes ten times smaller")
    args = parser.parse_args()
    sizes = [2_000, 20_000, 200_000] if args.quick else [20_000, 200_000, 2_000_000]
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in SHAPES.items():
            suffix = ".ods" if name.startswith(".ods") else ".xlsx"
            per = []
            for n in sizes:
                seconds, outcome = timed(make(n), suffix, Path(tmp))
                per.append(seconds / n * 1000)
                print(
                    f"{name:32} {n:>10,} cells  {seconds:7.3f} s  {per[-1] * 1000:7.3f} ms per 1,000 cells  {outcome}"
                )
            print(f"{name:32} ratio largest/smallest per cell {per[-1] / per[0]:.2f} (target ≤ 2)\n")


if __name__ == "__main__":
    main()
