"""Hand-worked examples that pin each scoring rule, with the arithmetic in comments."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kmc_gap.engine.report import Report as ReportData
from kmc_gap.engine.rules import years_before
from kmc_gap.engine.scoring import assess
from kmc_gap.model.loading import load_standard
from kmc_gap.model.models import Policy, Profile, named_policy

STD = load_standard()
AS_OF = dt.date(2026, 6, 30)
T53_ITEMS = ["P5.3.1", "P5.3.2", "K07", "K10", "K15", "K16", "S09"]  # T5.3, level 3: 2 P + 4 K + 1 S


def ev(id: str, covers: list[str], level: int = 4, date: str = "2025-01-01", **extra: Any) -> dict[str, Any]:
    return {"id": id, "kind": "training", "title": id, "date": date, "level": level, "covers": covers, **extra}


def run(*evidence: dict[str, Any], policy: Policy | None = None, as_of: dt.date = AS_OF) -> ReportData:
    profile = Profile.model_validate({"standard": STD.code, "person": {"name": "測試"}, "evidence": list(evidence)})
    return assess(profile, STD, policy or Policy(), as_of)


def task(report: ReportData, code: str) -> Any:
    return next(t for t in report["tasks"] if t["code"] == code)


def item(report: ReportData, task_code: str, code: str) -> Any:
    return next(i for i in task(report, task_code)["items"] if i["code"] == code)


def test_level_split_k07_met_for_t53_but_not_t21() -> None:
    # one level-3 course covers K07; T5.3 requires level 3 (3 ≥ 3: met), T2.1 level 4 (3 < 4: unmet)
    r = run(ev("finance", ["K07"], level=3))
    assert item(r, "T5.3", "K07")["met"] is True
    assert item(r, "T2.1", "K07")["met"] is False
    assert item(r, "T2.1", "K07")["best_level"] == 3
    assert item(r, "T2.1", "K07")["evidence"] == []
    assert item(r, "T5.3", "K07")["evidence"] == ["finance"]
    # K07 is listed by 9 tasks and met only in T5.3: 1 of 205 items, 8 tasks left in its gap entry
    assert r["summary"]["items_met"] == 1
    [gap] = [g for g in r["gaps"] if g["code"] == "K07"]
    assert gap["tasks"] == ["T2.1", "T2.2", "T2.3", "T3.1", "T3.2", "T4.1", "T4.2", "T5.2"]
    assert (gap["required_level"], gap["best_level"]) == (4, 3)


def test_task_met_partial_missing_and_coverage() -> None:
    # all 7 items of T5.3 at level 3 → T5.3 met; level 3 is too low for every other task
    r = run(ev("settle", T53_ITEMS, level=3))
    assert task(r, "T5.3")["status"] == "met"
    assert (task(r, "T5.3")["items_met"], task(r, "T5.3")["items_total"]) == (7, 7)
    # T2.1 lists K07 too, but at level 4: nothing of T2.1 is met
    assert task(r, "T2.1")["status"] == "missing"
    # coverage = 7 / 205 = 0.034146… → 0.0341
    assert (r["summary"]["items_met"], r["summary"]["items_total"], r["summary"]["coverage"]) == (7, 205, 0.0341)
    assert (r["summary"]["tasks_met"], r["summary"]["meets_standard"]) == (1, False)
    # one more level-4 item for P2.1.1 makes T2.1 partial: 1 of its 3 P + 2 K + 5 S = 10 items
    r = run(ev("settle", T53_ITEMS, level=3), ev("brief", ["P2.1.1"]))
    assert task(r, "T2.1")["status"] == "partial"
    assert (task(r, "T2.1")["items_met"], task(r, "T2.1")["items_total"]) == (1, 10)


def test_attained_level_is_the_weakest_item() -> None:
    # T5.3 items at levels P5.3.1 5, P5.3.2 4, K07/K10/K15/K16 6, S09 3 → min = 3: met (T5.3 needs 3)
    r = run(
        ev("a", ["P5.3.1"], level=5),
        ev("b", ["P5.3.2"], level=4),
        ev("c", ["K07", "K10", "K15", "K16"], level=6),
        ev("d", ["S09"], level=3),
    )
    assert task(r, "T5.3")["attained_level"] == 3
    assert task(r, "T5.3")["status"] == "met"
    # T2.1 lacks P2.1.1 entirely → attained 0
    assert task(r, "T2.1")["attained_level"] == 0


def test_expiry_counts_up_to_and_including_the_expiry_date() -> None:
    e = ev("cert", T53_ITEMS, level=3, expires="2026-06-30")
    on_the_day = run(e, as_of=dt.date(2026, 6, 30))
    assert on_the_day["evidence"][0]["counted"] is True
    assert task(on_the_day, "T5.3")["status"] == "met"
    day_after = run(e, as_of=dt.date(2026, 7, 1))
    assert (day_after["evidence"][0]["counted"], day_after["evidence"][0]["reason"]) == (False, "expired")
    assert task(day_after, "T5.3")["status"] == "missing"


def test_future_dated_evidence_does_not_count_yet() -> None:
    e = ev("later", T53_ITEMS, level=3, date="2026-07-01")
    assert run(e)["evidence"][0]["reason"] == "future"
    assert task(run(e), "T5.3")["status"] == "missing"
    # dated on the as-of day itself: counts
    assert run(ev("today", T53_ITEMS, level=3, date="2026-06-30"))["evidence"][0]["counted"] is True


def test_max_age_in_calendar_years() -> None:
    policy = Policy(max_age_years=5)
    # as of 2026-06-30, 5 calendar years back is 2021-06-30: that day counts, the day before does not
    assert run(ev("edge", ["K07"], date="2021-06-30"), policy=policy)["evidence"][0]["counted"] is True
    assert run(ev("old", ["K07"], date="2021-06-29"), policy=policy)["evidence"][0]["reason"] == "too_old"
    # 29 February: 2028-02-29 minus 5 years falls back to 2023-02-28
    assert years_before(dt.date(2028, 2, 29), 5) == dt.date(2023, 2, 28)


def test_verification_required_by_the_strict_policy() -> None:
    strict = named_policy("strict")
    unverified = ev("u", T53_ITEMS, level=3)
    verified = ev("v", T53_ITEMS, level=3, verified_by="王經理")
    assert run(unverified, policy=strict)["evidence"][0]["reason"] == "not_verified"
    assert run(verified, policy=strict)["evidence"][0]["counted"] is True
    assert run(unverified)["evidence"][0]["counted"] is True  # the default policy does not ask
    # strict refuses self reports whatever else they have
    own = ev("s", ["K07"], verified_by="自己", kind="self_report")
    assert run(own, policy=strict)["evidence"][0]["reason"] == "kind_not_accepted"


def test_min_evidence_two_takes_the_second_best_level() -> None:
    policy = Policy(min_evidence=2)
    # K07 covered at levels 4 and 3: the 2nd best is 3 → met for T5.3 (3), unmet for T2.1 (4)
    r = run(ev("a", ["K07"], level=4), ev("b", ["K07"], level=3), policy=policy)
    assert item(r, "T5.3", "K07")["met"] is True
    assert item(r, "T2.1", "K07")["met"] is False
    assert item(r, "T2.1", "K07")["best_level"] == 4
    # one item alone is not enough, however high
    r = run(ev("a", ["K07"], level=6), policy=policy)
    assert item(r, "T5.3", "K07")["met"] is False


def test_require_outputs_gates_the_task() -> None:
    r = run(ev("settle", T53_ITEMS, level=3))
    assert task(r, "T5.3")["status"] == "met"
    gated = run(ev("settle", T53_ITEMS, level=3), policy=Policy(require_outputs=True))
    # O5.3.1 is missing: 7 of 8 gating items → partial, attained 0, and O5.3.1 becomes a gap
    assert task(gated, "T5.3")["status"] == "partial"
    assert task(gated, "T5.3")["attained_level"] == 0
    assert "O5.3.1" in [g["code"] for g in gated["gaps"]]
    # coverage still counts P+K+S only
    assert gated["summary"]["items_met"] == 7
    with_output = run(ev("settle", [*T53_ITEMS, "O5.3.1"], level=3), policy=Policy(require_outputs=True))
    assert task(with_output, "T5.3")["status"] == "met"


def _everything(level: int = 4) -> dict[str, Any]:
    codes = [c for t in STD.tasks() for c in t.required_codes()]
    return ev("all", sorted(set(codes)), level=level)


def test_require_attitudes_gates_the_verdict() -> None:
    r = run(_everything())
    assert r["summary"]["meets_standard"] is True
    assert (r["summary"]["items_met"], r["summary"]["coverage"]) == (205, 1.0)
    assert r["summary"]["attitudes_met"] == 0
    gated = run(_everything(), policy=Policy(require_attitudes=True))
    assert gated["summary"]["meets_standard"] is False
    attitudes = ev("att", list(STD.attitudes), level=1)  # the level of attitude evidence does not matter
    assert run(_everything(), attitudes, policy=Policy(require_attitudes=True))["summary"]["meets_standard"] is True


def test_gaps_sorted_by_tasks_blocked() -> None:
    r = run()
    # with no evidence every item is a gap; S04 is listed by 12 tasks, S03 by 11, K07 by 9
    assert [(g["code"], len(g["tasks"])) for g in r["gaps"][:3]] == [("S04", 12), ("S03", 11), ("K07", 9)]
    assert len(r["gaps"]) == 45 + 20 + 19  # every P, K and S once
    assert all(g["best_level"] is None for g in r["gaps"])


@pytest.mark.parametrize("kind", ["training", "certificate", "work_output", "experience", "assessment"])
def test_default_policy_accepts_every_kind(kind: str) -> None:
    assert run(ev("x", ["K07"], kind=kind))["evidence"][0]["counted"] is True


def run_warn(*evidence: dict[str, Any], days: int = 90) -> ReportData:
    profile = Profile.model_validate({"standard": STD.code, "person": {"name": "測試"}, "evidence": list(evidence)})
    return assess(profile, STD, Policy(), AS_OF, warn_days=days)


def test_expiring_evidence_and_the_tasks_it_takes_with_it() -> None:
    # A covers all of T5.3 and expires 2026-07-31: 31 days after the as-of date 2026-06-30
    a = ev("a", T53_ITEMS, level=3, expires="2026-07-31")
    b = ev("b", ["K07"], level=3)  # no expiry: never listed
    r = run_warn(a, b)
    assert r["expiring"] == [
        {"id": "a", "title": "a", "expires": "2026-07-31", "days_left": 31, "tasks_at_risk": ["T5.3"]}
    ]
    assert r["expiring_within_days"] == 90
    assert run_warn(a, b, days=30)["expiring"] == []  # 31 > 30
    assert run_warn(a, b, days=31)["expiring"][0]["days_left"] == 31  # within, on the last day
    # with a lasting copy of the same evidence nothing is at risk
    assert run_warn(a, ev("c", T53_ITEMS, level=3))["expiring"][0]["tasks_at_risk"] == []


def test_expiring_items_are_judged_with_everything_that_lapses_before_them() -> None:
    # A lapses after 2026-07-31, A2 after 2026-08-15; both cover T5.3
    a = ev("a", T53_ITEMS, level=3, expires="2026-07-31")
    a2 = ev("a2", T53_ITEMS, level=3, expires="2026-08-15")
    r = run_warn(a2, a)
    # soonest first; when A lapses A2 still holds T5.3, when A2 lapses A is gone too
    assert [(e["id"], e["tasks_at_risk"]) for e in r["expiring"]] == [("a", []), ("a2", ["T5.3"])]


def test_evidence_that_does_not_count_is_not_listed_as_expiring() -> None:
    lapsed = ev("old", T53_ITEMS, level=3, expires="2026-06-29")  # already expired: does not count
    assert run_warn(lapsed)["expiring"] == []


# --------------------------------------------------------------------------- ratings: the most trusted stands


def rating(id: str, rater: str, level: int, covers: list[str], **extra: Any) -> dict[str, Any]:
    kind = "self_report" if rater == "self" else "assessment"
    return ev(id, covers, level=level, kind=kind, rater=rater, **extra)


def reasons(report: ReportData) -> dict[str, str | None]:
    return {e["id"]: e["reason"] for e in report["evidence"]}


def test_the_most_trusted_rating_stands_whatever_the_levels() -> None:
    # P5.3.1 (T5.3, level 3) rated by all four: self 6, peer 5, manager 2, assessor 3 → the assessor's 3
    # stands (3 ≥ 3: met), the other three are overridden; never the mean (4) nor the best (6)
    r = run(rating("s", "self", 6, ["P5.3.1"]), rating("p", "peer", 5, ["P5.3.1"]),
            rating("m", "manager", 2, ["P5.3.1"]), rating("a", "assessor", 3, ["P5.3.1"]))  # fmt: skip
    assert reasons(r) == {"s": "overridden", "p": "overridden", "m": "overridden", "a": None}
    p = item(r, "T5.3", "P5.3.1")
    assert (p["met"], p["best_level"], p["evidence"]) == (True, 3, ["a"])
    assert [(x["rater"], x["level"], x["stands"]) for x in p["ratings"]] == [
        ("assessor", 3, True), ("manager", 2, False), ("peer", 5, False), ("self", 6, False)]  # fmt: skip


def test_a_manager_s_lower_rating_leaves_the_item_unmet() -> None:
    # self 5 and manager 2 on P5.3.1 (level 3): the manager's 2 stands, 2 < 3: not met
    r = run(rating("s", "self", 5, ["P5.3.1"]), rating("m", "manager", 2, ["P5.3.1"]))
    assert item(r, "T5.3", "P5.3.1")["met"] is False and reasons(r)["s"] == "overridden"


def test_a_rating_that_does_not_count_sets_nothing_aside() -> None:
    # the manager's rating is dated after the as-of date (future): it does not count, so the self rating stands
    r = run(rating("s", "self", 4, ["P5.3.1"]), rating("m", "manager", 2, ["P5.3.1"], date="2027-01-01"))
    assert reasons(r) == {"s": None, "m": "future"} and item(r, "T5.3", "P5.3.1")["met"] is True


def test_training_is_never_set_aside_by_a_rating() -> None:
    # a course covers K07 at level 3 and a manager rated K07 at 2: both count, K07 is met for T5.3 at 3
    r = run(ev("course", ["K07"], level=3), rating("m", "manager", 2, ["K07"]))
    assert reasons(r) == {"course": None, "m": None} and item(r, "T5.3", "K07")["met"] is True


def test_a_rating_of_several_codes_is_set_aside_only_where_a_more_trusted_one_stands() -> None:
    # a self report covers P5.3.1 and P5.3.2 at 4; the manager rated only P5.3.1 (at 2): the self report
    # still counts for P5.3.2 (met at 4) and is set aside on P5.3.1 (the manager's 2: not met)
    r = run(rating("s", "self", 4, ["P5.3.1", "P5.3.2"]), rating("m", "manager", 2, ["P5.3.1"]))
    assert reasons(r)["s"] is None
    assert item(r, "T5.3", "P5.3.1")["met"] is False and item(r, "T5.3", "P5.3.2")["met"] is True


def test_an_assessment_typed_in_a_profile_counts_as_a_manager_s() -> None:
    # no rater: an assessment is a manager's, a self report self's; a peer rating loses to both but self
    r = run(ev("a", ["P5.3.1"], level=3, kind="assessment"), ev("s", ["P5.3.1"], level=5, kind="self_report"),
            rating("p", "peer", 4, ["P5.3.1"]))  # fmt: skip
    assert reasons(r) == {"a": None, "s": "overridden", "p": "overridden"}


@pytest.mark.parametrize("name", ["default", "strict"])
def test_named_policies_are_valid_as_built(name: str) -> None:
    # named_policy skips validation for speed; validating what it built must give the same policy
    built = named_policy(name)
    assert Policy.model_validate(built.model_dump()) == built
