"""Text from files, made safe for the place it is shown: a terminal, a CSV cell, XML, Markdown.

Every string that comes from a file is data. On a terminal it must not move the cursor, retitle
the window, open a link or reverse the text; in a CI log it must not start a workflow command; in a
spreadsheet it must not become a formula; in XML it must be well-formed; in Markdown it must not
become markup. Each function here is the one place that rule is kept for its kind of output.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# the same, less tab and line breaks, which a CSV cell may hold as text
_UNSAFE_IN_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# characters XML 1.0 does not allow at all: the complement of its Char production, written as the
# forbidden ranges (the negated astral class took 8 ms to compile, on every start)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` for a terminal or a log: controls and direction overrides shown as ``\\x1b``, ``\\u202e``.

    A newline is shown as ``\\x0a`` too, so that a value can never start a line of its own.
    """
    return _UNSAFE.sub(_escape, text)


#: How CI servers recognise a command in a log line: GitHub ``::error …``, Azure ``##vso[…]`` and ``##[…]``.
_COMMAND = re.compile(r"^(\s*)(::|##)")


def guard_line(line: str) -> str:
    """A line no CI server reads as a command: ``./`` goes before a ``::`` or ``##`` it would start with.

    Leading spaces do not help: some servers trim them first.
    """
    return _COMMAND.sub(r"\1./\2", line, count=1)


def log_line(text: str) -> str:
    """A line for stderr or a CI log that no input can turn into a workflow command (``::error …``)."""
    return guard_line(visible(text))


def csv_cell(text: str) -> str:
    """A CSV text cell a spreadsheet shows as text: a leading ``= + - @``, tab or CR gets a ``'`` (OWASP).

    Controls and direction overrides are shown as in :func:`visible`, since CSV also goes to a
    terminal; tabs and line breaks stay, as CSV quoting keeps them inside the cell.
    """
    cell = _UNSAFE_IN_CELL.sub(_escape, text)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


#: The most characters one spreadsheet cell holds (Excel's limit).
MAX_CELL = 32_767


#: What no workbook can hold though XML's grammar seems to allow it in places: noncharacters (U+FFFE — a
#: workbook with one opens in neither Excel nor LibreOffice) and lone surrogates.
_NOT_IN_SHEET = re.compile("[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def sheet_text(text: str) -> str:
    """A workbook text cell: controls and noncharacters shown as in :func:`visible` (tabs and line breaks kept),
    cut to fit a cell.

    Text is always written as a string cell, never parsed, so a leading ``=`` stays text with no ``'``.
    """
    cell = _NOT_IN_SHEET.sub(_escape, _UNSAFE_IN_CELL.sub(_escape, text))
    return cell if len(cell) <= MAX_CELL else cell[: MAX_CELL - 1] + "\u2026"


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold: characters it forbids (``\\x01``, ESC, U+FFFE…) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


#: The punctuation Markdown gives a meaning inline: links and images (``[x](…)``, ``![](…)``), emphasis,
#: strikethrough, code and table cells (``<`` is escaped as HTML; ``#`` and ``-`` only count at a line's start,
#: where no file text stands).
_MD_PUNCT = re.compile(r"([\\`*_\[\]!|~])")


def md_text(text: str) -> str:
    """Inline Markdown text that CommonMark and GFM render as the text itself, never as a link or image.

    HTML escaped, line breaks flattened, and every punctuation mark Markdown gives a meaning escaped.
    """
    import html  # here, not at the top: importing it builds its table of entities, 2 ms of every start

    flat = " ".join(visible(text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")).split(" "))
    return _MD_PUNCT.sub(r"\\\1", html.escape(flat, quote=False))


# Unicode noncharacters (U+FDD0–U+FDEF, U+xFFFE and U+xFFFF): an HTML parser reports each as an error
_NONCHARACTER = re.compile("[\ufdd0-\ufdef\ufffe\uffff]")


def html_text(text: str) -> str:
    """Text for HTML, escaped, with controls, direction overrides and noncharacters shown as the terminal shows them."""
    import html

    return html.escape(_NONCHARACTER.sub(_escape, visible(text)))
