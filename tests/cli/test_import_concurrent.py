"""Two imports into one folder, and a hand edit saved during an import, lose nothing.

A folder is held by one import at a time (a lock file naming its process; a stale one taken over), and a
profile that changed on disk since the import read it is never replaced blind: that person is a located
problem to import again, and the hand edit is kept.
"""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmc_gap.api.files import LOCK_NAME

from conftest import ROOT, RunLine, examples, run_cli

CATALOG = "examples/catalog.yaml"


def export(path: Path, course: str, people: int = 40) -> Path:
    """One training export: every person took ``course`` on one day."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["員工編號", "姓名", "課程代號", "結訓日期"])
        for n in range(people):
            out.writerow([f"E{n:04d}", f"員工{n}", course, "2026-03-05"])
    return path


def items(folder: Path) -> dict[str, set[str]]:
    """Each profile's person id → the courses of its evidence."""
    out = {}
    for path in folder.glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[doc["person"]["id"]] = {ev.get("course") for ev in doc.get("evidence", [])}
    return out


def test_a_held_folder_is_refused_with_its_holder_named(run_line: RunLine, tmp_path: Path) -> None:
    folder = tmp_path / "people"
    folder.mkdir()
    (folder / LOCK_NAME).write_text(f"{os.getpid()} {socket.gethostname()} 1780000000\n", encoding="utf-8")
    run = run_line("import", str(export(tmp_path / "a.csv", "C01")), "-c", CATALOG, "-o", str(folder), "--lang", "en")
    assert run.code == 2
    assert str(os.getpid()) in run.stderr and LOCK_NAME in run.stderr
    assert list(folder.glob("*.yaml")) == []


def test_a_stale_lock_is_taken_over_and_removed_after(run_line: RunLine, tmp_path: Path) -> None:
    folder = tmp_path / "people"
    folder.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (folder / LOCK_NAME).write_text(f"{dead.stdout.strip()} {socket.gethostname()} 1780000000\n", encoding="utf-8")
    run = run_line("import", str(export(tmp_path / "a.csv", "C01")), "-c", CATALOG, "-o", str(folder))
    assert run.code == 0, run.stderr
    assert len(items(folder)) == 40 and not (folder / LOCK_NAME).exists()


@pytest.mark.slow
@pytest.mark.parametrize("attempt", range(3))
def test_two_imports_at_once_lose_nothing(tmp_path: Path, attempt: int) -> None:
    """Two processes import two exports into one folder at once: each either runs whole or is refused (exit 2),
    never exits 0 having lost items; what every successful import brought is in the profiles."""
    folder = tmp_path / "people"
    exports = [export(tmp_path / f"{course}.csv", course, people=150) for course in ("C01", "C02")]
    command = [sys.executable, "-m", "kmc_gap", "import", "-c", str(ROOT / CATALOG), "-o", str(folder)]
    runs = [subprocess.Popen([*command, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE) for path in exports]
    codes = [run.wait(timeout=300) for run in runs]
    assert all(code in (0, 2) for code in codes) and 0 in codes
    found = items(folder)
    for course, code in zip(("C01", "C02"), codes, strict=True):
        if code == 0:
            assert all(course in courses for courses in found.values()) and len(found) == 150
    assert not (folder / LOCK_NAME).exists()


def test_a_hand_edit_saved_during_the_import_is_kept(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The import reads a profile, someone saves a note into it, the import would write: that profile is refused
    (``import.changed_meanwhile``), the note kept; the other profiles are written."""
    from kmc_gap.api import imports

    folder = tmp_path / "people"
    assert run_line("import", str(export(tmp_path / "a.csv", "C01", 3)), "-c", CATALOG, "-o", str(folder)).code == 0
    edited = folder / "E0001.yaml"
    original = imports._change

    def change_then_edit(*args: object, **kwargs: object) -> object:
        result = original(*args, **kwargs)  # type: ignore[arg-type]
        if args[1] == edited:
            edited.write_text(edited.read_text(encoding="utf-8") + "# 王經理 2026-12-06: 已核對\n", encoding="utf-8")
        return result

    monkeypatch.setattr(imports, "_change", change_then_edit)
    run = run_line(
        "import", str(export(tmp_path / "b.csv", "C02", 3)), "-c", CATALOG, "-o", str(folder), "--lang", "en"
    )
    assert run.code == 2
    assert "E0001.yaml" in run.stderr
    assert "已核對" in edited.read_text(encoding="utf-8")
    found = items(folder)
    assert found["E0000"] == {"C01", "C02"} and found["E0001"] == {"C01"}


@settings(max_examples=examples(8), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edit=st.integers(0, 3), other_at=st.one_of(st.none(), st.integers(0, 3)))
def test_any_interleaving_of_two_imports_and_a_hand_edit_loses_nothing(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, edit: int, other_at: int | None
) -> None:
    """Import A runs; while it works on its ``edit``-th person someone saves a note into that profile, and
    while it works on its ``other_at``-th person import B starts. Whatever the interleaving, once each refused
    import is run again every item of A and B is in the profiles and the note is kept."""
    from kmc_gap.api import imports

    tmp = tmp_path_factory.mktemp("interleave")
    folder = tmp / "people"
    a, b = export(tmp / "a.csv", "C01", 4), export(tmp / "b.csv", "C02", 4)
    assert run_cli("import", str(export(tmp / "base.csv", "C03", 4)), "-c", CATALOG, "-o", str(folder)).code == 0
    original, seen, codes = imports._change, [0], {}

    def interleaved(*args: object, **kwargs: object) -> object:
        result = original(*args, **kwargs)  # type: ignore[arg-type]
        target = args[1]
        assert isinstance(target, Path)
        if seen[0] == edit:
            target.write_text(target.read_text(encoding="utf-8") + "# 手動註記\n", encoding="utf-8")
        if seen[0] == other_at:
            with monkeypatch.context() as inner:
                inner.setattr(imports, "_change", original)
                codes["b"] = run_cli("import", str(b), "-c", CATALOG, "-o", str(folder)).code
        seen[0] += 1
        return result

    with monkeypatch.context() as patch:
        patch.setattr(imports, "_change", interleaved)
        codes["a"] = run_cli("import", str(a), "-c", CATALOG, "-o", str(folder)).code
    assert codes["a"] in (0, 2) and codes.get("b", 2) in (0, 2)
    for name, path in (("a", a), ("b", b)):  # only a refused import is run again (one that ran said it lost nothing)
        if codes.get(name, 2) == 2:
            assert run_cli("import", str(path), "-c", CATALOG, "-o", str(folder)).code == 0
    found = items(folder)
    assert found == {f"E{n:04d}": {"C01", "C02", "C03"} for n in range(4)}
    notes = [p for p in folder.glob("*.yaml") if "# 手動註記" in p.read_text(encoding="utf-8")]
    assert len(notes) == 1
