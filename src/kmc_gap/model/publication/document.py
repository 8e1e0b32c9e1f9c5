"""A published standard's text read into kmc-gap's standard format, with what it leaves unclear.

The document's parts come in a fixed order (LAYOUTS: the header table, the main table with its heading
repeated on every page, 職能內涵 (A=attitude 態度), 說明與補充事項); each part is read by what its lines
say, never by their position. Only what the document says goes into the file: no translation, no
level descriptors. What stops the reading — a truncated document, a layout the format cannot hold — is
a problem; what the reading decided and a person should check is a choice, written only when asked
(``--accept``) and then listed in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kmc_gap.model.models import hr_date
from kmc_gap.model.problems import Problem
from kmc_gap.model.publication.table import (
    BlockRows,
    Piece,
    Table,
    TaskRows,
    current_task,
    header_columns,
    read_row,
    read_stream,
)
from kmc_gap.model.publication.text import Line, joined, lines_of, notes_in
from kmc_gap.model.vocabulary import (
    STANDARD_ATTITUDES,
    STANDARD_BULLETS,
    STANDARD_CATEGORIES,
    STANDARD_CLOSING,
    STANDARD_CODE_SUFFIX,
    STANDARD_COLUMNS,
    STANDARD_FIELDS,
    STANDARD_FOOTNOTE,
    STANDARD_HEADING_MARKS,
    STANDARD_HEADING_WORDS,
    STANDARD_NAME_KINDS,
    STANDARD_NOTE_KEY,
    STANDARD_PAGE,
    STANDARD_QUALIFICATIONS,
    STANDARD_REMARKS,
    STANDARD_STATUSES,
    STANDARD_VERSION_HEADING,
)
from kmc_gap.words import Word

_PAGE = re.compile(STANDARD_PAGE)
_ATTITUDES = re.compile(STANDARD_ATTITUDES)
_ATTITUDE = re.compile(r"^(A\d+)?\s*([^：:]{1,40}?)\s*[：:]\s*(.+)$")
_FOOTNOTE = re.compile(STANDARD_FOOTNOTE)


@dataclass
class Transcript:
    """A standard read from a document: its data (the data file's layout), problems, and choices made."""

    data: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)
    choices: list[Problem] = field(default_factory=list)


def transcribe_text(text: str, name: str, document: str) -> Transcript:
    """The standard ``text`` (copied out of the published document ``document``) holds."""
    reading = _Reading(name)
    for line in lines_of(text):
        reading.line(line)
    return reading.finish(document)


class _Reading:
    def __init__(self, name: str) -> None:
        self.name = name
        self.part = "head"
        self.head: dict[str, Any] = {}
        self.categories: dict[str, dict[str, str]] = {}
        self.versions: list[dict[str, Any]] = []
        self.table = Table(name)
        self.attitudes: dict[str, dict[str, str]] = {}
        self.notes: dict[str, Any] = {"qualifications": [], "remarks": [], "footnotes": {}}
        self.note_part = "remarks"
        self.uncoded = False  # attitudes printed without codes
        self.after_break = False  # a page break was just passed
        self.last_note: dict[str, str] | None = None
        self.pages: tuple[int, int] | None = None
        self.last_line = 0

    def problem(self, key: str, line: int | None = None, column: int | None = None, **args: Any) -> None:
        self.table.problems.append(Problem(self.name, key, args, line, column))

    def line(self, line: Line) -> None:
        self.last_line = line.number
        page = _PAGE.search(" ".join(line.filled))
        if page and len(line.filled) == 1:
            self.pages = (int(page.group(1)), int(page.group(2)))
            self.after_break = True
            return
        columns = header_columns(line) or self._stream_heading(line)
        if columns is not None:  # the main table's heading, on every page
            if self.part == "head":
                self.table.columns = columns
            self.part = "table"
            return
        if self.table.stream and self.part == "table" and set(" ".join(line.filled).split()) <= STANDARD_HEADING_WORDS:
            return  # the rest of a heading a copy without tabs breaks over several lines
        if self.part != "closing" and _ATTITUDES.search(line.filled[0]):
            self.part = "attitudes"
            return
        if line.filled[0].strip("*- ").startswith(STANDARD_CLOSING):
            self.part = "closing"
            return
        {"head": self._head, "table": self._row, "attitudes": self._attitude, "closing": self._closing}[self.part](line)

    def _stream_heading(self, line: Line) -> dict[str, int] | None:
        """The main table's heading in a copy without tabs (工作任務 工作活動 工作產出 行為指標 …), or None."""
        if len(line.filled) != 1:
            return None
        words = set(line.filled[0].split())
        if not STANDARD_HEADING_MARKS.issubset(words):
            return None
        self.table.stream = True  # every column's cells follow one another: one column, 工作活動 only if printed
        return {key: 0 for key, names in STANDARD_COLUMNS.items() if key != "activity" or words & set(names)}

    # ------------------------------------------------------------------ the header table

    def _head(self, line: Line) -> None:
        # a label a narrow cell broke (職能基準代 / 碼) is the label whole
        cells = [joined(c) for c in line.filled] if len(line.filled) > 1 else _tokens(line.filled[0])
        field = STANDARD_FIELDS.get(cells[0]) if len(cells) > 1 else None
        if tuple(c.replace(" ", "") for c in cells) == STANDARD_VERSION_HEADING:
            self.head["versions"] = True
        elif self.head.get("versions") and re.fullmatch(r"V\d+", cells[0]) and len(cells) >= 5:
            self._version(line, cells)
        elif field == "code":
            self.head["code"] = cells[1]
        elif field == "description":
            self.head["description"] = joined(cells[1])
        elif field == "level":
            self._standard_level(line, cells[1])
        else:
            self._name_or_category(line, cells if len(line.filled) == 1 else [joined(c) for c in line.cells])

    def _version(self, line: Line, cells: list[str]) -> None:
        version, code, title, status = cells[:4]
        change, day = (cells[4], cells[5]) if len(cells) > 5 else (None, cells[4])
        date = hr_date(day)
        if date is None:
            self.problem("transcribe.bad_date", line.number, line.cells.index(day) + 1, text=day[:20])
            return
        row: dict[str, Any] = {"version": version, "code": code, "name": joined(title), "status": status}
        if change:
            row["change"] = joined(change)
        row["date"] = date
        self.versions.append(row)

    def _standard_level(self, line: Line, cell: str) -> None:
        if cell.isdigit() and 1 <= int(cell) <= 6:
            self.head["level"] = int(cell)
        else:
            self.problem("transcribe.bad_level", line.number, line.cells.index(cell) + 1, text=cell[:20])

    def _name_or_category(self, line: Line, cells: list[str]) -> None:
        for i, cell in enumerate(cells[:-1]):
            following = next((c for c in cells[i + 1 :] if c), "")
            if cell in STANDARD_NAME_KINDS and following and following not in STANDARD_CATEGORIES:
                name, marks = notes_in(following)
                self.head.update(name=joined(name), name_kind=cell)
                if marks:
                    self.head["name_note"] = marks[0]
            elif cell in STANDARD_CATEGORIES and following:
                key = STANDARD_CATEGORIES[cell]
                label = cell + STANDARD_CODE_SUFFIX
                code = next((cells[j + 1] for j in range(i + 1, len(cells) - 1) if cells[j] == label), "")
                n = sum(1 for known in self.categories if known.split("_")[0] == key)
                key = f"{key}_{n + 1}" if n else key  # a standard listing several of a kind: field, field_2 …
                self.categories[key] = {"label": cell, "code": code, "name": joined(following)}

    # ------------------------------------------------------------------ the main table

    def _row(self, line: Line) -> None:
        if self.table.stream:
            read_stream(self.table, line, self.after_break)
            self.after_break = False
            return
        if not self.table.columns:
            self.problem("transcribe.no_heading", line.number)
            self.table.columns = {"_": -1}
            return
        if "_" not in self.table.columns:
            read_row(self.table, line)

    # ------------------------------------------------------------------ attitudes and the closing notes

    def _attitude(self, line: Line) -> None:
        text = " ".join(line.filled)
        found = _ATTITUDE.match(text)
        if self.attitudes and (found is None or (found.group(1) is None and not self.uncoded)):
            last = list(self.attitudes.values())[-1]  # a line the page's width wrapped: the description goes on
            last["description"] = joined(f"{last['description']} {text}")
            return
        if found is None:
            self.problem("transcribe.uncoded_cell", line.number, 1, text=line.filled[0][:40])
            return
        code, name, description = found.groups()
        if code is None:  # attitudes without codes: numbered in their order, for a person to check
            self.uncoded = True
            code = f"A{len(self.attitudes) + 1:02d}"
            self.table.choice("transcribe.attitude_numbered", line, 1, code=code, name=name)
        if code in self.attitudes:
            self.problem("transcribe.repeated_code", line.number, 1, code=code)
            return
        self.attitudes[code] = {"name": joined(name), "description": joined(description)}

    def _closing(self, line: Line) -> None:
        raw = joined(" ".join(line.filled))
        text = raw.lstrip("".join(STANDARD_BULLETS)).strip().strip("*").strip()
        if not text:
            return
        if self.last_note is not None and raw == text and not text.startswith("【"):  # a wrapped line goes on
            self.last_note["text"] = joined(f"{self.last_note['text']} {text}")
            return
        if any(word in text for word in STANDARD_QUALIFICATIONS):
            self.note_part, self.last_note = "qualifications", None
            return
        if text.startswith(STANDARD_REMARKS):
            self.note_part, self.last_note = "remarks", None
            return
        found = _FOOTNOTE.match(text)
        if found:
            self.last_note = {"text": joined(found.group(2))}
            self.notes["footnotes"][STANDARD_NOTE_KEY.format(n=found.group(1))] = self.last_note
        else:
            self.last_note = {"text": text}
            self.notes[self.note_part].append(self.last_note)

    # ------------------------------------------------------------------ the standard

    def finish(self, document: str) -> Transcript:
        table = self.table
        self._complete()
        knowledge = self._items(table.tasks, "knowledge")
        skills = self._items(table.tasks, "skills")
        data: dict[str, Any] = {"code": self.head.get("code"), "name": self.head.get("name")}
        for key in ("name_note", "name_kind", "level", "description"):
            if key in self.head:
                data[key] = self.head[key]
        data["source"] = self._source(document)
        if self.categories:
            data["categories"] = self.categories
        if self.versions:
            data["versions"] = self.versions
        data["duties"] = [
            {
                "code": code,
                "name": name,
                "tasks": [_task(task) for task in table.tasks if task.duty == code],
            }
            for code, (name, _) in table.duties.items()
        ]
        data["knowledge"], data["skills"] = knowledge, skills
        if self.attitudes:
            data["attitudes"] = self.attitudes
        notes = {key: value for key, value in self.notes.items() if value}
        if notes:
            data["notes"] = notes
        return Transcript(data, table.problems, table.choices)

    def _source(self, document: str) -> dict[str, Any]:
        source: dict[str, Any] = {"document": document}
        own = next((v for v in self.versions if v["code"] == self.head.get("code")), None)
        if own is not None:
            source.update(version=own["version"], date=own["date"])
        return source

    def _complete(self) -> None:
        """What a whole standard must have, each missing part a problem located where it was looked for."""
        for key in ("code", "name", "level"):
            if key not in self.head:
                self.problem("transcribe.missing", None, None, part=Word(f"transcribe.part.{key}"))
        if not self.table.columns:
            self.problem("transcribe.missing", None, None, part=Word("transcribe.part.table"))
        for task in (t for t in self.table.tasks if t.same_as is None):
            for key in ("outputs", "indicators"):
                if not task.pieces(key):
                    self.problem(
                        "transcribe.task_lacks", task.line, None, task=task.code, part=Word(f"transcribe.part.{key}")
                    )
            if any(block.level is None for block in task.blocks):
                part = Word("transcribe.part.task_level")
                self.problem("transcribe.task_lacks", task.line, None, task=task.code, part=part)
        if self.pages is not None and self.pages[0] < self.pages[1]:
            last = self._last_code()
            self.problem(
                "transcribe.truncated", self.last_line, None, page=self.pages[0], pages=self.pages[1], code=last
            )
        elif self.part in ("head", "table"):
            self.problem("transcribe.stops", self.last_line, None, code=self._last_code())
        self._sequence()

    def _last_code(self) -> str:
        if not self.table.tasks:
            return next(reversed(self.table.duties), "—") if self.table.duties else "—"
        task = current_task(self.table) or self.table.tasks[-1]
        pieces = [piece for block in task.blocks for piece in block.pieces()]
        return sorted(pieces, key=lambda p: (p.line, p.column))[-1].code if pieces else task.code  # in reading order

    def _sequence(self) -> None:
        """Codes out of their sequence (P2.1.3 after P2.1.1): read as printed, for a person to check."""
        tasks = self.table.tasks
        for task in tasks:
            for key, letter in (("outputs", "O"), ("indicators", "P")):
                pieces = list({piece.code: piece for piece in task.pieces(key)}.values())  # repeated in blocks: once
                for n, piece in enumerate(pieces, start=1):
                    expected = f"{letter}{task.code[1:]}.{n}"
                    if piece.code != expected:
                        self.table.choice(
                            "transcribe.out_of_sequence", piece.line, piece.column, code=piece.code, expected=expected
                        )
                        break

    def _items(self, tasks: list[TaskRows], key: str) -> dict[str, dict[str, Any]]:
        """Each K (or S) code with its name, as the tasks list them; one code named two ways is a problem."""
        items: dict[str, dict[str, Any]] = {}
        for task in tasks:
            for piece in task.pieces(key):
                known = items.get(piece.code)
                if known is None:
                    points = [p for p in piece.points if p]  # a bullet no text came after is none
                    items[piece.code] = {"name": piece.text, **({"points": points} if points else {})}
                elif known["name"] != piece.text:
                    self.problem(
                        "transcribe.two_names",
                        piece.line,
                        piece.column,
                        code=piece.code,
                        first=known["name"],
                        then=piece.text,
                    )
        return dict(sorted(items.items(), key=lambda kv: int(kv[0][1:])))


def _tokens(text: str) -> list[str]:
    """A header line copied without tabs, as its cells: a version row split around its status (a name may
    hold spaces), a labelled line into its label and the rest, any other line at its spaces."""
    words = text.split()
    if len(words) >= 5 and re.fullmatch(r"V\d+", words[0]):
        status = next((i for i, w in enumerate(words) if w in STANDARD_STATUSES), None)
        if status is not None and status > 2:
            return [
                words[0],
                words[1],
                " ".join(words[2:status]),
                words[status],
                " ".join(words[status + 1 : -1]),
                words[-1],
            ]
    labelled = len(words) > 1 and (words[0] in STANDARD_FIELDS or words[0] in STANDARD_NAME_KINDS)
    if labelled and not any(w in STANDARD_CATEGORIES for w in words):
        return [words[0], " ".join(words[1:])]
    return words or [text]


def _task(task: TaskRows) -> dict[str, Any]:
    """A task in the data file's layout: flat when it is one block, else with its ``blocks``; a task that
    shares another's block, ``same_as`` it."""
    if task.same_as is not None:
        return {"code": task.code, "name": task.name, "same_as": task.same_as}
    blocks = [_block(block) for block in task.blocks]
    if len(blocks) == 1:
        return {"code": task.code, "name": task.name, **blocks[0]}
    return {"code": task.code, "name": task.name, "blocks": blocks}


def _block(block: BlockRows) -> dict[str, Any]:
    return {
        "level": block.level,
        **({"activities": block.activities} if block.activities else {}),
        "outputs": [_output(p) for p in block.outputs],
        "indicators": [{"code": p.code, "text": p.text} for p in block.indicators],
        "knowledge": [p.code for p in block.knowledge],
        "skills": [p.code for p in block.skills],
    }


def _output(piece: Piece) -> dict[str, Any]:
    out: dict[str, Any] = {"code": piece.code, "name": piece.text}
    if piece.notes:
        out["note"] = piece.notes[0]
    return out
