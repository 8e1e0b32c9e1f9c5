"""Hostile and odd inputs: never a traceback, always a located message, exit 2, and the rest still reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, RunLine

MID = "examples/profiles/mid-career-planner.yaml"
AS_OF = ("--as-of", "2026-06-30")


def _profile(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_huge_integer_is_located_and_the_cohort_goes_on(run_line: RunLine, tmp_path: Path) -> None:
    base = (ROOT / MID).read_text(encoding="utf-8")
    huge = _profile(tmp_path, "huge.yaml", base.replace("level: 4", "level: " + "9" * 5000, 1))
    result = run_line("assess", str(huge), MID, *AS_OF, "-f", "jsonl", "--lang", "en")
    assert result.code == 2
    line = next(x for x in result.stderr.splitlines() if x.startswith(str(huge)))
    assert "number too long" in line and line.count(":") >= 3  # file:line:col: message
    assert [json.loads(x)["person"]["name"] for x in result.stdout.splitlines()] == ["林小美"]


@pytest.mark.parametrize("where", ["value", "comment"])
def test_deep_nesting_with_an_alias_is_refused_cleanly(run_line: RunLine, tmp_path: Path, where: str) -> None:
    deep = "[" * 600 + "]" * 600
    alias = "x: &a 1\ny: *a\n" if where == "value" else "# an alias marker * in a comment\n"
    path = _profile(tmp_path, "deep.yaml", f"{alias}z: {deep}\n")
    result = run_line("validate", str(path), "--lang", "en")
    assert result.code == 1
    assert result.stdout and all(line.startswith(f"{path}:") for line in result.stdout.splitlines())


def test_policy_ranges_and_ancient_dates(run_line: RunLine, tmp_path: Path) -> None:
    policy = _profile(tmp_path, "policy.yaml", "max_age_years: 3000\n")
    checked = run_line("validate", MID, "--policy", str(policy), "--lang", "en")
    assert checked.code == 1 and "max_age_years: must be at most 100" in checked.stdout
    assessed = run_line("assess", MID, "--policy", str(policy), "--lang", "en")
    assert assessed.code == 2 and "max_age_years: must be at most 100" in assessed.stderr
    ancient = run_line("assess", MID, "--as-of", "0003-01-01", "--policy", "strict", "-f", "json")
    assert ancient.code == 0
    assert json.loads(ancient.stdout)["summary"]["items_met"] == 0  # everything is dated after year 3


def test_brackets_in_paths_are_text_not_markup(run_line: RunLine, tmp_path: Path) -> None:
    odd = str(tmp_path / "a[/]p[bold]x[link=https://example.invalid]y.yaml")
    result = run_line("assess", MID, "--policy", odd, "--lang", "en")
    assert result.code == 2
    assert result.stderr.startswith(f"{odd}: file not found")


@pytest.mark.slow
def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "team")
    os.mkdir(folder)
    with open(os.path.join(folder, b"bad\xff.yaml"), "wb") as handle:
        handle.write((ROOT / MID).read_bytes())
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    for fmt in ("table", "json", "jsonl", "csv", "markdown", "junit", "html"):
        done = subprocess.run(
            [sys.executable, "-m", "kmc_gap", "assess", os.fsdecode(folder), "-f", fmt, *AS_OF],
            capture_output=True,
            env=env,
            cwd=ROOT,
            check=False,
        )
        assert done.returncode == 0, (fmt, done.stderr)
        assert b"Traceback" not in done.stderr
        assert b"xff.yaml" in done.stdout or fmt in ("table", "html", "markdown")
    out = tmp_path / "out.json"
    done = subprocess.run(
        [sys.executable, "-m", "kmc_gap", "assess", os.fsdecode(folder), "-f", "json", "-o", str(out)],
        capture_output=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))[0]["file"].endswith("bad\\xff.yaml")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda r: r["tasks"][0]["items"][0].__setitem__("met", "false"), "tasks"),
        (lambda r: r["summary"].__setitem__("coverage", "Infinity"), "summary"),
        (lambda r: r["summary"].__setitem__("tasks_met", 10**5000), "summary"),
    ],
)
def test_tampered_reports_are_refused(run_line: RunLine, tmp_path: Path, change, field: str) -> None:
    report = json.loads(run_line("assess", MID, *AS_OF, "-f", "json").stdout)
    change(report)
    sys.set_int_max_str_digits(0)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(report, ensure_ascii=False).replace('"Infinity"', "Infinity"), encoding="utf-8")
    result = run_line("diff", str(path), MID, *AS_OF, "--lang", "en")
    assert result.code == 2
    assert result.stderr.startswith(f"{path}: ")


def test_deeply_nested_json_report_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    result = run_line("diff", str(path), MID, *AS_OF, "--lang", "en")
    assert result.code == 2 and str(path) in result.stderr


def _kmc(*args: str, stdout: object = subprocess.PIPE, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kmc_gap", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        timeout=timeout,
        check=False,
        env={**os.environ, "KMC_GAP_LANG": "en"},
    )


@pytest.mark.slow
def test_stdout_that_fails_gives_one_line(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "wb") as full:
        done = _kmc("assess", MID, stdout=full)
    assert done.returncode == 2
    assert done.stderr.decode().strip().splitlines() == [
        "kmc-gap: cannot write the output (no space left on the device)"
    ]


@pytest.mark.slow
def test_a_reader_that_stops_early_is_no_failure() -> None:
    for fmt in ("table", "jsonl", "json"):
        command = f"{sys.executable} -m kmc_gap assess examples/profiles -f {fmt}"
        shell = f"{command} | head -c 50 > /dev/null; exit ${{PIPESTATUS[0]}}"
        done = subprocess.run(["bash", "-c", shell], cwd=ROOT, capture_output=True, timeout=60, check=False)
        assert (done.returncode, done.stderr) == (0, b""), fmt


@pytest.mark.slow
def test_pipes_and_devices_named_as_inputs_are_refused_at_once(tmp_path: Path) -> None:
    fifos = [tmp_path / name for name in ("pipe.yaml", "pipe.json", "pipe.jwt")]  # .json is looked into: never a pipe
    for fifo in fifos:
        os.mkfifo(fifo)
    for source in (*map(str, fifos), "/dev/zero"):
        done = _kmc("validate", source, timeout=20)  # a FIFO would hang; /dev/zero would never end
        assert done.returncode == 1
        assert b"not a regular file" in done.stdout


def test_folder_search_reports_what_it_skipped(run_line: RunLine, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "me.yaml").write_bytes((ROOT / MID).read_bytes())
    (team / "gone.yaml").symlink_to(tmp_path / "missing.yaml")
    os.mkfifo(team / "pipe.yml")
    result = run_line("assess", str(team), *AS_OF, "--lang", "en")
    assert result.code == 0
    assert f"{team / 'gone.yaml'}: warning: skipped a link to a file that does not exist" in result.stderr
    assert f"{team / 'pipe.yml'}: warning: skipped an entry that is not a regular file" in result.stderr


def test_a_folder_with_no_profiles_is_an_error(run_line: RunLine, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_line("assess", str(empty), MID, *AS_OF, "--lang", "en", "-f", "jsonl")
    assert result.code == 2
    assert f"{empty}: no *.yaml or *.yml profiles found, and no credentials (*.json, *.jwt)" in result.stderr
    assert len(result.stdout.splitlines()) == 1  # the other input is still reported


def test_warn_expiring_beyond_any_date(run_line: RunLine) -> None:
    result = run_line("assess", MID, *AS_OF, "--warn-expiring", str(10**9), "-f", "json")
    assert result.code == 0, result.stderr


@pytest.mark.slow
def test_ctrl_c_with_workers_gives_one_line_and_no_traceback(tmp_path: Path) -> None:
    """Interrupted for certain: nothing reads the reports after the first, so the run waits on a full pipe.

    The run starts with Ctrl-C's default action whatever the test runner inherited: a shell starts a
    background job (``pytest &``) with SIGINT ignored, and a program that inherits that is right to
    ignore Ctrl-C, so the test would prove nothing about kmc-gap.
    """
    import signal
    import time

    folder = tmp_path / "people"
    folder.mkdir()
    text = (ROOT / MID).read_text(encoding="utf-8")
    for i in range(200):  # 200 reports of about 10 KB: far more than a pipe holds (64 KB)
        (folder / f"p{i:04d}.yaml").write_text(text, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "kmc_gap", "assess", str(folder), "-f", "jsonl", "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "KMC_GAP_LANG": "en"},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith(b"{")  # the workers are scoring, and the run is writing
    time.sleep(0.5)  # long enough to fill the pipe: the run now waits for a reader that never comes
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode()[-2000:]
    assert stderr.decode().strip().splitlines() == ["kmc-gap: interrupted"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "\u0301" + "王" * 60,  # a combining accent typed first, in a name wider than its column
        "王" * 30 + " \u200b" + "林" * 30,  # a zero-width space pasted in where a line breaks
    ],
)
def test_text_with_a_zero_width_character_where_a_line_starts_is_laid_out(tmp_path: Path, text: str) -> None:
    """The tables lay such text out and end: rich 14.3.0 to 14.3.2 looped for ever on a line that opens with a
    zero-width character, and pyproject.toml now rules them out (the lowest-dependency run of CI checks it)."""
    path = tmp_path / "r.csv"
    path.write_text(f"員工編號,姓名,課程代號,訓練日期,課程名稱\nE1,{text},C01,2025-03-01,{text}\n", encoding="utf-8")
    catalog = str(ROOT / "examples" / "catalog.yaml")
    for args in (
        ["assess", str(path), "-c", catalog, *AS_OF, "--task", "T1.1"],
        ["import", str(path), "-c", catalog, "-o", str(tmp_path / "people")],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "kmc_gap", *args],
            capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "40"},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "E1" in done.stdout
