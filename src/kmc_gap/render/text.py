"""Shared pieces of text output: JSON that keeps Chinese, consoles that colour only terminals,
figures and verdicts worded once for every format, and problems as ``file:line:col: message``.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sys
from decimal import ROUND_HALF_UP, Decimal
from typing import IO, TYPE_CHECKING, Any, TextIO, TypeVar, cast

import orjson

from kmc_gap.model.lookup import names
from kmc_gap.words import listing, t
from kmc_gap.words.safe import guard_line, visible

if TYPE_CHECKING:
    from rich.console import Console

    from kmc_gap.engine.report import EvidenceResult, PersonOut, PlannedCourse, PolicyOut, Rating, Report, Summary
    from kmc_gap.model.models import Standard
    from kmc_gap.model.problems import Problem


def dumps_json(data: Any, *, indent: bool = True) -> str:
    """JSON with Chinese kept as Chinese (UTF-8, no ``\\u`` escapes) and dates as ISO strings.

    orjson writes the same text as ``json.dumps(ensure_ascii=False, indent=2)`` several times
    faster, which matters when a cohort's reports are streamed.
    """
    return json_bytes(data, indent=indent).decode()


def json_bytes(data: Any, *, indent: bool = True) -> bytes:
    """:func:`dumps_json` as UTF-8 bytes, as orjson makes it: a cohort's reports are written without being
    decoded and encoded again (53 MB of JSON for 1,000 people)."""
    option = orjson.OPT_INDENT_2 if indent else 0
    try:
        return orjson.dumps(data, default=str, option=option)
    except TypeError:  # a dict keyed by a rater or a number: written with its keys as text, at half the speed
        return orjson.dumps(data, default=str, option=option | orjson.OPT_NON_STR_KEYS)


def write_utf8(out: TextIO, data: bytes) -> None:
    """Write UTF-8 ``data`` to the text stream ``out``: straight to its bytes when it writes UTF-8 with no newline
    translation (a file kmc-gap opened, stdout on POSIX), else decoded and written as text (a Windows console's
    code page and line ends, a stream with no bytes beneath)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None or _codec(getattr(out, "encoding", None)) != "utf-8" or os.linesep != "\n":
        out.write(data.decode())
        return
    out.flush()  # what was written as text goes first
    buffer.write(data)


def _codec(encoding: str | None) -> str | None:
    """The codec's own name for ``encoding`` (``UTF8``, ``utf_8`` and ``U8`` are all ``utf-8``); None if unknown."""
    try:
        return codecs.lookup(encoding).name if encoding else None
    except LookupError:
        return None


def console(stream: TextIO | None = None) -> Console:
    """A Rich console on ``stream`` (stdout by default) that never reads markup in text.

    Rich already honours NO_COLOR and writes no colour codes when the stream is not a
    terminal; soft wrapping is left off so tables keep their columns. Markup is off because
    names, titles and paths come from files: they are data, shown as written.
    """
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """A reader that stopped early (``| head``) is no failure: go quiet and exit 0, not Rich's 1."""
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise SystemExit(0)

    guarded = cast("IO[str]", Guarded(stream or sys.stdout))  # a file in all that Rich uses of one
    return _Console(file=guarded, highlight=False, emoji=False, markup=False)


class Guarded:
    """A text stream through which no line can start a CI command, whatever text from files it holds.

    Every table a person reads goes through it: a name such as ``::error title=…`` is shown, never obeyed.
    Lines are held until they end, so a command split over several writes is caught too.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        self.pending += text
        if "\n" in self.pending:
            lines, self.pending = self.pending.rsplit("\n", 1)
            self.stream.write("\n".join(guard_line(line) for line in lines.split("\n")) + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(guard_line(self.pending))
            self.pending = ""
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:  # isatty, encoding, fileno …: the stream's own
        return getattr(self.stream, name)


def percent(fraction: float) -> str:
    """0.8780 → ``87.8%``; 0.6885 → ``68.9%`` (half up, on the decimal value the report holds)."""
    value = (Decimal(str(fraction)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value}%"


def verdict_text(summary: Summary, lang: str) -> str:
    """ "Meets the standard" or "Does not yet meet the standard", in ``lang``."""
    return t("verdict.met" if summary["meets_standard"] else "verdict.not_met", lang)


def figures_text(summary: Summary, lang: str) -> str:
    """The headline figures: tasks met, items met and coverage."""
    return t(
        "render.summary_line",
        lang,
        tm=summary["tasks_met"],
        tt=summary["tasks_total"],
        im=summary["items_met"],
        it=summary["items_total"],
        pct=percent(summary["coverage"]),
    )


def who(person: PersonOut, *, full: bool = False, sep: str = " ") -> str:
    """The person's name and id (and with ``full``, organisation and role)."""
    parts = [person["name"], person["id"]]
    if full:
        parts += [person["organisation"], person["role"]]
    return sep.join(x for x in parts if x)


def report_problems(problems: list[Problem], lang: str, stream: TextIO | None = None) -> None:
    """Print ``file:line:col: message`` lines for each problem on stderr."""
    out = stream or sys.stderr
    for problem in problems:
        print(problem.format(lang), file=out)


T = TypeVar("T")


def clean(value: T) -> T:
    """A copy of ``value`` with every string made :func:`~kmc_gap.words.safe.visible`, for a terminal."""
    return cast(T, _clean(value))


def _clean(value: object) -> object:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def terminal_names(std: Standard, lang: str) -> dict[str, str]:
    """Every code's name in ``lang``, made safe for a terminal (a ``--standard`` file is input too)."""
    return {code: visible(name) for code, name in names(std, lang).items()}


_FANCY = {"full": "█", "empty": "░", "yes": "✓", "no": "✗", "none": "—", "met": "●", "partial": "◐", "missing": "○"}
_PLAIN = {"full": "#", "empty": ".", "yes": "v", "no": "x", "none": "-", "met": "O", "partial": "o", "missing": "."}


def glyphs(stream: IO[str]) -> dict[str, str]:
    """The symbols tables draw with: block and circle characters, or plain ones when the output's
    encoding cannot hold them (cp950 on a Traditional Chinese Windows console, ASCII)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        "".join(_FANCY.values()).encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return _PLAIN
    return _FANCY


#: The pass mark of a report written before reports carried one.
DEFAULT_PASS_MARK = 60.0


def policy_name(policy: PolicyOut, lang: str) -> str:
    """The policy as people call it: 預設 or 嚴格 (default, strict), or the file it came from."""
    name = policy["name"]
    return t(f"policy.name.{name}", lang) if name in ("default", "strict") else visible(name)


def policy_words(policy: PolicyOut, lang: str) -> str:
    """Every setting of the policy in words of ``lang``: never ``True``, ``None`` or a key name."""
    years = policy["max_age_years"]
    kinds = [t(f"evidence_kind.{kind}", lang) for kind in policy["accepted_kinds"]]
    mark = policy.get("pass_mark", DEFAULT_PASS_MARK)
    parts = [
        t("policy.min_evidence", lang, n=policy["min_evidence"]),
        t("policy.verified" if policy["require_verified"] else "policy.unverified", lang),
        t("policy.max_age", lang, years=years) if years is not None else t("policy.any_age", lang),
        t("policy.kinds", lang, kinds=t("list.separator", lang).join(kinds)),
        t("policy.attitudes_gate" if policy["require_attitudes"] else "policy.attitudes_free", lang),
        t("policy.outputs_gate" if policy["require_outputs"] else "policy.outputs_free", lang),
        t("policy.pass_mark", lang, mark=f"{mark:g}"),
    ]
    return t("list.semicolon", lang).join(parts)


def rating_words(ratings: list[Rating], lang: str) -> str:
    """An item's ratings, most trusted first, each with whether it stands: ``主管評核 3（採計）、自評 5（未採計）``."""
    return listing(
        [
            t("rating.one", lang, rater=t(f"form.rater.{r['rater']}", lang), level=r["level"],
              state=t("rating.stands" if r["stands"] else "rating.aside", lang))
            for r in ratings
        ],
        lang,
    )  # fmt: skip


def rated_items(report: Report) -> list[tuple[str, list[Rating]]]:
    """Each code rated by two sources or more, once, in the report's order: which stands, what the others said.

    A single rating is listed with the evidence already.
    """
    seen: dict[str, list[Rating]] = {}
    for task in report["tasks"]:
        for item in (*task["items"], *task["outputs"]):
            ratings = item.get("ratings")
            if ratings and len(ratings) > 1 and item["code"] not in seen:
                seen[item["code"]] = ratings
    return list(seen.items())


def reason_words(ev: EvidenceResult, policy: PolicyOut, lang: str) -> str:
    """Why ``ev`` did not count, in words; a score under its pass mark says both (成績 65，未達及格分數 70)."""
    score, mark = ev["score"], ev["pass_mark"]
    if ev["reason"] == "not_passed" and score is not None and mark is not None and score < mark:
        return t("reason.score_below", lang, score=f"{score:g}", mark=f"{mark:g}")
    return t(f"reason.{ev['reason']}", lang, years=policy["max_age_years"])


def course_title(course: PlannedCourse, lang: str) -> str:
    """A planned course's title as people read it: a certificate is an exam to sit, never a class to attend."""
    return t("render.exam", lang, title=course["title"]) if course["kind"] == "certificate" else course["title"]
