"""The kinds of input file, and how each is recognised: one registry instead of a test per command.

A path on the command line is a YAML evidence profile, an HR record table (a CSV or a workbook:
training rows, a roster or a filled assessment form, told apart by their headers), a credential
(Open Badges 3.0 / CLR 2.0, as JSON or a compact JWS), a JSON report of ``assess`` (one side of
``diff``) or a CASE package (a standard). The name's ending decides, except for ``.json``, which
is read to see what it holds: a credential has ``@context`` or ``credentialSubject``, a CASE package
``CFDocument``. Kinds read *together* (records, credentials) are read in one pass and joined by
person id, since one person's evidence may be spread over several files; the others are read one
file at a time.

A new kind is one entry here and one reader.
"""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kmc_gap.model.paths import RECORD_SUFFIXES, YAML_SUFFIXES, split_sheet


class InputKind(StrEnum):
    """What an input file holds."""

    profile = "profile"
    records = "records"
    credential = "credential"
    report = "report"
    case = "case"


#: How much of a JSON file is read to tell what it holds.
SNIFF_BYTES = 64 * 1024

_CREDENTIAL_MARKS = (b'"@context"', b'"credentialSubject"', b'"verifiableCredential"')
_CASE_MARK = b'"CFDocument"'
_JWS = re.compile(rb"^\s*[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\s*$")


def _sniffed(path: Path, sniff: Callable[[bytes], InputKind]) -> InputKind:
    """What a file's first bytes say it is; a pipe, a device or a missing file is never opened here.

    Such a file is given to the reader of the ending's first kind, which says what is wrong with it.
    Each file is looked into once for as long as it is unchanged, however often a run asks.
    """
    try:
        found = os.stat(path)
    except OSError:
        return sniff(b"")
    if not stat.S_ISREG(found.st_mode):
        return sniff(b"")
    return _sniff_file(path, found.st_mtime_ns, found.st_size, sniff)


@functools.lru_cache(maxsize=4096)
def _sniff_file(path: Path, mtime_ns: int, size: int, sniff: Callable[[bytes], InputKind]) -> InputKind:
    try:
        with open(path, "rb") as handle:
            return sniff(handle.read(SNIFF_BYTES))
    except OSError:
        return sniff(b"")


def _json_kind(head: bytes) -> InputKind:
    """A CASE package, a credential or (by default) a report, by the keys near its top."""
    if _CASE_MARK in head:
        return InputKind.case
    if any(mark in head for mark in _CREDENTIAL_MARKS):
        return InputKind.credential
    if _JWS.match(head):
        return InputKind.credential  # a compact JWS saved under .json
    return InputKind.report


@dataclass(frozen=True)
class Kind:
    """One kind of input: the endings it is known by, whether it is read with the others, how to sniff."""

    suffixes: tuple[str, ...]
    together: bool  # read in one pass with the other files of its sort and joined by person id
    in_folders: bool  # found when a folder is searched
    sniff: Callable[[bytes], InputKind] | None = None  # for endings several kinds share


KINDS: dict[InputKind, Kind] = {
    InputKind.profile: Kind(YAML_SUFFIXES, together=False, in_folders=True),
    InputKind.records: Kind(RECORD_SUFFIXES, together=True, in_folders=False),
    InputKind.credential: Kind((".jwt", ".jws", ".json"), together=True, in_folders=True, sniff=_json_kind),
    InputKind.report: Kind((".json",), together=False, in_folders=False, sniff=_json_kind),
    InputKind.case: Kind((".json",), together=False, in_folders=False, sniff=_json_kind),
}


def input_kind(path: Path) -> InputKind:
    """The kind of ``path``: by its ending, reading the file only where endings are shared (``.json``).

    A name with an ending no kind claims is read as a YAML profile, whose reader says what is wrong.
    """
    suffix = split_sheet(path)[0].suffix.lower()
    claims = [kind for kind, spec in KINDS.items() if suffix in spec.suffixes]
    if not claims:
        return InputKind.profile
    if len(claims) == 1:
        return claims[0]
    sniff = KINDS[claims[0]].sniff
    assert sniff is not None, f"{suffix} is claimed by several kinds, so each must sniff"
    return _sniffed(path, sniff)


def read_together(path: Path) -> bool:
    """Whether ``path`` is read with the run's record files and joined by person id (records, credentials)."""
    return KINDS[input_kind(path)].together


#: The endings a folder search looks at (the files are then asked :func:`found_in_folders`).
FOLDER_SUFFIXES = tuple(dict.fromkeys(s for spec in KINDS.values() if spec.in_folders for s in spec.suffixes))


def found_in_folders(path: Path) -> bool:
    """Whether a folder search keeps the regular file ``path``: profiles, and JSON files that hold a credential."""
    return KINDS[input_kind(path)].in_folders


def is_table(path: Path) -> bool:
    """Whether ``path`` names a table (a CSV or a workbook, or a workbook's sheet), whatever its role."""
    return split_sheet(path)[0].suffix.lower() in RECORD_SUFFIXES
