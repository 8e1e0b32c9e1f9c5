"""Reading a workbook so that a damaged or hostile one is one located problem, never the end of the run.

python-calamine (Rust) reads workbooks fast, but a 5 KB ``.xlsx`` with one cell at ``XFD1048576`` makes
it allocate a grid of 17 billion cells, a zip bomb inflates to gigabytes, and a mutated ``.xls`` can
make it panic (``pyo3_runtime.PanicException``, a ``BaseException``) or abort the whole process. So:

1. **Before the reader sees it**, a zip workbook (``.xlsx``, ``.xlsm``, ``.ods``) is bounded by what it
   declares: its members' uncompressed sizes and their compression ratio, and an ``.xlsx`` sheet by its
   grid (rows × columns from its first cell to its last), each against the limits below.
2. **The reader runs in a child process** with a memory cap and a time limit; whatever happens there — a
   panic, an abort, running out of memory or time — the parent gets one problem for the file, and the
   rest of the batch goes on.

The limits (README, "From HR records"): the members of a workbook may unpack to 100 times ``--max-size``
(500 MiB at the default 5 MiB) and no member may be compressed more than 200 to 1; a sheet's grid may
hold 20 million cells; the reader may use 4 GiB and 120 seconds.
"""

from __future__ import annotations

import contextlib
import html
import io
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from kmc_gap.model.problems import InputError, Problem

#: How many times ``--max-size`` a workbook's members may unpack to, in all.
UNPACKED_FACTOR = 100
#: The most a member may be compressed: real sheets reach 20–60 to 1, a zip bomb thousands.
MAX_RATIO = 200
#: The most cells a sheet's grid (from its first cell to its last) may span.
MAX_CELLS = 20_000_000
#: What the reader process may use.
READER_MEMORY = 4 << 30
READER_SECONDS = 120

_CELL_REF = re.compile(rb'<c\s[^>]*?r="([A-Z]{1,3})([0-9]{1,7})"')


@dataclass(frozen=True)
class Sheet:
    """One sheet as the reader gave it: its name, the cell where its data starts, and its rows."""

    name: str
    start: tuple[int, int]
    rows: list[list[Any]]


@dataclass(frozen=True)
class Book:
    """A workbook's sheet names, and the sheets that were asked for."""

    names: tuple[str, ...]
    sheets: dict[str, Sheet]


T = TypeVar("T")

#: A cell's position (1-based row and column) → what it shows in place of the empty cell the reader gives.
CellTexts = dict[tuple[int, int], str]


@dataclass(frozen=True)
class SheetNotes:
    """What a sheet's XML says that the reader's cells do not: cells it gives as empty though they are not, and
    the rows and columns the sheet hides (1-based). python-calamine gives cells only."""

    unread: CellTexts
    hidden_rows: frozenset[int]
    hidden_columns: frozenset[int]  # 1-based: a column hidden is read, never before a visible one of its meaning


def check_zip(raw: bytes, name: str, max_bytes: int) -> dict[str, SheetNotes]:
    """Refuse, before any reading, a zip workbook that would unpack or spread beyond the limits.

    Returns, per ``.xlsx`` sheet member (``xl/worksheets/sheet1.xml``) that has any, what its XML says and the
    reader's cells do not (:class:`SheetNotes`): cells given as empty though they hold an error value or a
    formula never calculated, and the rows and columns it hides. Each sheet is inflated once for all of it.
    """
    if not raw.startswith(b"PK"):
        return {}  # an .xls (OLE2) file: only the reader process's limits apply
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        members = archive.infolist()
    except Exception:  # a damaged zip raises errors of zipfile, zlib, struct …: each means the same to a person
        raise InputError([Problem(name, "records.not_workbook")]) from None
    total = sum(m.file_size for m in members)
    if total > UNPACKED_FACTOR * max_bytes:
        args = {"size": total, "limit": UNPACKED_FACTOR * max_bytes, "factor": UNPACKED_FACTOR}
        raise InputError([Problem(name, "records.workbook_unpacks", args)])
    for member in members:
        if member.file_size > MAX_RATIO * max(member.compress_size, 1) and member.file_size > 1 << 20:
            raise InputError([Problem(name, "records.workbook_bomb", {"member": member.filename})])
    found: dict[str, SheetNotes] = {}
    for member in members:
        ods = member.filename == "content.xml"  # an .ods: its rows and cells may declare repeats
        if not (_is_sheet(member.filename) or ods):
            continue
        try:
            data = archive.read(member)
        except Exception:  # a bad CRC, a broken deflate stream, an encrypted member
            raise InputError([Problem(name, "records.not_workbook")]) from None
        cells, repeated = _ods_cells(data) if ods else (_grid(data), 0)
        if repeated > MAX_REPEATED_ROWS:
            args = {"rows": repeated, "limit": MAX_REPEATED_ROWS}
            raise InputError([Problem(name, "records.workbook_repeats", args)])
        if cells > MAX_CELLS:
            raise InputError([Problem(name, "records.workbook_grid", {"cells": cells, "limit": MAX_CELLS})])
        if not ods:
            notes = SheetNotes(unread_cells(data), hidden_rows(data), hidden_columns(data))
            if notes.unread or notes.hidden_rows or notes.hidden_columns:
                found[member.filename] = notes
    return found


_HIDDEN_ROW = re.compile(rb"""<row\b[^>]*?\bhidden\s*=\s*["'](?:1|true)["'][^>]*>""")


def hidden_rows(data: bytes) -> frozenset[int]:
    """The rows (1-based) a sheet hides: a filtered view's, or rows someone hid to set them aside."""
    if b"hidden" not in data:
        return frozenset()
    out = set()
    for tag in _HIDDEN_ROW.findall(data):
        ref = _REF.search(tag[4:])
        if ref is not None and ref.group(2):
            out.add(int(ref.group(2)))
    return frozenset(out)


_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_FORMULA = re.compile(rb"<f\b[^>]*>([^<]*)</f>")
#: The longest formula shown in place of the value it never saved.
SHOWN_FORMULA = 60


def unread_cells(data: bytes) -> CellTexts:
    """The cells of a sheet's XML that python-calamine reads as empty though they hold something: an error
    value (``#DIV/0!``, ``#N/A``), shown as it is, and a formula whose value was never saved (a file written
    by a program that does not calculate), shown as ``=`` and its formula. Either is then a located problem
    wherever a value is read, never an empty cell (a cost of nothing, a rating not given)."""
    if b't="e"' not in data and b"<f" not in data:
        return {}
    out: CellTexts = {}
    for match in _CELL.finditer(data):
        tag, body = b"<c " + match.group(1) + b">", match.group(2) or b""
        attrs, ref = _attrs(tag), _CELL_REF.match(tag)
        if ref is None:
            continue
        where = (int(ref.group(2)), _column(ref.group(1)))
        value = _VALUE.search(body)
        if attrs.get(b"t") == b"e":
            out[where] = (value.group(1) if value else b"#ERROR").decode("utf-8", "replace")
        elif b"<f" in body and not (value and value.group(1)):
            formula = _FORMULA.search(body)
            text = html.unescape(formula.group(1).decode("utf-8", "replace")) if formula else ""
            out[where] = "=" + text[:SHOWN_FORMULA]
    return out


def _is_sheet(member: str) -> bool:
    """An .xlsx sheet's XML; an .ods file's repeated empty cells (to the last column) are not laid out."""
    return member.startswith("xl/worksheets/") and member.endswith(".xml")


def _grid(data: bytes) -> int:
    """How many cells the reader would lay out for a sheet: its first to its last cell, both ways.

    Counted from what the sheet holds, never only from what it declares: a cell or a row may leave out its
    ``r=`` (its place is then the next one) or quote it with ``'``, and each still takes its place.
    """
    cells = data.count(b"<c ")
    placed = data.count(b'<c r="')  # how Excel, LibreOffice and the libraries write a cell: its place first
    explicit = cells == placed and b"<c>" not in data and b"<c/>" not in data
    if not explicit or data.count(b"<row") != data.count(b'<row r="'):
        return _walked_grid(data)  # a row or cell without r=, or with it elsewhere or quoted otherwise
    refs = _PLACED.findall(data)
    if not refs:
        return 0
    rows = [int(number) for number in {number for _, number in refs}]  # each row and column once, not a cell
    cols = [_column(letters) for letters in {letters for letters, _ in refs}]
    return (max(rows) - min(rows) + 1) * (max(cols) - min(cols) + 1)


_PLACED = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"')
_TAG = re.compile(rb"<(row|c)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{0,3})([0-9]{0,7})["']""")


#: The most rows with content an .ods may declare as repeats of the rows it holds: LibreOffice writes a run of
#: identical rows once with a count, which an export of people never has by the hundred thousand.
MAX_REPEATED_ROWS = 100_000
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*?)(?:/>|>(.*?)</table:table-row>)", re.S)
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(?:/>|>(.*?)</table:(?:covered-)?table-cell>)", re.S)
_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated\s*=\s*["\'](\d{1,9})["\']')
_COLUMNS_REPEATED = re.compile(rb'table:number-columns-repeated\s*=\s*["\'](\d{1,9})["\']')


def _ods_cells(data: bytes) -> tuple[int, int]:
    """The cells with content an .ods lays out (each row's repeats times its filled cells' repeats), and how many
    rows with content it declares as repeats. Empty rows and cells repeated to the sheet's end cost nothing."""
    cells = repeated = 0
    for attrs, body in _ODS_ROW.findall(data):
        filled = 0
        for cell_attrs, content in _ODS_CELL.findall(body or b""):
            if b"office:value-type" in cell_attrs or b"<text:" in (content or b""):
                found = _COLUMNS_REPEATED.search(cell_attrs)
                filled += int(found.group(1)) if found else 1
        if filled:
            found = _ROWS_REPEATED.search(attrs)
            times = int(found.group(1)) if found else 1
            cells += times * filled
            repeated += times - 1
    return cells, repeated


def _walked_grid(data: bytes) -> int:
    """The grid of a sheet whose rows or cells leave out their place (or quote it oddly), walked tag by tag as a
    reader places them: a row without ``r=`` is the one after the last, a cell without it the next column."""
    row = col = 0
    low_row = low_col = 1 << 30
    high_row = high_col = 0
    for tag, attrs in _TAG.findall(data):
        ref = _REF.search(attrs)
        if tag == b"row":
            row = int(ref.group(2)) if ref and ref.group(2) else row + 1
            col = 0
            continue
        if ref and ref.group(1):
            col = _column(ref.group(1).upper())
            row = int(ref.group(2)) if ref.group(2) else row
        else:
            col += 1
        low_row, high_row = min(low_row, row), max(high_row, row)
        low_col, high_col = min(low_col, col), max(high_col, col)
    if not high_row:
        return 0
    return (high_row - low_row + 1) * (high_col - low_col + 1)


def _column(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


_SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")
_COL = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_ATTR = re.compile(rb'([\w:]+)\s*=\s*"([^"]*)"')


def _attrs(tag: bytes) -> dict[bytes, bytes]:
    return {key.split(b":")[-1] if key.startswith(b"r:") else key: value for key, value in _ATTR.findall(tag)}


def sheet_members(raw: bytes) -> dict[str, str]:
    """Each sheet's name → its XML member in an ``.xlsx`` (``xl/worksheets/sheet1.xml``); empty for other files."""
    if not raw.startswith(b"PK"):
        return {}
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except Exception:  # no such member, a damaged zip: calamine's reading says what is wrong
        return {}
    targets = {}
    for tag in _RELATION.findall(rels):
        found = _attrs(tag)
        target = found.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
        targets[found.get(b"Id", b"")] = target if target.startswith("xl/") else f"xl/{target}"
    out: dict[str, str] = {}
    for tag in _SHEET_ENTRY.findall(workbook):
        found = _attrs(tag)
        member = targets.get(found.get(b"id", b""))
        if member is not None:
            out[html.unescape(found.get(b"name", b"").decode("utf-8", "replace"))] = member
    return out


def hidden_columns(data: bytes) -> frozenset[int]:
    """The columns (1-based) a sheet's ``<cols>`` hide: an export's 申請日期 beside the visible 上課期間."""
    head = data[: data.find(b"<sheetData")] if b"<sheetData" in data else data
    hidden: set[int] = set()
    for col in _COL.findall(head):
        spec = _attrs(col)
        if spec.get(b"hidden") in (b"1", b"true") and spec.get(b"min", b"").isdigit():
            low, high = int(spec[b"min"]), int(spec.get(b"max", spec[b"min"]) or 0)
            hidden |= set(range(max(low, 1), min(high, 16384) + 1))
    return frozenset(hidden)


def read_book(
    raw: bytes, name: str, choose: Callable[[tuple[str, ...]], list[str]], meanwhile: Callable[[], T]
) -> tuple[Book, T]:
    """The sheet names, and the rows of the sheets ``choose`` picks from them, read in a child process; and what
    ``meanwhile`` gives, run here while the child reads (the checks of :func:`check_zip`, say).

    Every failure of the reader — its own errors, a panic, a crash, too much memory or time — is
    ``InputError`` naming the file; so is an error that ``choose`` raises (a sheet that is not there). What
    ``meanwhile`` raises comes first: a workbook it refuses is refused for that, whatever the reader made of it,
    and the reader is stopped.
    """
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    here, there = context.Pipe(duplex=True)
    process = context.Process(target=_child, args=(raw, there), daemon=True)
    process.start()
    there.close()
    try:
        early: InputError | None = None
        try:
            names = _receive(here, name)
            if isinstance(names, tuple):
                here.send(choose(names))  # the child reads these sheets while ``meanwhile`` runs
        except InputError as exc:
            early = exc
        done = meanwhile()
        if early is not None:
            raise early
        if not isinstance(names, tuple):
            raise InputError([Problem(name, "records.not_workbook")])
        book = _receive(here, name)
    finally:
        here.close()
        if process.is_alive():
            process.kill()
        process.join()
    if not isinstance(book, Book):
        raise InputError([Problem(name, "records.not_workbook")])
    return book, done


def _receive(pipe: Any, name: str) -> Any:
    """What the reader sends, or None when it died (an abort, a signal, out of memory); slow is a problem."""
    try:
        if not pipe.poll(READER_SECONDS):
            raise InputError([Problem(name, "records.workbook_slow", {"seconds": READER_SECONDS})])
        return pipe.recv()
    except (EOFError, OSError):
        return None


def _child(raw: bytes, pipe: Any) -> None:  # pragma: no cover - runs in the child process
    """Read the workbook under a memory cap: send its sheet names, then the sheets asked for (None: failed).

    The reader's own stderr goes nowhere: a Rust panic's ``thread '<unnamed>' panicked at …`` is the
    reader's business, and the parent says what went wrong in one located line. Nor does a Python fault
    handler the parent had on (pytest's, ``python -X faulthandler``) dump the child's stack when the memory cap
    aborts it.
    """
    import faulthandler

    faulthandler.disable()
    with contextlib.suppress(OSError):
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 2)
        os.close(quiet)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (READER_MEMORY, READER_MEMORY))
    except (ImportError, ValueError, OSError):
        pass  # no such limit here (Windows): the time limit and the checks before still hold
    try:
        import python_calamine

        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(raw))
        names = tuple(str(n) for n in book.sheet_names)
        pipe.send(names)
        wanted = pipe.recv()
        sheets = {}
        for sheet in wanted:
            data = book.get_sheet_by_name(sheet)
            rows = data.to_python()
            start = (data.start if rows else None) or (0, 0)
            sheets[sheet] = Sheet(sheet, (int(start[0]), int(start[1])), rows)
        pipe.send(Book(names, sheets))
    except BaseException:
        with contextlib.suppress(BaseException):
            pipe.send(None)
    finally:
        pipe.close()
        os._exit(0)
