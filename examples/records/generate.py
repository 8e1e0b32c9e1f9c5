"""Write the made-up HR export in this folder: ``training-2025.xlsx`` and ``training-2025.csv``.

Every person, course date and certificate here is invented. The rows look like what a training
system exports: a title row, Chinese headers, one row per completed course (its 職能 come from
``examples/catalog.yaml`` by course code) or certificate (with its own 職能級別, 職能內涵 and expiry),
dates sometimes as date cells and sometimes in the ROC calendar (民國 114/03/15). The two files
hold the same rows, so they give the same reports.

Run it from the repository root (needs xlsxwriter): ``python examples/records/generate.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).parent
TITLE = "114年度 教育訓練紀錄（匯出）"
HEADERS = [
    "員工編號", "員工姓名", "部門", "類別", "課程代號", "課程名稱", "訓練日期",
    "到期日", "訓練時數", "職能級別", "職能內涵", "證書字號", "確認者",
]
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周"
GIVEN = ["怡君", "志明", "雅婷", "家豪", "淑芬", "俊傑", "佩珊", "冠宇", "欣怡", "建宏", "詩涵", "宗翰"]
DEPARTMENTS = ["行銷企劃部", "活動執行部", "品牌公關部"]
COURSES = {
    "C01": ("活動行銷企劃實務", 24), "C02": ("活動預算編列與財務管理", 18), "C03": ("專案管理實務（含問題分析演練）", 21),
    "C04": ("採購與供應鏈管理", 18), "C05": ("合約管理與履約實務", 15), "C06": ("贊助招商與利益關係人管理（含贊助策略專題）", 12),
    "C07": ("活動風險管理與危機處理", 12), "C08": ("行銷數據與質化量化分析", 18), "C09": ("商業簡報技巧", 6),
    "C10": ("活動職場英語", 12), "C11": ("活動相關法規與性別平等、兒少保護", 6), "C12": ("顧客關係管理與工作表單實務", 12),
    "C13": ("結案報告撰寫與提案改善", 9), "C14": ("活動企劃總整班", 36),
}
CERTIFICATE = ("證照", "iCAP 活動企劃職能評量 合格證明", 4, "P1.1.1、P1.1.2、P2.1.1、P2.1.2、K03、S07")
VERIFIERS = ["人資部 周專員", "人資部 林課長", "訓練中心"]


def roc(day: dt.date) -> str:
    """114/03/15: how many Taiwanese HR systems print dates."""
    return f"{day.year - 1911}/{day.month:02d}/{day.day:02d}"


def rows() -> list[list[object]]:
    """About 150 rows for 20 people: courses by code, a few certificates with an expiry."""
    rng = random.Random(1140)
    out: list[list[object]] = []
    for n in range(20):
        ident = f"E{2101 + n}"
        name = SURNAMES[n] + GIVEN[n % len(GIVEN)]
        dept = DEPARTMENTS[n % len(DEPARTMENTS)]
        taken = rng.sample(sorted(COURSES), k=rng.randint(5, 9))
        for code in sorted(taken):
            title, hours = COURSES[code]
            day = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(330))
            out.append([ident, name, dept, "訓練", code, title, day, None, hours, None, None, None, rng.choice(VERIFIERS)])
        if n % 4 == 0:
            kind, title, level, covers = CERTIFICATE
            day = dt.date(2024, 5, 20) + dt.timedelta(days=rng.randrange(200))
            expires = day.replace(year=day.year + 2)
            out.append([ident, name, dept, kind, None, title, day, expires, None, level, covers,
                        f"ICAP-{ident}-{day:%y%m}", "職能發展學院"])
    return out


def main() -> None:
    data = rows()
    book = xlsxwriter.Workbook(HERE / "training-2025.xlsx", {"strings_to_numbers": False})
    sheet = book.add_worksheet("訓練紀錄")
    date = book.add_format({"num_format": "yyyy/m/d"})
    bold = book.add_format({"bold": True})
    sheet.write_string(0, 0, TITLE, bold)
    sheet.write_row(2, 0, HEADERS, bold)
    for r, row in enumerate(data, start=3):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, dt.date):
                if r % 5 == 0:  # some rows were typed in by hand, in the ROC calendar
                    sheet.write_string(r, c, roc(value))
                else:
                    sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            elif isinstance(value, int):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, str(value))
    sheet.set_column(0, len(HEADERS) - 1, 14)
    book.close()
    with open(HERE / "training-2025.csv", "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADERS)
        for row in data:
            writer.writerow(["" if v is None else roc(v) if isinstance(v, dt.date) else v for v in row])


if __name__ == "__main__":
    main()
