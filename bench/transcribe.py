"""Benchmark: a ten-page standard read from its PDF, and a start with the standard it gives.

    python bench/transcribe.py            # about ten pages: twelve duties of three tasks with long cells
    python bench/transcribe.py --quick    # about three pages

It typesets a made-up standard as the official table (``tests/publications.py``: an ODT with the main
table's heading repeated, printed to PDF by LibreOffice Writer, rows cut by page breaks), then times
whole processes, each the median of ``--runs``:

* ``kmc-gap transcribe standard.pdf -o standard.yaml`` against the target of 5 s for ten pages;
* ``kmc-gap --standard kmc3332.yaml assess PROFILE -f json``, the bundled standard transcribed from its
  published text, against the same with the bundled standard: the cache of checked standards applies
  to a transcribed one as to the bundled one (target ratio ≤ 1.1).

Nothing here is pass/fail; without LibreOffice Writer the PDF cannot be made, which is said, and the
bench stops.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

WORDS = "活動行銷企劃管理計畫分析報告客戶需求預算執行評估資源合作協議品質風險溝通團隊"
PROFILE = ROOT / "examples" / "profiles" / "mid-career-planner.yaml"
SOURCE = ROOT / "tests" / "fixtures" / "KMC3332-001v3.source.txt"


def standard(duties: int, seed: int = 11) -> dict[str, Any]:
    """A made-up standard of ``duties`` duties of three tasks, each task's cells long enough to break."""
    rnd = random.Random(seed)

    def words(n: int) -> str:
        return "".join(rnd.choice(WORDS) for _ in range(n))

    k_names: dict[str, str] = {}
    s_names: dict[str, str] = {}
    out = []
    for d in range(1, duties + 1):
        tasks = []
        for t in (1, 2, 3):
            code = f"T{d}.{t}"
            ks, ss = sorted(rnd.sample(range(1, 21), 6)), sorted(rnd.sample(range(1, 21), 6))
            for k in ks:
                k_names.setdefault(f"K{k:02d}", words(rnd.randint(4, 14)))
            for s in ss:
                s_names.setdefault(f"S{s:02d}", words(rnd.randint(4, 14)))
            tasks.append(
                {
                    "code": code,
                    "name": words(8),
                    "level": rnd.randint(2, 5),
                    "outputs": [{"code": f"O{code[1:]}.{n}", "name": words(10)} for n in (1, 2)],
                    "indicators": [{"code": f"P{code[1:]}.{n}", "text": words(50) + "。"} for n in range(1, 5)],
                    "knowledge": [f"K{k:02d}" for k in ks],
                    "skills": [f"S{s:02d}" for s in ss],
                }
            )
        out.append({"code": f"T{d}", "name": words(10), "tasks": tasks})
    used_k = sorted({k for d in out for t in d["tasks"] for k in t["knowledge"]})
    used_s = sorted({s for d in out for t in d["tasks"] for s in t["skills"]})
    version = {"version": "V1", "code": "ZZZ9999-003v1", "name": "名稱", "status": "最新版本", "date": "2026-01-05"}
    return {
        "code": "ZZZ9999-003v1",
        "name": words(6),
        "name_kind": "職業",
        "level": 4,
        "description": words(40) + "。",
        "versions": [version],
        "duties": out,
        "knowledge": {k: {"name": k_names[k]} for k in used_k},
        "skills": {s: {"name": s_names[s]} for s in used_s},
        "attitudes": {"A01": {"name": words(4), "description": words(90) + "。"}},
    }


def timed(command: list[str], runs: int) -> float:
    """The median wall time of ``command`` run as a whole process."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("no LibreOffice: the PDF cannot be typeset (Debian: libreoffice-writer-nogui); nothing measured")
    from pypdf import PdfReader

    from publications import as_pdf

    with tempfile.TemporaryDirectory() as folder:
        here = Path(folder)
        pdf = as_pdf(soffice, standard(4 if args.quick else 12), here)
        if pdf is None:
            sys.exit(
                "LibreOffice could not print the ODT (no Writer? Debian: libreoffice-writer-nogui); nothing measured"
            )
        pages = len(PdfReader(str(pdf)).pages)
        out = here / "standard.yaml"
        kmc = [sys.executable, "-m", "kmc_gap"]
        read = timed([*kmc, "transcribe", str(pdf), "-o", str(out), "--force"], args.runs)
        print(f"{pages} pages ({pdf.stat().st_size:,} bytes)")
        per_ten = read / pages * 10
        print(f"kmc-gap transcribe standard.pdf   {read:5.2f} s   target ≤ 5 s a 10 pages: per 10 {per_ten:5.2f} s")
        kmc3332 = here / "kmc3332.yaml"  # the bundled standard, transcribed from its published text
        subprocess.run([*kmc, "transcribe", str(SOURCE), "-o", str(kmc3332)], check=True, capture_output=True)
        assess = ["assess", str(PROFILE), "--as-of", "2026-06-30", "-f", "json"]
        bundled = timed([*kmc, *assess], args.runs * 3)
        theirs = timed([*kmc, "--standard", str(kmc3332), *assess], args.runs * 3)
        print(f"assess with the bundled standard  {bundled * 1000:5.0f} ms")
        print(
            f"assess with the transcribed one   {theirs * 1000:5.0f} ms   ratio {theirs / bundled:.2f} (target ≤ 1.1)"
        )


if __name__ == "__main__":
    main()
