"""``--format html``: one self-contained page to hand to a manager, that also prints on A4.

Everything is inline: the styles, a radar chart of coverage per duty and a bar per task as SVG.
Nothing is fetched from the network. With several inputs each person gets a section, starting
on a new printed page, and a summary table closes the page.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from kmc_gap.model.lookup import names
from kmc_gap.model.problems import Problem
from kmc_gap.render.assess import AssessRenderer, Tally, grouped
from kmc_gap.render.base import RenderContext
from kmc_gap.render.inputs import input_detail, input_line
from kmc_gap.render.names import standard_name
from kmc_gap.render.text import figures_text, percent, policy_name, rated_items, rating_words, reason_words, who
from kmc_gap.words import t
from kmc_gap.words.safe import html_text as escape

if TYPE_CHECKING:
    from kmc_gap.engine.report import DutyResult, EvidenceResult, InputCount, PolicyOut, Report, TaskResult

COLOURS = {"met": "#2e7d32", "partial": "#f9a825", "missing": "#c62828"}

STYLE = """.inputs li.refused{color:#a00;font-weight:bold}

:root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "WenQuanYi Micro Hei", system-ui, sans-serif;
       color: var(--ink); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 1.75rem; }
h1, h2 { break-after: avoid; page-break-after: avoid; }
.meta { color: var(--muted); margin: 0; }
.verdict { font-size: 1.15rem; font-weight: 700; padding: .5rem .75rem; border-radius: .375rem;
           display: inline-block; margin: .75rem 0; }
.verdict.met { background: #e8f5e9; color: #1b5e20; } .verdict.not-met { background: #ffebee; color: #b71c1c; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num, .nowrap { white-space: nowrap; } td.num, th.num { text-align: right; }
.status-met { color: #1b5e20; } .status-partial { color: #8d6e00; } .status-missing { color: #b71c1c; }
.no { color: var(--muted); }
.mark-met { color: #2e7d32; } .mark-partial { color: #b38600; } .mark-missing { color: #c62828; }
.mark { font-size: 1.4em; line-height: 1; white-space: nowrap; }
.mark small { font-size: .6em; color: #555; margin-left: .1em; vertical-align: .15em; }
table.matrix td, table.matrix th { padding: .2rem .3rem; text-align: center; }
table.matrix td:first-child { text-align: left; }
table.sheet, table.sheet > thead > tr > td, table.sheet > tbody > tr > td { border: 0; padding: 0; font-size: inherit; }
.running { display: none; }
section.person { page-break-before: always; break-before: page; }
section.person:first-of-type { page-break-before: auto; break-before: auto; }
@page { size: A4; margin: 12mm 12mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 9pt; line-height: 1.35; }
  h1 { font-size: 14pt; } h2 { font-size: 11pt; margin: .8rem 0 .3rem; }
  .verdict { font-size: 11pt; padding: .25rem .5rem; margin: .4rem 0; }
  th, td { padding: .06rem .3rem; line-height: 1.25; }
  table { font-size: 8pt; }
  ul.attitudes { columns: 2; margin: 0; padding-left: 0; list-style: none; }  /* the ✓ or ✗ is the bullet */
  .charts { flex-wrap: nowrap; gap: 4mm; }
  .charts svg.radar { width: 44%; height: auto; } .charts svg.bars { width: 52%; height: auto; }
  tr, svg, li { page-break-inside: avoid; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .running { display: table-cell; color: var(--muted); font-size: 8pt; padding-bottom: 2mm;
             border-bottom: 1px solid var(--line); }
}
"""


def _label_lines(text: str, width: int = 8, most: int = 4) -> list[str]:
    """A duty's name in at most ``most`` lines of about ``width`` characters (a Chinese name has no spaces
    to break at; an English one breaks between words, in lines a little over twice as long); a name longer
    than that ends with "…", never cut without a sign (the whole name is the label's tooltip)."""
    if " " in text and len(text) > width:  # an English name: break between words
        lines, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > width * 2 + 2:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
    else:
        lines = [text[i : i + width] for i in range(0, len(text), width)]
    if len(lines) > most:
        lines = [*lines[: most - 1], lines[most - 1].rstrip(" ,;:") + "…"]
    return lines


def radar(duties: list[DutyResult], name: dict[str, str], size: int = 340) -> str:
    """An SVG radar chart with one axis per duty, labelled with its name; rings mark 25 % steps."""
    centre, radius = size / 2, size / 2 - 92  # room outside the rings for the labels
    n = len(duties)

    def point(i: int, r: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        return centre + r * math.cos(angle), centre + r * math.sin(angle)

    parts = [f'<svg class="radar" role="img" viewBox="0 0 {size} {size}" width="{size}" height="{size}">']
    for step in (0.25, 0.5, 0.75, 1.0):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, radius * step) for i in range(n)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#d9e2ec"/>')
        sx, sy = point(0, radius * step)
        parts.append(
            f'<text class="scale" x="{sx + 3:.1f}" y="{sy + 3:.1f}" font-size="8" fill="#7b8794">{step:.0%}</text>'
        )
    for i, duty in enumerate(duties):
        x, y = point(i, radius)
        lx, ly = point(i, radius + 42)
        parts.append(f'<line x1="{centre}" y1="{centre}" x2="{x:.1f}" y2="{y:.1f}" stroke="#d9e2ec"/>')
        lines = [f"{duty['code']} {percent(duty['coverage'])}", *_label_lines(name[duty["code"]])]
        top = ly - (len(lines) - 1) * 6
        weights = ['font-weight="700"', *([""] * (len(lines) - 1))]
        spans = "".join(
            f'<tspan x="{lx:.1f}" y="{top + k * 12:.1f}" {weight}>{escape(line)}</tspan>'
            for k, (line, weight) in enumerate(zip(lines, weights, strict=True))
        )
        parts.append(
            f'<text class="axis" font-size="9.5" text-anchor="middle" dominant-baseline="middle">{spans}'
            f"<title>{escape(name[duty['code']])}</title></text>"
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


def person_section(r: Report, ctx: RenderContext, anchor: str = "") -> str:
    """One person's report as an HTML section.

    The section is laid in a one-cell table whose header row names the person: a browser repeats a
    table's header on every printed page, so each page of a printed report says whose it is.
    """
    lang, s, name = ctx.lang, r["summary"], names(ctx.std, ctx.lang)
    e = escape
    person = r["person"]
    title = " · ".join(e(x) for x in (person["name"], person["id"], person["role"]) if x)
    verdict_key = "verdict.met" if s["meets_standard"] else "verdict.not_met"
    figures = figures_text(s, lang)
    running = f"{title} · {e(r['standard']['code'])} {e(standard_name(ctx.std, lang))} · {e(r['as_of'])}"
    out = [
        f'<section class="person"{f" id={chr(34)}{anchor}{chr(34)}" if anchor else ""}>',
        f'<table class="sheet"><thead><tr><td class="running">{running}</td></tr></thead><tbody><tr><td>',
        f"<h1>{title}</h1>",
        f'<p class="meta">{e(t("render.standard", lang))} {e(r["standard"]["code"])} '
        f"{e(standard_name(ctx.std, lang))}</p>",
        f'<p class="meta">{e(t("render.as_of", lang))} <span class="nowrap">{e(r["as_of"])}</span> · '
        f"{e(t('render.policy', lang))} {e(policy_name(r['policy'], lang))}</p>",
        f'<p class="verdict {"met" if s["meets_standard"] else "not-met"}">{e(t(verdict_key, lang))} · '
        f"{e(figures)}</p>",
        f'<div class="charts">{radar(r["duties"], name)}{bars(r["tasks"], name)}</div>',
        f"<h2>{e(t('render.task', lang))}</h2>",
    ]
    task_rows = [
        [
            e(task["code"]),
            e(name[task["code"]]),
            f'<span class="nowrap status-{task["status"]}">{e(t("status." + task["status"], lang))}</span>',
            str(task["level"]),
            str(task["attained_level"]),
            f"{task['items_met']}/{task['items_total']}",
        ]
        for task in r["tasks"]
    ]
    out.append(
        _table(
            [
                e(t(k, lang))
                for k in (
                    "render.task_short",
                    "render.name",
                    "render.status",
                    "render.required",
                    "render.attained",
                    "render.met_total",
                )
            ],
            task_rows,
            frozenset({3, 4, 5}),
        )
    )
    out.append(f"<h2>{e(t('render.gaps', lang))}</h2>")
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
            _table(
                [
                    e(t(k, lang))
                    for k in ("render.code", "render.name", "render.task", "render.required", "render.best")
                ],
                gap_rows,
                frozenset({3, 4}),
            )
        )
    else:
        out.append(f"<p>{e(t('render.gaps_none', lang))}</p>")
    rated = rated_items(r)
    if rated:  # which rating of each item stands, and what the others said
        rating_rows = [[e(code), e(name[code]), e(rating_words(ratings, lang))] for code, ratings in rated]
        out.append(f"<h2>{e(t('render.ratings', lang))}</h2>")
        out.append(
            _table([e(t(k, lang)) for k in ("render.code", "render.name", "render.ratings")], rating_rows, frozenset())
        )
    out.append(f'<h2>{e(t("render.attitudes", lang))}</h2><ul class="attitudes">')
    for a in r["attitudes"]:
        state = t("render.attitude_met" if a["met"] else "render.attitude_missing", lang)
        mark = "✓" if a["met"] else "✗"
        out.append(f'<li>{mark} {e(a["code"])} {e(name[a["code"]])} <span class="no">{e(state)}</span></li>')
    out.append("</ul>")
    if r["expiring"]:
        out.append(f"<h2>{e(t('render.expiring', lang, days=r['expiring_within_days']))}</h2><ul>")
        for x in r["expiring"]:
            risk = ", ".join(x["tasks_at_risk"]) or t("render.none", lang)
            out.append(
                f"<li>{e(x['title'])} — {e(t('render.expires_on', lang, date=x['expires'], days=x['days_left']))} — "
                f"{e(t('render.at_risk', lang))}: {e(risk)}</li>"
            )
        out.append("</ul>")
    out.append(f"<h2>{e(t('render.evidence', lang))}</h2>")
    ev_rows = [
        [
            e(ev["title"]) + (f' <span class="no">{e(ev["course"])}</span>' if ev["course"] else ""),
            f'<span class="nowrap">{e(ev["date"])}</span>',
            str(ev["level"]),
            _counted(ev, r["policy"], lang),
        ]
        for ev in r["evidence"]
    ]
    out.append(
        _table(
            [e(t(k, lang)) for k in ("render.evidence", "render.date", "render.level_short", "render.reason")],
            ev_rows,
            frozenset({2}),
        )
    )
    out.append("</td></tr></tbody></table></section>")
    return "\n".join(out)


def _counted(ev: EvidenceResult, policy: PolicyOut, lang: str) -> str:
    """The word "counted", or why the evidence did not count."""
    if ev["counted"]:
        return escape(t("render.counted", lang))
    reason = reason_words(ev, policy, lang)
    return f'<span class="no nowrap">{escape(reason)}</span>'


MARKS = {"met": "●", "partial": "◐", "missing": "○"}


def _mark(status: str, lang: str) -> str:
    """A status mark as large as the text, with its letter in grey: it reads on a black-and-white page."""
    word = escape(t("status." + status, lang))
    letter = escape(t("status_letter." + status, lang))
    return f'<span class="mark mark-{status}" title="{word}">{MARKS[status]}<small>{letter}</small></span>'


def inputs_section(counts: list[InputCount], lang: str) -> str:
    """The count per input file, a refused row marked: what became of every row."""
    items = []
    for count in counts:
        detail = input_detail(count, lang)
        mark = ' class="refused"' if count["refused"] else ""
        small = f"<br><small>{escape(detail)}</small>" if detail else ""
        items.append(f"<li{mark}>{escape(input_line(count, lang))}{small}</li>")
    return f'<section class="inputs"><h2>{escape(t("inputs.title", lang))}</h2><ul>{"".join(items)}</ul></section>\n'


class HtmlRenderer(AssessRenderer):
    """One person's page; or, for several, a summary of people × tasks linking to each person's section.

    The head is written with the first report, so that a single person's page is titled with their
    name. A cohort's sections are kept until the end, because the summary comes first.
    """

    def start(self) -> None:
        """Prepare the tally (the head waits for the first report)."""
        self.tally = Tally()
        self.sections: list[str] = []
        self.first: Report | None = None
        self.head_written = False

    def _head(self, who_title: str) -> None:
        lang = "en" if self.ctx.lang == "en" else "zh-Hant-TW"
        std = f"{self.ctx.std.code} {standard_name(self.ctx.std, self.ctx.lang)}"
        self.out.write(
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(who_title)} · {escape(std)} · kmc-gap</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
        )
        self.head_written = True

    def add(self, value: Report) -> None:
        """Write one person's page, or keep a cohort member's section for after the summary."""
        self.tally.add(value)
        self.first = self.first or value
        if self.ctx.cohort:
            self.sections.append(person_section(value, self.ctx, anchor=f"p{len(self.sections) + 1}"))
            return
        if not self.head_written:
            self._head(who(value["person"], sep=" · ") + " · " + t("render.report_title", self.ctx.lang))
        self.out.write(person_section(value, self.ctx) + "\n")

    def failure(self, file: str, problems: list[Problem]) -> None:
        """Keep the failure for the summary."""
        self.tally.failures.append((file, problems))

    def finish(self) -> None:
        """Write the head if not yet written, the cohort summary and sections, the failures; close."""
        lang = self.ctx.lang
        if not self.head_written:
            self._head(t("render.cohort_summary", lang) if self.ctx.cohort else t("render.report_title", lang))
        if self.counts:
            self.out.write(inputs_section(self.counts, lang))
        if self.ctx.cohort and self.tally.rows and self.first is not None:
            self.out.write(self._summary(self.first))
            self.out.write("\n".join(self.sections) + "\n")
        if self.tally.failures:
            self.out.write(f"<h2>{escape(t('render.failed_files', lang))}</h2><ul>")
            for _, problems in self.tally.failures:
                self.out.write("".join(f"<li>{escape(p.format(lang))}</li>" for p in problems))
            self.out.write("</ul>\n")
        self.out.write("</body>\n</html>\n")

    def _summary(self, first: Report) -> str:
        """People × tasks, each row linking to the person's section."""
        lang = self.ctx.lang
        codes = [task["code"] for task in first["tasks"]]
        head = [
            escape(t(k, lang)) for k in ("render.person", "render.verdict", "render.tasks_short", "render.coverage")
        ] + codes
        tables = []
        by = self.ctx.group_by
        for group, members in grouped(self.tally.rows, by):
            rows = []
            for i, brief in members:
                s = brief["summary"]
                verdict = "verdict.met" if s["meets_standard"] else "verdict.not_met"
                marks = [_mark(brief["statuses"][c], lang) for c in codes]
                rows.append(
                    [
                        f'<a href="#p{i}">{escape(who(brief["person"]))}</a>',
                        f'<span class="nowrap">{escape(t(verdict, lang))}</span>',
                        f"{s['tasks_met']}/{s['tasks_total']}",
                        percent(s["coverage"]),
                        *marks,
                    ]
                )
            if by is not None:
                label = group if group is not None else t(f"group.none.{by}", lang)
                tables.append(f"<h2>{escape(t(f'group.{by}', lang))}：{escape(label)}</h2>")
            tables.append(_table(head, rows, frozenset({2, 3})).replace("<table>", '<table class="matrix">', 1))
        table = "".join(tables)
        met = sum(r["summary"]["meets_standard"] for r in self.tally.rows)
        count = escape(t("render.cohort_count", lang, n=len(self.tally.rows), met=met))
        legend = " ".join(f"{MARKS[k]} {escape(t('status.' + k, lang))}" for k in MARKS)
        return (
            f'<section class="person summary"><h1>{escape(t("render.cohort_summary", lang))}</h1>'
            f'<p class="meta">{escape(first["standard"]["code"])} {escape(standard_name(self.ctx.std, lang))} · '
            f'{escape(first["as_of"])} · {count}</p>{table}<p class="meta">{legend}</p></section>\n'
        )
