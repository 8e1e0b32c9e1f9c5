"""Writing output files so that nothing is ever destroyed.

* A regular file (or a new path) is replaced atomically: written to a temporary file beside it and
  renamed over it only when the run succeeds, so a failed or interrupted run keeps the old file.
* A symlink to a regular file writes its target (atomically) and keeps the link.
* A character device or a FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is written to directly,
  never replaced — as root, renaming over ``/dev/null`` would break the whole system.
* Anything else (a directory, a socket, a block device) is refused, and so is a path that is one of
  the run's inputs.
* New files get the permissions the umask allows (0644 under umask 022); a replaced file keeps its own.
* A file people edit after kmc-gap writes it (a form, a catalogue skeleton, a mapping, a starter
  profile, an imported profile) is never replaced by a blank one: each writer of such files is in
  :data:`EDITED` with what it does instead — refuse unless ``--force``, keep the filled file, or merge.
* A writer of many files into one folder never writes through a link out of it (:func:`in_folder`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from kmc_gap.model.paths import shown, split_sheet
from kmc_gap.model.problems import KmcGapError, Problem


class OutputRefused(KmcGapError):
    """The path cannot be written safely; ``key`` is the catalogue key saying why."""

    def __init__(self, path: Path, key: str) -> None:
        super().__init__([Problem(shown(path), key)])
        self.key = key


@dataclass
class Output:
    """Where an output is being written: its text stream, and whether it is kept when the writing ends.

    :meth:`discard` leaves the destination as it was (a run that assessed no one keeps the old ``-o`` file);
    on a terminal, a pipe or a device, what was written stays written.
    """

    stream: TextIO
    kept: bool = True

    def discard(self) -> None:
        """Keep the destination as it was when the writing ends."""
        self.kept = False


def _umask_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def is_input(target: Path, inputs: Sequence[Path]) -> bool:
    """Whether ``target`` is (a link to) one of the files the run reads."""
    if not target.exists():
        return False
    for given in inputs:
        source = split_sheet(given)[0]  # export.xlsx#證照 reads export.xlsx
        with contextlib.suppress(OSError):
            if os.path.samefile(source, target):
                return True
    return False


def check_output(path: Path, inputs: Sequence[Path] = ()) -> None:
    """Refuse, before any work is done, an output path that cannot be written safely."""
    if is_input(path, inputs):
        raise OutputRefused(path, "file.output_is_input")
    try:
        mode = os.stat(path).st_mode  # follows a symlink to what it names
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputRefused(path, "file.output_unusable") from exc
    if not (stat.S_ISREG(mode) or stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise OutputRefused(path, "file.output_not_file")


@contextlib.contextmanager
def atomic_file(path: Path, *, force: bool = True) -> Iterator[Output]:
    """An :class:`Output` whose content reaches ``path`` only when the ``with`` block succeeds and it was not
    discarded.

    Without ``force`` an existing file is never replaced: :class:`FileExistsError` is raised.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not force:
        raise FileExistsError(path)
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        with open(path, "w", encoding="utf-8", newline="") as device:
            yield Output(device)
        return
    target = path.resolve() if path.is_symlink() else path  # write the link's target, keep the link
    permissions = stat.S_IMODE(mode) if mode is not None else _umask_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, permissions)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            output = Output(handle)
            yield output
            handle.flush()
            os.fsync(handle.fileno())
        if not output.kept:
            Path(tmp).unlink(missing_ok=True)
            return
        if not force and target.exists():
            raise FileExistsError(path)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_output(path: Path, *, force: bool = True) -> Iterator[TextIO]:
    """A text stream whose content reaches ``path`` only when the ``with`` block succeeds (:func:`atomic_file`)."""
    with atomic_file(path, force=force) as output:
        yield output.stream


def write_atomic(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` (see :func:`atomic_output`)."""
    with atomic_output(path, force=force) as handle:
        handle.write(text)


class Edited(StrEnum):
    """What a writer does with an existing file people may have filled in since kmc-gap wrote it."""

    refuse = "refuse"  # the file is kept and the run refused, unless --force
    keep = "keep"  # a filled file is kept as it is, said; an unfilled one is replaced by the new one
    merge = "merge"  # every filled cell or decision is kept, only what is new is added, said


#: Every command that writes a file people then edit, and its rule; ``tests/test_edited_outputs.py``
#: checks each one against an existing filled file. A writer not listed writes reports (nobody edits them).
EDITED: dict[str, Edited] = {
    "form": Edited.keep,  # a folder of forms: the filled ones kept, the others written
    "form FILE.xlsx": Edited.refuse,  # the team's one workbook
    "catalog init": Edited.refuse,
    "records inspect --write-mapping": Edited.merge,
    "init": Edited.refuse,
    "import": Edited.merge,
    "transcribe": Edited.refuse,  # a standard file, checked and corrected by hand against the document
}


def filled_refused(path: Path, filled: Callable[[Path], bool], *, force: bool) -> None:
    """Refuse to replace ``path`` when it holds what a person filled in (``filled``), unless ``force``."""
    if not force and path.is_file() and filled(path):
        raise OutputRefused(path, "file.filled")


def in_folder(path: Path, folder: Path) -> None:
    """Refuse a path of ``folder`` that is a link to somewhere outside it: nothing outside is ever written."""
    if path.is_symlink() and folder.resolve() not in path.resolve().parents:
        raise OutputRefused(path, "file.link_out")


#: The file that holds a folder for one writer (``kmc-gap import``) at a time.
LOCK_NAME = ".kmc-gap.lock"
#: A lock older than this whose holder cannot be checked (another host, an unreadable file) is stale.
STALE_SECONDS = 6 * 3600


@contextlib.contextmanager
def folder_lock(folder: Path, *, enabled: bool = True) -> Iterator[None]:
    """Hold ``folder`` for one writer: a lock file made only if there is none (``O_EXCL``), naming its process.

    A second writer is refused with the holder named, so that two imports never read-then-replace the same
    profiles and lose one's items. A lock whose process is gone (on this host), or one older than
    :data:`STALE_SECONDS` that cannot be checked, is stale: taken over, said. The lock is removed at the end,
    whatever happened, if it is still this process's.
    """
    if not enabled:
        yield
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from kmc_gap.model.problems import InputError, os_reason

        raise InputError([Problem(shown(folder), "file.unwritable", {"reason": os_reason(exc)})]) from None
    path = folder / LOCK_NAME
    mine = f"{os.getpid()} {socket.gethostname()} {int(time.time())}\n"
    for attempt in range(2):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            holder = _holder(path)
            if attempt == 0 and holder.stale:
                path.unlink(missing_ok=True)
                continue
            raise FolderLocked(folder, path, holder) from None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(mine)
        break
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if path.read_text(encoding="utf-8") == mine:
                path.unlink()


class _Holder:
    """Who holds a lock, as its file says, and whether it is stale."""

    def __init__(self, pid: int | None, host: str, since: float | None, stale: bool) -> None:
        self.pid, self.host, self.since, self.stale = pid, host, since, stale


def _holder(path: Path) -> _Holder:
    try:
        parts = path.read_text(encoding="utf-8", errors="replace").split()
        age = time.time() - path.stat().st_mtime
    except OSError:
        return _Holder(None, "", None, stale=False)  # gone meanwhile, or unreadable: never taken over blind
    pid = int(parts[0]) if parts and parts[0].isdigit() and len(parts[0]) < 10 else None
    host = parts[1] if len(parts) > 1 else ""
    since = float(parts[2]) if len(parts) > 2 and parts[2].isdigit() and len(parts[2]) < 12 else None
    if pid is not None and host == socket.gethostname():
        return _Holder(pid, host, since, stale=not _alive(pid))
    return _Holder(pid, host, since, stale=age > STALE_SECONDS)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, and is someone else's
        return True
    return True


class FolderLocked(KmcGapError):
    """Another writer holds the folder."""

    def __init__(self, folder: Path, lock: Path, holder: _Holder) -> None:
        since = dt.datetime.fromtimestamp(holder.since).isoformat(sep=" ", timespec="minutes") if holder.since else "?"
        args = {"pid": holder.pid or "?", "host": holder.host or "?", "since": since, "lock": shown(lock)}
        super().__init__([Problem(shown(folder), "file.locked", args)])
