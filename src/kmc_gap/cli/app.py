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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperGroup

from kmc_gap.api.errors import OptionError
from kmc_gap.cli.compat import Command, Context, stdout_closed
from kmc_gap.cli.compat import errors as click_errors
from kmc_gap.cli.help import Run, lang, usage_message
from kmc_gap.model.problems import KmcGapError, os_reason
from kmc_gap.words import Lang, env_lang, parse_lang, t

if TYPE_CHECKING:
    from kmc_gap.api.config import Config
from kmc_gap.cli.commands import as_typed, command_named, load_commands
from kmc_gap.cli.group import app
from kmc_gap.cli.outcome import EXIT_INTERRUPTED, EXIT_INVALID, Outcome, Stop, tell


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
    args = as_typed(sys.argv[1:] if argv is None else argv)
    language: str = env_lang()
    _on_sigterm()
    load_commands(args)
    command = typer.main.get_command(app)
    try:
        language = chosen_lang(args)  # a broken config file is told in the language of the flag or variable
        config = _config()
        language = chosen_lang(args, config.value("lang") if config is not None else None)
        if config is not None and config.warnings:
            tell(Outcome(warnings=config.warnings), language)
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
        return _usage_error(None, option_message(exc, language), language, _path_of(args, command))
    except Stop as exc:  # a command that ended early, with what it had come to
        return tell(exc.outcome, language)
    except KmcGapError as exc:  # every other error: its problems, located, in the user's language
        tell(Outcome(problems=exc.problems), language)
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        tell(Outcome(notes=[t("run.interrupted", language)]), language)
        return EXIT_INTERRUPTED
    if isinstance(code, Outcome):  # every command ends here: its stderr lines in one order, its exit code
        return tell(code, language)
    if code == EXIT_INTERRUPTED:  # Typer turns Ctrl-C (and SIGTERM, see _on_sigterm) into exit code 130
        tell(Outcome(notes=[t("run.interrupted", language)]), language)
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


def _path_of(args: Sequence[str], command: Any) -> str:
    """``kmc-gap assess`` (or ``kmc-gap records inspect``): the command a usage error's help hint names."""
    path = ["kmc-gap"]
    name = command_named(args)
    found = getattr(command, "commands", {}).get(name) if name else None
    if found is not None and name is not None:
        path.append(name)
        sub = next((a for a in args[args.index(name) + 1 :] if not a.startswith("-")), None)
        if sub is not None and sub in getattr(found, "commands", {}):
            path.append(sub)
    return " ".join(path)


def _usage_error(ctx: Context | None, message: str, language: str, path: str | None = None) -> int:
    hint = t("usage.hint", language, command=ctx.command_path if ctx is not None else path or "kmc-gap")
    tell(Outcome(notes=[t("usage.error", language, detail=message), hint]), language)
    return EXIT_INVALID


def _streams() -> None:
    """Never fail on a character the console cannot show: a non-UTF-8 file name, a cp950 console."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


#: The cyclic collector's first threshold for a run: a year's records are tens of thousands of long-lived
#: objects, and the default (700) had it scan them all again and again — half of assessing 20,000 rows.
GC_THRESHOLD = 50_000


def _collect_less() -> None:
    """Let the cyclic garbage collector run less often in a command-line run; memory is still freed as
    soon as it is unused (reference counting), and cycles are still collected, in fewer passes."""
    import gc

    _, second, third = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, second, third)


def run() -> None:
    """Console-script entry point: the exit code, and a quiet end when stdout goes away.

    ``kmc-gap … | head -3`` closes the pipe early: that is no failure, so it exits 0 without a word.
    A full disk behind stdout (``> /dev/full``) is named in one line, exit 2.
    """
    _streams()
    _collect_less()
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        code = 0
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            code = 0
        else:
            language = lang()
            tell(Outcome(notes=[t("run.stdout_failed", language, reason=os_reason(exc))]), language)
            code = EXIT_INVALID
    else:
        sys.exit(code)
    # stdout is gone: point it at the null device so that the interpreter's last flush is silent
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    sys.exit(code)


__all__ = ["app", "main", "run"]
