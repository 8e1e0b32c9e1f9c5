"""Open Badges 3.0 credentials made for the tests: a course aligned to this standard's items."""

from __future__ import annotations

from typing import Any

from kmc_gap.model.case import identifier, item_link
from kmc_gap.model.loading import load_standard

STD = load_standard()


# the level "4" of the rubric iCAP 職能級別, for task T2.3, as `standard --format case` writes it
LEVEL_4 = f"urn:uuid:{identifier(STD.code, 'level|T2.3|4')}"


def badge(
    ident: str = "urn:uuid:6a3b1c52-1d0e-4e36-9b1f-0c4d8a2e7f10",
    person: str = "E2101",
    name: str = "陳怡君",
    alignments: list[dict[str, Any]] | None = None,
    level: str | None = LEVEL_4,
    valid_from: str = "2025-03-01T23:30:00+08:00",
    achievement_type: str = "Course",
) -> dict[str, Any]:
    """An OB 3.0 AchievementCredential for a course aligned to K01 (by URI) and S01 (by code, this framework)."""
    k01 = item_link(STD, "K01")[1]
    if alignments is None:
        alignments = [
            {"type": ["Alignment"], "targetName": "行銷活動規劃", "targetUrl": k01, "targetType": "CFItem"},
            {
                "type": ["Alignment"],
                "targetName": "活動行銷企劃",
                "targetCode": "S01",
                "targetFramework": "KMC3332-001v3 活動 (專案) 行銷企劃人員",
                "targetUrl": "https://academy.example.tw/map/S01",
            },
        ]
    achievement: dict[str, Any] = {
        "id": "https://academy.example.tw/achievements/event-planning",
        "type": ["Achievement"],
        "achievementType": achievement_type,
        "name": "活動企劃實務",
        "description": "活動企劃實務班",
        "criteria": {"narrative": "完成 21 小時課程並通過實作評量"},
        "alignment": alignments,
    }
    subject: dict[str, Any] = {
        "type": ["AchievementSubject"],
        "identifier": [
            {"type": "IdentityObject", "identityType": "identifier", "identityHash": person, "hashed": False},
            {"type": "IdentityObject", "identityType": "name", "identityHash": name, "hashed": False},
        ],
        "achievement": achievement,
    }
    if level is not None:
        subject["result"] = [
            {
                "type": ["Result"],
                "alignment": [{"type": ["Alignment"], "targetName": "職能級別 4", "targetUrl": level}],
            }
        ]
    return {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": ident,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://academy.example.tw/issuer", "type": ["Profile"], "name": "活動行銷學院"},
        "validFrom": valid_from,
        "validUntil": "2028-02-29T00:00:00+08:00",
        "name": "活動企劃實務",
        "credentialSubject": subject,
    }
