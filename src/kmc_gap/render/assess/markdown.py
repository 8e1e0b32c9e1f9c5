"""``--format markdown``: a summary and the gaps, for a pull-request comment or a CI job summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.model.lookup import names
from kmc_gap.render.assess import SummaryRenderer
from kmc_gap.render.inputs import input_detail, input_line
from kmc_gap.render.md import row
from kmc_gap.render.names import standard_name
from kmc_gap.render.text import figures_text, percent, policy_name, verdict_text, who
from kmc_gap.words import t
from kmc_gap.words.safe import md_text

if TYPE_CHECKING:
    from kmc_gap.engine.report import Report

ICONS = {"met": "✅", "partial": "🟡", "missing": "❌"}


class MarkdownRenderer(SummaryRenderer):
    """One person: verdict, tasks and gaps. Several: a line per person and the most-missing items."""

    def start(self) -> None:
        """Open with the count per input file."""
        super().start()
        if self.counts:
            lang = self.ctx.lang
            self.out.write(f"### {t('inputs.title', lang)}\n\n")
            for count in self.counts:
                detail = input_detail(count, lang)
                self.out.write(f"- {md_text(input_line(count, lang))}\n")
                if detail is not None:
                    self.out.write(f"  - {md_text(detail)}\n")
            self.out.write("\n")

    def person(self, report: Report) -> None:
        """Write one person's summary."""
        self.out.write(self._person(report))

    def finish(self) -> None:
        """Write the cohort summary and any failures."""
        lang = self.ctx.lang
        if self.ctx.cohort:
            self.out.write(self._cohort())
        if self.tally.failures:
            self.out.write(f"\n### {t('render.failed_files', lang)}\n\n")
            for _, problems in self.tally.failures:
                for p in problems:
                    self.out.write(f"- {md_text(p.location())}: {md_text(p.message(lang))}\n")

    def _person(self, r: Report) -> str:
        lang, s, name = self.ctx.lang, r["summary"], names(self.ctx.std, self.ctx.lang)
        title = f"{who(r['person'])} — {r['standard']['code']} {standard_name(self.ctx.std, lang)}"
        out = f"## {md_text(title)}\n\n"
        out += f"**{t('render.verdict_label', lang).rstrip()}** {verdict_text(s, lang)} · {figures_text(s, lang)} · "
        policy = md_text(policy_name(r["policy"], lang))
        out += f"{t('render.as_of', lang)} {r['as_of']} · {t('render.policy', lang)} {policy}\n\n"
        out += row(
            *(
                t(k, lang)
                for k in (
                    "render.task_short",
                    "render.name",
                    "render.required",
                    "render.status",
                    "render.attained",
                    "render.met_total",
                )
            )
        )
        out += "|---|---|---:|---|---:|---:|\n"
        for task in r["tasks"]:
            status = f"{ICONS[task['status']]} {t('status.' + task['status'], lang)}"
            out += row(
                task["code"],
                name[task["code"]],
                task["level"],
                status,
                task["attained_level"],
                f"{task['items_met']}/{task['items_total']}",
            )
        out += f"\n### {t('render.gaps', lang)}\n\n"
        if not r["gaps"]:
            return out + t("render.gaps_none", lang) + "\n"
        out += row(
            *(t(k, lang) for k in ("render.code", "render.name", "render.blocks", "render.required", "render.best"))
        )
        out += "|---|---|---:|---:|---:|\n"
        shown = r["gaps"][: self.ctx.gaps]
        for g in shown:
            best = "—" if g["best_level"] is None else g["best_level"]
            out += row(g["code"], name[g["code"]], len(g["tasks"]), g["required_level"], best)
        if len(r["gaps"]) > len(shown):
            out += "\n" + t("render.gaps_more", lang, n=len(r["gaps"]) - len(shown)) + "\n"
        return out

    def _cohort(self) -> str:
        lang, tally, name = self.ctx.lang, self.tally, names(self.ctx.std, self.ctx.lang)
        met = sum(r["summary"]["meets_standard"] for r in tally.rows)
        title = f"{self.first['standard']['code']} {standard_name(self.ctx.std, lang)}" if self.first else ""
        out = f"## {md_text(title)}\n\n{t('render.cohort_count', lang, n=len(tally.rows), met=met)}\n\n"
        out += row(
            t("render.person", lang),
            t("render.verdict", lang),
            t("render.tasks_short", lang),
            t("render.coverage", lang),
        )
        out += "|---|---|---:|---:|\n"
        for r in tally.rows:
            s = r["summary"]
            verdict = ICONS["met" if s["meets_standard"] else "missing"]
            out += row(who(r["person"]), verdict, f"{s['tasks_met']}/{s['tasks_total']}", percent(s["coverage"]))
        out += f"\n### {t('render.most_missing', lang)}\n\n"
        if not tally.missing:
            return out + t("render.gaps_none", lang) + "\n"
        out += row(t("render.code", lang), t("render.name", lang), t("render.people", lang)) + "|---|---|---:|\n"
        for code, count in tally.missing.most_common(self.ctx.gaps):
            out += row(code, name[code], count)
        return out
