"""`kmc-gap plan`: the exact model, pinned on cases where a greedy choice is wrong, and checked by brute force."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from typing import Any

import pytest
from plan_cases import course, everything_but

from kmc_gap.engine.plan import PlanOptions, as_evidence, make_plan
from kmc_gap.engine.report import Plan
from kmc_gap.engine.scoring import assess
from kmc_gap.model.loading import load_standard
from kmc_gap.model.models import Catalog, Policy, Profile

STD = load_standard()
AS_OF = dt.date(2026, 6, 30)
GAP_CODES = {"K12", "K13", "K14", "S13", "S14", "S15"}  # each listed only by level-4 tasks


def one(profile: Profile, catalog: Catalog, policy: Policy | None = None, **options: Any) -> Plan:
    return make_plan([("p", profile, None)], STD, policy or Policy(), AS_OF, catalog, options=PlanOptions(**options))


def team(profiles: dict[str, Profile], catalog: Catalog, **options: Any) -> Plan:
    people = [(key, prof, None) for key, prof in profiles.items()]
    return make_plan(people, STD, Policy(), AS_OF, catalog, options=PlanOptions(**options))


def chosen(plan: Plan) -> list[str]:
    return [c["code"] for c in plan["courses"]]


def tasks_of(code: str) -> list[str]:
    return [t.code for t in STD.tasks() if code in t.required_codes()]


# BIG covers four of the six gaps, P and Q three each, so greedy takes BIG first and then still
# needs P (for K12) and Q (for S15): 3 courses. The exact plan is {P, Q}: 2 courses. P2 equals
# P but takes 30 hours instead of 20, so the tie on course count goes to P (40 h against 50 h).
TRAP = Catalog.model_validate(
    {
        "courses": [
            course("BIG", ["K13", "K14", "S13", "S14"], hours=40),
            course("P2", ["K12", "K13", "K14"], hours=30),
            course("P", ["K12", "K13", "K14"], hours=20),
            course("Q", ["S13", "S14", "S15"], hours=20),
        ]
    }
)


# --------------------------------------------------------------------------- brute force

CODES = ["K13", "K14", "S13", "S14", "K12"]


def _random_case(seed: int) -> tuple[dict[str, Profile], Catalog, Policy, dict[str, Any]]:
    rnd = random.Random(seed)
    people = {
        f"P{i}": everything_but(set(rnd.sample(CODES, rnd.randint(1, 3))), f"P{i}") for i in range(rnd.randint(1, 2))
    }
    courses = [
        course(
            f"C{i}",
            rnd.sample(CODES, rnd.randint(1, 3)),
            hours=rnd.choice([0, 5, 10, 20]),
            level=rnd.choice([3, 4, 4, 5]),
            cost=rnd.choice([0, 50, 100, 200]),
            seat_cost=rnd.choice([0, 0, 30]),
        )
        for i in range(rnd.randint(2, 5))
    ]
    options: dict[str, Any] = {}
    if rnd.random() < 0.6:
        options["budget"] = rnd.choice([100, 150, 250, 400])
    if rnd.random() < 0.3:
        options["max_hours"] = rnd.choice([10, 20])
    return people, Catalog.model_validate({"courses": courses}), Policy(min_evidence=rnd.choice([1, 1, 2])), options


def _needs(report: Any, policy: Policy) -> set[tuple[str, int]]:
    """(item, level) pairs unmet in a report: the person's gaps, read from the scoring engine."""
    return {
        (i["code"], t["level"])
        for t in report["tasks"]
        for i in t["items"] + (t["outputs"] if policy.require_outputs else [])
        if not i["met"]
    }


def _outcome(profile: Profile, taken: tuple[Any, ...], policy: Policy) -> tuple[int, int, float]:
    """Tasks newly met, gaps closed and hours, for one person attending ``taken`` (scored by assess)."""
    before = assess(profile, STD, policy, AS_OF)
    extra = [as_evidence(c, AS_OF) for c in taken]
    after = assess(profile.model_copy(update={"evidence": [*profile.evidence, *extra]}), STD, policy, AS_OF)
    met = {t["code"] for t in before["tasks"] if t["status"] == "met"}
    gained = sum(t["status"] == "met" and t["code"] not in met for t in after["tasks"])
    closed = len(_needs(before, policy) - _needs(after, policy))
    return gained, closed, sum(c.hours for c in taken)


def _brute_force(
    people: dict[str, Profile], catalog: Catalog, policy: Policy, options: dict[str, Any]
) -> tuple[Any, ...]:
    """The lexicographically best (tasks, gaps, −spend, −hours, −seats) over every choice of courses and seats."""
    courses = catalog.courses
    single = len(people) == 1 and "budget" not in options
    cache: dict[tuple[str, tuple[int, ...]], tuple[int, int, float]] = {}
    best: tuple[Any, ...] | None = None
    for run in itertools.chain.from_iterable(
        itertools.combinations(range(len(courses)), k) for k in range(len(courses) + 1)
    ):
        subsets = [s for k in range(len(run) + 1) for s in itertools.combinations(run, k)]
        for seats in itertools.product(subsets, repeat=len(people)):
            if set(run) != set().union(*map(set, seats)) and run:
                continue  # a course nobody attends is never worth running
            spend = sum(courses[c].cost or 0 for c in run) + sum(courses[c].seat_cost or 0 for s in seats for c in s)
            if "budget" in options and spend > options["budget"] + 1e-9:
                continue
            tasks = gaps = 0
            hours = 0.0
            feasible = True
            for key, chosen_seats in zip(people, seats, strict=True):
                if (key, chosen_seats) not in cache:
                    cache[(key, chosen_seats)] = _outcome(people[key], tuple(courses[c] for c in chosen_seats), policy)
                t, g, h = cache[(key, chosen_seats)]
                if "max_hours" in options and h > options["max_hours"]:
                    feasible = False
                tasks, gaps, hours = tasks + t, gaps + g, hours + h
            if not feasible:
                continue
            key_value = (tasks, gaps, -(len(run) if single else spend), -hours)
            best = key_value if best is None or key_value > best else best
    assert best is not None
    return best


def test_one_person_fewest_courses_where_greedy_takes_three() -> None:
    plan = one(everything_but(GAP_CODES), TRAP)
    assert (plan["objective"], plan["optimal"], plan["mip_gap"]) == ("fewest_courses", True, 0.0)
    assert chosen(plan) == ["P", "Q"]
    assert plan["total_hours"] == 40
    # every gap closed: 205 items met and the standard met
    assert (plan["before"]["meets_standard"], plan["after"]["meets_standard"]) == (False, True)
    assert plan["after"]["items_met"] == 205
    assert plan["people"][0]["unclosable"] == []


def test_course_shows_what_it_closes() -> None:
    plan = one(everything_but(GAP_CODES | {"K15"}), TRAP)
    # K15 has no course here; P closes K12, K13, K14 in every task that lists them
    p = plan["courses"][0]
    assert p["code"] == "P"
    assert p["closes"] == [  # codes only: names are the renderers' business
        {"code": "K12", "tasks": ["T2.3", "T4.2", "T4.3"]},
        {"code": "K13", "tasks": ["T3.1", "T3.2", "T3.4", "T4.1", "T4.2"]},
        {"code": "K14", "tasks": ["T3.1", "T3.2", "T3.3", "T3.4", "T4.2"]},
    ]
    # K15 is listed by level-4 tasks and by T5.3 (level 3): two unclosable entries, one per level
    assert [(g["code"], g["required_level"], g["tasks"]) for g in plan["people"][0]["unclosable"]] == [
        ("K15", 3, ["T5.3"]),
        ("K15", 4, ["T3.2", "T3.3", "T3.4"]),
    ]


def test_unclosable_gaps_with_their_reasons() -> None:
    catalog = Catalog.model_validate({"courses": [course("LOW", ["K13"], level=3), course("S", ["S13"])]})
    plan = one(everything_but({"K13", "S13", "P3.4.1"}), catalog)
    assert chosen(plan) == ["S"]
    reasons = {(g["code"], g["required_level"]): g["reason"] for g in plan["people"][0]["unclosable"]}
    assert reasons == {("P3.4.1", 4): "no_course", ("K13", 4): "level_too_low"}


def test_min_evidence_two_needs_two_courses_per_item() -> None:
    # the profile holds one counting item for everything; min_evidence 2 wants one more each,
    # so the gap K13 needs one more course and a catalogue with a single K13 course closes it
    catalog = Catalog.model_validate({"courses": [course("A", ["K13"]), course("B", ["K13"])]})
    plan = one(everything_but(set()), catalog, Policy(min_evidence=2))
    assert len(chosen(plan)) == 1
    # an item with no counting evidence at all needs two courses: both are taken
    plan = one(everything_but({"K13"}), catalog, Policy(min_evidence=2))
    assert chosen(plan) == ["A", "B"]


def test_large_catalogues_are_solved_exactly() -> None:
    # 300 courses (no search limit any more): the one with the fewest hours is the answer
    many = [course(f"X{i:03d}", ["K13"], hours=300 - i) for i in range(300)]
    plan = one(everything_but({"K13"}), Catalog.model_validate({"courses": many}))
    assert plan["optimal"] is True
    assert chosen(plan) == ["X299"]  # 1 hour


def test_team_cheap_course_for_many_beats_an_expensive_one() -> None:
    # A lacks K13 and S13; B and C lack K13. BIG closes both for 500; K (K13) and S (S13) cost 100 each.
    # Planning A alone first takes BIG (one course closes both of A's gaps), and B and C join it: 500.
    # The team plan runs K for all three and S for A: 100 + 100 = 200.
    catalog = Catalog.model_validate(
        {
            "courses": [
                course("BIG", ["K13", "S13"], cost=500),
                course("K", ["K13"], cost=100),
                course("S", ["S13"], cost=100),
            ]
        }
    )
    people = {
        "A": everything_but({"K13", "S13"}, "A"),
        "B": everything_but({"K13"}, "B"),
        "C": everything_but({"K13"}, "C"),
    }
    plan = team(people, catalog)
    assert plan["objective"] == "team" and plan["optimal"] is True
    assert chosen(plan) == ["K", "S"]
    assert [c["attendees"] for c in plan["courses"]] == [["A", "B", "C"], ["A"]]
    assert plan["total_cost"] == 200
    assert all(p["after"]["meets_standard"] for p in plan["people"])


def test_budget_forces_the_choice_of_two_tasks_over_one() -> None:
    one_task, two_tasks = "S16", "S15"  # S16 is listed only by T4.1; S15 by T3.2 and T3.4
    assert (tasks_of(one_task), tasks_of(two_tasks)) == (["T4.1"], ["T3.2", "T3.4"])
    # X closes one task for 100; Y closes two for 250. With 250 to spend, taking the better value
    # first (X: 1 task per 100 against Y: 0.8 per 100) leaves 150, too little for Y: 1 task.
    # The exact plan spends it all on Y: 2 tasks.
    catalog = Catalog.model_validate(
        {"courses": [course("X", [one_task], cost=100), course("Y", [two_tasks], cost=250)]}
    )
    plan = one(everything_but({one_task, two_tasks}), catalog, budget=250)
    assert plan["objective"] == "team"
    assert chosen(plan) == ["Y"]
    assert plan["people"][0]["tasks_gained"] == tasks_of(two_tasks)
    # with the money for both, both are run
    assert chosen(one(everything_but({one_task, two_tasks}), catalog, budget=350)) == ["X", "Y"]


def test_seat_cost_changes_the_answer() -> None:
    # FLAT costs 300 to run; SEATS costs 150 a seat. For three people FLAT (300) beats SEATS (450);
    # for one person SEATS (150) beats FLAT (300).
    catalog = Catalog.model_validate(
        {"courses": [course("FLAT", ["K13"], cost=300), course("SEATS", ["K13"], seat_cost=150)]}
    )
    three = team({k: everything_but({"K13"}, k) for k in "ABC"}, catalog)
    assert chosen(three) == ["FLAT"] and three["total_cost"] == 300
    single = one(everything_but({"K13"}), catalog, budget=1000)
    assert chosen(single) == ["SEATS"] and single["total_cost"] == 150


def test_max_hours_binds() -> None:
    # BOTH closes K13 and S13 in 30 hours for 100; K and S take 10 hours each for 100 each.
    # Cheapest is BOTH; with at most 20 hours a person it is K and S (200).
    catalog = Catalog.model_validate(
        {
            "courses": [
                course("BOTH", ["K13", "S13"], hours=30, cost=100),
                course("K", ["K13"], hours=10, cost=100),
                course("S", ["S13"], hours=10, cost=100),
            ]
        }
    )
    people = {"A": everything_but({"K13", "S13"}, "A"), "B": everything_but({"K13", "S13"}, "B")}
    assert chosen(team(people, catalog)) == ["BOTH"]
    capped = team(people, catalog, max_hours=20)
    assert chosen(capped) == ["K", "S"] and capped["total_cost"] == 200
    assert all(p["hours"] <= 20 for p in capped["people"])


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(25))
def test_random_cases_match_an_independent_brute_force(seed: int) -> None:
    people, catalog, policy, options = _random_case(seed)
    plan = make_plan(
        [(k, p, None) for k, p in people.items()], STD, policy, AS_OF, catalog, options=PlanOptions(**options)
    )
    assert plan["optimal"] is True
    courses = {c.code: c for c in catalog.courses}
    single = plan["objective"] == "fewest_courses"
    tasks = gaps = 0
    hours = 0.0
    for person in plan["people"]:
        t, g, h = _outcome(people[person["key"]], tuple(courses[c] for c in person["courses"]), policy)
        tasks, gaps, hours = tasks + t, gaps + g, hours + h
        if "max_hours" in options:
            assert h <= options["max_hours"]
    if "budget" in options:
        assert plan["total_cost"] <= options["budget"]
    got = (tasks, gaps, -(len(plan["courses"]) if single else plan["total_cost"]), -hours)
    assert got == _brute_force(people, catalog, policy, options)


def test_a_plan_stopped_by_the_time_limit_says_so() -> None:
    from kmc_gap.render.base import RenderContext
    from kmc_gap.render.plan import to_markdown

    plan = one(everything_but({"K13"}), Catalog.model_validate({"courses": [course("K", ["K13"])]}))
    plan["optimal"], plan["mip_gap"] = False, 0.125
    zh = to_markdown(plan, RenderContext(STD, "zh-TW"))
    en = to_markdown(plan, RenderContext(STD, "en"))
    assert "差距至多 12.5%" in zh
    assert "the best plan found, within 12.5% of the optimum" in en


def test_the_time_limit_keeps_the_best_plan_found() -> None:
    """Stopped long before it could finish, the solver still returns a plan within the limits, marked not proven."""
    rnd = random.Random(5)
    codes = [*CODES, "K15", "K16", "S15", "S16"]
    people = {f"P{i}": everything_but(set(rnd.sample(codes, 4)), f"P{i}") for i in range(30)}
    courses = [course(f"C{i}", rnd.sample(codes, 3), cost=rnd.randrange(100, 1000, 50)) for i in range(60)]
    plan = team(people, Catalog.model_validate({"courses": courses}), budget=1500, time_limit=1e-6)
    assert plan["optimal"] is False
    assert plan["mip_gap"] is None or plan["mip_gap"] > 0
    assert plan["total_cost"] <= 1500


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("180000", 180000.0),
        ("180,000", 180000.0),
        ("NT$180,000", 180000.0),
        ("１８０，０００", 180000.0),
        ("180000元", 180000.0),
    ],
)
def test_the_budget_is_read_as_the_catalogue_reads_money(written: str, amount: float) -> None:
    from kmc_gap.api.inputs import amount as read_amount

    assert read_amount("--budget", written) == amount


def test_a_certificate_without_its_exam_fee_is_never_a_free_course() -> None:
    """CERT-MICE closes K12 for nothing and no hours if it were a course; it is an exam, so without a fee
    it is left out (and said to be), and the course C-K12 is planned instead."""
    profile = everything_but({"K12"})
    free = {"code": "CERT-MICE", "title": "MICE 專業人員證照", "kind": "certificate", "level": 4, "covers": ["K12"]}
    catalog = Catalog.model_validate({"courses": [free, course("C-K12", ["K12"], cost=5000)]})
    plan = one(profile, catalog)
    assert chosen(plan) == ["C-K12"] and plan["not_planned"] == ["CERT-MICE"]
    priced = Catalog.model_validate({"courses": [{**free, "seat_cost": 3000}, course("C-K12", ["K12"], cost=5000)]})
    plan = one(profile, priced, budget=10000)
    assert chosen(plan) == ["CERT-MICE"] and plan["not_planned"] == []  # the exam fee, 3,000, is cheaper
    assert plan["courses"][0]["kind"] == "certificate" and plan["total_cost"] == 3000
