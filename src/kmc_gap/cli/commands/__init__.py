"""One module per command; importing this package registers each on the group (:mod:`kmc_gap.cli.group`)."""

from kmc_gap.cli.commands import (
    assess,
    calibrate,
    catalog,
    config,
    diff,
    form,
    imports,
    init,
    plan,
    records,
    schema,
    standard,
    validate,
)

__all__ = [
    "assess",
    "calibrate",
    "catalog",
    "config",
    "diff",
    "form",
    "imports",
    "init",
    "plan",
    "records",
    "schema",
    "standard",
    "validate",
]
