"""The cache of checked standards: the same standard as a fresh read, never a stale or foreign one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kmc_gap.model import stdcache
from kmc_gap.model.loading import bundled_standard_path, load_standard
from kmc_gap.model.models import Standard
from kmc_gap.model.problems import InputError

fresh_load = load_standard.__wrapped__  # without the in-process cache


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KMC_GAP_CACHE_DIR", str(folder))
    monkeypatch.delenv("KMC_GAP_NO_CACHE", raising=False)
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*" + stdcache.SUFFIX))


def never(name: str = "build") -> Standard:
    raise AssertionError(f"{name} was called: the entry was not used")


def test_a_cached_standard_equals_a_fresh_read(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = fresh_load()
    assert len(entries(cache)) == 1
    again = fresh_load()
    monkeypatch.setenv("KMC_GAP_NO_CACHE", "1")
    uncached = fresh_load()
    assert again == first == uncached
    assert again.entries == uncached.entries and again.positions == uncached.positions
    assert len(entries(cache)) == 1


def test_the_entry_is_what_is_read(cache: Path) -> None:
    data = bundled_standard_path().read_bytes()
    std = fresh_load()
    assert stdcache.cached(data, never, Standard) == std


def test_other_bytes_are_another_entry(cache: Path) -> None:
    data = bundled_standard_path().read_bytes()
    fresh_load()
    assert stdcache.entry_key(data) != stdcache.entry_key(data + b"\n# edited\n")
    with pytest.raises(AssertionError, match="not used"):
        stdcache.cached(data + b"\n# edited\n", never, Standard)


def test_a_damaged_entry_is_read_again_and_replaced(cache: Path) -> None:
    std = fresh_load()
    (entry,) = entries(cache)
    entry.write_bytes(b"not a pickle")
    assert fresh_load() == std
    data = bundled_standard_path().read_bytes()
    assert stdcache.cached(data, never, Standard) == std  # rewritten whole


def test_an_entry_of_another_type_is_not_used(cache: Path) -> None:
    data = b"code: X\n"
    stdcache.cached(data, lambda: "a string", str)
    with pytest.raises(AssertionError, match="not used"):
        stdcache.cached(data, never, Standard)


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX ownership and modes")
def test_an_entry_others_can_write_is_not_trusted(cache: Path) -> None:
    fresh_load()
    (entry,) = entries(cache)
    entry.chmod(0o666)
    data = bundled_standard_path().read_bytes()
    with pytest.raises(AssertionError, match="not used"):
        stdcache.cached(data, never, Standard)


def test_a_standard_that_does_not_check_is_not_stored(cache: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("code: X\n", encoding="utf-8")
    for _ in range(2):  # the second read fails the same way: nothing was stored
        with pytest.raises(InputError):
            fresh_load(bad)
    assert entries(cache) == []


def test_a_cache_that_cannot_be_written_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KMC_GAP_CACHE_DIR", str(blocker / "cache"))  # under a file: mkdir fails
    monkeypatch.delenv("KMC_GAP_NO_CACHE", raising=False)
    assert fresh_load() == load_standard()


def test_no_cache_when_asked(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KMC_GAP_NO_CACHE", "1")
    assert stdcache.cache_dir() is None
    fresh_load()
    assert not cache.exists()


def test_old_entries_are_pruned(cache: Path) -> None:
    for n in range(stdcache.KEEP + 3):
        stdcache.cached(f"{n}".encode(), lambda n=n: f"value {n}", str)
    kept = entries(cache)
    assert len(kept) == stdcache.KEEP
    assert stdcache.cached(f"{stdcache.KEEP + 2}".encode(), never, str) == f"value {stdcache.KEEP + 2}"


def test_the_default_folder_is_the_platforms_user_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KMC_GAP_CACHE_DIR", raising=False)
    monkeypatch.delenv("KMC_GAP_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    expected = {
        "win32": tmp_path / "local" / "kmc-gap" / "Cache",
        "darwin": Path.home() / "Library" / "Caches" / "kmc-gap",
    }.get(sys.platform, tmp_path / "xdg" / "kmc-gap")
    assert stdcache.cache_dir() == expected


def test_another_kmc_gap_is_another_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    import kmc_gap

    data = bundled_standard_path().read_bytes()
    before = stdcache.entry_key(data)
    monkeypatch.setattr(kmc_gap, "__version__", kmc_gap.__version__ + ".post1")
    assert stdcache.entry_key(data) != before


def test_edited_model_code_is_another_entry() -> None:
    data = bundled_standard_path().read_bytes()
    before = stdcache.entry_key(data)
    models = Path(stdcache.__file__).parent / "models.py"
    state = models.stat()
    try:
        os.utime(models, ns=(state.st_atime_ns, state.st_mtime_ns + 1_000_000_000))  # as if saved a second later
    except PermissionError:
        pytest.skip("the installed package cannot be touched")
    try:
        assert stdcache.entry_key(data) != before
    finally:
        os.utime(models, ns=(state.st_atime_ns, state.st_mtime_ns))
    assert stdcache.entry_key(data) == before


def test_no_home_folder_is_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # a container with no HOME and no password entry for its user: Path.home() raises
    monkeypatch.delenv("KMC_GAP_CACHE_DIR", raising=False)
    monkeypatch.delenv("KMC_GAP_NO_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("LOCALAPPDATA", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert stdcache.cache_dir() is None
    assert fresh_load() == load_standard()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_where_an_entry_should_be_never_hangs_a_run(cache: Path) -> None:
    """A FIFO with no writer planted under the entry's name: opening it to read would wait for ever."""
    data = bundled_standard_path().read_bytes()
    cache.mkdir(parents=True)
    os.mkfifo(cache / (stdcache.entry_key(data) + stdcache.SUFFIX))
    assert stdcache.cached(data, lambda: "built", str) == "built"  # read as if there were no entry, at once


def test_an_entry_of_another_standard_renamed_over_this_ones_is_not_used(cache: Path) -> None:
    """Each entry names, inside, the key it was stored under: renamed over another's name, it is no entry."""
    mine, other = b"code: A\n", b"code: B\n"
    stdcache.cached(other, lambda: "standard B", str)
    (entry,) = entries(cache)
    entry.rename(cache / (stdcache.entry_key(mine) + stdcache.SUFFIX))
    assert stdcache.cached(mine, lambda: "standard A", str) == "standard A"
