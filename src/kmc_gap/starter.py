"""`kmc-gap init`: a starter profile that lists every code of the standard as comments."""

from __future__ import annotations

import datetime as dt
import json

from kmc_gap.lookup import index
from kmc_gap.models import Standard

_TEXT: dict[str, dict[str, str]] = {
    "zh-TW": {
        "title": "kmc-gap 證據檔（職能基準 {code} {name}）",
        "person": "請填寫姓名",
        "example_title": "範例：iCAP 職能導向課程「活動行銷企劃實務」（請改成您的證據）",
        "codes": "可用代碼（複製到 covers）",
        "level": "職能級別",
        "attitudes": "態度（適用整個職能基準）",
    },
    "en": {
        "title": "kmc-gap evidence profile (standard {code} {name})",
        "person": "Your name",
        "example_title": "Example: iCAP-certified course on event marketing planning (replace with your evidence)",
        "codes": "Codes you can use (copy them into covers)",
        "level": "level",
        "attitudes": "Attitudes (for the whole standard)",
    },
}


_HOW: dict[str, list[str]] = {
    "zh-TW": [
        "每一筆 evidence 是一項證據：訓練、證照、工作產出、經歷、評核或自評。",
        "level 填證據展現的職能級別（1–6），covers 填下方清單中的代碼。",
        "檢查：kmc-gap validate 本檔；評估：kmc-gap assess 本檔",
        "編輯器提示：kmc-gap schema profile > profile.schema.json，",
        "再於首行加上 # yaml-language-server: $schema=profile.schema.json",
    ],
    "en": [
        "Each evidence entry is one item: training, certificate, work output, experience,",
        "assessment or self report.",
        "level is the competency level (1–6) shown; covers lists codes from the list below.",
        "Check: kmc-gap validate this-file; assess: kmc-gap assess this-file",
        "Editor hints: kmc-gap schema profile > profile.schema.json,",
        "then add # yaml-language-server: $schema=profile.schema.json as the first line",
    ],
}


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), Chinese kept as is."""
    return json.dumps(text, ensure_ascii=False)


def starter_profile(std: Standard, lang: str, today: dt.date) -> str:
    """The text of a valid starter profile for ``std``, with the code list in ``lang``."""
    key = "en" if lang == "en" else "zh-TW"
    t = _TEXT[key]
    entries = index(std)
    name = (std.name_en or std.name) if lang == "en" else std.name
    first_task = std.duties[0].tasks[0]
    example_codes = ", ".join([first_task.indicators[0].code, *first_task.knowledge[:1], *first_task.skills[:1]])
    lines = [f"# {t['title'].format(code=std.code, name=name)}", *(f"# {h}" for h in _HOW[key]), ""]
    lines += [
        f"standard: {std.code}",
        "person:",
        f"  name: {_quoted(t['person'])}",
        "  # id: E0001",
        "  # organisation:",
        "  # role:",
        "",
        "evidence:",
        "  - id: example-1",
        "    kind: training   # training | certificate | work_output | experience | assessment | self_report",
        f"    title: {_quoted(t['example_title'])}",
        f"    date: {today.isoformat()}",
        f"    level: {first_task.level}",
        f"    covers: [{example_codes}]",
        "    # expires: 2030-12-31",
        "    # verified_by:",
        "    # hours: 12",
        "    # reference:",
        "",
        f"# ---- {t['codes']} ----",
    ]
    for duty in std.duties:
        lines.append(f"# {duty.code} {entries[duty.code].label(lang)}")
        for task in duty.tasks:
            lines.append(f"#   {task.code} {entries[task.code].label(lang)}（{t['level']} {task.level}）")
            for code in [*(o.code for o in task.outputs), *task.required_codes()]:
                lines.append(f"#     {code} {entries[code].label(lang)}")
    lines.append(f"# {t['attitudes']}")
    lines += [f"#   {code} {entries[code].label(lang)}" for code in std.attitudes]
    return "\n".join(lines) + "\n"
