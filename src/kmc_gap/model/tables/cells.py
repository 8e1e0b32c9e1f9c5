"""Cells as people type them: dates, hours, scores, levels, codes and the words for how a course went.

Shared by every reader of tables (records, the wide and block shapes, catalogues, forms): one grammar
of values, so that ``85分``, ``85%`` and ``85`` mean the same wherever they stand, and a word such as
``請假`` is an absence in every file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Any

from kmc_gap.model.hrdates import DateError, DayOrder, read_date
from kmc_gap.model.limits import MAX_HOURS
from kmc_gap.model.models import EvidenceKind
from kmc_gap.model.tables.table import cell_text as _text
from kmc_gap.model.vocabulary import (
    ABSENT_WORDS,
    EXEMPT_WORDS,
    FAIL_WORDS,
    HOUR_UNITS,
    KIND_ALIASES,
    MINUTE_UNITS,
    NO_EXPIRY_WORDS,
    NOT_TAKEN_WORDS,
    PASS_WORDS,
    PRESENT_WORDS,
    SCORE_UNITS,
    WITHDRAWN_WORDS,
)


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """A header as compared: full-width forms folded, case and spaces and ``*`` ignored.

    Remembered: an export repeats its ids, names and courses on every row it checks them in.
    """
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).casefold()


_SPACES = re.compile(r"[\s*]+")


class CellError(Exception):
    """A cell that cannot be used: the catalogue key and arguments of its problem."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def cell_date(value: Any, order: DayOrder | None = None) -> dt.date:
    """A date in any form an HR system writes (:mod:`kmc_gap.model.hrdates`); a range gives its last day."""
    try:
        return read_date(value, order)
    except DateError as exc:
        raise CellError(exc.key, **exc.args_) from None


def is_date(value: Any) -> bool:
    """Whether a cell holds a date: a date cell, or text in a date form. A number cell is never taken for one
    here (in a table of people it is a count or a score); a subtotal's ``3 筆`` is no date either."""
    if isinstance(value, dt.date):
        return True
    if isinstance(value, int | float) or not _text(value):
        return False
    try:
        cell_date(value)
    except CellError:
        return False
    return True


def cell_expires(value: Any, order: DayOrder | None = None) -> dt.date | None:
    """An expiry date, or None for a certificate that never expires (永久有效, 無期限, —, an empty cell)."""
    if _text(value) is None or norm(_text(value) or "") in _NO_EXPIRY:
        return None
    return cell_date(value, order)


_NO_EXPIRY = frozenset(norm(word) for word in NO_EXPIRY_WORDS)


def cell_level(value: Any) -> int:
    """A 職能級別: ``4``, ``4.0``, ``４``, ``4級``, ``第4級``, ``L4``."""
    text = _text(value) or ""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", text))
    if len(digits) != 1 or not 1 <= int(digits) <= 6:
        raise CellError("records.bad_level", value=text)
    return int(digits)


def cell_codes(value: Any) -> list[str]:
    """職能內涵 codes, separated by commas (either width), 、, semicolons or spaces: ``K01、S02 P1.1.1``."""
    text = unicodedata.normalize("NFKC", _text(value) or "")
    return list(dict.fromkeys(code.upper() for code in re.split(r"[\s,、;/]+", text) if code))


def number_in(value: Any, units: Sequence[str]) -> float | None:
    """A number cell, or text holding a number with one of ``units`` after it (``21小時``, ``1.5H``); else None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        text = norm(_text(value) or "")
        for unit in units:
            if text.endswith(unit) and len(text) > len(unit):
                text = text[: -len(unit)]
                break
        try:
            number = float(text)
        except ValueError:
            return None
    return number if number >= 0 and number != float("inf") else None


def cell_hours(value: Any) -> float:
    """Training hours: a number of zero or more, with or without its unit (``21``, ``21小時``, ``21 hr``, ``1.5H``),
    or minutes with theirs (``90分鐘``, ``45 min``)."""
    text = norm(_text(value) or "") if isinstance(value, str) else ""
    if text and any(text.endswith(unit) and len(text) > len(unit) for unit in _MINUTE_UNITS):
        minutes = number_in(value, _MINUTE_UNITS)
        number = None if minutes is None else minutes / 60
    else:
        number = number_in(value, _HOUR_UNITS)
    if number is None or number > MAX_HOURS:
        raise CellError("records.bad_hours", value=_text(value) or "")
    return number


def cell_minutes(value: Any) -> float:
    """Hours from a cell of a column the mapping says counts minutes: a bare ``90`` is 1.5 hours; a cell
    with its own unit (``2小時``) keeps it."""
    number = number_in(value, ())
    if number is None:
        return cell_hours(value)
    if number / 60 > MAX_HOURS:
        raise CellError("records.bad_hours", value=_text(value) or "")
    return number / 60


_MINUTE_UNITS = sorted((norm(unit) for unit in MINUTE_UNITS), key=len, reverse=True)
_HOUR_UNITS = sorted((norm(unit) for unit in HOUR_UNITS), key=len, reverse=True)
_SCORE_UNITS = sorted((norm(unit) for unit in SCORE_UNITS), key=len, reverse=True)


class Mark(StrEnum):
    """How a course went, as a 結訓狀態, 是否合格, 出缺勤 or score cell says it."""

    passed = "passed"
    exempt = "exempt"  # 免試, 抵免, 補考通過: counts, and the row's note says so
    failed = "failed"  # 不合格, 未結訓, 退訓
    absent = "absent"  # 缺席, 請假
    present = "present"  # 出席: says nothing of passing
    not_taken = "not_taken"  # 報名中, 取消, 候補: no record of training at all


_OUTCOME_WORDS: dict[str, Mark] = {
    norm(word): outcome
    for outcome, words in (
        (Mark.present, PRESENT_WORDS),
        (Mark.absent, ABSENT_WORDS),
        (Mark.failed, (*FAIL_WORDS, *WITHDRAWN_WORDS)),
        (Mark.passed, PASS_WORDS),
        (Mark.exempt, EXEMPT_WORDS),
        (Mark.not_taken, NOT_TAKEN_WORDS),
    )
    for word in words
}
#: What a mapping's ``words`` may say a value means.
MEANINGS = {
    "passed": Mark.passed,
    "not_passed": Mark.failed,
    "absent": Mark.absent,
    "present": Mark.present,
    "not_taken": Mark.not_taken,
    "exempt": Mark.exempt,
}


class Words(Mapping[str, Mark]):
    """A mapping's outcome words (as compared) and its patterns: a value no word names, matched whole by a
    pattern, means that pattern's outcome; a ``score`` pattern gives the number of its first group.

    Patterns are matched against the value as compared (full width folded, case and spaces ignored), and
    what they decide is remembered: a column repeats its few values on every row.
    """

    def __init__(self, words: Mapping[str, Mark], patterns: Mapping[str, str | None] | None = None) -> None:
        self._words = dict(words)
        self._outcomes = [
            (re.compile(p, re.IGNORECASE), MEANINGS[m]) for p, m in (patterns or {}).items() if m and m != "score"
        ]
        self._scores = [re.compile(p, re.IGNORECASE) for p, m in (patterns or {}).items() if m == "score"]
        self._tried: set[str] = set()

    def __getitem__(self, key: str) -> Mark:
        found = self._words.get(key)
        if found is None and self._outcomes and key not in self._tried:
            self._tried.add(key)
            found = next((outcome for regex, outcome in self._outcomes if regex.fullmatch(key)), None)
            if found is not None:
                self._words[key] = found
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words) + len(self._outcomes) + len(self._scores)

    def score(self, value: Any) -> float | None:
        """The score a ``score`` pattern finds in ``value`` (``A85`` → 85 for ``a(\\d+)``), or None."""
        if not self._scores or not isinstance(value, str):
            return None
        key = norm(value)
        for regex in self._scores:
            found = regex.fullmatch(key)
            if found is not None:
                return number_in(found.group(1), ())
        return None


def outcome_of(value: Any, words: Mapping[str, Mark] | None = None) -> Mark | None:
    """The outcome a word says, with width and case folded (a mapping's ``words`` first); None for other text."""
    key = norm(_text(value) or "")
    return (words.get(key) if words else None) or _OUTCOME_WORDS.get(key)


def cell_score(value: Any, words: Mapping[str, Mark] | None = None) -> float | Mark:
    """A final score (``58``, ``58分``, ``85.5``), or an outcome word written where the score goes (缺考, 免試)."""
    number = number_in(value, _SCORE_UNITS)
    if number is None and isinstance(words, Words):
        number = words.score(value)
    if number is not None:
        return number
    outcome = outcome_of(value, words)
    if outcome is not None and outcome is not Mark.present:
        return outcome
    raise CellError("records.bad_score", value=_text(value) or "")


def cell_passed(value: Any, words: Mapping[str, Mark] | None = None) -> Mark:
    """A 是否合格 or 結訓狀態 cell: passed (是, 合格, 已結訓, 有), exempt, failed (否, 退訓, 無) or absent."""
    outcome = outcome_of(value, words)
    if outcome is not None and outcome is not Mark.present:
        return outcome
    raise CellError("records.bad_result", value=_text(value) or "")


def cell_attended(value: Any, words: Mapping[str, Mark] | None = None) -> Mark:
    """A 出缺勤 cell: present (出席, 全勤, 是), absent (缺課, 缺席, 請假, 未到, 否), or one of the other outcomes."""
    outcome = outcome_of(value, words)
    if outcome is Mark.passed:
        return Mark.present
    if outcome is Mark.failed:
        return Mark.absent
    if outcome is not None:
        return outcome
    raise CellError("records.bad_attendance", value=_text(value) or "")


_KINDS = {**{k.value: k.value for k in EvidenceKind}, **KIND_ALIASES}


def cell_kind(value: Any) -> str:
    """An evidence kind, in English (``certificate``) or as HR writes it (證照)."""
    text = _text(value) or ""
    key = unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "_").replace("-", "_")
    if key in _KINDS:
        return _KINDS[key]
    close = difflib.get_close_matches(key, list(_KINDS), n=1, cutoff=0.6)
    choices = ", ".join(_KINDS)
    if close:
        raise CellError("records.bad_kind_hint", value=text, choices=choices, suggestion=close[0])
    raise CellError("records.bad_kind", value=text, choices=choices)
