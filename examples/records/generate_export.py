"""Write a made-up e-HR export exactly as training systems print it, and the course list as a workbook.

Every person, course, date, score and certificate here is invented. ``ehr-export-2025.xlsx`` has
the shapes real exports have, which kmc-gap reads without hand cleaning:

* 訓練紀錄: a title row and a print-date row above a two-level header (員工資料 / 課程資訊 / 結訓
  merged over the columns under them, 備註 merged down), department blocks each headed by a merged
  row and closed by a 小計 row, a 合計 row and a 註 line at the end; three-day courses as date ranges
  (``114/09/23~114/09/25``), hours as ``21小時``, scores, 是否合格 and 出缺勤 with failed and absent
  rows; fire drills and onboarding, which have nothing to do with the standard.
* 證照: certificates with their codes, 證照有效期限 (some 永久有效) and own 職能級別 and 職能內涵.
* 人員名冊: the roster of 25 people, hire dates included, two of them new hires with no rows yet.

``certificates-big5.csv`` is a certificates table as Excel saves it on a Chinese Windows (Big5), and
``courses.xlsx`` the course catalogue as a training officer keeps it (with pass marks and the
courses outside the standard marked 與職能基準無關).

Run it from the repository root (needs xlsxwriter): ``python examples/records/generate_export.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

import xlsxwriter

HERE = Path(__file__).parent
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周葉蘇莊呂江"
GIVEN = ["怡君", "志明", "雅婷", "家豪", "淑芬", "俊傑", "佩珊", "冠宇", "欣怡", "建宏", "詩涵", "宗翰", "品妤"]
DEPARTMENTS = [("行銷企劃部", "活動企劃專員"), ("活動執行部", "活動執行專員"), ("品牌公關部", "公關專員")]
#: code: (title, hours, provider, level, covers, pass mark)
COURSES: dict[str, tuple[str, int, str, int | None, str, int | None]] = {
    "C01": ("活動行銷企劃實務", 24, "範例職能學苑", 4, "K01、K02、K03、K09、K11、S01、S07、S08", 70),
    "C02": ("活動預算編列與財務管理", 18, "範例職能學苑", 4, "K07、S06、S16", None),
    "C03": ("專案管理實務（含問題分析演練）", 21, "範例管理顧問", 4, "K08、K10、S03、S09", None),
    "C05": ("合約管理與履約實務", 15, "範例法律學堂", 4, "K15、K16、S15", None),
    "C07": ("活動風險管理與危機處理", 12, "範例管理顧問", 4, "K12、K17、S12", None),
    "C08": ("行銷數據與質化量化分析", 18, "範例數據學院", 4, "K19、K20、S17、S18", None),
    "C09": ("商業簡報技巧", 6, "範例職能學苑", 3, "S04、S10", None),
    "C12": ("顧客關係管理與工作表單實務", 12, "範例職能學苑", 4, "K06、S02", None),
    "HR01": ("消防安全演練", 3, "總務部", None, "", None),
    "HR02": ("新進人員訓練", 7, "人資部", None, "", None),
}
CERTIFICATES = [
    ("CERT-ICAP", "iCAP 活動企劃職能評量 合格證明", 4, "P1.1.1、P1.1.2、P2.1.1、P2.1.2、K03、S07", 2),
    ("CERT-PM", "專案管理師（範例）", 4, "K08、K10、S03", None),
]


def roc(day: dt.date) -> str:
    """114/09/23: the ROC calendar, as Taiwanese HR systems print dates."""
    return f"{day.year - 1911}/{day.month:02d}/{day.day:02d}"


def people() -> list[tuple[str, str, str, str, dt.date]]:
    """25 people: id, name, department, role, hire date; the last two joined this month."""
    out = []
    for n in range(25):
        dept, role = DEPARTMENTS[n % 3]
        hired = dt.date(2026, 11, 2) if n >= 23 else dt.date(2015 + n % 10, 1 + n % 12, 1 + n % 27)
        out.append((f"E{3101 + n}", SURNAMES[n] + GIVEN[n % len(GIVEN)], dept, role, hired))
    return out


def training_rows(rng: random.Random) -> list[list[object]]:
    """One row per course taken by the 23 people who have rows; some failed, some absent."""
    rows: list[list[object]] = []
    for n, (ident, name, dept, role, _) in enumerate(people()[:23]):
        for code in sorted(rng.sample(sorted(COURSES), k=rng.randint(4, 7))):
            title, hours, *_ = COURSES[code]
            start = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(300))
            days = 3 if hours >= 18 else 1
            end = start + dt.timedelta(days=days - 1)
            when = f"{roc(start)}~{roc(end)}" if days > 1 else roc(start)
            score: object = rng.choice([62, 75, 81, 88, 93, 58, 45])
            passed, attendance = ("是" if isinstance(score, int) and score >= 60 else "否"), "出席"
            if n % 7 == 3 and code == "C01":
                score, passed, attendance = "", "否", "缺課"  # registered, never came
            if code.startswith("HR"):
                score, passed = "", "是"
            rows.append([ident, name, dept, role, code, title, when, f"{hours}小時", score, passed, attendance, ""])
    return rows


def write_training(book: xlsxwriter.Workbook, rng: random.Random) -> None:
    sheet = book.add_worksheet("訓練紀錄")
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "align": "center", "border": 1, "bg_color": "#D9E1F2"})
    section = book.add_format({"bold": True, "bg_color": "#F2F2F2"})
    sheet.write_string(0, 0, "晨光公關顧問有限公司 114 年度 教育訓練紀錄", book.add_format({"bold": True, "font_size": 14}))
    sheet.write_string(1, 0, "列印日期：115/01/10　列印人：人資部 周專員")
    sheet.merge_range(3, 0, 3, 3, "員工資料", head)
    sheet.merge_range(3, 4, 3, 7, "課程資訊", head)
    sheet.merge_range(3, 8, 3, 10, "結訓", head)
    sheet.merge_range(3, 11, 4, 11, "備註", head)
    lower = ["員工編號", "姓名", "部門", "職稱", "課程代號", "課程名稱", "訓練期間", "時數", "成績", "是否合格", "出缺勤"]
    for col, text in enumerate(lower):
        sheet.write_string(4, col, text, head)
    rows = training_rows(rng)
    row = 5
    total = 0
    for dept, _ in DEPARTMENTS:
        block = [r for r in rows if r[2] == dept]
        sheet.merge_range(row, 0, row, 11, f"【{dept}】", section)
        row += 1
        for cells in block:
            for col, value in enumerate(cells):
                if isinstance(value, int):
                    sheet.write_number(row, col, value)
                elif value:
                    sheet.write_string(row, col, str(value))
            row += 1
        hours = sum(int(str(r[7]).removesuffix("小時")) for r in block)
        total += hours
        sheet.write_string(row, 0, f"{dept} 小計", bold)
        sheet.write_number(row, 7, hours, bold)
        row += 2
    sheet.write_string(row, 0, "合計", bold)
    sheet.write_number(row, 7, total, bold)
    sheet.write_string(row + 2, 0, "註：成績 60 分以上且出席者為合格；C01 及格分數 70 分。")
    sheet.set_column(0, 11, 13)
    sheet.set_column(5, 5, 30)
    sheet.set_column(6, 6, 22)


def certificate_rows(rng: random.Random) -> list[list[object]]:
    rows: list[list[object]] = []
    for n, (ident, name, *_) in enumerate(people()[:23]):
        if n % 4:
            continue
        code, title, level, covers, years = CERTIFICATES[n % 8 // 4]
        day = dt.date(2024, 5, 20) + dt.timedelta(days=rng.randrange(200))
        expires = roc(day.replace(year=day.year + years)) if years else "永久有效"
        rows.append([ident, name, code, title, roc(day), expires, f"No.{ident}-{day:%y%m}", "範例認證中心", level, covers])
    return rows


def write_certificates(book: xlsxwriter.Workbook, rng: random.Random) -> list[list[object]]:
    sheet = book.add_worksheet("證照")
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
    headers = ["員工編號", "姓名", "證照代碼", "證照名稱", "取得日期", "證照有效期限", "證照編號", "發證單位", "職能級別", "職能內涵"]
    sheet.write_row(0, 0, headers, head)
    rows = certificate_rows(rng)
    for r, cells in enumerate(rows, start=1):
        for c, value in enumerate(cells):
            if isinstance(value, int):
                sheet.write_number(r, c, value)
            else:
                sheet.write_string(r, c, str(value))
    sheet.set_column(0, 9, 14)
    return rows


def write_roster(book: xlsxwriter.Workbook) -> None:
    sheet = book.add_worksheet("人員名冊")
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
    date = book.add_format({"num_format": "yyyy/m/d"})
    sheet.write_row(0, 0, ["員工編號", "姓名", "部門", "職稱", "到職日"], head)
    for r, (ident, name, dept, role, hired) in enumerate(people(), start=1):
        sheet.write_row(r, 0, [ident, name, dept, role])
        sheet.write_datetime(r, 4, dt.datetime.combine(hired, dt.time()), date)
    sheet.set_column(0, 4, 14)


def write_courses() -> None:
    book = xlsxwriter.Workbook(HERE / "courses.xlsx", {"strings_to_numbers": False})
    sheet = book.add_worksheet("課程目錄")
    head = book.add_format({"bold": True, "border": 1, "bg_color": "#D9E1F2"})
    headers = ["課程代號", "課程名稱", "辦理單位", "時數", "職能級別", "職能內涵", "與職能基準無關", "及格分數", "開班費"]
    sheet.write_row(0, 0, headers, head)
    for r, (code, (title, hours, provider, level, covers, mark)) in enumerate(COURSES.items(), start=1):
        sheet.write_row(r, 0, [code, title, provider])
        sheet.write_number(r, 3, hours)
        if level is not None:
            sheet.write_number(r, 4, level)
        sheet.write_string(r, 5, covers)
        sheet.write_string(r, 6, "" if covers else "是")
        if mark is not None:
            sheet.write_number(r, 7, mark)
        sheet.write_number(r, 8, hours * 500)
    for r, (code, title, level, covers, _) in enumerate(CERTIFICATES, start=len(COURSES) + 1):
        sheet.write_row(r, 0, [code, title, "範例認證中心"])
        sheet.write_number(r, 4, level)
        sheet.write_string(r, 5, covers)
    sheet.set_column(0, 8, 14)
    sheet.set_column(1, 1, 30)
    sheet.set_column(5, 5, 40)
    book.close()


def main() -> None:
    rng = random.Random(1150)
    book = xlsxwriter.Workbook(HERE / "ehr-export-2025.xlsx", {"strings_to_numbers": False})
    write_training(book, rng)
    certificates = write_certificates(book, rng)
    write_roster(book)
    book.close()
    write_courses()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["員工編號", "姓名", "證照名稱", "發證日期", "有效期限", "證書字號", "職能級別", "職能內涵"])
    for ident, name, _, title, day, expires, ref, _, level, covers in certificates[:3]:
        writer.writerow([ident, name, title + "（換發）", day, expires, ref + "-R", level, covers])
    (HERE / "certificates-big5.csv").write_bytes(buffer.getvalue().encode("cp950"))


if __name__ == "__main__":
    main()
