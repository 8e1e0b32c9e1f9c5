"""``--format summary``: one printed A4 page for the boss — who is ready, where the team is short, what closes it.

The figures come from :mod:`kmc_gap.engine.summary`; this module words them in the chosen language
and draws two charts as inline SVG (no script, nothing fetched): how many people meet how many
tasks, and a bar per department. Everything from files is escaped as HTML text. It fits one page
for a team of up to 30 (the tests print it with Chromium and count the pages).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kmc_gap.engine.summary import TeamSummary, summarise, summary_part
from kmc_gap.model.lookup import names, order
from kmc_gap.render.assess import AssessRenderer
from kmc_gap.render.base import RenderContext
from kmc_gap.render.formats import GroupBy
from kmc_gap.render.inputs import input_line, refused_headline
from kmc_gap.render.names import standard_name
from kmc_gap.render.text import percent, policy_name
from kmc_gap.words import listing, t
from kmc_gap.words.safe import html_text as e

if TYPE_CHECKING:
    from kmc_gap.engine.report import InputCount, Report
    from kmc_gap.model.problems import Problem


def team_summary(reports: list[Report], ctx: RenderContext) -> TeamSummary:
    """The summary of ``reports`` with the context's catalogue and plan."""
    return summarise(reports, order(ctx.std), ctx.courses, ctx.plan, ctx.group_by or "organisation")


class SummaryHtmlRenderer(AssessRenderer):
    """Keeps each report's figures and gaps; writes the page when the last has come."""

    def start(self) -> None:
        self.reports: list[Report] = []
        self.failed: list[str] = []

    def add(self, value: Report) -> None:
        self.reports.append(summary_part(value))

    def failure(self, file: str, problems: list[Problem]) -> None:
        self.failed.append(file)

    def finish(self) -> None:
        summary = team_summary(self.reports, self.ctx)
        self.out.write(page(self.reports, summary, self.ctx, self.failed, self.counts))


def page(
    reports: list[Report],
    s: TeamSummary,
    ctx: RenderContext,
    failed: list[str],
    counts: Sequence[InputCount] = (),
) -> str:
    """The summary as a whole HTML document."""
    lang, std = ctx.lang, ctx.std
    name = names(std, lang)
    first = reports[0] if reports else None
    title = f"{t('summary.title', lang)} · {std.code} {standard_name(std, lang)}"
    meta = [t("summary.people", lang, n=s["people"])]
    if first is not None:
        meta = [
            f"{t('render.as_of', lang)} {first['as_of']}",
            f"{t('render.policy', lang)} {policy_name(first['policy'], lang)}",
            *meta,
        ]
    out = [
        f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-Hant-TW"}"><head><meta charset="utf-8">',
        f"<title>{e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{e(title)}</h1><p class=meta>{e(' · '.join(meta))}</p>",
        *_refused(counts, lang),
        '<div class="row"><section>',
        f"<h2>{e(t('summary.readiness', lang))}</h2>",
        f'<p class="big">{e(t("summary.meeting", lang, met=s["meeting"], n=s["people"]))}</p>',
        f"<p>{e(t('summary.coverage', lang, pct=percent(s['coverage'])))}</p>",
        _histogram(s, lang),
        "</section><section>",
        f"<h2>{e(t(f'summary.groups.{ctx.group_by or GroupBy.organisation}', lang))}</h2>",
        _departments(s, lang, ctx.group_by or GroupBy.organisation),
        "</section></div>",
        f"<h2>{e(t('summary.most_missed', lang))}</h2>",
        _most_missed(s, name, lang),
        f"<h2>{e(t('summary.closing', lang))}</h2><ul>",
    ]
    for bucket in s["buckets"]:
        shown = listing(bucket["codes"][:8], lang) + (" …" if len(bucket["codes"]) > 8 else "")
        line = t(f"summary.bucket.{bucket['closer']}", lang, items=bucket["items"], gaps=bucket["gaps"])
        out.append(f"<li><b>{e(line)}</b> {e(shown)}</li>")
    out.append("</ul>")
    if s["plan"] is not None:
        p = s["plan"]
        budget = "—" if p["budget"] is None else f"{p['budget']:,.0f}"
        used = "—" if not p["budget"] else percent(p["cost"] / p["budget"])
        text = t(
            "summary.plan",
            lang,
            courses=p["courses"],
            cost=f"{p['cost']:,.0f}",
            budget=budget,
            used=used,
            before=p["tasks_before"],
            after=p["tasks_after"],
        )
        # said where the figure stands: why the planned training alone moves no task
        if p["courses"] and p["tasks_after"] == p["tasks_before"]:
            text += " " + t("render.plan_no_task_gain", lang)
        out.append(f"<h2>{e(t('summary.plan_title', lang))}</h2><p>{e(text)}</p>")
    if failed:
        out.append(f"<p class=meta>{e(t('summary.failed', lang, n=len(failed)))}</p>")
    if counts:  # what became of every row: the page never passes for more than was read
        lines = "<br>".join(e(input_line(count, lang)) for count in counts)
        out.append(f"<p class=inputs><b>{e(t('inputs.title', lang))}</b><br>{lines}</p>")
    out.append("</body></html>\n")
    return "\n".join(out)


def _refused(counts: Sequence[InputCount], lang: str) -> list[str]:
    """The headline of rows that could not be read, above everything else; none when every row was read."""
    line = refused_headline(list(counts), lang)
    return [f"<p class=refused>{e(line)}</p>"] if line else []


def _histogram(s: TeamSummary, lang: str) -> str:
    """People by how many tasks they meet: a bar for each count from 0 to all. When everyone stands in one
    bar (nobody meets a task yet, most often) that says nothing more than the headline: people by coverage
    instead, in bands of 10 %, and why no task is met, where the figure stands."""
    counts = s["tasks_met"]
    if sum(1 for count in counts if count) > 1 or not s["people"]:
        return _chart(counts, [str(n) for n in range(len(counts))], t("summary.histogram", lang))
    bands = s["coverage_bands"]
    labels = [f"{n * 10}" for n in range(10)] + ["100"]
    chart = _chart(bands, labels, t("summary.coverage_bands", lang))
    if counts[0] == s["people"]:
        chart += f"<p class=note>{e(t('summary.no_task_met', lang))}</p>"
    return chart


def _chart(counts: list[int], labels: list[str], caption: str) -> str:
    """A bar chart of counts, each bar labelled below and its count above."""
    top = max(counts) or 1
    width, height, bar = 300, 110, 300 / max(len(counts), 1)
    top_room = 12  # for the count over the tallest bar
    label = e(caption)
    box = f"0 {-top_room} {width} {height + 28 + top_room}"
    parts = [f'<svg viewBox="{box}" width="{width}" role="img" aria-label="{label}">']
    for n, count in enumerate(counts):
        h = height * count / top
        x = n * bar
        middle = x + bar / 2
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{height - h:.1f}" width="{bar - 4:.1f}" height="{h:.1f}" fill="#5b7fa3"/>'
        )
        if count:
            parts.append(f'<text x="{middle:.1f}" y="{height - h - 2:.1f}" {_SMALL}>{count}</text>')
        parts.append(f'<text x="{middle:.1f}" y="{height + 11}" {_SMALL}>{e(labels[n])}</text>')
    parts.append(f'<text x="{width / 2}" y="{height + 25}" font-size="10" text-anchor="middle">{label}</text></svg>')
    return "".join(parts)


_SMALL = 'font-size="9" text-anchor="middle"'


def _bar(fraction: float) -> str:
    filled = f'<rect width="{90 * fraction:.1f}" height="10" fill="#5b7fa3"/>'
    frame = '<rect width="90" height="10" fill="none" stroke="#999"/>'
    return f'<svg width="90" height="10" aria-hidden="true">{filled}{frame}</svg>'


def _departments(s: TeamSummary, lang: str, by: str) -> str:
    """A row and a bar of coverage for each department (or role)."""
    rows = []
    for d in s["departments"]:
        label = d["name"] if d["name"] is not None else t(f"group.none.{by}", lang)
        bar = _bar(d["coverage"])
        rows.append(
            f"<tr><td>{e(label)}</td><td class=num>{d['people']}</td><td class=num>{d['meeting']}</td>"
            f"<td class=num>{d['tasks_met']:g}</td><td class=num>{e(percent(d['coverage']))} {bar}</td></tr>"
        )
    first = e(t(f"group.{by}", lang))
    heads = f"<th>{first}</th>" + "".join(
        f"<th>{e(t(f'summary.col.{k}', lang))}</th>" for k in ("people", "meeting", "tasks", "coverage")
    )
    return f"<table><thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _most_missed(s: TeamSummary, name: dict[str, str], lang: str) -> str:
    heads = "".join(
        f"<th>{e(t(f'summary.col.{k}', lang))}</th>" for k in ("code", "item", "missing", "lower", "closer")
    )
    rows = [
        f"<tr><td>{e(m['code'])}</td><td>{e(name[m['code']])}</td><td class=num>{m['people']}</td>"
        f"<td class=num>{m['lower_level']}</td><td>{e(t('summary.closer.' + m['closer'], lang))}</td></tr>"
        for m in s["most_missed"]
    ]
    return f"<table><thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


CSS = (
    ".refused{color:#a00;font-weight:bold;margin:4pt 0}.inputs{color:#616e7c;font-size:7.5pt;margin:6pt 0 0}"
    "@page{size:A4;margin:12mm}body{font-family:'Noto Sans TC','WenQuanYi Micro Hei',sans-serif;color:#1f2933;"
    "font-size:10.5pt;margin:0 auto;max-width:190mm}h1{font-size:15pt;margin:0 0 2pt}h2{font-size:11.5pt;"
    "margin:10pt 0 4pt;border-bottom:1px solid #d9e2ec}.meta{color:#616e7c;margin:0}.big{font-size:15pt;"
    "font-weight:bold;margin:2pt 0}.row{display:flex;gap:14pt}.row section{flex:1}table{border-collapse:collapse;"
    "width:100%;font-size:9.5pt}th,td{text-align:left;padding:2pt 4pt;border-bottom:1px solid #e4e7eb}"
    "th{white-space:nowrap;font-weight:600}td.num{text-align:right;white-space:nowrap}td:first-child{white-space:nowrap}"
    "ul{margin:2pt 0;padding-left:14pt}li{margin:2pt 0}.note{font-size:9pt;color:#52606d;margin:2pt 0}"
)
