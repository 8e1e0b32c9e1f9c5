"""The commands: parse options, call :mod:`kmc_gap.api`, render with :mod:`kmc_gap.render`.

Exit codes: 0 ok, 1 findings or a failed threshold, 2 invalid input or usage.
Help texts here are catalogue keys; :mod:`kmc_gap.cli.help` writes them in the chosen language.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer
from typer.core import TyperGroup

from kmc_gap import __version__
from kmc_gap.api.documents import SchemaName
from kmc_gap.api.errors import OptionError
from kmc_gap.cli.compat import Command, Context, ParameterSource, stdout_closed
from kmc_gap.cli.compat import errors as click_errors
from kmc_gap.cli.help import LocalCommand, LocalGroup, Run, lang, run_of, usage_message
from kmc_gap.model.kinds import read_together
from kmc_gap.model.limits import MAX_HOURS
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import KmcGapError, Problem, os_reason
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.render.formats import (
    AssessFormat,
    CalibrateFormat,
    ConfigFormat,
    DocFormat,
    GroupBy,
    ImportFormat,
    InspectFormat,
    PlanFormat,
    ValidateFormat,
    ViewFormat,
    format_for,
    format_in,
)
from kmc_gap.words import Lang, env_lang, parse_lang, t, tr
from kmc_gap.words.safe import log_line

if TYPE_CHECKING:
    import datetime as dt

    from kmc_gap.api.config import Config
    from kmc_gap.api.plan import PlanRun
    from kmc_gap.engine.report import Plan
    from kmc_gap.model.models import Course, Policy, Standard
    from kmc_gap.model.paths import Expansion
    from kmc_gap.model.records import RecordOptions
    from kmc_gap.render.base import RenderContext

EXIT_FINDINGS, EXIT_INVALID, EXIT_INTERRUPTED = 1, 2, 130

app = typer.Typer(
    name="kmc-gap",
    cls=LocalGroup,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# The language is read, and its spelling checked, before Click parses anything (chosen_lang); the
# option is declared so that it is accepted and listed in the help.
LangOption = Annotated[
    str | None, typer.Option("--lang", "-l", metavar="LANG", help="help.opt.lang", show_default=False)
]
MaxSizeOption = Annotated[int, typer.Option("--max-size", min=1, metavar="BYTES", help="help.opt.max_size")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="help.opt.as_of")]
PolicyOption = Annotated[str, typer.Option("--policy", metavar="POLICY", help="help.opt.policy")]
FormatOption = typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.view_format")
RecordsCatalogOption = Annotated[
    Path | None, typer.Option("--catalog", "-c", metavar="FILE", help="help.opt.records_catalog")
]
SheetOption = Annotated[str | None, typer.Option("--sheet", metavar="NAME", help="help.opt.sheet")]
ColumnsOption = Annotated[
    str | None, typer.Option("--columns", metavar="FIELD=HEADER,…", help="help.opt.columns", show_default=False)
]
RosterOption = Annotated[
    list[Path] | None, typer.Option("--roster", metavar="FILE", help="help.opt.roster", show_default=False)
]
VerifiedByOption = Annotated[
    str | None, typer.Option("--verified-by", metavar="NAME", help="help.opt.verified_by", show_default=False)
]
IncludeLeaversOption = Annotated[bool, typer.Option("--include-leavers", help="help.opt.include_leavers")]
MappingOption = Annotated[
    Path | None, typer.Option("--mapping", metavar="FILE", help="help.opt.mapping", show_default=False)
]
IssuerKeyOption = Annotated[
    Path | None, typer.Option("--issuer-key", metavar="FILE", help="help.opt.issuer_key", show_default=False)
]


def _version(value: bool) -> None:
    if value:
        print(f"kmc-gap {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    standard: Annotated[
        Path | None, typer.Option("--standard", metavar="FILE", help="help.opt.standard", dir_okay=False)
    ] = None,
    lang_: LangOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="help.opt.version")
    ] = False,
) -> None:
    run = run_of(ctx)
    configured = run.config.value("standard") if run.config is not None else None
    ctx.obj = replace(run, standard=standard or (Path(configured) if configured else None))


def fail(problems: list[Problem]) -> NoReturn:
    """Stop the command for ``problems``: :func:`main` reports them and exits with the invalid-input code."""
    raise KmcGapError(problems)


def warn(problems: list[Problem], language: str | None = None) -> None:
    """``file: warning: message`` on stderr for each problem that does not change the exit code."""
    lg = language or lang()
    for problem in problems:
        line = f"{problem.location()}: {t('run.warning', lg, message=problem.message(lg))}"
        print(log_line(line), file=sys.stderr)


def note(text: str) -> None:
    """``kmc-gap: text`` on stderr; text from inputs in it (a path, a value) is shown as text."""
    print(log_line(f"kmc-gap: {text}"), file=sys.stderr)


def say(key: str, **args: object) -> None:
    """A one-line note on stderr, in the chosen language."""
    note(t(key, lang(), **args))


def _standard(ctx: typer.Context) -> Standard:
    from kmc_gap.api.inputs import standard

    return standard(run_of(ctx).standard)


def _context(std: Standard, **options: object) -> RenderContext:
    from kmc_gap.render.base import RenderContext

    return RenderContext(std, lang(), **options)  # type: ignore[arg-type]


@app.command("standard", cls=LocalCommand, help="help.cmd.standard")
def standard_cmd(
    ctx: typer.Context,
    code: Annotated[str | None, typer.Argument(metavar="CODE", help="help.arg.code", show_default=False)] = None,
    lang_: LangOption = None,
    fmt: Annotated[ViewFormat, FormatOption] = ViewFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.standard_output", dir_okay=False)
    ] = None,
) -> None:
    from kmc_gap.model.loading import suggest
    from kmc_gap.model.lookup import index
    from kmc_gap.render.browse import view_for
    from kmc_gap.render.standard import RENDERERS

    std = _standard(ctx)
    if fmt is ViewFormat.case and code is not None:
        raise OptionError("--format", "usage.case_whole")
    view = view_for(std, code, lang())
    if view is None:
        hint = suggest(code or "", index(std))
        key = "profile.unknown_code_hint" if hint else "profile.unknown_code"
        fail([Problem("kmc-gap standard", key, {"code": code, "suggestion": hint})])
    read = _files(run_of(ctx).standard)
    with _destination(output, read) as out:
        RENDERERS[fmt].write(view, out, _context(std))


@app.command("assess", cls=LocalCommand, help="help.cmd.assess")
def assess_cmd(
    ctx: typer.Context,
    profiles: Annotated[list[Path], typer.Argument(metavar="PROFILE", help="help.arg.profiles", show_default=False)],
    fmt: Annotated[
        AssessFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.assess_format", show_default=False),
    ] = None,
    lang_: LangOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    fail_under: Annotated[str | None, typer.Option("--fail-under", metavar="PCT", help="help.opt.fail_under")] = None,
    gaps: Annotated[str, typer.Option("--gaps", metavar="N|all", help="help.opt.gaps")] = "10",
    task: Annotated[str | None, typer.Option("--task", metavar="TASK", help="help.opt.task")] = None,
    require: Annotated[str | None, typer.Option("--require", metavar="TASKS", help="help.opt.require")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.output", dir_okay=False)
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help="help.opt.jobs")] = 1,
    redact: Annotated[bool, typer.Option("--redact", help="help.opt.redact")] = False,
    bom: Annotated[bool, typer.Option("--bom/--no-bom", help="help.opt.bom")] = True,
    warn_expiring: Annotated[
        int, typer.Option("--warn-expiring", min=0, metavar="DAYS", help="help.opt.warn_expiring")
    ] = 90,
    catalog: RecordsCatalogOption = None,
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    roster: RosterOption = None,
    verified_by: VerifiedByOption = None,
    include_leavers: IncludeLeaversOption = False,
    mapping: MappingOption = None,
    issuer_key: IssuerKeyOption = None,
    plan_file: Annotated[
        Path | None, typer.Option("--plan", metavar="FILE", help="help.opt.summary_plan", show_default=False)
    ] = None,
    group_by: Annotated[
        GroupBy | None, typer.Option("--group-by", metavar="FIELD", help="help.opt.group_by", show_default=False)
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    _assess(ctx, AssessArgs(**{k: v for k, v in locals().items() if k != "ctx"}))  # every option, by its name


@dataclass(frozen=True)
class AssessArgs:
    """`kmc-gap assess`'s options as given, before they are checked and read."""

    profiles: list[Path]
    fmt: AssessFormat | None
    lang_: str | None
    as_of: str | None
    policy: str
    fail_under: str | None
    gaps: str
    task: str | None
    require: str | None
    output: Path | None
    jobs: int
    redact: bool
    bom: bool
    warn_expiring: int
    catalog: Path | None
    sheet: str | None
    columns: str | None
    roster: list[Path] | None
    verified_by: str | None
    include_leavers: bool
    mapping: Path | None
    issuer_key: Path | None
    plan_file: Path | None
    group_by: GroupBy | None
    max_size: int


def _assess(ctx: typer.Context, a: AssessArgs) -> None:
    """Check the options, read the inputs into a request, and assess it into the chosen format's renderer."""
    from kmc_gap.api import inputs, thresholds
    from kmc_gap.api.assess import AssessRequest, Settings, assess_paths
    from kmc_gap.render.assess import Piece, renderer
    from kmc_gap.render.text import report_problems

    day = inputs.as_of(a.as_of)
    std = _standard(ctx)
    required = thresholds.required_tasks(a.require, std)
    limit = thresholds.percentage(a.fail_under)
    shown_gaps = inputs.gap_count(a.gaps)
    detail = thresholds.required_tasks(a.task, std)[0] if a.task else None
    fmt = a.fmt or format_for(a.output) or AssessFormat.table
    if fmt is AssessFormat.xlsx and a.output is None and sys.stdout.isatty():
        raise OptionError("--format", "usage.xlsx_terminal")
    policy_name, pol = inputs.policy(a.policy, a.max_size)
    found = _expand(a.profiles)
    paths = found.files
    # record files need the catalogue; without them the spreadsheet code is never imported
    reads = any(map(read_together, paths)) or bool(a.roster)
    given = (a.catalog, a.sheet, a.columns, std, a.max_size, a.roster, a.verified_by, a.include_leavers)
    reading = _record_options(*given, a.mapping, a.issuer_key) if reads else None
    summary = fmt is AssessFormat.summary
    catalog = a.catalog if ctx.get_parameter_source("catalog") is not ParameterSource.DEFAULT_MAP else None
    if reading is None and ((catalog and not summary) or a.sheet or a.columns or a.verified_by):
        say("run.records_options_unused")  # a catalogue from the config file is for the runs that need one
    courses, planned = _summary_inputs(reading, a.catalog if summary else None, a.plan_file, std, a.max_size)
    cohort = len(paths) > 1 or any(p.is_dir() or read_together(p) for p in a.profiles)
    kind = renderer(fmt)
    piece = Piece(kind, lang()) if kind.pieces else None
    settings = Settings(
        run_of(ctx).standard, pol, policy_name, day, a.max_size, a.redact, piece, a.warn_expiring, found.named
    )
    request = AssessRequest(tuple(paths), settings, reading, a.jobs, limit, tuple(required))
    read = [*paths, *_files(a.policy, a.catalog, a.mapping, a.issuer_key, *(a.roster or []))]
    group = a.group_by.value if a.group_by is not None else None
    context = _context(
        std, cohort=cohort, bom=a.bom, gaps=shown_gaps, task=detail, courses=courses, plan=planned, group_by=group
    )
    with _destination(a.output, read) as out, _progress(len(paths)) as advance:
        outcome = assess_paths(
            request, std, kind(out, context), on_failure=lambda p: report_problems(p, lang()), advance=advance
        )
        if not outcome.assessed and a.output is not None:
            from kmc_gap.api.files import Discard

            raise Discard  # nothing was assessed: an existing -o file stays as it was
    warn(outcome.warnings)
    for problem in outcome.failures:
        note(problem.format(lang()) if cohort else problem.message(lang()))
    if a.output is not None and outcome.assessed:
        say("run.wrote_people", path=a.output, n=outcome.assessed)
    if outcome.invalid or found.empty:
        raise typer.Exit(EXIT_INVALID)
    if outcome.failures:
        raise typer.Exit(EXIT_FINDINGS)


def _plan_summary(out: TextIO, run: PlanRun, std: Standard, pol: Policy, policy_name: str, day: dt.date) -> None:
    """``plan --format summary``: the team's one-page summary with this plan, from what the plan read."""
    from kmc_gap.render.assess.summary import SummaryHtmlRenderer

    courses = tuple(run.catalog.related()) if run.catalog is not None else None
    renderer = SummaryHtmlRenderer(out, _context(std, cohort=True, courses=courses, plan=run.plan))
    renderer.start()
    for report in run.reports(std, pol, day, policy_name):
        renderer.add(report)
    renderer.finish()


def _summary_inputs(
    reading: RecordOptions | None, catalog: Path | None, plan_file: Path | None, std: Standard, max_size: int
) -> tuple[tuple[Course, ...] | None, Plan | None]:
    """The catalogue's courses and the plan the summary shows: which gaps courses close, what the plan costs."""
    if reading is None and catalog is None and plan_file is None:
        return None, None  # a run of YAML profiles alone: no record or spreadsheet code is imported
    from kmc_gap.api import records
    from kmc_gap.api.plan import load_plan

    courses = reading.catalog if reading is not None else records.catalog(catalog, std, max_size)
    planned = load_plan(plan_file, max_size) if plan_file is not None else None
    return (tuple(courses.related()) if courses is not None else None), planned


def _record_options(
    catalog: Path | None,
    sheet: str | None,
    columns: str | None,
    std: Standard,
    max_size: int,
    roster: list[Path] | None = None,
    verified_by: str | None = None,
    include_leavers: bool = False,
    mapping: Path | None = None,
    issuer_key: Path | None = None,
) -> RecordOptions:
    """How record files are read: the course catalogue (its problems end the run), sheet, columns, roster."""
    from kmc_gap.api import records

    courses = records.catalog(catalog, std, max_size)
    return records.options(
        courses,
        sheet,
        columns,
        max_size,
        roster=roster or (),
        verified_by=verified_by,
        include_leavers=include_leavers,
        mapping=mapping,
        issuer_key=issuer_key,
    )


def _expand(given: list[Path]) -> Expansion:
    """The files to read; what a folder search passed over is warned about on stderr.

    A folder with no profiles is returned as an error, reported at once: the run goes on with the
    other inputs and ends with exit code 2.
    """
    from kmc_gap.model.kinds import FOLDER_SUFFIXES, found_in_folders
    from kmc_gap.model.paths import expand
    from kmc_gap.render.text import report_problems

    found = expand(given, FOLDER_SUFFIXES, found_in_folders)
    warn(found.skipped)
    report_problems(found.empty, lang())
    if not found.files:
        raise typer.Exit(EXIT_INVALID)
    return found


def _files(*specs: str | Path | None) -> list[Path]:
    """The option values that name files (a policy may also be a built-in name)."""
    return [Path(spec) for spec in specs if spec is not None and Path(spec).is_file()]


@contextlib.contextmanager
def _destination(output: Path | None, inputs: list[Path]) -> Iterator[TextIO]:
    """stdout, or ``output`` written safely (see :mod:`kmc_gap.api.files`)."""
    if output is None:
        yield sys.stdout
        return
    from kmc_gap.api.files import atomic_output, check_output

    check_output(output, inputs)
    try:
        with atomic_output(output) as handle:
            yield handle
    except OSError as exc:
        fail([Problem(shown(output), "file.unwritable", {"reason": os_reason(exc)})])


PROGRESS_MIN_FILES = 10


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal and there are many files; else nothing."""
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("kmc-gap", total=total)
        yield lambda: bar.advance(task)


@app.command("validate", cls=LocalCommand, help="help.cmd.validate")
def validate_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="PROFILE", help="help.arg.profiles", show_default=False)],
    policy: Annotated[str | None, typer.Option("--policy", metavar="FILE", help="help.opt.validate_policy")] = None,
    catalog: Annotated[
        Path | None, typer.Option("--catalog", "-c", metavar="FILE", help="help.opt.validate_catalog")
    ] = None,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.problem_format")
    ] = ValidateFormat.text,
    lang_: LangOption = None,
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    roster: RosterOption = None,
    verified_by: VerifiedByOption = None,
    include_leavers: IncludeLeaversOption = False,
    mapping: MappingOption = None,
    issuer_key: IssuerKeyOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api.validate import RecordReading, ValidateRequest, validate
    from kmc_gap.render.validate import RENDERERS

    std = _standard(ctx)
    found = _expand(files)
    reading = RecordReading(sheet, columns, tuple(roster or ()), verified_by, include_leavers, mapping, issuer_key)
    request = ValidateRequest(tuple(found.files), found.named, policy, catalog, reading, max_size)
    checks = validate(request, std)
    warn([w for c in checks for w in c.warnings])
    checks = [c for c in checks if c.kind != "skipped"]
    RENDERERS[fmt].write(checks, sys.stdout, _context(std))
    invalid = sum(not c.valid for c in checks)
    say("run.checked", n=len(checks), invalid=invalid)
    if found.empty:
        raise typer.Exit(EXIT_INVALID)
    if invalid:
        raise typer.Exit(EXIT_FINDINGS)


@app.command("schema", cls=LocalCommand, help="help.cmd.schema")
def schema_cmd(
    ctx: typer.Context,
    name: Annotated[SchemaName, typer.Argument(metavar="NAME", help="help.arg.schema", show_default=False)],
) -> None:
    from kmc_gap.api.schemas import schema_for
    from kmc_gap.render.formats import SchemaFormat
    from kmc_gap.render.schema import RENDERERS

    std = _standard(ctx)
    RENDERERS[SchemaFormat.json].write(schema_for(name, std), sys.stdout, _context(std))


@app.command("config", cls=LocalCommand, help="help.cmd.config")
def config_cmd(
    ctx: typer.Context,
    fmt: Annotated[
        ConfigFormat, typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.config_format")
    ] = ConfigFormat.table,
    lang_: LangOption = None,
) -> None:
    from kmc_gap.api.config import load_config
    from kmc_gap.model.loading import load_standard
    from kmc_gap.render.config import RENDERERS

    config = run_of(ctx).config or load_config(Path.cwd(), os.environ)
    RENDERERS[fmt].write(config, sys.stdout, _context(load_standard()))


@app.command("init", cls=LocalCommand, help="help.cmd.init")
def init_cmd(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.init_output", dir_okay=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="help.opt.force")] = False,
    lang_: LangOption = None,
) -> None:
    import datetime as dt
    import io

    from kmc_gap.api.files import check_output, write_atomic
    from kmc_gap.render.formats import StarterFormat
    from kmc_gap.render.starter import RENDERERS

    std = _standard(ctx)
    buffer = io.StringIO()
    RENDERERS[StarterFormat.yaml].write(dt.date.today(), buffer, _context(std))
    if output is None:
        sys.stdout.write(buffer.getvalue())
        return
    try:
        check_output(output)
        write_atomic(output, buffer.getvalue(), force=force)
    except FileExistsError:
        fail([Problem(shown(output), "file.exists")])
    except OSError as exc:
        fail([Problem(shown(output), "file.unwritable", {"reason": os_reason(exc)})])
    say("run.wrote", path=output)


@app.command("plan", cls=LocalCommand, help="help.cmd.plan")
def plan_cmd(
    ctx: typer.Context,
    profiles: Annotated[list[Path], typer.Argument(metavar="PROFILE", help="help.arg.profiles", show_default=False)],
    catalog: Annotated[
        Path, typer.Option("--catalog", "-c", metavar="FILE", help="help.opt.catalog", show_default=False)
    ],
    budget: Annotated[str | None, typer.Option("--budget", metavar="AMOUNT", help="help.opt.budget")] = None,
    max_hours: Annotated[
        float | None, typer.Option("--max-hours", min=0, max=MAX_HOURS, metavar="HOURS", help="help.opt.max_hours")
    ] = None,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=1, metavar="SECONDS", help="help.opt.time_limit")
    ] = 60,
    fmt: Annotated[
        PlanFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.plan_format", show_default=False),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.output", dir_okay=False)
    ] = None,
    lang_: LangOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    roster: RosterOption = None,
    verified_by: VerifiedByOption = None,
    include_leavers: IncludeLeaversOption = False,
    mapping: MappingOption = None,
    issuer_key: IssuerKeyOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api import inputs, records
    from kmc_gap.api.plan import PlanRequest, plan
    from kmc_gap.engine.plan import PlanOptions
    from kmc_gap.render.plan import RENDERERS
    from kmc_gap.render.text import report_problems

    started = time.monotonic()  # --time-limit bounds the whole command, reading the inputs included
    fmt = fmt or format_in(PlanFormat, output) or PlanFormat.table
    if fmt is PlanFormat.xlsx and output is None and sys.stdout.isatty():
        raise OptionError("--format", "usage.xlsx_terminal")
    day = inputs.as_of(as_of)
    std = _standard(ctx)
    found = _expand(profiles)
    limit = inputs.amount("--budget", budget) if budget is not None else None
    options = PlanOptions(budget=limit, max_hours=max_hours, time_limit=time_limit, started=started)
    policy_name, pol = inputs.policy(policy, max_size)
    reading = records.options(
        None,
        sheet,
        columns,
        max_size,
        roster=roster or (),
        verified_by=verified_by,
        include_leavers=include_leavers,
        mapping=mapping,
        issuer_key=issuer_key,
    )
    run = plan(PlanRequest(tuple(found.files), catalog, pol, day, policy_name, options, max_size, reading), std)
    report_problems(run.problems, lang())
    warn(run.warnings)
    if run.plan is not None:
        with _destination(output, [*found.files, *_files(policy, catalog, mapping, *(roster or []))]) as out:
            if fmt is PlanFormat.summary:  # the team's page with this plan
                _plan_summary(out, run, std, pol, policy_name, day)
            else:
                RENDERERS[fmt].write(run.plan, out, _context(std))
        if output is not None:
            say("run.wrote_plan", path=output, n=len(run.plan["people"]), courses=len(run.plan["courses"]))
    if run.problems or found.empty:
        raise typer.Exit(EXIT_INVALID)


@app.command("form", cls=LocalCommand, help="help.cmd.form")
def form_cmd(
    ctx: typer.Context,
    people: Annotated[list[Path], typer.Argument(metavar="PEOPLE", help="help.arg.people", show_default=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR|FILE.xlsx", help="help.opt.form_output", show_default=False)
    ],
    only_gaps: Annotated[bool, typer.Option("--only-gaps", help="help.opt.only_gaps")] = False,
    task: Annotated[
        list[str] | None, typer.Option("--task", metavar="TASK", help="help.opt.form_task", show_default=False)
    ] = None,
    raters: Annotated[
        str | None, typer.Option("--raters", metavar="RATERS", help="help.opt.raters", show_default=False)
    ] = None,
    catalog: RecordsCatalogOption = None,
    lang_: LangOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    roster: RosterOption = None,
    verified_by: VerifiedByOption = None,
    include_leavers: IncludeLeaversOption = False,
    mapping: MappingOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api import inputs
    from kmc_gap.api.forms import FormRequest, make_forms
    from kmc_gap.api.forms import raters as rater_list
    from kmc_gap.api.thresholds import task_codes
    from kmc_gap.model.forms import FormSpec
    from kmc_gap.render.form import form_workbook
    from kmc_gap.render.text import report_problems

    std = _standard(ctx)
    spec = FormSpec(rater_list(raters), tuple(task_codes(task, std, "--task")) if task else (), only_gaps)
    day = inputs.as_of(as_of)
    found = _expand(people)
    reading = _record_options(catalog, sheet, columns, std, max_size, roster, verified_by, include_leavers, mapping)
    _, pol = inputs.policy(policy, max_size)
    request = FormRequest(
        tuple(found.files), output, spec, pol, day, lang(), reading,
        (*found.files, *_files(policy, catalog, mapping, *(roster or []))),
    )  # fmt: skip
    try:
        run = make_forms(request, std, form_workbook)
    except OSError as exc:
        fail([Problem(shown(output), "file.unwritable", {"reason": os_reason(exc)})])
    warn(run.warnings)
    report_problems(run.problems, lang())
    if run.written:
        say("run.wrote_forms", n=sum(n for _, n in run.written), path=output)
    if run.problems or found.empty or not run.written:
        raise typer.Exit(EXIT_INVALID)


@app.command("calibrate", cls=LocalCommand, help="help.cmd.calibrate")
def calibrate_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="FORMS", help="help.arg.forms", show_default=False)],
    fmt: Annotated[
        CalibrateFormat | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.calibrate_format", show_default=False),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar="FILE", help="help.opt.output", dir_okay=False)
    ] = None,
    lang_: LangOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api.calibrate import CalibrateRequest, calibrate_paths
    from kmc_gap.render.calibrate import RENDERERS
    from kmc_gap.render.text import report_problems

    fmt = fmt or format_in(CalibrateFormat, output) or CalibrateFormat.table
    if fmt is CalibrateFormat.xlsx and output is None and sys.stdout.isatty():
        raise OptionError("--format", "usage.xlsx_terminal")
    std = _standard(ctx)
    expanded = _expand(files)
    reading = _record_options(None, None, None, std, max_size)
    run = calibrate_paths(CalibrateRequest(tuple(expanded.files), reading), std)
    warn(run.warnings)
    report_problems(run.problems, lang())
    if run.calibration is not None:
        with _destination(output, list(expanded.files)) as out:
            RENDERERS[fmt].write(run.calibration, out, _context(std))
        if output is not None:
            say("run.wrote_people", path=output, n=len({i["person"]["id"] for i in run.calibration["items"]}))
    if run.problems or expanded.empty or run.calibration is None:
        raise typer.Exit(EXIT_INVALID)


@app.command("import", cls=LocalCommand, help="help.cmd.import")
def import_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="RECORDS", help="help.arg.records", show_default=False)],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="DIR", help="help.opt.import_output", show_default=False)
    ],
    catalog: RecordsCatalogOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="help.opt.dry_run")] = False,
    fmt: Annotated[
        ImportFormat, typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.import_format")
    ] = ImportFormat.table,
    lang_: LangOption = None,
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    roster: RosterOption = None,
    verified_by: VerifiedByOption = None,
    include_leavers: IncludeLeaversOption = False,
    mapping: MappingOption = None,
    issuer_key: IssuerKeyOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api.imports import ImportRequest, import_records
    from kmc_gap.render.imports import RENDERERS
    from kmc_gap.render.text import report_problems

    std = _standard(ctx)
    if output.exists() and not output.is_dir():
        fail([Problem(shown(output), "file.not_dir")])
    options = (catalog, sheet, columns, std, max_size, roster, verified_by, include_leavers, mapping, issuer_key)
    reading = _record_options(*options)
    inputs = _files(catalog, mapping, issuer_key, *(roster or []))
    request = ImportRequest(tuple(files), reading, output, lang(), dry_run, tuple(inputs))
    run = import_records(request, std)
    for line in run.counts:  # what became of every row, before the warnings and problems about some of them
        note(tr(line.key, lang(), line.args))
    warn(run.warnings)
    report_problems(run.problems, lang())
    RENDERERS[fmt].write(run.changes, sys.stdout, _context(std))
    written = sum(c.changed for c in run.changes)
    say(
        "import.dry_run" if dry_run else "import.done",
        written=written,
        unchanged=len(run.changes) - written,
        folder=output,
    )
    if run.problems:
        raise typer.Exit(EXIT_INVALID)


catalog_app = typer.Typer(cls=LocalGroup, no_args_is_help=True, help="help.cmd.catalog")
app.add_typer(catalog_app, name="catalog", help="help.cmd.catalog")


@catalog_app.command("init", cls=LocalCommand, help="help.cmd.catalog_init")
def catalog_init_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="RECORDS", help="help.arg.records", show_default=False)],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", metavar="FILE", help="help.opt.catalog_output", show_default=False),
    ],
    lang_: LangOption = None,
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api import records
    from kmc_gap.model.records import courses_in
    from kmc_gap.render.catalog import RENDERERS
    from kmc_gap.render.formats import SkeletonFormat
    from kmc_gap.render.text import report_problems

    std = _standard(ctx)
    fmt = SkeletonFormat.csv if output.suffix.lower() == ".csv" else SkeletonFormat.xlsx
    if fmt is SkeletonFormat.xlsx and output.suffix.lower() != ".xlsx":
        raise OptionError("--output", "usage.skeleton_output", value=str(output))
    found, problems = courses_in(files, records.options(None, sheet, columns, max_size))
    report_problems(problems, lang())
    if not found:
        raise typer.Exit(EXIT_INVALID)
    with _destination(output, list(files)) as out:
        RENDERERS[fmt].write(found, out, _context(std))
    say("catalog.written", path=output, n=len(found))
    if problems:
        raise typer.Exit(EXIT_INVALID)


records_app = typer.Typer(cls=LocalGroup, no_args_is_help=True, help="help.cmd.records")
app.add_typer(records_app, name="records", help="help.cmd.records")


@records_app.command("inspect", cls=LocalCommand, help="help.cmd.records_inspect")
def records_inspect_cmd(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="RECORDS", help="help.arg.records", show_default=False)],
    write_mapping: Annotated[
        Path | None,
        typer.Option("--write-mapping", metavar="FILE", help="help.opt.write_mapping", show_default=False),
    ] = None,
    fmt: Annotated[
        InspectFormat, typer.Option("--format", "-f", metavar="FORMAT", help="help.opt.inspect_format")
    ] = InspectFormat.table,
    catalog: RecordsCatalogOption = None,
    lang_: LangOption = None,
    sheet: SheetOption = None,
    columns: ColumnsOption = None,
    roster: RosterOption = None,
    include_leavers: IncludeLeaversOption = False,
    mapping: MappingOption = None,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api.inspect import InspectRequest, inspect, mapping_text
    from kmc_gap.render.inspect import RENDERERS
    from kmc_gap.render.text import report_problems

    std = _standard(ctx)
    reading = _record_options(catalog, sheet, columns, std, max_size, roster, None, include_leavers, mapping)
    found = inspect(InspectRequest(tuple(files), reading, write_mapping), std)
    report_problems(found.problems, lang())
    RENDERERS[fmt].write(found, sys.stdout, _context(std))
    if write_mapping is not None:
        kept = reading.mapping.model_dump(include={"headers", "words"}) if reading.mapping is not None else {}
        notes = {k: t(f"mapping.{k}", lang()) for k in ("title", "how", "header_open", "word_open", "date_order")}
        with _destination(write_mapping, [*files, *_files(catalog, mapping, *(roster or []))]) as out:
            out.write(mapping_text(found, kept, notes))
        say("inspect.wrote", path=write_mapping)
    if found.problems or any(table.causes or table.unreadable for table in found.tables):
        raise typer.Exit(EXIT_INVALID)


@app.command("diff", cls=LocalCommand, help="help.cmd.diff")
def diff_cmd(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(metavar="OLD", help="help.arg.old", show_default=False)],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="help.arg.new", show_default=False)],
    fmt: Annotated[DocFormat, FormatOption] = DocFormat.table,
    lang_: LangOption = None,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    from kmc_gap.api import inputs
    from kmc_gap.api.diff import DiffRequest, diff
    from kmc_gap.render.diff import RENDERERS

    day = inputs.as_of(as_of)
    std = _standard(ctx)
    policy_name, pol = inputs.policy(policy, max_size)
    result = diff(DiffRequest(old, new, pol, day, policy_name, max_size), std)
    if not result["same_person"]:
        say("run.other_person")
    RENDERERS[fmt].write(result, sys.stdout, _context(std))


def chosen_lang(argv: Sequence[str], configured: str | None = None) -> Lang:
    """The language of a run: the last ``--lang``/``-l`` given anywhere, else ``KMC_GAP_LANG``, else the
    config file's ``lang``, else zh-TW (``configured`` is the last two, as :mod:`kmc_gap.api.config` found them).

    It is read before Click parses anything, so that help and usage errors are in it too.
    """
    found: Lang | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg in ("--lang", "-l") and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        elif arg.startswith("-l") and len(arg) > 2 and not arg.startswith("--"):
            value = arg[2:]
        if value is not None:
            found = parse_lang(value)
            if found is None:
                raise OptionError("--lang", "usage.lang", value=value)
    return found or (parse_lang(configured) if configured else None) or env_lang()


def _config() -> Config | None:
    """The settings of the config file and ``KMC_GAP_*`` variables; a broken file is an error of the run."""
    from kmc_gap.api.config import load_config

    return load_config(Path.cwd(), os.environ)


def default_map(command: Command, config: Config) -> dict[str, Any]:
    """Click's defaults from the settings, for each command that has them (``--standard``: see main_options)."""
    out: dict[str, Any] = {}
    names = {param.name for param in command.params}
    for name, setting in config.settings.items():
        # --standard is the run's (see main_options): its name is also a command's, which Click's map would clash with
        if name not in ("lang", "standard") and setting.value is not None and name in names:
            out[name] = list(setting.value) if isinstance(setting.value, tuple) else setting.value
    if isinstance(command, TyperGroup):
        for sub_name, sub in command.commands.items():
            below = default_map(sub, config)
            if below:
                out[sub_name] = below
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run kmc-gap with ``argv`` (default: the command line); returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    language: str = env_lang()
    _on_sigterm()
    command = typer.main.get_command(app)
    try:
        language = chosen_lang(args)  # a broken config file is told in the language of the flag or variable
        config = _config()
        language = chosen_lang(args, config.value("lang") if config is not None else None)
        if config is not None:
            warn(config.warnings, language)
        defaults = default_map(command, config) if config is not None else {}
        code = command.main(
            args=args,
            prog_name="kmc-gap",
            standalone_mode=False,
            obj=Run(language, config=config),
            default_map=defaults,
        )
    except SystemExit:
        # Click answers a closed stdout pipe (EPIPE) by wrapping the streams and exiting 1; for
        # kmc-gap a reader that has seen enough (`| head`) is no failure
        if stdout_closed():
            return 0
        raise
    except click_errors.NoArgsIsHelpError as exc:
        assert exc.ctx is not None
        with exc.ctx:  # the help is written in the run's language, which its context carries
            print(exc.ctx.get_help())
        return 0
    except click_errors.UsageError as exc:
        return _usage_error(exc.ctx, usage_message(exc, language), language)
    except OptionError as exc:
        return _usage_error(None, option_message(exc, language), language)
    except KmcGapError as exc:  # every other error: its problems, located, in the user's language
        from kmc_gap.render.text import report_problems

        report_problems(exc.problems, language)
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        note(t("run.interrupted", language))
        return EXIT_INTERRUPTED
    if code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C (and SIGTERM, see _on_sigterm) into exit code 130
        note(t("run.interrupted", language))
    return code if isinstance(code, int) else 0


def option_message(exc: OptionError, language: str) -> str:
    """An unusable option value, worded: the option, the value, and what it should be."""
    detail = t(exc.key, language, **exc.args_)
    if "value" not in exc.args_:
        return detail
    return t("usage.bad_value", language, name=exc.option, value=repr(exc.args_["value"]), detail=detail)


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _on_sigterm() -> None:
    """Treat SIGTERM like Ctrl-C, so that temporary files are removed on the way out."""
    with contextlib.suppress(ValueError):  # not the main thread: leave the default
        signal.signal(signal.SIGTERM, _terminated)


def _usage_error(ctx: Context | None, message: str, language: str) -> int:
    note(t("usage.error", language, detail=message))
    note(t("usage.hint", language, command=ctx.command_path if ctx is not None else "kmc-gap"))
    return EXIT_INVALID


def _streams() -> None:
    """Never fail on a character the console cannot show: a non-UTF-8 file name, a cp950 console."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def run() -> None:
    """Console-script entry point: the exit code, and a quiet end when stdout goes away.

    ``kmc-gap … | head -3`` closes the pipe early: that is no failure, so it exits 0 without a word.
    A full disk behind stdout (``> /dev/full``) is named in one line, exit 2.
    """
    _streams()
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        code = 0
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            code = 0
        else:
            say("run.stdout_failed", reason=os_reason(exc))
            code = EXIT_INVALID
    else:
        sys.exit(code)
    # stdout is gone: point it at the null device so that the interpreter's last flush is silent
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    sys.exit(code)


__all__ = ["app", "main", "run"]
