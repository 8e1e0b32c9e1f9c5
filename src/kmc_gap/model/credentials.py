"""Open Badges 3.0 and CLR 2.0 credentials as evidence: read as JSON, never fetched, mapped only through this standard.

A credential file holds a credential as JSON (VC 2.0 ``validFrom``/``validUntil``, or VC 1.1
``issuanceDate``/``expirationDate``), as a compact JWS (its payload the credential, or a ``vc``
claim), a list of them, or a CLR 2.0 bundle whose ``credentialSubject.verifiableCredential`` are
each read. JSON-LD is read as JSON: no context is fetched.

**Which codes.** Each alignment of the achievement, and of each result description whose result
passes (value ≥ requiredValue, achievedLevel ≥ requiredLevel, status Completed), names a code
when its ``targetUrl`` is a CFItem URI of this standard, its ``targetCode`` a CFItem identifier of
this standard, or its ``targetCode`` a code itself where ``targetFramework`` names this standard
(its code or title) or ``targetUrl`` lies under its URIs: K03 of another framework is not K03.
Alignments to a duty or a task name no item to cover (a task is judged by its indicators, K and
S), so they are not counted alone. A credential that names no code is listed as *not mapped*.

**Which level.** A result aligned to a level of the standard's rubric 「iCAP 職能級別」, or an
achieved rubric level whose ``level`` is 1–6, or a ``level`` of 1–6 on the achievement. None: the
credential is listed, not counted; a level is never guessed.

**Signatures.** A JWS is *not verified* unless ``--issuer-key`` is given, then *verified* or
*invalid*; an invalid one never counts. A ``jwk`` in the JWS header authenticates nobody (anyone
can sign with their own key). Data Integrity proofs are *not verified*.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from kmc_gap.model.case import identifier, item_link, urn
from kmc_gap.model.ids import CREDENTIAL_ID_PREFIX
from kmc_gap.model.models import Evidence, Person, Standard
from kmc_gap.model.problems import InputError, Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES, decode, json_value, parse_json, read_bytes
from kmc_gap.words import t

CERTIFICATE_TYPES = frozenset({"certification", "license", "licence", "certificate"})


class Signature(StrEnum):
    """What became of a credential's signature."""

    none = "none"  # no JWS and no proof
    not_verified = "not_verified"
    verified = "verified"
    invalid = "invalid"


#: The signatures an item's note speaks of, in the run's language.
_NOTED = frozenset({Signature.not_verified, Signature.verified})


class Reason(StrEnum):
    """Why a credential that was read is not evidence."""

    not_mapped = "not_mapped"
    no_level = "no_level"
    invalid_signature = "invalid_signature"
    unsigned = "unsigned"  # --issuer-key was given, and this credential is not signed by it


@dataclass
class Read:
    """One credential: the evidence it gives, or why it gives none; its person either way when known."""

    name: str
    person: Person | None
    evidence: Evidence | None = None
    reason: Reason | None = None
    signature: Signature = Signature.none


@dataclass
class CredentialFile:
    """Every credential of one file, and the problems of the ones that could not be read."""

    credentials: list[Read] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    refused: int = 0


@dataclass(frozen=True)
class Keys:
    """The keys ``--issuer-key`` gives (PyJWT keys, by ``kid`` where a JWKS names them)."""

    keys: tuple[tuple[str | None, Any], ...]


def load_keys(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Keys:
    """A JWK, a JWKS or a PEM public key; ``InputError`` naming the file when it is none of these."""
    import jwt
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    raw = read_bytes(path, name, max_bytes)
    try:
        if raw.lstrip().startswith(b"-----BEGIN"):
            return Keys(((None, load_pem_public_key(raw)),))
        data = parse_json(decode(raw, name), name)
        found = data.get("keys", [data]) if isinstance(data, dict) else None
        if not isinstance(found, list) or not found:
            raise ValueError("no key")
        return Keys(tuple((k.get("kid"), jwt.PyJWK(k).key) for k in found if isinstance(k, dict)))
    except (ValueError, TypeError, KeyError, jwt.PyJWTError):
        raise InputError([Problem(name, "credentials.bad_key")]) from None


def read_credentials(
    path: Path,
    name: str,
    std: Standard,
    keys: Keys | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lang: str = "zh-TW",
) -> CredentialFile:
    """The credentials of one file; a file that cannot be read raises ``InputError`` (located)."""
    text = decode(read_bytes(path, name, max_bytes), name).strip()
    out = CredentialFile()
    reader = _Mapper(std, lang)
    if text[:1] not in ("{", "[", '"'):  # a compact JWS (its segments are checked one by one)
        documents: list[tuple[str, Any]] = [("", text)]
    else:
        data = parse_json(text, name)
        documents = [(f"/{i}", d) for i, d in enumerate(data)] if isinstance(data, list) else [("", data)]
    for pointer, document in documents:
        try:
            for credential, signature, where, holder in _unwrap(document, pointer, name, keys):
                read = reader.read(credential, signature, where or name, holder, name)
                if keys is not None and signature is not Signature.verified and read.reason is None:
                    read.reason, read.evidence = Reason.unsigned, None  # a key given: only what it verifies counts
                out.credentials.append(read)
        except InputError as exc:
            out.problems += exc.problems
            out.refused += 1
    return out


# --------------------------------------------------------------------------- JWS and bundles


def _b64(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _jws(token: str, pointer: str, name: str, keys: Keys | None) -> tuple[dict[str, Any], Signature]:
    """The credential a compact JWS carries, and whether its signature was checked."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise InputError([Problem(name, "credentials.bad_jws", {"pointer": pointer or "/", "segment": "header"})])
    decoded = []
    for segment, part in zip(("header", "payload"), parts[:2], strict=True):
        try:
            value = json_value(_b64(part))
        except (binascii.Error, ValueError, UnicodeDecodeError):  # 5,000 digits, NaN, nested too deep
            value = None
        if not isinstance(value, dict):
            raise InputError([Problem(name, "credentials.bad_jws", {"pointer": pointer or "/", "segment": segment})])
        decoded.append(value)
    header, payload = decoded
    try:
        _b64(parts[2])
    except (binascii.Error, ValueError):
        raise InputError(
            [Problem(name, "credentials.bad_jws", {"pointer": pointer or "/", "segment": "signature"})]
        ) from None
    signature = Signature.not_verified if keys is None else _verify(token, header, keys)
    inner = payload.get("vc")
    credential: dict[str, Any] = dict(inner if isinstance(inner, dict) else payload)
    # VC-JWT: the registered claims stand for the credential's own fields where it lacks them
    claims = {"jti": "id", "iss": "issuer"}
    for claim, key in claims.items():
        if key not in credential and isinstance(payload.get(claim), str):
            credential[key] = payload[claim]
    for claim, key in (("nbf", "issuanceDate"), ("exp", "expirationDate")):
        value = payload.get(claim)
        if isinstance(value, int | float) and not any(k in credential for k in (key, "validFrom", "validUntil")):
            with contextlib.suppress(OverflowError, ValueError, OSError):  # 1e300, NaN, −1e15: no date at all
                credential[key] = dt.datetime.fromtimestamp(value, dt.UTC).isoformat()
    return credential, signature


def _verify(token: str, header: dict[str, Any], keys: Keys) -> Signature:
    """Verified with one of the given keys (the one whose ``kid`` the header names, if any), else invalid."""
    import jwt

    alg = header.get("alg")
    if not isinstance(alg, str) or alg.lower() == "none":
        return Signature.invalid
    kid = header.get("kid")
    named = [key for k, key in keys.keys if kid is not None and k == kid]
    for key in named or [key for _, key in keys.keys]:
        try:
            jwt.api_jws.PyJWS().decode_complete(token, key=key, algorithms=[alg])
        except jwt.InvalidTokenError:
            continue
        except (TypeError, ValueError, NotImplementedError):
            continue  # a key of another type than the algorithm's
        return Signature.verified
    return Signature.invalid


def _unwrap(
    document: Any, pointer: str, name: str, keys: Keys | None, holder: dict[str, Any] | None = None
) -> list[tuple[dict[str, Any], Signature, str, dict[str, Any] | None]]:
    """The credentials in one document: itself, or each one a CLR bundles (a CLR's own subject as holder)."""
    signature = Signature.none
    if isinstance(document, str):
        credential, signature = _jws(document, pointer, name, keys)
    elif isinstance(document, dict):
        credential = document
        signature = Signature.not_verified if "proof" in document else Signature.none
    else:
        raise InputError([Problem(name, "credentials.not_credential", {"pointer": pointer or "/"})])
    subject = credential.get("credentialSubject")
    if not isinstance(subject, dict):
        raise InputError([Problem(name, "credentials.not_credential", {"pointer": pointer or "/"})])
    inner = subject.get("verifiableCredential")
    if "ClrCredential" in _types(credential) or isinstance(inner, list):
        found = []
        for i, each in enumerate(inner if isinstance(inner, list) else []):
            where = f"{pointer}/credentialSubject/verifiableCredential/{i}"
            found += _unwrap(each, where, name, keys, subject)
        return found
    return [(credential, signature, pointer, holder)]


def _types(data: dict[str, Any]) -> list[str]:
    value = data.get("type")
    return (
        [value]
        if isinstance(value, str)
        else [t for t in value if isinstance(t, str)]
        if isinstance(value, list)
        else []
    )


# --------------------------------------------------------------------------- mapping to this standard


class _Mapper:
    def __init__(self, std: Standard, lang: str = "zh-TW") -> None:
        self.std = std
        self.lang = lang
        self.by_uri: dict[str, str] = {}
        self.by_id: dict[str, str] = {}
        for code in std.entries:
            ident, link = item_link(std, code)
            self.by_uri[link] = code
            self.by_id[ident.lower()] = code
        doc = std.case.document if std.case is not None else identifier(std.code, "document")
        self.bases = {link.rsplit("/", 1)[0] + "/" for link in self.by_uri if "/" in link.partition(":")[2]}
        self.bases.add(urn(doc))
        self.levels: dict[str, int] = {}
        for task in std.tasks():
            for level in range(1, 7):
                level_id = identifier(std.code, f"level|{task.code}|{level}")
                self.levels[level_id] = level
                self.levels[urn(level_id)] = level
        self.names = {std.code.casefold(), std.name.casefold()}

    def read(
        self, credential: dict[str, Any], signature: Signature, where: str, holder: dict[str, Any] | None, file: str
    ) -> Read:
        subject = credential["credentialSubject"]
        achievement = subject.get("achievement") if isinstance(subject.get("achievement"), dict) else {}
        title = _text(achievement.get("name")) or _text(credential.get("name")) or where
        person = _person(subject) or (_person(holder) if holder else None)
        read = Read(title, person, signature=signature)
        codes, level = self.codes(achievement, subject)
        if signature is Signature.invalid:
            read.reason = Reason.invalid_signature
        elif not codes:
            read.reason = Reason.not_mapped
        elif level is None:
            read.reason = Reason.no_level
        if read.reason is not None:
            return read
        if person is None:
            raise InputError([Problem(file, "credentials.no_person", {"pointer": where, "title": title})])
        issued = _day(credential.get("validFrom") or credential.get("issuanceDate"))
        if issued is None:
            raise InputError([Problem(file, "credentials.no_date", {"pointer": where, "title": title})])
        ident = (
            _text(credential.get("id")) or hashlib.sha256(json.dumps(credential, sort_keys=True).encode()).hexdigest()
        )
        issuer = credential.get("issuer")
        verifier = (_text(issuer.get("name")) or _text(issuer.get("id"))) if isinstance(issuer, dict) else _text(issuer)
        kind = (
            "certificate"
            if _text(achievement.get("achievementType"), "").casefold() in CERTIFICATE_TYPES
            else "training"
        )
        try:
            read.evidence = Evidence(
                id=f"{CREDENTIAL_ID_PREFIX}{ident}",
                kind=kind,
                title=title,
                date=issued,
                level=level,
                covers=codes,
                expires=_day(credential.get("validUntil") or credential.get("expirationDate")),
                verified_by=verifier,
                reference=_text(credential.get("id")),
                note=t(f"credentials.note.{signature.value}", self.lang) if signature in _NOTED else None,
                source=file,
            )
        except ValidationError as exc:
            detail = exc.errors(include_url=False)[0]["msg"]
            raise InputError([Problem(file, "credentials.invalid", {"pointer": where, "detail": detail})]) from None
        return read

    def codes(self, achievement: dict[str, Any], subject: dict[str, Any]) -> tuple[list[str], int | None]:
        """The coverable codes the credential's alignments name, and its level, by the module's rules."""
        alignments = _list(achievement.get("alignment"))
        results = [r for r in _list(subject.get("result")) if isinstance(r, dict)]
        level = _level(achievement.get("level")) or _level(subject.get("level"))
        failed: set[Any] = set()  # the result descriptions whose result does not pass
        for description in _list(achievement.get("resultDescription")):
            if not isinstance(description, dict):
                continue
            result = next((r for r in results if r.get("resultDescription") == description.get("id")), None)
            if result is None or not _passes(description, result):
                failed.add(description.get("id"))
                continue
            alignments += _list(description.get("alignment"))
            level = self.achieved(description, result) or level
        for result in results:  # a result aligned to a level of the rubric, unless it failed its description
            if result.get("resultDescription") not in failed:
                level = self.level_of(_list(result.get("alignment"))) or level
        codes = []
        for alignment in alignments:
            code = self.code_of(alignment) if isinstance(alignment, dict) else None
            if code is not None and code in self.std.coverable and code not in codes:
                codes.append(code)
        return codes, level

    def code_of(self, alignment: dict[str, Any]) -> str | None:
        url = _text(alignment.get("targetUrl")) or ""
        code = _text(alignment.get("targetCode")) or ""
        if url in self.by_uri:
            return self.by_uri[url]
        if code.lower() in self.by_id:
            return self.by_id[code.lower()]
        framework = (_text(alignment.get("targetFramework")) or "").casefold()
        ours = any(name in framework for name in self.names) or any(url.startswith(base) for base in self.bases)
        return code if ours and code in self.std.entries else None

    def level_of(self, alignments: list[Any]) -> int | None:
        for alignment in alignments:
            if isinstance(alignment, dict):
                for key in ("targetUrl", "targetCode"):
                    value = _text(alignment.get(key))
                    if value is not None and value.lower() in self.levels:
                        return self.levels[value.lower()]
        return None

    def achieved(self, description: dict[str, Any], result: dict[str, Any]) -> int | None:
        levels = [lv for lv in _list(description.get("rubricCriterionLevel")) if isinstance(lv, dict)]
        chosen = next((lv for lv in levels if lv.get("id") == result.get("achievedLevel")), None)
        if chosen is None:
            return None
        return self.level_of(_list(chosen.get("alignment"))) or _level(chosen.get("level"))


def _passes(description: dict[str, Any], result: dict[str, Any]) -> bool:
    """Whether a result meets its description: the status, value and level it requires."""
    status = result.get("status")
    if status is not None and status != "Completed":
        return False
    required, value = description.get("requiredValue"), result.get("value")
    if required is not None:
        allowed = [str(v) for v in _list(description.get("allowedValue"))]
        if value is None:
            return False
        if str(required) in allowed and str(value) in allowed:
            if allowed.index(str(value)) < allowed.index(str(required)):
                return False
        else:
            try:
                if float(value) < float(required):
                    return False
            except (TypeError, ValueError):
                return str(value) == str(required)
    required_level = description.get("requiredLevel")
    if required_level is not None:
        levels = [lv.get("id") for lv in _list(description.get("rubricCriterionLevel")) if isinstance(lv, dict)]
        achieved = result.get("achievedLevel")
        if achieved not in levels or required_level not in levels:
            return False
        return levels.index(achieved) >= levels.index(required_level)
    return True


def _person(subject: dict[str, Any] | None) -> Person | None:
    """The person a credential is about, from its identifiers: a person id, a name, an e-mail address."""
    if not isinstance(subject, dict):
        return None
    found: dict[str, str] = {}
    for entry in _list(subject.get("identifier")):
        if isinstance(entry, dict) and entry.get("hashed") is not True and isinstance(entry.get("identityHash"), str):
            found.setdefault(str(entry.get("identityType")), entry["identityHash"].strip())
    ident = found.get("identifier") or found.get("sourcedId") or found.get("emailAddress")
    name = found.get("name") or _text(subject.get("name")) or ident
    if not name:
        return None
    return Person(name=name, id=ident or None)


def _list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else [value] if value is not None else []


def _text(value: Any, default: str | None = None) -> Any:
    """A string, or a language map's Traditional Chinese (else first) text."""
    if isinstance(value, dict):
        value = value.get("zh-TW") or value.get("zh-Hant") or next(iter(value.values()), None)
    return value.strip() if isinstance(value, str) and value.strip() else default


def _level(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and 1 <= value <= 6 else None


def _day(value: Any) -> dt.date | None:
    """The date of an RFC 3339 date-time in its own offset (2025-03-01T23:30:00-05:00 is 1 March)."""
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
