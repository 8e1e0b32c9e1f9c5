"""A mapping per HR system: what its headers and words mean, said once and kept (``--mapping hr.yaml``).

kmc-gap reads most exports by their headers' words and a grammar of values; what it cannot know —
a header of the company's own (``辦理情形``), a word of its LMS (``補訓中``), that its ids have five
digits, that its dates are day first — an HR officer says once in a mapping, usually one that
``kmc-gap records inspect --write-mapping`` wrote for them to finish. Every command that reads
records applies it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from pathlib import Path, PurePath
from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from kmc_gap.model.loading import validate
from kmc_gap.model.models import _Model
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES, load

#: What a header may be mapped to: a field of a record row, or ``ignore`` (a column of no use here).
Target = Literal[
    "person_id",
    "name",
    "organisation",
    "role",
    "course",
    "title",
    "kind",
    "date",
    "expires",
    "level",
    "covers",
    "hours",
    "verified_by",
    "provider",
    "reference",
    "score",
    "passed",
    "attendance",
    "note",
    "employment",
    "left_on",
    "ignore",
]
Meaning = Literal["passed", "not_passed", "absent", "present", "not_taken", "exempt"]


#: What a value a pattern matches means: an outcome, or ``score`` (the pattern's first group is the score).
ValueMeaning = Literal["passed", "not_passed", "absent", "present", "not_taken", "exempt", "score"]


def _regex(pattern: str) -> str:
    """A pattern that compiles, or a located problem saying why not."""
    try:
        re.compile(pattern)
    except re.error as exc:
        raise PydanticCustomError("regex", "not a regular expression: {why}", {"why": str(exc)}) from None
    return pattern


def _score_groups(values: dict[str, ValueMeaning | None]) -> dict[str, ValueMeaning | None]:
    """A ``score`` pattern has a group to take the number from."""
    if any(meaning == "score" and re.compile(pattern).groups < 1 for pattern, meaning in values.items()):
        raise PydanticCustomError("regex_group", "a score pattern needs a group: (\\d+)", {})
    return values


class TableMapping(_Model):
    """What holds for some tables: their headers and words, how their ids and dates are written, their shape.

    A ``null`` header, word, course or pattern is one not decided yet (``records inspect`` writes them so):
    read as if the mapping did not name it.
    """

    headers: dict[str, Target | None] = Field(
        default_factory=dict, description="a header as the export writes it → a field, or ignore"
    )
    words: dict[str, Meaning | None] = Field(
        default_factory=dict,
        description="a status, attendance or score value → passed, not_passed, absent, present, not_taken, exempt",
    )
    values: Annotated[
        dict[Annotated[str, AfterValidator(_regex)], ValueMeaning | None], AfterValidator(_score_groups)
    ] = Field(
        default_factory=dict,
        description="a regular expression a whole status, attendance or score value matches (full width folded, "
        "case and spaces ignored) → what it means; score takes the number from the first group: 'a(\\d+)': score",
    )
    id_width: int | None = Field(
        None, ge=2, le=20, description="person ids of digits only are this wide: shorter ones get their zeros back"
    )
    undated: dt.date | None = Field(
        None,
        description="the date of a mark or score that gives none of its own (a ✓ in a wide training passport)",
    )
    date_order: Literal["dmy", "mdy"] | None = Field(
        None, description="how 05/03/2026 is read when the file's own dates do not settle it"
    )
    join: Literal["name", "name_department"] | None = Field(
        None,
        description="how rows of a table without person ids join the people known by id: by name alone, or by "
        "name and, where a row gives one, department (the default)",
    )
    header_row: int | None = Field(
        None, ge=1, le=1_048_576, description="the row the header is on (1 is the first), where the reading cannot tell"
    )
    fill_down: list[str] = Field(
        default_factory=list,
        description="headers whose empty cells mean the value above (merged cells, a course written once a block)",
    )
    courses: dict[str, str | None] = Field(
        default_factory=dict,
        description="a wide table's column header → the catalogue course code it stands for (a column per course)",
    )
    hidden_rows: Literal["read", "skip"] | None = Field(
        None,
        description="rows the sheet hides: read them as every row (a filtered view), or pass them over (rows "
        "someone set aside); until this says, a table with hidden rows is held back",
    )
    hours_unit: Literal["hours", "minutes"] | None = Field(
        None, description="what a bare number in the hours column counts (90 in an hours column kept in minutes)"
    )


class RecordMapping(TableMapping):
    """How one HR system's exports are read: headers → fields, words → outcomes, id width, date order, and
    per file or sheet (``files``) whatever holds for those tables only."""

    mapping_version: Literal[1] = Field(1, description="the version of this file's layout")
    files: dict[str, TableMapping] = Field(
        default_factory=dict,
        description="a file name pattern (external*.xlsx, or with its sheet: passport.xlsx#2026) → what holds for its "
        "tables, over what the rest of the mapping says",
    )

    def for_table(self, file: str, sheet: str | None) -> RecordMapping:
        """The mapping for one table: the ``files`` entries its name matches, in order, over the rest."""
        matching = [entry for pattern, entry in self.files.items() if _matches(pattern, file, sheet)]
        if not matching:
            return self
        merged = self.model_dump(exclude={"files"})
        for entry in matching:
            for key, value in entry.model_dump(exclude_unset=True).items():
                if isinstance(value, dict):
                    merged[key] = {**merged[key], **value}
                elif isinstance(value, list):
                    merged[key] = [*merged[key], *value]
                elif value is not None:
                    merged[key] = value
        return RecordMapping.model_validate(merged)


def _matches(pattern: str, file: str, sheet: str | None) -> bool:
    """Whether a ``files`` pattern names a table: by the file's base name, and its sheet where it says ``#``.

    Case is ignored (a Windows folder does too); a pattern without ``#`` names every sheet of the file.
    """
    name, hashed, wanted = (part.casefold() for part in pattern.partition("#"))
    path = file.replace("\\", "/").casefold()
    if not (fnmatch.fnmatchcase(PurePath(path).name, name) or fnmatch.fnmatchcase(path, name)):
        return False
    return not hashed or fnmatch.fnmatchcase((sheet or "").casefold(), wanted)


def load_mapping(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RecordMapping:
    """The mapping at ``path``; an ``InputError`` naming each bad line and column."""
    from kmc_gap.model.paths import shown

    return validate(load(path, shown(path), max_bytes), RecordMapping)
