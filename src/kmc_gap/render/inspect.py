"""Outputs of `kmc-gap records inspect`: how each table was read, as lines for people or JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import InspectFormat
from kmc_gap.render.text import dumps_json
from kmc_gap.words import Word, listing, t
from kmc_gap.words.safe import log_line

if TYPE_CHECKING:
    from kmc_gap.api.inspect import Inspection, TableInspection


def _name(table: TableInspection) -> str:
    return f"{table.file}#{table.sheet}" if table.sheet else table.file


class TextRenderer(Renderer["Inspection"]):
    """Per table: its header row, each column and what it was read as, values not understood, refusals."""

    def add(self, value: Inspection) -> None:
        lang = self.ctx.lang
        for table in value.tables:
            if table.kind == "credentials" and not table.unreadable:
                self._line(t("inspect.credential", lang, table=_name(table), rows=table.rows))
                self._causes(table)
                continue
            self._line(t("inspect.table", lang, table=_name(table), rows=table.rows, header=table.header_row or "—"))
            if table.unreadable:
                self._line("  " + t("inspect.unreadable", lang))
                continue
            read = [
                t("inspect.column", lang, header=h, field=Word(f"inspect.field.{f}") if f else Word("inspect.not_read"))
                for h, f in table.columns
            ]
            self._line("  " + t("inspect.columns", lang, columns=listing(read, lang)))
            for header, word, n in table.unknown:
                self._line("  " + t("inspect.unknown", lang, header=header, value=word, n=n))
            self._causes(table)

    def _causes(self, table: TableInspection) -> None:
        """The rows (or credentials) that would be refused, by cause, and the blank line that ends a table."""
        lang = self.ctx.lang
        for cause in table.causes:
            where = listing([p.location() for p in cause.examples], lang)
            self._line(
                "  " + t("inspect.cause", lang, n=cause.rows, first=cause.examples[0].message(lang), where=where)
            )
        self._line("")

    def _line(self, text: str) -> None:
        self.out.write(log_line(text) + "\n" if text else "\n")


class JsonRenderer(Renderer["Inspection"]):
    """The same as one JSON document, Chinese kept as Chinese."""

    def add(self, value: Inspection) -> None:
        lang = self.ctx.lang
        tables: list[dict[str, Any]] = [
            {
                "file": table.file,
                "sheet": table.sheet,
                "kind": table.kind,
                "header_row": table.header_row,
                "rows": table.rows,
                "unreadable": table.unreadable,
                "columns": [{"header": h, "field": f} for h, f in table.columns],
                "unknown_values": [{"header": h, "value": v, "rows": n} for h, v, n in table.unknown],
                "refused": [
                    {
                        "key": cause.key,
                        "rows": cause.rows,
                        "examples": [{"location": p.location(), "message": p.message(lang)} for p in cause.examples],
                    }
                    for cause in table.causes
                ],
            }
            for table in value.tables
        ]
        self.out.write(dumps_json({"tables": tables, "id_width": value.id_width}) + "\n")


def _text() -> type[Renderer[Inspection]]:
    return TextRenderer


def _json() -> type[Renderer[Inspection]]:
    return JsonRenderer


RENDERERS: Registry[InspectFormat, Inspection] = Registry({InspectFormat.table: _text, InspectFormat.json: _json})
