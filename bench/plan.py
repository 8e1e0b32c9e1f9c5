"""Benchmark: an exact team training plan with a budget — 200 people, 1,000 courses.

    python bench/plan.py            # the full size (the README records its figures)
    python bench/plan.py --quick    # 40 people, 200 courses, for a smoke test

A synthetic team as an HR officer meets one: people who are competent in most of the standard
and weak in two or three of its tasks (each person lacks some 5–25 items), and a synthetic
catalogue whose courses each teach 3–6 items of one task (sometimes one more), at levels 3–5, with
course fees, seat costs and hours. It runs `kmc-gap plan … --budget` as a whole process and prints
the solver's figures: the size of the programme, the time, and whether the optimum was proven
(gap 0). Nothing here is pass/fail.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _tasks() -> list[list[str]]:
    """Each task's P, K and S codes, read from the bundled standard."""
    from kmc_gap.model.loading import load_standard

    return [task.required_codes() for task in load_standard().tasks()]


def people(folder: Path, n: int, tasks: list[list[str]], seed: int = 3) -> None:
    """``n`` profiles: everything met at level 4 or 5 but part of two or three weak tasks."""
    rnd = random.Random(seed)
    every = sorted({code for codes in tasks for code in codes})
    for i in range(n):
        weak = [code for codes in rnd.sample(tasks, rnd.randint(2, 3)) for code in codes if rnd.random() < 0.4]
        missing = set(weak) | set(rnd.sample(every, rnd.randint(0, 3)))
        have = [code for code in every if code not in missing]
        half = len(have) // 2
        lines = [
            "standard: KMC3332-001v3",
            "person:",
            f"  name: Person {i:03d}",
            f"  id: B{i:04d}",
            "evidence:",
        ]
        for j, (codes, level) in enumerate(((have[:half], 4), (have[half:], rnd.choice([4, 5])))):
            lines += [
                f"  - id: ev-{j}",
                "    kind: assessment",
                "    title: annual review",
                "    date: 2025-11-30",
                f"    level: {level}",
                "    verified_by: manager",
                f"    covers: [{', '.join(codes)}]",
            ]
        (folder / f"b{i:04d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def catalogue(path: Path, n: int, tasks: list[list[str]], seed: int = 7) -> None:
    """A catalogue of ``n`` made-up courses, each on one task, written as YAML."""
    rnd = random.Random(seed)
    every = sorted({code for codes in tasks for code in codes})
    lines = ["title: synthetic benchmark catalogue", "sample: true", "courses:"]
    for i in range(n):
        topic = rnd.choice(tasks)
        chosen = set(rnd.sample(topic, min(len(topic), rnd.randint(3, 6))))
        if rnd.random() < 0.3:
            chosen.add(rnd.choice(every))
        covers = ", ".join(sorted(chosen))
        lines += [
            f"  - code: B{i:04d}",
            f"    title: course {i}",
            "    provider: bench",
            f"    hours: {rnd.choice([6, 12, 18, 24, 30])}",
            f"    level: {rnd.choice([3, 4, 4, 4, 5])}",
            f"    cost: {rnd.randrange(3000, 30000, 500)}",
            f"    seat_cost: {rnd.choice([0, 0, 300, 800])}",
            f"    covers: [{covers}]",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--people", type=int)
    parser.add_argument("--courses", type=int)
    parser.add_argument("--budget", type=float)
    parser.add_argument("--time-limit", type=float, default=60.0)
    args = parser.parse_args()
    size = args.people or (40 if args.quick else 200)
    courses = args.courses or (200 if args.quick else 1000)
    budget = args.budget or 500 * size  # about half of what closing every closable gap costs
    tasks = _tasks()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "people"
        folder.mkdir()
        people(folder, size, tasks)
        catalog = Path(tmp) / "catalog.yaml"
        catalogue(catalog, courses, tasks)
        cmd = [sys.executable, "-m", "kmc_gap", "plan", str(folder), "-c", str(catalog), "--as-of", "2026-06-30"]
        cmd += ["--budget", f"{budget:g}", "-f", "json", "--lang", "en", "--time-limit", f"{args.time_limit:g}"]
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"kmc-gap plan failed ({done.returncode}):\n{done.stderr}")
    plan = json.loads(done.stdout)
    run = plan["solver"]
    print(f"{size} synthetic people × {courses} courses, budget {budget:,.0f}")
    print(f"programme        {run['variables']:,} variables, {run['constraints']:,} constraints ({run['solver']})")
    print(f"solver time      {run['seconds']:.1f} s (whole command {wall:.1f} s; --time-limit {args.time_limit:g} s)")
    print(f"whole command ÷ --time-limit   {wall / args.time_limit:.2f} (the limit bounds the command, plus start-up)")
    print(f"proven optimal   {plan['optimal']}  gap {plan['mip_gap']}")
    print(
        f"plan             {len(plan['courses'])} courses, cost {plan['total_cost']:,.0f}, "
        f"tasks met {plan['before']['tasks_met']} → {plan['after']['tasks_met']}"
    )


if __name__ == "__main__":
    main()
