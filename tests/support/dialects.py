"""Six export dialects, each modelled on a different kind of HR system, with the truth of every row.

Each generator writes one company's year as that kind of system exports it — its headers, its date
and hour forms, its outcome words, its title rows and subtotals — and returns, for every row under
the header, what kmc-gap must make of it: counted, not counted (and why), passed over (and why) or
refused. The tests read the files as they come and compare with the truth; nothing is cleaned by hand.

- ``lms``: an LMS 學習歷程 — one row per person × class session, text datetimes, 實到時數 ``3H``/``3.5小時``,
  測驗成績 out of 100, 結訓狀態 已結訓/未結訓/缺席/請假/退訓/報名中/免試, a title row and a print date.
- ``gov``: a government lifelong-learning hours export — ROC date ranges, 學習時數 with 認證時數 beside
  it, 學習方式 數位/實體, 服務單位, department subtotal rows.
- ``erp``: an ERP HR module — date cells and Excel serials, ids as numbers that lost their zeros,
  合格否 Y/N, a 課程類別 column, a repeated header on every printed page.
- ``outside``: a hand-kept 外訓 sheet — headers typed with Alt+Enter, 結業證明 有/無, 辦理情形 取消,
  dates 2026年3月5日, a 備註 line under the table.
- ``english``: an English-header export — Employee ID, Completion Date day-first (settled by the file's
  own dates), Status Completed/Withdrawn/Cancelled/Enrolled, Score with a course pass mark of 70.
- ``certificates``: an old certificate list (saved as ``.xls`` by the test) — 證照名稱, 發證日期, 有效期限
  with 永久有效, one certificate that has expired.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

#: The courses of ``examples/catalog.yaml`` the dialects name (all related to the standard).
COURSES = [f"C{n:02d}" for n in range(1, 15)]
DEPARTMENTS = ["行銷企劃部", "活動執行部", "業務發展部"]
AS_OF = dt.date(2026, 12, 31)


@dataclass(frozen=True)
class Member:
    """One of the company's 30 people."""

    id: str
    name: str
    department: str
    left: bool = False


def company(seed: int = 7) -> list[Member]:
    """Thirty people in three departments; two have left."""
    rng = random.Random(seed)
    family = "陳林黃張李王吳劉蔡楊許鄭謝洪郭邱曾廖賴徐"
    given = "怡君志明淑芬家豪雅婷冠宇佳穎俊傑美玲宗翰詩涵承恩"
    people = []
    for i in range(30):
        name = family[i % len(family)] + given[rng.randrange(0, len(given) - 1, 2) :][:2]
        people.append(
            Member(f"0{1001 + i}", name + ("甲乙"[i // 20] if i >= 20 else ""), DEPARTMENTS[i % 3], i in (7, 19))
        )
    return people


@dataclass
class Truth:
    """What must become of every row of one file, and each person's counted evidence."""

    rows: int = 0
    counted: int = 0
    not_counted: Counter[str] = field(default_factory=Counter)
    passed_over: Counter[str] = field(default_factory=Counter)
    refused: int = 0
    per_person: Counter[str] = field(default_factory=Counter)  # person id (as on the roster) → counted rows
    seen: set[tuple[str, str, str]] = field(default_factory=set)  # (person, course, date): a repeat counts once

    def repeat(self, who: Member, key: tuple[str, str]) -> bool:
        """Whether a row of ``who`` with this course and date came before: then it is passed over as a repeat."""
        if (who.id, *key) in self.seen:
            self.pass_over("duplicate")
            return True
        self.seen.add((who.id, *key))
        return False

    def count(self, who: Member, key: tuple[str, str]) -> None:
        if self.repeat(who, key):
            return
        self.rows += 1
        if who.left:
            self.passed_over["leaver"] += 1
            return
        self.counted += 1
        self.per_person[who.id] += 1

    def not_count(self, who: Member, reason: str, key: tuple[str, str]) -> None:
        if self.repeat(who, key):
            return
        self.rows += 1
        if who.left:
            self.passed_over["leaver"] += 1
        else:
            self.not_counted[reason] += 1

    def pass_over(self, kind: str) -> None:
        self.rows += 1
        self.passed_over[kind] += 1


@dataclass
class Dialect:
    """A file as one system writes it: its rows (title rows included, from the top) and their truth."""

    name: str
    suffix: str
    rows: list[list[Any]]
    truth: Truth
    header_row: int  # 0-based, for the workbook writer's formats


def _pick(rng: random.Random, people: list[Member], n: int) -> list[Member]:
    return [rng.choice(people) for _ in range(n)]


def lms(people: list[Member], seed: int = 1) -> Dialect:
    rng, truth = random.Random(seed), Truth()
    head = [
        "員工編號",
        "姓名",
        "部門",
        "課程代號",
        "課程名稱",
        "開課日期",
        "結訓日期",
        "應到時數",
        "實到時數",
        "測驗成績",
        "結訓狀態",
    ]
    rows: list[list[Any]] = [["113 年度學習歷程"], ["列印日期：2026/12/01 08:30"], head]
    for who in _pick(rng, people, 120):
        course = rng.choice(COURSES)
        start = dt.date(2026, rng.randint(1, 11), rng.randint(1, 27))
        end = start + dt.timedelta(days=rng.choice([0, 1]))
        hours = rng.choice(["3H", "3.5小時", "6", "6 hr"])
        base = [who.id, who.name, who.department, course, f"課程 {course}", f"{start} 00:00:00"]
        roll, key = rng.random(), (course, end.isoformat())
        if roll < 0.70:
            rows.append([*base, f"{end} 00:00:00", "6", hours, str(rng.randint(60, 100)), "已結訓"])
            truth.count(who, key)
        elif roll < 0.75:
            rows.append([*base, end.strftime("%Y/%m/%d 下午 05:00:00"), "6", hours, "免試", "已結訓"])
            truth.count(who, key)
        elif roll < 0.82:
            rows.append([*base, f"{end} 00:00:00", "6", hours, str(rng.randint(20, 59)), "未結訓"])
            truth.not_count(who, "not_passed", key)
        elif roll < 0.88:
            word = rng.choice(["缺席", "請假", "退訓"])
            rows.append([*base, f"{end}T17:00:00", "6", "0", "", word])
            truth.not_count(who, "not_passed", key)
        else:
            rows.append([*base, "", "6", "", "", rng.choice(["報名中", "候補"])])
            truth.pass_over("not_taken")
    return Dialect("學習歷程", "xlsx", rows, truth, 2)


def gov(people: list[Member], seed: int = 2) -> Dialect:
    rng, truth = random.Random(seed), Truth()
    head = [
        "身分證字號",
        "員工代號",
        "姓名",
        "服務單位",
        "課程代碼",
        "課程名稱",
        "上課起迄日",
        "學習時數",
        "認證時數",
        "學習方式",
    ]
    rows: list[list[Any]] = [["終身學習時數明細表"], head]
    for department in DEPARTMENTS:
        members = [p for p in people if p.department == department]
        n = 0
        for who in _pick(rng, members, 12):
            start = dt.date(2026, rng.randint(1, 11), rng.randint(1, 25))
            end = start + dt.timedelta(days=rng.randint(0, 2))
            span = (
                f"{start.year - 1911}/{start.month:02d}/{start.day:02d}~{end.year - 1911}/{end.month:02d}/{end.day:02d}"
            )
            if end.month == start.month and rng.random() < 0.5:
                span = f"{start.year - 1911}.{start.month:02d}.{start.day:02d}–{end.day:02d}"
            course = rng.choice(COURSES)
            rows.append(
                [
                    "A123456789",
                    who.id,
                    who.name,
                    department,
                    course,
                    f"課程 {course}",
                    span,
                    "6",
                    "6",
                    rng.choice(["數位", "實體"]),
                ]
            )
            n += 1
            truth.count(who, (course, end.isoformat()))
        rows.append(["", "", "小計", department, "", "", "", str(n * 6), "", ""])
        truth.pass_over("summary")
    return Dialect("終身學習時數", "xlsx", rows, truth, 1)


def erp(people: list[Member], seed: int = 3) -> Dialect:
    rng, truth = random.Random(seed), Truth()
    head = ["工號", "姓名", "部門名稱", "職稱", "課程編號", "訓練名稱", "課程類別", "結訓日", "時數", "成績", "合格否"]
    rows: list[list[Any]] = [head]
    for i, who in enumerate(_pick(rng, people, 60)):
        if i and i % 25 == 0:
            rows.append(list(head))  # the header again on every printed page
            truth.pass_over("header")
        day = dt.date(2026, rng.randint(1, 11), rng.randint(1, 28)) + dt.timedelta(days=i % 3)
        when: Any = day if i % 2 else (day - dt.date(1899, 12, 30)).days  # a date cell, or its serial
        number: Any = int(who.id)  # the id typed as a number: Excel drops the zero
        course = COURSES[i % len(COURSES)]
        passed = rng.random() < 0.85
        rows.append(
            [
                number,
                who.name,
                who.department,
                "企劃專員",
                course,
                f"課程 {course}",
                "內訓",
                when,
                3.0,
                rng.randint(70, 99) if passed else rng.randint(10, 50),
                "Y" if passed else "N",
            ]
        )
        if passed:
            truth.count(who, (course, day.isoformat()))
        else:
            truth.not_count(who, "not_passed", (course, day.isoformat()))
    return Dialect("ERP訓練紀錄", "xlsx", rows, truth, 0)


def outside(people: list[Member], seed: int = 4) -> Dialect:
    rng, truth = random.Random(seed), Truth()
    head = [
        "員工編號",
        "姓名",
        "外訓課程\n名稱",
        "課程代號",
        "訓練機構",
        "結業日期",
        "實際上課\n時數",
        "結業證明",
        "辦理情形",
    ]
    rows: list[list[Any]] = [head]
    for i, who in enumerate(_pick(rng, people, 25)):
        day = dt.date(2026, rng.randint(1, 11), rng.randint(1, 28)) + dt.timedelta(days=i)
        written = f"{day.year}年{day.month}月{day.day}日"
        course = COURSES[(i * 5) % len(COURSES)]
        roll = rng.random()
        ident = who.id.lstrip("0")  # typed into Excel, which dropped the zero
        if roll < 0.75:
            rows.append([ident, who.name, f"外訓 {course}", course, "訓練機構甲", written, "6", "有", "已辦理"])
            truth.count(who, (course, day.isoformat()))
        elif roll < 0.87:
            rows.append([ident, who.name, f"外訓 {course}", course, "訓練機構乙", written, "6", "無", "已辦理"])
            truth.not_count(who, "not_passed", (course, day.isoformat()))
        else:
            rows.append([ident, who.name, f"外訓 {course}", course, "訓練機構乙", written, "", "", "取消"])
            truth.pass_over("not_taken")
    rows.append(["註：本表由人資部手動維護"])
    truth.pass_over("note")
    return Dialect("外訓紀錄", "xlsx", rows, truth, 0)


def english(people: list[Member], seed: int = 5) -> Dialect:
    rng, truth = random.Random(seed), Truth()
    head = [
        "Employee ID",
        "Employee Name",
        "Department",
        "Course Code",
        "Course Title",
        "Completion Date",
        "Hours",
        "Score",
        "Status",
    ]
    rows: list[list[Any]] = [head]
    for i, who in enumerate(_pick(rng, people, 40)):
        day = dt.date(2026, rng.randint(1, 11), rng.randint(1, 28)) + dt.timedelta(days=i % 2)
        if i == 0:
            day = day.replace(day=25)  # the file's first date settles the order: 25/… is day first
        written = day.strftime("%d/%m/%Y")
        course = COURSES[(i * 3) % len(COURSES)]
        roll = rng.random()
        base = [who.id, who.name, who.department, course, f"Course {course}", written, "3"]
        key = (course, day.isoformat())
        if roll < 0.7:
            rows.append([*base, str(rng.randint(70, 100)), "Completed"])
            truth.count(who, key)
        elif roll < 0.8:
            rows.append([*base, str(rng.randint(30, 59)), "Completed"])  # completed, under the pass mark of 60
            truth.not_count(who, "not_passed", key)
        elif roll < 0.9:
            rows.append([*base, "", rng.choice(["Withdrawn", "Incomplete"])])
            truth.not_count(who, "not_passed", key)
        else:
            rows.append([*base, "", rng.choice(["Cancelled", "Enrolled"])])
            truth.pass_over("not_taken")
    return Dialect("english-export", "csv", rows, truth, 0)


def certificates(people: list[Member], seed: int = 6) -> Dialect:
    rng, truth = random.Random(seed), Truth()
    head = ["員工編號", "姓名", "證照代碼", "證照名稱", "發證日期", "有效期限", "發證單位"]
    rows: list[list[Any]] = [head]
    for i, who in enumerate(_pick(rng, people, 15)):
        expired = i % 4 == 2  # i = 2, 6, 10, 14: even, so never 永久有效
        day = dt.date(2024 if expired else 2024 + i % 3, rng.randint(1, 12), rng.randint(1, 28))
        course = COURSES[(i * 7) % len(COURSES)]
        until = "永久有效" if i % 2 else (dt.date(2026, 1, 31) if expired else dt.date(2029, 12, 31))
        rows.append([who.id, who.name, course, f"證照 {course}", day, until, "發證機關"])
        if expired:
            truth.not_count(who, "expired", (course, day.isoformat()))
        else:
            truth.count(who, (course, day.isoformat()))
    return Dialect("證照清冊", "xlsx", rows, truth, 0)


def roster(people: list[Member]) -> list[list[Any]]:
    """The 人員名冊: everyone, with 在職狀態 and 離職日 for the two who left."""
    rows: list[list[Any]] = [["員工編號", "姓名", "部門", "職稱", "在職狀態", "離職日"]]
    for who in people:
        rows.append(
            [
                who.id,
                who.name,
                who.department,
                "企劃專員",
                "離職" if who.left else "在職",
                "2026/06/30" if who.left else "",
            ]
        )
    return rows


DIALECTS = {"lms": lms, "gov": gov, "erp": erp, "outside": outside, "english": english, "certificates": certificates}
