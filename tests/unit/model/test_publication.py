"""`kmc-gap transcribe`: a published standard, as its text is copied out or as its ODT, into a standard file.

The published text of KMC3332-001v3 (``fixtures/KMC3332-001v3.source.txt``, the text the bundled data
file was transcribed from) must give that data file's Chinese field for field. Beyond the one
document, one truth — the bundled standard, or a random one — typeset in many ways (rows cut by page
breaks with an item's end carried over, Chinese broken by narrow columns, an ODT) must read back to
exactly the standard it came from. What a document leaves unclear stops the writing, located.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from publications import Typesetting, as_odt, as_pdf, as_text, chinese

from kmc_gap.api.transcribe import transcribe
from kmc_gap.model.loading import load_standard
from kmc_gap.words import Word

from conftest import ROOT, examples

SOURCE = ROOT / "tests" / "fixtures" / "KMC3332-001v3.source.txt"
BUNDLED = yaml.safe_load((ROOT / "data" / "kmc3332-001v3.yaml").read_text("utf-8"))


def _dump(std: Any) -> dict[str, Any]:
    """A standard's Chinese fields, as plain data (dates as ISO text)."""
    data: dict[str, Any] = chinese(std.model_dump(mode="json", exclude_none=True, exclude_defaults=True))
    return data


def _leaves(value: Any) -> int:
    if isinstance(value, dict):
        return sum(_leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(_leaves(v) for v in value)
    return 1


def _read(tmp_path: Path, text: str, name: str = "standard.txt") -> Any:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return transcribe(path, name)


_WORDS = "活動行銷企劃管理計畫分析報告客戶需求預算執行評估資源合作協議品質風險溝通團隊"


@st.composite
def standards(draw: st.DrawFn) -> dict[str, Any]:
    """A random standard in the data file's layout: one to three duties of one to three tasks, a task of
    one or two competency blocks (the second at another level, with K or S of its own, now and then
    repeating the first's output), now and then a task sharing the block of the one before (printed in its
    cell), K/S codes as K01 or as K1, sub-points under some items, and now and then a 工作活動 column."""
    words = st.text(_WORDS, min_size=2, max_size=24)
    short = draw(st.booleans())  # K1 rather than K01
    active = draw(st.booleans())  # a 工作活動 column
    number = (lambda n: f"{n}") if short else (lambda n: f"{n:02d}")
    pool_k = {f"K{number(i)}": draw(words) for i in range(1, 9)}
    pool_s = {f"S{number(i)}": draw(words) for i in range(1, 9)}
    points = {code: draw(st.lists(words, max_size=3)) for code in [*pool_k, *pool_s]}

    def codes(pool: dict[str, str], least: int) -> list[str]:
        return sorted(
            draw(st.sets(st.sampled_from(sorted(pool)), min_size=least, max_size=3)), key=lambda c: int(c[1:])
        )

    duties = []
    for d in range(1, draw(st.integers(1, 3)) + 1):
        tasks = []
        for _ in range(draw(st.integers(1, 3))):
            code = f"T{d}.{len(tasks) + 1}"
            outs, inds = iter(range(1, 20)), iter(range(1, 20))
            levels = draw(st.lists(st.integers(1, 6), min_size=1, max_size=2, unique=True))
            blocks = []
            for b, level in enumerate(levels):
                outputs = [
                    {"code": f"O{code[1:]}.{next(outs)}", "name": draw(words)}
                    for _ in range(draw(st.integers(1 - b, 2)))
                ]
                if b and blocks[0]["outputs"] and draw(st.booleans()):
                    outputs = [blocks[0]["outputs"][0], *outputs]  # an output standing in both blocks
                knowledge = codes(pool_k, 0)
                skills = codes(pool_s, 0 if knowledge or not b else 1)
                indicators = [
                    {"code": f"P{code[1:]}.{next(inds)}", "text": draw(words) + "。"}
                    for _ in range(draw(st.integers(1, 3)))
                ]
                blocks.append(
                    {
                        "level": level,
                        "outputs": outputs,
                        "indicators": indicators,
                        "knowledge": knowledge,
                        "skills": skills,
                    }
                )
            if active:
                for block in blocks:
                    block["activities"] = [draw(words) + "。"]  # one 工作活動 a row, as its cell holds it
            task: dict[str, Any] = {"code": code, "name": draw(words)}
            tasks.append({**task, "blocks": blocks} if len(blocks) > 1 else {**task, **blocks[0]})
            if draw(st.integers(0, 4)) == 0:  # a task printed in the same cell, sharing the block (layout 3)
                tasks.append({"code": f"T{d}.{len(tasks) + 1}", "name": draw(words), "same_as": code})
        duties.append({"code": f"T{d}", "name": draw(words), "tasks": tasks})
    listed = [b for d in duties for t in d["tasks"] if "same_as" not in t for b in t.get("blocks", [t])]
    used_k = sorted({k for b in listed for k in b["knowledge"]}, key=lambda c: int(c[1:]))
    used_s = sorted({s for b in listed for s in b["skills"]}, key=lambda c: int(c[1:]))
    version = {"version": "V1", "code": "ZZZ9999-001v1", "name": "名稱", "status": "最新版本", "date": "2026-01-05"}
    return {
        "code": "ZZZ9999-001v1",
        "name": draw(words),
        "name_kind": "職業",
        "level": draw(st.integers(1, 6)),
        "description": draw(words) + "。",
        "versions": [version],
        "duties": duties,
        "knowledge": {k: {"name": pool_k[k], **({"points": points[k]} if points[k] else {})} for k in used_k},
        "skills": {s: {"name": pool_s[s], **({"points": points[s]} if points[s] else {})} for s in used_s},
        "attitudes": {f"A{i:02d}": {"name": draw(words), "description": draw(words) + "。"} for i in range(1, 3)},
    }


def typeset_pdf(soffice: str, data: dict[str, Any], folder: Path) -> Path:
    """The standard typeset as the official document and printed to PDF (``publications.as_pdf``)."""
    import os

    pdf = as_pdf(soffice, data, folder)
    if pdf is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no LibreOffice Writer on CI: .ci/run installs Debian's libreoffice-writer-nogui")
        pytest.skip("no LibreOffice Writer (.ci/run installs Debian's libreoffice-writer-nogui)")
    return pdf


def _long_standard() -> dict[str, Any]:
    """Two duties of three tasks whose cells run long: most rows go on to the next page."""
    import random

    rnd = random.Random(3)

    def words(n: int) -> str:
        return "".join(rnd.choice(_WORDS) for _ in range(n))

    duties, k_names, s_names = [], {}, {}
    for d in (1, 2):
        tasks = []
        for n in (1, 2, 3):
            code = f"T{d}.{n}"
            ks = sorted(rnd.sample(range(1, 13), 6))
            ss = sorted(rnd.sample(range(1, 13), 6))
            for k in ks:
                k_names.setdefault(f"K{k:02d}", words(rnd.randint(4, 14)))
            for n in ss:
                s_names.setdefault(f"S{n:02d}", words(rnd.randint(4, 14)))
            tasks.append({
                "code": code, "name": words(8), "level": rnd.randint(2, 5),
                "outputs": [{"code": f"O{code[1:]}.{n}", "name": words(10)} for n in (1, 2, 3)],
                "indicators": [{"code": f"P{code[1:]}.{n}", "text": words(60) + "。"} for n in range(1, 6)],
                "knowledge": [f"K{k:02d}" for k in ks], "skills": [f"S{n:02d}" for n in ss],
            })  # fmt: skip
        duties.append({"code": f"T{d}", "name": words(10), "tasks": tasks})
    # T2.2 in two competency blocks (level 3, then 5 with K/S of its own), its output in both
    t22 = duties[1]["tasks"][1]
    k, s = t22.pop("knowledge"), t22.pop("skills")
    low = {
        "level": 3,
        "outputs": t22["outputs"][:1],
        "indicators": t22["indicators"][:3],
        "knowledge": k[:3],
        "skills": s[:3],
    }
    high = {
        "level": 5,
        "outputs": t22.pop("outputs"),
        "indicators": t22.pop("indicators")[3:],
        "knowledge": k[3:],
        "skills": s[3:],
    }
    del t22["level"]
    t22["blocks"] = [low, high]  # fmt: skip
    for d in duties:  # a 工作活動 column, as BGM1219 has: one activity a row
        for task in d["tasks"]:
            for block in task.get("blocks", [task]):
                block["activities"] = [words(30) + "。"]
    listed = [b for d in duties for task in d["tasks"] for b in task.get("blocks", [task])]
    used_k = sorted({k for b in listed for k in b["knowledge"]})
    used_s = sorted({s for b in listed for s in b["skills"]})
    k_points = {used_k[0]: ["工作授權與分配", "目標設定"]}  # sub-points under one K item, bulleted in its cell
    version = {"version": "V1", "code": "ZZZ9999-002v1", "name": "名稱", "status": "最新版本", "date": "2026-01-05"}
    return {
        "code": "ZZZ9999-002v1", "name": words(6), "name_kind": "職業", "level": 4, "description": words(40) + "。",
        "versions": [version],
        "duties": duties,
        "knowledge": {k: {"name": k_names[k], **({"points": k_points[k]} if k in k_points else {})} for k in used_k},
        "skills": {s: {"name": s_names[s]} for s in used_s},
        "attitudes": {"A01": {"name": words(4), "description": words(90) + "。"}},
    }  # fmt: skip


# --------------------------------------------------------------------------- a copy without tabs, cut short

BGM = ROOT / "tests" / "fixtures" / "BGM1219-002v2-pages-1-2.source.txt"


def test_the_published_text_gives_the_bundled_standard_field_for_field(tmp_path: Path) -> None:
    found = transcribe(SOURCE, SOURCE.name)
    assert (found.problems, found.choices) == ([], [])
    assert found.standard is not None
    got, want = _dump(found.standard), _dump(load_standard())
    assert got == want
    # every Chinese field compared: the header 6 (code, name, note, kind, level, description), 3 categories
    # × 3, 3 versions × 6, 5 duties × 2, 14 tasks × 3 (code, name, level), 23 outputs × 2 + 1 note,
    # 45 indicators × 2, 20 K and 19 S names, 7 attitudes × 2, 4 notes: 279; and the tasks' 160 K/S codes
    assert _leaves(got) == _leaves(want) == 279 + 160
    # only the document's own content: no translation, no level descriptors, and where it came from
    assert "_en:" not in found.text and "levels:" not in found.text
    assert found.standard.source is not None and found.standard.source.document == SOURCE.name
    assert (found.standard.source.version, str(found.standard.source.date)) == ("V3", "2023-12-15")


@pytest.mark.parametrize(
    "how",
    [
        Typesetting(page=0),
        Typesetting(page=1, seed=1),
        Typesetting(page=2, wrap=3, seed=5),
        Typesetting(page=3, wrap=1, seed=7),
    ],
    ids=["no-breaks", "every-row-cut", "cut-and-wrapped", "narrow-columns"],
)
def test_the_bundled_standard_typeset_any_way_reads_back_to_itself(tmp_path: Path, how: Typesetting) -> None:
    found = _read(tmp_path, as_text(BUNDLED, how))
    assert found.problems == [] and found.standard is not None
    assert _dump(found.standard) == _dump(load_standard())


def test_the_bundled_standard_as_an_odt_reads_back_to_itself(tmp_path: Path) -> None:
    odt = tmp_path / "KMC3332-001v3.odt"
    as_odt(BUNDLED, odt)
    found = transcribe(odt, odt.name)
    assert found.problems == [] and found.standard is not None
    assert _dump(found.standard) == _dump(load_standard())


@settings(max_examples=examples(40))
@given(data=standards(), page=st.integers(0, 3), wrap=st.integers(0, 4), seed=st.integers(0, 99))
def test_any_standard_typeset_any_way_reads_back_to_itself(
    data: dict[str, Any], page: int, wrap: int, seed: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from kmc_gap.model.models import Standard

    text = as_text(data, Typesetting(page=page, wrap=wrap, seed=seed))
    found = _read(tmp_path_factory.mktemp("std"), text)
    assert found.problems == [] and found.standard is not None, [p.format("en") for p in found.problems]
    assert _dump(found.standard) == _dump(Standard.model_validate(data))


@pytest.mark.parametrize(
    ("change", "key", "args"),
    [
        # a row of T2.3 with a level of its own but no K or S: a new block, or not? Unclear
        (
            lambda s: s.replace("掌控行銷活動品質。\t\t\tS12 活動風險控管與衝突解決", "掌控行銷活動品質。\t3\t\t", 1),
            "transcribe.level_without_competency",
            {"task": "T2.3", "level": 3},
        ),
        # one knowledge code named two ways
        (
            lambda s: s.replace("K03 行銷學 K04 活動目標相關法規 K06", "K03 行銷概論 K04 活動目標相關法規 K06", 1),
            "transcribe.two_names",
            {"code": "K03", "first": "行銷學", "then": "行銷概論"},
        ),
    ],
    ids=["level-without-competency", "two-names"],
)
def test_a_layout_the_format_cannot_hold_is_refused_where_it_stands(
    tmp_path: Path, change: Any, key: str, args: dict[str, Any]
) -> None:
    text = change(SOURCE.read_text("utf-8"))
    assert text != SOURCE.read_text("utf-8")
    found = _read(tmp_path, text)
    assert found.text is None
    hits = [p for p in found.problems if p.key == key]
    assert len(hits) == 1 and hits[0].args == args and hits[0].line is not None and hits[0].column is not None


def test_a_new_task_code_on_a_row_without_indicators_shares_the_block_above(tmp_path: Path) -> None:
    # layout 3 across a page break: the next page's row names T1.2 but brings no P or O, only a K that
    # goes on with the block above: T1.2 shares T1.1's block, and K06 is the block's
    lines = SOURCE.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("T1 蒐集與分析"))
    lines.insert(at + 1, "\tT1.2 共用的任務\t\t\t\tK06 顧客關係與客戶服務\t")
    found = _read(tmp_path, "\n".join(lines) + "\n")
    assert found.problems == [] and found.standard is not None
    t11, t12 = found.standard.duties[0].tasks
    assert (t12.code, t12.same_as) == ("T1.2", "T1.1") and t11.knowledge[-1] == "K06"
    assert t12.knowledge == t11.knowledge  # judged by the block it shares


def test_several_categories_of_a_kind_are_all_kept(tmp_path: Path) -> None:
    first = "\t行業別\t支援服務業 / 旅行及相關服務業\t行業別代碼\tN7900\t"
    second = "\t行業別\t藝術、娛樂及休閒服務業\t行業別代碼\tR9000\t"
    text = SOURCE.read_text("utf-8").replace(first, f"{first}\n{second}", 1)
    found = _read(tmp_path, text)
    assert found.problems == [] and found.standard is not None
    categories = {key: (c.label, c.code) for key, c in found.standard.categories.items()}
    assert categories["industry"] == ("行業別", "N7900") and categories["industry_2"] == ("行業別", "R9000")


@pytest.mark.slow
def test_the_bundled_standard_printed_to_pdf_reads_back_to_itself(soffice: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = typeset_pdf(soffice, BUNDLED, tmp_path)
    # printed on A4 with the heading repeated, rows are cut by page breaks (T1.1's indicators and skills)
    pages = PdfReader(str(pdf)).pages
    assert len(pages) >= 3 and sum("主要職責" in page.extract_text() for page in pages) == len(pages)
    found = transcribe(pdf, pdf.name)
    assert (found.problems, found.choices) == ([], [])
    assert found.standard is not None and _dump(found.standard) == _dump(load_standard())


@pytest.mark.slow
def test_a_standard_of_long_cells_printed_to_pdf_reads_back_to_itself(soffice: str, tmp_path: Path) -> None:
    from kmc_gap.model.publication.pdf import pdf_text

    data = _long_standard()
    pdf = typeset_pdf(soffice, data, tmp_path)
    rows = [line.split("\t") for line in pdf_text(pdf.read_bytes(), pdf.name).splitlines() if "\t" in line]
    # 主要職責 工作任務 工作活動 工作產出 行為指標 級別 K S: a row the page breaks cut has its task and level empty
    cut = [row for row in rows if len(row) == 8 and not row[1] and not row[5] and row[4]]
    assert len(cut) >= 2
    found = transcribe(pdf, pdf.name)
    assert found.problems == [] and found.standard is not None, [p.format("en") for p in found.problems]
    from kmc_gap.model.models import Standard

    assert _dump(found.standard) == _dump(Standard.model_validate(data))
    odt = tmp_path / "again.odt"  # and the same standard from its ODT
    as_odt(data, odt)
    again = transcribe(odt, odt.name)
    assert again.standard is not None and _dump(again.standard) == _dump(found.standard)


def test_the_first_two_pages_of_bgm1219_read_to_what_is_there_and_say_where_the_text_stops() -> None:
    """Pages 1–2 of 6 of 基層主管, as a PDF viewer's copy gives them: no tabs, every cell broken into short
    lines, a 工作活動 column, level 5, K1/S1 codes, sub-points whose bullets the copy lost, a P cut by the
    page break. What is there is read; the problems say exactly where the text stops and what it leaves out."""
    found = transcribe(BGM, BGM.name)
    assert found.text is None  # a document cut short is never written
    problems = [(p.key, p.line, p.args) for p in found.problems]
    assert problems == [
        ("transcribe.task_lacks", 54, {"task": "T1.2", "part": Word("transcribe.part.outputs")}),
        ("transcribe.task_lacks", 54, {"task": "T1.2", "part": Word("transcribe.part.task_level")}),
        ("transcribe.truncated", 70, {"page": 2, "pages": 6, "code": "P1.2.3"}),
    ]
    choices = [(p.key, p.line, p.args) for p in found.choices]
    assert choices == [
        ("transcribe.activity_unclear", 28, {"task": "T1.1"}),  # the task's name runs over four lines
        ("transcribe.activity_unclear", 55, {"task": "T1.2"}),
        ("transcribe.continued", 68, {"code": "P1.2.2"}),  # 「協」 | page 2 | 「助每一位成員…」
    ]
    from kmc_gap.model.publication.document import transcribe_text

    data = transcribe_text(BGM.read_text("utf-8"), BGM.name, BGM.name).data
    assert (data["code"], data["name"], data["name_kind"], data["level"]) == ("BGM1219-002v2", "基層主管", "職業", 4)
    assert data["categories"]["industry"] == {
        "label": "行業別",
        "code": "M7010",
        "name": "專業、科學及技術服務業/企業總管理機構",
    }
    assert [(v["version"], v["date"]) for v in data["versions"]] == [("V2", "2018-12-21"), ("V1", "2015-12-31")]
    (duty,) = data["duties"]
    t11, t12 = duty["tasks"]
    assert (duty["name"], t11["name"], t11["level"], t12["name"]) == (
        "提升團隊效能",
        "設定能達成團隊目標的計畫",
        5,
        "增進團隊凝聚力",
    )
    assert [p["code"] for p in t11["indicators"]] == ["P1.1.1", "P1.1.2"]
    assert t12["indicators"][1]["text"] == "鼓勵並支持團隊成員為自己的工作負責,協助每一位成員承擔其扮演的角色與責任"
    assert (t11["knowledge"], t11["skills"]) == (["K1", "K2", "K3", "K4"], ["S1", "S2"])  # never renumbered K01
    assert data["knowledge"]["K4"] == {
        "name": "相關的原則與技巧:",
        "points": ["工作授權與工作分配", "目標設定", "團體動力學與過程", "個體行為與差異"],
    }
    assert data["skills"]["S1"]["points"][0] == "提振團隊士氣" and len(data["skills"]["S1"]["points"]) == 5
