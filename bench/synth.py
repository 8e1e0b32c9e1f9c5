"""Synthetic evidence profiles for the benchmark: N files of 40 evidence items each."""

from __future__ import annotations

import random
from pathlib import Path

KINDS = ["training", "certificate", "work_output", "experience", "assessment", "self_report"]
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
GIVEN = "怡君志明雅婷家豪淑芬俊傑美玲冠宇佩珊建宏"


def codes() -> list[str]:
    """Every code a profile may cover, read from the bundled standard."""
    from kmc_gap.model.loading import load_standard
    from kmc_gap.model.lookup import codes_of

    return sorted(codes_of(load_standard()))


def profile_text(i: int, all_codes: list[str], items: int = 40) -> str:
    """One realistic-looking profile as YAML text."""
    rnd = random.Random(i)
    name = rnd.choice(SURNAMES) + "".join(rnd.sample(GIVEN, 2))
    lines = [
        "standard: KMC3332-001v3",
        "person:",
        f"  name: {name}",
        f"  id: S{i:06d}",
        "  organisation: 範例培訓中心",
        "evidence:",
    ]
    for j in range(items):
        year, month, day = rnd.randint(2019, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
        covers = ", ".join(rnd.sample(all_codes, rnd.randint(3, 12)))
        lines += [
            f"  - id: ev-{j:03d}",
            f"    kind: {rnd.choice(KINDS)}",
            f"    title: 第 {j + 1} 項證據 活動行銷企劃實務課程與專案成果",
            f"    date: {year}-{month:02d}-{day:02d}",
            f"    level: {rnd.randint(2, 6)}",
            f"    covers: [{covers}]",
        ]
        if rnd.random() < 0.6:
            lines.append("    verified_by: 培訓主管")
        if rnd.random() < 0.3:
            lines.append(f"    expires: {year + 3}-{month:02d}-{day:02d}")
        if rnd.random() < 0.5:
            lines.append(f"    hours: {rnd.randint(3, 40)}")
    return "\n".join(lines) + "\n"


def write_profiles(folder: Path, n: int) -> list[Path]:
    """Write ``n`` profiles into ``folder`` (created if needed); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    all_codes = codes()
    paths = []
    for i in range(n):
        path = folder / f"p{i:05d}.yaml"
        path.write_text(profile_text(i, all_codes), encoding="utf-8")
        paths.append(path)
    return paths
