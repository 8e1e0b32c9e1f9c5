"""Every word a person reads, and the choice of language: the bottom layer of kmc-gap.

Nothing a user sees is written anywhere else: messages, table headings, help for every command
and option, usage errors and the translations of PyYAML's and pydantic's complaints all come
from :data:`~kmc_gap.words.catalogue.WORDS`, which holds each entry in Traditional Chinese and
English. One language is used at a time; :func:`t` picks it.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kmc_gap.words.plural import Plural


class Lang(StrEnum):
    """The languages kmc-gap speaks; Traditional Chinese is the default."""

    zh_TW = "zh-TW"
    en = "en"


DEFAULT_LANG = Lang.zh_TW
ENV_VAR = "KMC_GAP_LANG"

_SPELLINGS = {"zh-tw": Lang.zh_TW, "zh": Lang.zh_TW, "zh-hant": Lang.zh_TW, "zh-hant-tw": Lang.zh_TW, "en": Lang.en}


def parse_lang(value: str) -> Lang | None:
    """``zh-TW``, ``zh-tw``, ``zh``, ``zh_TW``, ``en``, ``EN``, ``en-US`` → a language; None when unknown.

    Full-width letters, as a Chinese keyboard types them (``ｅｎ``), are the same letters.
    """
    text = unicodedata.normalize("NFKC", value).strip().lower().replace("_", "-")
    if text.startswith("en-"):
        text = "en"
    return _SPELLINGS.get(text)


def env_lang() -> Lang:
    """The language from ``KMC_GAP_LANG``, or the default when it is unset or unknown."""
    return parse_lang(os.environ.get(ENV_VAR, "")) or DEFAULT_LANG


@dataclass(frozen=True)
class Word:
    """A catalogue entry still to be rendered, for use as an argument of another entry.

    A problem found while reading a file keeps ``Word("detail.int_type")`` rather than finished
    text, so the same problem can later be shown in either language.
    """

    key: str
    args: Mapping[str, Any] = field(default_factory=dict)


def pick(chinese: str, english: str | None, lang: str) -> str:
    """The standard's own text in ``lang``: its English rendering where there is one, else the Chinese."""
    return (english or chinese) if lang == Lang.en else chinese


def t(key: str, lang: str = DEFAULT_LANG, /, **args: Any) -> str:
    """The entry ``key`` in ``lang``, with ``args`` filled in (``Word`` arguments rendered too)."""
    return _render(key, lang, args)


def labelled(key: str, lang: str = DEFAULT_LANG, /) -> str:
    """The entry ``key`` as a label before its value: ``結論：`` in zh-TW (a full-width colon, no space),
    ``Verdict: `` in English — never an ASCII colon inside Chinese."""
    return _render(key, lang) + _render("punct.colon", lang)


def _render(key: str, lang: str, args: Mapping[str, Any] | None = None) -> str:
    """What :func:`t` renders, the arguments as a mapping.

    The catalogue is imported on the first word rendered: a run that writes only JSON reads none.
    """
    from kmc_gap.words.catalogue import WORDS

    zh, en = WORDS[key]
    english = en.pick(args or {}) if isinstance(en, Plural) else en
    template = english if lang == Lang.en else zh
    return template.format(**{name: _plain(value, lang) for name, value in (args or {}).items()})


def _plain(value: Any, lang: str) -> Any:
    """An argument as text: a ``Word`` rendered, a tuple of them listed the way the language lists things."""
    if isinstance(value, Word):
        return _render(value.key, lang, value.args)
    if isinstance(value, tuple) and value and all(isinstance(v, Word) for v in value):
        return listing([_render(v.key, lang, v.args) for v in value], lang)
    return value


def listing(items: list[str], lang: str) -> str:
    """Items joined the way the language lists them: ``K01、K02`` or ``K01, K02``."""
    return t("list.separator", lang).join(items)
