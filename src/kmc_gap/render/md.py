"""Markdown building blocks shared by every Markdown output (assess, plan, diff)."""

from __future__ import annotations

from kmc_gap.words.safe import md_text


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell (see :func:`kmc_gap.words.safe.md_text`)."""
    return md_text(str(text))


def row(*cells: object) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(cell(c) for c in cells) + " |\n"
