"""What a command came to: the one value every command returns, and the one place it is told.

A command renders its results on stdout and returns an :class:`Outcome`; :func:`tell` (called by
``main`` alone) writes the stderr lines in one order for every command — first what became of the
inputs (``notes``), then the warnings, then the problems, each located, then what was written
(``said``) — and chooses the exit code: 2 when there is a problem, else the outcome's own (1 for
findings: a failed threshold, a file that does not validate), else 0.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from kmc_gap.model.problems import Problem
from kmc_gap.words import t
from kmc_gap.words.safe import log_line

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_INTERRUPTED = 0, 1, 2, 130


@dataclass
class Outcome:
    """A command's stderr lines, by kind, and its exit code when nothing went wrong."""

    notes: list[str] = field(default_factory=list)  # what became of every input, said before anything else
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # inputs that could not be used: exit 2
    said: list[str] = field(default_factory=list)  # what was written, how many were checked
    code: int = EXIT_OK  # EXIT_FINDINGS: a threshold failed, a file did not validate

    def exit_code(self) -> int:
        """2 when an input could not be used, else the command's own code."""
        return EXIT_INVALID if self.problems else self.code


class Stop(Exception):
    """Ends a command early with what it has come to (a folder search that found nothing to read)."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__()
        self.outcome = outcome


def tell(outcome: Outcome, lang: str) -> int:
    """Write the outcome's lines on stderr in their one order, and give the exit code."""
    for text in outcome.notes:
        print(log_line(f"kmc-gap: {text}"), file=sys.stderr)
    for problem in outcome.warnings:
        line = f"{problem.location()}: {t('run.warning', lang, message=problem.message(lang))}"
        print(log_line(line), file=sys.stderr)
    for problem in outcome.problems:
        print(problem.format(lang), file=sys.stderr)
    for text in outcome.said:
        print(log_line(f"kmc-gap: {text}"), file=sys.stderr)
    return outcome.exit_code()
