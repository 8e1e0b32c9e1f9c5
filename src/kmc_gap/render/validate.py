"""Outputs of `kmc-gap validate`: ``file:line:col: message`` text, JSON, or GitHub annotations."""

from __future__ import annotations

from kmc_gap.engine.outputs import CheckOut
from kmc_gap.model.problems import FileCheck
from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import ValidateFormat
from kmc_gap.render.text import dumps_json
from kmc_gap.words.safe import visible

Checks = list[FileCheck]


class TextRenderer(Renderer[Checks]):
    """``file:line:col: message`` for every problem."""

    def add(self, value: Checks) -> None:
        """Write each problem on its own line."""
        for result in value:
            for problem in result.problems:
                self.out.write(problem.format(self.ctx.lang) + "\n")


class JsonRenderer(Renderer[Checks]):
    """One JSON array: each file with ``valid`` and its problems."""

    def add(self, value: Checks) -> None:
        """Write the array."""
        lang = self.ctx.lang
        data: list[CheckOut] = [
            {
                "file": r.file,
                "kind": r.kind,
                "valid": r.valid,
                "problems": [
                    {
                        "file": p.file,
                        "line": p.line,
                        "column": p.column,
                        "sheet": p.sheet,
                        "code": p.key,
                        "message": p.message(lang),
                    }
                    for p in r.problems
                ],
            }
            for r in value
        ]
        self.out.write(dumps_json(data) + "\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubRenderer(Renderer[Checks]):
    """GitHub Actions workflow commands: ``::error file=…,line=…,col=…::message``."""

    def add(self, value: Checks) -> None:
        """Write one annotation per problem."""
        for result in value:
            for p in result.problems:
                props = [f"file={_escape_property(visible(p.file))}"]
                message = visible(p.message(self.ctx.lang))  # ESC, BEL, U+202E from a file: shown, never sent
                if p.sheet is not None:  # a workbook has no lines to annotate: the cell goes in the message
                    message = f"{p.location()}: {message}"
                else:
                    props += [f"line={p.line}"] if p.line is not None else []
                    props += [f"col={p.column}"] if p.column is not None else []
                props.append(f"title={_escape_property('kmc-gap ' + p.key)}")
                self.out.write(f"::error {','.join(props)}::{_escape_data(message)}\n")


RENDERERS: Registry[ValidateFormat, Checks] = Registry(
    {
        ValidateFormat.text: lambda: TextRenderer,
        ValidateFormat.json: lambda: JsonRenderer,
        ValidateFormat.github: lambda: GithubRenderer,
    }
)
