"""HR record exports — a CSV file or a workbook, one row per completed course or certificate — as profiles.

Training systems and ERPs export what people completed as a table with many people per file. This
module finds the columns by their headers (Chinese or English, common aliases, or ``--columns``),
turns each row into an evidence item, and groups the rows of every file into one profile per person,
so that the rest of kmc-gap sees profiles exactly as if they had been written by hand.

A row's 職能級別 and 職能內涵 come from its own cells or, when it names a course code, from the course
catalogue. Each problem is located at its cell (``records.csv:12:5``, ``records.xlsx:工作表1!E12``);
a bad row is left out and the other rows and people go on, so the caller always gets both the
people that could be built and every problem of the rest.
"""

from kmc_gap.model.records.columns import (
    ALL_SHEETS,
    HEADER_SEARCH_ROWS,
    NAMED,
    REQUIRED,
    ROSTER,
    Column,
    Columns,
    Found,
    field_named,
    find_columns,
    nearest,
)
from kmc_gap.model.records.courses import CourseSeen, courses_in
from kmc_gap.model.records.files import read_tables
from kmc_gap.model.records.loader import load_records
from kmc_gap.model.records.options import (
    ProfileChange,
    RecordOptions,
    RecordPerson,
    RecordSet,
    RowCount,
    person_key,
)
from kmc_gap.model.records.rows import OUTCOME_COLUMNS, Skip, record_id, row_kind

__all__ = [
    "ALL_SHEETS",
    "HEADER_SEARCH_ROWS",
    "NAMED",
    "OUTCOME_COLUMNS",
    "REQUIRED",
    "ROSTER",
    "Column",
    "Columns",
    "CourseSeen",
    "Found",
    "ProfileChange",
    "RecordOptions",
    "RecordPerson",
    "RecordSet",
    "RowCount",
    "Skip",
    "courses_in",
    "field_named",
    "find_columns",
    "load_records",
    "nearest",
    "person_key",
    "read_tables",
    "record_id",
    "row_kind",
]
