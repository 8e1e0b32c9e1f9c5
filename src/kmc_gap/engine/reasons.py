"""Why an evidence item does not count: the codes the rules give and reports carry.

Apart from :mod:`kmc_gap.engine.report` (the report's types, needed only by type checkers and the
schemas) so that scoring imports only what it runs.
"""

from enum import StrEnum


class Reason(StrEnum):
    """Why an evidence item does not count, checked in this order."""

    excluded = "excluded"
    not_passed = "not_passed"
    future = "future"
    expired = "expired"
    kind_not_accepted = "kind_not_accepted"
    not_verified = "not_verified"
    too_old = "too_old"
    overridden = "overridden"
