"""Messages for problems in input files, in Traditional Chinese and English.

Each key maps to a (zh-TW, en) pair of ``str.format`` templates. Keeping them in one table
makes it easy to check that every key has both languages (a test does).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGS = ("zh-TW", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # reading files
    "file.missing": ("找不到檔案", "file not found"),
    "file.is_dir": ("這是資料夾，不是檔案", "is a directory, not a file"),
    "file.unreadable": ("無法讀取檔案（{reason}）", "cannot read the file ({reason})"),
    "file.too_large": (
        "檔案過大（{size} 位元組，上限 {limit}；可用 --max-size 調整）",
        "file too large ({size} bytes, limit {limit}; see --max-size)",
    ),
    "file.binary": ("這是二進位檔，不是 YAML 文字檔", "binary file, not YAML text"),
    "file.big5": (
        "檔案不是 UTF-8 編碼（看來是 Big5）；請轉成 UTF-8，例如：iconv -f BIG5 -t UTF-8 舊檔 > 新檔",
        "file is not UTF-8 (it looks like Big5); convert it, e.g. iconv -f BIG5 -t UTF-8 old > new",
    ),
    "file.no_profiles": ("找不到任何 *.yaml 或 *.yml 證據檔", "no *.yaml or *.yml profiles found"),
    "file.exists": ("檔案已存在；要覆寫請加 --force", "file already exists; use --force to overwrite it"),
    "file.unwritable": ("無法寫入檔案（{reason}）", "cannot write the file ({reason})"),
    "file.not_utf8": ("檔案不是 UTF-8 編碼；請以 UTF-8 另存", "file is not UTF-8; save it as UTF-8"),
    # YAML syntax
    "yaml.empty": ("檔案是空的（或只有註解）", "file is empty (or holds only comments)"),
    "yaml.syntax": ("YAML 語法錯誤：{detail}", "YAML syntax error: {detail}"),
    "yaml.tab": ("縮排不可使用 Tab，請改用空白", "tabs cannot be used for indentation; use spaces"),
    "yaml.tag": ("不支援的 YAML 標籤 {tag}（只接受一般資料）", "unsupported YAML tag {tag} (plain data only)"),
    "yaml.duplicate_key": ("重複的鍵 {key}", "duplicate key {key}"),
    "yaml.bad_date": ("不存在的日期 {value}", "invalid date {value}"),
    "yaml.many_documents": ("一個檔案只能有一份 YAML 文件", "a file may hold only one YAML document"),
    "yaml.bad_character": ("檔案含有不允許的控制字元", "file contains a character YAML does not allow"),
    "yaml.too_deep": ("巢狀層次過深（上限 {limit} 層）", "nesting too deep (limit {limit} levels)"),
    "yaml.alias_bomb": (
        "別名（alias）展開後過大（上限 {limit} 個節點）",
        "aliases expand to too much data (limit {limit} nodes)",
    ),
    # shape (schema) problems
    "schema.top_mapping": ("最上層必須是鍵值對（mapping），而不是{got}", "the top level must be a mapping, not {got}"),
    "schema.missing": ("缺少必填欄位 {field}", "missing required field {field}"),
    "schema.unknown": ("未知的欄位 {field}", "unknown field {field}"),
    "schema.invalid": ("{field}：{detail_zh}", "{field}: {detail}"),
    # standard integrity
    "standard.duplicate_code": ("代碼 {code} 重複出現", "code {code} appears more than once"),
    "standard.misplaced_code": ("{code} 不屬於 {parent}", "{code} does not belong under {parent}"),
    "standard.undefined_item": ("{code} 未在 {section} 中定義", "{code} is not defined in {section}"),
    "standard.unused_item": ("{code} 已定義，但沒有任何工作任務用到", "{code} is defined but no task uses it"),
    "standard.duplicate_item": ("{code} 在 {task} 中重複列出", "{code} is listed twice in {task}"),
    # profiles
    "profile.wrong_standard": (
        "檔案指定的職能基準是 {got}，但載入的是 {expected}",
        "the profile is for standard {got}, but {expected} is loaded",
    ),
    "profile.unknown_code": ("職能基準沒有代碼 {code}", "the standard has no code {code}"),
    "profile.unknown_code_hint": (
        "職能基準沒有代碼 {code}（是不是 {suggestion}？）",
        "the standard has no code {code} (did you mean {suggestion}?)",
    ),
    "profile.duplicate_id": (
        "證據 id {id} 重複（第一次在第 {first} 行）",
        "evidence id {id} is used twice (first on line {first})",
    ),
    "profile.duplicate_cover": ("{code} 在 covers 中重複列出", "{code} is listed twice in covers"),
    "profile.date_after_expiry": (
        "date（{date}）晚於 expires（{expires}）",
        "date ({date}) is after expires ({expires})",
    ),
    # JSON reports
    "json.syntax": ("JSON 語法錯誤：{detail}", "JSON syntax error: {detail}"),
    "json.not_report": ("不是 kmc-gap 的 JSON 報告（欄位 {field}）", "not a kmc-gap JSON report (field {field})"),
    # course catalogues
    "catalog.duplicate_code": ("課程代碼 {code} 重複", "course code {code} is used twice"),
}


def render(message_key: str, lang: str = "zh-TW", args: Mapping[str, Any] | None = None) -> str:
    """The message for ``message_key`` in ``lang`` (zh-TW or en), with ``args`` filled in."""
    zh, en = MESSAGES[message_key]
    template = en if lang == "en" else zh
    return template.format(**(args or {}))
