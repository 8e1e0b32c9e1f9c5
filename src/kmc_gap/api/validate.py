"""`kmc-gap validate`: check many files without scoring."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kmc_gap.api.reading import NO_READING, RecordReading
from kmc_gap.model import yamlsource
from kmc_gap.model.kinds import InputKind, input_kind, read_together
from kmc_gap.model.loading import check_catalog, check_profile, kind_of, load_policy, placeholders
from kmc_gap.model.models import Standard
from kmc_gap.model.paths import shown, split_sheet
from kmc_gap.model.problems import FileCheck, InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from kmc_gap.model.records import RecordOptions


def check_file(path: Path, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES, *, searched: bool = False) -> FileCheck:
    """Check one file: a profile, or a course catalogue (recognised by its top-level ``courses``).

    A file found by searching a folder that is neither (a CI workflow, say) is ``skipped``, not wrong.
    """
    name = shown(path)
    if input_kind(path) is InputKind.case:  # a standard as a CASE package: checked as --standard reads it
        from kmc_gap.model.case import load_case

        try:
            load_case(path, name, max_bytes)
        except InputError as exc:
            return FileCheck(name, "standard", exc.problems)
        return FileCheck(name, "standard")
    try:
        doc = yamlsource.load(path, name, max_bytes)
        kind = kind_of(doc)
        if kind is None and searched:
            return FileCheck(name, "skipped", warnings=[Problem(name, "file.skipped_other")])
        if kind == "catalog":
            check_catalog(doc, std)
            return FileCheck(name, "catalog")
        check_profile(doc, std)
    except InputError as exc:
        return FileCheck(name, "profile", exc.problems)
    return FileCheck(name, "profile", warnings=placeholders(doc))


def check_records(paths: list[Path], std: Standard, options: RecordOptions) -> list[FileCheck]:
    """Check record files (CSV, workbooks) together, as ``assess`` reads them: one check per file."""
    from kmc_gap.model.records import load_records

    found = load_records(paths, std, options)
    checks = []
    # one check per file, however many of its sheets were named (export.xlsx#訓練紀錄, export.xlsx#證照)
    for name in dict.fromkeys(shown(split_sheet(path)[0]) for path in paths):
        warnings = [w for w in found.warnings if w.file == name]
        kind = "form" if name in found.forms else "records"
        checks.append(FileCheck(name, kind, found.problems.get(name, []), warnings))
    return checks


def check_catalog_file(path: Path, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES) -> FileCheck:
    """Check a file named as a catalogue (``--catalog``)."""
    from kmc_gap.api.records import read_catalog

    try:
        read_catalog(path, std, max_bytes)
    except InputError as exc:
        return FileCheck(shown(path), "catalog", exc.problems)
    return FileCheck(shown(path), "catalog")


def check_policy(spec: str, max_bytes: int = DEFAULT_MAX_BYTES) -> FileCheck:
    """Load a policy file (or name); its problems, if any."""
    try:
        load_policy(spec, max_bytes)
    except InputError as exc:
        return FileCheck(spec, "policy", exc.problems)
    return FileCheck(spec, "policy")


@dataclass(frozen=True)
class ValidateRequest:
    """What `kmc-gap validate` is asked: the files (and which were named), a policy, a catalogue."""

    files: tuple[Path, ...]
    named: frozenset[Path] = frozenset()
    policy: str | None = None
    catalog: Path | None = None
    reading: RecordReading = NO_READING
    max_bytes: int = DEFAULT_MAX_BYTES


def validate(request: ValidateRequest, std: Standard) -> list[FileCheck]:
    """A check for the policy, the catalogue, the record files and forms (read together) and each other file.

    Record files are read with the catalogue only when the catalogue itself is valid; files found in
    folders that are not profiles are left out with their warnings.
    """
    checks = [check_policy(request.policy, request.max_bytes)] if request.policy else []
    catalog = check_catalog_file(request.catalog, std, request.max_bytes) if request.catalog else None
    checks += [catalog] if catalog else []
    record_files = [path for path in request.files if read_together(path)]
    if record_files:
        from kmc_gap.api import records

        courses = (
            records.optional_catalog(request.catalog, std, request.max_bytes) if catalog and catalog.valid else None
        )
        options = records.record_options(courses, request.reading, request.max_bytes)
        checks += check_records(record_files, std, options)
    others = [path for path in request.files if not read_together(path)]
    checks += [check_file(p, std, request.max_bytes, searched=p not in request.named) for p in others]
    return checks
