"""The standard as a 1EdTech CASE package: what three readers accept, read back as the same standard.

The schemas are 1EdTech's and OpenSALT's own, copied unmodified into ``tests/interop/`` (see its
SOURCES.md); formats (``uri``, ``date-time``) are checked, so a date-time without a zone fails.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from case_schemas import SCHEMAS, validator, write_package

from kmc_gap.model.case import identifier, load_case
from kmc_gap.model.loading import bundled_standard_path, load_standard
from kmc_gap.model.problems import InputError
from kmc_gap.render.case import case_package

from conftest import TESTS

INTEROP = TESTS / "interop"

CASE_1_0_TYPES = {
    "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo", "replacedBy", "exemplar",
    "hasSkillLevel",
}  # fmt: skip


# --------------------------------------------------------------------------- reading a package back


# --------------------------------------------------------------------------- bad packages: located, exit 2


def _problems(tmp_path: Path, package: Any) -> list[str]:
    path = tmp_path / "bad.json"
    path.write_text(package if isinstance(package, str) else json.dumps(package, ensure_ascii=False), "utf-8")
    with pytest.raises(InputError) as caught:
        load_case(path, "bad.json")
    return [p.format("en") for p in caught.value.problems]


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_export_validates_against_each_schema(package: dict[str, Any], name: str) -> None:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(package)]
    assert errors == []


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_schema_refuses_a_date_time_without_its_zone(package: dict[str, Any], name: str) -> None:
    """The check can fail: the same package with one zone-less date-time is refused by every schema."""
    bad = copy.deepcopy(package)
    bad["CFItems"][0]["lastChangeDateTime"] = "2023-12-15T00:00:00"
    assert list(validator(name).iter_errors(bad))


def test_one_item_per_code_with_the_standards_own_words(package: dict[str, Any]) -> None:
    std = load_standard()
    items = {item["humanCodingScheme"]: item for item in package["CFItems"]}
    assert list(items) == list(std.entries)  # every code once, in the standard's order
    task = next(t for t in std.tasks() if t.code == "T2.3")
    assert items["T2.3"]["fullStatement"] == task.name
    assert items["T2.3"]["extensions"]["icapLevel"] == task.level
    assert items[task.indicators[0].code]["fullStatement"] == task.indicators[0].text
    assert items["A01"]["notes"] == std.attitudes["A01"].description
    kinds = {item["CFItemType"] for item in package["CFItems"]}
    assert kinds == {"工作職責", "工作任務", "行為指標", "工作產出", "知識", "技能", "態度"}
    titles = {t["title"] for t in package["CFDefinitions"]["CFItemTypes"]}
    assert kinds == titles
    type_ids = {t["identifier"] for t in package["CFDefinitions"]["CFItemTypes"]}
    assert {item["CFItemTypeURI"]["identifier"] for item in package["CFItems"]} == type_ids


def test_tree_and_requirements_are_the_yamls(package: dict[str, Any]) -> None:
    std = load_standard()
    code_of = {item["identifier"]: item["humanCodingScheme"] for item in package["CFItems"]}
    doc = package["CFDocument"]["identifier"]
    code_of[doc] = "document"
    assocs = package["CFAssociations"]
    assert {a["associationType"] for a in assocs} <= CASE_1_0_TYPES
    assert all(type(a["sequenceNumber"]) is int for a in assocs)
    parent = {
        code_of[a["originNodeURI"]["identifier"]]: code_of[a["destinationNodeURI"]["identifier"]]
        for a in assocs
        if a["associationType"] == "isChildOf"
    }
    for duty in std.duties:
        assert parent[duty.code] == "document"
        for task in duty.tasks:
            assert parent[task.code] == duty.code
            assert {parent[o.code] for o in task.outputs} | {parent[p.code] for p in task.indicators} == {task.code}
    parts = [
        (code_of[a["destinationNodeURI"]["identifier"]], a["sequenceNumber"], code_of[a["originNodeURI"]["identifier"]])
        for a in assocs
        if a["associationType"] == "isPartOf"
    ]
    expected = [(t.code, i, code) for t in std.tasks() for i, code in enumerate([*t.knowledge, *t.skills], 1)]
    assert sorted(parts) == sorted(expected)


def test_levels_rubric_has_a_criterion_per_task_with_the_six_descriptors(package: dict[str, Any]) -> None:
    std = load_standard()
    (rubric,) = package["CFRubrics"]
    assert rubric["title"] == "iCAP 職能級別"
    items = {item["identifier"]: item["humanCodingScheme"] for item in package["CFItems"]}
    criteria = rubric["CFRubricCriteria"]
    assert [items[c["CFItemURI"]["identifier"]] for c in criteria] == [t.code for t in std.tasks()]
    levels = criteria[0]["CFRubricCriterionLevels"]
    assert [(lv["position"], lv["score"]) for lv in levels] == [(n, n) for n in range(1, 7)]
    assert [lv["description"] for lv in levels] == [std.levels[n].description for n in range(1, 7)]


def test_document_names_the_standard_and_dates_from_its_version(package: dict[str, Any]) -> None:
    doc = package["CFDocument"]
    assert (doc["title"], doc["language"], doc["caseVersion"]) == ("活動 (專案) 行銷企劃人員", "zh-TW", "1.1")
    assert doc["creator"] == "勞動部勞動力發展署"
    assert doc["extensions"]["code"] == "KMC3332-001v3"
    assert doc["lastChangeDateTime"] == "2023-12-15T00:00:00+08:00"  # version V3 of 2023-12-15, not the clock
    assert "CFPackage" not in package


def test_identifiers_are_fixed_lower_case_and_scoped_by_the_standard(package: dict[str, Any], tmp_path: Path) -> None:
    again = case_package(load_standard())
    assert again == package
    ids = [item["identifier"] for item in package["CFItems"]] + [a["identifier"] for a in package["CFAssociations"]]
    assert len(set(ids)) == len(ids) and all(i == i.lower() for i in ids)
    assert package["CFItems"][0]["identifier"] == identifier("KMC3332-001v3", "T1")
    other = tmp_path / "other.yaml"
    other.write_text(bundled_standard_path().read_text("utf-8").replace("KMC3332-001v3", "KMC3332-001v4"), "utf-8")
    theirs = case_package(load_standard(other))
    assert not {i["identifier"] for i in theirs["CFItems"]} & {i["identifier"] for i in package["CFItems"]}


def test_every_uri_is_the_urn_of_its_identifier(package: dict[str, Any]) -> None:
    """Absolute, stable, with no API version in them: what a badge can cite."""
    objects = [package["CFDocument"], *package["CFItems"], *package["CFAssociations"]]
    objects += package["CFDefinitions"]["CFItemTypes"] + package["CFRubrics"]
    for criterion in package["CFRubrics"][0]["CFRubricCriteria"]:
        objects += [criterion, *criterion["CFRubricCriterionLevels"]]
    assert [o["uri"] for o in objects] == [f"urn:uuid:{o['identifier']}" for o in objects]
    assert "v1p1" not in json.dumps(package)


def test_package_reads_back_as_the_same_standard(package: dict[str, Any], tmp_path: Path) -> None:
    read = load_standard(write_package(tmp_path, package))
    assert read.model_dump() == load_standard().model_dump()
    assert read.case is not None and read.case.identifiers["T1"] == identifier("KMC3332-001v3", "T1")


def test_a_case_1_0_package_with_parentless_roots_reads_the_same(package: dict[str, Any], tmp_path: Path) -> None:
    """CASE 1.0 as OpenCASE and OpenSALT serve it.

    Link fields 1.1 forbids, string sequence numbers, no parent for top-level items.
    """
    old = copy.deepcopy(package)
    doc = old["CFDocument"]
    link = {"title": doc["title"], "identifier": doc["identifier"], "uri": doc["uri"]}
    doc["CFPackageURI"] = link
    del doc["caseVersion"]
    for item in old["CFItems"]:
        item["CFDocumentURI"] = link
    to_document = [a for a in old["CFAssociations"] if a["destinationNodeURI"]["identifier"] == doc["identifier"]]
    old["CFAssociations"] = [a for a in old["CFAssociations"] if a not in to_document]
    for assoc in old["CFAssociations"]:
        assoc["sequenceNumber"] = str(assoc["sequenceNumber"])
        assoc["CFDocumentURI"] = link
    assert load_standard(write_package(tmp_path, old)).model_dump() == load_standard().model_dump()


def test_broken_json_is_located_by_line_and_column(tmp_path: Path) -> None:
    assert _problems(tmp_path, '{\n  "CFDocument": {,\n}') == ["bad.json:2:18: JSON syntax error"]


def test_duplicate_identifier_names_both_items(package: dict[str, Any], tmp_path: Path) -> None:
    bad = copy.deepcopy(package)
    bad["CFItems"][5]["identifier"] = bad["CFItems"][2]["identifier"]
    found, *_ = _problems(tmp_path, bad)  # then the associations of the item whose identifier was lost
    code = bad["CFItems"][5]["humanCodingScheme"]
    assert found == (
        f"bad.json: CFItems/5 ({code}): identifier {bad['CFItems'][2]['identifier']} is already used by CFItems/2"
    )


def test_a_cycle_of_parents_is_refused(package: dict[str, Any], tmp_path: Path) -> None:
    bad = copy.deepcopy(package)
    ids = {item["humanCodingScheme"]: item["identifier"] for item in bad["CFItems"]}
    duty = next(a for a in bad["CFAssociations"] if a["originNodeURI"]["identifier"] == ids["T1"])
    duty["destinationNodeURI"] = {"title": "T1.1", "identifier": ids["T1.1"], "uri": "urn:uuid:" + ids["T1.1"]}
    found = _problems(tmp_path, bad)
    assert any("isChildOf goes round in a cycle: T1 → T1.1 → T1" in p or "T1.1 → T1 → T1.1" in p for p in found)


def test_a_dangling_endpoint_is_named(package: dict[str, Any], tmp_path: Path) -> None:
    bad = copy.deepcopy(package)
    i = next(i for i, a in enumerate(bad["CFAssociations"]) if a["associationType"] == "isPartOf")
    missing = "00000000-0000-5000-8000-000000000000"
    bad["CFAssociations"][i]["destinationNodeURI"]["identifier"] = missing
    (found,) = _problems(tmp_path, bad)
    assert found.startswith(f"bad.json: CFAssociations/{i}: ")
    assert found.endswith(f"the association's destinationNodeURI names {missing}, which the package does not have")


def test_missing_fields_and_levels_are_located(package: dict[str, Any], tmp_path: Path) -> None:
    bad = copy.deepcopy(package)
    index = {item["humanCodingScheme"]: i for i, item in enumerate(bad["CFItems"])}
    del bad["CFItems"][index["P1.1.1"]]["fullStatement"]
    del bad["CFItems"][index["T2.2"]]["extensions"]["icapLevel"]
    found = _problems(tmp_path, bad)
    assert f"bad.json: CFItems/{index['P1.1.1']} (P1.1.1) lacks the field fullStatement" in found
    bad["CFItems"][index["P1.1.1"]]["fullStatement"] = "x"
    found = _problems(tmp_path, bad)
    assert found == [
        f"bad.json: CFItems/{index['T2.2']} (T2.2): the task has no iCAP level "
        "(extensions.icapLevel, or a CFRubricCriterion with one level)"
    ]


def test_a_one_level_criterion_gives_the_tasks_level(package: dict[str, Any], tmp_path: Path) -> None:
    """The level read from a rubric where a criterion has the task's one level, as other exporters write it."""
    alt = copy.deepcopy(package)
    criterion = next(c for c in alt["CFRubrics"][0]["CFRubricCriteria"] if c["category"] == "T2.2")
    criterion["CFRubricCriterionLevels"] = [{**criterion["CFRubricCriterionLevels"][2]}]  # level 3 only
    item = next(i for i in alt["CFItems"] if i["humanCodingScheme"] == "T2.2")
    del item["extensions"]["icapLevel"]
    task = next(t for t in load_standard(write_package(tmp_path, alt)).tasks() if t.code == "T2.2")
    assert task.level == 3


def test_a_framework_without_icap_tasks_is_refused(tmp_path: Path) -> None:
    """OpenSALT's real CCSS math export: items with no task and no level, so not something to assess against."""
    real = INTEROP / "examples" / "case" / "opensalt-what-standards-could-be.json"
    with pytest.raises(InputError) as caught:
        load_case(real, "ccss.json")
    (problem,) = caught.value.problems
    assert problem.key == "case.not_icap"


def test_a_misplaced_task_is_located(package: dict[str, Any], tmp_path: Path) -> None:
    bad = copy.deepcopy(package)
    ids = {item["humanCodingScheme"]: item["identifier"] for item in bad["CFItems"]}
    task = next(a for a in bad["CFAssociations"] if a["originNodeURI"]["identifier"] == ids["T1.1"])
    task["destinationNodeURI"] = dict(bad["CFAssociations"][0]["destinationNodeURI"])  # the document
    found = _problems(tmp_path, bad)
    assert any("(T1.1): its parent CFDocument does not fit the standard's levels" in p for p in found)


@pytest.mark.parametrize("text", ["[]", '{"CFPackage": 3}', '{"title": "x"}'])
def test_json_that_is_no_package_is_refused(tmp_path: Path, text: str) -> None:
    assert _problems(tmp_path, text) == ["bad.json: not a CASE package: there is no CFDocument"]
