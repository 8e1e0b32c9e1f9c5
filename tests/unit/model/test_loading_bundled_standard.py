"""The bundled data file is a complete, faithful transcription of the published standard."""

from __future__ import annotations

import datetime as dt

import pytest

from kmc_gap.model.loading import load_standard
from kmc_gap.model.lookup import index
from kmc_gap.model.models import Standard

import source_text
from source_text import squash

SRC = source_text.parse()


@pytest.fixture(scope="module")
def std() -> Standard:
    return load_standard()


def test_counts_match_the_issue_and_the_source(std: Standard) -> None:
    tasks = std.tasks()
    assert len(std.duties) == 5
    assert len(tasks) == 14 == len(SRC.tasks)
    assert sum(len(t.outputs) for t in tasks) == 23
    assert sum(len(t.indicators) for t in tasks) == 45
    assert list(std.knowledge) == [f"K{i:02d}" for i in range(1, 21)]
    assert list(std.skills) == [f"S{i:02d}" for i in range(1, 20)]
    assert list(std.attitudes) == [f"A{i:02d}" for i in range(1, 8)]
    # P + K + S per task, a K/S counted once per task that lists it:
    # K per task 5+2+6+9+8+5+6+5+6+13+3+4+5+4 = 81
    # S per task 5+5+7+9+9+6+5+5+5+8+4+5+5+1 = 79
    # 45 indicators + 81 + 79 = 205
    assert sum(len(t.knowledge) for t in tasks) == 81
    assert sum(len(t.skills) for t in tasks) == 79
    assert sum(len(t.required_codes()) for t in tasks) == 205


def test_header(std: Standard) -> None:
    h = SRC.header
    assert std.code == h["職能基準代碼"] == "KMC3332-001v3"
    assert std.name == "活動 (專案) 行銷企劃人員"
    assert std.level == int(h["基準級別"]) == 4
    assert std.description == h["工作描述"]
    cats = std.categories
    assert (
        (cats["field"].code, cats["field"].name) == (h["職類別_code"], h["職類別"]) == ("KMC", "行銷與銷售 / 行銷傳播")
    )
    assert (cats["occupation"].code, cats["occupation"].name) == (h["職業別_code"], h["職業別"])
    assert (
        (cats["industry"].code, cats["industry"].name)
        == (h["行業別_code"], h["行業別"])
        == (
            "N7900",
            "支援服務業 / 旅行及相關服務業",
        )
    )


def test_version_history(std: Standard) -> None:
    got = [[v.version, v.code, v.name, v.status, v.change, v.date.strftime("%Y/%m/%d")] for v in std.versions]
    assert got == SRC.versions
    assert std.versions[0].date == dt.date(2023, 12, 15)


def test_duties_and_tasks_follow_the_source(std: Standard) -> None:
    assert [d.code for d in std.duties] == list(SRC.duties)
    for duty in std.duties:
        assert squash(duty.name) == squash(SRC.duties[duty.code])
    assert [t.code for t in std.tasks()] == list(SRC.tasks)
    for task in std.tasks():
        src = SRC.tasks[task.code]
        assert std.duty_of(task.code).code == src.duty
        assert squash(task.name) == squash(src.name), task.code


def test_every_task_level(std: Standard) -> None:
    levels = {t.code: t.level for t in std.tasks()}
    assert levels == {code: src.level for code, src in SRC.tasks.items()}
    assert levels.pop("T5.3") == 3
    assert set(levels.values()) == {4}


@pytest.mark.parametrize("code", list(SRC.tasks))
def test_task_contents_word_for_word(std: Standard, code: str) -> None:
    task = next(t for t in std.tasks() if t.code == code)
    src = SRC.tasks[code]
    assert [(o.code, squash(o.name)) for o in task.outputs] == [(c, squash(n)) for c, n in src.outputs]
    assert [(p.code, squash(p.text)) for p in task.indicators] == [(c, squash(t)) for c, t in src.indicators]
    assert task.knowledge == [c for c, _ in src.knowledge]
    assert task.skills == [c for c, _ in src.skills]


def test_item_names_agree_with_every_listing_in_the_source(std: Standard) -> None:
    for src in SRC.tasks.values():
        for code, name in src.knowledge:
            assert squash(std.knowledge[code].name) == squash(name), (src.code, code)
        for code, name in src.skills:
            assert squash(std.skills[code].name) == squash(name), (src.code, code)


def test_attitudes_word_for_word(std: Standard) -> None:
    assert {c: (a.name, a.description) for c, a in std.attitudes.items()} == SRC.attitudes


def test_page_break_pieces_are_joined(std: Standard) -> None:
    entries = index(std)
    assert entries["O2.3.3"].name == "風險應變及備案計畫"
    assert entries["O2.3.3"].task == "T2.3"
    assert entries["P2.3.4"].name == "依行銷活動管理時程表，追蹤專案進度，掌控行銷活動品質。"
    assert entries["P4.3.3"].name == "完整記錄問題 / 突發事件處理情形，作為工作團隊後續緊急處理經驗之學習案例。"
    assert "S12" in next(t for t in std.tasks() if t.code == "T2.3").skills
    assert "K18" in next(t for t in std.tasks() if t.code == "T4.3").knowledge
    assert entries["O4.3.2"].task == "T4.3"


def test_sample_indicator_texts_exactly(std: Standard) -> None:
    entries = index(std)
    assert entries["P1.1.1"].name == "確認活動行銷目標，蒐集宣傳目標之相關背景資訊及輿情。"
    assert entries["P3.1.3"].name == (
        "尋找合適資源供應商，蒐集採購目標項目報價，確定採購規格、品質、提供服務及付款機制是否符合組織採購政策及活動規劃。"
    )
    assert entries["P3.2.1"].name == (
        "擬定供應商或贊助商協議書 (契約書)，提供採購協議書 (契約書) / 贊助需求書給潛在供應商或贊助商。"
    )
    assert entries["P5.3.2"].name == "確認供應商履行契約事宜，追蹤費用核銷進度。"
    assert entries["K18"].name == "應遵守之性別平等、兒童保護及其他特別保護法規與作業規定"


def test_notes_and_footnotes(std: Standard) -> None:
    text = "\n".join(SRC.lines)
    assert std.notes.qualifications[0].text in text
    assert squash(std.notes.remarks[0].text) in squash(text)
    for key, note in std.notes.footnotes.items():
        assert squash(note.text) in squash(text.replace("【註 1】", "").replace("【註 2】", "")), key
    assert set(std.notes.footnotes) == {"註1", "註2"}
    assert std.name_note == "註1"
    assert index(std)["O2.3.1"].code == "O2.3.1"
    assert next(o for t in std.tasks() for o in t.outputs if o.code == "O2.3.1").note == "註2"


def test_level_descriptors(std: Standard) -> None:
    assert {n: d.description for n, d in std.levels.items()} == source_text.levels()


def test_every_text_has_an_english_rendering(std: Standard) -> None:
    assert std.name_en and std.description_en and "unofficial" in (std.translation or "")
    for duty in std.duties:
        assert duty.name_en
        for task in duty.tasks:
            assert task.name_en
            assert all(o.name_en for o in task.outputs)
            assert all(p.text_en for p in task.indicators)
    for items in (std.knowledge, std.skills, std.attitudes):
        assert all(item.name_en for item in items.values())
    assert all(a.description_en for a in std.attitudes.values())
    assert all(d.description_en for d in std.levels.values())
    assert all(c.name_en for c in std.categories.values())


def test_reviewed_english_renderings(std: Standard) -> None:
    """Renderings a bilingual review corrected stay corrected (the Chinese is checked above)."""
    entries = index(std)
    # 結案 is close-out, as everywhere else in the standard
    assert "project can be closed out" in entries["P5.3.1"].name_in("en")
    assert "account" not in entries["P5.3.1"].name_in("en")
    # 工作手冊 is a work manual, not an HR staff handbook
    assert entries["O4.2.1"].name_in("en").startswith("Work manual")
    # 進行招商 solicits businesses and sponsors; "partners" is 合作單位 elsewhere
    assert "partners" not in entries["P3.2.2"].name_in("en")
    assert "sponsorship acquisition strategy" in entries["P3.1.1"].name_in("en")
    assert "in real time" in entries["P4.2.2"].name_in("en")
    assert "fosters consensus" in entries["P2.3.1"].name_in("en")
    assert "marketing and promotion results analysis" in entries["P5.2.1"].name_in("en")
    assert "target industry or product" in entries["K04"].name_in("en")
    # 計畫書 = plan, 提案 = proposal: S08 is about plans only
    assert "proposal" not in entries["S08"].name_in("en").lower()
    # qualifiers the first rendering dropped
    assert "on their own" in (entries["A02"].description_en or "")
    assert "highly tense" in (entries["A03"].description_en or "")
    assert "all kinds of" in (entries["A03"].description_en or "")
    assert "on their own initiative" in (entries["A07"].description_en or "")
    assert "challenging" in (entries["A07"].description_en or "")
    assert "food and beverage" in (std.notes.remarks[0].text_en or "")
    assert all(v.name_en for v in std.versions)


def test_level_descriptors_are_distinct_in_english(std: Standard) -> None:
    """Different Chinese descriptors never share an English phrase for judgement (少許 ≠ 某些)."""
    english = {n: d.description_en for n, d in std.levels.items()}
    assert len(set(english.values())) == len(english)
    assert "a limited degree of judgement" in (english[3] or "")
    assert "some judgement" in (english[2] or "")
    assert "some judgement" not in (english[3] or "")
