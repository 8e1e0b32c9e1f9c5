"""A standard as a 1EdTech CASE package: the identifiers both ways share, and reading a package back.

**Identifiers.** Every CASE identifier is a UUID 5 over kmc-gap's own namespace, the standard's
code and the item's code (an association: origin, type and destination), so that an export is
the same on every machine and every run, and another standard's items never share one (OpenSALT
refuses an identifier another document already uses). URIs are ``urn:uuid:<identifier>``: absolute,
stable, with no API version in them, since badges cite them. A package read from a CASE server
keeps its own identifiers and URIs (:class:`~kmc_gap.model.models.CaseLinks`), and an export of it
writes them again.

**Reading a package** (CASE 1.1, and 1.0 with its ``CFPackageURI``/``CFDocumentURI`` and parentless
roots). The rule for what is an iCAP item: its ``CFItemType`` is one of the standard's seven kinds
(工作職責, 工作任務, 工作產出, 行為指標, 知識, 技能, 態度, or the English Duty, Task…), or else its
``humanCodingScheme`` has an iCAP code's shape (T1, T1.1, O1.1.1, P1.1.1, K01, S01, A01). Duties,
tasks, outputs and indicators hang by ``isChildOf`` (origin = child); a task's knowledge and skills
are the K/S items ``isPartOf`` it. A task's level is ``extensions.icapLevel``, or the one level of
its criterion in a rubric. A framework with no such tasks (Common Core, ACT) is refused: kmc-gap
assesses against competency standards, and a level is never guessed. What CASE has no field for
(categories, versions, notes, English) travels in ``extensions``; without it the standard is read
with what CASE gives.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kmc_gap.model.integrity import check_standard
from kmc_gap.model.models import CaseLinks, Standard
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES, decode, parse_json, read_bytes
from kmc_gap.words import Word
from kmc_gap.words.catalogue import CASE_ITEM_TYPES

#: kmc-gap's UUID namespace for CASE identifiers; never to change, or every published identifier would.
NAMESPACE = uuid.UUID("8d5c2f0e-3b1a-5c47-9e6d-2a7f4b9c1e03")

#: The extension key that carries what CASE has no field for.
EXTENSION = "kmcGap"
#: The standard's fields that travel in the document's extension, as the standard writes them.
DOCUMENT_FIELDS = (
    "name_en",
    "name_note",
    "name_kind",
    "translation",
    "description_en",
    "categories",
    "versions",
    "notes",
)

KIND_PATTERNS = {
    "duty": re.compile(r"^T[0-9]+$"),
    "task": re.compile(r"^T[0-9]+\.[0-9]+$"),
    "output": re.compile(r"^O[0-9]+\.[0-9]+\.[0-9]+$"),
    "indicator": re.compile(r"^P[0-9]+\.[0-9]+\.[0-9]+$"),
    "knowledge": re.compile(r"^K[0-9]+$"),
    "skill": re.compile(r"^S[0-9]+$"),
    "attitude": re.compile(r"^A[0-9]{2,}$"),
}
_TYPE_TITLES = {title.casefold(): kind for kind, (zh, _, _, en) in CASE_ITEM_TYPES.items() for title in (zh, en)}


def identifier(standard_code: str, key: str) -> str:
    """The identifier of ``key`` (a code, ``type:task``, ``rubric``…) in the standard ``standard_code``."""
    return str(uuid.uuid5(NAMESPACE, f"{standard_code}|{key}"))


def urn(ident: str) -> str:
    """An object's URI: ``urn:uuid:<identifier>``, absolute and stable wherever the package is served."""
    return f"urn:uuid:{ident}"


def item_link(std: Standard, code: str) -> tuple[str, str]:
    """(identifier, uri) of a code's CFItem: the package's own where the standard was read from one."""
    links = std.case
    if links is not None and code in links.identifiers:
        return links.identifiers[code], links.uris[code]
    ident = identifier(std.code, code)
    return ident, urn(ident)


# --------------------------------------------------------------------------- reading a package


@dataclass
class _Item:
    pointer: str
    data: dict[str, Any]
    ident: str
    code: str
    kind: str | None
    parent: str | None = None  # the identifier of its isChildOf destination
    sequence: float = float("inf")
    order: int = 0
    parts: list[tuple[float, int, str]] = field(default_factory=list)  # (sequence, order, K/S identifier)
    levels: dict[str, list[int]] = field(default_factory=dict)  # in a task of blocks: each item's block levels

    @property
    def label(self) -> str:
        return self.code or self.ident


def load_case(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Standard:
    """The standard a CASE package holds; ``InputError`` with every problem located by JSON pointer."""
    return _Reader(name, parse_json(decode(read_bytes(path, name, max_bytes), name), name)).standard()


class _Reader:
    def __init__(self, name: str, data: Any) -> None:
        self.name = name
        if isinstance(data, dict) and isinstance(data.get("CFPackage"), dict):
            data = data["CFPackage"]  # some services wrap the package
        if not isinstance(data, dict) or not isinstance(data.get("CFDocument"), dict):
            raise InputError([Problem(name, "case.not_package")])
        self.data = data
        self.problems: list[Problem] = []
        self.doc: dict[str, Any] = data["CFDocument"]
        self.doc_id = str(self.doc.get("identifier") or "")
        self.items: dict[str, _Item] = {}

    def problem(self, key: str, pointer: str, item: str = "", **args: Any) -> None:
        self.problems.append(Problem(self.name, key, {"pointer": pointer, "item": item, **args}))

    def standard(self) -> Standard:
        for field_name in ("identifier", "title"):
            if not isinstance(self.doc.get(field_name), str) or not self.doc[field_name].strip():
                self.problem("case.missing_field", "CFDocument", self.doc_id, field=field_name)
        self.read_items()
        self.read_associations()
        self.check_cycles()
        if self.problems:
            raise InputError(self.problems)
        if not any(item.kind == "task" for item in self.items.values()):
            raise InputError([Problem(self.name, "case.not_icap", {"title": self.doc.get("title", "")})])
        built = self.build()
        if built is None or self.problems:
            raise InputError(self.problems)
        return built

    # ---- items

    def read_items(self) -> None:
        types = self.item_types()
        codes: dict[str, str] = {}
        for i, raw in enumerate(_list(self.data.get("CFItems"))):
            pointer = f"CFItems/{i}"
            if not isinstance(raw, dict):
                self.problem("case.bad_field", pointer, field="/")
                continue
            ident = raw.get("identifier")
            code = raw.get("humanCodingScheme")
            code = code.strip() if isinstance(code, str) else ""
            if not isinstance(ident, str) or not ident.strip():
                self.problem("case.missing_field", pointer, code, field="identifier")
                continue
            ident = ident.strip().lower()
            if ident in self.items or ident == self.doc_id.lower():
                other = self.items[ident].pointer if ident in self.items else "CFDocument"
                self.problem("case.duplicate_identifier", pointer, code, identifier=ident, other=other)
                continue
            kind = self.kind_of(raw, code, types)
            item = _Item(pointer, raw, ident, code, kind, order=i)
            self.items[ident] = item
            if kind is None:
                continue  # not part of an iCAP standard: an external or grouping item, kept out
            if not code:
                self.problem("case.no_code", pointer, ident)
            elif code in codes:
                self.problem("case.duplicate_code", pointer, code, other=codes[code])
            else:
                codes[code] = pointer
            if not isinstance(raw.get("fullStatement"), str) or not raw["fullStatement"].strip():
                self.problem("case.missing_field", pointer, item.label, field="fullStatement")

    def item_types(self) -> dict[str, str]:
        """CFItemType identifiers → the kind their title names."""
        found = {}
        definitions = self.data.get("CFDefinitions")
        for raw in _list(definitions.get("CFItemTypes") if isinstance(definitions, dict) else None):
            if isinstance(raw, dict) and isinstance(raw.get("title"), str):
                kind = _TYPE_TITLES.get(raw["title"].strip().casefold())
                if kind is not None and isinstance(raw.get("identifier"), str):
                    found[raw["identifier"].strip().lower()] = kind
        return found

    @staticmethod
    def kind_of(raw: dict[str, Any], code: str, types: dict[str, str]) -> str | None:
        named = raw.get("CFItemType")
        if isinstance(named, str) and named.strip().casefold() in _TYPE_TITLES:
            return _TYPE_TITLES[named.strip().casefold()]
        link = raw.get("CFItemTypeURI")
        if isinstance(link, dict) and str(link.get("identifier", "")).lower() in types:
            return types[str(link["identifier"]).lower()]
        return next((kind for kind, pattern in KIND_PATTERNS.items() if pattern.match(code)), None)

    # ---- associations

    def read_associations(self) -> None:
        for i, raw in enumerate(_list(self.data.get("CFAssociations"))):
            pointer = f"CFAssociations/{i}"
            if not isinstance(raw, dict):
                self.problem("case.bad_field", pointer, field="/")
                continue
            kind = raw.get("associationType")
            if kind not in ("isChildOf", "isPartOf"):
                continue  # precedes, exemplar, isRelatedTo…: links kmc-gap has no use for
            ends = [self.end(raw, side, pointer) for side in ("originNodeURI", "destinationNodeURI")]
            if None in ends:
                continue
            origin, destination = ends
            assert origin is not None and destination is not None
            child = self.items.get(origin)
            if child is None:
                if origin != self.doc_id.lower():
                    self.problem("case.dangling", pointer, end="originNodeURI", identifier=origin)
                continue
            if destination not in self.items and destination != self.doc_id.lower():
                self.problem("case.dangling", pointer, child.label, end="destinationNodeURI", identifier=destination)
                continue
            sequence = _number(raw.get("sequenceNumber"))
            levels = _ext(raw).get("icapLevels")  # the blocks of a task of several an item stands in
            if isinstance(levels, list) and destination in self.items:
                found = [level for level in map(_int, levels) if level is not None]
                self.items[destination].levels[child.code] = found
            if kind == "isChildOf":
                if child.parent is not None and child.parent != destination:
                    self.problem("case.bad_field", pointer, child.label, field="isChildOf")
                    continue
                child.parent = destination
                child.sequence = sequence if sequence is not None else float(i)
            elif destination in self.items:
                order = sequence if sequence is not None else float("inf")
                self.items[destination].parts.append((order, i, origin))

    def end(self, raw: dict[str, Any], side: str, pointer: str) -> str | None:
        link = raw.get(side)
        if not isinstance(link, dict):
            self.problem("case.missing_field", pointer, field=side)
            return None
        ident = link.get("identifier")
        if isinstance(ident, str) and ident.strip():
            return ident.strip().lower()
        by_uri = next((i for i, item in self.items.items() if item.data.get("uri") == link.get("uri")), None)
        if by_uri is None:
            self.problem("case.missing_field", pointer, field=f"{side}/identifier")
        return by_uri

    def check_cycles(self) -> None:
        reported: set[str] = set()
        for start in self.items.values():
            path: list[str] = []
            node: _Item | None = start
            while node is not None and node.parent is not None:
                if node.ident in path:
                    loop = path[path.index(node.ident) :]
                    if not reported & set(loop):
                        labels = " → ".join(self.items[i].label for i in [*loop, loop[0]])
                        self.problem("case.cycle", start.pointer, items=labels)
                    reported |= set(loop)
                    break
                path.append(node.ident)
                node = self.items.get(node.parent)

    # ---- the standard

    def placed(self, kind: str, parents: set[str | None]) -> None:
        """Each item of ``kind`` whose parent is not one of ``parents`` is a located problem."""
        for item in self.items.values():
            if item.kind == kind and item.parent not in parents:
                parent = self.items[item.parent].label if item.parent in self.items else "CFDocument"
                self.problem("case.misplaced", item.pointer, item.label, parent=parent)

    def build(self) -> Standard | None:
        ext = _ext(self.doc).get(EXTENSION)
        extra: dict[str, Any] = ext if isinstance(ext, dict) else {}
        roots = {None, self.doc_id.lower()}
        duties = [d for d in self.items.values() if d.kind == "duty"]
        tasks = [t for t in self.items.values() if t.kind == "task"]
        self.placed("duty", roots)
        self.placed("task", {d.ident for d in duties})
        for kind in ("output", "indicator"):
            self.placed(kind, {t.ident for t in tasks})
        levels = self.rubric_levels()
        data: dict[str, Any] = {
            "code": _text(_ext(self.doc).get("code")) or _text(self.doc.get("version")) or self.doc.get("title"),
            "name": self.doc.get("title"),
            "level": extra.get("level"),
            "description": _text(self.doc.get("description")) or self.doc.get("title"),
            "duties": [self.duty(d, levels) for d in self.ordered("duty", roots)],
            "knowledge": self.ksa("knowledge", roots),
            "skills": self.ksa("skill", roots),
            "attitudes": self.ksa("attitude", roots),
        }
        if data["level"] is None:
            task_levels = [t.get("level") for d in data["duties"] for t in d["tasks"]]
            data["level"] = max((lv for lv in task_levels if isinstance(lv, int)), default=None)
        data |= {key: extra[key] for key in DOCUMENT_FIELDS if key in extra}
        descriptors = self.descriptors(extra)
        if descriptors:
            data["levels"] = descriptors
        if self.problems:
            return None
        try:
            std = Standard.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                pointer, item = self.where(data, error["loc"])
                self.problem("case.invalid", pointer, item, detail=error["msg"])
            return None
        for found in check_standard(std, _Locator(self, data)):
            self.problems.append(found)
        links = CaseLinks(
            document=self.doc_id.lower(),
            identifiers={i.code: i.ident for i in self.items.values() if i.kind and i.code},
            uris={i.code: str(i.data.get("uri") or urn(i.ident)) for i in self.items.values() if i.kind},
        )
        return std.model_copy(update={"case": links})

    def ordered(self, kind: str, parents: set[str | None]) -> list[_Item]:
        found = [item for item in self.items.values() if item.kind == kind and item.parent in parents]
        return sorted(found, key=lambda item: (item.sequence, item.order))

    def duty(self, item: _Item, levels: dict[str, int]) -> dict[str, Any]:
        out = self.entry(item, nameEn="name_en")
        out["tasks"] = [self.task(t, levels) for t in self.ordered("task", {item.ident})]
        return out

    def task(self, item: _Item, levels: dict[str, int]) -> dict[str, Any]:
        out = self.entry(item, nameEn="name_en")
        shared = _text(_ext(item.data).get("sameAs"))
        if shared is not None:  # a task sharing another's competency block: it has none of its own
            return {**out, "same_as": shared}
        level = _ext(item.data).get("icapLevel")
        level = _int(level) if level is not None else levels.get(item.ident)
        if level is None:
            self.problem("case.no_level", item.pointer, item.label)
        out["level"] = level
        out["outputs"] = [
            self.entry(o, nameEn="name_en", footnote="note") for o in self.ordered("output", {item.ident})
        ]
        out["indicators"] = [self.entry(p, "text", textEn="text_en") for p in self.ordered("indicator", {item.ident})]
        parts = [self.items[ident] for _, _, ident in sorted(item.parts) if ident in self.items]
        out["knowledge"] = [p.code for p in parts if p.kind == "knowledge"]
        out["skills"] = [p.code for p in parts if p.kind == "skill"]
        return _blocks(out, item.levels) if item.levels else out

    @staticmethod
    def entry(item: _Item, text: str = "name", **carried: str) -> dict[str, Any]:
        """An item as the standard writes it: its code, its statement as ``text``, and each extension carried
        (``nameEn="name_en"``: the extension ``nameEn``, where there is one, as ``name_en``)."""
        out: dict[str, Any] = {"code": item.code, text: item.data.get("fullStatement")}
        ext = _ext(item.data)
        out |= {field: ext[key] for key, field in carried.items() if ext.get(key) is not None}
        return out

    def ksa(self, kind: str, roots: set[str | None]) -> dict[str, Any]:
        found = [i for i in self.items.values() if i.kind == kind]
        found.sort(key=lambda i: (i.parent not in roots, i.sequence, i.order))
        out = {}
        for item in found:
            entry = self.entry(item, nameEn="name_en", descriptionEn="description_en")
            del entry["code"]
            notes = _text(item.data.get("notes"))
            out[item.code] = {**entry, "description": notes} if notes else entry
        return out

    def rubrics(self) -> Iterator[tuple[str, dict[str, Any], list[Any]]]:
        """Each criterion of the package's rubrics: (its pointer, itself, its levels)."""
        for r, rubric in enumerate(_list(self.data.get("CFRubrics"))):
            criteria = rubric.get("CFRubricCriteria") if isinstance(rubric, dict) else None
            for c, criterion in enumerate(_list(criteria)):
                if isinstance(criterion, dict):
                    yield (
                        f"CFRubrics/{r}/CFRubricCriteria/{c}",
                        criterion,
                        _list(criterion.get("CFRubricCriterionLevels")),
                    )

    def rubric_levels(self) -> dict[str, int]:
        """Task identifier → its level, where a criterion of a rubric has that one level for it."""
        found = {}
        for _, criterion, levels in self.rubrics():
            link = criterion.get("CFItemURI")
            target = str(link.get("identifier", "")).lower() if isinstance(link, dict) else ""
            if target in self.items and len(levels) == 1 and isinstance(levels[0], dict):
                level = _int(levels[0].get("score", levels[0].get("position")))
                if level is not None:
                    found[target] = level
        return found

    def descriptors(self, extra: dict[str, Any]) -> dict[int, dict[str, Any]]:
        """The six level descriptors, from the first criterion that has six levels, their English from the extension."""
        english = extra.get("levels_en")
        english = english if isinstance(english, dict) else {}
        for _, _, levels in self.rubrics():
            if len(levels) != 6:
                continue
            out: dict[int, dict[str, Any]] = {}
            for raw in levels:
                position = _int(raw.get("position")) if isinstance(raw, dict) else None
                if position is None or not _text(raw.get("description")):
                    return {}
                out[position] = {"description": raw["description"]}
                if english.get(str(position)) is not None:
                    out[position]["description_en"] = english[str(position)]
            return dict(sorted(out.items()))
        return {}

    def where(self, data: dict[str, Any], loc: Sequence[str | int]) -> tuple[str, str]:
        """The package pointer (and code) of the item a standard's field at ``loc`` came from."""
        by_code = {item.code: item for item in self.items.values() if item.code}
        node: Any = data
        found: tuple[str, str] = ("CFDocument", self.doc_id)
        for seg in loc:
            try:
                node = node[seg]
            except (KeyError, IndexError, TypeError):
                break
            code = (
                seg if isinstance(seg, str) and seg in by_code else node.get("code") if isinstance(node, dict) else None
            )
            if isinstance(code, str) and code in by_code:
                found = (by_code[code].pointer, code)
        return found


class _Locator:
    """Places the integrity rules' problems, found at a field of the standard, at the package's item."""

    def __init__(self, reader: _Reader, data: dict[str, Any]) -> None:
        self.reader, self.data = reader, data

    def problem(self, key: str, loc: Sequence[str | int], *, at_key: bool = False, **args: Any) -> Problem:
        pointer, item = self.reader.where(self.data, loc)
        detail = Word(key, args)
        return Problem(self.reader.name, "case.invalid", {"pointer": pointer, "item": item, "detail": detail})


def _blocks(task: dict[str, Any], levels: dict[str, list[int]]) -> dict[str, Any]:
    """A task whose associations carry block levels (``icapLevels``) as its competency blocks, lowest first."""
    blocks = []
    for level in sorted({lvl for found in levels.values() for lvl in found}):

        def inside(code: str, at: int = level) -> bool:
            return at in levels.get(code, ())

        blocks.append(
            {
                "level": level,
                "outputs": [o for o in task["outputs"] if inside(o["code"])],
                "indicators": [p for p in task["indicators"] if inside(p["code"])],
                "knowledge": [k for k in task["knowledge"] if inside(k)],
                "skills": [s for s in task["skills"] if inside(s)],
            }
        )
    flat = ("level", "outputs", "indicators", "knowledge", "skills")
    return {**{key: value for key, value in task.items() if key not in flat}, "blocks": blocks}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _ext(raw: dict[str, Any]) -> dict[str, Any]:
    ext = raw.get("extensions")
    return ext if isinstance(ext, dict) else {}


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _int(value: Any) -> int | None:
    """A level or position: an integer, ``4.0`` or ``"4"``; anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _number(value: Any) -> float | None:
    """A sequenceNumber: CASE 1.1 writes integers, real 1.0 exports strings."""
    level = _int(value)
    return float(level) if level is not None else None
