"""Dates as HR systems write them, the one home of their forms: every unambiguous form, ranges of days, day and
month either way round, the file's other dates settling the order, expiries, and what is no date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kmc_gap.model.hrdates import DateError, DayOrder, day_order, read_date
from kmc_gap.model.tables.cells import CellError, cell_date, cell_expires
from kmc_gap.model.vocabulary import NO_EXPIRY_WORDS

from conftest import examples

# --------------------------------------------------------------------------- dates


def written(day: dt.date, form: int) -> Any:
    """``day`` as one HR system or another writes it."""
    roc = day.year - 1911
    return [
        day,
        dt.datetime.combine(day, dt.time(9, 30)),
        f"{day.isoformat()} 00:00:00",
        f"{day.isoformat()}T09:00:00+08:00",
        f"{day.year}/{day.month}/{day.day} 上午 09:00:00",
        f"{day.year}/{day.month}/{day.day} 下午 05:30",
        f"{day.year}年{day.month}月{day.day}日",
        f"{roc}/{day.month:02d}/{day.day:02d}",
        f"民國{roc}年{day.month}月{day.day}日",
        f"{roc:03d}{day.month:02d}{day.day:02d}",  # 0890101 for 2000-01-01
        f"{day.year}{day.month:02d}{day.day:02d}",
        (day - dt.date(1899, 12, 30)).days,  # an Excel serial in a number cell
        str((day - dt.date(1899, 12, 30)).days),  # the same written out by a CSV export
        (day - dt.date(1899, 12, 30)).days + 0.375,  # a serial with a time of day
        day.strftime("%d %b %Y"),
        day.strftime("%b %d, %Y"),
        day.strftime("%d-%b-%Y"),
        f"{day.year}-{day.month}-{day.day}",
        f"{day.year}.{day.month:02d}.{day.day:02d}",
    ][form]


FORMS = 19


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)), st.integers(0, FORMS - 1))
@settings(max_examples=examples(300))
def test_every_unambiguous_form_reads_as_its_date(day: dt.date, form: int) -> None:
    assert read_date(written(day, form)) == day


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)), st.integers(0, FORMS - 1), st.integers(0, FORMS - 1))
@settings(max_examples=examples(200))
def test_a_range_of_days_reads_as_its_last_day(start: dt.date, first: int, last: int) -> None:
    end = start + dt.timedelta(days=2)
    one, two = written(start, first), written(end, last)
    if not isinstance(one, str) or not isinstance(two, str):
        return  # a range is text
    assert read_date(f"{one}~{two}") == end


@given(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))
@settings(max_examples=examples(200))
def test_day_and_month_either_way_round(day: dt.date) -> None:
    dmy, mdy = day.strftime("%d/%m/%Y"), day.strftime("%m/%d/%Y")
    if day.day > 12 or day.day == day.month:  # it settles itself
        assert read_date(dmy) == day and read_date(mdy) == day
        return
    with pytest.raises(DateError) as caught:
        read_date(dmy)
    # 05/03/2026: both readings are named, and neither is guessed
    other = dt.date(day.year, day.day, day.month)
    assert caught.value.args_ == {"value": dmy, "dmy": day.isoformat(), "mdy": other.isoformat()}
    assert read_date(dmy, DayOrder.dmy) == day
    assert read_date(mdy, DayOrder.mdy) == day


def test_the_files_other_dates_settle_the_order() -> None:
    assert day_order(["05/03/2026", "13/03/2026"]) is DayOrder.dmy  # 13 can only be a day
    assert day_order(["05/03/2026", "03/13/2026"]) is DayOrder.mdy
    assert day_order(["05/03/2026", "13/03/2026", "03/13/2026"]) is None  # they disagree: every cell is asked
    assert day_order(["05/03/2026"]) is None


@pytest.mark.parametrize("value", ["2026-02-30", "下週一", "2026/13/01 00:00:00", 123, 3.5, "99999"])
def test_what_is_no_date_is_refused(value: Any) -> None:
    with pytest.raises(DateError):
        read_date(value)


# --------------------------------------------------------------------------- date cells: ranges and expiries


@pytest.mark.parametrize(
    "written",
    [
        "2025-03-01",
        "2025/3/1",
        "2025/03/01",
        "2025.3.1",
        "20250301",
        "114/03/01",
        "114/3/1",
        "114.3.1",
        "1140301",
        "民國114年3月1日",
        "114年3月1日",
        "２０２５－０３－０１",
    ],
)
def test_the_forms_people_type_in_a_date_cell(written: str) -> None:
    assert cell_date(written) == dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("113/09/23~113/09/25", dt.date(2024, 9, 25)),  # a three-day course ends on its last day
        ("113/09/23～113/09/25", dt.date(2024, 9, 25)),
        ("2025/3/1-2025/3/3", dt.date(2025, 3, 3)),
        ("2025-03-01~2025-03-03", dt.date(2025, 3, 3)),
        ("113.09.23–25", dt.date(2024, 9, 25)),
        ("113/09/29-10/02", dt.date(2024, 10, 2)),
        ("114/3/1 至 114/3/2", dt.date(2025, 3, 2)),
        ("1140301-1140303", dt.date(2025, 3, 3)),
        ("2025-03-01", dt.date(2025, 3, 1)),
        ("１１４／０３／０１", dt.date(2025, 3, 1)),
    ],
)
def test_dates_and_date_ranges(cell: str, day: dt.date) -> None:
    assert cell_date(cell) == day


@pytest.mark.parametrize("cell", ["113/09/25~113/09/23", "2025/3/1-abc", "113.09.23–32"])
def test_a_range_that_ends_before_it_starts_or_nowhere_is_refused(cell: str) -> None:
    with pytest.raises(CellError):
        cell_date(cell)


@pytest.mark.parametrize("cell", [*NO_EXPIRY_WORDS, "永久有效", " 無期限 ", "—", None, ""])
def test_never_expires(cell: Any) -> None:
    assert cell_expires(cell) is None


def test_an_expiry_is_still_a_date() -> None:
    assert cell_expires("116/06/30") == dt.date(2027, 6, 30)
    with pytest.raises(CellError):
        cell_expires("明年")
