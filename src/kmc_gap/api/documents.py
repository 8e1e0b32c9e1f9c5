"""The names of the documents kmc-gap has a JSON Schema for: light, so that parsing options imports nothing heavy."""

from __future__ import annotations

from enum import StrEnum


class SchemaName(StrEnum):
    """The documents kmc-gap has a schema for."""

    profile = "profile"
    policy = "policy"
    report = "report"
    standard = "standard"
    plan = "plan"
    diff = "diff"
    catalog = "catalog"
    reports = "reports"
    standard_view = "standard-view"
    validation = "validation"
    imports = "import"
    calibration = "calibration"
    mapping = "mapping"
