"""``--format html``: one self-contained page to hand to a manager, that also prints on A4.

Everything is inline: the styles, a radar chart of coverage per duty and a bar per task as SVG.
Nothing is fetched from the network. With several inputs each person gets a section, starting
on a new printed page, and a summary table closes the page.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

from kmc_gap.model.lookup import names
from kmc_gap.model.problems import Problem
from kmc_gap.render.assess import AssessRenderer, Tally
from kmc_gap.render.base import RenderContext
from kmc_gap.render.names import standard_name
from kmc_gap.render.text import figures_text, percent, who
from kmc_gap.words import t

if TYPE_CHECKING:
    from kmc_gap.engine.report import DutyResult, EvidenceResult, PolicyOut, Report, TaskResult

COLOURS = {"met": "#2e7d32", "partial": "#f9a825", "missing": "#c62828"}

STYLE = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", system-ui, sans-serif;
       color: var(--ink); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 1.75rem; }
.meta { color: var(--muted); margin: 0; }
.verdict { font-size: 1.15rem; font-weight: 700; padding: .5rem .75rem; border-radius: .375rem;
           display: inline-block; margin: .75rem 0; }
.verdict.met { background: #e8f5e9; color: #1b5e20; } .verdict.not-met { background: #ffebee; color: #b71c1c; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
.status-met { color: #1b5e20; } .status-partial { color: #8d6e00; } .status-missing { color: #b71c1c; }
.no { color: var(--muted); }
section.person { page-break-before: always; break-before: page; }
section.person:first-of-type { page-break-before: auto; break-before: auto; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  tr, svg { page-break-inside: avoid; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def radar(duties: list[DutyResult], name: dict[str, str], size: int = 320) -> str:
    """An SVG radar chart with one axis per duty, the shape reaching each duty's coverage."""
    centre, radius = size / 2, size / 2 - 64  # room outside the rings for the labels
    n = len(duties)

    def point(i: int, r: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return centre + r * math.cos(angle), centre + r * math.sin(angle)

    parts = [f'<svg class="radar" role="img" viewBox="0 0 {size} {size}" width="{size}" height="{size}">']
    for step in (0.25, 0.5, 0.75, 1.0):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, radius * step) for i in range(n)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#d9e2ec"/>')
    for i, duty in enumerate(duties):
        x, y = point(i, radius)
        lx, ly = point(i, radius + 22)
        parts.append(f'<line x1="{centre}" y1="{centre}" x2="{x:.1f}" y2="{y:.1f}" stroke="#d9e2ec"/>')
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="11" text-anchor="middle" dominant-baseline="middle">'
            f"{escape(duty['code'])} {percent(duty['coverage'])}<title>{escape(name[duty['code']])}</title></text>"
        )
    shape = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, radius * d["coverage"]) for i, d in enumerate(duties)))
    parts.append(f'<polygon class="coverage" points="{shape}" fill="#1e88e5" fill-opacity=".35" stroke="#1565c0"/>')
    parts.append("</svg>")
    return "".join(parts)


def bars(tasks: list[TaskResult], name: dict[str, str], width: int = 420) -> str:
    """An SVG with a bar per task: the share of its items met, coloured by status."""
    row, left, right = 22, 44, 48
    span = width - left - right
    parts = [
        f'<svg class="bars" role="img" viewBox="0 0 {width} {row * len(tasks) + 4}" '
        f'width="{width}" height="{row * len(tasks) + 4}">'
    ]
    for i, task in enumerate(tasks):
        y = i * row + 2
        share = task["items_met"] / task["items_total"]
        parts.append(
            f'<g class="bar"><title>{escape(task["code"])} {escape(name[task["code"]])}</title>'
            f'<text x="0" y="{y + 14}" font-size="12">{escape(task["code"])}</text>'
            f'<rect x="{left}" y="{y + 3}" width="{span}" height="14" fill="#eef2f7"/>'
            f'<rect x="{left}" y="{y + 3}" width="{span * share:.1f}" height="14" fill="{COLOURS[task["status"]]}"/>'
            f'<text x="{width - 2}" y="{y + 14}" font-size="12" text-anchor="end">{share * 100:.0f}%</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _table(headers: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """An HTML table; cells are already escaped."""
    head = "".join(f"<th{' class=num' if i in numeric else ''}>{h}</th>" for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{' class=num' if i in numeric else ''}>{c}</td>" for i, c in enumerate(r)) + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def person_section(r: Report, ctx: RenderContext) -> str:
    """One person's report as an HTML section."""
    lang, s, name = ctx.lang, r["summary"], names(ctx.std, ctx.lang)
    e = escape
    person = r["person"]
    title = " · ".join(e(x) for x in (person["name"], person["id"], person["role"]) if x)
    verdict_key = "verdict.met" if s["meets_standard"] else "verdict.not_met"
    figures = figures_text(s, lang)
    out = [
        '<section class="person">',
        f"<h1>{title}</h1>",
        f'<p class="meta">{e(t("standard", lang))} {e(r["standard"]["code"])} {e(standard_name(ctx.std, lang))}</p>',
        f'<p class="meta">{e(t("as_of", lang))} {e(r["as_of"])} · {e(t("policy", lang))} {e(r["policy"]["name"])}</p>',
        f'<p class="verdict {"met" if s["meets_standard"] else "not-met"}">{e(t(verdict_key, lang))} · '
        f"{e(figures)}</p>",
        f'<div class="charts">{radar(r["duties"], name)}{bars(r["tasks"], name)}</div>',
        f"<h2>{e(t('task', lang))}</h2>",
    ]
    task_rows = [
        [
            e(task["code"]),
            e(name[task["code"]]),
            f'<span class="status-{task["status"]}">{e(t("status." + task["status"], lang))}</span>',
            str(task["level"]),
            str(task["attained_level"]),
            f"{task['items_met']}/{task['items_total']}",
        ]
        for task in r["tasks"]
    ]
    out.append(
        _table(
            [e(t(k, lang)) for k in ("task_short", "name", "status", "required", "attained", "met_total")],
            task_rows,
            frozenset({3, 4, 5}),
        )
    )
    out.append(f"<h2>{e(t('gaps', lang))}</h2>")
    if r["gaps"]:
        gap_rows = [
            [
                e(g["code"]),
                e(name[g["code"]]),
                e(", ".join(g["tasks"])),
                str(g["required_level"]),
                "—" if g["best_level"] is None else str(g["best_level"]),
            ]
            for g in r["gaps"]
        ]
        out.append(
            _table([e(t(k, lang)) for k in ("code", "name", "task", "required", "best")], gap_rows, frozenset({3, 4}))
        )
    else:
        out.append(f"<p>{e(t('gaps_none', lang))}</p>")
    out.append(f"<h2>{e(t('attitudes', lang))}</h2><ul>")
    for a in r["attitudes"]:
        state = t("attitude_met" if a["met"] else "attitude_missing", lang)
        mark = "✓" if a["met"] else "✗"
        out.append(f'<li>{mark} {e(a["code"])} {e(name[a["code"]])} <span class="no">{e(state)}</span></li>')
    out.append("</ul>")
    if r["expiring"]:
        out.append(f"<h2>{e(t('expiring', lang, days=r['expiring_within_days']))}</h2><ul>")
        for x in r["expiring"]:
            risk = ", ".join(x["tasks_at_risk"]) or t("none", lang)
            out.append(
                f"<li>{e(x['id'])} — {e(t('expires_on', lang, date=x['expires'], days=x['days_left']))} — "
                f"{e(t('at_risk', lang))}: {e(risk)}</li>"
            )
        out.append("</ul>")
    out.append(f"<h2>{e(t('evidence', lang))}</h2>")
    ev_rows = [
        [e(ev["id"]), e(ev["title"]), e(ev["date"]), str(ev["level"]), _counted(ev, r["policy"], lang)]
        for ev in r["evidence"]
    ]
    out.append(
        _table([e(t(k, lang)) for k in ("code", "evidence", "date", "level_short", "reason")], ev_rows, frozenset({3}))
    )
    out.append("</section>")
    return "\n".join(out)


def _counted(ev: EvidenceResult, policy: PolicyOut, lang: str) -> str:
    """The word "counted", or why the evidence did not count."""
    if ev["counted"]:
        return escape(t("counted", lang))
    reason = t(f"reason.{ev['reason']}", lang, years=policy["max_age_years"])
    return f'<span class="no">{escape(reason)}</span>'


class HtmlRenderer(AssessRenderer):
    """The page head, a section per report, and for several people a summary at the end."""

    def start(self) -> None:
        """Write the document head with the inline styles."""
        lang = "en" if self.ctx.lang == "en" else "zh-Hant-TW"
        self.tally = Tally()
        self.out.write(
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>kmc-gap · {escape(t('report_title', self.ctx.lang))}</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
        )

    def add(self, value: Report) -> None:
        """Write one person's section."""
        self.tally.add(value)
        self.out.write(person_section(value, self.ctx) + "\n")

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Keep the failure for the summary."""
        self.tally.failures.append((file, problems))

    def finish(self) -> None:
        """Write the cohort summary and the failures, then close the document."""
        lang = self.ctx.lang
        if self.ctx.cohort and self.tally.rows:
            rows = [
                [
                    escape(who(r["person"])),
                    escape(t("verdict.met" if r["summary"]["meets_standard"] else "verdict.not_met", lang)),
                    f"{r['summary']['tasks_met']}/{r['summary']['tasks_total']}",
                    percent(r["summary"]["coverage"]),
                ]
                for r in self.tally.rows
            ]
            self.out.write(f'<section class="person"><h1>{escape(t("cohort_summary", lang))}</h1>')
            self.out.write(
                _table(
                    [escape(t(k, lang)) for k in ("person", "verdict", "tasks_short", "coverage")],
                    rows,
                    frozenset({2, 3}),
                )
            )
            self.out.write("</section>\n")
        if self.tally.failures:
            self.out.write(f"<h2>{escape(t('failed_files', lang))}</h2><ul>")
            for _, problems in self.tally.failures:
                self.out.write("".join(f"<li>{escape(p.format(lang))}</li>" for p in problems))
            self.out.write("</ul>\n")
        self.out.write("</body>\n</html>\n")
