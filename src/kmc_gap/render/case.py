"""`kmc-gap standard --format case`: the whole standard as a 1EdTech CASE package an LMS can load.

One package that three readers accept: the CASE 1.1 package schema, the stricter 1.1 REST
getCFPackage schema and OpenSALT's CASE 1.0 importer. So only the nine association types CASE 1.0
knows, no ``targetType`` on links, no ``extensions`` on rubric classes, integer ``sequenceNumber``,
date-times with a zone, and no ``CFPackage`` wrapper.

The tree: duty ``isChildOf`` the document, task ``isChildOf`` duty, output and indicator
``isChildOf`` task, each with its ``sequenceNumber``; knowledge, skills and attitudes are children
of the document, and each task's K and S requirements are ``isPartOf`` associations (origin K/S,
destination task). A task's level is ``extensions.icapLevel`` and its criterion in the rubric
「iCAP 職能級別」, whose six levels carry the iCAP descriptors. What CASE has no field for (English,
categories, versions, notes) is in ``extensions``, so that the package reads back into the same
standard (:mod:`kmc_gap.model.case`). ``lastChangeDateTime`` is the version's date, never the clock:
an export is the same file every time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kmc_gap.model.case import DOCUMENT_FIELDS, EXTENSION, identifier, item_link, urn
from kmc_gap.model.models import Standard, Task
from kmc_gap.render.base import Renderer
from kmc_gap.render.text import dumps_json
from kmc_gap.words.catalogue import CASE_CREATOR, CASE_ITEM_TYPES, CASE_LEVEL_QUALITY, CASE_RUBRIC_TITLE

#: The zone of an iCAP standard's publication dates (Taiwan).
ZONE = "+08:00"


class CaseRenderer(Renderer[Any]):
    """The run's standard as a CASE package (the view asked for is the whole standard)."""

    def add(self, value: Any) -> None:
        """Write the package."""
        self.out.write(dumps_json(case_package(self.ctx.std)) + "\n")


def changed(std: Standard) -> str:
    """The standard's last change as CASE writes it: its version's date, at midnight in Taiwan."""
    dates = [v.date for v in std.versions if v.code == std.code] or [v.date for v in std.versions]
    day = max(dates) if dates else dt.date(1970, 1, 1)
    return f"{day.isoformat()}T00:00:00{ZONE}"


def case_package(std: Standard) -> dict[str, Any]:
    """The package: document, items, associations, item types and the level rubric."""
    return _Package(std).build()


class _Package:
    def __init__(self, std: Standard) -> None:
        self.std = std
        self.when = changed(std)
        doc_id = std.case.document if std.case is not None else identifier(std.code, "document")
        self.doc_link = {"title": std.name, "identifier": doc_id, "uri": urn(doc_id)}
        self.items: list[dict[str, Any]] = []
        self.associations: list[dict[str, Any]] = []
        self.kinds = {code: entry.kind for code, entry in std.entries.items()}

    def build(self) -> dict[str, Any]:
        std = self.std
        sequence = 0
        for duty in std.duties:
            sequence += 1
            self.item(duty.code, duty.name, _en(name=duty.name_en))
            self.child(duty.code, None, sequence)
            for t, task in enumerate(duty.tasks, 1):
                if task.same_as:  # its items are the task's it shares a block with: named, never repeated
                    self.item(task.code, task.name, {"sameAs": task.same_as, **_en(name=task.name_en)})
                    self.child(task.code, duty.code, t)
                    continue
                self.item(task.code, task.name, {"icapLevel": task.level, **_en(name=task.name_en)})
                self.child(task.code, duty.code, t)
                for o, out in enumerate(task.outputs, 1):
                    extra = {"footnote": out.note} if out.note else {}
                    self.item(out.code, out.name, {**_en(name=out.name_en), **extra})
                    self.child(out.code, task.code, o, _levels(task, out.code))
                for p, ind in enumerate(task.indicators, len(task.outputs) + 1):
                    self.item(ind.code, ind.text, _en(text=ind.text_en))
                    self.child(ind.code, task.code, p, _levels(task, ind.code))
        for items in (std.knowledge, std.skills, std.attitudes):
            for code, entry in items.items():
                sequence += 1
                self.item(
                    code, entry.name, _en(name=entry.name_en, description=entry.description_en), entry.description
                )
                self.child(code, None, sequence)
        for task in (t for t in std.tasks() if not t.same_as):
            for s, code in enumerate([*task.knowledge, *task.skills], 1):
                self.association(code, "isPartOf", task.code, s, _levels(task, code))
        return {
            "CFDocument": self.document(),
            "CFItems": self.items,
            "CFAssociations": self.associations,
            "CFDefinitions": {"CFItemTypes": [self.item_type(kind) for kind in CASE_ITEM_TYPES]},
            "CFRubrics": [self.rubric()],
        }

    def document(self) -> dict[str, Any]:
        std = self.std
        version = next((v for v in std.versions if v.code == std.code), None)
        carried: dict[str, Any] = {
            "level": std.level,
            **std.model_dump(mode="json", include=set(DOCUMENT_FIELDS), exclude_none=True),
        }
        english = {str(level): d.description_en for level, d in std.levels.items() if d.description_en}
        if english:
            carried["levels_en"] = english
        doc: dict[str, Any] = {
            "identifier": self.doc_link["identifier"],
            "uri": self.doc_link["uri"],
            "creator": CASE_CREATOR,
            "title": std.name,
            "lastChangeDateTime": self.when,
            "publisher": CASE_CREATOR,
            "description": std.description,
            "language": "zh-TW",
            "version": version.version if version is not None else std.code,
            "adoptionStatus": "Adopted",
            "notes": std.code,
            "caseVersion": "1.1",
            "extensions": {"code": std.code, EXTENSION: carried},
        }
        if version is not None:
            doc["statusStartDate"] = version.date.isoformat()
        return doc

    def item(self, code: str, statement: str, extensions: dict[str, Any], notes: str | None = None) -> None:
        ident, link = item_link(self.std, code)
        kind = self.kinds[code]
        title = CASE_ITEM_TYPES[kind][0]
        type_id = identifier(self.std.code, f"type:{kind}")
        item: dict[str, Any] = {
            "identifier": ident,
            "uri": link,
            "fullStatement": statement,
            "humanCodingScheme": code,
            "CFItemType": title,
            "CFItemTypeURI": {"title": title, "identifier": type_id, "uri": urn(type_id)},
            "language": "zh-TW",
            "lastChangeDateTime": self.when,
        }
        if notes:
            item["notes"] = notes
        if extensions:
            item["extensions"] = extensions
        self.items.append(item)

    def node(self, code: str | None) -> dict[str, str]:
        if code is None:
            return dict(self.doc_link)
        ident, link = item_link(self.std, code)
        return {"title": code, "identifier": ident, "uri": link}

    def child(self, code: str, parent: str | None, sequence: int, extensions: dict[str, Any] | None = None) -> None:
        self.association(code, "isChildOf", parent, sequence, extensions)

    def association(
        self, origin: str, kind: str, destination: str | None, sequence: int, extensions: dict[str, Any] | None = None
    ) -> None:
        ident = identifier(self.std.code, f"{origin}|{kind}|{destination or 'document'}")
        association: dict[str, Any] = {
            "identifier": ident,
            "uri": urn(ident),
            "associationType": kind,
            "sequenceNumber": sequence,
            "originNodeURI": self.node(origin),
            "destinationNodeURI": self.node(destination),
            "lastChangeDateTime": self.when,
        }
        if extensions:
            association["extensions"] = extensions
        self.associations.append(association)

    def item_type(self, kind: str) -> dict[str, Any]:
        title, hierarchy, description, _ = CASE_ITEM_TYPES[kind]
        ident = identifier(self.std.code, f"type:{kind}")
        return {
            "identifier": ident,
            "uri": urn(ident),
            "title": title,
            "description": description,
            "hierarchyCode": hierarchy,
            "typeCode": kind,
            "lastChangeDateTime": self.when,
        }

    def rubric(self) -> dict[str, Any]:
        std = self.std
        rubric_id = identifier(std.code, "rubric")
        criteria = []
        for position, task in enumerate(std.tasks(), 1):
            crit_id = identifier(std.code, f"criterion|{task.code}")
            ident, link = item_link(std, task.code)
            levels = []
            for level in range(1, 7):
                level_id = identifier(std.code, f"level|{task.code}|{level}")
                descriptor = std.levels.get(level)
                entry: dict[str, Any] = {
                    "identifier": level_id,
                    "uri": urn(level_id),
                    "quality": CASE_LEVEL_QUALITY.format(level=level),
                    "score": level,
                    "position": level,
                    "rubricCriterionId": crit_id,
                    "lastChangeDateTime": self.when,
                }
                if descriptor is not None:
                    entry["description"] = descriptor.description
                levels.append(entry)
            criteria.append(
                {
                    "identifier": crit_id,
                    "uri": urn(crit_id),
                    "category": task.code,
                    "description": task.name,
                    "CFItemURI": {"title": task.code, "identifier": ident, "uri": link},
                    "position": position,
                    "rubricId": rubric_id,
                    "lastChangeDateTime": self.when,
                    "CFRubricCriterionLevels": levels,
                }
            )
        return {
            "identifier": rubric_id,
            "uri": urn(rubric_id),
            "title": CASE_RUBRIC_TITLE,
            "description": CASE_RUBRIC_TITLE,
            "lastChangeDateTime": self.when,
            "CFRubricCriteria": criteria,
        }


def _en(**texts: str | None) -> dict[str, str]:
    """The English texts kmc-gap carries in an item's extensions: ``nameEn``, ``textEn``, ``descriptionEn``."""
    return {f"{key}En": value for key, value in texts.items() if value}


def _levels(task: Task, code: str) -> dict[str, Any] | None:
    """In a task of several competency blocks, the levels of the blocks an item stands in, carried on its
    association with the task (``icapLevels``): the hierarchy stays the published one, and a tool that
    knows nothing of blocks reads the task as before. A one-block task's associations carry nothing."""
    if len(task.competency) < 2:
        return None
    return {"icapLevels": [b.level for b in task.competency if b.holds(code)]}
