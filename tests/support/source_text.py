"""An independent reading of the published standard's text, for checking the data file.

`fixtures/KMC3332-001v3.source.txt` is the standard as extracted from its paginated
publication: tab-separated table rows, HTML fragments, and rows split across page breaks.
This parser knows nothing of kmc-gap's data file; the tests compare the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "fixtures" / "KMC3332-001v3.source.txt"
LEVELS_SOURCE = Path(__file__).resolve().parents[1] / "fixtures" / "icap-levels.source.md"


def squash(text: str) -> str:
    """Text without any white space: line and page wrapping in the source inserts spaces."""
    return re.sub(r"\s+", "", text)


def _clean(cell: str) -> str:
    cell = re.sub(r"<[^>]+>", " ", cell)
    cell = cell.replace("^{【註1】}", "").replace("【註2】", "")
    return cell.strip()


@dataclass
class SourceTask:
    code: str
    name: str
    duty: str
    level: int | None = None
    outputs: list[list[str]] = field(default_factory=list)
    indicators: list[list[str]] = field(default_factory=list)
    knowledge: list[list[str]] = field(default_factory=list)
    skills: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    duties: dict[str, str]
    tasks: dict[str, SourceTask]
    attitudes: dict[str, tuple[str, str]]
    header: dict[str, str]
    versions: list[list[str]]
    lines: list[str]


def _append_coded(target: list[list[str]], cell: str, pattern: str) -> None:
    """Split ``cell`` at each code; text before the first code continues the previous entry."""
    parts = re.split(f"({pattern})", _clean(cell))
    if parts[0].strip():
        target[-1][1] += parts[0]
    for code, text in zip(parts[1::2], parts[2::2], strict=True):
        target.append([code, text])


def parse() -> Source:
    """Read the source text into duties, tasks (with every column) and attitudes."""
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    duties: dict[str, str] = {}
    tasks: dict[str, SourceTask] = {}
    current: SourceTask | None = None
    duty = ""
    for line in lines:
        cols = line.split("\t")
        if len(cols) < 7 or cols[0] == "主要職責" or not any(re.search(r"[POKS][0-9]", c) for c in cols):
            continue
        duty_col, task_col, out_col, ind_col, level_col, k_col, s_col = cols[:7]
        if m := re.match(r"(T[0-9]+)\s+(.*)", _clean(duty_col)):
            duty = m.group(1)
            duties[duty] = m.group(2)
        if m := re.match(r"(T[0-9]+\.[0-9]+)\s+(.*)", _clean(task_col)):
            current = tasks[m.group(1)] = SourceTask(m.group(1), m.group(2), duty)
        assert current is not None
        if level_col.strip():
            current.level = int(level_col)
        _append_coded(current.outputs, out_col, r"O[0-9]+\.[0-9]+\.[0-9]+")
        _append_coded(current.indicators, ind_col, r"P[0-9]+\.[0-9]+\.[0-9]+")
        _append_coded(current.knowledge, k_col, r"K[0-9]{2}")
        _append_coded(current.skills, s_col, r"S[0-9]{2}")
    attitudes = {
        m.group(1): (m.group(2), m.group(3)) for line in lines if (m := re.match(r"^(A[0-9]{2}) (.+?)：(.+)$", line))
    }
    header = {}
    for line in lines:
        cols = [c for c in line.split("\t") if c.strip()]
        if len(cols) >= 2 and cols[0] in ("職能基準代碼", "工作描述", "基準級別"):
            header[cols[0]] = cols[1]
        if cols and cols[0] == "所屬 類別":
            cols = cols[1:]
        if len(cols) == 4 and cols[0] in ("職類別", "職業別", "行業別"):
            header[cols[0]] = cols[1]
            header[cols[0] + "_code"] = cols[3]
    versions = [line.split("\t") for line in lines if re.match(r"^V[0-9]\t", line)]
    return Source(duties, tasks, attitudes, header, versions, lines)


def levels() -> dict[int, str]:
    """The six iCAP level descriptors from the levels table."""
    text = LEVELS_SOURCE.read_text(encoding="utf-8")
    return {int(m.group(1)): m.group(2).strip() for m in re.finditer(r"^\| ([1-6]) \| (.+?) \|$", text, re.M)}
