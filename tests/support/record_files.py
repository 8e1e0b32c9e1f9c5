"""Record files written as HR systems write them (CSV, xlsx), and read back as assess reads them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import xlsxwriter

from kmc_gap.model.loading import load_catalog, load_standard
from kmc_gap.model.records import RecordOptions, load_records

ROOT = Path(__file__).resolve().parents[2]
CATALOG = "examples/catalog.yaml"
#: The four columns every record file has.
HEAD = ["員工編號", "姓名", "課程代號", "訓練日期"]
#: Five rows of three people in the four columns every record file has (HEAD), dates written three ways.
ROWS = [
    ["E1", "王", "C01", "2025-03-01"],
    ["E1", "王", "C02", "2025-04-01"],
    ["E2", "李", "C01", "2025-03-01"],
    ["E2", "李", "C03", "114/05/01"],
    ["E3", "陳", "C14", "20250601"],
]


def write_csv(path: Path, rows: list[list[Any]], encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[Any]], sheet: str = "工作表1", top: int = 0) -> Path:
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet(sheet)
    date = book.add_format({"num_format": "yyyy/m/d"})
    for r, row in enumerate(rows, start=top):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            elif isinstance(value, int | float):
                ws.write_number(r, c, value)
            elif value is not None:
                ws.write_string(r, c, value)
    book.close()
    return path


def read(path: Path, **options: Any) -> Any:
    std = load_standard()
    catalog = load_catalog(ROOT / CATALOG, std)
    return load_records([path], std, RecordOptions(catalog=catalog, **options))


def catalog_rows() -> list[list[Any]]:
    """examples/catalog.yaml as a training officer keeps it in Excel: Chinese headers, codes with 、."""
    import yaml

    doc = yaml.safe_load((ROOT / CATALOG).read_text(encoding="utf-8"))
    rows: list[list[Any]] = [["課程代號", "課程名稱", "開課單位", "時數", "職能級別", "職能內涵", "開班費", "每人費用"]]
    for c in doc["courses"]:
        seat = c.get("seat_cost")
        rows.append(
            [c["code"], c["title"], c["provider"], c["hours"], c["level"], "、".join(c["covers"]), c.get("cost"), seat]
        )
    return rows
