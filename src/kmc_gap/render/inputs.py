"""The count per input file that every report opens with: what became of each row.

``ehr.xlsx#訓練紀錄：169 列 — 採計 150、未採計 12、略過 4、無法讀取 3``, then the reasons and kinds
behind the figures. One wording for the table, Markdown, HTML, the summary page and the workbook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.words import Word, listing, t

if TYPE_CHECKING:
    from kmc_gap.engine.report import InputCount


def input_name(count: InputCount) -> str:
    """The table as people name it: the file, and ``#sheet`` for a workbook's sheet."""
    return f"{count['file']}#{count['sheet']}" if count["sheet"] else count["file"]


def input_line(count: InputCount, lang: str) -> str:
    """One table's figures in one line."""
    name = input_name(count)
    if count["unreadable"]:
        return t("inputs.unreadable", lang, file=name, rows=count["rows"])
    key = {"roster": "inputs.roster", "credentials": "inputs.credentials"}.get(count["kind"], "inputs.line")
    return t(
        key,
        lang,
        file=name,
        rows=count["rows"],
        counted=count["counted"],
        not_counted=count["not_counted"],
        passed_over=count["passed_over"],
        refused=count["refused"],
    )


def input_detail(count: InputCount, lang: str) -> str | None:
    """The reasons behind the figures (未採計：未通過 5；略過：小計 3), or None when there are none."""
    parts = []
    if count["not_counted_by"]:
        by = count["not_counted_by"]
        reasons = [t("inputs.reason", lang, reason=Word(_reason_key(r)), n=n) for r, n in by.items()]
        parts.append(t("inputs.not_counted_by", lang, reasons=listing(reasons, lang)))
    if count["passed_over_by"]:
        kinds = [t(f"records.skip.{kind}", lang, n=n) for kind, n in count["passed_over_by"].items()]
        parts.append(t("inputs.passed_over_by", lang, kinds=listing(kinds, lang)))
    if count["refused"]:
        parts.append(t("inputs.refused_people", lang, n=count["refused"], people=count["people_refused"]))
    if not parts:
        return None
    text = parts[0]
    for part in parts[1:]:
        text = t("inputs.parts", lang, first=text, second=part)
    return text


#: The reasons the reading of credentials gives (the others are the rules').
CREDENTIAL_REASONS = frozenset({"not_mapped", "no_level", "invalid_signature", "unsigned"})


def _reason_key(reason: str) -> str:
    if reason in CREDENTIAL_REASONS:
        return f"credentials.reason.{reason}"
    return "records.reason.unknown_course" if reason == "unknown_course" else f"reason.{reason}"


def refused_headline(counts: list[InputCount], lang: str) -> str | None:
    """The one line a summary page or a workbook's first sheet gives rows that could not be read, or None."""
    rows = sum(c["refused"] for c in counts)
    if not rows:
        return None
    people = sum(c["people_refused"] for c in counts)
    return t("inputs.refused_headline", lang, n=rows, people=people)
