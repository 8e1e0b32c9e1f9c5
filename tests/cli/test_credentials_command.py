"""Credentials on the command line: assessed beside records and profiles, validated, imported, and the shipped
examples."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jwt
import pytest
import yaml
from credential_files import badge
from cryptography.hazmat.primitives.asymmetric import rsa

from conftest import RunLine


def _write(tmp_path: Path, name: str, content: Any) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    return path


# --------------------------------------------------------------------------- JWS


@pytest.fixture(scope="module")
def issuer() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _signed(cred: dict[str, Any], key: rsa.RSAPrivateKey, headers: dict[str, Any] | None = None) -> str:
    claims = {**cred, "iss": cred["issuer"]["id"], "jti": cred["id"]}
    return jwt.encode(claims, key, algorithm="RS256", headers=headers)


def test_a_credentials_note_is_in_the_runs_language_only(
    run_line: RunLine, tmp_path: Path, issuer: rsa.RSAPrivateKey
) -> None:
    """The note once said both at once (簽章未驗證 / signature not verified) in either language."""
    import re

    path = _write(tmp_path, "b.jwt", _signed(badge(), issuer))
    for lang, other in (("en", re.compile("[\u4e00-\u9fff]")), ("zh-TW", re.compile("signature"))):
        run = run_line("assess", str(path), "-f", "json", "--lang", lang)
        (report,) = json.loads(run.stdout)  # a credential file gives a list of reports, as any record file
        notes = [ev["note"] for ev in report["evidence"] if ev["note"]]
        assert notes and not any(other.search(note) for note in notes)


# --------------------------------------------------------------------------- through the CLI


@pytest.mark.slow
def test_assess_counts_a_credential_with_the_persons_hr_records(run_line: RunLine, tmp_path: Path) -> None:
    path = _write(tmp_path, "badge.json", badge())
    other = _write(tmp_path, "other.json", badge(ident="urn:uuid:3", alignments=[]))
    args = (
        "assess",
        "examples/records/training-2025.csv",
        str(path),
        str(other),
        "-f",
        "json",
        "--as-of",
        "2026-01-01",
    )
    result = run_line(*args, "--catalog", "examples/catalog.yaml")
    assert result.code == 0, result.stderr
    assert "憑證「活動企劃實務」未對應" in result.stderr  # listed, never dropped
    reports = json.loads(result.stdout)
    chen = next(r for r in reports if r["person"]["id"] == "E2101")
    assert {"K01", "S01"} <= {i["code"] for t in chen["tasks"] for i in t["items"] if i["met"]}
    counts = {c["file"].rsplit("/", 1)[-1]: c for c in chen["inputs"]}
    assert (counts["badge.json"]["counted"], counts["other.json"]["not_counted_by"]) == (1, {"not_mapped": 1})


def test_import_writes_a_credential_into_the_persons_profile(run_line: RunLine, tmp_path: Path) -> None:
    path = _write(tmp_path, "badge.json", badge())
    out = tmp_path / "profiles"
    result = run_line("import", str(path), "-o", str(out))
    assert result.code == 0, result.stderr
    (written,) = out.glob("*.yaml")
    profile = yaml.safe_load(written.read_text("utf-8"))
    (item,) = profile["evidence"]
    assert (item["covers"], item["level"], item["verified_by"]) == (["K01", "S01"], 4, "活動行銷學院")
    again = run_line("import", str(path), "-o", str(out))
    assert again.code == 0 and written.read_text("utf-8") == written.read_text("utf-8")
    assert run_line("validate", str(written)).code == 0


def test_a_bad_key_file_is_a_located_error(run_line: RunLine, tmp_path: Path) -> None:
    path = _write(tmp_path, "badge.json", badge())
    key = _write(tmp_path, "key.json", '{"kty": "nope"}')
    result = run_line("--lang", "en", "assess", str(path), "--issuer-key", str(key))
    assert result.code == 2 and "not a JWK, a JWKS or a PEM public key" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_reads_credentials(run_line: RunLine, tmp_path: Path) -> None:
    good = _write(tmp_path, "badge.json", badge())
    bad = _write(tmp_path, "bad.jwt", "e30.!!!.x")
    result = run_line("--lang", "en", "validate", str(good), str(bad))
    assert result.code == 1 and "bad.jwt" in result.stdout + result.stderr


def test_a_folder_search_finds_credentials_but_not_reports(run_line: RunLine, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    _write(folder, "badge.json", badge())
    _write(folder, "report.json", {"person": {"name": "x"}})
    result = run_line("assess", str(folder), "-f", "json", "--as-of", "2026-01-01")
    assert result.code == 0, result.stderr
    assert "陳怡君" in result.stdout and "report.json" not in result.stdout + result.stderr


def test_records_inspect_says_a_credential_is_no_table(run_line: RunLine, tmp_path: Path) -> None:
    path = _write(tmp_path, "b.json", badge())
    one_row = tmp_path / "one.csv"
    one_row.write_text("工號,姓名,課程名稱,日期\nE1,王小明,活動企劃,2025-03-01\n", encoding="utf-8")
    result = run_line("records", "inspect", str(path), str(one_row), "--lang", "en")
    lines = result.stdout.splitlines()
    assert f"{path}: 1 credential; not a table, so no columns to map (what it covers: assess or validate)" in lines
    assert f"{one_row}: 1 row, the header on row 1" in lines  # one row, not "1 rows"
    assert sum(line.strip().startswith("columns:") for line in lines) == 1  # the table's only
