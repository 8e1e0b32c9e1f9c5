"""kmc-gap as a library: the few calls a program needs, returning the typed results the CLI renders.

    import datetime as dt
    from kmc_gap import assess, load_people, load_standard

    std = load_standard()                                   # the bundled KMC3332-001v3, or a path
    people = load_people(["examples/records/ehr-export-2025.xlsx"], std)
    reports = [assess(profile, std, as_of=dt.date(2026, 6, 30)) for profile in people.profiles]

Every call raises :class:`kmc_gap.InputError` (its ``problems`` located, in either language) for input it
cannot use, and never prints. The results are plain typed dicts (``Report`` and the rest in
:mod:`kmc_gap.engine.report`), the same the JSON output holds before names are added; their shape is
the report schema's (``kmc-gap schema report``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kmc_gap.engine.report import Report
    from kmc_gap.model.models import Profile, Standard
    from kmc_gap.model.problems import Problem


@dataclass
class People:
    """The people some files hold — profiles, HR record files, forms, credentials — and the problems of
    the files (or rows) that could not be used; the rest are read."""

    profiles: list[Profile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def load_standard(path: str | Path | None = None) -> Standard:
    """A standard file (kmc-gap's YAML, or a CASE package), checked; the bundled KMC3332-001v3 without one."""
    from kmc_gap.model.loading import load_standard as load

    return load(Path(path) if path is not None else None)


def load_people(paths: Sequence[str | Path], standard: Standard, *, catalog: str | Path | None = None) -> People:
    """Everyone in ``paths`` (profiles, folders of them, HR record files, filled forms, credentials), read
    as ``kmc-gap assess`` reads them; ``catalog`` the course catalogue HR rows' course codes are looked up in."""
    from kmc_gap.api.people import load_people as load
    from kmc_gap.model.kinds import FOLDER_SUFFIXES, found_in_folders
    from kmc_gap.model.paths import expand

    options = None
    if catalog is not None:  # YAML, or a spreadsheet (.xlsx, .csv) as the CLI's --catalog takes
        from kmc_gap.api.records import read_catalog
        from kmc_gap.model.records import RecordOptions

        options = RecordOptions(catalog=read_catalog(Path(catalog), standard))
    files = expand([Path(p) for p in paths], FOLDER_SUFFIXES, found_in_folders)  # folders searched as assess does
    found = load(files.files, standard, options)
    return People([profile for profile, _ in found.profiles], [*files.empty, *found.problems])


def assess(profile: Profile, standard: Standard, *, as_of: dt.date | None = None, policy: str = "default") -> Report:
    """``profile`` assessed against ``standard`` on ``as_of`` (today) under ``policy`` (``default``,
    ``strict`` or a policy file): the report ``kmc-gap assess -f json`` writes, without the names."""
    from kmc_gap.engine.scoring import assess as score
    from kmc_gap.model.loading import load_policy

    name, rules = load_policy(policy)
    return score(profile, standard, rules, as_of or dt.date.today(), policy_name=name)
