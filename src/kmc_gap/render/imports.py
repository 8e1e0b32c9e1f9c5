"""Outputs of `kmc-gap import`: what changed in each person's profile, as a table or as JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kmc_gap.engine.outputs import ChangeOut, State
from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import ImportFormat
from kmc_gap.render.text import console, dumps_json
from kmc_gap.words import t
from kmc_gap.words.safe import visible

if TYPE_CHECKING:
    from kmc_gap.model.records import ProfileChange

Changes = list["ProfileChange"]


def state(change: ProfileChange) -> State:
    """``created``, ``updated`` or ``unchanged``: what happens to the file."""
    return "created" if change.created else "updated" if change.changed else "unchanged"


_STATE_WORDS = {"created": "import.created", "updated": "import.updated_file", "unchanged": "import.unchanged"}


class TableRenderer(Renderer[Changes]):
    """One row per person: the file, and how many items were added, updated, removed and kept."""

    def add(self, value: Changes) -> None:
        """Print the table."""
        from kmc_gap.render.tables import fixed_table, indented

        lang = self.ctx.lang
        con = console(self.out)
        columns = [
            (t("xlsx.col.person_id", lang), 0, "left"),  # each file is <person id>.yaml in the folder named on stderr
            (t("xlsx.col.person_name", lang), 8, "left"),
            (t("import.col.state", lang), 7, "left"),
        ]
        columns += [(t(f"import.col.{key}", lang), 7, "right") for key in ("added", "updated", "removed", "kept")]
        table = fixed_table(con, columns)
        for c in value:
            table.add_row(
                visible(c.person_id),
                visible(c.name),
                t(_STATE_WORDS[state(c)], lang),
                *(str(n) for n in (c.added, c.updated, c.removed, c.kept)),
            )
        con.print(indented(table))
        self.removals(con, value)

    def removals(self, con: Any, value: Changes) -> None:
        """Under the table, what each person loses, by source: a re-import removes only what its sources dropped."""
        from rich.text import Text

        lang = self.ctx.lang
        for c in value:
            for source, items in c.removals.items():
                head = t(
                    "import.removed_from", lang, id=visible(c.person_id), name=visible(c.name), source=visible(source)
                )
                con.print(Text(f"  {head}"), no_wrap=True, overflow="ellipsis")
                for item in items:
                    con.print(Text(f"    - {visible(item)}"), no_wrap=True, overflow="ellipsis")


class JsonRenderer(Renderer[Changes]):
    """A JSON array: each person's file, its state and the counts."""

    def add(self, value: Changes) -> None:
        """Write the array."""
        data = [
            ChangeOut(
                person_id=c.person_id,
                name=c.name,
                file=c.file,
                created=c.created,
                added=c.added,
                updated=c.updated,
                removed=c.removed,
                kept=c.kept,
                removals=c.removals,
                state=state(c),
            )
            for c in value
        ]
        self.out.write(dumps_json(data) + "\n")


RENDERERS: Registry[ImportFormat, Changes] = Registry(
    {ImportFormat.table: lambda: TableRenderer, ImportFormat.json: lambda: JsonRenderer}
)
