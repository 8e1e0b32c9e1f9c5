"""A cache of checked standards, so that a run does not parse and validate the same standard again.

Reading KMC3332-001v3 (YAML parse, pydantic schema build and validation, the integrity checks)
takes about 45 ms of a cold start of about 330 ms; loading the checked model from a pickle takes
about 1 ms. A cache entry is named by a hash of the standard file's bytes and of everything that
decides how those bytes become a model (kmc-gap's version and model sources, Python's and pydantic's
versions), so an edited standard or an upgraded kmc-gap never meets an old entry.

The cache is an optimisation only: a folder that cannot be made or written (a read-only home in a
CI container), an entry that cannot be read, or ``KMC_GAP_NO_CACHE`` set means the standard is
read as if there were no cache, and nothing is said. On POSIX an entry is trusted only if the user
running kmc-gap owns it and nobody else can write it, since unpickling runs code; it is read only if
it is a regular file (never waiting on a FIFO) and names, inside, the key it was stored under.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

#: Entries kept; older ones are removed when a new one is written.
KEEP = 8
SUFFIX = ".standard.pickle"


def cache_dir() -> Path | None:
    """The folder for cache entries: ``KMC_GAP_CACHE_DIR``, else the platform's user cache folder."""
    if os.environ.get("KMC_GAP_NO_CACHE"):
        return None
    chosen = os.environ.get("KMC_GAP_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "kmc-gap" / "Cache" if base else None
    if sys.platform != "darwin" and os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "kmc-gap"
    try:
        home = Path.home()
    except (RuntimeError, KeyError, OSError):  # no HOME and no password entry (a bare container): no cache
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "kmc-gap"
    return home / ".cache" / "kmc-gap"


def entry_key(data: bytes) -> str:
    """The name of the entry for a standard file holding ``data``, under this kmc-gap and Python."""
    import pydantic

    from kmc_gap import __version__

    digest = hashlib.sha256(data)
    digest.update(f"\0{__version__}\0{sys.version}\0{pydantic.VERSION}\0".encode())
    model = Path(__file__).parent
    for source in sorted(model.glob("*.py")):
        state = source.stat()
        digest.update(f"{source.name}:{state.st_size}:{state.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def cached(data: bytes, build: Callable[[], T], kind: type[T]) -> T:
    """The checked value for ``data``: from the cache when an entry holds one, else ``build()`` stored.

    ``build`` raises for a file that does not check; nothing is stored then.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    key = entry_key(data)
    path = folder / (key + SUFFIX)
    found = _read(path, kind, key)
    if found is not None:
        return found
    value = build()
    _write(folder, path, (key, value))
    return value


def _read(path: Path, kind: type[T], key: str) -> T | None:
    """The value of the entry at ``path`` if it is a regular file this user owns, and names ``key`` inside.

    Opened without waiting (a FIFO planted there would hang every run) and checked to be a regular file;
    an entry of another standard renamed over this one names another key and is no entry.
    """
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        state = os.fstat(fd)
        if not stat.S_ISREG(state.st_mode) or not _trusted(state):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            stored = pickle.load(handle)
    except Exception:  # a partial or stale entry is no entry
        return None
    finally:
        os.close(fd)
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key):
        return None
    value = stored[1]
    return value if isinstance(value, kind) else None


def _trusted(state: os.stat_result) -> bool:
    if not hasattr(os, "geteuid"):
        return True
    return state.st_uid == os.geteuid() and not state.st_mode & 0o022


def _write(folder: Path, path: Path, value: tuple[str, object]) -> None:
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
        _prune(folder, path)
    except Exception:  # a cache that cannot be written is no cache
        pass


def _prune(folder: Path, new: Path) -> None:
    """Keep the newest entries, ``new`` always among them (two writes may share a timestamp)."""
    entries = [entry for entry in folder.glob("*" + SUFFIX) if entry != new and not entry.name.startswith(".")]
    entries.sort(key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP - 1 :]:
        old.unlink(missing_ok=True)
