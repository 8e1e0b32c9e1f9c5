"""Write the example assessment forms: a blank one for the example export's team, and the same filled in.

The ratings are made up. ``team-form.xlsx`` is what ``kmc-gap form`` writes for the 25 people of
``examples/records/ehr-export-2025.xlsx``; ``team-form-filled.xlsx`` is that form as it comes back from
the three department managers: each rated every behaviour indicator and work output of their people
(a few marked 不適用, a note now and then), and each person rated themselves — some generously, some
modestly, so that ``kmc-gap calibrate`` has something to show.

Run it from the repository root (needs openpyxl, as the tests do): ``python examples/forms/generate.py``.
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
EXPORT = HERE.parent / "records" / "ehr-export-2025.xlsx"
COURSES = HERE.parent / "records" / "courses.xlsx"
MANAGERS = {"行銷企劃部": "周經理", "活動執行部": "吳經理", "品牌公關部": "鄭經理"}
NOTES = ("2026 春季發表會", "年終客戶活動", "觀察三次專案會議", "依專案結案報告")


def main() -> None:
    blank = HERE / "team-form.xlsx"
    command = [sys.executable, "-m", "kmc_gap", "form", str(EXPORT), "--sheet", "all", "-c", str(COURSES), "-o", str(blank)]
    subprocess.run(command, check=True)
    fill(blank, HERE / "team-form-filled.xlsx")


def fill(blank: Path, out: Path) -> None:
    """Every person's sheet rated by their manager and by themselves, the same way on every run."""
    book = openpyxl.load_workbook(blank)
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible" or sheet.title == "說明":
            continue
        rows = list(sheet.iter_rows())
        head = next(i for i, row in enumerate(rows) if row[0].value == "代碼")
        labels = {row[0].value: row[1] for row in rows[:head] if row[0].value}
        person = str(labels["員工編號"].value)
        dice = random.Random(person)  # each person's ratings depend on them alone
        labels["評核人"].value = MANAGERS.get(str(labels["部門"].value), "人資部")
        labels["評核日期"].value = dt.datetime(2026, 11, 20)
        col = {cell.value: i for i, cell in enumerate(rows[head]) if cell.value}
        skill = dice.choice((3, 3, 4, 4, 4, 5))  # how the manager sees them
        lean = dice.choice((-1, 0, 0, 1, 1, 2))  # how they see themselves against that
        for row in rows[head + 1 :]:
            if not row[0].value:
                continue
            if dice.random() < 0.04:
                row[col["主管評核"]].value = "不適用"
                continue
            manager = min(6, max(1, skill + dice.choice((-1, 0, 0, 0, 1))))
            row[col["主管評核"]].value = manager
            row[col["自評"]].value = min(6, max(1, manager + lean + dice.choice((-1, 0, 0, 1))))
            if dice.random() < 0.1:
                row[col["觀察依據／佐證"]].value = dice.choice(NOTES)
    book.save(out)


if __name__ == "__main__":
    main()
