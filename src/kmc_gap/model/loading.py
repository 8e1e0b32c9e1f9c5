"""Loading the standard, evidence profiles and policies into validated models.

This is the one place where files become models: read (:mod:`kmc_gap.model.yamlsource`), check the
shape (pydantic), then check the cross-references, each problem located in the file. Anything
wrong raises :class:`~kmc_gap.model.problems.InputError` with every problem found.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from kmc_gap.model import yamlsource
from kmc_gap.model.lookup import codes_of
from kmc_gap.model.models import POLICY_NAMES, Catalog, Policy, Profile, Standard, named_policy
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import InputError, Problem, in_file_order
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES, YamlDocument
from kmc_gap.words import Lang, Word, t

BUNDLED_STANDARD = "kmc3332-001v3.yaml"

M = TypeVar("M", bound=BaseModel)

# pydantic's error types that inputs can trigger, mapped to the catalogue's words; any other
# type is shown as a plain "invalid value", never in pydantic's own English.
_DETAILS = {
    "int_type": "detail.int",
    "int_parsing": "detail.int",
    "int_from_float": "detail.int",
    "bool_type": "detail.bool",
    "bool_parsing": "detail.bool",
    "float_type": "detail.number",
    "float_parsing": "detail.number",
    "finite_number": "detail.finite",
    "string_type": "detail.text",
    "string_too_short": "detail.empty",
    "string_pattern_mismatch": "detail.pattern",
    "list_type": "detail.list",
    "dict_type": "detail.mapping",
    "model_type": "detail.mapping",
    "model_attributes_type": "detail.mapping",
    "too_short": "detail.empty",
    "too_long": "detail.too_long",
    "greater_than_equal": "detail.ge",
    "less_than_equal": "detail.le",
    "greater_than": "detail.gt",
    "less_than": "detail.lt",
    "enum": "detail.choice",
    "literal_error": "detail.choice",
    "date_type": "detail.date",
    "date_parsing": "detail.date",
    "date_format": "detail.date",
    "date_time": "detail.date_time",
    "date_from_datetime_inexact": "detail.date_time",
    "date_from_datetime_parsing": "detail.date",
    "date_not_real": "detail.date_not_real",
    "date_suggest": "detail.date_suggest",
    "level_text": "detail.level_text",
    "covers_text": "detail.covers_text",
    "regex": "detail.regex",
    "regex_group": "detail.regex_group",
}


def bundled_standard_path() -> Path:
    """Where the bundled standard is: inside the installed package, or ``data/`` in a checkout.

    Found from this file rather than by ``importlib.resources``, whose readers cost 3–4 ms of every
    start: kmc-gap is installed as files (a wheel is never imported from a zip).
    """
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data" / BUNDLED_STANDARD
    if packaged.is_file():
        return packaged
    return package.parents[1] / "data" / BUNDLED_STANDARD


@functools.lru_cache(maxsize=8)
def load_standard(path: Path | None = None) -> Standard:
    """Load and check a standard file; the bundled KMC3332-001v3 when ``path`` is None."""
    from kmc_gap.model.kinds import InputKind, input_kind
    from kmc_gap.model.stdcache import cached

    name = shown(path) if path else BUNDLED_STANDARD
    if path is not None and input_kind(path) is InputKind.case:
        from kmc_gap.model.case import load_case

        return load_case(path, name)
    data = yamlsource.read_bytes(path or bundled_standard_path(), name)

    def build() -> Standard:
        from kmc_gap.model.integrity import check_standard

        doc = yamlsource.parse(yamlsource.decode(data, name), name)
        std = validate(doc, Standard)
        problems = check_standard(std, doc)
        if problems:
            raise InputError(problems)
        return std

    return cached(data, build, Standard)


def load_profile(path: Path, std: Standard, name: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Profile:
    """Load an evidence profile and check it against ``std``."""
    doc = yamlsource.load(path, name, max_bytes)
    return check_profile(doc, std)


def check_profile(doc: YamlDocument, std: Standard) -> Profile:
    """Validate a parsed profile's shape and its references to ``std``.

    Every problem of the file is reported in one run, in file order: when the shape is wrong the
    references are still checked on the raw data, so a file with seven mistakes gets seven messages.
    """
    try:
        profile = validate(doc, Profile)
    except InputError as exc:
        raise InputError(in_file_order([*exc.problems, *_raw_problems(doc, std)])) from None
    problems = list(_profile_problems(profile, std, doc))
    if problems:
        raise InputError(problems)
    return profile


def placeholders(doc: YamlDocument) -> list[Problem]:
    """The lines that still hold ``kmc-gap init``'s example person or evidence (warnings, not errors)."""
    names = {t("starter.person", lang) for lang in (Lang.zh_TW, Lang.en)}
    titles = {t("starter.example_title", lang) for lang in (Lang.zh_TW, Lang.en)}
    data = doc.data if isinstance(doc.data, dict) else {}
    found = []
    person = data.get("person")
    if isinstance(person, dict) and person.get("name") in names:
        found.append(doc.problem("profile.placeholder_person", ("person", "name")))
    evidence = data.get("evidence")
    for i, ev in enumerate(evidence if isinstance(evidence, list) else []):
        if isinstance(ev, dict) and (ev.get("title") in titles or ev.get("id") == "example-1"):
            found.append(doc.problem("profile.placeholder_evidence", ("evidence", i, "id")))
    return found


def _raw_problems(doc: YamlDocument, std: Standard) -> list[Problem]:
    """The reference checks of :func:`_profile_problems`, on data whose shape is wrong elsewhere."""
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []
    standard = data.get("standard")
    if isinstance(standard, str) and standard.strip() and standard.strip() != std.code:
        problems.append(doc.problem("profile.wrong_standard", ("standard",), got=standard, expected=std.code))
    evidence = data.get("evidence")
    first_index: dict[str, int] = {}
    for i, ev in enumerate(evidence if isinstance(evidence, list) else []):
        if not isinstance(ev, dict):
            continue
        ident = ev.get("id")
        if isinstance(ident, str | int) and not isinstance(ident, bool):
            key = str(ident).strip()
            if key in first_index:
                first = doc.position(("evidence", first_index[key], "id"))[0]
                problems.append(doc.problem("profile.duplicate_id", ("evidence", i, "id"), id=key, first=first))
            else:
                first_index[key] = i
        covers = ev.get("covers")
        if isinstance(covers, list) and all(isinstance(code, str) for code in covers):
            problems += _unknown_codes(covers, std, doc, ("evidence", i, "covers"))
    return problems


def load_catalog(path: Path, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES) -> Catalog:
    """Load a course catalogue and check its codes against ``std``."""
    return check_catalog(yamlsource.load(path, shown(path), max_bytes), std)


#: The top-level keys that make a YAML file kmc-gap's: a profile, a catalogue.
PROFILE_KEYS = ("standard", "evidence")
CATALOG_KEYS = ("courses",)


def kind_of(doc: YamlDocument) -> str | None:
    """``profile``, ``catalog``, or None for a YAML file that is not kmc-gap's (a CI workflow, say)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    if any(key in data for key in CATALOG_KEYS) and not any(key in data for key in PROFILE_KEYS):
        return "catalog"
    if any(key in data for key in PROFILE_KEYS) or "person" in data:
        return "profile"
    return None


def check_catalog(doc: YamlDocument, std: Standard) -> Catalog:
    """Validate a parsed catalogue's shape, its course codes and its references to ``std``."""
    catalog = validate(doc, Catalog)
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, course in enumerate(catalog.courses):
        if course.code in seen:
            problems.append(doc.problem("catalog.duplicate_code", ("courses", i, "code"), code=course.code))
        seen.add(course.code)
        problems += _unknown_codes(course.covers, std, doc, ("courses", i, "covers"))
        if course.covers and course.level is None and not course.unrelated:
            problems.append(doc.problem("catalog.no_level", ("courses", i), code=course.code))
    if problems:
        raise InputError(problems)
    return catalog


def _unknown_codes(codes: list[str], std: Standard, doc: YamlDocument, base: tuple[str | int, ...]) -> list[Problem]:
    """Problems for codes the standard lacks (with a suggestion) and codes listed twice."""
    known = codes_of(std)
    problems: list[Problem] = []
    listed: set[str] = set()
    for j, code in enumerate(codes):
        loc = (*base, j)
        if code not in known:
            problems.append(_unknown_code(code, std, doc, loc))
        elif code in listed:
            problems.append(doc.problem("profile.duplicate_cover", loc, code=code))
        listed.add(code)
    return problems


def _unknown_code(code: str, std: Standard, doc: YamlDocument, loc: tuple[str | int, ...]) -> Problem:
    key, args = unknown_code(code, std)
    line, column = doc.position(loc)
    return Problem(doc.name, key, args, line, column)


def unknown_code(code: str, std: Standard) -> tuple[str, dict[str, Any]]:
    """Why ``code`` is not in the standard, as a catalogue key and its arguments.

    A task or duty code says which items to list instead; a near miss (``k7``) is suggested.
    """
    std_code = code.strip().upper()
    tasks = [t for t in std.tasks() if t.code == std_code or t.code.startswith(std_code + ".")]
    if tasks and std_code.startswith("T"):
        items = [c for t in tasks for c in t.required_codes()]
        return "profile.task_in_covers", {"code": code, "items": ", ".join(dict.fromkeys(items))}
    hint = suggest(code, codes_of(std))
    return ("profile.unknown_code_hint" if hint else "profile.unknown_code"), {"code": code, "suggestion": hint}


def load_policy(spec: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, Policy]:
    """``default``, ``strict`` or a path to a YAML policy file; returns (name, policy)."""
    if spec in POLICY_NAMES:
        return spec, named_policy(spec)
    doc = yamlsource.load(Path(spec), spec, max_bytes)
    return spec, validate(doc, Policy)


def validate(doc: YamlDocument, model: type[M]) -> M:
    """Build ``model`` from the document, turning pydantic errors into located problems.

    Every file becomes a model here, so this is where the keyboard slips mended while parsing
    are reported, in file order with the shape's own problems.
    """
    if not isinstance(doc.data, dict):
        got = Word("got.list" if isinstance(doc.data, list) else "got.scalar")
        raise InputError(in_file_order([*doc.slips, Problem(doc.name, "schema.top_mapping", {"got": got}, 1, 1)]))
    try:
        built = model.model_validate(doc.data)
    except ValidationError as exc:
        raise InputError(in_file_order([*doc.slips, *_schema_problems(exc, doc, model)])) from None
    if doc.slips:
        raise InputError(doc.slips)
    return built


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The field names of the model found at ``loc`` under ``model`` (for did-you-mean)."""
    current: Any = model
    for seg in loc:
        if isinstance(seg, int):
            continue
        field = getattr(current, "model_fields", {}).get(seg)
        if field is None:
            return []
        nested = [a for a in getattr(field.annotation, "__args__", ()) or (field.annotation,)]
        current = next((a for a in nested if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _schema_problems(exc: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors(include_url=False):
        loc = _data_loc(doc.data, err["loc"])
        kind = err["type"]
        if kind == "missing":
            problem = doc.problem("schema.missing", loc[:-1], field=_dotted(loc))
        elif kind == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1, cutoff=0.6)
            key = "schema.unknown_hint" if close else "schema.unknown"
            problem = doc.problem(key, loc, at_key=True, field=_dotted(loc), suggestion=close[0] if close else "")
        else:
            detail = _detail(kind, err.get("ctx"), err.get("input"))
            problem = doc.problem("schema.invalid", loc, field=_dotted(loc), detail=detail)
        ident = (problem.key, problem.line, problem.column, str(problem.args.get("field")))
        if ident not in seen:
            seen.add(ident)
            problems.append(problem)
    return problems


def _detail(kind: str, ctx: dict[str, Any] | None, given: Any = None) -> Word:
    """pydantic's complaint as catalogue words, its context values (limits, choices) kept.

    For a choice (an evidence kind) the closest allowed value is suggested: ``workoutput`` → ``work_output``.
    """
    args = {k: _plain(v) for k, v in (ctx or {}).items()}
    if "expected" in args:
        args["expected"] = str(args["expected"]).replace("' or '", "', '")
        choices = [c.strip("'") for c in args["expected"].split(", ")]
        close = difflib.get_close_matches(str(given), choices, n=1, cutoff=0.6) if isinstance(given, str) else []
        if close:
            return Word("detail.choice_hint", {**args, "suggestion": close[0]})
    return Word(_DETAILS.get(kind, "detail.other"), args)


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


def _data_loc(data: Any, loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """Keep the segments of a pydantic ``loc`` that name keys or indices in the data.

    Union and validator segments (``function-after[…]``, ``str``) are dropped; a final key
    that is absent (a missing field) is kept.
    """
    kept: list[str | int] = []
    node: Any = data
    for i, seg in enumerate(loc):
        child = _step(node, seg)
        if child is not _ABSENT:
            kept.append(seg)
            node = child
        elif i == len(loc) - 1 and isinstance(node, dict) and isinstance(seg, str):
            kept.append(seg)
    return tuple(kept)


_ABSENT = object()


def _step(node: Any, seg: str | int) -> Any:
    """``node[seg]`` when it exists in the data, else the ``_ABSENT`` marker."""
    if isinstance(node, dict):
        return node.get(seg, _ABSENT)
    if isinstance(node, list) and isinstance(seg, int) and 0 <= seg < len(node):
        return node[seg]
    return _ABSENT


def _dotted(loc: Sequence[str | int]) -> str:
    out = ""
    for seg in loc:
        out += f"[{seg}]" if isinstance(seg, int) else (f".{seg}" if out else str(seg))
    return out or "/"


def _profile_problems(profile: Profile, std: Standard, doc: YamlDocument) -> list[Problem]:
    problems: list[Problem] = []
    if profile.standard != std.code:
        problems.append(doc.problem("profile.wrong_standard", ("standard",), got=profile.standard, expected=std.code))
    first_index: dict[str, int] = {}
    for i, ev in enumerate(profile.evidence):
        if ev.id in first_index:
            first = doc.position(("evidence", first_index[ev.id], "id"))[0]
            problems.append(doc.problem("profile.duplicate_id", ("evidence", i, "id"), id=ev.id, first=first))
        else:
            first_index[ev.id] = i
        problems += _unknown_codes(ev.covers, std, doc, ("evidence", i, "covers"))
        if ev.expires is not None and ev.date > ev.expires:
            problems.append(
                doc.problem("profile.date_after_expiry", ("evidence", i, "expires"), date=ev.date, expires=ev.expires)
            )
    return problems


def suggest(code: str, known: Sequence[str] | set[str] | dict[str, Any]) -> str | None:
    """The code someone most likely meant: K7 → K07, p1.1.1 → P1.1.1, Ｋ０７ → K07; else None."""
    text = unicodedata.normalize("NFKC", code).strip().upper().replace(" ", "")
    for ch in "-_。．,、":
        text = text.replace(ch, ".")
    if text[:1] in "KSA" and text[1:].isdigit():
        text = f"{text[0]}{int(text[1:]):02d}"
    if text[:1] in "TPO" and text[1:].isdigit() and text not in known:  # T31 → T3.1, P111 → P1.1.1
        dotted = [f"{text[0]}{'.'.join(parts)}" for parts in _splits(text[1:], 2 if text[0] == "T" else 3)]
        found = [candidate for candidate in dotted if candidate in known]
        text = found[0] if len(found) == 1 else text
    return text if text in known and text != code else None


def _splits(digits: str, parts: int) -> list[list[str]]:
    """Every way of cutting ``digits`` into ``parts`` non-empty pieces (``311`` into 2: 3|11, 31|1)."""
    if parts == 1:
        return [[digits]] if digits else []
    return [[digits[:i], *rest] for i in range(1, len(digits)) for rest in _splits(digits[i:], parts - 1)]
