"""Help and usage errors in the user's language.

Click and Typer word their help and their errors in English. kmc-gap's commands hold catalogue
keys in place of help text, and the classes here write the help themselves from those keys;
:func:`usage_message` words each kind of Click usage error from the catalogue.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from typer.core import TyperArgument as Argument
from typer.core import TyperCommand, TyperGroup
from typer.core import TyperOption as Option

from kmc_gap.cli.compat import (
    Command,
    Context,
    HelpFormatter,
    Parameter,
    annotation,
    current_context,
    errors,
    lazy_coercion,
    pydantic_errors,
)
from kmc_gap.render.wrap import wrap
from kmc_gap.words import DEFAULT_LANG, env_lang, listing, t

if TYPE_CHECKING:
    from kmc_gap.api.config import Config


@dataclass(frozen=True)
class Run:
    """What every command of one run shares, carried by the root Click context (``ctx.obj``).

    :func:`kmc_gap.cli.app.main` reads the language before Click parses anything (so that help and
    usage errors are in it) and starts the run with it; ``--standard`` adds the standard's file.
    """

    lang: str = DEFAULT_LANG
    standard: Path | None = None
    config: Config | None = None  # the settings of the config file and KMC_GAP_* variables


def run_of(ctx: Context | None = None) -> Run:
    """The run ``ctx`` (or the command being run) belongs to."""
    ctx = ctx or current_context()
    found = ctx.find_root().obj if ctx is not None else None
    return found if isinstance(found, Run) else Run(env_lang())


def lang() -> str:
    """The language of the command being run."""
    return run_of().lang


def _choices(param: Parameter | None) -> list[str]:
    kind = annotation(param)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return [str(member.value) for member in kind]
    return []


def _help_text(param_or_cmd: Parameter | Command) -> str:
    """The help of a command or parameter: its catalogue key, in this run's language."""
    key = getattr(param_or_cmd, "help", None) or ""
    if not key:
        return ""
    choices = _choices(param_or_cmd) if isinstance(param_or_cmd, Parameter) else []
    return t(key, lang(), choices=listing(choices, lang()))


def _default(param: Parameter) -> str | None:
    if not isinstance(param, Option) or param.required or param.default is None or not param.show_default:
        return None
    default = param.default
    if isinstance(default, Enum):
        default = default.value
    if param.is_flag:
        if param.secondary_opts:
            return param.opts[0] if default else param.secondary_opts[0]
        return None
    if isinstance(default, list | tuple):
        return None
    return str(default)


def _names(param: Parameter) -> str:
    if isinstance(param, Argument):
        return _metavar(param)
    assert isinstance(param, Option)
    names = ", ".join(sorted(param.opts, key=len))
    if param.secondary_opts:
        names += " / " + ", ".join(param.secondary_opts)
    if not param.is_flag:
        names += " " + _metavar(param)
    return names


def _metavar(param: Parameter, lg: str | None = None) -> str:
    """The placeholder people read, in their language: ``證據檔…`` / ``PROFILE…``, ``FILE``; never a Python type."""
    from kmc_gap.words.catalogue import WORDS  # help and usage only: a run never loads it for this

    raw = param.metavar or (param.name or "").upper()
    name = t(f"metavar.{raw}", lg or lang()) if f"metavar.{raw}" in WORDS else raw
    if isinstance(param, Argument) and param.nargs == -1:
        name += "…"
    return name


def _rows(rows: Sequence[tuple[str, str]]) -> str:
    """Two aligned columns, the second wrapped to the terminal; a long first column puts it on its own line."""
    from rich.cells import cell_len  # a CJK character takes two cells

    width = min(max((cell_len(a) for a, _ in rows), default=0), 28)
    room = max(_columns() - width - 4, 20)
    out = []
    for left, right in rows:
        lines = wrap(right, room) or [""]
        pad = " " * (width + 4)
        rest = [f"{pad}{line}" for line in lines[1:]]
        if cell_len(left) > width:
            out += [f"  {left}", *(f"{pad}{line}" for line in lines)]
        else:
            out += [f"  {left}{' ' * (width - cell_len(left))}  {lines[0]}".rstrip(), *rest]
    return "\n".join(out)


def _indented(text: str) -> list[str]:
    """A paragraph of help, indented two cells and wrapped to the terminal."""
    return ["  " + line for line in wrap(text, _columns() - 2)]


def _columns() -> int:
    """The terminal's width (``COLUMNS`` where set), 80 when there is none, never under 40."""
    import shutil

    return max(shutil.get_terminal_size((80, 24)).columns, 40)


def _param_rows(params: list[Parameter], ctx: Context) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in params:
        if getattr(param, "hidden", False):
            continue
        if param.name == "help":
            options.append((", ".join(sorted(param.opts, key=len)), t("help.help", lang())))
            continue
        text = _help_text(param)
        default = _default(param)
        if default is not None:
            text += "  " + t("help.default", lang(), value=default)
        if param.required:
            text += "  " + t("help.required", lang())
        (arguments if isinstance(param, Argument) else options).append((_names(param), text))
    return arguments, options


def _usage(cmd: Command, ctx: Context, tail: str) -> str:
    return t("help.usage", lang(), line=f"{ctx.command_path} {tail}".rstrip())


def command_help(cmd: Command, ctx: Context) -> str:
    """The whole help of one command, in this run's language."""
    arguments, options = _param_rows(cmd.get_params(ctx), ctx)
    args = " ".join(_metavar(p) for p in cmd.get_params(ctx) if isinstance(p, Argument))
    parts = [_usage(cmd, ctx, f"{t('help.options_word', lang())} {args}"), "", *_indented(_help_text(cmd))]
    if arguments:
        parts += ["", t("help.arguments", lang()), _rows(arguments)]
    parts += ["", t("help.options", lang()), _rows(options)]
    return "\n".join(parts) + "\n"


def group_help(group: TyperGroup, ctx: Context) -> str:
    """The help of the whole program: its options and commands."""
    _, options = _param_rows(group.get_params(ctx), ctx)
    commands = [(name, _help_text(group.commands[name])) for name in group.list_commands(ctx)]
    parts = [
        _usage(group, ctx, f"{t('help.options_word', lang())} {t('help.command_word', lang())}"),
        "",
        *(_indented(t("help.app", lang())) + _indented(t("help.app.more", lang())) if ctx.parent is None else []),
        *(_indented(_help_text(group)) if ctx.parent is not None else []),
        "",
        t("help.options", lang()),
        _rows(options),
        "",
        t("help.commands", lang()),
        _rows(commands),
    ]
    return "\n".join(parts) + "\n"


class LocalCommand(TyperCommand):
    """A command whose help is written from the catalogue in the chosen language, its options coerced lazily."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lazy_coercion(self.params)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        formatter.write(command_help(self, ctx))

    def get_short_help_str(self, limit: int = 45) -> str:
        return _help_text(self)


class LocalGroup(TyperGroup):
    """The program's group of commands, with its help from the catalogue."""

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        formatter.write(group_help(self, ctx))


def _param_name(param: Parameter | None, lg: str) -> str:
    if param is None:
        return ""
    if isinstance(param, Option):
        return sorted(param.opts, key=len)[-1]
    return _metavar(param, lg)


def usage_message(exc: errors.UsageError, lg: str) -> str:
    """A Click usage error worded from the catalogue in ``lg`` (Click's own English is never shown)."""
    if isinstance(exc, errors.NoSuchOption):
        hint = _closest(exc.option_name, sorted(exc.possibilities or []))
        if hint:
            return t("usage.no_such_option_hint", lg, option=exc.option_name, suggestion=listing(hint, lg))
        return t("usage.no_such_option", lg, option=exc.option_name)
    if isinstance(exc, errors.BadOptionUsage):
        return t("usage.needs_value", lg, option=exc.option_name)
    if isinstance(exc, errors.MissingParameter):
        key = "usage.missing_option" if isinstance(exc.param, Option) else "usage.missing_argument"
        return t(key, lg, name=_param_name(exc.param, lg))
    if isinstance(exc, errors.BadParameter):
        return t(
            "usage.bad_value", lg, name=_param_name(exc.param, lg), value=_bad_value(exc), detail=_bad_detail(exc, lg)
        )
    message = exc.message
    if message.startswith("No such command"):
        command = message.split("'")[1] if "'" in message else message
        commands = (
            list(exc.ctx.command.list_commands(exc.ctx)) if exc.ctx and isinstance(exc.ctx.command, TyperGroup) else []
        )
        close = _closest(command, commands)
        if close:
            return t("usage.no_such_command_hint", lg, command=command, suggestion=listing(close, lg))
        return t("usage.no_such_command", lg, command=command, choices=listing(commands, lg))
    if message.startswith("Got unexpected extra argument"):
        return t("usage.extra_argument", lg, args=message.split("(", 1)[-1].rstrip(")"))
    return t("syntax.other", lg)


def _closest(given: str, known: list[str]) -> list[str]:
    """What someone most likely meant (``asess`` → assess, ``--fromat`` → --format): the nearest one, as the
    rest of kmc-gap's did-you-means choose it, or none when nothing is near."""
    import difflib

    return difflib.get_close_matches(given, known, n=1, cutoff=0.6)


def _bad_value(exc: errors.BadParameter) -> str:
    """The value given, as pydantic (which checks Typer's values) saw it."""
    for error in pydantic_errors(exc):
        return repr(error.get("input"))
    return "?"


def _bad_detail(exc: errors.BadParameter, lg: str) -> str:
    """What the value should be: one of the choices, a number in range, a whole number."""
    param = exc.param
    choices = _choices(param)
    if choices:
        given = next((str(error.get("input")) for error in pydantic_errors(exc)), "")
        close = _closest(given, choices)
        if close:
            return t("usage.choice_hint", lg, suggestion=listing(close, lg), choices=listing(choices, lg))
        return t("usage.choice", lg, choices=listing(choices, lg))
    kinds = {error.get("type") for error in pydantic_errors(exc)}
    if "int_parsing" in kinds or "int_from_float" in kinds:
        return t("usage.whole_number", lg)
    if "float_parsing" in kinds:
        return t("usage.number", lg)
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return t("usage.range", lg, low=low, high=high)
    if low is not None:
        return t("usage.at_least", lg, low=low)
    kind = annotation(param)
    if kind is int or "int" in str(kind):
        return t("usage.whole_number", lg)
    if kind is float or "float" in str(kind):
        return t("usage.number", lg)
    return t("detail.other", lg)
