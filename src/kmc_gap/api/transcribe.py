"""`kmc-gap transcribe`: a published standard (its PDF, its ODT, or its text copied out) into a checked standard file.

The document is read by what it is (a PDF, an ODT's zip, else text in any encoding people save), its
standard written in the data file's layout, and that text read back exactly as ``--standard`` will
read it — schema and integrity rules — so that a file written here is a file every command takes.
Nothing is written while anything is unclear, unless ``accept``: then each choice the reading made is
listed at the top of the file, for a person to check.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kmc_gap.model import yamlsource
from kmc_gap.model.models import Standard
from kmc_gap.model.problems import Problem
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES
from kmc_gap.words import t
from kmc_gap.words.safe import visible


@dataclass
class Transcribed:
    """What a document gave: the standard file's text (None when it may not be written), and why not."""

    text: str | None
    standard: Standard | None
    problems: list[Problem] = field(default_factory=list)
    choices: list[Problem] = field(default_factory=list)


def transcribe(
    path: Path, name: str, *, accept: bool = False, lang: str = "zh-TW", max_bytes: int = DEFAULT_MAX_BYTES
) -> Transcribed:
    """The standard the document at ``path`` (shown as ``name``) holds."""
    from kmc_gap.model.publication.document import transcribe_text
    from kmc_gap.model.publication.odt import is_odt, odt_text
    from kmc_gap.model.tables.text import decode_table

    raw = yamlsource.read_bytes(path, name, max_bytes)
    if raw.startswith(b"%PDF-"):
        from kmc_gap.model.publication.pdf import pdf_text

        text = pdf_text(raw, name)
    else:
        text = odt_text(raw, name) if is_odt(raw) else decode_table(raw, name)
    read = transcribe_text(text, name, path.name)
    if read.problems or (read.choices and not accept):
        return Transcribed(None, None, read.problems, read.choices)
    written = standard_file(read.data, read.choices, lang)
    doc = yamlsource.parse(written, name)
    from kmc_gap.model.integrity import check_standard
    from kmc_gap.model.loading import validate

    standard = validate(doc, Standard)  # what the reading made is held to the rules every standard is
    problems = check_standard(standard, doc)
    if problems:
        return Transcribed(None, None, problems, read.choices)
    return Transcribed(written, standard, [], read.choices)


def standard_file(data: dict[str, Any], choices: list[Problem], lang: str) -> str:
    """The standard as a YAML file in the data file's layout, headed by where it came from and each choice."""
    import yaml

    head = [
        t(
            "transcribe.file_head",
            lang,
            code=data.get("code"),
            name=data.get("name"),
            document=data["source"]["document"],
        )
    ]
    if choices:
        head.append(t("transcribe.file_choices", lang, n=len(choices)))
        head += [f"  {p.location()}: {p.message(lang)}" for p in choices]
    # text from the document is data: no control character reaches the comment of a file people open
    comment = "".join(f"# {visible(line)}\n" for text in head for line in text.splitlines())
    body = yaml.safe_dump(_dated(data), allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=None)
    return comment + body


def _dated(value: Any) -> Any:
    """ISO date texts as dates, so that the file holds ``date: 2023-12-15`` as the data file does."""
    if isinstance(value, dict):
        return {
            k: (dt.date.fromisoformat(v) if k == "date" and isinstance(v, str) else _dated(v)) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_dated(v) for v in value]
    return value
