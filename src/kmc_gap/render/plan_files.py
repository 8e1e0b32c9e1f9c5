"""The plan as something to hand over: a workbook, a CSV of who attends what, a page of HTML.

Names come first everywhere — a course by its title, a person by name with the id beside it, whole —
so that a manager reads the plan without a key. The workbook has four sheets, named in the chosen
language: 課程 (each course: provider, hours, level, cost, attendees by name, the gaps it closes),
人員 (each person: their courses, hours, cost, tasks before → after), 部門 (cost and hours by
department) and 說明 (budget, policy, objective in words, catalogue). Text from files is always a
string cell, never a formula or a link.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kmc_gap.render.base import Renderer
from kmc_gap.render.names import name_plan, standard_name
from kmc_gap.render.text import course_title, percent, who
from kmc_gap.render.workbook import Columns, amp, page_setup, write_workbook
from kmc_gap.words import listing, t
from kmc_gap.words.safe import csv_cell, html_text, sheet_text

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from kmc_gap.engine.report import Plan, PlannedCourse, PlanPerson


#: The widest each column of a sheet may grow (a CJK character counts two); wider text wraps.
CAPS = {
    "courses": {1: 36, 6: 48, 7: 50},
    "people": {3: 40},
    "about": {1: 90},
}


@dataclass(frozen=True)
class Seat:
    """One person in one planned course, with what it costs the team for them."""

    course: PlannedCourse
    person: PlanPerson


def _people(plan: Plan) -> dict[str, PlanPerson]:
    return {p["key"]: p for p in plan["people"]}


def _seats(plan: Plan) -> list[Seat]:
    people = _people(plan)
    return [Seat(c, people[key]) for c in plan["courses"] for key in c["attendees"]]


def _person_cost(plan: Plan, person: PlanPerson) -> float:
    """What the plan spends on one person: their seats, and their share of each course's fee."""
    total = 0.0
    for course in plan["courses"]:
        if person["key"] in course["attendees"]:
            total += (course["seat_cost"] or 0.0) + (course["cost"] or 0.0) / len(course["attendees"])
    return total


def _department(person: PlanPerson, lang: str) -> str:
    return person["person"]["organisation"] or t("plan.no_department", lang)


def _policy(name: str, lang: str) -> str:
    return t(f"policy.name.{name}", lang) if name in ("default", "strict") else name


def _catalog(plan: Plan, lang: str) -> str:
    return f"{plan['catalog']['title'] or ''} ({t('render.n_courses', lang, n=plan['catalog']['courses'])})".strip()


def _objective(plan: Plan, lang: str) -> str:
    return t(f"plan.objective.{plan['objective']}", lang)


class CsvRenderer(Renderer["Plan"]):
    """One row per person and course: who attends what, with hours and cost, for a spreadsheet or a mail merge."""

    def add(self, value: Plan) -> None:
        lang = self.ctx.lang
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([t(f"plan.col.{key}", lang) for key in _CSV])
        for seat in _seats(value):
            c, p = seat.course, seat.person
            writer.writerow(
                [
                    csv_cell(c["code"]),
                    csv_cell(course_title(c, lang)),
                    csv_cell(c["provider"] or ""),
                    f"{c['hours']:g}",
                    c["level"],
                    csv_cell(p["person"]["id"] or ""),
                    csv_cell(p["person"]["name"]),
                    csv_cell(p["person"]["organisation"] or ""),
                    f"{(c['seat_cost'] or 0.0) + (c['cost'] or 0.0) / len(c['attendees']):.0f}",
                ]
            )
        self.out.write(("\ufeff" if self.ctx.bom else "") + buffer.getvalue())


_CSV = ("code", "course", "provider", "hours", "level", "person_id", "name", "department", "cost_share")


class HtmlRenderer(Renderer["Plan"]):
    """The plan as one HTML page that prints: the figures, the courses with their attendees, the people."""

    def add(self, value: Plan) -> None:
        lang, e = self.ctx.lang, html_text
        people = _people(value)
        head = f"{t('render.plan_title', lang)} · {standard_name(self.ctx.std, lang)}"
        out = [
            f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-Hant-TW"}"><head><meta charset="utf-8">',
            f"<title>{e(head)}</title><style>{_CSS}</style></head><body>",
            f"<h1>{e(head)}</h1>",
            f"<p>{e(t('render.as_of', lang))} {e(value['as_of'])} · {e(_objective(value, lang))}</p>",
            f"<p>{e(_figures(value, lang))}</p>",
            f"<h2>{e(t('plan.sheet.courses', lang))}</h2><table><thead><tr>",
        ]
        kinds: tuple[str, ...] = ("key", "text", "short", "num", "num", "list")
        out.append(_heads(("code", "course", "provider", "hours", "cost", "attendees"), kinds, lang))
        for c in value["courses"]:
            names = listing([who(people[k]["person"]) for k in c["attendees"]], lang)
            title = course_title(c, lang)
            cells = [c["code"], title, c["provider"] or "—", f"{c['hours']:g}", f"{c['team_cost']:,.0f}", names]
            out.append(_row(cells, kinds))
        out.append(f"</tbody></table><h2>{e(t('plan.sheet.people', lang))}</h2><table><thead><tr>")
        kinds = ("key", "short", "list", "num", "num")
        out.append(_heads(("name", "department", "courses", "hours", "tasks"), kinds, lang))
        titles = {c["code"]: course_title(c, lang) for c in value["courses"]}
        for p in value["people"]:
            courses = listing([titles.get(code, code) for code in p["courses"]], lang) or "—"
            tasks = f"{p['before']['tasks_met']} → {p['after']['tasks_met']}"
            cells = [who(p["person"]), _department(p, lang), courses, f"{p['hours']:g}", tasks]
            out.append(_row(cells, kinds))
        out.append("</tbody></table></body></html>\n")
        self.out.write("\n".join(out))


def _heads(keys: tuple[str, ...], kinds: tuple[str, ...], lang: str) -> str:
    pairs = zip(keys, kinds, strict=True)
    heads = (f'<th class="{kind}">{html_text(t(f"plan.col.{key}", lang))}</th>' for key, kind in pairs)
    return "".join(heads) + "</tr></thead><tbody>"


def _row(cells: list[str], kinds: tuple[str, ...]) -> str:
    return "<tr>" + "".join(f'<td class="{k}">{html_text(c)}</td>' for c, k in zip(cells, kinds, strict=True)) + "</tr>"


_CSS = (
    "body{font-family:'Noto Sans TC','WenQuanYi Micro Hei',sans-serif;margin:1.5rem;color:#1f2933}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;"
    "border-bottom:1px solid #d9e2ec;vertical-align:top}@page{size:A4 landscape;margin:12mm}"
    # a narrow page gives its room to the lists: a heading, a code, a name or a figure is never broken
    # one character a line (Chinese may break anywhere), a course's title keeps a readable width
    "th{white-space:nowrap}.key,.num,.short{white-space:nowrap}.num{text-align:right}.text{min-width:6em}"
    ".list{min-width:6em}"
)


def no_task_gain(plan: Plan, lang: str) -> str | None:
    """Why a plan that lifts coverage meets no more tasks, said where that figure stands; None otherwise."""
    b, a = plan["before"], plan["after"]
    if a["tasks_met"] == b["tasks_met"] and a["coverage"] > b["coverage"]:
        return t("render.plan_no_task_gain", lang)
    return None


def _figures(plan: Plan, lang: str) -> str:
    b, a = plan["before"], plan["after"]
    why = no_task_gain(plan, lang)
    return t(
        "render.plan_summary",
        lang,
        n=len(plan["courses"]),
        cost=f"{plan['total_cost']:,.0f}",
        hours=f"{plan['total_hours']:g}",
        before=percent(b["coverage"]),
        after=percent(a["coverage"]),
        tb=b["tasks_met"],
        ta=a["tasks_met"],
    ) + (f" {why}" if why else "")


class XlsxRenderer(Renderer["Plan"]):
    """The plan as a workbook: courses, people, departments and an about sheet."""

    def add(self, value: Plan) -> None:
        value = name_plan(value, self.ctx.std, self.ctx.lang)  # the gaps each course closes, by name
        write_workbook(self.out, lambda book: self.build(book, value))

    def build(self, book: Any, value: Plan) -> None:
        """The four sheets, each printing A4 landscape with the standard, the date and page n of m."""
        lang = self.ctx.lang
        self.head = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.top = book.add_format({"valign": "top"})
        self.money = book.add_format({"num_format": "#,##0", "valign": "top"})
        standard = sheet_text(f"{value['standard']['code']} {standard_name(self.ctx.std, lang)}")
        header = f"&L{amp(standard)[:120]}&R{amp(t('render.as_of', lang))} {value['as_of']}"
        sheets = {"courses": self._courses, "people": self._people, "departments": self._departments}
        for key, write in {**sheets, "about": self._about}.items():
            name = t(f"plan.sheet.{key}", lang)
            sheet = book.add_worksheet(name)
            self.cols = Columns(self.wrap, self.top, CAPS.get(key), 40)
            write(sheet, value)
            self.cols.set(sheet)
            page_setup(sheet, header, f"&L{amp(name)}&R&P / &N")

    def _table(self, sheet: Worksheet, heads: tuple[str, ...]) -> None:
        for col, key in enumerate(heads):
            text = t(f"plan.col.{key}", self.ctx.lang)
            sheet.write_string(0, col, text, self.head)
            self.cols.note(col, text, 12)  # a longer heading wraps
        sheet.freeze_panes(1, 0)
        sheet.repeat_rows(0)

    def _texts(self, sheet: Worksheet, row: int, col: int, texts: list[str]) -> None:
        for offset, text in enumerate(texts):
            self.cols.text(sheet, row, col + offset, sheet_text(text))

    def _courses(self, sheet: Worksheet, plan: Plan) -> None:
        lang = self.ctx.lang
        people = _people(plan)
        self._table(sheet, ("code", "course", "provider", "hours", "level", "cost", "attendees", "closes"))
        for row, c in enumerate(plan["courses"], start=1):
            self._texts(sheet, row, 0, [c["code"], course_title(c, lang), c["provider"] or ""])
            self.cols.number(sheet, row, 3, c["hours"])
            self.cols.number(sheet, row, 4, c["level"])
            self.cols.number(sheet, row, 5, c["team_cost"], self.money)
            attendees = listing([who(people[key]["person"]) for key in c["attendees"]], lang)  # wraps between names
            closes = listing([f"{x['code']} {x.get('name', '')}".strip() for x in c["closes"]], lang)
            self._texts(sheet, row, 6, [attendees, closes])

    def _people(self, sheet: Worksheet, plan: Plan) -> None:
        lang = self.ctx.lang
        titles = {c["code"]: course_title(c, lang) for c in plan["courses"]}
        heads = ("person_id", "name", "department", "courses", "hours", "cost", "tasks_before", "tasks_after")
        self._table(sheet, heads)
        for row, p in enumerate(plan["people"], start=1):
            person = p["person"]
            courses = "\n".join(titles.get(code, code) for code in p["courses"])
            self._texts(sheet, row, 0, [person["id"] or "", person["name"], _department(p, lang), courses])
            self.cols.number(sheet, row, 4, p["hours"])
            self.cols.number(sheet, row, 5, _person_cost(plan, p), self.money)
            self.cols.number(sheet, row, 6, p["before"]["tasks_met"])
            self.cols.number(sheet, row, 7, p["after"]["tasks_met"])

    def _departments(self, sheet: Worksheet, plan: Plan) -> None:
        lang = self.ctx.lang
        totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])  # people, hours, cost
        for p in plan["people"]:
            entry = totals[_department(p, lang)]
            entry[0] += 1
            entry[1] += p["hours"]
            entry[2] += _person_cost(plan, p)
        self._table(sheet, ("department", "people", "hours", "cost"))
        for row, (department, (people, hours, cost)) in enumerate(sorted(totals.items()), start=1):
            self._texts(sheet, row, 0, [department])
            self.cols.number(sheet, row, 1, people)
            self.cols.number(sheet, row, 2, hours)
            self.cols.number(sheet, row, 3, cost, self.money)

    def _about(self, sheet: Worksheet, plan: Plan) -> None:
        lang = self.ctx.lang
        rows = [
            (t("render.standard", lang), f"{plan['standard']['code']} {standard_name(self.ctx.std, lang)}"),
            (t("render.as_of", lang), plan["as_of"]),
            (t("render.policy", lang), _policy(plan["policy"], lang)),
            (t("plan.col.objective", lang), _objective(plan, lang)),
            (t("plan.col.budget", lang), "—" if plan["budget"] is None else f"{plan['budget']:,.0f}"),
            (t("plan.col.spent", lang), f"{plan['total_cost']:,.0f}"),
            (t("render.catalog", lang), _catalog(plan, lang)),
            (t("plan.col.figures", lang), _figures(plan, lang)),
        ]
        for row, (label, text) in enumerate(rows):
            sheet.write_string(row, 0, label, self.head)
            self.cols.note(0, label)
            self._texts(sheet, row, 1, [text])
