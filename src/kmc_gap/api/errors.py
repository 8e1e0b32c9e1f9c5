"""The error a use case raises for a bad option value, worded by the CLI in the user's language."""

from __future__ import annotations

from typing import Any


class OptionError(Exception):
    """An option's value cannot be used: the option, a catalogue key and its arguments."""

    def __init__(self, option: str, key: str, **args: Any) -> None:
        super().__init__(f"{option}: {key}")
        self.option = option
        self.key = key
        self.args_ = args
