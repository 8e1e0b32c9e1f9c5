"""`kmc-gap form`: assessment forms for the people of a run, one workbook each or one for the team.

Each person's form is made from what is known of them today: with ``only_gaps`` it lists only the
behaviour indicators and work outputs their evidence does not meet yet, with the best level each
has today beside it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kmc_gap.api.errors import OptionError
from kmc_gap.api.files import OutputRefused, atomic_output, check_output, filled_refused, in_folder
from kmc_gap.api.inputs import listed
from kmc_gap.api.people import load_people
from kmc_gap.api.reading import NO_READING, RecordReading, never_overwrite
from kmc_gap.engine.scoring import assess
from kmc_gap.model.forms import DEFAULT_RATERS, FormFor, FormSpec
from kmc_gap.model.models import Policy, Profile, Rater, Standard
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import Problem, os_reason
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class FormRequest:
    """What ``kmc-gap form`` was asked for."""

    paths: tuple[Path, ...]
    output: Path
    spec: FormSpec
    policy: Policy
    as_of: dt.date
    lang: str
    catalog: Path | None = None
    reading: RecordReading = NO_READING
    policy_name: str = "default"
    max_bytes: int = DEFAULT_MAX_BYTES
    run_inputs: tuple[Path, ...] = ()  # what the whole run reads: the --standard file, the config file
    force: bool = False  # replace forms people have filled in

    def never_overwrite(self) -> tuple[Path, ...]:
        """Every file the request reads: a form is never written over one."""
        return never_overwrite(self.paths, self.reading, self.policy_name, self.catalog, *self.run_inputs)


#: Writes the workbook of some people's forms: ``(forms, standard, spec, language) -> bytes``.
Workbook = Callable[[Sequence[FormFor], Standard, FormSpec, str], bytes]


@dataclass
class FormRun:
    """The files written (and for how many people), and the problems of the inputs that could not be read."""

    written: list[tuple[Path, int]] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)  # forms already filled in, left as they are
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def raters(value: str | None) -> tuple[Rater, ...]:
    """``--raters self,manager``: the rating columns, each once, in the order given (full-width ， and 、 too)."""
    if value is None:
        return DEFAULT_RATERS
    chosen: list[Rater] = []
    for part in listed(value):
        try:
            rater = Rater(part.lower())
        except ValueError:
            raise OptionError("--raters", "usage.raters", value=part, raters=", ".join(Rater)) from None
        if rater not in chosen:
            chosen.append(rater)
    if not chosen:
        raise OptionError("--raters", "usage.raters", value=value, raters=", ".join(Rater))
    return tuple(chosen)


def form_for(profile: Profile, std: Standard, policy: Policy, as_of: dt.date, only_gaps: bool) -> FormFor:
    """One person's form: the best level each code has today, and with ``only_gaps`` the items unmet."""
    report = assess(profile, std, policy, as_of)
    best: dict[str, int | None] = {}
    unmet: set[str] = set()
    for task in report["tasks"]:
        for item in (*task["items"], *task["outputs"]):
            best[item["code"]] = item["best_level"]
            if not item["met"] and item["code"][0] in "PO":
                unmet.add(item["code"])
    return FormFor(profile.person, best, frozenset(unmet) if only_gaps else None)


#: Characters a file name may not hold on Windows, control characters and noncharacters.
_NOT_IN_FILE = re.compile('[<>:"/\\\\|?*\x00-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]')
#: The most bytes (UTF-8) a form's name may take before `` (2).xlsx``: file systems allow 255 a name, and
#: the file is first written beside itself under a temporary name a little longer.
FILE_NAME_BYTES = 200


def _bytes_cut(text: str, limit: int) -> str:
    """``text`` cut at a character boundary to at most ``limit`` bytes of UTF-8 (100 CJK characters are 300)."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def file_name(form: FormFor, taken: set[str]) -> str:
    """``E3101 陳怡君.xlsx``: safe on every system, unique in its folder."""
    person = form.person
    base = _bytes_cut(_NOT_IN_FILE.sub(" ", f"{person.id or ''} {person.name}").strip(" ."), FILE_NAME_BYTES)
    base = base.strip(" .") or "form"
    name, n = f"{base}.xlsx", 2
    while name.casefold() in taken:
        name, n = f"{base} ({n}).xlsx", n + 1
    taken.add(name.casefold())
    return name


def make_forms(request: FormRequest, std: Standard, workbook: Workbook) -> FormRun:
    """Write the forms: ``output`` a folder (a workbook per person) or a ``.xlsx`` file (one for everyone)."""
    from kmc_gap.api.records import read_record_options

    records = read_record_options(request.catalog, request.reading, std, request.max_bytes)
    found = load_people(request.paths, std, records, request.max_bytes)
    run = FormRun(problems=found.problems, warnings=found.warnings)
    forms = [form_for(p, std, request.policy, request.as_of, request.spec.only_gaps) for p, _ in found.profiles]
    if not forms:
        return run
    out, inputs = request.output, request.never_overwrite()
    filled = functools.partial(filled_in, std=std, max_bytes=request.max_bytes)
    if out.suffix.lower() == ".xlsx":
        check_output(out, inputs)
        filled_refused(out, filled, force=request.force)  # the team's workbook, maybe half rated
        _write(out, workbook(forms, std, request.spec, request.lang), inputs)
        run.written.append((out, len(forms)))
        return run
    if out.exists() and not out.is_dir():  # an existing file that is no workbook: never written over
        raise OutputRefused(out, "form.output_not_folder")
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for form in forms:
        path = out / file_name(form, taken)
        in_folder(path, out)
        if not request.force and path.is_file() and filled(path):
            run.kept.append(path)  # someone's ratings: kept as they are, never replaced by a blank form
            continue
        try:
            _write(path, workbook([form], std, request.spec, request.lang), inputs)
        except OSError as exc:  # a name this file system refuses: that form is a problem, the others are written
            run.problems.append(Problem(shown(path), "file.unwritable", {"reason": os_reason(exc)}))
            continue
        run.written.append((path, 1))
    return run


def filled_in(path: Path, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    """Whether a form on disk holds anything a person typed: a rating (even 不適用 or a bad one), a note, an
    output reference, a rater's name, the rating date. A file that is no kmc-gap form (or cannot be read as
    one) counts as filled: it is someone's, and never replaced."""
    from kmc_gap.model.forms import read_form
    from kmc_gap.model.problems import InputError
    from kmc_gap.model.records import RecordOptions, read_tables

    try:
        found = read_tables(path, RecordOptions(max_bytes=max_bytes))
    except InputError:
        return True
    if not found.form:
        return True
    read = read_form(shown(path), {t.sheet or "": (t.rows, t.first_column) for t in found.tables}, std)
    return bool(read.refused or read.problems or any(person.typed for person in read.people))


def _write(path: Path, data: bytes, inputs: Sequence[Path]) -> None:
    """A workbook written safely: never over an input, atomically, the old file kept if it fails."""
    check_output(path, inputs)
    with atomic_output(path) as handle:
        handle.flush()
        handle.buffer.write(data)
