"""One module per command, each registering its command on the group (:mod:`kmc_gap.cli.group`).

A run imports only the module of the command it runs: importing all fourteen, and building every
command's options, was about 25 ms of a cold ``assess`` (``bench/run.py``). Help, an unknown command
and no command at all load them all, so that the group's help lists every one, in the order of
:data:`MODULES`.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Sequence

from kmc_gap.cli.group import app

#: Each command's name and the module that defines it (``import`` is a keyword, hence ``imports``).
MODULES: dict[str, str] = {
    "assess": "assess",
    "calibrate": "calibrate",
    "catalog": "catalog",
    "config": "config",
    "diff": "diff",
    "form": "form",
    "import": "imports",
    "init": "init",
    "plan": "plan",
    "records": "records",
    "schema": "schema",
    "standard": "standard",
    "transcribe": "transcribe",
    "validate": "validate",
}

#: The group's own options that take a value (see ``main_options``): the word after them is no command.
_GLOBAL_WITH_VALUE = ("--standard", "--lang", "-l")
#: Options whose value is one of kmc-gap's own words, never a file: typed in full width, it is that word.
_WORD_VALUED = ("--format", "-f")


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` runs: its first word that is neither a group option nor that option's value."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _GLOBAL_WITH_VALUE:
            skip = True
        elif arg == "--" or not arg.startswith("-"):
            return None if arg == "--" else arg
    return None


#: The commands that hold commands of their own: the word after them names one.
GROUPS = ("catalog", "records")


def as_typed(argv: Sequence[str]) -> list[str]:
    """``argv`` with the command words and option names a Chinese input method's full-width mode types
    (``ａｓｓｅｓｓ``, ``－－ｌａｎｇ``, ``－ｏ``) written as Click knows them.

    ``--standard`` and ``--lang`` are the run's options, accepted on either side of the command: given after
    it, they are moved before it (so every command takes them, whatever its own options). Values are kept
    as typed: a file may be named in full-width characters. A word is an option name when its NFKC form
    starts with ``-`` and is ASCII (``－備份.yaml`` is a file); a value after ``=`` (or ``＝``) is kept as
    typed too, except a ``--format``'s, which is always one of kmc-gap's words (``ｊｓｏｎ`` is json).
    """
    out: list[str] = []
    ahead: list[str] = []  # --standard or --lang given after the command: the run's options, moved before it
    command: str | None = None  # the command word, once seen
    subcommand = False  # the word after a group's name names one of its commands
    skip = False  # the word is the value of a group option (--standard, --lang)
    into = out  # where the value of the option just read goes
    word = False  # the word is the value of a --format: folded to half width (ｊｓｏｎ is json)
    for i, arg in enumerate(argv):
        if arg == "--":
            return ahead + out + list(argv[i:])
        plain = unicodedata.normalize("NFKC", arg)
        if skip:
            into.append(arg)
            skip, into = False, out
        elif word:
            out.append(plain)
            word = False
        elif plain.startswith("-") and (option := _as_option(arg)) is not None:
            name, equals, value = option.partition("=")
            if name in _WORD_VALUED:
                out.append(name + equals + unicodedata.normalize("NFKC", value) if equals else option)
                word = not equals
                continue
            late = command is not None and name in _GLOBAL_WITH_VALUE
            into = ahead if late else out
            into.append(option)
            skip = (command is None or late) and not equals and name in _GLOBAL_WITH_VALUE
            into = into if skip else out
        elif command is None or subcommand:
            out.append(plain)
            subcommand = command is None and plain in GROUPS
            command = command or plain
        else:
            out.append(arg)
    return ahead + out


def _as_option(arg: str) -> str | None:
    """``arg`` with its option name (before any ``=`` or ``＝``) in NFKC form, its value as typed; None when
    that name is not ASCII, and so no option."""
    name, sep, value = arg.replace("\uff1d", "=", 1).partition("=")
    plain = unicodedata.normalize("NFKC", name)
    return plain + sep + value if plain.isascii() else None


def load_commands(argv: Sequence[str] | None = None) -> None:
    """Register the command ``argv`` runs, or every command when it names none that exists (or is None)."""
    name = command_named(argv) if argv is not None else None
    for command in [name] if name in MODULES else list(MODULES):
        importlib.import_module(f"{__name__}.{MODULES[command]}")
    # a process that ran one command before loading all (a test) registered that one first
    order = list(MODULES)
    app.registered_commands.sort(key=lambda info: order.index(info.name or ""))


__all__ = ["GROUPS", "MODULES", "as_typed", "command_named", "load_commands"]
