"""Text broken into lines of a width in terminal cells, as Chinese is typeset: kept light, since help uses it."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\s+|\[[^\]\n]{0,40}\]|[\x21-\x7e]+|.", re.S)  # a [預設：…] is one word


def wrap(text: str, cells: int) -> list[str]:
    """``text`` in lines of at most ``cells`` terminal cells: broken at spaces and between CJK characters,
    never inside a word, a flag or a value (``--format``, ``[預設：default]``); a word longer than a line
    stands alone on its line. Punctuation that may not start a line (，。、：；）) takes the character (or word)
    before it to the next line rather than stand there alone."""
    from rich.cells import cell_len

    lines: list[list[str]] = []
    line: list[str] = []
    for token in _TOKEN.findall(text):
        if token.isspace():
            if line and line[-1] != " ":
                line.append(" ")
            continue
        if line and cell_len("".join(line) + token) > cells:
            carried: list[str] = []
            if token in _NO_LINE_START and len(line) > 1 and not line[-1].isspace():
                carried = [line.pop()]  # 設定， → the last character (or figure: 76.3%，) goes down with the comma
            lines.append(line)
            line = carried
        line.append(token)
    lines.append(line)
    return [text for text in ("".join(tokens).strip() for tokens in lines) if text]


#: What may not start a line in Chinese typesetting (and a closing bracket in any language).
_NO_LINE_START = frozenset("，。、：；！？）」』】》〉,.;:!?)]}")
