"""The private Typer, Click and pydantic API kmc-gap relies on (:mod:`kmc_gap.cli.compat`) is still there.

Each test names what moved, so that an upgrade that breaks the help or the usage errors fails here
with a clear message, not somewhere in a help page.
"""

from __future__ import annotations

import enum
import io
import sys
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from kmc_gap.cli import compat


class Colour(enum.StrEnum):
    red = "red"
    blue = "blue"


def _app() -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def paint(
        colour: Annotated[Colour, typer.Option()] = Colour.red, count: Annotated[int, typer.Option()] = 1
    ) -> None:
        """Paint."""

    return app


def test_typer_still_carries_its_own_click() -> None:
    command = typer.main.get_command(_app())
    assert isinstance(command, compat.Command), f"Typer {typer.__version__}: typer._click.core.Command moved"
    assert issubclass(compat.errors.BadParameter, compat.errors.UsageError), "typer._click.exceptions changed"
    assert hasattr(compat.HelpFormatter, "write_dl"), "typer._click.formatting.HelpFormatter changed"


def test_a_parameter_still_knows_its_annotation() -> None:
    command = typer.main.get_command(_app())
    param = next(p for p in command.params if p.name == "colour")
    assert compat.annotation(param) is Colour, f"Typer {typer.__version__}: type_descriptor.annotation is gone"


def test_a_bad_value_still_carries_pydantic_s_errors() -> None:
    result = CliRunner().invoke(_app(), ["--count", "many"], standalone_mode=False)
    exc = result.exception
    assert isinstance(exc, compat.errors.BadParameter), f"Typer {typer.__version__}: bad values raise {exc!r}"
    errors = compat.pydantic_errors(exc)
    assert errors and errors[0].get("input") == "many", "BadParameter.__cause__ no longer holds pydantic's errors"


def test_a_closed_stdout_is_still_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    # Click wraps stdout in PacifyFlushWrapper when the reader has gone (`| head`): kmc-gap then exits 0
    try:
        from typer._click.utils import PacifyFlushWrapper
    except ImportError:
        pytest.fail(f"Typer {typer.__version__}: typer._click.utils.PacifyFlushWrapper is gone")
    assert not compat.stdout_closed()
    monkeypatch.setattr(sys, "stdout", PacifyFlushWrapper(io.StringIO()))
    assert compat.stdout_closed(), "Click's wrapper of a closed stdout has another name"


def test_options_left_out_build_no_coercion_and_given_ones_are_still_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    """``lazy_coercion``: Typer's ``_runtime_param`` slot and ``build_runtime_param`` are still where they were."""
    import typer._coercion as coercion

    from kmc_gap.cli.help import LocalCommand

    built: list[str] = []
    real = coercion.build_runtime_param

    def counting(descriptor: object) -> object:
        built.append(str(getattr(descriptor, "annotation", "")))
        return real(descriptor)  # type: ignore[arg-type]

    monkeypatch.setattr(coercion, "build_runtime_param", counting)
    app = typer.Typer()

    @app.command(cls=LocalCommand)
    def paint(
        colour: Annotated[Colour, typer.Option()] = Colour.red,
        count: Annotated[int, typer.Option()] = 1,
        name: Annotated[str | None, typer.Option()] = None,
    ) -> None:
        print(colour.value, count, name)

    command = typer.main.get_command(app)
    assert all(hasattr(p, "_runtime_param") for p in command.params), f"Typer {typer.__version__}: _runtime_param moved"
    runner = CliRunner()
    assert runner.invoke(app, []).output == "red 1 None\n" and built == []  # nothing given: nothing built
    assert runner.invoke(app, ["--count", "3"]).output == "red 3 None\n" and len(built) == 1
    bad = runner.invoke(app, ["--count", "x"])
    assert bad.exit_code == 2  # a given value is still checked by Typer
