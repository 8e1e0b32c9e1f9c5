"""Output of `kmc-gap init`: a starter profile that lists every code of the standard as comments."""

from __future__ import annotations

import datetime as dt
import json

from kmc_gap.model.lookup import index
from kmc_gap.model.models import EvidenceKind
from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import StarterFormat
from kmc_gap.render.names import standard_name
from kmc_gap.words import t


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), Chinese kept as is."""
    return json.dumps(text, ensure_ascii=False)


class StarterRenderer(Renderer[dt.date]):
    """A valid starter profile dated ``value``, with the code list in the chosen language."""

    def add(self, value: dt.date) -> None:
        """Write the profile."""
        std, lang = self.ctx.std, self.ctx.lang
        entries = index(std)
        first_task = std.duties[0].tasks[0]
        example_codes = ", ".join([first_task.indicators[0].code, *first_task.knowledge[:1], *first_task.skills[:1]])
        lines = [f"# {t('starter.title', lang, code=std.code, name=standard_name(std, lang))}"]
        lines += [f"# {line}" for line in t("starter.how", lang).splitlines()]
        lines += [
            "",
            f"standard: {std.code}",
            "person:",
            f"  name: {_quoted(t('starter.person', lang))}",
            "  # id: E0001",
            "  # organisation:",
            "  # role:",
            "",
            "evidence:",
            "  - id: example-1",
            f"    kind: training   # {' | '.join(k.value for k in EvidenceKind)}",
            f"    title: {_quoted(t('starter.example_title', lang))}",
            f"    date: {value.isoformat()}",
            f"    level: {first_task.level}",
            f"    covers: [{example_codes}]",
            "    # expires: 2030-12-31",
            "    # verified_by:",
            "    # hours: 12",
            "    # reference:",
            "",
            f"# ---- {t('starter.codes', lang)} ----",
        ]
        for duty in std.duties:
            lines.append(f"# {duty.code} {entries[duty.code].name_in(lang)}")
            for task in duty.tasks:
                level = t("starter.level", lang, level=task.level)
                lines.append(f"#   {task.code} {entries[task.code].name_in(lang)}{level}")
                for code in [*(o.code for o in task.outputs), *task.required_codes()]:
                    lines.append(f"#     {code} {entries[code].name_in(lang)}")
        lines.append(f"# {t('starter.attitudes', lang)}")
        lines += [f"#   {code} {entries[code].name_in(lang)}" for code in std.attitudes]
        self.out.write("\n".join(lines) + "\n")


RENDERERS: Registry[StarterFormat, dt.date] = Registry({StarterFormat.yaml: lambda: StarterRenderer})
