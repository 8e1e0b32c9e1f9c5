"""Write the example credentials: two Open Badges 3.0 badges as JSON, one as a signed JWT, and its key.

Every person, course and issuer here is invented; the people are two of
``examples/records/training-2025.xlsx``. The academy's key is made from a fixed seed, and Ed25519
signatures are deterministic, so running this again writes the same bytes. The private key is not
kept: ``academy.pem`` is the public key an HR officer would get from the academy.

Run it from the repository root with kmc-gap installed: ``python examples/credentials/generate.py``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kmc_gap.model.case import identifier, item_link
from kmc_gap.model.loading import load_standard

HERE = Path(__file__).parent
STD = load_standard()
ISSUER = {"id": "https://academy.example.tw/issuer", "type": ["Profile"], "name": "活動行銷學院"}
FRAMEWORK = f"{STD.code} {STD.name}"


def level(task: str, value: int) -> str:
    """A level of the rubric iCAP 職能級別 for a task, as ``kmc-gap standard --format case`` writes it."""
    return f"urn:uuid:{identifier(STD.code, f'level|{task}|{value}')}"


def badge(serial: str, person: str, name: str, course: str, codes: list[str], task: str, day: str) -> dict[str, Any]:
    """An OB 3.0 AchievementCredential: the first code aligned by its CASE URI, the others by code."""
    alignments: list[dict[str, Any]] = [
        {
            "type": ["Alignment"],
            "targetName": codes[0],
            "targetUrl": item_link(STD, codes[0])[1],
            "targetType": "CFItem",
        }
    ]
    alignments += [
        {
            "type": ["Alignment"],
            "targetName": code,
            "targetCode": code,
            "targetFramework": FRAMEWORK,
            "targetUrl": f"https://academy.example.tw/map/{code}",
        }
        for code in codes[1:]
    ]
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": f"urn:uuid:00000000-0000-4000-8000-{serial:0>12}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": ISSUER,
        "validFrom": f"{day}T09:00:00+08:00",
        "validUntil": "2028-12-31T00:00:00+08:00",
        "name": course,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {"type": "IdentityObject", "identityType": "identifier", "identityHash": person, "hashed": False},
                {"type": "IdentityObject", "identityType": "name", "identityHash": name, "hashed": False},
            ],
            "achievement": {
                "id": f"https://academy.example.tw/achievements/{serial}",
                "type": ["Achievement"],
                "achievementType": "Course",
                "name": course,
                "description": f"{course}（範例課程）",
                "criteria": {"narrative": "完成課程並通過實作評量"},
                "alignment": alignments,
            },
            "result": [
                {
                    "type": ["Result"],
                    "alignment": [{"type": ["Alignment"], "targetName": "職能級別 4", "targetUrl": level(task, 4)}],
                }
            ],
        },
    }


def main() -> None:
    """Write ``badges/*.json``, ``badge.jwt`` and ``academy.pem`` beside this script."""
    (HERE / "badges").mkdir(exist_ok=True)
    badges = {
        "E2101-sponsorship.json": badge("1", "E2101", "陳怡君", "贊助提案實務", ["K13", "S13"], "T3.1", "2025-05-20"),
        "E2102-contracts.json": badge("2", "E2102", "林志明", "合約管理實務", ["K15", "S09"], "T3.3", "2025-09-02"),
    }
    for name, credential in badges.items():
        text = json.dumps(credential, ensure_ascii=False, indent=2) + "\n"
        (HERE / "badges" / name).write_text(text, "utf-8", newline="\n")
    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"kmc-gap example academy").digest())
    signed = badge("3", "E2101", "陳怡君", "活動風險管理", ["K16", "S12"], "T4.2", "2025-11-12")
    token = jwt.encode({"vc": signed, "iss": ISSUER["id"]}, key, algorithm="EdDSA", headers={"kid": "academy-2025"})
    (HERE / "badge.jwt").write_text(token + "\n", "ascii", newline="\n")
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    (HERE / "academy.pem").write_bytes(public)


if __name__ == "__main__":
    main()
