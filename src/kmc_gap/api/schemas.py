"""JSON Schemas (draft 2020-12) generated from the models, for editors and other tools."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from kmc_gap.engine.report import Diff, Plan, Report
from kmc_gap.model.lookup import codes_of
from kmc_gap.model.models import Policy, Profile, Standard
from kmc_gap.render.formats import SchemaName

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
        schema = TypeAdapter(Report).json_schema(mode="serialization")
    elif name is SchemaName.plan:
        schema = TypeAdapter(Plan).json_schema(mode="serialization")
    elif name is SchemaName.diff:
        schema = TypeAdapter(Diff).json_schema(mode="serialization")
    else:
        schema = Standard.model_json_schema()
    return {"$schema": DIALECT, "$id": f"urn:kmc-gap:schema:{name.value}", **schema}
