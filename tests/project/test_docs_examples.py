"""Every shell example in README.md and docs/ runs as written, and shows what the page shows.

Each ``sh`` or ``console`` block of a page is one session: its ``kmc-gap`` commands run in order, in a
fresh folder holding a copy of ``examples/``, ``tests/corpus/`` and ``tests/fixtures/`` (so that a command that writes
``people/`` or ``plan.json`` leaves it for the next one, as it would for a reader). A page may name a
file of the reader's own (``學習歷程.xlsx``, ``badges/``): the folder holds a shipped file under that
name, listed in ``STAGED``, so that the example runs on real data. A ``console`` block shows a command
(``$ kmc-gap …``) and its output: the output must be the command's standard output, line for line, where
a line ``…`` stands for any lines. A command must end with exit code 0, or 1 (findings) where the page
says findings are expected, never 2, and every file it says it writes (``-o``) must be there after it.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, UPDATE, Run, run_cli

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
WRITES = ("-o", "--output", "--write-mapping")


def _stage_roster(folder: Path) -> None:
    """名冊.xlsx: the roster sheet of the shipped export, in a workbook of its own."""
    import openpyxl

    source = openpyxl.load_workbook(ROOT / "examples/records/ehr-export-2025.xlsx", read_only=True)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "名冊"
    for row in source["人員名冊"].iter_rows(values_only=True):
        sheet.append(list(row))
    book.save(folder / "名冊.xlsx")


def _stage_certificates(folder: Path, name: str) -> None:
    """An .xlsx of the shipped certificates (a Big5 CSV), as another training system would export them."""
    import csv

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    with open(ROOT / "examples/records/certificates-big5.csv", encoding="cp950", newline="") as handle:
        for row in csv.reader(handle):
            sheet.append(row)
    book.save(folder / name)


def _stage_top_up(folder: Path) -> None:
    """補登-2026-11.csv: a month's top-up of two late rows for people of the shipped export."""
    (folder / "補登-2026-11.csv").write_text(
        "員工編號,姓名,課程代號,課程名稱,訓練日期,時數,是否合格\n"
        "E3101,陳怡君,C05,合約管理與履約實務,2026/11/05,15,合格\n"
        "E3102,林志明,C05,合約管理與履約實務,2026/11/05,15,不合格\n",
        "utf-8-sig",
    )


# A file a page names that the project does not ship under that name: what stands in for it.
STAGED: dict[str, str] = {
    "training-2025.xlsx": "examples/records/training-2025.xlsx",
    "ehr-export-2025.xlsx": "examples/records/ehr-export-2025.xlsx",
    "學習歷程.xlsx": "examples/records/ehr-export-2025.xlsx",
    "certificates.csv": "examples/records/certificates-big5.csv",
    "courses.xlsx": "examples/records/courses.xlsx",
    "badges": "examples/credentials/badges",
    "badge.jwt": "examples/credentials/badge.jwt",
    "academy.pem": "examples/credentials/academy.pem",
}
MADE = {
    "名冊.xlsx": _stage_roster,
    "外訓.xlsx": lambda folder: _stage_certificates(folder, "外訓.xlsx"),
    "補登-2026-11.csv": _stage_top_up,
}


@dataclass(frozen=True)
class Command:
    """One documented command: its words, and the output the page shows for it (``None``: none shown)."""

    line: int
    words: tuple[str, ...]
    shown: tuple[str, ...] | None


@dataclass(frozen=True)
class Session:
    """The commands of one block of a page, run in order in one folder."""

    page: str
    line: int
    commands: tuple[Command, ...]

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"


def _sh(text: str, first: int) -> Iterator[Command]:
    """The kmc-gap commands of an ``sh`` block: continued lines joined, comments dropped."""
    pending, start = "", first
    for number, line in enumerate(text.splitlines(), first):
        if not pending:
            start = number
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        words = shlex.split(pending + line, comments=True)
        pending = ""
        if words[:1] == ["kmc-gap"]:
            yield Command(start, tuple(words[1:]), None)


def _console(text: str, first: int) -> Iterator[Command]:
    """The ``$ kmc-gap …`` commands of a ``console`` block, each with the lines shown under it."""
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    for i, start in zip(starts, [*starts[1:], len(lines)], strict=True):
        words = shlex.split(lines[i][2:], comments=True)
        if words[:1] == ["kmc-gap"]:
            yield Command(first + i, tuple(words[1:]), tuple(lines[i + 1 : start]))


def sessions() -> list[Session]:
    """Every block of every page that runs kmc-gap."""
    found = []
    for page in PAGES:
        text = page.read_text("utf-8")
        for match in FENCE.finditer(text):
            lang, body = match.groups()
            first = text[: match.start(2)].count("\n") + 1
            reader = {"sh": _sh, "console": _console}.get(lang)
            commands = tuple(reader(body, first)) if reader else ()
            if commands:
                found.append(Session(str(page.relative_to(ROOT)), first - 1, commands))
    return found


SESSIONS = sessions()


def test_the_pages_hold_the_examples_this_test_runs() -> None:
    # a change to the block syntax that hid every example would pass the test below vacuously
    assert len(SESSIONS) >= 14
    assert sum(len(s.commands) for s in SESSIONS) >= 30
    assert sum(c.shown is not None for s in SESSIONS for c in s.commands) >= 6


def _stage(folder: Path, session: Session) -> None:
    """The shipped examples, and each file of the reader's own the session reads, under its page name."""
    shutil.copytree(ROOT / "examples", folder / "examples")
    for part in ("corpus", "fixtures"):  # the pages' examples of bad files, and the published standard's text
        shutil.copytree(ROOT / "tests" / part, folder / "tests" / part)
    written = {c.words[i + 1] for c in session.commands for i, w in enumerate(c.words[:-1]) if w in WRITES}
    read = {word.rstrip("/") for c in session.commands for word in c.words} - written
    for name in read:
        stem = name.split("/")[0]
        if stem in STAGED and not (folder / stem).exists():
            source = ROOT / STAGED[stem]
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, folder / stem)
        elif stem in MADE and not (folder / stem).exists():
            MADE[stem](folder)


def _expand(words: tuple[str, ...], folder: Path) -> list[str]:
    """The words as the shell would pass them: a glob is expanded in the folder, in sorted order."""
    out: list[str] = []
    for word in words:
        matches = sorted(glob.glob(word, root_dir=folder)) if any(c in word for c in "*?[") else []
        out += matches or [word]
    return out


def _matches(shown: tuple[str, ...], actual: list[str]) -> bool:
    """Whether the output shows ``shown``, where a line ``…`` stands for any number of lines."""
    pattern = [line.rstrip() for line in shown]
    while pattern and not pattern[-1]:
        pattern.pop()
    lines = [line.rstrip() for line in actual]
    while lines and not lines[-1]:
        lines.pop()

    def walk(p: int, a: int) -> bool:
        if p == len(pattern):
            return a == len(lines)
        if pattern[p] == "…":
            return any(walk(p + 1, b) for b in range(a, len(lines) + 1))
        return a < len(lines) and lines[a] == pattern[p] and walk(p + 1, a + 1)

    return walk(0, 0)


def _bare(line: str) -> str:
    return "".join(line.split())


def _refreshed(shown: tuple[str, ...], actual: list[str]) -> list[str]:
    """The output to show instead (KMC_GAP_UPDATE_GOLDEN=1): each stretch between ``…`` lines is taken
    from the output as long as it was, starting where its first line (stripped) is found again."""
    stretches: list[list[str]] = [[]]
    for line in shown:
        if line.rstrip() == "…":
            stretches.append([])
        else:
            stretches[-1].append(line)
    out: list[str] = []
    at = 0
    for i, stretch in enumerate(stretches):
        if i:
            out.append("…")
            heads = [n for n in range(at, len(actual)) if stretch and _bare(actual[n]) == _bare(stretch[0])]
            at = heads[0] if heads else at
        size = len(stretch) if i < len(stretches) - 1 or len(stretches) > 1 else len(actual)
        out += [line.rstrip() for line in actual[at : at + size]]
        at += size
    return out


def _rewrite(page: str, command: Command, lines: list[str]) -> None:
    """Put ``lines`` under the command's ``$`` line on its page, up to the next command or the block's end."""
    path = ROOT / page
    text = path.read_text("utf-8").split("\n")
    start = text.index("$ kmc-gap " + shlex.join(command.words)) + 1
    end = next(n for n in range(start, len(text)) if text[n].startswith(("$ ", "```")))
    text[start:end] = lines
    path.write_text("\n".join(text), "utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("session", SESSIONS, ids=lambda s: s.name)
def test_every_documented_example_runs_as_written(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stage(tmp_path, session)
    monkeypatch.chdir(tmp_path)
    for command in session.commands:
        where = f"{session.page}:{command.line}: kmc-gap {shlex.join(command.words)}"
        run: Run = run_cli(*_expand(command.words, tmp_path), env={"COLUMNS": "80"})
        assert run.code in (0, 1), f"{where}\nexit {run.code}\n{run.stderr}"
        assert "Traceback" not in run.stderr, where
        for i, word in enumerate(command.words[:-1]):
            if word in WRITES:
                target = tmp_path / command.words[i + 1]
                assert target.exists() and (target.is_file() or any(target.iterdir())), f"{where}: no {target}"
        if command.shown is not None:
            if UPDATE and not _matches(command.shown, run.stdout.splitlines()):
                _rewrite(session.page, command, _refreshed(command.shown, run.stdout.splitlines()))
                pytest.fail(f"rewrote {where}: review the diff, then run again", pytrace=False)
            if not _matches(command.shown, run.stdout.splitlines()):
                shown = "\n".join(command.shown)
                pytest.fail(f"{where}\nthe page shows:\n{shown}\n\nthe command prints:\n{run.stdout}", pytrace=False)
    os.chdir(ROOT)


def test_an_elided_sample_matches_only_the_output_it_stands_for() -> None:
    assert _matches(("a", "…", "d"), ["a", "b", "c", "d"])
    assert _matches(("a", "…"), ["a", "b"]) and _matches(("a", "…", "b"), ["a", "b"])  # … may stand for none
    assert not _matches(("a", "d"), ["a", "b", "c", "d"])  # without … every line is shown
    assert not _matches(("a", "…", "c"), ["a", "b", "c", "d"])  # the output goes on past the sample
    assert not _matches((" a",), ["a"])  # indentation is part of the line


def test_a_refreshed_sample_keeps_each_stretch_where_it_stood() -> None:
    actual = ["head", "x", "y", "TABLE  1", "row 1", "row 2", "tail"]
    assert _refreshed(("head", "…", "TABLE 1", "row", "…"), actual) == ["head", "…", "TABLE  1", "row 1", "…"]


def test_the_csv_headings_the_docs_give_are_the_ones_written_in_each_language() -> None:
    page = (ROOT / "docs/cohorts-and-ci.md").read_text("utf-8").splitlines()
    row = next(line for line in page if line.startswith("| `csv` |"))
    zh, en = [span for span in re.findall(r"`([^`]*)`", row) if span.count(", ") >= 5][:2]
    for lang, shown in (("zh-TW", zh), ("en", en)):
        run = run_cli("assess", str(ROOT / "examples/profiles"), "-f", "csv", "--no-bom", "--lang", lang)
        assert run.stdout.splitlines()[0].split(",") == shown.split(", "), lang
