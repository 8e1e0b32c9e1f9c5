"""JSON Schemas (draft 2020-12) generated from the models, for editors and other tools."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from kmc_gap.api.documents import SchemaName
from kmc_gap.engine.outputs import ChangeOut, CheckOut, View
from kmc_gap.engine.report import Diff, Plan, Report
from kmc_gap.model.lookup import codes_of
from kmc_gap.model.models import Catalog, Policy, Profile, Standard
from kmc_gap.model.vocabulary import KIND_ALIASES

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _codes(schema: dict[str, Any], definition: str, std: Standard) -> None:
    """Limit ``covers`` of ``definition`` to the codes of ``std``, each once."""
    covers = schema["$defs"][definition]["properties"]["covers"]
    covers["items"]["enum"] = sorted(codes_of(std))
    covers["uniqueItems"] = True


def _array_of(schema: dict[str, Any], title: str) -> dict[str, Any]:
    """An array of the documents ``schema`` describes (its definitions kept at the top)."""
    defs = schema.pop("$defs", {})
    return {
        "title": title,
        "type": "array",
        "items": {"$ref": f"#/$defs/{title}Item"},
        "$defs": {**defs, f"{title}Item": schema},
    }


def schema_for(name: SchemaName, std: Standard) -> dict[str, Any]:
    """The JSON Schema of ``name``; codes in profiles and catalogues are limited to those of ``std``."""
    if name is SchemaName.profile:
        schema = Profile.model_json_schema()
        schema["properties"]["standard"]["const"] = std.code
        _codes(schema, "Evidence", std)
        kind = schema["$defs"]["Evidence"]["properties"]["kind"]
        schema["$defs"]["Evidence"]["properties"]["kind"] = {"anyOf": [kind, {"enum": list(KIND_ALIASES)}]}
    elif name is SchemaName.catalog:
        schema = Catalog.model_json_schema()
        _codes(schema, "Course", std)
    elif name is SchemaName.reports:
        schema = _array_of(TypeAdapter(Report).json_schema(mode="serialization"), "Reports")
    elif name is SchemaName.standard_view:
        schema = TypeAdapter(View).json_schema(mode="serialization")
    elif name is SchemaName.validation:
        schema = TypeAdapter(list[CheckOut]).json_schema(mode="serialization")
    elif name is SchemaName.imports:
        schema = TypeAdapter(list[ChangeOut]).json_schema(mode="serialization")
    elif name is SchemaName.calibration:
        from kmc_gap.engine.calibrate import Calibration

        schema = TypeAdapter(Calibration).json_schema(mode="serialization")
    elif name is SchemaName.policy:
        schema = Policy.model_json_schema()
    elif name is SchemaName.mapping:
        from kmc_gap.model.mapping import RecordMapping

        schema = RecordMapping.model_json_schema()
    elif name is SchemaName.report:
        schema = TypeAdapter(Report).json_schema(mode="serialization")
    elif name is SchemaName.plan:
        schema = TypeAdapter(Plan).json_schema(mode="serialization")
    elif name is SchemaName.diff:
        schema = TypeAdapter(Diff).json_schema(mode="serialization")
    else:
        schema = Standard.model_json_schema()
    return {"$schema": DIALECT, "$id": f"urn:kmc-gap:schema:{name.value}", **schema}
