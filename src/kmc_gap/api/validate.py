"""`kmc-gap validate`: check many files without scoring."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kmc_gap.model import yamlsource
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
