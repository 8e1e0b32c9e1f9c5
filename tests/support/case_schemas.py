"""The CASE 1.1 JSON schemas a package is checked against, each with its draft's validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema import Draft4Validator, Draft201909Validator, Draft202012Validator

INTEROP = Path(__file__).resolve().parents[1] / "interop"


SCHEMAS = {
    "case_v1p1_cfpackage-jsonschema1.json": Draft201909Validator,
    # its $schema names 2020-12 without https, which jsonschema would not recognise by itself
    "case_v1p1_getcfpackage-200-responsepayload-schema.json": Draft202012Validator,
    "opensalt_case-v1p0-cfpackage-schema.json": Draft4Validator,
}


def validator(name: str) -> jsonschema.protocols.Validator:
    cls = SCHEMAS[name]
    checker = cls.FORMAT_CHECKER
    assert {"uri", "date-time"} <= set(checker.checkers)  # rfc3987 and rfc3339-validator are installed
    return cls(json.loads((INTEROP / "schemas" / name).read_text("utf-8")), format_checker=checker)


def write_package(tmp_path: Path, package: dict[str, Any], name: str = "pkg.json") -> Path:
    """A CASE package written as a file, as a reader is given it."""
    path = tmp_path / name
    path.write_text(json.dumps(package, ensure_ascii=False, indent=2), "utf-8")
    return path
