"""``--format markdown``: a summary and the gaps, for a pull-request comment or a CI job summary."""

from __future__ import annotations

from typing import Any

from kmc_gap.formats import TOP_GAPS, SummaryFormatter, figures_text, percent, verdict_text
from kmc_gap.labels import label

ICONS = {"met": "✅", "partial": "🟡", "missing": "❌"}


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def row(*cells: object) -> str:
    """One Markdown table row."""
    return "| " + " | ".join(cell(c) for c in cells) + " |\n"


class MarkdownFormatter(SummaryFormatter):
    """One person: verdict, tasks and gaps. Several: a line per person and the most-missing items."""

    def person(self, report: dict[str, Any]) -> None:
        """Write one person's summary."""
        self.out.write(self._person(report))

    def finish(self) -> None:
        """Write the cohort summary and any failures."""
        lang = self.options.lang
        if self.options.cohort:
            self.out.write(self._cohort())
        if self.tally.failures:
            self.out.write(f"\n### {label('failed_files', lang)}\n\n")
            for _, problems in self.tally.failures:
                for p in problems:
                    self.out.write(f"- `{p.location()}`: {p.message(lang)}\n")

    def _person(self, r: dict[str, Any]) -> str:
        lang, s = self.options.lang, r["summary"]
        who = " ".join(x for x in (r["person"]["name"], r["person"].get("id")) if x)
        verdict = verdict_text(s, lang)
        figures = figures_text(s, lang)
        out = f"## {who} — {r['standard']['code']} {r['standard']['name']}\n\n"
        out += f"**{label('verdict', lang)}:** {verdict} · {figures} · {label('as_of', lang)} {r['as_of']}"
        out += f" · {label('policy', lang)} `{r['policy']['name']}`\n\n"
        out += row(
            label("task_short", lang),
            label("name", lang),
            label("required", lang),
            label("status", lang),
            label("attained", lang),
            label("met_total", lang),
        )
        out += "|---|---|---:|---|---:|---:|\n"
        for t in r["tasks"]:
            status = f"{ICONS[t['status']]} {label('status.' + t['status'], lang)}"
            out += row(
                t["code"], t["name"], t["level"], status, t["attained_level"], f"{t['items_met']}/{t['items_total']}"
            )
        out += f"\n### {label('gaps', lang)}\n\n"
        if not r["gaps"]:
            return out + label("gaps_none", lang) + "\n"
        out += row(
            label("code", lang),
            label("name", lang),
            label("blocks", lang),
            label("required", lang),
            label("best", lang),
        )
        out += "|---|---|---:|---:|---:|\n"
        for g in r["gaps"][:TOP_GAPS]:
            out += row(
                g["code"],
                g["name"],
                len(g["tasks"]),
                g["required_level"],
                "—" if g["best_level"] is None else g["best_level"],
            )
        if len(r["gaps"]) > TOP_GAPS:
            out += "\n" + label("gaps_more", lang, n=len(r["gaps"]) - TOP_GAPS) + "\n"
        return out

    def _cohort(self) -> str:
        lang, tally = self.options.lang, self.tally
        met = sum(r["summary"]["meets_standard"] for r in tally.rows)
        title = f"{self.context['standard']['code']} {self.context['standard']['name']}" if self.context else ""
        out = f"## {title}\n\n{label('cohort_count', lang, n=len(tally.rows), met=met)}\n\n"
        out += row(label("person", lang), label("verdict", lang), label("tasks_short", lang), label("coverage", lang))
        out += "|---|---|---:|---:|\n"
        for r in tally.rows:
            s = r["summary"]
            who = " ".join(x for x in (r["name"], r["id"]) if x)
            verdict = ICONS["met" if s["meets_standard"] else "missing"]
            out += row(who, verdict, f"{s['tasks_met']}/{s['tasks_total']}", percent(s["coverage"]))
        out += f"\n### {label('most_missing', lang)}\n\n"
        if not tally.missing:
            return out + label("gaps_none", lang) + "\n"
        out += row(label("code", lang), label("name", lang), label("people", lang)) + "|---|---|---:|\n"
        for code, count in tally.missing.most_common(TOP_GAPS):
            out += row(code, tally.names[code], count)
        return out


FORMATTER = MarkdownFormatter
