"""A mapping per HR system: what its headers and words mean, said once and kept (``--mapping hr.yaml``).

kmc-gap reads most exports by their headers' words and a grammar of values; what it cannot know —
a header of the company's own (``辦理情形``), a word of its LMS (``補訓中``), that its ids have five
digits, that its dates are day first — an HR officer says once in a mapping, usually one that
``kmc-gap records inspect --write-mapping`` wrote for them to finish. Every command that reads
records applies it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import Field

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


class RecordMapping(_Model):
    """How one HR system's exports are read: headers → fields, words → outcomes, id width, date order.

    A ``null`` header or word is one not decided yet (``records inspect`` writes them so): read as if
    the mapping did not name it.
    """

    mapping_version: Literal[1] = Field(1, description="the version of this file's layout")
    headers: dict[str, Target | None] = Field(
        default_factory=dict, description="a header as the export writes it → a field, or ignore"
    )
    words: dict[str, Meaning | None] = Field(
        default_factory=dict,
        description="a status, attendance or score value → passed, not_passed, absent, present, not_taken, exempt",
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


def load_mapping(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RecordMapping:
    """The mapping at ``path``; an ``InputError`` naming each bad line and column."""
    from kmc_gap.model.paths import shown

    return validate(load(path, shown(path), max_bytes), RecordMapping)
