"""Dates as HR systems write them: a grammar of forms, not a list of exports.

A training system writes the day a course ended in whatever form its database or its Excel export
chose: a date cell, a number that is an Excel serial (46086), ISO with or without a time part
(``2026-03-05 00:00:00``, ``2026-03-05T09:00:00+08:00``), ``2026/3/5 上午 09:00``, ``2026年3月5日``,
the ROC year (``115/03/05``, ``民國115年3月5日``), day and month written either way round
(``05/03/2026``), an English month (``5 Mar 2026``), or a range of days. A time of day never
changes the date: an item was completed on the day written, in its own offset.

Day and month either way round are read only when they settle themselves (13/03/2026) or when the
file's other dates settle the order (:func:`day_order`); otherwise the cell is a problem naming
both readings, never a guess.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from kmc_gap.model.models import hr_date
from kmc_gap.model.vocabulary import DATE_WORDS, RANGE_MARKS, TIME_WORDS

#: Excel counts days from 1899-12-30 (its 1900 leap-year bug included); serials in this span are dates
#: from 1927 to 2119, which is every date a training record holds. Other numbers are not dates.
EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIALS = range(10_000, 80_000)


class DayOrder(StrEnum):
    """Which of two small numbers before the year is the day: ``05/03/2026`` is 5 March (dmy) or May 3 (mdy)."""

    dmy = "dmy"
    mdy = "mdy"


class DateError(Exception):
    """A cell that is no date (``key`` ``records.bad_date``), or one whose day and month may be either way round."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


_TIME_WORD = "|".join(re.escape(word) for word in sorted(TIME_WORDS, key=len, reverse=True))
# a time of day after the date, with or without seconds, a 12-hour mark before or after, and an offset
_TIME = re.compile(
    rf"(?:[T\s]+|(?<=\d)(?=(?:{_TIME_WORD})))(?:(?:{_TIME_WORD})\s*)?\d{{1,2}}(?::\d{{2}}){{1,2}}(?:\.\d+)?"
    rf"(?:\s*(?:{_TIME_WORD}))?\s*(?:z|[+-]\d{{2}}:?\d{{2}})?$",
    re.IGNORECASE,
)
_WESTERN_WORDS = re.compile(
    r"^(?:{western})?\s*(\d{{4}})\s*{year}\s*(\d{{1,2}})\s*{month}\s*(\d{{1,2}})\s*{day}?$".format(**DATE_WORDS)
)
_EITHER_WAY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-/.]*([a-z]+)\.?[\s\-/.,]*(\d{4})$")
_DAY_MONTH_SHORT_YEAR = re.compile(r"^(\d{1,2})[\s\-/.]*([a-z]+)\.?[\s\-/.,]*(\d{2})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?[\s,\-/.]*(\d{4})$")
_YEAR_MONTH_DAY = re.compile(r"^(\d{4})[\s\-/.]*([a-z]+)\.?[\s\-/.]*(\d{1,2})$")
_RANGE_MARK = re.compile("|".join(map(re.escape, RANGE_MARKS)))
_PARTIAL_END = re.compile(r"\d{{1,2}}(?:[/.{month}]\d{{1,2}}{day}?)?".format(**DATE_WORDS))


def read_date(value: Any, order: DayOrder | None = None) -> dt.date:
    """The date ``value`` means; a range of days gives its last day (the course was completed then).

    Raises :class:`DateError` for a cell that is no date, and for day and month that could be either
    way round when ``order`` does not settle them.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        day = _number(float(value))
        if day is None:
            raise DateError("records.bad_date", value=_shown(value))
        return day
    return _text_date(str(value), order)


@functools.lru_cache(maxsize=4096)
def _text_date(value: str, order: DayOrder | None) -> dt.date:
    """A date written as text (remembered: an export repeats a course's day for each of its attendees)."""
    text = unicodedata.normalize("NFKC", value).strip()
    day = one_date(text, order)
    if day is None:
        day = _range_end(text, order)
    if day is None:
        raise DateError("records.bad_date", value=value.strip())
    return day


def _shown(value: float | int) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _number(number: float) -> dt.date | None:
    """A number cell: an Excel serial (its fraction a time of day), else digits like ``20260305`` or ``1150305``."""
    if int(number) in SERIALS:
        return EXCEL_EPOCH + dt.timedelta(days=int(number))
    if not number.is_integer():
        return None
    iso = hr_date(str(int(number)))
    return None if iso is None else dt.date.fromisoformat(iso)


def one_date(text: str, order: DayOrder | None = None) -> dt.date | None:
    """One date written as text (already NFKC-folded), or None; raises :class:`DateError` when ambiguous."""
    plain = _TIME.sub("", text).strip() or text
    try:
        return dt.date.fromisoformat(plain)
    except ValueError:
        pass
    iso = hr_date(plain)
    if iso is not None:
        return dt.date.fromisoformat(iso)
    if re.fullmatch(r"\d{5}(?:\.\d+)?", plain):  # a serial that a CSV export wrote as text
        return _number(float(plain))
    return _words(plain) or _named_month(plain.casefold()) or _either_way(plain, order)


def _words(plain: str) -> dt.date | None:
    found = _WESTERN_WORDS.match(plain)
    return _real(*(int(part) for part in found.groups())) if found else None


def _named_month(plain: str) -> dt.date | None:
    for form, (y, m, d) in ((_DAY_MONTH_YEAR, (3, 2, 1)), (_MONTH_DAY_YEAR, (3, 1, 2)), (_YEAR_MONTH_DAY, (1, 2, 3))):
        found = form.match(plain)
        if found and found.group(m) in _MONTHS:
            return _real(int(found.group(y)), _MONTHS[found.group(m)], int(found.group(d)))
    found = _DAY_MONTH_SHORT_YEAR.match(plain)  # 5-Oct-26, as Excel shows a date: the month's name settles it
    if found and found.group(2) in _MONTHS:
        return _real(2000 + int(found.group(3)), _MONTHS[found.group(2)], int(found.group(1)))
    return None


def _either_way(plain: str, order: DayOrder | None) -> dt.date | None:
    found = _EITHER_WAY.match(plain)
    if not found:
        return None
    first, second, year = (int(part) for part in found.groups())
    dmy, mdy = _real(year, second, first), _real(year, first, second)
    if dmy is None or mdy is None or dmy == mdy:
        return dmy or mdy
    if order is DayOrder.dmy:
        return dmy
    if order is DayOrder.mdy:
        return mdy
    raise DateError("records.ambiguous_date", value=plain, dmy=dmy.isoformat(), mdy=mdy.isoformat())


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _range_end(plain: str, order: DayOrder | None) -> dt.date | None:
    """The last day of a range whose first day is a date; the end may leave out the year, or year and month."""
    for mark in _RANGE_MARK.finditer(plain):
        start = one_date(plain[: mark.start()].strip(), order)
        if start is not None:
            end = _end_of(start, plain[mark.end() :].strip(), order)
            return end if end is not None and end >= start else None
    return None


def _end_of(start: dt.date, tail: str, order: DayOrder | None) -> dt.date | None:
    """The end of a range: a whole date, or only its day (``25``) or month and day (``10/2``) after ``start``."""
    end = one_date(tail, order)
    if end is not None:
        return end
    if not _PARTIAL_END.fullmatch(tail):
        return None
    parts = [int(p) for p in re.findall(r"\d+", tail)]
    try:
        return start.replace(day=parts[0]) if len(parts) == 1 else start.replace(month=parts[0], day=parts[1])
    except ValueError:
        return None


def day_order(values: Iterable[Any]) -> DayOrder | None:
    """The order a file's day-first or month-first dates settle: one date with a first number over 12 is dmy.

    None when no date settles it, or when the file's dates disagree (then each ambiguous cell is a problem).
    """
    seen: set[DayOrder] = set()
    for value in values:
        if not isinstance(value, str):
            continue
        text = _TIME.sub("", unicodedata.normalize("NFKC", value).strip())
        for part in _RANGE_MARK.split(text) if not _EITHER_WAY.match(text) else [text]:
            found = _EITHER_WAY.match(part.strip())
            if found:
                first, second = int(found.group(1)), int(found.group(2))
                if first > 12 >= second:
                    seen.add(DayOrder.dmy)
                elif second > 12 >= first:
                    seen.add(DayOrder.mdy)
    return seen.pop() if len(seen) == 1 else None
