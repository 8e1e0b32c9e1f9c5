"""Words shown in tables and headings, in Traditional Chinese and English."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "level": ("職能級別", "Level"),
    "level_short": ("級別", "Lv"),
    "outputs": ("工作產出", "Work outputs"),
    "indicators": ("行為指標", "Behaviour indicators"),
    "knowledge": ("知識", "Knowledge"),
    "skills": ("技能", "Skills"),
    "attitudes": ("態度", "Attitudes"),
    "duty": ("主要職責", "Duty"),
    "task": ("工作任務", "Task"),
    "code": ("代碼", "Code"),
    "name": ("名稱", "Name"),
    "required_by": ("需要此項目的工作任務", "Tasks that require it"),
    "required_by_none": ("（無工作任務列出此項目）", "(no task lists this item)"),
    "attitude_note": (
        "態度適用於整個職能基準，不屬於特定工作任務。",
        "Attitudes apply to the whole standard, not to particular tasks.",
    ),
    "kind.output": ("工作產出", "work output"),
    "kind.indicator": ("行為指標", "behaviour indicator"),
    "kind.knowledge": ("知識", "knowledge"),
    "kind.skill": ("技能", "skill"),
    "kind.attitude": ("態度", "attitude"),
    "counts": ("產出{o}·指標{p}·知識{k}·技能{s}", "O{o}·P{p}·K{k}·S{s}"),
    # assess
    "person": ("人員", "Person"),
    "standard": ("職能基準", "Standard"),
    "as_of": ("評估日期", "As of"),
    "policy": ("採計規則", "Policy"),
    "verdict": ("結論", "Verdict"),
    "verdict.met": ("符合職能基準", "Meets the standard"),
    "verdict.not_met": ("尚未符合職能基準", "Does not yet meet the standard"),
    "status": ("狀態", "Status"),
    "status.met": ("符合", "met"),
    "status.partial": ("部分", "partial"),
    "status.missing": ("未符合", "missing"),
    "required": ("要求", "Req."),
    "attained": ("達到", "Att."),
    "met_total": ("符合", "Met"),
    "task_short": ("任務", "Task"),
    "coverage": ("涵蓋率", "Coverage"),
    "tasks_met": ("符合的工作任務", "Tasks met"),
    "items_met": ("符合的項目", "Items met"),
    "gaps": ("主要落差（建議優先補強）", "Top gaps (learn these first)"),
    "gaps_none": ("沒有落差。", "No gaps."),
    "gaps_more": ("……另有 {n} 項落差，完整清單請用 --format json", "… and {n} more gaps; see --format json"),
    "blocks": ("任務數", "Tasks"),
    "best": ("最佳", "Best"),
    "attitude_met": ("已具備", "shown"),
    "attitude_missing": ("未見證據", "no evidence"),
    "attitude_gate": ("（態度不影響結論）", "(attitudes do not affect the verdict)"),
    "not_counted": ("未採計的證據", "Evidence not counted"),
    "none": ("無", "none"),
    "reason": ("原因", "Reason"),
    "evidence": ("證據", "Evidence"),
    "reason.future": ("日期晚於評估日", "dated after the as-of date"),
    "reason.expired": ("已過期", "expired"),
    "reason.kind_not_accepted": ("此類證據不採計", "kind not accepted"),
    "reason.not_verified": ("未經驗證", "not verified"),
    "reason.too_old": ("超過 {years} 年", "older than {years} years"),
    "summary_line": (
        "工作任務 {tm}/{tt} · 項目 {im}/{it}（{pct}）",
        "tasks {tm}/{tt} · items {im}/{it} ({pct})",
    ),
}


def label(key: str, lang: str, **args: object) -> str:
    """The label ``key`` in ``lang`` (zh-TW or en), formatted with ``args``."""
    zh, en = LABELS[key]
    return (en if lang == "en" else zh).format(**args)
