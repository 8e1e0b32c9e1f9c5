"""JSON Schemas (draft 2020-12) generated from the models, for editors and other tools."""

from __future__ import annotations

from typing import Any

from kmc_gap.choices import SchemaName
from kmc_gap.lookup import codes_of
from kmc_gap.models import Policy, Profile, Standard
from kmc_gap.report import Report

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(name: SchemaName, std: Standard) -> dict[str, Any]:
    """The JSON Schema of ``name``; a profile's codes are limited to those of ``std``."""
    if name is SchemaName.profile:
        schema = Profile.model_json_schema()
        schema["properties"]["standard"]["const"] = std.code
        covers = schema["$defs"]["Evidence"]["properties"]["covers"]
        covers["items"]["enum"] = sorted(codes_of(std))
        covers["uniqueItems"] = True
    elif name is SchemaName.policy:
        schema = Policy.model_json_schema()
    elif name is SchemaName.report:
        schema = Report.model_json_schema(mode="serialization")
    else:
        schema = Standard.model_json_schema()
    return {"$schema": DIALECT, "$id": f"urn:kmc-gap:schema:{name.value}", **schema}
