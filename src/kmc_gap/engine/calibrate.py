"""Self and manager side by side: what a calibration talk needs (``kmc-gap calibrate``).

For each person and item rated by two sources or more, each source's rating (the latest, where a
source rated it twice). Self ratings are compared with the most trusted other rating of the same item
(the manager's, where there is one): the items where they differ by two levels or more, worst first
(the talk's agenda); how far each person's self ratings run above or below (the mean difference);
and how well they agree — exact agreement, agreement within one level, and Cohen's kappa with
quadratic weights (1 − Σ w·O / Σ w·E over levels 1–6, w = (i − j)², O the observed share of each pair
of levels, E the share expected from each side's own spread; undefined when E gives no weight, as
when everyone gave the same level). Each rater who is not the person is compared with the team's
other raters: the mean of their ratings less the mean of all other such raters' ratings (leniency).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Annotated

from pydantic import Field
from typing_extensions import TypedDict

from kmc_gap.engine.report import PersonOut
from kmc_gap.engine.rules import MAX_LEVEL, rater_of
from kmc_gap.engine.scoring import person_out
from kmc_gap.model.lookup import order
from kmc_gap.model.models import RATER_RANK, Evidence, Profile, Rater, Standard

#: Self and the other rating differ by this many levels or more: the item is on the talk's agenda.
AGENDA_GAP = 2


class RatedItem(TypedDict):
    """One item of one person, rated by two sources or more."""

    person: PersonOut
    code: str
    ratings: Annotated[dict[Rater, int], Field(description="each source's latest rating of the item")]


class AgendaItem(TypedDict):
    """An item where the self rating and the most trusted other rating differ by two levels or more."""

    person: PersonOut
    code: str
    self_level: int
    other_level: int
    other: Rater
    difference: Annotated[int, Field(description="self minus the other rating: above 0, the person rates higher")]


class PersonBias(TypedDict):
    """How far a person's self ratings run above (positive) or below the other ratings of the same items."""

    person: PersonOut
    items: int
    mean_difference: float


class RaterLeniency(TypedDict):
    """One rater's ratings against those of the team's other raters (self ratings left out)."""

    rater: Annotated[str, Field(description="the rater's name, as written on the form")]
    role: Rater
    ratings: int
    mean_level: float
    others_mean: Annotated[float | None, Field(description="the mean of every other rater's ratings")]
    leniency: Annotated[float | None, Field(description="mean_level − others_mean: above 0, more lenient")]


class Agreement(TypedDict):
    """How well self ratings agree with the most trusted other rating of the same items."""

    pairs: int
    exact: Annotated[float | None, Field(description="share of pairs at the same level")]
    within_one: Annotated[float | None, Field(description="share of pairs at most one level apart")]
    kappa: Annotated[float | None, Field(description="Cohen's kappa, quadratic weights; null when undefined")]


class Calibration(TypedDict):
    """Everything ``kmc-gap calibrate`` shows."""

    format_version: int
    standard: str
    items: list[RatedItem]
    agenda: list[AgendaItem]
    people: list[PersonBias]
    raters: list[RaterLeniency]
    agreement: Agreement


def latest_ratings(evidence: Sequence[Evidence]) -> dict[str, dict[Rater, Evidence]]:
    """Each code's latest rating by each source (items set aside by hand left out)."""
    out: dict[str, dict[Rater, Evidence]] = defaultdict(dict)
    for ev in evidence:
        rater = rater_of(ev)
        if rater is None or ev.exclude:
            continue
        for code in ev.covers:
            held = out[code].get(rater)
            if held is None or ev.date >= held.date:
                out[code][rater] = ev
    return out


def calibrate(profiles: Sequence[Profile], std: Standard) -> Calibration:
    """The calibration of everyone's ratings in ``profiles``."""
    position = order(std)
    items: list[RatedItem] = []
    agenda: list[AgendaItem] = []
    people: list[PersonBias] = []
    pairs: list[tuple[int, int]] = []
    given: dict[tuple[str, Rater], list[int]] = defaultdict(list)
    for profile in profiles:
        person = person_out(profile.person)
        rated = latest_ratings(profile.evidence)
        differences: list[int] = []
        for code in sorted(rated, key=lambda c: position.get(c, len(position))):
            by = rated[code]
            for rater, ev in by.items():
                if rater != Rater.self:
                    given[(ev.verified_by or "", rater)].append(ev.level)
            if len(by) < 2:
                continue
            items.append({"person": person, "code": code, "ratings": {r: by[r].level for r in _ranked(by)}})
            if Rater.self not in by:
                continue
            other = _ranked(by)[0]
            mine, theirs = by[Rater.self].level, by[other].level
            pairs.append((mine, theirs))
            differences.append(mine - theirs)
            if abs(mine - theirs) >= AGENDA_GAP:
                agenda.append(
                    {
                        "person": person,
                        "code": code,
                        "self_level": mine,
                        "other_level": theirs,
                        "other": other,
                        "difference": mine - theirs,
                    }
                )
        if differences:
            people.append({"person": person, "items": len(differences), "mean_difference": _mean(differences)})
    agenda.sort(key=lambda a: (-abs(a["difference"]), a["person"]["id"] or "", position.get(a["code"], 0)))
    return {
        "format_version": 1,
        "standard": std.code,
        "items": items,
        "agenda": agenda,
        "people": people,
        "raters": _leniency(given),
        "agreement": agreement(pairs),
    }


def _ranked(by: dict[Rater, Evidence]) -> list[Rater]:
    """The sources that rated an item, most trusted first, self last."""
    return sorted(by, key=lambda r: -RATER_RANK[r])


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 4)


def _leniency(given: dict[tuple[str, Rater], list[int]]) -> list[RaterLeniency]:
    out: list[RaterLeniency] = []
    for (name, role), levels in sorted(given.items(), key=lambda kv: (kv[0][0], RATER_RANK[kv[0][1]])):
        others = [level for key, values in given.items() if key != (name, role) for level in values]
        mean = _mean(levels)
        others_mean = _mean(others) if others else None
        out.append(
            {
                "rater": name,
                "role": role,
                "ratings": len(levels),
                "mean_level": mean,
                "others_mean": others_mean,
                "leniency": None if others_mean is None else round(mean - others_mean, 4),
            }
        )
    return out


def agreement(pairs: Sequence[tuple[int, int]]) -> Agreement:
    """Exact and within-one agreement of (self, other) level pairs, and their quadratic-weighted kappa."""
    n = len(pairs)
    if n == 0:
        return {"pairs": 0, "exact": None, "within_one": None, "kappa": None}
    exact = sum(a == b for a, b in pairs) / n
    within = sum(abs(a - b) <= 1 for a, b in pairs) / n
    return {"pairs": n, "exact": round(exact, 4), "within_one": round(within, 4), "kappa": kappa(pairs)}


def kappa(pairs: Sequence[tuple[int, int]]) -> float | None:
    """Cohen's kappa with quadratic weights over levels 1–6; None when no disagreement is expected."""
    n = len(pairs)
    levels = range(1, MAX_LEVEL + 1)
    rows = {i: sum(a == i for a, _ in pairs) / n for i in levels}
    cols = {j: sum(b == j for _, b in pairs) / n for j in levels}
    observed = sum((a - b) ** 2 for a, b in pairs) / n
    expected = sum(rows[i] * cols[j] * (i - j) ** 2 for i in levels for j in levels)
    if expected == 0:
        return None
    return round(1 - observed / expected, 4)
