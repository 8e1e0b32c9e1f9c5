"""A standard typeset as iCAP publishes it, for reading back: its text as copied out, and its ODT.

The text is what a copy out of the paginated document gives: one table row per line, cells apart by
tabs, the main table's heading repeated at each page break, and a row a page break cuts continued on
the next page with its task and level cells empty — the item cut in two, its second half without its
code (as KMC3332's O2.3.3 「風」 + 「險應變及備案計畫」). Narrow columns break Chinese with spaces.
Everything here is written from a standard's data (the data file's layout, Chinese fields only).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEADING = [
    "主要職責",
    "工作任務",
    "工作產出",
    "行為指標",
    "職能 級別",
    "職能內涵 (K=knowledge 知識)",
    "職能內涵 (S=skills 技能)",
]


@dataclass(frozen=True)
class Typesetting:
    """How the document breaks: every ``page`` tasks a page break, cutting that task's row in two."""

    page: int = 3
    wrap: int = 0  # a space every ``wrap`` characters of Chinese (a column's line width); 0: none
    seed: int = 0


def chinese(data: dict[str, Any]) -> dict[str, Any]:
    """The standard's Chinese: every ``_en`` field, the translation note and the level descriptors left out."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: strip(v)
                for k, v in value.items()
                if not str(k).endswith("_en") and k not in ("translation", "levels", "source")
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(data)


def rows(data: dict[str, Any], how: Typesetting = Typesetting()) -> list[list[str]]:
    """The document as rows of cells, in order: header table, main table (paged), attitudes, notes."""
    rnd = random.Random(how.seed)

    def wrapped(text: str) -> str:
        if not how.wrap:
            return text
        out, run = [], 0
        for ch, after in zip(text, [*text[1:], ""], strict=True):
            out.append(ch)
            run = run + 1 if _wide(ch) else 0
            if run >= how.wrap and _wide(after) and rnd.random() < 0.5:  # a line broken inside Chinese
                out.append(" ")
                run = 0
        return "".join(out)

    note = f" ^{{【{data['name_note']}】}}" if data.get("name_note") else ""
    out: list[list[str]] = [[f"{data['name']}職能基準"]]
    out.append(["版本", "職能基準代碼", "職能基準名稱", "狀態", "更新說明", "發展更新日期"])
    for v in data.get("versions", []):
        out.append(
            [v["version"], v["code"], v["name"], v["status"], v.get("change") or "", str(v["date"]).replace("-", "/")]
        )
    out.append(["職能基準代碼", "", data["code"]])
    kind = data.get("name_kind", "職業")
    out.append(["職能基準名稱 (擇一填寫)", "", "職類", data["name"] + note if kind == "職類" else ""])
    out.append(["", "", "職業", data["name"] + note if kind == "職業" else ""])
    for i, cat in enumerate(data.get("categories", {}).values()):
        out.append(["所屬 類別" if i == 0 else "", cat["label"], cat["name"], f"{cat['label']}代碼", str(cat["code"])])
    out.append(["工作描述", "", data["description"]])
    out.append(["基準級別", "", str(data["level"])])
    knowledge, skills = data["knowledge"], data["skills"]
    listed = [b for d in data["duties"] for t in d["tasks"] for b in t.get("blocks") or [t]]
    active = any(b.get("activities") for b in listed)  # the 工作活動 column, where the standard has one
    heading = [*HEADING[:2], "工作活動", *HEADING[2:]] if active else HEADING
    out.append(heading)
    count = 0
    for duty in data["duties"]:
        for t, task in enumerate(duty["tasks"]):
            if task.get("same_as"):  # printed in the cell of the task whose block it shares
                continue
            count += 1
            sharing = [f" {x['code']} {wrapped(x['name'])}" for x in duty["tasks"] if x.get("same_as") == task["code"]]
            first = [
                f"{duty['code']} {wrapped(duty['name'])}" if t == 0 else "",
                f"{task['code']} {wrapped(task['name'])}" + "".join(sharing),
            ]
            blocks = task.get("blocks") or [task]  # a task of several competency blocks: a row per block
            for b, block in enumerate(blocks):
                cells = _block_cells(block, knowledge, skills)
                lead = first if b == 0 else ["", ""]
                doing = [wrapped(" ".join(block.get("activities", [])))] if active else []
                if how.page and count % how.page == 0 and b == len(blocks) - 1:  # a page break cuts the row
                    head, tail = _cut(cells, rnd)
                    out.append([*lead, *doing, *_cells(head, wrapped), str(block["level"]), *_ks(head, wrapped)])
                    out.append(heading)
                    out.append(["", "", *([""] if active else []), *_cells(tail, wrapped), "", *_ks(tail, wrapped)])
                else:
                    out.append([*lead, *doing, *_cells(cells, wrapped), str(block["level"]), *_ks(cells, wrapped)])
    out.append(["職能內涵 (A=attitude 態度)"])
    for code, att in data.get("attitudes", {}).items():
        out.append([f"{code} {att['name']}：{att['description']}"])
    notes = data.get("notes", {})
    out.append(["說明與補充事項"])
    out.append(["- **建議擔任此職類 / 職業之學歷 / 經歷 / 或能力條件：**"])
    out += [[f"- {n['text']}"] for n in notes.get("qualifications", [])]
    out.append(["- **其他補充說明**"])
    out += [[f"- {n['text']}"] for n in notes.get("remarks", [])]
    out += [[f"- 【{key[0]} {key[1:]}】{n['text']}"] for key, n in notes.get("footnotes", {}).items()]
    return out


def _block_cells(block: dict[str, Any], knowledge: dict[str, Any], skills: dict[str, Any]) -> dict[str, Any]:
    """A block's (or a one-block task's) cells: coded items, an item's sub-points after it, bulleted."""

    def named(items: dict[str, Any], code: str) -> str:
        points = "".join(f" • {point}" for point in items[code].get("points", []))
        return items[code]["name"] + points

    return {
        "O": [(o["code"], o["name"] + (f"【{o['note']}】" if o.get("note") else "")) for o in block["outputs"]],
        "P": [(p["code"], p["text"]) for p in block["indicators"]],
        "K": [(k, named(knowledge, k)) for k in block["knowledge"]],
        "S": [(s, named(skills, s)) for s in block["skills"]],
    }


def _wide(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "，。、：；（）「」《》"


def _cut(cells: dict[str, list[tuple[str, str]]], rnd: random.Random) -> tuple[dict[str, Any], dict[str, Any]]:
    """A row cut by a page break: some items on each page, one item's text cut in two where the page ends."""
    head: dict[str, Any] = {}
    tail: dict[str, Any] = {}
    for key, items in cells.items():
        at = rnd.randint(1, len(items)) if items else 0
        head[key], tail[key] = list(items[:at]), list(items[at:])
    key = rnd.choice([k for k in cells if head[k]])
    code, text = head[key][-1]
    if len(text) > 2:  # the end of the last item of the page goes over, without its code
        split = rnd.randint(1, len(text) - 1)
        head[key][-1] = (code, text[:split])
        tail[key] = [("", text[split:]), *tail[key]]
    return head, tail


def _join(items: list[tuple[str, str]], wrapped: Any) -> str:
    return " ".join(f"{code} {wrapped(text)}".strip() for code, text in items)


def _cells(cells: dict[str, Any], wrapped: Any) -> list[str]:
    return [_join(cells["O"], wrapped), _join(cells["P"], wrapped)]


def _ks(cells: dict[str, Any], wrapped: Any) -> list[str]:
    return [_join(cells["K"], wrapped), _join(cells["S"], wrapped)]


def as_text(data: dict[str, Any], how: Typesetting = Typesetting()) -> str:
    """The text a copy out of the document gives: a line per row, tabs between cells."""
    return "\n".join("\t".join(row) for row in rows(data, how)) + "\n"


def as_odt(data: dict[str, Any], path: Path) -> None:
    """The document as an ODT typeset as the official one: ruled tables on A4, the main table's heading
    repeated on every page and its rows free to break across pages; paragraphs for the rest (odfpy)."""
    from odf.opendocument import OpenDocumentText
    from odf.style import (
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        Style,
        TableCellProperties,
        TableColumnProperties,
        TableProperties,
        TableRowProperties,
        TextProperties,
    )
    from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
    from odf.text import P

    doc = OpenDocumentText()
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margin="1.5cm"))
    doc.automaticstyles.addElement(layout)
    doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=layout))
    ruled = Style(name="ruled", family="table-cell")
    ruled.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.05cm"))
    doc.automaticstyles.addElement(ruled)
    small = Style(name="small", family="paragraph")
    font = "WenQuanYi Micro Hei"
    small.addElement(TextProperties(fontsize="8pt", fontsizeasian="8pt", fontfamily=font, fontfamilyasian=font))
    doc.automaticstyles.addElement(small)
    wide = Style(name="wide", family="table")
    wide.addElement(TableProperties(width="18cm", align="left"))
    doc.automaticstyles.addElement(wide)
    breaking = Style(name="breaking", family="table-row")
    breaking.addElement(TableRowProperties(keeptogether="auto"))  # a row may go on to the next page
    doc.automaticstyles.addElement(breaking)
    listed = [b for d in data["duties"] for t in d["tasks"] for b in t.get("blocks") or [t]]
    widths = ["2.2cm", "2.4cm", "2.4cm", "4.4cm", "1.0cm", "2.8cm", "2.8cm"]
    if any(b.get("activities") for b in listed):  # a 工作活動 column: the others narrower
        widths = ["1.8cm", "2.0cm", "2.6cm", "2.0cm", "3.8cm", "1.0cm", "2.4cm", "2.4cm"]
    columns = []
    for i, width in enumerate(widths):
        column = Style(name=f"c{i}", family="table-column")
        column.addElement(TableColumnProperties(columnwidth=width))
        doc.automaticstyles.addElement(column)
        columns.append(column)
    table: Any = None
    for row in rows(data, Typesetting(page=0)):
        if len(row) == 1:
            table = None
            doc.text.addElement(P(stylename=small, text=row[0]))
            continue
        if table is None or row[0] == HEADING[0]:
            table = Table(name=f"T{len(doc.text.childNodes)}", stylename=wide)
            for column in columns:
                table.addElement(TableColumn(stylename=column))
            doc.text.addElement(table)
        line = TableRow(stylename=breaking)
        for cell in [*row, *[""] * (len(columns) - len(row))]:
            box = TableCell(stylename=ruled)
            for part in re.split(r" (?=[OPKS]\d)", cell) if cell else []:  # a paragraph per item, as iCAP's
                box.addElement(P(stylename=small, text=part))
            line.addElement(box)
        if row[0] == HEADING[0]:
            heading = TableHeaderRows()  # repeated on every page the table runs on
            heading.addElement(line)
            table.addElement(heading)
        else:
            table.addElement(line)
    doc.save(str(path))


def as_pdf(soffice: str, data: dict[str, Any], folder: Path) -> Path | None:
    """The standard typeset as the official document: its ODT, printed to PDF by LibreOffice Writer in a
    profile of its own; None when LibreOffice could not print it (no Writer installed)."""
    import subprocess

    odt = folder / f"{data['code']}.odt"
    as_odt(data, odt)
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(odt)],
        capture_output=True, timeout=300, check=False,
    )  # fmt: skip
    pdf = odt.with_suffix(".pdf")
    return pdf if pdf.exists() else None
