"""The main table of a published standard: 主要職責 | 工作任務 | [工作活動] | 工作產出 | 行為指標 | 職能級別 | K | S.

Each row of the copied text is a row of the table. A row that begins a page repeats nothing but what
goes on: its task and level cells are empty, and a cell whose text comes before its first code carries
the end of the item the previous page cut (KMC3332's 「風」 + 「險應變及備案計畫」). A row of the task above
with a level and K/S of its own begins a competency block; task codes printed in one cell share one.
What a row leaves unclear is a located problem, never read as something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kmc_gap.model.problems import Problem
from kmc_gap.model.publication.text import Line, joined, notes_in
from kmc_gap.model.vocabulary import STANDARD_BULLETS, STANDARD_COLUMNS

_DUTY = re.compile(r"^(T\d+)(?!\.)\s*(.*)$")
_TASK = re.compile(r"(?:^|\s)(T\d+\.\d+)(?=\s|$)")
#: Codes as the documents print them; an output typed with a digit zero (04.2.1) is read as O4.2.1.
_CODED = {
    "outputs": re.compile(r"(?:^|(?<=\s))([O0]\d+\.\d+\.\d+)(?=\s|$)"),
    "indicators": re.compile(r"(?:^|(?<=\s))(P\d+\.\d+\.\d+)(?=\s|$)"),
    "knowledge": re.compile(r"(?:^|(?<=\s))(K\d+)(?=\s|$)"),
    "skills": re.compile(r"(?:^|(?<=\s))(S\d+)(?=\s|$)"),
}


@dataclass
class Piece:
    """An item of the table being read: its code, its text so far, and where it began."""

    code: str
    text: str
    line: int
    column: int
    notes: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)  # a K or S item's sub-points


@dataclass
class BlockRows:
    """One competency block of a task as its rows give it: a level, and its own P, O, K and S."""

    level: int | None = None
    activities: list[str] = field(default_factory=list)
    outputs: list[Piece] = field(default_factory=list)
    indicators: list[Piece] = field(default_factory=list)
    knowledge: list[Piece] = field(default_factory=list)
    skills: list[Piece] = field(default_factory=list)

    def pieces(self) -> list[Piece]:
        return [*self.outputs, *self.indicators, *self.knowledge, *self.skills]


@dataclass
class TaskRows:
    """One task as its rows give it: one competency block, or several at different levels."""

    code: str
    name: str
    duty: str
    line: int
    blocks: list[BlockRows] = field(default_factory=lambda: [BlockRows()])
    same_as: str | None = None  # printed in one cell with this task, whose block it shares

    @property
    def block(self) -> BlockRows:
        """The block being read: the last one."""
        return self.blocks[-1]

    def pieces(self, key: str) -> list[Piece]:
        """Every block's items of one kind (``outputs``, ``indicators``, ``knowledge`` or ``skills``)."""
        return [piece for block in self.blocks for piece in getattr(block, key)]


@dataclass
class Table:
    """The duties and tasks read, the problems met, and the choices made that a person should check."""

    name: str
    duties: dict[str, list[Any]] = field(default_factory=dict)  # code → [name, line]
    tasks: list[TaskRows] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    choices: list[Problem] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    last: Piece | None = None  # the item a continued cell may carry on
    stream: bool = False  # a copy without tabs: the cells of a row follow one another, line by line
    last_name: list[Any] | TaskRows | None = None  # in a stream, the duty or task whose name may go on

    def problem(self, key: str, line: Line | int, column: int | None = None, **args: Any) -> None:
        number = line.number if isinstance(line, Line) else line
        self.problems.append(Problem(self.name, key, args, number, column))

    def choice(self, key: str, line: Line | int, column: int | None = None, **args: Any) -> None:
        number = line.number if isinstance(line, Line) else line
        self.choices.append(Problem(self.name, key, args, number, column))


def header_columns(line: Line) -> dict[str, int] | None:
    """The main table's columns by the words of a heading row, or None when ``line`` is not that row."""
    found: dict[str, int] = {}
    for index, cell in enumerate(line.cells):
        for key, words in STANDARD_COLUMNS.items():
            if key not in found and any(word in cell for word in words):
                found[key] = index
                break
    needed = {"task", "outputs", "indicators", "level", "knowledge", "skills"}
    return found if needed <= set(found) else None


def read_row(table: Table, line: Line) -> None:
    """One row of the main table, into the table's duties and tasks."""
    cols = table.columns
    duty_cell = line.cell(cols["duty"]) if "duty" in cols else ""
    if duty_cell:
        _duty(table, line, duty_cell, cols["duty"] + 1)
    task_cell = line.cell(cols["task"])
    if task_cell:
        bare = not line.cell(cols["outputs"]) and not line.cell(cols["indicators"])
        _task(table, line, task_cell, cols["task"] + 1, bare)
    current = current_task(table)
    if current is not None and not task_cell:
        _new_block(table, line, current)
    if "activity" in cols and line.cell(cols["activity"]) and current is not None:
        _activity(current, line.cell(cols["activity"]), started=bool(task_cell or line.cell(cols["level"])))
    for key in ("outputs", "indicators"):
        cell = line.cell(cols[key])
        if cell:
            _coded(table, line, key, cell, current)
    level = line.cell(cols["level"])
    if level:
        _level(table, line, level, current)
    for key in ("knowledge", "skills"):
        cell = line.cell(cols[key])
        if cell:
            _coded(table, line, key, cell, current)


def _duty(table: Table, line: Line, cell: str, column: int) -> None:
    found = _DUTY.match(cell)
    if found is None:  # a duty's name cut by a page break, or text that is no duty
        if table.duties:
            last = list(table.duties.values())[-1]
            last[0] = joined(f"{last[0]} {cell}")
        else:
            table.problem("transcribe.uncoded_cell", line, column, text=cell[:40])
        return
    code, name = found.groups()
    if code in table.duties:
        table.problem("transcribe.repeated_code", line, column, code=code)
        return
    table.duties[code] = [joined(name), line.number]


def current_task(table: Table) -> TaskRows | None:
    """The task whose block the rows are filling: the last one with a block of its own."""
    return next((task for task in reversed(table.tasks) if task.same_as is None), None)


def _task(table: Table, line: Line, cell: str, column: int, bare: bool = False) -> None:
    """A task cell: one task; several codes in one cell, tasks sharing the block the row begins; and a
    new code on a row with no output or indicator (a page break), a task sharing the block above."""
    codes = _TASK.findall(cell)
    if len(codes) > 1:
        names = re.split("|".join(re.escape(code) for code in codes), cell)[1:]
        above = current_task(table)
        first = above.code if bare and above is not None else None  # all of them share the block above
        for i, (code, name) in enumerate(zip(codes, names, strict=True)):
            _one_task(table, line, column, code, joined(name), first if first or not i else codes[0])
        return
    if not codes:
        if table.tasks:
            table.tasks[-1].name = joined(f"{table.tasks[-1].name} {cell}")
        else:
            table.problem("transcribe.uncoded_cell", line, column, text=cell[:40])
        return
    above = current_task(table)
    shares = above.code if bare and above is not None else None
    _one_task(table, line, column, codes[0], joined(cell.split(codes[0], 1)[1]), shares)


def _one_task(table: Table, line: Line, column: int, code: str, name: str, shares: str | None) -> None:
    duty = next(reversed(table.duties), None) if table.duties else None
    if duty is None or not code.startswith(f"{duty}."):
        table.problem("transcribe.task_outside_duty", line, column, code=code, duty=duty or "—")
    if any(task.code == code for task in table.tasks):
        table.problem("transcribe.repeated_code", line, column, code=code)
        return
    table.tasks.append(TaskRows(code, name, duty or "", line.number, same_as=shares))
    if shares is None:
        table.last = None


def _activity(task: TaskRows, cell: str, started: bool) -> None:
    """A 工作活動 cell: the block's next activity, or — on a row a page break began — the end of the last."""
    activities = task.block.activities
    if activities and not started:
        activities[-1] = joined(f"{activities[-1]} {cell}")
    else:
        activities.append(joined(cell))


def _letter_o(table: Table, line: Line, column: int, code: str) -> str:
    """An output code typed with a digit zero (04.2.1) read as O4.2.1 — a choice for a person to check."""
    if not code.startswith("0"):
        return code
    table.choice("transcribe.zero_for_o", line, column, code=code, read="O" + code[1:])
    return "O" + code[1:]


def _carry(target: Piece, text: str, pointed: bool) -> None:
    """The end of an item a page break cut: of its name, or of its last sub-point; bulleted parts after it
    are further sub-points."""
    head, *points = _BULLET.split(text) if pointed else [text]
    if target.points:
        target.points[-1] = joined(f"{target.points[-1]} {head}")
    else:
        target.text = joined(f"{target.text} {head}")
    target.points += _points(points)


def _points(parts: list[str]) -> list[str]:
    """Sub-points, each rejoined; a bullet the page ended on stays, empty, for the next page to fill."""
    return [joined(p) for i, p in enumerate(parts) if p.strip() or i == len(parts) - 1]


def _new_block(table: Table, line: Line, task: TaskRows) -> None:
    """A row of the task above that brings a level of its own, other than its block's, begins a new
    competency block — when it has K or S of its own; without them it contradicts itself: a problem."""
    cols = table.columns
    level = line.cell(cols["level"])
    if not level.isdigit() or task.block.level is None or int(level) == task.block.level:
        return
    if line.cell(cols["knowledge"]) or line.cell(cols["skills"]):
        task.blocks.append(BlockRows())
    else:
        table.problem("transcribe.level_without_competency", line, cols["level"] + 1, task=task.code, level=int(level))


def _level(table: Table, line: Line, cell: str, task: TaskRows | None) -> None:
    column = table.columns["level"] + 1
    if not cell.isdigit() or not 1 <= int(cell) <= 6:
        table.problem("transcribe.bad_level", line, column, text=cell[:20])
        return
    if task is None:
        table.problem("transcribe.no_task", line, column)
    elif task.block.level is None:
        task.block.level = int(cell)
    elif task.block.level != int(cell) and table.stream:  # a second block: its P and O came before its level
        _stream_block(task, int(cell))


def _coded(table: Table, line: Line, key: str, cell: str, task: TaskRows | None) -> None:
    """A cell of coded items; text before its first code carries on the item the previous row cut."""
    column = table.columns[key] + 1
    parts = _CODED[key].split(cell)
    lead, rest = parts[0].strip(), parts[1:]
    if task is None:
        table.problem("transcribe.no_task", line, column)
        return
    items: list[Piece] = getattr(task.block, key)
    if lead:
        earlier = task.pieces(key)  # the item a page break cut may be a block above's
        target = earlier[-1] if earlier else None
        if target is None:
            table.problem("transcribe.uncoded_cell", line, column, text=lead[:40])
        else:
            text, marks = notes_in(lead)  # the cell's own column says whose end it is: nothing to guess
            _carry(target, text, key in ("knowledge", "skills"))
            target.notes += marks
    for printed, text in zip(rest[::2], rest[1::2], strict=True):
        code = _letter_o(table, line, column, printed)
        words, marks = notes_in(text)
        name, *points = _BULLET.split(words) if key in ("knowledge", "skills") else [words]
        items.append(Piece(code, joined(name), line.number, column, marks, _points(points)))


# --------------------------------------------------------------------------- a copy without tabs

_ANY = re.compile(r"^(T\d+\.\d+|T\d+|[O0]\d+\.\d+\.\d+|P\d+\.\d+\.\d+|K\d+|S\d+)(?=\s|$)\s*(.*)$")
_KINDS = {"O": "outputs", "0": "outputs", "P": "indicators", "K": "knowledge", "S": "skills"}
#: A sub-point's bullet inside a K or S cell (a hyphen is too common in names to be one here).
_BULLET = re.compile("|".join(re.escape(b) for b in STANDARD_BULLETS if b != "-"))


def read_stream(table: Table, line: Line, after_break: bool) -> None:
    """One line of a table copied without tabs: a coded item begins, a bare 1–6 is the task's level, an
    indented or bulleted line (a copy may lose the bullet) is a sub-point of the K or S item above, and
    any other text goes on with the item above — which, first thing after a page break, is a choice to
    check (the cut cell may be another column's)."""
    text = " ".join(line.filled)
    current = current_task(table)
    if text.isdigit():
        _level(table, line, text, current)
        return
    level = re.match(r"^([1-6])\s+(?=[KS]\d)", text)  # 5 K1 組織目標: the level's cell, then the K cell
    if level:
        _level(table, line, level.group(1), current)
        text = text[level.end() :]
    if line.indented and table.last is not None and table.last.code[0] in "KS":
        table.last.points.append(joined(text.lstrip("".join(STANDARD_BULLETS)).strip()))
        return
    found = _ANY.match(text)
    if found is None:
        _goes_on(table, line, text, after_break)
        return
    code, rest = found.groups()
    if code.startswith("T"):
        (_task if "." in code else _duty)(table, line, text, 1)
        table.last, table.last_name = None, (table.tasks[-1] if "." in code and table.tasks else None)
        if "." not in code and table.duties:
            table.last_name = list(table.duties.values())[-1]
        return
    if current is None:
        table.problem("transcribe.no_task", line, 1)
        return
    key = _KINDS[code[0]]
    code = _letter_o(table, line, 1, code)
    words, marks = notes_in(rest)
    table.last = Piece(code, joined(words), line.number, 1, marks)
    getattr(current.block, key).append(table.last)
    table.last_name = None


def _goes_on(table: Table, line: Line, text: str, after_break: bool) -> None:
    """Text without a code: the end of the item (or the duty's or task's name) above."""
    words, marks = notes_in(text)
    if table.last is not None:
        if after_break:
            table.choice("transcribe.continued", line, 1, code=table.last.code)
        table.last.text = joined(f"{table.last.text} {words}")
        table.last.notes += marks
    elif isinstance(table.last_name, TaskRows):
        table.last_name.name = joined(f"{table.last_name.name} {words}")
        code = table.last_name.code
        if "activity" in table.columns and not any(c.args.get("task") == code for c in table.choices):
            table.choice("transcribe.activity_unclear", line, 1, task=code)  # a 工作活動 cell may stand here too
    elif table.last_name is not None:
        table.last_name[0] = joined(f"{table.last_name[0]} {words}")
    else:
        table.problem("transcribe.uncoded_cell", line, 1, text=text[:40])


def _stream_block(task: TaskRows, level: int) -> None:
    """In a copy without tabs, a second level begins a block: the P and O read since the block above's
    last K or S were the new block's (a row gives its P and O before its level)."""
    above = task.block
    settled = max((p.line for p in (*above.knowledge, *above.skills)), default=0)
    new = BlockRows(level=level)
    for key in ("outputs", "indicators"):
        pieces: list[Piece] = getattr(above, key)
        setattr(new, key, [p for p in pieces if p.line > settled])
        setattr(above, key, [p for p in pieces if p.line <= settled])
    task.blocks.append(new)
