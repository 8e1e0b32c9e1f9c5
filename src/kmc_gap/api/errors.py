"""The error a use case raises for a bad option value, worded by the CLI in the user's language."""

from __future__ import annotations

from typing import Any

from kmc_gap.model.problems import KmcGapError


class OptionError(KmcGapError):
    """An option's value cannot be used: the option, a catalogue key and its arguments.

    It is a usage error: the CLI words it with the option and points to the help.
    """

    def __init__(self, option: str, key: str, **args: Any) -> None:
        super().__init__([])
        self.option = option
        self.key = key
        self.args_ = args
