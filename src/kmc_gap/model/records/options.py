"""What reading record files is asked (:class:`RecordOptions`) and what it gives: the people, each table's
accounting of its rows (:class:`RowCount`), and what an import did to a profile."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kmc_gap.model.mapping import RecordMapping
from kmc_gap.model.models import (
    Catalog,
    Person,
    Profile,
)
from kmc_gap.model.problems import Problem
from kmc_gap.model.tables.cells import (
    MEANINGS,
    Words,
)
from kmc_gap.model.tables.cells import (
    norm as _norm,
)
from kmc_gap.model.tables.table import Table
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from kmc_gap.model.credentials import Keys
from kmc_gap.model.records.columns import Column, _wanted


@dataclass(frozen=True)
class RecordOptions:
    """How to read record files: the course catalogue, the sheet, headers mapped by hand, the roster.

    ``sheet`` is the sheet of every workbook that has one of that name (``all``: every sheet with a
    header row); a path written ``export.xlsx#證照`` names its own. ``columns`` applies to the tables
    that have those headers. ``verified_by`` stands for the verifier of rows that name none (``訓練系統``).
    """

    catalog: Catalog | None = None
    sheet: str | None = None
    columns: Mapping[Column, str] = field(default_factory=dict)
    max_bytes: int = DEFAULT_MAX_BYTES
    roster: Sequence[Path] = ()
    verified_by: str | None = None
    include_leavers: bool = False  # people the roster says have left stay in the run
    mapping: RecordMapping | None = None  # what this HR system's headers and words mean (--mapping)
    issuer_keys: Keys | None = None  # the keys that verify credentials' signatures (--issuer-key)
    lang: str = "zh-TW"  # the run's language, for what the reading writes into evidence (a credential's note)

    @property
    def wanted(self) -> dict[str, Column | None]:
        """Headers read as a field by hand: the mapping's (None: ignore), then ``--columns``, as compared."""
        return _wanted(self.columns, self.mapping)

    @property
    def words(self) -> Words:
        """The mapping's outcome words, as compared, and its patterns of values."""
        if self.mapping is None:
            return Words({})
        words = {_norm(word): MEANINGS[meaning] for word, meaning in self.mapping.words.items() if meaning is not None}
        return Words(words, self.mapping.values)

    def for_table(self, table: Table) -> RecordOptions:
        """These options with the mapping's ``files`` entries for ``table`` applied over the rest."""
        if self.mapping is None or not self.mapping.files:
            return self
        return replace(self, mapping=self.mapping.for_table(table.file, table.sheet))

    def person_key(self, text: str) -> str:
        """A person id as shown, its dropped zeros put back where the mapping gives the ids' width."""
        ident = person_key(text)
        width = self.mapping.id_width if self.mapping is not None else None
        return ident.zfill(width) if width and ident.isdigit() else ident


@dataclass
class RecordPerson:
    """One person's profile built from records, and the files their rows came from."""

    profile: Profile
    files: list[str]
    roster_only: bool = False  # on the roster with no rows: a YAML profile of the same id stands instead

    @property
    def file(self) -> str:
        """The files as one name, for reports: ``a.csv, b.xlsx``."""
        return ", ".join(self.files)


@dataclass
class RowCount:
    """What became of every row of one table, so that no row is lost without a word.

    Each row under the header is one of: evidence (its id in ``evidence``; whether it counts is the
    rules' to say), not counted for a reason the reading knows (a course the catalogue lacks),
    passed over as no record (a subtotal, a cancelled class, a repeat, a leaver's row), or refused
    with a located problem. ``unreadable``: the file or its header could not be read at all.
    """

    file: str
    sheet: str | None
    kind: str  # "records", "roster" or "form"
    rows: int = 0
    evidence: list[str] = field(default_factory=list)
    not_counted: dict[str, int] = field(default_factory=dict)
    passed_over: dict[str, int] = field(default_factory=dict)
    refused: int = 0
    refused_people: set[str] = field(default_factory=set)
    unreadable: bool = False
    header_row: int | None = None
    columns: list[tuple[str, str | None]] = field(default_factory=list)  # each header, and the field it was read as
    problems: list[Problem] = field(default_factory=list)  # each refused row's problems, one by one

    def pass_over(self, why: str, n: int = 1) -> None:
        """``n`` more rows passed over for ``why``."""
        if n:
            self.passed_over[why] = self.passed_over.get(why, 0) + n


@dataclass
class RecordSet:
    """Everyone found in some record files, the problems of each file, and the warnings."""

    people: list[RecordPerson] = field(default_factory=list)
    problems: dict[str, list[Problem]] = field(default_factory=dict)  # by file, in file order
    warnings: list[Problem] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # every record table read: ``file`` or ``file#sheet``
    forms: list[str] = field(default_factory=list)  # the files that were assessment forms
    leavers: list[Person] = field(default_factory=list)  # people the roster says have left, left out of the run
    left_evidence: set[str] = field(default_factory=set)  # the evidence ids of their rows
    counts: list[RowCount] = field(default_factory=list)  # what became of every row, table by table


@dataclass
class ProfileChange:
    """What ``kmc-gap import`` did (or, with ``--dry-run``, would do) to one person's profile."""

    person_id: str
    name: str
    file: str
    created: bool = False
    added: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0  # evidence left as it was: unchanged records and everything added by hand
    removals: dict[str, list[str]] = field(default_factory=dict)  # source → the items removed, as people read them
    older: dict[str, tuple[dt.date, dt.date, int]] = field(default_factory=dict)  # source → (this, last, items kept)
    namesakes: set[tuple[str, str]] = field(default_factory=set)  # (source read now, another file of its name)

    @property
    def changed(self) -> bool:
        """Whether the file is (or would be) written."""
        return self.created or bool(self.added or self.updated or self.removed)


def person_key(text: str) -> str:
    """A person id as it is shown: full width folded (Ｅ001 is E001), an id being a code."""
    return unicodedata.normalize("NFKC", text).strip()
