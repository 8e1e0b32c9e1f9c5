"""One generated truth, rendered into every container, shape and value style HR systems hand out.

The metamorphic tests read every rendering and demand the same evidence from each: the same people,
the same counted (person, course, date), the same number of fails and absences not counted, nothing
refused. A new kind of export is one more renderer here, not one more hand-made file.

- **Truth** (:func:`truth`): a few people, each with results in distinct catalogue courses — passed on
  a date with a score, failed with a low score, or absent.
- **Shapes** (:data:`SHAPES`): ``long`` (a row per result, a title row above and a ``共 N 筆`` line
  below), ``blocks`` (a person's cells only on their first row, a 小計 row after each person) and
  ``wide`` (a row per person, a column per course: a date where passed, ×, 不合格, 缺課 or 請假 otherwise).
- **Value styles** (:data:`STYLES`): how dates, scores and outcomes are typed.
- **Names only** (:func:`names_only`): any shape without its id column, joined to a roster by name and
  department.
- **Containers** (:data:`CONTAINERS`): CSV, TSV and "Unicode text" in UTF-8, UTF-8 with a BOM, UTF-16
  (with and without a byte-order mark) and Big5; ``.xlsx``, ``.xls`` (BIFF), ``.ods``, an HTML table
  and an Excel 2003 XML Spreadsheet each saved as ``.xls``, a workbook renamed ``.csv``, a CSV of Excel's
  text formulas (``="E0101"``).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Courses of ``examples/catalog.yaml`` (code, title).
COURSES = [
    ("C01", "活動行銷企劃實務"),
    ("C02", "活動預算編列與財務管理"),
    ("C03", "專案管理實務（含問題分析演練）"),
    ("C04", "採購與供應鏈管理"),
    ("C05", "合約管理與履約實務"),
    ("C06", "贊助招商與利益關係人管理（含贊助策略專題）"),
]
PEOPLE = [
    ("E0101", "陳怡君", "行銷企劃部"),
    ("E0102", "林志明", "活動執行部"),
    ("E0103", "黃淑芬", "行銷企劃部"),
    ("E0104", "張家豪", "業務發展部"),
    ("E0105", "李雅婷", "活動執行部"),
]


@dataclass(frozen=True)
class Result:
    """One person's result in one course."""

    person: tuple[str, str, str]
    course: tuple[str, str]
    outcome: str  # passed, failed, absent
    date: dt.date
    score: int | None


def truth(seed: int = 3) -> list[Result]:
    """Every person has results in two to five distinct courses; every outcome occurs."""
    rng = random.Random(seed)
    out = []
    for person in PEOPLE:
        for course in rng.sample(COURSES, rng.randint(2, 5)):
            outcome = rng.choice(["passed", "passed", "passed", "failed", "absent"])
            date = dt.date(2026, rng.randint(1, 11), rng.randint(1, 28))
            score = rng.randint(70, 99) if outcome == "passed" else rng.randint(20, 55) if outcome == "failed" else None
            out.append(Result(person, course, outcome, date, score))
    return out


def counted(results: list[Result]) -> set[tuple[str, str, str]]:
    """What must count: (person id, course code, ISO date) of every pass."""
    return {(r.person[0], r.course[0], r.date.isoformat()) for r in results if r.outcome == "passed"}


# --------------------------------------------------------------------------- value styles


@dataclass(frozen=True)
class Style:
    """How one system types a date, a score and an outcome."""

    name: str
    date: Callable[[dt.date], Any]
    score: Callable[[int], Any]
    outcome: dict[str, str]  # passed, failed, absent → the word
    headers: tuple[str, ...]  # id, name, department, code, title, date, score, result


def _roc(day: dt.date, sep: str = "/") -> str:
    return f"{day.year - 1911}{sep}{day.month:02d}{sep}{day.day:02d}"


CHINESE = ("員工編號", "姓名", "部門", "課程代號", "課程名稱", "結訓日期", "成績", "結果")
STYLES = [
    Style("iso", lambda d: d.isoformat(), str, {"passed": "通過", "failed": "不合格", "absent": "缺課"}, CHINESE),
    Style("typed", lambda d: d, float, {"passed": "合格", "failed": "未通過", "absent": "請假"}, CHINESE),
    Style("roc", _roc, lambda s: f"{s}分", {"passed": "○", "failed": "×", "absent": "未出席"}, CHINESE),
    Style(
        "compact-roc",
        lambda d: _roc(d, ""),
        lambda s: f"{s}%",
        {"passed": "P", "failed": "F", "absent": "absent"},
        ("工號", "員工姓名", "單位", "班別代號", "班別名稱", "上課期間", "測驗成績", "結訓狀態"),
    ),
    Style(
        "english",
        lambda d: f"{d.day}-{d.strftime('%b')}-{d.year % 100:02d}",
        str,
        {"passed": "Completed", "failed": "Failed", "absent": "No-show"},
        ("Employee ID", "Full Name", "Department", "Course Code", "Course Title", "Completion Date", "Score", "Status"),
    ),
    Style(
        "words",
        lambda d: f"{d.year}年{d.month}月{d.day}日",
        str,
        {"passed": "已結訓", "failed": "未結訓", "absent": "缺席"},
        CHINESE,
    ),
]


# --------------------------------------------------------------------------- shapes


def long(results: list[Result], style: Style) -> list[list[Any]]:
    """A row per result under a title row, and a count line under the table."""
    rows: list[list[Any]] = [["2026 年度教育訓練紀錄"], list(style.headers)]
    for r in results:
        score = "" if r.score is None else style.score(r.score)
        rows.append([*r.person, *r.course, style.date(r.date), score, style.outcome[r.outcome]])
    rows.append([f"共 {len(results)} 筆"])
    return rows


def blocks(results: list[Result], style: Style) -> list[list[Any]]:
    """A person's cells on their first row only (as merged cells read), and a 小計 row after each person."""
    rows: list[list[Any]] = [list(style.headers)]
    for person in PEOPLE:
        own = [r for r in results if r.person == person]
        for i, r in enumerate(own):
            score = "" if r.score is None else style.score(r.score)
            who = list(person) if i == 0 else ["", "", ""]
            rows.append([*who, *r.course, style.date(r.date), score, style.outcome[r.outcome]])
        rows.append(["", "小計", "", "", "", "", "", f"{len(own)} 筆"])
    return rows


def wide(results: list[Result], style: Style) -> list[list[Any]]:
    """A row per person, a column per course: the date where passed, a fail or absence word otherwise."""
    marks = {"failed": ["×", "不合格"], "absent": ["缺課", "請假"]}
    header: list[Any] = [*style.headers[:3]]
    header += [f"{code} {title}" if i % 2 else title if i % 3 else code for i, (code, title) in enumerate(COURSES)]
    rows: list[list[Any]] = [["訓練護照（2026）"], header]
    for p, person in enumerate(PEOPLE):
        row: list[Any] = list(person) + [""] * len(COURSES)
        for r in results:
            if r.person == person:
                at = 3 + COURSES.index(r.course)
                row[at] = style.date(r.date) if r.outcome == "passed" else marks[r.outcome][p % 2]
        rows.append(row)
    return rows


SHAPES: dict[str, Callable[[list[Result], Style], list[list[Any]]]] = {"long": long, "blocks": blocks, "wide": wide}

#: Someone on the roster who shares a name with one of :data:`PEOPLE` and works in another department.
NAMESAKE = ("E0199", "陳怡君", "業務發展部")


def names_only(rows: list[list[Any]]) -> list[list[Any]]:
    """A shape with its person id column left out (a hand-kept sheet of names and departments); a title or
    count line, one cell wide, stays as it is."""
    return [row[1:] if len(row) > 1 else row for row in rows]


def roster(path: Path) -> None:
    """The team's 人員名冊, with a namesake the departments tell apart."""
    rows = [["員工編號", "姓名", "部門", "到職日"], *([*p, "2020/01/06"] for p in [*PEOPLE, NAMESAKE])]
    path.write_text(_delimited(rows, ",", "\r\n"), encoding="utf-8")


# --------------------------------------------------------------------------- containers


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _delimited(rows: list[list[Any]], delimiter: str, ending: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=ending).writerows([[_text(c) for c in r] for r in rows])
    return buffer.getvalue()


def text_file(encoding: str, delimiter: str, ending: str, bom: bool = False) -> Callable[[list[list[Any]], Path], None]:
    def write(rows: list[list[Any]], path: Path) -> None:
        data = _delimited(rows, delimiter, ending).encode(encoding)
        if bom and encoding == "utf-16-le":
            data = b"\xff\xfe" + data
        path.write_bytes(data)

    return write


def excel_text_csv(rows: list[list[Any]], path: Path) -> None:
    """A CSV whose every filled cell is Excel's text formula, ``="E0101"``, as exports write to keep ids' zeros."""
    lines = [",".join(f'="{_text(c)}"' if _text(c) else "" for c in row) for row in rows]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")


def xlsx(rows: list[list[Any]], path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"in_memory": True})
    notes = book.add_worksheet("說明")  # a sheet of notes first: every sheet is looked at, this one passed over
    notes.write_string(0, 0, "本檔由訓練系統匯出")
    sheet = book.add_worksheet("訓練紀錄")
    date = book.add_format({"num_format": "yyyy/m/d"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            elif isinstance(value, int | float):
                sheet.write_number(r, c, value)
            elif value not in (None, ""):
                sheet.write_string(r, c, value)
    book.close()


def xls(rows: list[list[Any]], path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("訓練紀錄")
    date = xlwt.easyxf(num_format_str="yyyy/mm/dd")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, date)
            elif value not in (None, ""):
                sheet.write(r, c, value)
    book.save(str(path))


def ods(rows: list[list[Any]], path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="訓練紀錄")
    for row in rows:
        tr = TableRow()
        for value in row:
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
            else:
                cell = TableCell(valuetype="string")
            if value not in (None, ""):
                cell.addElement(P(text=_text(value)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def html_as_xls(rows: list[list[Any]], path: Path) -> None:
    """What web training systems send as "匯出 Excel": an HTML table in Big5, under ``.xls``."""
    body = "".join("<tr>" + "".join(f"<td>{html.escape(_text(c))}</td>" for c in row) + "</tr>\n" for row in rows)
    page = (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=big5"><style>td {mso-number-format:"@";}</style>'
        f"</head><body><table border=1>\n{body}</table></body></html>"
    )
    path.write_bytes(page.encode("cp950"))


def spreadsheet_ml(rows: list[list[Any]], path: Path) -> None:
    """Excel 2003 XML Spreadsheet, saved as ``.xls`` as many systems do; dates and numbers typed."""

    def cell(value: Any) -> str:
        if value in (None, ""):
            return "<Cell/>"
        if isinstance(value, dt.date):
            return f'<Cell><Data ss:Type="DateTime">{value.isoformat()}T00:00:00.000</Data></Cell>'
        if isinstance(value, int | float):
            return f'<Cell><Data ss:Type="Number">{value}</Data></Cell>'
        return f'<Cell><Data ss:Type="String">{html.escape(str(value))}</Data></Cell>'

    body = "".join("<Row>" + "".join(cell(c) for c in row) + "</Row>\n" for row in rows)
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
        f'<Worksheet ss:Name="訓練紀錄"><Table>\n{body}</Table></Worksheet></Workbook>\n'
    )
    path.write_text(text, encoding="utf-8")


def xlsx_as_csv(rows: list[list[Any]], path: Path) -> None:
    """A workbook someone renamed ``.csv``."""
    xlsx(rows, path)


#: Each container: (file name ending, writer, whether it keeps typed cells).
CONTAINERS: dict[str, tuple[str, Callable[[list[list[Any]], Path], None]]] = {
    "csv-utf8": (".csv", text_file("utf-8", ",", "\r\n")),
    "csv-utf8-bom-lf": (".csv", text_file("utf-8-sig", ",", "\n")),
    "csv-big5-semicolon": (".csv", text_file("cp950", ";", "\r\n")),
    "unicode-text": (".txt", text_file("utf-16-le", "\t", "\r\n", bom=True)),
    "tsv-utf16be-no-bom": (".tsv", text_file("utf-16-be", "\t", "\n")),
    "pipe-cr": (".csv", text_file("utf-8", "|", "\r")),
    "xlsx": (".xlsx", xlsx),
    "xls-biff": (".xls", xls),
    "ods": (".ods", ods),
    "html-as-xls": (".xls", html_as_xls),
    "xml2003-as-xls": (".xls", spreadsheet_ml),
    "xlsx-as-csv": (".csv", xlsx_as_csv),
    "csv-excel-text": (".csv", excel_text_csv),
}
