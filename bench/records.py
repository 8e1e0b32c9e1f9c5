"""Benchmark: a year's HR export — 20,000 record rows of 1,000 people in one .xlsx — assessed against a catalogue.

    python bench/records.py            # the full size (the README records its figures)
    python bench/records.py --quick    # 2,000 rows of 100 people, for a smoke test

It writes the workbook (xlsxwriter) with the columns a training system exports — person id, name,
department, course code, title, date (a date cell, or an ROC date as text in every fifth row),
hours, verifier — where each row names a course of ``examples/catalog.yaml``, and then times two
whole processes, each the median of ``--runs``:

* ``kmc-gap assess records.xlsx --catalog examples/catalog.yaml -f jsonl > /dev/null``;
* a Python process that only reads the same rows with openpyxl in read-only mode, its fastest mode.

It prints the ratio of the two; the target is at most 1.0: reading, checking and assessing the
records takes no longer than openpyxl takes only to read them.

``--shapes`` also writes one set of results (every person in every course of the catalogue, about as
many cells as the rows above) as a long table, as blocks (a person's cells on their first row only, a
小計 row after each) and as a wide matrix (a row per person, a column per course), and prints what the
blocks and the wide matrix cost against the long table; the target is at most 1.2 each.

Nothing here is pass/fail; a baseline that cannot run (openpyxl not installed) is said, and stops the bench.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "examples" / "catalog.yaml"
HEADERS = ["員工編號", "員工姓名", "部門", "課程代號", "課程名稱", "訓練日期", "訓練時數", "確認者"]
OPENPYXL_READ = (
    "import openpyxl, sys\n"
    "book = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
    "rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))\n"
    "print(rows)\n"
)


def write_records(path: Path, people: int, rows: int, seed: int = 12) -> None:
    """``rows`` rows spread over ``people`` people, each row a course of the sample catalogue."""
    import xlsxwriter
    import yaml

    courses = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))["courses"]
    rnd = random.Random(seed)
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("訓練紀錄")
    date = book.add_format({"num_format": "yyyy/m/d"})
    sheet.write_row(0, 0, HEADERS)
    for r in range(1, rows + 1):
        n = r % people
        course = rnd.choice(courses)
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rnd.randrange(2000))
        sheet.write_string(r, 0, f"E{n:05d}")
        sheet.write_string(r, 1, f"員工{n:05d}")
        sheet.write_string(r, 2, ["行銷企劃部", "活動執行部", "品牌公關部"][n % 3])
        sheet.write_string(r, 3, course["code"])
        sheet.write_string(r, 4, course["title"])
        if r % 5 == 0:
            sheet.write_string(r, 5, f"{day.year - 1911}/{day.month:02d}/{day.day:02d}")
        else:
            sheet.write_datetime(r, 5, dt.datetime.combine(day, dt.time()), date)
        sheet.write_number(r, 6, course["hours"])
        sheet.write_string(r, 7, "人資部")
    book.close()


#: xlsxwriter writing the workbook's cells bare: the same sheets, rows and cells as kmc-gap's workbook
#: (strings where kmc-gap writes strings), with no formats, no lookups and no reports to make.
BARE_WORKBOOK = (
    "import json, sys, xlsxwriter\n"
    "reports = [json.loads(line) for line in open(sys.argv[1], encoding='utf-8')]\n"
    "book = xlsxwriter.Workbook(sys.argv[2], {'constant_memory': True})\n"
    "overview, detail, evidence = (book.add_worksheet(n) for n in ('o', 'd', 'e'))\n"
    "rd = re = 1\n"
    "for r, rep in enumerate(reports, start=1):\n"
    "    p = rep['person']\n"
    "    overview.write_row(r, 0, [p['id'], p['name'], p['organisation'] or ''] + [t['attained_level'] for t in rep['tasks']])\n"  # noqa: E501
    "    for t in rep['tasks']:\n"
    "        for i in t['items'] + t['outputs']:\n"
    "            detail.write_row(rd, 0, [p['id'], p['name'], t['code'], i['code'], i['code'], 'x', i['best_level'] or 0, ''])\n"  # noqa: E501
    "            rd += 1\n"
    "    for e in rep['evidence']:\n"
    "        evidence.write_row(re, 0, [p['id'], p['name'], e['course'] or '', e['kind'], e['title'], e['date'], e['level'], e['expires'] or '', ' '.join(e['covers']), 'y', ''])\n"  # noqa: E501
    "        re += 1\n"
    "book.close()\n"
)


def write_shapes(folder: Path, cells: int, seed: int = 7) -> dict[str, Path]:
    """The same results — each person in each catalogue course once — as a long, a blocks and a wide sheet."""
    import xlsxwriter
    import yaml

    courses = [c["code"] for c in yaml.safe_load(CATALOG.read_text(encoding="utf-8"))["courses"]]
    rnd = random.Random(seed)
    people = max(1, cells // len(courses))
    days = {(n, c): dt.date(2024, 1, 1) + dt.timedelta(days=rnd.randrange(700)) for n in range(people) for c in courses}
    header = ["員工編號", "姓名", "部門", "課程代號", "訓練日期"]
    long: list[list[object]] = [header]
    blocks: list[list[object]] = [header]
    wide: list[list[object]] = [["員工編號", "姓名", "部門", *courses]]
    for n in range(people):
        who = [f"E{n:05d}", f"員工{n:05d}", ["行銷企劃部", "活動執行部"][n % 2]]
        for i, code in enumerate(courses):
            day = days[(n, code)].isoformat()
            long.append([*who, code, day])
            blocks.append([*(who if i == 0 else ["", "", ""]), code, day])
        blocks.append(["", "小計", "", "", f"{len(courses)} 筆"])
        wide.append([*who, *(days[(n, code)].isoformat() for code in courses)])
    out = {}
    for name, rows in (("long", long), ("blocks", blocks), ("wide", wide)):
        path = folder / f"{name}.xlsx"
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        sheet = book.add_worksheet("訓練紀錄")
        for r, row in enumerate(rows):
            sheet.write_row(r, 0, row)
        book.close()
        out[name] = path
    return out


def baseline_runs(command: list[str]) -> bool:
    """Whether a baseline process runs at all: a bench against a baseline that failed would print nonsense."""
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        print(
            f"the baseline did not run ({done.stderr.strip().splitlines()[-1:] or ['exit ' + str(done.returncode)]}):"
        )
        print("install what it needs (pip install -e '.[dev]') and run the bench again")
    return done.returncode == 0


def once(command: list[str]) -> float:
    """The wall time of ``command`` run as a whole process, its output thrown away."""
    start = time.perf_counter()
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def timed(command: list[str], runs: int) -> float:
    """The median wall time of ``command`` over ``runs`` runs."""
    return statistics.median(once(command) for _ in range(runs))


def paired(ours: list[str], theirs: list[str], runs: int) -> tuple[float, float, float]:
    """The median times of the two commands and the median of their ratios, each run of one right after one of
    the other (their order alternating): a machine slowed by its neighbours for a while slows both alike, so
    the ratio holds steady where times taken apart do not."""
    pairs = []
    for run in range(runs):
        if run % 2:
            b = once(theirs)
            a = once(ours)
        else:
            a = once(ours)
            b = once(theirs)
        pairs.append((a, b))
    mine = statistics.median(a for a, _ in pairs)
    other = statistics.median(b for _, b in pairs)
    return mine, other, statistics.median(a / b for a, b in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2,000 rows of 100 people")
    parser.add_argument("--runs", type=int, default=5, help="runs of each process (the median is kept)")
    parser.add_argument("--workbook", action="store_true", help="also time -o team.xlsx against bare xlsxwriter")
    parser.add_argument("--shapes", action="store_true", help="also time blocks and a wide matrix against long")
    args = parser.parse_args()
    people, rows = (100, 2_000) if args.quick else (1_000, 20_000)
    kmc_gap = [str(Path(sys.executable).with_name("kmc-gap"))]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "records.xlsx"
        write_records(path, people, rows)
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=False)
        check = subprocess.run(
            [*kmc_gap, "assess", str(path), "--catalog", str(CATALOG), "-f", "jsonl"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assessed = len(check.stdout.splitlines())
        if not baseline_runs([sys.executable, "-c", OPENPYXL_READ, str(path)]):
            raise SystemExit(2)
        assess = [*kmc_gap, "assess", str(path), "--catalog", str(CATALOG), "-f", "jsonl"]
        ours, theirs, ratio = paired(assess, [sys.executable, "-c", OPENPYXL_READ, str(path)], args.runs)
        shapes = {}
        if args.shapes:
            for name, sheet in write_shapes(Path(tmp), rows).items():
                command = [
                    *kmc_gap,
                    "assess",
                    str(sheet),
                    "--catalog",
                    str(CATALOG),
                    "-f",
                    "jsonl",
                    "--as-of",
                    "2026-12-31",
                ]
                shapes[name] = timed(command, args.runs)
        if args.workbook:
            jsonl = Path(tmp) / "reports.jsonl"
            jsonl.write_text(check.stdout, encoding="utf-8")
            team = [*kmc_gap, "assess", str(path), "--catalog", str(CATALOG), "-o", str(Path(tmp) / "team.xlsx")]
            book = timed(team, args.runs)
            bare = timed([sys.executable, "-c", BARE_WORKBOOK, str(jsonl), str(Path(tmp) / "bare.xlsx")], args.runs)
    print(f"{rows:,} rows of {people:,} people ({path.name}, {assessed:,} reports, exit {check.returncode})")
    print(f"kmc-gap assess -f jsonl      {ours:6.2f} s")
    print(f"openpyxl read-only, rows only {theirs:6.2f} s")
    print(f"ratio {ratio:.2f} (the median of {args.runs} runs in pairs; target ≤ 1.0)")
    if shapes:
        long, blocks, wide = shapes["long"], shapes["blocks"], shapes["wide"]
        print(f"the same results as long {long:6.2f} s, blocks {blocks:6.2f} s, wide {wide:6.2f} s")
        print(f"ratio blocks {blocks / long:.2f}, wide {wide / long:.2f} (target ≤ 1.2)")
    if args.workbook:
        print(f"kmc-gap assess -o team.xlsx   {book:6.2f} s (reading and assessing included)")
        print(f"xlsxwriter, the same cells bare {bare:6.2f} s (the reports already made)")
        print(f"ratio {book / bare:.2f}")


if __name__ == "__main__":
    main()
