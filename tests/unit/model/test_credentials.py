"""Open Badges 3.0 / CLR 2.0 credentials as evidence: mapped through this standard only, signatures checked with a key.

The credentials built here validate against 1EdTech's own OB 3.0 schema (copied into
``tests/interop/``), so that what is tested is what an issuer sends.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import jwt
import pytest
from credential_files import LEVEL_4, badge
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from kmc_gap.model.case import item_link
from kmc_gap.model.credentials import Signature, load_keys, read_credentials
from kmc_gap.model.loading import load_standard
from kmc_gap.model.problems import InputError
from kmc_gap.words import t

from conftest import ROOT, TESTS

INTEROP = TESTS / "interop"
STD = load_standard()
OB3_SCHEMA = json.loads((INTEROP / "schemas" / "ob_v3p0_achievementcredential_schema.json").read_text("utf-8"))


def _write(tmp_path: Path, name: str, content: Any) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content, ensure_ascii=False), "utf-8")
    return path


def _read(path: Path, keys: Path | None = None) -> Any:
    loaded = load_keys(keys, keys.name) if keys is not None else None
    return read_credentials(path, path.name, STD, loaded)


# --------------------------------------------------------------------------- JWS


@pytest.fixture(scope="module")
def issuer() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _pem(tmp_path: Path, key: rsa.RSAPrivateKey) -> Path:
    pem = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    path = tmp_path / "issuer.pem"
    path.write_bytes(pem)
    return path


def _signed(cred: dict[str, Any], key: rsa.RSAPrivateKey, headers: dict[str, Any] | None = None) -> str:
    claims = {**cred, "iss": cred["issuer"]["id"], "jti": cred["id"]}
    return jwt.encode(claims, key, algorithm="RS256", headers=headers)


def test_the_built_credential_is_a_valid_open_badge() -> None:
    validator = jsonschema.Draft201909Validator(
        OB3_SCHEMA, format_checker=jsonschema.Draft201909Validator.FORMAT_CHECKER
    )
    assert [e.message for e in validator.iter_errors(badge())] == []


def test_a_credential_maps_through_this_standards_uris_and_codes(tmp_path: Path) -> None:
    (read,) = _read(_write(tmp_path, "b.json", badge())).credentials
    ev = read.evidence
    assert (read.person.id, read.person.name) == ("E2101", "陳怡君")
    assert ev.covers == ["K01", "S01"] and ev.level == 4 and ev.kind == "training"
    assert (ev.title, ev.verified_by) == ("活動企劃實務", "活動行銷學院")
    assert (str(ev.date), str(ev.expires)) == ("2025-03-01", "2028-02-29")  # dates in their own offset
    assert read.signature is Signature.none


def test_the_date_is_the_day_in_the_credentials_own_offset(tmp_path: Path) -> None:
    # 23:30 in New York on 1 March is 04:30 UTC on 2 March: the person's day is 1 March
    (read,) = _read(_write(tmp_path, "b.json", badge(valid_from="2025-03-01T23:30:00-05:00"))).credentials
    assert str(read.evidence.date) == "2025-03-01"


def test_a_cfitem_identifier_in_target_code_maps_as_the_spec_example_does(tmp_path: Path) -> None:
    ident = item_link(STD, "K05")[0]
    aligned = [{"type": ["Alignment"], "targetName": "x", "targetCode": ident, "targetType": "CFItem",
                "targetUrl": f"https://caseregistry.imsglobal.org/uri/{ident}"}]  # fmt: skip
    (read,) = _read(_write(tmp_path, "b.json", badge(alignments=aligned))).credentials
    assert read.evidence.covers == ["K05"]


def test_another_frameworks_k03_is_not_k03(tmp_path: Path) -> None:
    aligned = [{"type": ["Alignment"], "targetName": "K03", "targetCode": "K03", "targetFramework": "Common Core",
                "targetUrl": "https://example.org/ccss/K03"}]  # fmt: skip
    result = _read(_write(tmp_path, "b.json", badge(alignments=aligned)))
    (read,) = result.credentials
    assert (read.evidence, read.reason.value) == (None, "not_mapped")


def test_no_level_is_listed_not_counted_and_never_guessed(tmp_path: Path) -> None:
    (read,) = _read(_write(tmp_path, "b.json", badge(level=None))).credentials
    assert (read.evidence, read.reason.value, read.name) == (None, "no_level", "活動企劃實務")


def test_a_result_that_does_not_pass_adds_no_alignment(tmp_path: Path) -> None:
    """A result description's alignments count only when its result meets requiredLevel."""
    cred = badge()
    rubric = [
        {"id": f"urn:uuid:lv{n}", "type": ["RubricCriterionLevel"], "name": f"{n}", "level": str(n)} for n in (3, 4)
    ]
    k02 = {"type": ["Alignment"], "targetName": "K02", "targetUrl": item_link(STD, "K02")[1]}
    description = {
        "id": "urn:uuid:rd",
        "type": ["ResultDescription"],
        "name": "實作",
        "resultType": "RubricCriterionLevel",
        "requiredLevel": "urn:uuid:lv4",
        "rubricCriterionLevel": rubric,
        "alignment": [k02],
    }
    cred["credentialSubject"]["achievement"]["resultDescription"] = [description]
    result = {
        "type": ["Result"],
        "resultDescription": "urn:uuid:rd",
        "achievedLevel": "urn:uuid:lv3",
        "status": "Completed",
    }
    cred["credentialSubject"]["result"].append(result)
    (read,) = _read(_write(tmp_path, "b.json", cred)).credentials
    assert read.evidence.covers == ["K01", "S01"]  # K02's result was level 3 of a required 4
    result["achievedLevel"] = "urn:uuid:lv4"
    (read,) = _read(_write(tmp_path, "b.json", cred)).credentials
    assert read.evidence.covers == ["K01", "S01", "K02"]


def test_a_certification_is_a_certificate(tmp_path: Path) -> None:
    (read,) = _read(_write(tmp_path, "b.json", badge(achievement_type="Certification"))).credentials
    assert read.evidence.kind == "certificate"


def test_a_jws_without_a_key_is_not_verified_and_counts(tmp_path: Path, issuer: rsa.RSAPrivateKey) -> None:
    (read,) = _read(_write(tmp_path, "b.jwt", _signed(badge(), issuer))).credentials
    assert read.signature is Signature.not_verified
    assert read.evidence is not None and read.evidence.note == t("credentials.note.not_verified")
    path = _write(tmp_path, "b.jwt", _signed(badge(), issuer))
    (english,) = read_credentials(path, path.name, STD, None, lang="en").credentials
    assert english.evidence is not None and english.evidence.note == "signature not verified (no --issuer-key)"


@pytest.mark.parametrize("form", ["pem", "jwk", "jwks"])
def test_a_jws_with_the_issuers_key_is_verified(tmp_path: Path, issuer: rsa.RSAPrivateKey, form: str) -> None:
    key = _pem(tmp_path, issuer)
    if form != "pem":
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(issuer.public_key()))
        key.write_text(json.dumps(jwk if form == "jwk" else {"keys": [jwk]}), "utf-8")
    (read,) = _read(_write(tmp_path, "b.jwt", _signed(badge(), issuer)), key).credentials
    assert read.signature is Signature.verified and read.evidence is not None


def test_a_jws_signed_by_another_key_is_invalid_and_never_counts(tmp_path: Path, issuer: rsa.RSAPrivateKey) -> None:
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(forger.public_key()))
    token = _signed(badge(), forger, {"jwk": jwk})  # the forger's own key in the header authenticates nobody
    (unchecked,) = _read(_write(tmp_path, "b.jwt", token)).credentials
    assert unchecked.signature is Signature.not_verified
    (read,) = _read(_write(tmp_path, "b.jwt", token), _pem(tmp_path, issuer)).credentials
    assert (read.signature, read.evidence, read.reason.value) == (Signature.invalid, None, "invalid_signature")


def test_with_a_key_given_an_unsigned_credential_never_counts(tmp_path: Path, issuer: rsa.RSAPrivateKey) -> None:
    """A forged JWS is invalid; the same claims saved as plain JSON (no signature at all) must not count either
    once a key says whose signatures count."""
    key = _pem(tmp_path, issuer)
    (plain,) = _read(_write(tmp_path, "b.json", badge()), key).credentials
    assert (plain.evidence, plain.reason.value) == (None, "unsigned")
    (alone,) = _read(_write(tmp_path, "b.json", badge())).credentials  # no key: counted, marked not verified
    assert alone.evidence is not None
    (signed,) = _read(_write(tmp_path, "b.jwt", _signed(badge(), issuer)), key).credentials
    assert signed.evidence is not None  # what the key verifies still counts


def test_a_vc_1_1_jws_reads_its_vc_claim(tmp_path: Path, issuer: rsa.RSAPrivateKey) -> None:
    cred = badge()
    del cred["validFrom"], cred["validUntil"]
    token = jwt.encode({"vc": cred, "nbf": 1740842000, "jti": cred["id"]}, issuer, algorithm="RS256")
    (read,) = _read(_write(tmp_path, "b.jwt", token)).credentials
    assert str(read.evidence.date) == "2025-03-01"  # nbf 1740842000 is 2025-03-01T15:13:20Z


@pytest.mark.parametrize(
    ("token", "segment"), [("e30.!!!.x", "payload"), ("bm90IGpzb24.e30.", "header"), ("a.b", "header")]
)
def test_a_bad_jws_segment_is_named(tmp_path: Path, token: str, segment: str) -> None:
    path = _write(tmp_path, "b.jwt", token)
    result = _read(path)
    assert result.refused == 1
    assert [p.format("en") for p in result.problems] == [f"b.jwt: /: the JWS's {segment} segment cannot be read"]


def test_broken_json_is_located(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        _read(_write(tmp_path, "b.json", '{"@context": [\n  "x",,\n]}'))
    assert [p.format("en") for p in caught.value.problems] == ["b.json:2:7: JSON syntax error"]


# --------------------------------------------------------------------------- CLR and real examples


def test_a_clr_bundle_gives_each_credential_to_its_holder(tmp_path: Path, issuer: rsa.RSAPrivateKey) -> None:
    one = badge()
    two = badge(
        ident="urn:uuid:2",
        alignments=[{"type": ["Alignment"], "targetName": "x", "targetUrl": item_link(STD, "K02")[1]}],
    )
    for inner in (one, two):
        inner["credentialSubject"].pop("identifier")
    clr = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        ],
        "id": "urn:uuid:clr",
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": "學習履歷",
        "issuer": {"id": "https://academy.example.tw/issuer", "type": ["Profile"]},
        "validFrom": "2025-06-30T00:00:00+08:00",
        "credentialSubject": {
            "type": ["ClrSubject"],
            "identifier": badge()["credentialSubject"]["identifier"],
            "verifiableCredential": [one, two],
        },
    }
    reads = _read(_write(tmp_path, "clr.json", clr)).credentials
    assert [(r.person.id, r.evidence.covers) for r in reads] == [("E2101", ["K01", "S01"]), ("E2101", ["K02"])]


@pytest.mark.parametrize(
    "name", ["validator-ob30-complete.json", "spec-achievement-alignment-case.json", "validator-ob30-simple.jwt"]
)
def test_real_credentials_of_other_frameworks_are_read_and_listed_not_mapped(name: str) -> None:
    result = _read(INTEROP / "examples" / "ob3" / name)
    assert result.problems == [] and len(result.credentials) == 1
    (read,) = result.credentials
    assert (read.evidence, read.reason.value) == (None, "not_mapped") and read.name


def test_copying_the_credential_unchanged_is_one_item(tmp_path: Path) -> None:
    path = _write(tmp_path, "list.json", [badge(), copy.deepcopy(badge())])
    assert len(_read(path).credentials) == 2  # both read: the loader counts the second as a repeat


def test_a_result_that_fails_its_description_gives_no_level(tmp_path: Path) -> None:
    """The level 4 alignment sits on a result of level 3 where level 4 was required: no level is taken from it."""
    cred = badge(level=None)
    rubric = [{"id": f"urn:uuid:lv{n}", "type": ["RubricCriterionLevel"], "name": f"{n}"} for n in (3, 4)]
    cred["credentialSubject"]["achievement"]["resultDescription"] = [
        {"id": "urn:uuid:rd", "type": ["ResultDescription"], "name": "實作", "resultType": "RubricCriterionLevel",
         "requiredLevel": "urn:uuid:lv4", "rubricCriterionLevel": rubric}
    ]  # fmt: skip
    result = {"type": ["Result"], "resultDescription": "urn:uuid:rd", "achievedLevel": "urn:uuid:lv3",
              "alignment": [{"type": ["Alignment"], "targetName": "職能級別 4", "targetUrl": LEVEL_4}]}  # fmt: skip
    cred["credentialSubject"]["result"] = [result]
    (read,) = _read(_write(tmp_path, "b.json", cred)).credentials
    assert (read.evidence, read.reason.value) == (None, "no_level")
    result["achievedLevel"] = "urn:uuid:lv4"  # now it passes: its level stands
    (read,) = _read(_write(tmp_path, "b.json", cred)).credentials
    assert read.evidence is not None and read.evidence.level == 4


def test_the_shipped_example_credentials_read_as_the_docs_say() -> None:
    # docs/credentials.md runs these; here what they hold: a JWT the shipped key verifies, two OB 3.0 badges
    shipped = ROOT / "examples" / "credentials"
    (signed,) = _read(shipped / "badge.jwt", shipped / "academy.pem").credentials
    assert signed.signature is Signature.verified and signed.evidence is not None
    assert (signed.person.id, signed.evidence.covers, signed.evidence.level) == ("E2101", ["K16", "S12"], 4)
    (unchecked,) = _read(shipped / "badge.jwt").credentials
    assert unchecked.signature is Signature.not_verified
    validator = jsonschema.Draft201909Validator(OB3_SCHEMA)
    for path in sorted((shipped / "badges").glob("*.json")):
        assert [e.message for e in validator.iter_errors(json.loads(path.read_text("utf-8")))] == []
        (each,) = _read(path).credentials
        assert each.evidence is not None and each.evidence.level == 4 and len(each.evidence.covers) == 2
