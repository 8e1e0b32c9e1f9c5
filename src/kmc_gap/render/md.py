"""Markdown building blocks shared by every Markdown output (assess, plan, diff)."""

from __future__ import annotations


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def row(*cells: object) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(cell(c) for c in cells) + " |\n"
