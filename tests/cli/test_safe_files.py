"""Writing files never destroys anything: devices and FIFOs are written to, links kept, inputs and old files safe."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, RunLine

MID = "examples/profiles/mid-career-planner.yaml"


def test_a_fifo_is_written_to_not_replaced(run_line: RunLine, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_line("assess", MID, "-f", "json", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.code == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not a regular file
    assert b'"format_version": 1' in received[0]
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]  # no temporary file left


def test_a_character_device_is_written_to_not_replaced(run_line: RunLine, tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs root (CI runs as root)")
    result = run_line("assess", MID, "-o", str(device))
    assert result.code == 0, result.stderr
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["null"]


def test_a_symlink_writes_its_target_and_stays_a_link(run_line: RunLine, tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = run_line("assess", MID, "-f", "json", "-o", str(link))
    assert result.code == 0, result.stderr
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert target.read_text(encoding="utf-8").startswith("{")


def test_a_directory_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    result = run_line("assess", MID, "-o", str(tmp_path), "--lang", "en")
    assert result.code == 2


def test_output_naming_an_input_is_refused_and_the_input_kept(run_line: RunLine, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_bytes((ROOT / MID).read_bytes())
    result = run_line("assess", str(profile), "-f", "json", "-o", str(profile), "--lang", "en")
    assert result.code == 2
    assert "the output is one of the inputs" in result.stderr
    assert profile.read_bytes() == (ROOT / MID).read_bytes()


def test_a_failed_run_keeps_the_old_output(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("yesterday's report\n", encoding="utf-8")
    result = run_line("assess", "tests/corpus/level-7.yaml", "-f", "json", "-o", str(out))
    assert result.code == 2
    assert out.read_text(encoding="utf-8") == "yesterday's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_new_files_get_the_umask_permissions(run_line: RunLine, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert run_line("assess", MID, "-o", str(tmp_path / "r.txt")).code == 0
        assert run_line("init", "-o", str(tmp_path / "p.yaml")).code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "r.txt").st_mode) == 0o644
    assert stat.S_IMODE(os.stat(tmp_path / "p.yaml").st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "r.txt"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run_line("assess", MID, "-o", str(out)).code == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640


@pytest.mark.slow
def test_sigterm_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "people"
    folder.mkdir()
    text = (ROOT / MID).read_text(encoding="utf-8")
    for i in range(1500):
        (folder / f"p{i:04d}.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "kmc_gap", "assess", str(folder), "-f", "json", "-o", str(out / "all.json")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    time.sleep(2.0)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert b"Traceback" not in stderr
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    if process.returncode != 0:  # stopped mid-run: nothing was written
        assert list(out.iterdir()) == []


@pytest.mark.parametrize("fmt", ["json", "summary"])
def test_a_catalogue_that_cannot_be_read_keeps_the_old_output(run_line: RunLine, tmp_path: Path, fmt: str) -> None:
    # the API reads the catalogue once the output is open: it must still leave the old file as it was
    out = tmp_path / "report.out"
    out.write_text("yesterday's report\n", encoding="utf-8")
    inputs = "examples/records/training-2025.csv" if fmt == "json" else MID
    result = run_line("assess", inputs, "-f", fmt, "--catalog", str(tmp_path / "nope.yaml"), "-o", str(out))
    assert result.code == 2
    assert "nope.yaml" in result.stderr
    assert out.read_text(encoding="utf-8") == "yesterday's report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.out"]
