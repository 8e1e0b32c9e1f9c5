"""`kmc-gap import`: HR records into one editable profile per person, updated in place on every re-import.

A profile written here is a starting point: people add work outputs and assessments by hand. So a
re-import must never undo that work. Evidence that came from records has an id starting ``rec-`` and
names its ``source`` (the file, and the sheet). A re-import is a merge: it updates the items it reads
again, adds the new ones at the end, and removes only the items of the sources read in this run that
are gone from them — so a month's top-up file never wipes the full export imported before it. A
source whose rows had problems this time removes nothing. Everything else in the file — hand-added
evidence, ``exclude`` and ``note`` written by hand, person fields, comments, order, quoting — is
kept, by editing the YAML round-trip with ruamel.yaml rather than writing it anew.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kmc_gap.api.files import OutputRefused, check_output, folder_lock, in_folder, write_atomic
from kmc_gap.api.reading import NO_READING, RecordReading, never_overwrite
from kmc_gap.model import yamlsource
from kmc_gap.model.ids import CREDENTIAL_ID_PREFIX, FORM_ID_PREFIX, RECORD_ID_PREFIX
from kmc_gap.model.loading import check_profile, kind_of
from kmc_gap.model.models import Evidence, Profile, Standard
from kmc_gap.model.paths import shown, split_sheet
from kmc_gap.model.problems import InputError, Problem, os_reason
from kmc_gap.model.records import (
    ProfileChange,
    RecordPerson,
    RecordSet,
    RowCount,
    load_records,
)
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.words import Word, t
from kmc_gap.words.safe import visible

if TYPE_CHECKING:
    from ruamel.yaml import YAML

#: The order of an evidence item's keys in a written profile (the order of the README's examples).
EVIDENCE_KEYS = (
    "id",
    "kind",
    "title",
    "course",
    "date",
    "level",
    "hours",
    "score",
    "pass_mark",
    "passed",
    "expires",
    "verified_by",
    "provider",
    "reference",
    "rater",
    "output_reference",
    "covers",
    "source",
    "note",
)
#: Keys a person sets by hand on an imported item, which a re-import never takes away.
HAND_KEYS = ("note", "exclude")
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*\s]+')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)


@dataclass
class ImportRun:
    """Every person's change, and the problems and warnings of the records and of the profiles."""

    changes: list[ProfileChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    counts: list[Word] = field(default_factory=list)  # what became of every row, a line per table


#: The longest file name stem written, in UTF-8 bytes: file systems allow 255, and a folder name comes first.
MAX_STEM_BYTES = 120


def profile_name(person_id: str, *, distinct: bool = False) -> str:
    """A file name for a person id that is safe on Windows and POSIX: ``E1024.yaml``, ``A_B.yaml``.

    A long id is cut to a length every file system takes, and ``distinct`` (two ids that make the same
    name, ``a b`` and ``a_b``) ends the name with a hash of the id: either way the name stays the
    same for the same id on every run.
    """
    stem = _UNSAFE_NAME.sub("_", unicodedata.normalize("NFC", person_id)).strip(". ") or "_"
    stem = "_" + stem if _RESERVED.match(stem) else stem
    if distinct or len(stem.encode()) > MAX_STEM_BYTES:
        cut = stem.encode()[: MAX_STEM_BYTES - 9].decode("utf-8", "ignore")
        stem = f"{cut}-{hashlib.sha256(person_id.encode()).hexdigest()[:8]}"
    return stem + ".yaml"


@dataclass(frozen=True)
class _Existing:
    """A profile already in the folder, read and parsed once: its text, and its document or why it has none."""

    text: str
    doc: yamlsource.YamlDocument | None
    error: InputError | None = None

    @property
    def owner(self) -> str:
        """Its person id ("" when it cannot be told)."""
        data = self.doc.data if self.doc is not None else None
        person = data.get("person") if isinstance(data, dict) else None
        ident = person.get("id") if isinstance(person, dict) else None
        return unicodedata.normalize("NFKC", str(ident)) if ident is not None else ""


def _existing(path: Path) -> _Existing | None:
    """The profile at ``path``, or None when there is none yet (a folder there is a located problem)."""
    if not path.exists():
        return None
    name = shown(path)
    text = yamlsource.read_text(path, name)
    try:
        return _Existing(text, yamlsource.parse(text, name))
    except InputError as exc:
        return _Existing(text, None, exc)


def _place(folder: Path, ident: str, taken: dict[str, str]) -> tuple[Path, _Existing | None, str | None]:
    """The file of ``ident``, what it holds now, and the other person whose file has its plain name, if any.

    A file is only ever updated for its own person id: when the plain name is another person's (in this
    run or on disk), ``ident`` gets the distinct name instead.
    """
    plain = folder / profile_name(ident)
    existing = _existing(plain)
    owner = taken.get(plain.name) or (existing.owner if existing is not None else None)
    if owner in (None, "", ident):
        return plain, existing, None
    target = folder / profile_name(ident, distinct=True)
    return target, _existing(target), owner


@dataclass(frozen=True)
class ImportRequest:
    """What `kmc-gap import` is asked: the record files and forms, how to read them, the folder, the language."""

    paths: tuple[Path, ...]
    folder: Path
    lang: str
    catalog: Path | None = None
    reading: RecordReading = NO_READING
    dry_run: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    run_inputs: tuple[Path, ...] = ()  # what the whole run reads: the --standard file, the config file

    def never_overwrite(self) -> tuple[Path, ...]:
        """Every file the request reads: no profile is written over one, whatever a person id is."""
        return never_overwrite(self.paths, self.reading, self.catalog, *self.run_inputs)


def import_records(request: ImportRequest, std: Standard) -> ImportRun:
    """Write (or with ``dry_run`` only work out) one profile per person found in ``paths``, in ``folder``.

    No file the request reads (:meth:`ImportRequest.never_overwrite`) is ever written, whatever a person
    id is; a bad catalogue, mapping or key raises ``InputError`` before anything is read.
    """
    from kmc_gap.api.records import read_record_options

    paths, folder, lang, dry_run = list(request.paths), request.folder, request.lang, request.dry_run
    options = read_record_options(request.catalog, request.reading, std, request.max_bytes)
    inputs = request.never_overwrite()
    found = load_records(paths, std, options)
    run = ImportRun(
        warnings=list(found.warnings), counts=[_count_line(count, found.left_evidence) for count in found.counts]
    )
    run.problems += [p for problems in found.problems.values() for p in problems]
    sources = visible(", ".join(shown(p) for p in [*options.roster, *paths]))
    origin = _Origins(folder, [*options.roster, *paths], found)
    found.people = [origin.placed(person) for person in found.people]
    # the sources this run read whole: only their items may be removed when they are gone from them
    complete = origin.complete()
    dates = origin.dates()
    taken: dict[str, str] = {}  # file name → the person id written there in this run
    with folder_lock(folder, enabled=not dry_run):
        _import_people(run, found, folder, taken, sources, complete, std, lang, dates, inputs, dry_run=dry_run)
    return run


def _import_people(
    run: ImportRun,
    found: RecordSet,
    folder: Path,
    taken: dict[str, str],
    sources: str,
    complete: set[str],
    std: Standard,
    lang: str,
    dates: dict[str, dt.date],
    inputs: Sequence[Path],
    *,
    dry_run: bool,
) -> None:
    """Each person's profile worked out against the one in the folder, and written unless ``dry_run``."""
    said: set[tuple[str, str]] = set()  # each file of the same name as another said once, not once a person
    for person in found.people:
        ident = person.profile.person.id or ""
        target = folder / profile_name(ident)
        try:
            target, existing, other = _place(folder, ident, taken)
            if other is not None:
                run.warnings.append(Problem(shown(target), "import.distinct_file", {"id": ident, "other": other}))
            taken[target.name] = ident
            try:
                in_folder(target, folder)
            except OutputRefused as exc:
                raise InputError(exc.problems) from None
            change, text = _change(person, target, existing, sources, complete, std, lang, dates)
            for source, (this, last, n) in change.older.items():
                args = {"source": source, "this": this, "last": last, "n": n}
                run.warnings.append(Problem(shown(target), "import.older_export", args))
            for now, other in sorted(change.namesakes - said):
                said.add((now, other))
                run.warnings.append(Problem(now.partition("#")[0], "import.namesake", {"other": other}))
            if not dry_run and text is not None:
                _unchanged_since(target, existing)  # a hand edit saved meanwhile is never replaced blind
                _write(target, text, list(inputs))
        except InputError as exc:
            run.problems += exc.problems
            continue
        except OSError as exc:  # a name the file system refuses, a folder that cannot be read
            run.problems.append(Problem(shown(target), "file.unwritable", {"reason": os_reason(exc)}))
            continue
        run.changes.append(change)


def _count_line(count: RowCount, left: set[str]) -> Word:
    """One table's rows as import sees them: written as evidence, not written, passed over, refused."""
    name = f"{count.file}#{count.sheet}" if count.sheet else count.file
    written = sum(ident not in left for ident in count.evidence)
    args = {
        "file": name,
        "rows": count.rows,
        "written": written,
        "not_written": sum(count.not_counted.values()),
        "passed_over": sum(count.passed_over.values()) + len(count.evidence) - written,
        "refused": count.refused,
    }
    return Word("inputs.import_roster" if count.kind == "roster" else "inputs.import_line", args)


def _unchanged_since(target: Path, existing: _Existing | None) -> None:
    """Refuse to replace a profile whose file changed since it was read (a hand edit saved during the import):
    that person is a problem to import again; what the file holds now is kept."""
    try:
        now: str | None = yamlsource.read_text(target, shown(target))
    except (InputError, OSError):  # gone, or no longer readable: changed all the same
        now = None
    before = existing.text if existing is not None else None
    if now != before:
        raise InputError([Problem(shown(target), "import.changed_meanwhile")])


def _write(target: Path, text: str, inputs: list[Path]) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        check_output(target, inputs)
        write_atomic(target, text, force=True)
    except OutputRefused as exc:
        raise InputError(exc.problems) from None
    except OSError as exc:
        raise InputError([Problem(shown(target), "file.unwritable", {"reason": os_reason(exc)})]) from None


def _yaml() -> YAML:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: comments and order are kept
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long title
    yaml.representer.add_representer(float, _float)
    yaml.representer.ignore_aliases = lambda data: True  # the same date twice is written twice, never &id001
    return yaml


def _float(representer: Any, value: float) -> Any:
    """A float as YAML 1.1 reads it back (kmc-gap's loader): ``1.0e+200``, never ``1e+200`` (which is text)."""
    text = repr(value)
    if "e" in text and "." not in text.split("e")[0]:
        mantissa, exponent = text.split("e")
        text = f"{mantissa}.0e{exponent if exponent[0] in '+-' else '+' + exponent}"
    return representer.represent_scalar("tag:yaml.org,2002:float", text)


@functools.lru_cache(maxsize=4096)
def _reads_back(text: str) -> bool:
    """Whether ``text`` written plain is read back as itself by the YAML 1.1 loader kmc-gap validates with.

    ``yes``, ``no``, ``on``, ``off`` and ``1:20`` are booleans and numbers there, and a line separator
    (U+0085, U+2028) or a control character would not survive either.
    """
    import yaml

    if not text.isprintable():
        return False
    try:
        return bool(yaml.safe_load(text) == text)
    except yaml.YAMLError:
        return False


def _text(value: str) -> Any:
    """A string from a file, written so that it reads back exactly: plain where it can, else double-quoted."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return value if _reads_back(value) else DoubleQuotedScalarString(value)


def _change(
    person: RecordPerson,
    target: Path,
    existing: _Existing | None,
    sources: str,
    complete: set[str],
    std: Standard,
    lang: str,
    dates: dict[str, dt.date],
) -> tuple[ProfileChange, str | None]:
    """The change to ``target`` and the new text (None when nothing changes)."""
    profile = person.profile
    change = ProfileChange(profile.person.id or "", profile.person.name, shown(target))
    new = {ev.id: _evidence_map(ev) for ev in profile.evidence}
    if existing is None:
        change.created, change.added = True, len(new)
        data = _new_profile(profile, new, sources, lang)
        _stamp(data, dates, {ev.source for ev in profile.evidence if ev.source} & complete, set())
        return change, _dump(data)
    name = shown(target)
    # the strict loader first: a file that no longer parses or validates is named, with its problems, and left
    if existing.doc is None:
        raise existing.error or InputError([Problem(name, "import.not_profile")])
    text, doc = existing.text, existing.doc
    if kind_of(doc) != "profile":
        raise InputError([Problem(name, "import.not_profile")])
    try:
        if isinstance(doc.data, dict) and doc.data.get("evidence") is not None:  # an empty `evidence:` is a start
            check_profile(doc, std)
    except InputError as exc:
        raise InputError([Problem(name, "import.not_profile"), *exc.problems]) from None
    try:
        data = _yaml().load(text)
    except Exception:  # ruamel's own errors are English, and the strict loader has read the file already
        raise InputError([Problem(name, "import.not_profile")]) from None
    evidence = data.get("evidence")
    if not isinstance(evidence, list | None):
        raise InputError([Problem(name, "import.not_profile")])
    if evidence is None:  # no evidence yet, or an empty `evidence:`
        evidence = data["evidence"] = _seq([])
    older = _older(data, dates, complete)
    _merge(evidence, new, complete, change, older)
    for source, (_, _, n) in change.older.items():
        change.older[source] = (dates[source.partition("#")[0]], data["exports"][source], n)
    held = {str(ev.get("source", "")) for ev in evidence if isinstance(ev, dict)}
    change.namesakes = {
        (now, other)
        for now in {str(item.get("source", "")) for item in new.values()}
        for other in held - complete
        if other != now and _file_name(other) == _file_name(now)
    }
    mine = held & complete
    before = dict(data.get("exports") or {})
    _stamp(data, dates, mine, older)
    stamped = dict(data.get("exports") or {}) != before
    return change, _dump(data) if change.changed or stamped else None


#: The ids of items an import writes: from records, assessment forms and credentials.
IMPORTED = (RECORD_ID_PREFIX, FORM_ID_PREFIX, CREDENTIAL_ID_PREFIX)


#: A relative path that climbs this far is written whole instead.
FAR = "../../../"


def _file_name(source: str) -> str:
    """The file name a source names: ``../exports/2026/export.csv#證照`` → ``export.csv``."""
    return source.partition("#")[0].rsplit("/", 1)[-1]


class _Origins:
    """What identifies a source in a profile: the file's path relative to the profiles folder (``../exports/2026/
    export.csv``), and ``#sheet`` — never its name alone, so that ``2026/export.csv`` and ``2025/export.csv`` are two
    sources and re-importing one never removes what the other brought. A newer export saved over the same file
    is the same source (updated, its rows gone removed); a file of the same name elsewhere is another (said).

    Items written before sources held their path keep their bare name: updated by id, never removed by a file
    of another folder.
    """

    def __init__(self, folder: Path, paths: list[Path], found: RecordSet) -> None:
        self.folder = folder.resolve()
        self.given = {shown(split_sheet(path)[0]): split_sheet(path)[0] for path in paths}
        self.by_name: dict[str, list[str]] = {}
        for file in self.given:
            self.by_name.setdefault(Path(file).name, []).append(file)
        self.file_of: dict[str, str] = {}  # evidence id → the file its row was read from
        for count in found.counts:
            if count.kind != "roster":
                for ident in count.evidence:
                    self.file_of.setdefault(ident, count.file)
        self.broken = set(found.problems)
        self.sources = found.sources
        self.relative = {file: self._relative(path) for file, path in self.given.items()}  # each file resolved once

    def rel(self, file: str) -> str:
        """The file's path relative to the profiles folder, with ``/`` whatever the system."""
        return self.relative.get(file, Path(file).name)

    def _relative(self, path: Path) -> str:
        try:
            relative = Path(os.path.relpath(path.resolve(), self.folder)).as_posix()
        except ValueError:  # another drive (Windows): the whole path
            return path.resolve().as_posix()
        # beside the profiles (../exports/2026/export.csv) as it is; from far away, the whole path reads better
        return path.resolve().as_posix() if relative.startswith(FAR) else relative

    def source(self, source: str, ident: str | None = None) -> str:
        """A reader's source (``export.csv#sheet``) as the profile keeps it (``../exports/export.csv#sheet``)."""
        name, hashed, sheet = source.partition("#")
        files = self.by_name.get(name, [])
        file = files[0] if len(files) == 1 else self.file_of.get(ident or "")
        return f"{self.rel(file)}{hashed}{sheet}" if file is not None else source

    def placed(self, person: RecordPerson) -> RecordPerson:
        """The person with each item's source as the profile keeps it."""
        evidence = [
            ev.model_copy(update={"source": self.source(ev.source, ev.id)}) if ev.source else ev
            for ev in person.profile.evidence
        ]
        return replace(person, profile=person.profile.model_copy(update={"evidence": evidence}))

    def complete(self) -> set[str]:
        """The sources read whole (a file with problems removes nothing), as the profiles keep them."""
        out = set()
        for source in self.sources:
            name, hashed, sheet = source.partition("#")
            out |= {
                f"{self.rel(file)}{hashed}{sheet}" for file in self.by_name.get(name, []) if file not in self.broken
            }
        return out

    def dates(self) -> dict[str, dt.date]:
        """Each file's export date, by its source: the day the file was last written."""
        out: dict[str, dt.date] = {}
        for file, path in self.given.items():
            with contextlib.suppress(OSError):
                out[self.rel(file)] = dt.date.fromtimestamp(path.stat().st_mtime)
        return out


def _older(data: Any, dates: dict[str, dt.date], complete: set[str]) -> set[str]:
    """The sources of this run whose export is older than the one the profile last took from them."""
    stored = data.get("exports") if isinstance(data, dict) else None
    if not isinstance(stored, dict):
        return set()
    out = set()
    for source, last in stored.items():
        this = dates.get(str(source).partition("#")[0])
        if source in complete and this is not None and isinstance(last, dt.date) and this < last:
            out.add(str(source))
    return out


def _stamp(data: Any, dates: dict[str, dt.date], sources: set[str], older: set[str]) -> None:
    """Record the export date of each source this run read for the person (never moving a date back)."""
    from ruamel.yaml.comments import CommentedMap

    stored = data.get("exports")
    if not isinstance(stored, dict):
        stored = data["exports"] = CommentedMap()
    for source in sorted(sources - older):
        day = dates.get(source.partition("#")[0])
        if day is not None and (source not in stored or stored[source] < day):
            stored[source] = day


def _merge(
    items: Any,
    new: dict[str, Any],
    complete: set[str],
    change: ProfileChange,
    older: frozenset[str] | set[str] = frozenset(),
) -> None:
    """Update the imported items (``rec-``, ``form-``) to ``new``; remove those gone from a source read whole.

    Every other item — added by hand, or from a source not read in this run — is kept as it is; a
    row of another file that repeats an item never moves it there (its own file's re-import may
    still change or remove it).
    """
    seen: set[str] = set()
    for i in range(len(items) - 1, -1, -1):
        item = items[i]
        ident = str(item.get("id", "")) if isinstance(item, dict) else ""
        source = str(item.get("source", "")) if isinstance(item, dict) else ""
        fresh = new.get(ident)
        moved = fresh is not None and source and str(fresh.get("source", "")) != source and source not in complete
        if not ident.startswith(IMPORTED) or (ident not in new and source not in complete):
            change.kept += 1
        elif source in older and (fresh is None or _plain(item, fresh) != _plain(fresh, fresh)):
            seen.add(ident)  # an older export than the last one taken: its change is announced, not made
            change.kept += 1
            this, last, n = change.older.get(source, (dt.date.min, dt.date.min, 0))
            change.older[source] = (this, last, n + 1)
        elif moved:  # the same record in another file: the item stays its own file's, as it is
            seen.add(ident)
            change.kept += 1
        elif ident not in new:
            del items[i]
            change.removed += 1
            change.removals.setdefault(source, []).insert(0, f"{item.get('title', ident)} ({item.get('date', '')})")
        else:
            seen.add(ident)
            if _plain(item, new[ident]) == _plain(new[ident], new[ident]):
                change.kept += 1
            else:
                _update(item, new[ident])
                change.updated += 1
    for ident, item in new.items():
        if ident not in seen:
            items.append(item)
            change.added += 1


def _update(item: Any, fresh: Any) -> None:
    """Set the record's fields on the existing item (its comments stay); drop fields the record no longer has.

    A ``note`` written by hand stays unless the record brings its own; ``exclude`` is never touched.
    """
    for key in EVIDENCE_KEYS:
        if key in fresh:
            item[key] = fresh[key]
        elif key in item and key not in HAND_KEYS:
            del item[key]


def _plain(item: Any, fresh: Any) -> dict[str, Any]:
    """The fields a re-import manages, as plain values: a hand note counts only where the record has a note."""
    keys = [key for key in EVIDENCE_KEYS if key not in HAND_KEYS or key in fresh]
    return {key: list(item[key]) if key == "covers" else item[key] for key in keys if key in item}


def _seq(values: list[Any], *, flow: bool = False) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(values)
    if flow:
        seq.fa.set_flow_style()
    return seq


def _evidence_map(ev: Evidence) -> Any:
    from ruamel.yaml.comments import CommentedMap

    values: dict[str, Any] = ev.model_dump(exclude_none=True, exclude_defaults=True)
    values["kind"] = ev.kind.value
    if ev.rater is not None:
        values["rater"] = ev.rater.value
    for key in ("hours", "score", "pass_mark"):
        if key in values and float(values[key]).is_integer() and abs(values[key]) < 2**53:
            values[key] = int(values[key])
    values = {key: _text(value) if isinstance(value, str) else value for key, value in values.items()}
    values["covers"] = _seq(list(ev.covers), flow=True)
    return CommentedMap((key, values[key]) for key in EVIDENCE_KEYS if key in values)


def _new_profile(profile: Profile, evidence: dict[str, Any], sources: str, lang: str) -> Any:
    from ruamel.yaml.comments import CommentedMap

    person = CommentedMap((k, _text(v)) for k, v in profile.person.model_dump(exclude_none=True).items())
    data = CommentedMap(
        [("standard", profile.standard), ("person", person), ("evidence", _seq(list(evidence.values())))]
    )
    data.yaml_set_start_comment(t("import.header", lang, sources=sources))
    return data


def _dump(data: Any) -> str:
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()
