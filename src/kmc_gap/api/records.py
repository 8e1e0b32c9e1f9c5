"""HR record files next to YAML profiles: the options that say how to read them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kmc_gap.api.errors import OptionError
from kmc_gap.api.reading import NO_READING, RecordReading, never_overwrite
from kmc_gap.model.kinds import is_table
from kmc_gap.model.loading import load_catalog
from kmc_gap.model.models import Catalog, Standard
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import Problem
from kmc_gap.model.records import Column, CourseSeen, RecordOptions, courses_in, field_named
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES


def columns(spec: str | None) -> dict[Column, str]:
    """``--columns person_id=工號,date=上課日期``: the headers to read as each field (full-width ，and ＝ too).

    A field is named as the README names it, or by one of its headers (``course_code``, ``id``, 課程代號).
    """
    mapping: dict[Column, str] = {}
    for part in (spec or "").replace("\uff0c", ",").replace("\uff1d", "=").split(","):
        if not part.strip():
            continue
        name, _, header = part.partition("=")
        column = field_named(name)
        if column is None or not header.strip():
            fields = ", ".join(c.value for c in Column)
            raise OptionError("--columns", "usage.columns", value=part.strip(), fields=fields)
        mapping[column] = header.strip()
    return mapping


def record_options(
    catalog: Catalog | None, reading: RecordReading = NO_READING, max_bytes: int = DEFAULT_MAX_BYTES
) -> RecordOptions:
    """How this run reads record files; a bad ``--mapping`` or ``--issuer-key`` file raises ``InputError``."""
    from kmc_gap.model.mapping import load_mapping

    verifier = (reading.verified_by or "").strip() or None
    found = load_mapping(reading.mapping, max_bytes) if reading.mapping is not None else None
    keys = None
    if reading.issuer_key is not None:
        from kmc_gap.model.credentials import load_keys

        keys = load_keys(reading.issuer_key, shown(reading.issuer_key), max_bytes)
    roster = tuple(reading.roster)
    return RecordOptions(
        catalog,
        reading.sheet,
        columns(reading.columns),
        max_bytes,
        roster,
        verifier,
        reading.include_leavers,
        found,
        keys,
        reading.lang,
    )


def read_record_options(
    catalog_path: Path | None, reading: RecordReading, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES
) -> RecordOptions:
    """How record files are read, with the catalogue: a bad catalogue, mapping or key raises ``InputError``."""
    return record_options(optional_catalog(catalog_path, std, max_bytes), reading, max_bytes)


def optional_catalog(path: Path | None, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES) -> Catalog | None:
    """The ``--catalog`` courses, or None; a bad catalogue raises ``InputError``."""
    return read_catalog(path, std, max_bytes) if path is not None else None


def read_catalog(path: Path, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES) -> Catalog:
    """A catalogue in YAML, or kept as a spreadsheet (.xlsx, .csv) with Chinese or English headers."""
    if is_table(path):
        from kmc_gap.model.catalog_table import load_catalog_table

        return load_catalog_table(path, std, max_bytes)
    return load_catalog(path, std, max_bytes)


@dataclass(frozen=True)
class SkeletonRequest:
    """What `kmc-gap catalog init` is asked: the record files whose courses become a catalogue to fill in."""

    files: tuple[Path, ...]
    reading: RecordReading = NO_READING
    max_bytes: int = DEFAULT_MAX_BYTES

    def never_overwrite(self) -> tuple[Path, ...]:
        """Every file the request reads: the skeleton is never written over one."""
        return never_overwrite(self.files, self.reading)


def skeleton_courses(request: SkeletonRequest) -> tuple[list[CourseSeen], list[Problem]]:
    """Every course in the request's record files, in order of first row, and the problems of reading them."""
    return courses_in(list(request.files), record_options(None, request.reading, request.max_bytes))
