"""Benchmark: kmc-gap's speed and memory as ratios to a baseline measured in the same run.

    python bench/run.py            # the full run (about two minutes on a 2-core machine)
    python bench/run.py --quick    # fewer files and repeats, for a smoke test

Each figure is the median of several runs of whole commands, so machine noise affects the
measured command and its baseline alike. Nothing here is a pass/fail test: it prints the
ratios next to their targets.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

KMC = [sys.executable, "-m", "kmc_gap"]
PARSE_ONLY = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""
MINIMAL_TYPER = """
import typer
app = typer.Typer()
@app.command()
def main(path: str, fmt: str = "json") -> None:
    print(path)
app()
"""


def third_party_app(example: str) -> str:
    """The one-command Typer app, first importing every module not kmc-gap's that ``assess -f json`` imports.

    What it takes beyond the app is the floor under kmc-gap's start that no change to kmc-gap's own
    code can lower: PyYAML, pydantic's validators, the JSON and TOML readers.
    """
    trace = subprocess.run(
        [*KMC, "assess", example, "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPROFILEIMPORTTIME": "1"},
    ).stderr
    names = [row.rpartition("|")[2].strip() for row in trace.splitlines() if row.startswith("import time:")]
    modules = [name for name in names if name.isidentifier() or name.replace(".", "_").isidentifier()]
    modules = [name for name in modules if not name.startswith("kmc_gap")]
    loop = f"import importlib\nfor name in {modules!r}:\n    try:\n        importlib.import_module(name)\n"
    return loop + "    except Exception:\n        pass\n" + MINIMAL_TYPER


def timed(cmd: list[str], repeats: int) -> float:
    """Median wall time of ``cmd`` over ``repeats`` runs, output discarded."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_kib(cmd: list[str]) -> int:
    """Peak resident memory of ``cmd``, measured by a wrapper process that runs only it."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def line(name: str, ratio: float, target: float, detail: str) -> None:
    """One result row: the ratio, its target and whether it is met."""
    verdict = "met" if ratio <= target else "NOT met"
    print(f"{name:<44} {ratio:6.2f}   target ≤ {target:<5} {verdict:<8} {detail}", flush=True)


def main() -> None:
    """Generate the profiles, run every measurement and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer files and repeats")
    args = parser.parse_args()
    files, repeats, big = (200, 3, 2000) if args.quick else (1000, 5, 10000)
    example = str(ROOT / "examples" / "profiles" / "senior-planner.yaml")
    # Byte-compile kmc-gap first, as `pip install` does: with PYTHONDONTWRITEBYTECODE set (common in
    # containers) an editable checkout would otherwise be compiled from source on every start.
    import kmc_gap

    compileall.compile_dir(str(Path(kmc_gap.__file__).parent), quiet=1)
    check = subprocess.run([*KMC, "assess", example, "--format", "json"], capture_output=True, check=False)
    if check.returncode != 0:
        sys.exit(f"kmc-gap does not run: {check.stderr.decode(errors='replace')}")
    with tempfile.TemporaryDirectory(prefix="kmc-gap-bench-") as tmp:
        cohort, small, large = Path(tmp) / "cohort", Path(tmp) / "small", Path(tmp) / "large"
        synth.write_profiles(cohort, files)
        print(f"{files} synthetic profiles of 40 evidence items; medians of {repeats} runs\n", flush=True)

        parse = timed([sys.executable, "-c", PARSE_ONLY, str(cohort)], repeats)
        assess_jsonl = [*KMC, "assess", str(cohort), "--format", "jsonl", "--as-of", "2026-06-30"]
        one = timed([*assess_jsonl, "--jobs", "1"], repeats)
        two = timed([*assess_jsonl, "--jobs", "2"], repeats)
        line("assess --format jsonl ÷ CSafeLoader parse", one / parse, 1.15, f"{one:.2f} s ÷ {parse:.2f} s")
        line("assess --jobs 2 ÷ CSafeLoader parse", two / parse, 0.7, f"{two:.2f} s ÷ {parse:.2f} s")

        cold_repeats = repeats * 3
        base = timed([sys.executable, "-c", "import typer, pydantic, yaml"], cold_repeats)
        base_rich = timed(
            [sys.executable, "-c", "import typer, pydantic, yaml, rich.console, rich.table"], cold_repeats
        )
        floor = timed([sys.executable, "-c", MINIMAL_TYPER, example], cold_repeats)
        cold_json = timed([*KMC, "assess", example, "--format", "json"], cold_repeats)
        cold_table = timed([*KMC, "assess", example, "--format", "table"], cold_repeats)
        line(
            "cold start, --format json ÷ imports",
            cold_json / base,
            1.2,
            f"{cold_json * 1e3:.0f} ms ÷ {base * 1e3:.0f} ms",
        )
        line(
            "cold start, --format table ÷ imports + rich",
            cold_table / base_rich,
            1.2,
            f"{cold_table * 1e3:.0f} ms ÷ {base_rich * 1e3:.0f} ms",
        )
        line(
            "cold start, --format json ÷ a one-command Typer app",
            cold_json / floor,
            1.15,
            f"{cold_json * 1e3:.0f} ms ÷ {floor * 1e3:.0f} ms (Typer's own start, in any Typer CLI)",
        )
        others = timed([sys.executable, "-c", third_party_app(example), example], cold_repeats)
        print(
            f"  (the same app importing every other package's module that run imports ÷ the app: "
            f"{others / floor:.2f}, {others * 1e3:.0f} ms; kmc-gap's own share is the rest)",
            flush=True,
        )

        synth.write_profiles(small, 100)
        synth.write_profiles(large, big)
        jsonl = [*KMC, "assess", "--format", "jsonl", "--as-of", "2026-06-30"]
        rss_small = peak_rss_kib([*jsonl, str(small)])
        rss_large = peak_rss_kib([*jsonl, str(large)])
        line(
            f"peak memory, {big} ÷ 100 profiles (jsonl)",
            rss_large / rss_small,
            1.3,
            f"{rss_large / 1024:.0f} MiB ÷ {rss_small / 1024:.0f} MiB",
        )


if __name__ == "__main__":
    main()
