"""Names in the chosen language, added to language-neutral results just before they are written.

The engine's results hold codes only. For JSON readers each object with a standard's code gets
its ``name`` in the report's language here; the standard's own name too.
"""

from __future__ import annotations

from typing import Any, TypeVar

from kmc_gap.model.lookup import names
from kmc_gap.model.models import Standard

T = TypeVar("T")


def standard_name(std: Standard, lang: str) -> str:
    """The standard's name in ``lang`` (the English rendering, or the official Chinese)."""
    return (std.name_en or std.name) if lang == "en" else std.name


def localise(value: T, std: Standard, lang: str) -> T:
    """``value`` with a ``name`` on every object that carries a code of ``std`` (in place, and returned).

    Objects with a ``title`` (courses, evidence) keep their own titles and are not named.
    """
    table = {**names(std, lang), std.code: standard_name(std, lang)}
    _walk(value, table)
    return value


def _walk(value: Any, table: dict[str, str]) -> None:
    if isinstance(value, dict):
        for child in value.values():
            if isinstance(child, dict | list):
                _walk(child, table)
        code = value.get("code")
        if isinstance(code, str) and "title" not in value and code in table:
            value["name"] = table[code]
    elif isinstance(value, list):
        for child in value:
            if isinstance(child, dict | list):
                _walk(child, table)
