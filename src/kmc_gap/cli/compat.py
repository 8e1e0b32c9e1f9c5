"""Every use of Typer's, Click's and pydantic's private API, in one place, each checked by a test.

Typer is a fixed choice of the project, and some of what kmc-gap needs from it is not public: from
0.29 Typer carries its own copy of Click (``typer._click``), whose classes the help and usage errors
are written against; a parameter's annotation is Typer's ``type_descriptor``; the pydantic error
behind a bad value is the ``__cause__`` of Click's ``BadParameter``; and Click wraps a closed stdout
in a ``PacifyFlushWrapper``. When an upgrade breaks one of these, ``tests/test_compat.py`` fails
with the name of what moved, and this module is the only one to change.
"""

from __future__ import annotations

import sys
from typing import Any

# Typer's copy of Click: its commands, parameters, contexts, help formatter and errors
from typer._click import exceptions as errors
from typer._click.core import Command, Context, Parameter, ParameterSource
from typer._click.formatting import HelpFormatter
from typer._click.globals import get_current_context

__all__ = [
    "Command",
    "Context",
    "HelpFormatter",
    "Parameter",
    "ParameterSource",
    "annotation",
    "current_context",
    "errors",
    "pydantic_errors",
    "stdout_closed",
]


def annotation(param: Parameter | None) -> object:
    """The Python annotation Typer read a parameter from (an Enum of formats, ``int``), or None."""
    descriptor = getattr(param, "type_descriptor", None)
    return getattr(descriptor, "annotation", None)


def current_context() -> Context | None:
    """The Click context of the command being run (or whose help is being written), if any."""
    return get_current_context(silent=True)


def pydantic_errors(exc: BaseException) -> list[dict[str, Any]]:
    """The pydantic errors behind a Click ``BadParameter`` (Typer checks values with pydantic), or none."""
    found = getattr(exc.__cause__, "errors", None)
    return list(found()) if callable(found) else []


def stdout_closed() -> bool:
    """Whether Click has wrapped stdout after the reader closed it (``| head``): that is no failure."""
    return type(sys.stdout).__name__ == "PacifyFlushWrapper"
