"""Count forms: an English entry that reads "1 course" and "3 courses" from one catalogue key.

Chinese has no plural; English entries whose noun follows a count are a :class:`Plural`, and the
catalogue lookup picks the form from the count argument it is given.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Plural:
    """An English template in two forms: ``one`` when the argument ``count`` is 1, ``other`` otherwise."""

    count: str
    one: str
    other: str

    def pick(self, args: Mapping[str, Any]) -> str:
        """The form for the count in ``args`` (a number, or a number already written: ``"1"``)."""
        return self.one if args.get(self.count) in (1, "1") else self.other

    def forms(self) -> tuple[str, str]:
        """Both forms, for checks that must hold of each."""
        return self.one, self.other
