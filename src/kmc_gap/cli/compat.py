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
    "lazy_coercion",
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


class _LazyRuntimeParam:
    """Typer's coercion of one parameter, built only for a value that needs it.

    Typer builds a pydantic ``TypeAdapter`` for every parameter of a command on every run, given or
    not (``TyperOption.get_runtime_param``); for `assess`'s two dozen options that is most of a cold
    start. An option left out is ``None`` (or the command's own default, already of its type), which
    needs no coercion; only a value from the command line or a config file builds the adapter.
    """

    def __init__(self, param: Any) -> None:
        self.param = param
        self.built: Any = None

    def coerce(self, value: Any, param: Any, ctx: Context) -> Any:
        if value is None or (value is param.default and ctx.get_parameter_source(param.name) is _DEFAULT):
            return _none_for(param) if value is None else value
        if self.built is None:
            from typer._coercion import build_runtime_param

            self.built = build_runtime_param(param.type_descriptor)
        return self.built.coerce(value, param=param, ctx=ctx)


def _none_for(param: Any) -> Any:
    """What Typer gives a parameter left out: ``()`` for one taking several values, else None."""
    return () if param.multiple or param.nargs == -1 else None


def lazy_coercion(params: list[Parameter]) -> None:
    """Build each parameter's coercion only when a value needs it (see :class:`_LazyRuntimeParam`)."""
    for param in params:
        if hasattr(param, "_runtime_param") and hasattr(param, "type_descriptor"):
            param._runtime_param = _LazyRuntimeParam(param)


_DEFAULT = ParameterSource.DEFAULT
