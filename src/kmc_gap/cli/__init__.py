"""The command line: a thin Typer layer that parses options, calls :mod:`kmc_gap.api` and renders."""

from kmc_gap.cli.app import app, main

__all__ = ["app", "main"]
