"""The command line: a thin Typer layer over the loading, scoring and report modules.

Exit codes: 0 ok, 1 findings or a failed threshold, 2 invalid input or usage.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TextIO

import typer

from kmc_gap import __version__
from kmc_gap.choices import Lang, PlanFormat, ProblemFormat, SchemaName, ViewFormat
from kmc_gap.formats import OutputFormat
from kmc_gap.problems import InputError, Problem
from kmc_gap.yamlsource import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from kmc_gap.models import Policy, Standard

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


app = typer.Typer(
    name="kmc-gap",
    help="Competency gap analysis against iCAP standard KMC3332-001v3 (活動 (專案) 行銷企劃人員).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language: zh-TW (default) or en.")]
MaxSizeOption = Annotated[int, typer.Option("--max-size", min=1, help="Largest input file accepted, in bytes.")]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="Date of assessment, YYYY-MM-DD (default: today).")]
PolicyOption = Annotated[str, typer.Option("--policy", help="default, strict or a policy YAML file.")]


def _version(value: bool) -> None:
    if value:
        print(f"kmc-gap {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    standard: Annotated[
        Path | None,
        typer.Option("--standard", help="Use this standard file instead of the bundled KMC3332-001v3.", dir_okay=False),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Check evidence against an iCAP competency standard (職能基準) and show the gaps."""
    ctx.obj = {"standard": standard}


def fail(problems: list[Problem], lang: Lang) -> NoReturn:
    """Report input problems on stderr and exit with the invalid-input code."""
    from kmc_gap.output import report_problems

    report_problems(problems, lang.value)
    raise typer.Exit(EXIT_INVALID)


def _standard(ctx: typer.Context, lang: Lang) -> Standard:
    from kmc_gap.loading import load_standard

    try:
        return load_standard(ctx.obj["standard"] if ctx.obj else None)
    except InputError as exc:
        fail(exc.problems, lang)


@app.command("standard")
def standard_cmd(
    ctx: typer.Context,
    code: Annotated[str | None, typer.Argument(help="A code to show: T2, T2.3, K07, S12, A01, P2.3.1, O2.3.3…")] = None,
    lang: LangOption = Lang.zh_TW,
    fmt: Annotated[ViewFormat, typer.Option("--format", "-f", help="table or json.")] = ViewFormat.table,
) -> None:
    """Browse the standard: all duties and tasks, one task in full, or one item and the tasks that need it."""
    from kmc_gap.browse import view_for
    from kmc_gap.lookup import index
    from kmc_gap.output import dumps_json

    std = _standard(ctx, lang)
    view = view_for(std, code.strip() if code else None, lang.value)
    if view is None:
        from kmc_gap.loading import suggest

        hint = suggest(code or "", index(std))
        key = "profile.unknown_code_hint" if hint else "profile.unknown_code"
        fail([Problem("kmc-gap standard", key, {"code": code, "suggestion": hint})], lang)
    if fmt is ViewFormat.json:
        print(dumps_json(view))
        return
    from kmc_gap.output import console
    from kmc_gap.standard_view import print_view

    print_view(console(), view, lang.value)


def _as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--as-of") from None


def _required_tasks(value: str | None, std: Standard) -> list[str]:
    codes = [t.code for t in std.tasks()]
    if value is None:
        return []
    if value.strip().lower() == "all":
        return codes
    wanted = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in wanted if v not in codes]
    if unknown or not wanted:
        raise typer.BadParameter(f"unknown task code(s): {', '.join(unknown) or value!r}", param_hint="--require")
    return wanted


@app.command("assess")
def assess_cmd(
    ctx: typer.Context,
    profiles: Annotated[
        list[Path],
        typer.Argument(help="Profiles (YAML); directories are searched for *.yaml/*.yml.", show_default=False),
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table, json, jsonl, csv, markdown or junit.")
    ] = OutputFormat.table,
    lang: LangOption = Lang.zh_TW,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    fail_under: Annotated[
        float | None, typer.Option("--fail-under", min=0, max=100, help="Exit 1 when coverage % is under PCT.")
    ] = None,
    require: Annotated[
        str | None, typer.Option("--require", help="Exit 1 unless these tasks are met: 'all' or T2.1,T4.3.")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report here (atomically).", dir_okay=False)
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Processes to use; 0 = one per core.")] = 1,
    redact: Annotated[bool, typer.Option("--redact", help="Replace names and ids with stable pseudonyms.")] = False,
    bom: Annotated[bool, typer.Option("--bom/--no-bom", help="csv: start with a UTF-8 byte-order mark.")] = True,
    warn_expiring: Annotated[
        int, typer.Option("--warn-expiring", min=0, help="List counting evidence that expires within DAYS.")
    ] = 90,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Assess evidence profiles against the standard and show the gaps."""
    from kmc_gap.cohort import Settings, results
    from kmc_gap.formats import FormatOptions, formatter
    from kmc_gap.loading import load_policy
    from kmc_gap.output import report_problems
    from kmc_gap.paths import expand

    day = _as_of(as_of)
    std = _standard(ctx, lang)
    required = _required_tasks(require, std)
    try:
        policy_name, pol = load_policy(policy, max_size)
    except InputError as exc:
        fail(exc.problems, lang)
    paths = expand(profiles)
    if not paths:
        fail([Problem(" ".join(map(str, profiles)), "file.no_profiles")], lang)
    cohort = len(paths) > 1 or any(p.is_dir() for p in profiles)
    settings = Settings(
        ctx.obj["standard"] if ctx.obj else None,
        pol,
        policy_name,
        day,
        lang.value,
        max_size,
        redact,
        fmt.value,
        warn_expiring,
    )
    invalid, failures = 0, []
    with _destination(output, lang) as out, _progress(len(paths)) as advance:
        writer = formatter(fmt, out, FormatOptions(lang.value, cohort, bom))
        writer.start()
        for result in results(paths, std, settings, jobs):
            advance()
            if result.report is None:
                invalid += 1
                writer.failure(result.file, result.problems)
                report_problems(result.problems, lang.value)
                continue
            writer.report(result.report, result.rendered)
            prefix = f"{result.report['file']}: " if cohort else ""
            failures += [prefix + m for m in threshold_failures(result.report, fail_under, required)]
        writer.finish()
    for message in failures:
        print(f"kmc-gap: {message}", file=sys.stderr)
    if invalid:
        raise typer.Exit(EXIT_INVALID)
    if failures:
        raise typer.Exit(EXIT_FINDINGS)


@contextlib.contextmanager
def _destination(output: Path | None, lang: Lang) -> Iterator[TextIO]:
    """stdout, or ``output`` written atomically."""
    if output is None:
        yield sys.stdout
        return
    from kmc_gap.output import atomic_output

    try:
        with atomic_output(output) as handle:
            yield handle
    except OSError as exc:
        fail([Problem(str(output), "file.unwritable", {"reason": exc.strerror or str(exc)})], lang)


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


def threshold_failures(report: dict[str, Any], fail_under: float | None, required: list[str]) -> list[str]:
    """Plain messages for each threshold the report fails (empty when it passes)."""
    failures = []
    coverage = report["summary"]["coverage"] * 100
    if fail_under is not None and coverage < fail_under:
        failures.append(f"coverage {coverage:.2f}% is under --fail-under {fail_under:g}%")
    status = {t["code"]: t["status"] for t in report["tasks"]}
    unmet = [code for code in required if status[code] != "met"]
    if unmet:
        failures.append(f"required tasks not met: {', '.join(unmet)}")
    return failures


@app.command("validate")
def validate_cmd(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(help="Profiles to check; directories are searched for *.yaml/*.yml.", show_default=False),
    ],
    policy: Annotated[str | None, typer.Option("--policy", help="Also check this policy file.")] = None,
    fmt: Annotated[
        ProblemFormat, typer.Option("--format", "-f", help="text (file:line:col: message), json or github.")
    ] = ProblemFormat.text,
    lang: LangOption = Lang.zh_TW,
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Check profiles (and a policy) without scoring: exit 0 when all are valid, 1 when any is not."""
    from kmc_gap.paths import expand
    from kmc_gap.validation import WRITERS, check_file, check_policy

    std = _standard(ctx, lang)
    results = [check_policy(policy, max_size)] if policy else []
    results += [check_file(path, std, max_size) for path in expand(files)]
    WRITERS[fmt](results, sys.stdout, lang.value)
    invalid = sum(not r.valid for r in results)
    print(f"kmc-gap: {len(results)} checked, {invalid} invalid", file=sys.stderr)
    if invalid:
        raise typer.Exit(EXIT_FINDINGS)


@app.command("schema")
def schema_cmd(
    ctx: typer.Context,
    name: Annotated[SchemaName, typer.Argument(help="profile, policy, report or standard.", show_default=False)],
) -> None:
    """Print the JSON Schema (draft 2020-12) of a profile, policy, report or standard."""
    from kmc_gap.output import dumps_json
    from kmc_gap.schemas import schema_for

    print(dumps_json(schema_for(name, _standard(ctx, Lang.en))))


@app.command("init")
def init_cmd(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.", dir_okay=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace OUTPUT if it exists.")] = False,
    lang: LangOption = Lang.zh_TW,
) -> None:
    """Write a starter profile listing every code of the standard as comments."""
    from kmc_gap.output import write_atomic
    from kmc_gap.starter import starter_profile

    text = starter_profile(_standard(ctx, lang), lang.value, dt.date.today())
    if output is None:
        sys.stdout.write(text)
        return
    try:
        write_atomic(output, text, force=force)
    except FileExistsError:
        fail([Problem(str(output), "file.exists")], lang)
    except OSError as exc:
        fail([Problem(str(output), "file.unwritable", {"reason": exc.strerror or str(exc)})], lang)
    print(f"kmc-gap: wrote {output}", file=sys.stderr)


def _profile_inputs(ctx: typer.Context, lang: Lang, policy: str, max_size: int) -> tuple[Standard, str, Policy]:
    """The standard and the policy, or exit 2 naming the bad file."""
    from kmc_gap.loading import load_policy

    std = _standard(ctx, lang)
    try:
        name, pol = load_policy(policy, max_size)
    except InputError as exc:
        fail(exc.problems, lang)
    return std, name, pol


@app.command("plan")
def plan_cmd(
    ctx: typer.Context,
    profile: Annotated[Path, typer.Argument(help="Evidence profile (YAML).", show_default=False)],
    catalog: Annotated[Path, typer.Option("--catalog", "-c", help="Course catalogue (YAML).", show_default=False)],
    fmt: Annotated[PlanFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = PlanFormat.table,
    lang: LangOption = Lang.zh_TW,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Pick the fewest courses from a catalogue that close the profile's gaps."""
    from kmc_gap.loading import load_catalog, load_profile
    from kmc_gap.plan import make_plan

    day = _as_of(as_of)
    std, policy_name, pol = _profile_inputs(ctx, lang, policy, max_size)
    try:
        prof = load_profile(profile, std, str(profile), max_size)
        courses = load_catalog(catalog, std, max_size)
    except InputError as exc:
        fail(exc.problems, lang)
    result = make_plan(prof, std, pol, day, courses, lang=lang.value, policy_name=policy_name)
    _show(result, fmt, lang, "plan_view")


@app.command("diff")
def diff_cmd(
    ctx: typer.Context,
    old: Annotated[Path, typer.Argument(help="Earlier profile (YAML) or JSON report.", show_default=False)],
    new: Annotated[Path, typer.Argument(help="Later profile (YAML) or JSON report.", show_default=False)],
    fmt: Annotated[PlanFormat, typer.Option("--format", "-f", help="table, json or markdown.")] = PlanFormat.table,
    lang: LangOption = Lang.zh_TW,
    as_of: AsOfOption = None,
    policy: PolicyOption = "default",
    max_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Compare two profiles or reports of the same person: tasks and items gained and lost."""
    from kmc_gap.diff import compare, load_report
    from kmc_gap.loading import load_profile
    from kmc_gap.scoring import assess

    day = _as_of(as_of)
    std, policy_name, pol = _profile_inputs(ctx, lang, policy, max_size)

    def report_of(path: Path) -> dict[str, Any]:
        if path.suffix.lower() == ".json":
            return load_report(path, max_size)
        prof = load_profile(path, std, str(path), max_size)
        return assess(prof, std, pol, day, policy_name=policy_name, lang=lang.value, file=str(path))

    try:
        before, after = report_of(old), report_of(new)
    except InputError as exc:
        fail(exc.problems, lang)
    result = compare(before, after)
    if not result["same_person"]:
        print("kmc-gap: the two inputs are of different people", file=sys.stderr)
    _show(result, fmt, lang, "diff_view")


def _show(data: dict[str, Any], fmt: PlanFormat, lang: Lang, view_module: str) -> None:
    """Print a plan or a diff in ``fmt``; ``view_module`` renders tables and Markdown."""
    if fmt is PlanFormat.json:
        from kmc_gap.output import dumps_json

        print(dumps_json(data))
        return
    view = importlib.import_module(f"kmc_gap.{view_module}")
    if fmt is PlanFormat.markdown:
        sys.stdout.write(view.to_markdown(data, lang.value))
        return
    from kmc_gap.output import console

    view.print_table(console(), data, lang.value)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
