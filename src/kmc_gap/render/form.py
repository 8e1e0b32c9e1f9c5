"""``kmc-gap form``: assessment workbooks (職能評核表) that go out to the people who see the work.

A sheet per person lists, task by task, each behaviour indicator (P) and work output (O) with the
task's required level, and a drop-down rating column (1–6, 不適用) and a note column per rater. Every
cell but those to fill is locked (sheet protection without a password, so a manager can still lift
it); the sheet prints A4 landscape with its heading rows repeated. A 說明 sheet carries the six iCAP
level descriptors and how to rate; a hidden sheet carries what is needed to read the form back
(:mod:`kmc_gap.model.forms`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kmc_gap.model.forms import (
    FORM_VERSION,
    MARK,
    META_SHEET,
    RATER_COLUMNS,
    RATING_COLUMNS,
    Col,
    FormFor,
    FormSpec,
    Label,
    SheetMeta,
    check_value,
    columns_for,
    labels_for,
    rows_of,
)
from kmc_gap.model.lookup import names
from kmc_gap.model.models import Person, Standard
from kmc_gap.render.names import standard_name
from kmc_gap.render.workbook import Columns, amp, page_setup, workbook_bytes
from kmc_gap.words import t
from kmc_gap.words.safe import sheet_text

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet


#: The widest each column may grow, by column; wider text wraps.
CAPS = {Col.task: 24, Col.item: 54, Col.self_note: 28, Col.peer_note: 28, Col.manager_note: 32}
#: Columns someone fills in: ratings, notes and the output reference.
TO_FILL = frozenset({*(c for pair in RATER_COLUMNS.values() for c in pair), Col.output_ref})
#: Characters a sheet name may not hold, and its longest length (Excel's rules).
_NOT_IN_NAME = re.compile("[\\[\\]:*?/\\\\\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
SHEET_NAME = 31


def sheet_name(person: Person, taken: set[str]) -> str:
    """The person's sheet: ``E3101 陳怡君``, cut to Excel's 31 characters, made unique in its workbook."""
    base = _NOT_IN_NAME.sub(" ", f"{person.id or ''} {person.name}".strip()).strip("' ")[:SHEET_NAME] or "form"
    name, n = base, 2
    while name.casefold() in {x.casefold() for x in taken}:
        suffix = f" ({n})"
        name, n = base[: SHEET_NAME - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def form_workbook(people: Sequence[FormFor], std: Standard, spec: FormSpec, lang: str) -> bytes:
    """The workbook of ``people``'s forms: a sheet each, the guide, and the hidden sheet."""
    return workbook_bytes(lambda book: _Writer(book, std, spec, lang).write(people))


class _Writer:
    def __init__(self, book: Any, std: Standard, spec: FormSpec, lang: str) -> None:
        self.book, self.std, self.spec, self.lang = book, std, spec, lang
        self.names = names(std, lang)
        # each row's required level: its block's, in a task of several competency blocks
        tasks = {task.code: task for task in std.tasks()}
        self.levels = {(task, code): tasks[task].level_of(code) for task, code in rows_of(std)}
        add = book.add_format
        self.fmt = {
            "title": add({"bold": True, "font_size": 14}),
            "label": add({"bold": True, "bg_color": "#D9E1F2", "border": 1}),
            "value": add({"border": 1}),
            "fill": add({"locked": False, "bg_color": "#FFF2CC", "border": 1}),
            "date": add({"locked": False, "bg_color": "#FFF2CC", "border": 1, "num_format": "yyyy-mm-dd"}),
            "head": add({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True, "valign": "top"}),
            "wrap": add({"text_wrap": True, "valign": "top", "border": 1}),
            "top": add({"valign": "top", "border": 1}),
            "rate": add({"locked": False, "bg_color": "#FFF2CC", "border": 1, "align": "center", "valign": "top"}),
            "note": add({"locked": False, "bg_color": "#FFF2CC", "border": 1, "text_wrap": True, "valign": "top"}),
        }

    def write(self, people: Sequence[FormFor]) -> None:
        taken = {t("form.sheet.guide", self.lang), META_SHEET}
        metas = [self._person(person, sheet_name(person.person, taken)) for person in people]
        self._guide()
        self._meta(metas)

    def _person(self, form: FormFor, name: str) -> SheetMeta:
        lang, spec, fmt = self.lang, self.spec, self.fmt
        sheet = self.book.add_worksheet(name)
        cols = columns_for(spec.raters, spec.only_gaps)
        person = form.person
        sheet.write_string(0, 0, t("form.title", lang), fmt["title"])
        values = {
            Label.name: person.name,
            Label.person_id: person.id or "",
            Label.organisation: person.organisation or "",
            Label.standard: f"{self.std.code} {standard_name(self.std, lang)}",
        }
        labels = labels_for(spec.raters)
        for row, label in enumerate(labels, start=1):
            sheet.write_string(row, 0, t(f"form.label.{label.value}", lang), fmt["label"])
            if label == Label.date:
                sheet.write_blank(row, 1, None, fmt["date"])
                sheet.data_validation(row, 1, row, 1, self._date_rule())
            elif label in values:
                sheet.write_string(row, 1, sheet_text(values[label]), fmt["value"])
            else:  # a rater's name: filled in by hand
                sheet.write_blank(row, 1, None, fmt["fill"])
        head = len(labels) + 2
        widths = Columns(fmt["wrap"], fmt["top"], {i: CAPS.get(c, 40) for i, c in enumerate(cols)})
        for i, col in enumerate(cols):
            text = t(f"form.col.{col.value}", lang)
            sheet.write_string(head, i, text, fmt["head"])
            widths.note(i, text, 10)
        listed = rows_of(self.std, spec.tasks)
        rows = [(task, code) for task, code in listed if form.unmet is None or code in form.unmet]
        for row, (task, code) in enumerate(rows, start=head + 1):
            self._row(sheet, widths, row, cols, form, task, code)
        last = head + max(len(rows), 1)
        for i, col in enumerate(cols):
            if col in RATING_COLUMNS:
                sheet.data_validation(head + 1, i, last, i, self._rating_rule())
        widths.set(sheet, floor=8)
        for i, col in enumerate(cols):
            if col in TO_FILL and col not in CAPS:
                sheet.set_column(i, i, 20 if col == Col.output_ref else 9)
        sheet.set_column(cols.index(Col.check), cols.index(Col.check), None, None, {"hidden": True})
        sheet.set_column(0, 0, max(12, widths.widest.get(0, 0) + 2))
        sheet.set_column(1, 1, 24)  # the label values and the task names
        sheet.freeze_panes(head + 1, 0)
        sheet.repeat_rows(0, head)
        sheet.protect("", {"format_columns": True, "format_rows": True, "sort": True, "autofilter": True})
        header = f"&L{amp(sheet_text(person.name))} {amp(sheet_text(person.id or ''))}&R{amp(self.std.code)}"
        page_setup(sheet, header, "&L&A&R&P / &N")
        return SheetMeta(name, person.id or "", person.name, spec.raters, tuple(cols))

    def _row(
        self, sheet: Worksheet, widths: Columns, row: int, cols: list[Col], form: FormFor, task: str, code: str
    ) -> None:
        """One item's row: what it is, its required level (and level today), the cells to fill, the check."""
        fmt = self.fmt
        for i, col in enumerate(cols):
            if col == Col.code:
                sheet.write_string(row, i, code, fmt["top"])
            elif col == Col.task:
                widths.text(sheet, row, i, f"{task} {self.names[task]}")
            elif col == Col.item:
                widths.text(sheet, row, i, self.names[code])
            elif col == Col.level:
                sheet.write_number(row, i, self.levels[(task, code)], fmt["top"])
            elif col == Col.current:
                best = form.best.get(code)
                if best is None:
                    sheet.write_string(row, i, "—", fmt["top"])
                else:
                    sheet.write_number(row, i, best, fmt["top"])
            elif col == Col.check:
                sheet.write_string(row, i, check_value(self.std.code, form.person.id or "", code))
            elif col in RATING_COLUMNS:
                sheet.write_blank(row, i, None, fmt["rate"])
            else:
                sheet.write_blank(row, i, None, fmt["note"])

    def _rating_rule(self) -> dict[str, Any]:
        return {
            "validate": "list",
            "source": ["1", "2", "3", "4", "5", "6", t("form.na", self.lang)],
            "input_title": t("form.validation.title", self.lang),
            "input_message": t("form.validation.message", self.lang),
            "error_title": t("form.validation.title", self.lang),
            "error_message": t("form.validation.message", self.lang),
        }

    def _date_rule(self) -> dict[str, Any]:
        return {
            "validate": "date",
            "criteria": "between",
            "minimum": dt.date(1990, 1, 1),
            "maximum": dt.date(2100, 12, 31),
            "input_message": t("form.validation.date", self.lang),
            "error_message": t("form.validation.date", self.lang),
        }

    def _guide(self) -> None:
        """The 說明 sheet: how to rate, and the six iCAP level descriptors."""
        lang, fmt = self.lang, self.fmt
        sheet = self.book.add_worksheet(t("form.sheet.guide", lang))
        sheet.write_string(0, 0, t("form.how", lang), fmt["title"])
        widths = Columns(fmt["wrap"], fmt["top"], {0: 14, 1: 100})
        row = 1
        for n in range(1, 6):
            row += 1
            widths.text(sheet, row, 1, t(f"form.how.{n}", lang))
            sheet.write_string(row, 0, f"{n}.", fmt["top"])
        row += 2
        sheet.write_string(row, 0, t("form.levels", lang), fmt["title"])
        for level, descriptor in sorted(self.std.levels.items()):
            row += 1
            text = descriptor.description_en if lang == "en" and descriptor.description_en else descriptor.description
            sheet.write_string(row, 0, t("form.level", lang, level=level), fmt["label"])
            widths.text(sheet, row, 1, text)
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 1, 100)
        page_setup(sheet, f"&L{amp(self.std.code)}", "&L&A&R&P / &N")

    def _meta(self, metas: list[SheetMeta]) -> None:
        """The hidden sheet that the reader trusts: version, standard, language, and each person's sheet."""
        sheet = self.book.add_worksheet(META_SHEET)
        first = [MARK, str(FORM_VERSION), self.std.code, self.lang]
        for col, value in enumerate(first):
            sheet.write_string(0, col, value)
        for row, meta in enumerate(metas, start=1):
            for col, value in enumerate(meta.row()):
                sheet.write_string(row, col, value)  # the id and name as JSON: a workbook can hold them
        sheet.hide()
