"""``--format xlsx``: the team's result as a workbook, for the people who plan training in a spreadsheet.

Five sheets, named and headed in the chosen language: an overview (people × tasks heat map), the
gaps (each unmet item, how many miss it and who), the detail (person × task × item), the evidence
(counted or not, and why) and an about sheet (standard, as-of date, policy, legend, tasks, files
that failed). Numbers are number cells and dates are date cells; text is always written as a
string cell, so a value from a file can never become a formula or a link.

xlsxwriter writes rows as they come (``constant_memory``) to a temporary file, so the rows of the
detail and evidence sheets, the bulk of a workbook, are never held; what is held grows with the
people, not their evidence: a brief per person (the summary sheet, and the overview when grouped)
and each gap's people (the gaps sheet). The finished workbook's bytes then go to the output stream.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import weakref
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from kmc_gap.engine.summary import summarise, summary_part
from kmc_gap.model.lookup import names
from kmc_gap.render.assess import AssessRenderer
from kmc_gap.render.inputs import input_detail, input_line, refused_headline
from kmc_gap.render.names import standard_name
from kmc_gap.render.text import percent, policy_name, policy_words, rating_words, reason_words
from kmc_gap.render.workbook import LINE_HEIGHT, Columns, amp, lines, page_setup, text_width
from kmc_gap.words import listing, t
from kmc_gap.words.safe import sheet_text

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from kmc_gap.engine.report import Report, TaskResult
    from kmc_gap.model.problems import Problem

#: Fill and font of each task status: Excel's own Good, Neutral and Bad styles, legible in grey print too.
STATUS_COLOURS = {
    "met": ("#C6EFCE", "#006100"),
    "partial": ("#FFEB9C", "#9C5700"),
    "missing": ("#FFC7CE", "#9C0006"),
}
#: The mark of each status, drawn before the attained level by the cell's number format.
STATUS_MARKS = {"met": "●", "partial": "◐", "missing": "○"}
SHEETS = ("summary", "overview", "gaps", "detail", "evidence", "about")
#: How many missing items a task's row on the detail sheet names; its item rows have them all.
TASK_GAPS = 5
#: How many people the gaps sheet names in a cell; the detail sheet has everyone.
GAP_NAMES = 5
#: Rows in a worksheet, Excel's and LibreOffice's limit.
EXCEL_ROWS = 1_048_576
#: Excel's dates start on 1 January 1900.
EXCEL_FIRST_YEAR = 1900


class XlsxRenderer(AssessRenderer):
    """Writes each report's rows as it arrives; the gaps and about sheets at the end."""

    def start(self) -> None:
        """Open the workbook, its sheets and formats, and write each sheet's heading row."""
        import xlsxwriter

        lang = self.ctx.lang
        fd, self.path = tempfile.mkstemp(prefix="kmc-gap-", suffix=".xlsx")
        os.close(fd)
        # removed when the renderer goes, or at exit: an interrupted run leaves no workbook behind
        self.removal = weakref.finalize(self, Path(self.path).unlink, missing_ok=True)
        self.book = xlsxwriter.Workbook(
            self.path,
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        self.sheets = {key: self.book.add_worksheet(t(f"xlsx.sheet.{key}", lang)) for key in SHEETS}
        self.rows = dict.fromkeys(SHEETS, 1)
        self.headings: dict[str, list[str]] = {}
        self.parts: dict[str, list[Worksheet]] = {}  # a sheet and its continuations, past Excel's last row
        self.ends: dict[int, int] = {}  # id of a full sheet → its row count
        self.fmt = {
            "head": self.book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}),
            "date": self.book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
            "pct": self.book.add_format({"num_format": "0.0%"}),
            # the summary's counts and shares, centred: never pressed against the text of the next column
            "count": self.book.add_format({"align": "center", "valign": "top"}),
            "share": self.book.add_format({"num_format": "0.0%", "align": "center", "valign": "top"}),
            "title": self.book.add_format({"bold": True, "font_size": 14}),
            "bold": self.book.add_format({"bold": True}),
            "wrap": self.book.add_format({"text_wrap": True, "valign": "top"}),
            "top": self.book.add_format({"valign": "top"}),
            "task": self.book.add_format({"bold": True, "bg_color": "#F2F2F2", "text_wrap": True, "valign": "top"}),
        }
        self.cols = {key: Columns(self.fmt["wrap"], self.fmt["top"], CAPS.get(key), CAP) for key in SHEETS}
        for status, (fill, font) in STATUS_COLOURS.items():
            # the level stays a number; its format draws the status mark before it (● 4, ◐ 3, ○ —), so
            # that partial and missing read apart on a black-and-white printout too
            mark = STATUS_MARKS[status]
            shown = f'"{mark} "0;;"{mark} —"'
            self.fmt[status] = self.book.add_format(
                {"bg_color": fill, "font_color": font, "align": "center", "num_format": shown}
            )
        self.names = {code: sheet_text(name) for code, name in names(self.ctx.std, lang).items()}
        self.words: dict[str, str] = {}
        self.first: Report | None = None
        self.kept: list[Report] = []  # each report without its evidence: what the summary sheet needs
        self.missing: dict[str, list[str]] = defaultdict(list)
        self.kinds: dict[str, str] = {}
        self.failures: list[tuple[str, list[Problem]]] = []
        self.tasks = [task.code for task in self.ctx.std.tasks()]
        overview = [
            "person_id",
            "person_name",
            "role" if self.ctx.group_by == "role" else "organisation",
            *[None] * len(self.tasks),
            "tasks_met",
            "coverage",
            "verdict",
        ]
        self._heading(
            "overview", [self.tasks[i - 3] if h is None else t(f"xlsx.col.{h}", lang) for i, h in enumerate(overview)]
        )
        self._heading("detail", [t(f"xlsx.col.{h}", lang) for h in _DETAIL])
        self._heading("evidence", [t(f"xlsx.col.{h}", lang) for h in _EVIDENCE])

    def _heading(self, key: str, headings: list[str]) -> None:
        sheet = self.sheets[key]
        self.headings[key] = headings
        self.parts.setdefault(key, [sheet])
        self._head(key, 0, headings)
        sheet.freeze_panes(1, 2 if key == "overview" else 0)

    def _head(self, key: str, row: int, headings: list[str]) -> None:
        """A table's heading row; a heading longer than its column wraps onto a second line."""
        sheet = self.sheets[key]
        for col, text in enumerate(headings):
            sheet.write_string(row, col, text, self.fmt["head"])
            self.cols[key].note(col, text, HEADING_WIDTH)
        if any(text_width(text) > HEADING_WIDTH for text in headings):
            sheet.set_row(row, LINE_HEIGHT * 2)

    def add(self, value: Report) -> None:
        """Write one person's overview row, detail rows and evidence rows."""
        self.first = self.first or value
        self.kept.append(summary_part(value))  # for the summary sheet
        person = value["person"]
        who = [sheet_text(person["id"] or ""), sheet_text(person["name"])]
        if self.ctx.group_by is None:  # grouped, the overview is written in its groups' order at the end
            self._overview(value, who)
        self._detail(value, who)
        self._evidence(value, who)
        label = f"{person['name']} ({person['id']})" if person["id"] else person["name"]
        for gap in value["gaps"]:
            self.missing[gap["code"]].append(label)
            self.kinds[gap["code"]] = gap["type"]

    def _overview(self, report: Report, who: list[str]) -> None:
        sheet, row = self.sheets["overview"], self._next("overview")
        group = report["person"]["role"] if self.ctx.group_by == "role" else report["person"]["organisation"]
        self._texts("overview", row, 0, [*who, sheet_text(group or "")])
        by_code = {task["code"]: task for task in report["tasks"]}
        for col, code in enumerate(self.tasks, start=3):
            task = by_code[code]
            sheet.write_number(row, col, task["attained_level"], self.fmt[task["status"]])
        s = report["summary"]
        end = 3 + len(self.tasks)
        sheet.write_number(row, end, s["tasks_met"])
        sheet.write_number(row, end + 1, s["coverage"], self.fmt["pct"])
        self._texts("overview", row, end + 2, [self._word("verdict.met" if s["meets_standard"] else "verdict.not_met")])

    def _detail(self, report: Report, who: list[str]) -> None:
        """A row per person × task, and under it, grouped and folded, a row per item of the task.

        Folded rows do not print, so the sheet prints a row per person and task (its status, level
        and missing items); the outline's ``+`` or a filter opens the items. The item rows are the
        biggest part of the workbook by far, so each is plain cells, each word looked up once.
        """
        names, word, widths, lang = self.names, self._word, self.cols["detail"], self.ctx.lang
        met, missing = word("status.met"), word("status.missing")
        person_id, name = who
        rows = sum(1 + len(t["items"]) + len(t["outputs"]) for t in report["tasks"])
        row = self._room("detail", rows)
        sheet = self.sheets["detail"]
        widths.note(0, person_id)
        widths.note(1, name)
        titles = {ev["id"]: ev["title"] for ev in report["evidence"]}  # people read a course's name, not its id
        folded = {"level": 1, "hidden": True}
        for task in report["tasks"]:
            code = task["code"]
            self._task_row(sheet, row, who, task)
            row += 1
            for item in (*task["items"], *task["outputs"]):
                sheet.set_row(row, None, None, folded)
                sheet.write_string(row, 0, person_id)
                sheet.write_string(row, 1, name)
                sheet.write_string(row, 2, code)
                if "level" in item:  # in a task of several competency blocks, the level its block asks
                    sheet.write_number(row, 3, item["level"])
                sheet.write_string(row, 4, item["code"])
                sheet.write_string(row, 5, names[item["code"]], self.fmt["wrap"])
                sheet.write_string(row, 6, met if item["met"] else missing)
                if item["best_level"] is not None:
                    sheet.write_number(row, 7, item["best_level"])
                if item["evidence"]:
                    shown = sheet_text(listing([titles.get(ev, ev) for ev in item["evidence"]], lang))
                    widths.note(8, shown)
                    sheet.write_string(row, 8, shown, self.fmt["wrap"])
                if item.get("ratings"):  # which rating stands, and what the others said
                    sheet.write_string(row, 10, rating_words(item["ratings"], lang))
                row += 1
        self.rows["detail"] = row

    def _task_row(self, sheet: Worksheet, row: int, who: list[str], task: TaskResult) -> None:
        """The printed row of a person's task: its name, required and attained level, status, missing items."""
        cols, fmt = self.cols["detail"], self.fmt["task"]
        gaps = [i["code"] for i in (*task["items"], *task["outputs"]) if not i["met"]]
        shown = listing(gaps[:TASK_GAPS], self.ctx.lang)
        if len(gaps) > TASK_GAPS:  # one printed line: the first few; the folded rows below have them all
            shown = t("xlsx.more_items", self.ctx.lang, codes=shown, total=len(gaps))
        for col in (4, 8, 9):  # the columns of an item's code and evidence, and the missing items if none
            sheet.write_blank(row, col, None, fmt)
        for col, text in enumerate([*who, task["code"]]):
            sheet.write_string(row, col, text, fmt)
        sheet.write_number(row, 3, task["level"], fmt)
        cols.text(sheet, row, 5, self.names[task["code"]], fmt)
        sheet.write_string(row, 6, self._word(f"status.{task['status']}"), fmt)
        sheet.write_number(row, 7, task["attained_level"], fmt)
        cols.text(sheet, row, 9, shown, fmt)
        cols.tall(sheet, row, 1, {"collapsed": True})  # as tall as its name or missing items, and folded

    def _texts(self, key: str, row: int, col: int, values: list[str]) -> None:
        """Text cells from ``col`` on (text from files is passed through ``sheet_text`` first)."""
        sheet, cols = self.sheets[key], self.cols[key]
        for offset, value in enumerate(values):
            cols.text(sheet, row, col + offset, value)

    def _word(self, key: str) -> str:
        """A catalogue word in the report's language, looked up once per workbook."""
        found = self.words.get(key)
        if found is None:
            found = self.words[key] = t(key, self.ctx.lang)
        return found

    def _evidence(self, report: Report, who: list[str]) -> None:
        lang = self.ctx.lang
        sheet = self.sheets["evidence"]
        for ev in report["evidence"]:
            row = self._next("evidence")
            kind = self._word(f"evidence_kind.{ev['kind']}")
            self._texts("evidence", row, 0, [*who, sheet_text(ev["course"] or ""), kind, sheet_text(ev["title"])])
            self._date(sheet, row, 5, ev["date"])
            sheet.write_number(row, 6, ev["level"], self.fmt["top"])
            if ev["expires"] is not None:
                self._date(sheet, row, 7, ev["expires"])
            self._texts(
                "evidence",
                row,
                8,
                [listing(ev["covers"], lang), self._word("render.yes" if ev["counted"] else "render.no")],
            )
            if ev["reason"] is not None:
                reason = reason_words(ev, report["policy"], lang)
                self._texts("evidence", row, 10, [reason])
            if ev["note"]:
                self._texts("evidence", row, 11, [sheet_text(ev["note"])])

    def _date(self, sheet: Worksheet, row: int, col: int, iso: str) -> None:
        """A date cell; a date before 1900, which Excel cannot hold (it shows #VALUE!), as its text."""
        day = _date(iso)
        if day.year < EXCEL_FIRST_YEAR:
            sheet.write_string(row, col, iso)
        else:
            sheet.write_datetime(row, col, day, self.fmt["date"])

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Keep the failure for the about sheet."""
        self.failures.append((file, problems))

    def _room(self, key: str, rows: int) -> int:
        """The first row of ``rows`` more on ``key``'s sheet; past Excel's last row, a continuation sheet.

        A person's rows stay together on one sheet, so 5,000 people's 250,000 detail rows each go
        on ``明細``, ``明細 (2)`` …; nothing is dropped.
        """
        if self.rows[key] + rows > EXCEL_ROWS and self.rows[key] > 1:
            self.ends[id(self.sheets[key])] = self.rows[key]
            parts = self.parts[key]
            name = f"{t(f'xlsx.sheet.{key}', self.ctx.lang)} ({len(parts) + 1})"
            self.sheets[key] = self.book.add_worksheet(name)
            parts.append(self.sheets[key])
            self.rows[key] = 1
            self._heading(key, self.headings[key])
        return self.rows[key]

    def _next(self, key: str) -> int:
        row = self._room(key, 1) if key in self.headings else self.rows[key]
        self.rows[key] = row + 1
        return row

    def finish(self) -> None:
        """Write the gaps and about sheets, set filters and widths, and send the workbook's bytes out."""
        if self.ctx.group_by is not None:
            by = self.ctx.group_by
            ordered = sorted(self.kept, key=lambda r: (r["person"][by] is None, r["person"][by] or ""))  # type: ignore[literal-required]
            for report in ordered:
                person = report["person"]
                self._overview(report, [sheet_text(person["id"] or ""), sheet_text(person["name"])])
        self._gaps()
        self._about()
        self._summary()
        self._layout()
        self.book.close()
        data = Path(self.path).read_bytes()
        self.removal()
        self.out.flush()
        self.out.buffer.write(data)
        self.out.buffer.flush()

    def _gaps(self) -> None:
        lang = self.ctx.lang
        sheet = self.sheets["gaps"]
        self._heading(
            "gaps", [t(f"xlsx.col.{h}", lang) for h in ("code", "item_name", "kind", "people_missing", "who")]
        )
        ranked = sorted(self.missing.items(), key=lambda pair: (-len(pair[1]), pair[0]))
        for code, people in ranked:
            row = self._next("gaps")
            self._texts("gaps", row, 0, [code, self.names[code], t(f"kind.{self.kinds[code]}", lang)])
            sheet.write_number(row, 3, len(people), self.fmt["top"])
            shown = listing(people[:GAP_NAMES], lang)
            if len(people) > GAP_NAMES:  # a cell that prints: the first few, the rest are on the detail sheet
                shown = t("xlsx.more_people", lang, names=shown, n=len(people) - GAP_NAMES)
            self._texts("gaps", row, 4, [sheet_text(shown)])

    def _about(self) -> None:
        lang = self.ctx.lang
        sheet = self.sheets["about"]
        sheet.write_string(0, 0, t("render.report_title", lang), self.fmt["title"])
        std = self.ctx.std
        sheet.write_string(1, 0, t("render.standard", lang), self.fmt["bold"])
        sheet.write_string(1, 1, sheet_text(f"{std.code} {standard_name(std, lang)}"))  # --standard is a file too
        row = 2
        if self.first is not None:
            sheet.write_string(row, 0, t("render.as_of", lang), self.fmt["bold"])
            self._date(sheet, row, 1, self.first["as_of"])
            policy = self.first["policy"]
            sheet.write_string(row + 1, 0, t("render.policy", lang), self.fmt["bold"])
            sheet.write_string(row + 1, 1, sheet_text(policy_name(policy, lang)))
            sheet.write_string(row + 1, 2, policy_words(policy, lang))
            row += 2
        sheet.write_string(row, 0, t("xlsx.col.people", lang), self.fmt["bold"])
        sheet.write_number(row, 1, self.rows["overview"] - 1)
        row += 2
        sheet.write_string(row, 0, t("xlsx.legend", lang), self.fmt["bold"])
        for status in STATUS_COLOURS:
            row += 1
            sheet.write_string(row, 0, t(f"status.{status}", lang), self.fmt[status])
            sheet.write_string(row, 1, t(f"xlsx.legend.{status}", lang))
        row += 1
        sheet.write_string(row, 1, t("xlsx.legend.number", lang))
        row += 2
        self._head("about", row, [t(head, lang) for head in ("render.task", "render.name", "render.level")])
        for task in std.tasks():
            row += 1
            self._texts("about", row, 0, [task.code, self.names[task.code]])
            sheet.write_number(row, 2, task.level)
        if self.counts:
            row += 2
            sheet.write_string(row, 0, t("inputs.title", lang), self.fmt["bold"])
            for count in self.counts:
                row += 1
                detail = input_detail(count, lang)
                self._texts("about", row, 0, [sheet_text(input_line(count, lang)), sheet_text(detail or "")])
        if self.failures:
            row += 2
            sheet.write_string(row, 0, t("render.failed_files", lang), self.fmt["bold"])
            for _, problems in self.failures:
                for problem in problems:
                    row += 1
                    self._texts("about", row, 0, [sheet_text(problem.location()), sheet_text(problem.message(lang))])

    def _page_header(self) -> str:
        """Each printed page's header: the standard on the left, the as-of date on the right."""
        std = self.ctx.std
        left = amp(sheet_text(f"{std.code} {standard_name(std, self.ctx.lang)}"))[:120]
        day = self.first["as_of"] if self.first is not None else ""
        return f"&L{left}&R{amp(t('render.as_of', self.ctx.lang))} {day}"

    def _summary(self) -> None:
        """The first sheet, 摘要: the one-page summary's figures, with a native chart of each department."""
        from kmc_gap.model.lookup import order

        lang, sheet, bold = self.ctx.lang, self.sheets["summary"], self.fmt["bold"]
        by = self.ctx.group_by or "organisation"
        s = summarise(self.kept, order(self.ctx.std), self.ctx.courses, self.ctx.plan, by)
        sheet.write_string(0, 0, t("summary.title", lang), self.fmt["title"])
        sheet.write_string(1, 0, t("summary.meeting", lang, met=s["meeting"], n=s["people"]), bold)
        sheet.write_string(2, 0, t("summary.coverage", lang, pct=percent(s["coverage"])))
        headline = refused_headline(self.counts, lang)
        if headline is not None:  # rows that could not be read: said before any figure is taken as whole
            sheet.write_string(3, 0, headline, self.book.add_format({"bold": True, "font_color": "#C00000"}))
        row = 4
        # one column for each kind of figure: a department's name spans A:B, where an item's code and name
        # stand in the table below, so that no column holds names in one table and counts in the other
        sheet.merge_range(row, 0, row, 1, t(f"group.{by}", lang), self.fmt["head"])
        for col, key in enumerate(("people", "meeting", "tasks", "coverage"), start=2):
            sheet.write_string(row, col, t(f"summary.col.{key}", lang), self.fmt["head"])
        first = row + 1
        count = self.fmt["count"]
        for d in s["departments"]:
            row += 1
            label = d["name"] if d["name"] is not None else t(f"group.none.{by}", lang)
            sheet.merge_range(row, 0, row, 1, sheet_text(label), self.fmt["top"])
            sheet.write_number(row, 2, d["people"], count)
            sheet.write_number(row, 3, d["meeting"], count)
            sheet.write_number(row, 4, d["tasks_met"], count)
            sheet.write_number(row, 5, d["coverage"], self.fmt["share"])
        if s["departments"]:
            self._department_chart(sheet, first, row)
        row += 2
        self._head(
            "summary", row, [t(f"summary.col.{k}", lang) for k in ("code", "item", "missing", "lower", "closer")]
        )
        for m in s["most_missed"]:
            row += 1
            self._texts("summary", row, 0, [m["code"], self.names[m["code"]]])
            sheet.write_number(row, 2, m["people"], count)
            sheet.write_number(row, 3, m["lower_level"], count)
            sheet.write_string(row, 4, t(f"summary.closer.{m['closer']}", lang), count)
        row += 1
        for bucket in s["buckets"]:  # its words on a line of their own, its codes wrapped under them across B:F
            words = t(f"summary.bucket.{bucket['closer']}", lang, items=bucket["items"], gaps=bucket["gaps"])
            sheet.write_string(row + 1, 0, words, bold)
            codes = listing(bucket["codes"], lang)
            if codes:
                sheet.merge_range(row + 2, 1, row + 2, 5, codes, self.fmt["wrap"])
                sheet.set_row(row + 2, LINE_HEIGHT * lines(codes, SUMMARY_CODES_WIDTH))
            row += 2
        if s["plan"] is not None:
            p = s["plan"]
            used = percent(p["cost"] / p["budget"]) if p["budget"] else "—"
            budget = "—" if p["budget"] is None else f"{p['budget']:,.0f}"
            figures = {"courses": p["courses"], "cost": f"{p['cost']:,.0f}", "budget": budget, "used": used}
            text = t("summary.plan", lang, **figures, before=p["tasks_before"], after=p["tasks_after"])
            sheet.write_string(row + 1, 0, t("summary.plan_title", lang), bold)
            sheet.write_string(row + 2, 0, text)

    def _department_chart(self, sheet: Worksheet, first: int, last: int) -> None:
        """A bar chart of each department's coverage, native to Excel and LibreOffice."""
        chart = self.book.add_chart({"type": "bar"})
        name = sheet.get_name()
        chart.add_series(
            {
                "name": t("summary.col.coverage", self.ctx.lang),
                "categories": [name, first, 0, last, 0],
                "values": [name, first, 5, last, 5],
                "fill": {"color": "#5B7FA3"},
                "data_labels": {"value": True, "num_format": "0.0%"},
            }
        )
        chart.set_title({"name": t(f"summary.groups.{self.ctx.group_by or 'organisation'}", self.ctx.lang)})
        chart.set_x_axis({"min": 0, "max": 1, "num_format": "0%"})
        chart.set_legend({"none": True})
        chart.set_size({"width": 480, "height": 90 + 28 * (last - first + 1)})
        sheet.insert_chart(first - 1, 6, chart)

    def _layout(self) -> None:
        """Filters over each table, columns as wide as their text, and pages that print landscape."""
        columns = {"overview": 6 + len(self.tasks), "gaps": 5, "detail": len(_DETAIL), "evidence": len(_EVIDENCE)}
        for key in SHEETS:
            for sheet in self.parts.get(key, [self.sheets[key]]):
                self.cols[key].set(sheet)
                for col, width in FIXED.get(key, {}).items():
                    sheet.set_column(col, col, width)
                if key == "detail":
                    sheet.outline_settings(True, False, True, False)  # a task's row above its items
                if key in columns:
                    rows = self.ends.get(id(sheet), self.rows[key])
                    sheet.autofilter(0, 0, max(rows - 1, 1), columns[key] - 1)
                    sheet.repeat_rows(0)
                footer = f"&L{amp(t(f'xlsx.sheet.{key}', self.ctx.lang))}&R&P / &N"
                page_setup(sheet, self._page_header(), footer)


#: The widest each column may grow, in characters (a CJK character is two); wider text wraps in it.
CAP = 40
CAPS = {
    "overview": {0: 14, 1: 20, 2: 24},
    "gaps": {1: 50, 4: 70},
    "detail": {5: 36, 8: 30, 9: 56},
    "evidence": {4: 40, 8: 32, 10: 30, 11: 30},
    "about": {0: 24, 1: 50},
    "summary": {1: 44},
}
#: Columns of dates, levels and marks, whose width does not depend on their text.
FIXED = {
    "evidence": {5: 11, 7: 11},
    "summary": {0: 10, 1: 44, 2: 10, 3: 12, 4: 12, 5: 10},
    "about": {2: 8},
}
#: The width of the summary's columns B to F, where the codes of each way of closing gaps wrap.
SUMMARY_CODES_WIDTH = 44 + 10 + 12 + 12 + 10
#: A heading longer than this wraps onto a second line rather than widen its column.
HEADING_WIDTH = 12


_DETAIL = (
    "person_id",
    "person_name",
    "task",
    "required_level",
    "code",
    "item_name",
    "met",
    "best_level",
    "evidence_counting",
    "missing_items",
    "ratings",
)
_EVIDENCE = (
    "person_id",
    "person_name",
    "course_code",
    "evidence_kind",
    "title",
    "date",
    "level",
    "expires",
    "covers",
    "counted",
    "reason",
    "note",
)


def _date(iso: str) -> dt.datetime:
    return dt.datetime.fromisoformat(iso)
