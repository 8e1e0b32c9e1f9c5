"""Output of `kmc-gap schema`: the JSON Schema document, as JSON."""

from __future__ import annotations

from typing import Any

from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import SchemaFormat
from kmc_gap.render.text import dumps_json


class SchemaRenderer(Renderer[dict[str, Any]]):
    """The schema as indented JSON."""

    def add(self, value: dict[str, Any]) -> None:
        """Write the schema."""
        self.out.write(dumps_json(value) + "\n")


RENDERERS: Registry[SchemaFormat, dict[str, Any]] = Registry({SchemaFormat.json: lambda: SchemaRenderer})
