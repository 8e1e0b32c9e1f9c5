"""The people of a run: YAML profiles, and the profiles built from record files and assessment forms.

A person's ratings on a form join the rest of their evidence by person id: their record rows (read
together, :mod:`kmc_gap.model.records`) or their YAML profile, where the run has one. So
``assess alice.yaml form.xlsx`` reads Alice once, with her ratings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kmc_gap.model.ids import FORM_ID_PREFIX
from kmc_gap.model.kinds import read_together
from kmc_gap.model.loading import load_profile
from kmc_gap.model.models import Evidence, Profile, Standard, join_key
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from kmc_gap.model.records import RecordOptions, RecordPerson, RecordSet


@dataclass
class People:
    """Everyone who could be read, each with the file (or files) they came from, and the problems of the rest."""

    profiles: list[tuple[Profile, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def rated_only(person: RecordPerson) -> bool:
    """Whether all of a person's evidence came from assessment forms (no record rows): it may join a profile."""
    return bool(person.profile.evidence) and all(ev.id.startswith(FORM_ID_PREFIX) for ev in person.profile.evidence)


def with_ratings(profile: Profile, ratings: Sequence[Evidence]) -> Profile:
    """``profile`` with the form ratings it does not hold yet (by id) added at the end."""
    held = {ev.id for ev in profile.evidence}
    new = [ev for ev in ratings if ev.id not in held]
    return profile.model_copy(update={"evidence": [*profile.evidence, *new]}) if new else profile


# --------------------------------------------------------------------------- the one rule of joining
# A person may be both in the record files (rows, a roster entry, a form's ratings) and a YAML profile. The
# records themselves are joined in :mod:`kmc_gap.model.records`; these three functions say how a record person
# meets a YAML profile of the same id, for the streaming path (``assess``) and the in-memory one (``plan``,
# ``form``, ``calibrate``, ``validate``) alike.


def stands_in(person: RecordPerson) -> bool:
    """Whether a record person only stands in until a YAML profile of the same id is read: a roster entry with
    no rows (the profile is them), or someone only rated on forms (the profile takes their ratings)."""
    return person.roster_only or (rated_only(person) and bool(person.profile.person.id))


def ratings_of(found: RecordSet | None) -> dict[str, tuple[Evidence, ...]]:
    """Join key → the ratings of each person only rated on forms, which join the YAML profile of that id."""
    if found is None:
        return {}
    return {
        join_key(p.profile.person.id): tuple(p.profile.evidence)
        for p in found.people
        if rated_only(p) and p.profile.person.id
    }


def joined(profile: Profile, ratings: Mapping[str, tuple[Evidence, ...]]) -> Profile:
    """A YAML profile with the ratings the run's forms give its person (by id), none twice."""
    key = join_key(profile.person.id) if profile.person.id is not None else None
    return with_ratings(profile, ratings[key]) if key is not None and key in ratings else profile


def read_records(paths: Sequence[Path], std: Standard, options: RecordOptions | None) -> RecordSet | None:
    """Everyone in the record files, forms and roster, read together; None when there are none."""
    if not paths and not (options and options.roster):
        return None  # a run of YAML profiles alone: the records module is not even imported
    from kmc_gap.model.records import RecordOptions, load_records

    return load_records(paths, std, options or RecordOptions())


def load_people(
    paths: Sequence[Path], std: Standard, options: RecordOptions | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> People:
    """Every person in ``paths``, records first; a bad file's problems are returned and the rest are read.

    Roster people with no rows are left out where a YAML profile has them; a person only rated on a
    form joins the YAML profile of the same id.
    """
    out = People()
    found = read_records([p for p in paths if read_together(p)], std, options)
    waiting: list[tuple[Profile, str]] = []  # record people who stand in until a profile of theirs is read
    ratings = ratings_of(found)
    if found is not None:
        out.problems += [p for problems in found.problems.values() for p in problems]
        out.warnings += found.warnings
        for person in found.people:
            (waiting if stands_in(person) else out.profiles).append((person.profile, person.file))
    for path in (path for path in paths if not read_together(path)):
        try:
            profile = load_profile(path, std, shown(path), max_bytes)
        except InputError as exc:
            out.problems += exc.problems
            continue
        out.profiles.append((joined(profile, ratings), shown(path)))
    ids = {join_key(profile.person.id or "") for profile, _ in out.profiles}
    out.profiles += [(profile, file) for profile, file in waiting if join_key(profile.person.id or "") not in ids]
    return out
