"""`assess --format html`: a self-contained page, its charts, its tables, and a real browser's view."""

from __future__ import annotations

import os
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kmc_gap.words import t

from conftest import RunLine, nfkc, pdf_text, print_pdf

pytestmark = pytest.mark.slow  # Chromium renders and prints: the quick loop (-m "not slow") leaves it out

MID = "examples/profiles/mid-career-planner.yaml"
AS_OF = ("--as-of", "2026-06-30")


class Page(HTMLParser):
    """Collects the elements of a page with their attributes and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def all(self, tag: str, cls: str | None = None) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if t == tag and (cls is None or cls in (a.get("class") or "").split())]


def page(run_line: RunLine, *args: str, code: int = 0) -> tuple[Page, str]:
    result = run_line("assess", *args, *AS_OF, "--format", "html")
    assert result.code == code, result.stderr
    parsed = Page()
    parsed.feed(result.stdout)
    return parsed, result.stdout


def test_self_contained(run_line: RunLine) -> None:
    p, html = page(run_line, MID)
    assert p.doctype == "DOCTYPE html"
    assert p.all("html")[0]["lang"] == "zh-Hant-TW"
    assert not p.all("script") and not p.all("link") and not p.all("img") and not p.all("iframe")
    for _, attrs in p.elements:
        for name in ("src", "href"):
            assert not (attrs.get(name) or "").startswith(("http:", "https:", "//")), attrs
    assert "url(" not in html and "@import" not in html
    assert "@page { size: A4" in html and "@media print" in html


def test_radar_and_bars(run_line: RunLine) -> None:
    p, _ = page(run_line, MID)
    [shape] = p.all("polygon", "coverage")
    assert len((shape["points"] or "").split()) == 5  # one point per duty
    assert len(p.all("g", "bar")) == 14  # one bar per task
    # T3.1 has 15 of 20 items: its bar is 0.75 of the 328-unit track (420 - 44 - 48) = 246.0
    widths = [a["width"] for a in p.all("rect") if a.get("fill") == "#f9a825"]
    assert "246.0" in widths
    # T3 (duty) coverage 42/61 = 68.9% is written next to its axis
    assert "T3 68.9%" in "".join(p.text)


def test_tables_gaps_and_evidence(run_line: RunLine) -> None:
    p, html = page(run_line, MID)
    text = "".join(p.text)
    assert t("verdict.not_met") in text
    assert "S13" in text and "供應商、贊助商及利益關係人等分析與管理" in text
    assert len(p.all("table")) == 1 + 3  # the printed sheet, then tasks, gaps, evidence
    # the sheet's running header and its one body row, then header + rows for each table
    assert html.count("<tr>") == 2 + 1 + 14 + 1 + 15 + 1 + 10
    assert "已過期" in text  # the expired 2019 certificate, with its reason


def test_english(run_line: RunLine) -> None:
    p, _ = page(run_line, MID, "--lang", "en")
    assert p.all("html")[0]["lang"] == "en"
    assert "Does not yet meet the standard" in "".join(p.text)


def test_cohort_page(run_line: RunLine) -> None:
    p, html = page(run_line, "examples/profiles", "tests/corpus/level-7.yaml", code=2)  # one file is bad
    assert len(p.all("section", "person")) == 3 + 1  # three people and the summary
    assert "tests/corpus/level-7.yaml:9:12" in "".join(p.text)
    # the page opens with the summary, each row linking to its person's section
    assert html.index('class="person summary"') < html.index('id="p1"')
    links = [a["href"] for a in p.all("a")]
    assert links == ["#p1", "#p2", "#p3"]
    assert all(f'id="{link[1:]}"' in html for link in links)
    assert "<title>總覽 · KMC3332-001v3" in html


def test_title_names_the_person_and_the_radar_names_the_duties(run_line: RunLine) -> None:
    _, html = page(run_line, MID)
    standard = "KMC3332-001v3 活動 (專案) 行銷企劃人員"
    assert f"<title>林小美 · E1024 · {t('render.report_title')} · {standard} · kmc-gap</title>" in html
    radar = html[html.index('<svg class="radar"') : html.index("</svg>")]
    # every duty's name (in lines of up to 8 characters) is on the chart itself, not only in a tooltip
    labels = "".join(part.split(">", 1)[1] for part in radar.split("<tspan")[1:])
    for name in ("蒐集與分析活動行銷", "擬定活動行銷企劃", "結案作業"):
        assert name in labels.replace("</tspan>", "")
    assert "25%" in radar and "100%" in radar  # the scale


@pytest.mark.parametrize("lang", ["zh-TW", "en"])
def test_the_radar_shows_each_duty_whole_or_says_it_is_cut(run_line: RunLine, lang: str) -> None:
    import re

    from kmc_gap.model.loading import load_standard
    from kmc_gap.render.assess.html import _label_lines

    _, html = page(run_line, MID, "--lang", lang)
    radar = html[html.index('<svg class="radar"') : html.index("</svg>")]
    texts = re.findall(r'<text class="axis"[^>]*>(.*?)<title>', radar)
    duties = load_standard().duties
    assert len(texts) == len(duties)
    for duty, text in zip(duties, texts, strict=True):
        name = duty.name if lang == "zh-TW" else duty.name_en
        lines = re.findall(r"<tspan[^>]*>(.*?)</tspan>", text)[1:]  # after the code and coverage
        assert ("" if lang == "zh-TW" else " ").join(lines) == name  # every name of this standard is whole
    # a name too long for the chart ends with "…": never cut without a sign
    long = _label_lines("A very long duty name that goes on and on past anything a radar label can show")
    assert len(long) == 4 and long[-1].endswith("…")
    assert _label_lines("蒐集與分析活動行銷目標資訊" * 3)[-1].endswith("…")


def test_attitudes_have_their_mark_and_no_bullet_beside_it(run_line: RunLine) -> None:
    _, html = page(run_line, MID)
    assert "ul.attitudes {" in html and "list-style: none" in html.split("ul.attitudes {", 1)[1].split("}", 1)[0]


def test_html_golden(run_line: RunLine, golden) -> None:
    _, html = page(run_line, MID)
    golden("assess-mid-career-planner.html", html)


def _distinct_pixels(png: bytes) -> int:
    """How many different byte values the decoded image data holds (a blank page has very few)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data = 8, b""
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos : pos + 8])
        if kind == b"IDAT":
            data += png[pos + 8 : pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(data)))


def test_rendered_in_a_browser_is_not_blank(run_line: RunLine, tmp_path: Path, chromium: str) -> None:
    _, html = page(run_line, MID)
    target = tmp_path / "report.html"
    target.write_text(html, encoding="utf-8")
    shot = tmp_path / "shot.png"
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--hide-scrollbars",
        "--window-size=1000,1400",
        f"--screenshot={shot}",
    ]
    subprocess.run(
        [chromium, *flags, target.as_uri()],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert shot.exists(), "the browser wrote no screenshot"
    assert _distinct_pixels(shot.read_bytes()) > 50
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    blank_shot = tmp_path / "blank.png"
    flags[-1] = f"--screenshot={blank_shot}"
    subprocess.run([chromium, *flags, blank.as_uri()], capture_output=True, timeout=120, check=False)
    # the check itself can tell: an empty page decodes to only a handful of values
    assert _distinct_pixels(blank_shot.read_bytes()) < 10


def test_printed_on_a4_in_at_most_three_pages_each_naming_the_person(
    run_line: RunLine, tmp_path: Path, chromium: str
) -> None:
    """Chromium prints the report to PDF; pypdf counts the pages and reads the running header on each."""
    for who, profile in (("E1024", MID), ("T2025-031", "examples/profiles/junior-coordinator.yaml")):
        _, html = page(run_line, profile)
        source = tmp_path / f"{who}.html"
        source.write_text(html, encoding="utf-8")
        pages = print_pdf(chromium, source, tmp_path / f"{who}.pdf")
        assert 1 <= len(pages) <= 3, (who, len(pages))
        for number, sheet in enumerate(pages, 1):
            assert nfkc(who) in pdf_text(sheet), (who, number)  # each page says whose report it is


def test_a_cohort_prints_its_overview_first_then_each_person_from_a_new_page(
    run_line: RunLine, tmp_path: Path, chromium: str
) -> None:
    _, html = page(run_line, "examples/profiles")
    source = tmp_path / "cohort.html"
    source.write_text(html, encoding="utf-8")
    firsts = [pdf_text(sheet).strip().splitlines()[0] for sheet in print_pdf(chromium, source, tmp_path / "c.pdf")]
    assert firsts[0].startswith(nfkc("總覽"))  # the overview, linking to each person, comes first
    # then each person in path order (junior, mid, senior), every page of theirs headed with their name:
    # a person starts on a page of their own, and no page holds two people
    ids = [next(i for i in ("T2025-031", "E1024", "E0871") if i in line) for line in firsts[1:]]
    assert ids == sorted(ids, key=["T2025-031", "E1024", "E0871"].index)
    assert set(ids) == {"T2025-031", "E1024", "E0871"} and len(ids) <= 9  # at most three pages each
