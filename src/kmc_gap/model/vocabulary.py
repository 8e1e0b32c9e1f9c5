"""The words HR files are read by: header aliases, value words, units, date marks — input, never output.

Every user-facing sentence is in :mod:`kmc_gap.words.catalogue`, in both languages; what is here is the
vocabulary kmc-gap *recognises* in the files people give it (a 結訓日期 header, a 缺課 cell, a 小計 row,
``1.5hr``), compared with width, case and spaces folded. It lives with the reading, not with the words a
person reads, so that adding an export's header never touches the catalogue of messages.
"""

from __future__ import annotations

#: Evidence kinds as HR staff write them in Chinese, accepted in profiles and records; reports use the
#: English names.
KIND_ALIASES: dict[str, str] = {
    "訓練": "training",
    "證照": "certificate",
    "工作產出": "work_output",
    "工作經歷": "experience",
    "評核": "assessment",
    "自評": "self_report",
    "內訓": "training",
    "外訓": "training",
    "線上": "training",
    "數位": "training",
    "實體": "training",
    "數位學習": "training",
    "線上課程": "training",
    "專業證照": "certificate",
    "國家證照": "certificate",
    "國際證照": "certificate",
}

#: How dates are written in the Republic of China calendar (民國114年3月1日 is 2025-03-01).
DATE_WORDS: dict[str, str] = {"era": "民國", "year": "年", "month": "月", "day": "日", "western": "西元|公元"}

#: The headers of HR record files, by field: what training systems, ERPs and certificate tables write.
#: The field's own name (``person_id``) is recognised too; ``--columns field=header`` adds any other.
RECORD_HEADERS: dict[str, tuple[str, ...]] = {
    "person_id": (
        "員工編號",
        "工號",
        "員編",
        "人員編號",
        "員工代號",
        "人員代號",
        "employee_id",
        "staff_id",
        "emp_no",
        "id",
        "employee_no",
        "employee_number",
        "emp_id",
        "staff_no",
        "員工代碼",
        "學員編號",
        "學員代號",
        "人事編號",
    ),
    "name": (
        "姓名",
        "員工姓名",
        "學員姓名",
        "中文姓名",
        "人員姓名",
        "參訓人員",
        "受訓人員",
        "full_name",
        "employee_name",
        "learner_name",
    ),
    "organisation": (
        "單位",
        "部門",
        "單位名稱",
        "部門名稱",
        "所屬部門",
        "所屬單位",
        "部門別",
        "organization",
        "department",
        "dept",
        "單位別",
        "處室",
        "division",
        "business_unit",
        "department_name",
    ),
    "role": ("職稱", "職務", "職位", "job_title", "position"),
    "course": (
        "課程代號",
        "課程編號",
        "課程代碼",
        "班別代號",
        "開班代號",
        "證照代碼",
        "course_code",
        "course_id",
        "course_no",
        "class_code",
        "code",
    ),
    "title": (
        "課程名稱",
        "證照名稱",
        "項目名稱",
        "名稱",
        "班別名稱",
        "班別",
        "開班名稱",
        "訓練課程",
        "訓練名稱",
        "研習名稱",
        "外訓課程",
        "course_title",
        "course_name",
        "training_title",
        "training_name",
        "certificate_name",
        "certification",
        "program",
    ),
    "kind": ("類別", "種類", "證據類別", "訓練類別", "訓練類型", "課程類別", "type"),
    "date": (
        "結訓日期",
        "完成日期",
        "訓練日期",
        "取得日期",
        "上課日期",
        "發證日期",
        "日期",
        "結業日期",
        "訓練期間",
        "上課期間",
        "訓練起迄日",
        "起訖日期",
        "證照取得日期",
        "考取日期",
        "起迄日",
        "起訖日",
        "結訓日",
        "完訓日期",
        "完成日",
        "研習日期",
        "授證日期",
        "核發日期",
        "訓練迄日",
        "訓練訖日",
        "上課迄日",
        "迄日",
        "訖日",
        "結束日期",
        "結束日",
        "訓練結束日",
        "訓練結束日期",
        "課程結束日期",
        "completed",
        "completion_date",
        "date_completed",
        "completed_on",
        "end_date",
        "issue_date",
        "date_issued",
        "date",
    ),
    "expires": (
        "到期日",
        "有效期限",
        "有效日期",
        "證照有效期限",
        "證照到期日",
        "有效期限至",
        "有效期至",
        "到期日期",
        "證照效期",
        "expiry",
        "expiry_date",
        "expiration_date",
        "expires",
        "valid_until",
        "valid_to",
    ),
    "level": ("職能級別", "級別", "icap_level"),
    "covers": ("職能內涵", "對應代碼", "職能代碼", "codes"),
    "hours": (
        "訓練時數",
        "時數",
        "上課時數",
        "學習時數",
        "課程時數",
        "研習時數",
        "認證時數",
        "實際時數",
        "實際訓練時數",
        "認列時數",
        "核定時數",
        "training_hours",
        "duration",
        "credit_hours",
        "learning_hours",
    ),
    "verified_by": (
        "確認者",
        "核定人",
        "審核人",
        "發出單位",
        "發證單位",
        "verifier",
        "approved_by",
        "issuer",
        "issued_by",
        "issuing_body",
        "發照單位",
        "核發單位",
    ),
    "provider": (
        "講師",
        "授課單位",
        "開課單位",
        "辦理單位",
        "主辦單位",
        "訓練單位",
        "培訓單位",
        "訓練機構",
        "培訓機構",
        "trainer",
        "instructor",
        "provider",
        "training_provider",
        "vendor",
    ),
    "reference": ("證書字號", "證照字號", "證號", "證照編號", "證書編號", "certificate_no", "ref"),
    "score": (
        "結訓成績",
        "成績",
        "分數",
        "測驗成績",
        "測驗分數",
        "考試成績",
        "總成績",
        "test_score",
        "exam_score",
        "grade",
    ),
    "passed": (
        "是否合格",
        "合格否",
        "通過否",
        "是否結訓",
        "合格",
        "通過",
        "結訓",
        "結果",
        "考核結果",
        "測驗結果",
        "評量結果",
        "結訓結果",
        "是否通過",
        "合格與否",
        "結訓狀態",
        "完訓狀態",
        "學習狀態",
        "修課狀態",
        "狀態",
        "結業",
        "完訓",
        "結業證明",
        "結業證書",
        "完訓證明",
        "結訓證明",
        "證書",
        "取得證書",
        "result",
        "pass",
        "status",
        "completion_status",
        "outcome",
    ),
    "attendance": (
        "出席",
        "出勤",
        "出缺勤",
        "出席狀況",
        "出席情形",
        "出席狀態",
        "辦理情形",
        "辦理狀態",
        "開班狀態",
        "課程狀態",
        "attended",
        "attendance_status",
    ),
    "note": ("備註", "附註", "說明", "notes", "remark", "remarks", "comment", "comments", "memo"),
    "employment": ("在職狀態", "在職狀況", "任職狀態", "在職", "在職否", "員工狀態", "employment_status", "active"),
    "left_on": ("離職日", "離職日期", "離職時間", "leave_date", "termination_date", "left_on", "end_of_employment"),
}

#: Headers HR exports carry that are no evidence: read past quietly, and never offered as a did-you-mean
#: (到職日 is a hire date: read as 到期日, an expiry, it would end every certificate on the hire day).
IGNORED_HEADERS: tuple[str, ...] = (
    "到職日",
    "到職日期",
    "生日",
    "出生日期",
    "出生年月日",
    "身分證字號",
    "身份證字號",
    "身分證",
    "電話",
    "手機",
    "分機",
    "行動電話",
    "電子郵件",
    "email",
    "e-mail",
    "地址",
    "性別",
    "年資",
    "年齡",
    "薪資",
    "薪水",
    "學歷",
    "職等",
    "職級",
    "主管",
    "直屬主管",
    "序號",
    "項次",
    "no",
    "no.",
    "年度",
    "期別",
    "梯次",
    "班次",
    "地點",
    "上課地點",
    "報名日期",
    "開課日期",
    "開始日期",
    "開課日",
    "訓練開始日",
    "訓練開始日期",
    "訓練起日",
    "上課起日",
    "起日",
    "開始日",
    "start_date",
    "begin_date",
    "身分別",
    "學員類別",
    "費用",
    "個人費用",
    "訓練費用",
    "人數",
    "筆數",
    "hire_date",
    "birthday",
    "gender",
    "phone",
    "salary",
)

#: Headers only a roster (人員名冊) carries: a table of people with one of these and no record columns is the
#: team; a table of people without one (a training passport, a list of names) is never taken for it.
ROSTER_MARKS: tuple[str, ...] = ("到職日", "到職日期", "報到日", "hire_date", "start_of_employment", "在職狀態")

#: How HR exports say a course was passed, failed, missed or attended; compared with width and case folded.
PASS_WORDS: tuple[str, ...] = (
    "是",
    "合格",
    "通過",
    "及格",
    "結訓",
    "已結訓",
    "完成",
    "已完成",
    "y",
    "yes",
    "✓",
    "✔",
    "v",
    "○",
    "pass",
    "passed",
    "true",
    "ok",
    "有",
    "completed",
    "complete",
    "p",
)
FAIL_WORDS: tuple[str, ...] = (
    "否",
    "不合格",
    "未通過",
    "不通過",
    "不及格",
    "未結訓",
    "未合格",
    "n",
    "no",
    "✗",
    "✘",
    "×",
    "x",
    "fail",
    "failed",
    "false",
    "無",
    "not completed",
    "f",
)
ABSENT_WORDS: tuple[str, ...] = (
    "缺課",
    "缺席",
    "未到",
    "請假",
    "未完成",
    "缺考",
    "曠課",
    "未出席",
    "未簽到",
    "缺",
    "缺勤",
    "absent",
    "absence",
    "no-show",
    "no show",
    "incomplete",
)
PRESENT_WORDS: tuple[str, ...] = (
    "出席",
    "遲到",
    "早退",
    "已簽到",
    "已出席",
    "全勤",
    "到",
    "已到",
    "已辦理",
    "已開課",
    "如期辦理",
    "如期開課",
    "已結束",
    "present",
    "attended",
    "full",
    "held",
)

#: An expiry cell that says "never expires".
#: What an assessment form's rating cell may say for an item the rater cannot judge: no rating, not a problem.
NOT_APPLICABLE_WORDS: tuple[str, ...] = ("不適用", "無法評核", "n/a", "na", "-", "—", "－", "not applicable")

NO_EXPIRY_WORDS: tuple[str, ...] = (
    "永久有效",
    "永久",
    "無期限",
    "無限期",
    "不限",
    "長期有效",
    "終身有效",
    "無",
    "—",
    "–",
    "-",
    "－",
    "n/a",
    "na",
    "none",
    "never",
    "permanent",
)

#: The labels of rows that are not records: subtotals and totals, and note lines under a table.
SUMMARY_WORDS: tuple[str, ...] = (
    "小計",
    "合計",
    "總計",
    "總平均",
    "平均",
    "subtotal",
    "total",
    "grand total",
    "average",
)
NOTE_PREFIXES: tuple[str, ...] = ("註", "備註", "附註", "說明", "※", "*", "note", "remark")

#: Words in an unknown header that make its column one of results or attendance (簽到, 考核成績): such a
#: column is never read past as unused, since its fails and absences would count as training.
RESULT_HEADER_WORDS: tuple[str, ...] = (
    "簽到",
    "簽退",
    "考核",
    "測驗",
    "評量",
    "考試",
    "評核",
    "成績",
    "分數",
    "出勤",
    "出席",
    "缺席",
    "缺課",
    "結果",
    "合格",
    "通過",
    "結訓",
    "完訓",
    "score",
    "grade",
    "result",
    "attend",
    "exam",
)

#: Of those, the words that make it attendance (a 簽到 column of ○ and × says who came, not who passed).
ATTENDANCE_HEADER_WORDS: tuple[str, ...] = ("簽到", "簽退", "出勤", "出席", "缺席", "缺課", "attend")

#: Units written after a number of hours (21小時, 21 hr, 1.5H) and after a score (58分).
HOUR_UNITS: tuple[str, ...] = ("小時", "時", "hours", "hour", "hrs", "hr", "h")
#: Units of minutes, read as hours in an hours column (90分鐘 is 1.5).
MINUTE_UNITS: tuple[str, ...] = ("分鐘", "minutes", "minute", "mins", "min")
SCORE_UNITS: tuple[str, ...] = ("分", "points", "pts", "pt", "%", "％")

#: What stands between the first and last day of a course of several days (113/09/23~113/09/25).
RANGE_MARKS: tuple[str, ...] = ("~", "～", "〜", "–", "—", "至", "到", "-")

#: The headers of a course catalogue kept as a spreadsheet (``--catalog courses.xlsx``), by field.
CATALOG_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("課程代號", "課程代碼", "課程編號", "班別代號", "證照代碼", "course", "course_code", "course_id"),
    "kind": ("類別", "種類", "課程類別", "type"),
    "title": ("課程名稱", "證照名稱", "名稱", "班別名稱", "course_title", "course_name"),
    "provider": ("辦理單位", "開課單位", "授課單位", "講師", "訓練機構"),
    "hours": ("時數", "訓練時數", "課程時數"),
    "level": ("職能級別", "級別", "icap_level"),
    "covers": ("職能內涵", "對應代碼", "職能代碼", "codes"),
    "cost": ("開班費", "開班費用", "課程費用", "費用"),
    "seat_cost": ("每人費用", "每人單價", "單價"),
    "pass_mark": ("及格分數", "及格標準", "合格分數"),
    "unrelated": ("與職能基準無關", "無關", "不相關"),
    "note": ("備註", "說明", "notes"),
}
#: Catalogue headers that ``catalog init`` writes for the officer's eyes only.
CATALOG_IGNORED: tuple[str, ...] = ("人數", "筆數", "people", "rows")
#: What stands before or after an amount of money (NT$12,000, 12000元).
MONEY_MARKS: tuple[str, ...] = ("nt$", "ntd", "$", "元", "twd")

#: Words in a table's headers that make its rows certificates by default (a 證照 sheet has no 類別 column).
CERTIFICATE_MARKS: tuple[str, ...] = ("證照", "證書", "certificate", "licence", "license")

#: Words around a time of day written after a date (2026/3/5 上午 09:00:00, 2026-03-05 09:00 PM).
TIME_WORDS: tuple[str, ...] = ("上午", "下午", "中午", "晚上", "凌晨", "早上", "am", "pm", "a.m.", "p.m.")

#: A course that counts without having been sat the usual way (exempted, credited, passed on a resit):
#: the row counts, and its note says which.
EXEMPT_WORDS: tuple[str, ...] = (
    "免試",
    "抵免",
    "免訓",
    "免修",
    "補考通過",
    "補考及格",
    "補考合格",
    "exempt",
    "exempted",
    "credited",
    "waived",
)

#: A course that was left or dropped before its end: read as not passed (結訓狀態 退訓).
WITHDRAWN_WORDS: tuple[str, ...] = (
    "退訓",
    "中途退訓",
    "退選",
    "未完訓",
    "退出",
    "中輟",
    "補考未通過",
    "withdrawn",
    "withdrew",
    "dropped",
)

#: A row that is no record of training taken: enrolled, waitlisted, not started, cancelled. Passed over
#: and counted as such, never as a fail.
NOT_TAKEN_WORDS: tuple[str, ...] = (
    "報名中",
    "已報名",
    "報名",
    "未開課",
    "待開課",
    "尚未開課",
    "取消",
    "已取消",
    "課程取消",
    "停班",
    "停開",
    "不開班",
    "候補",
    "候補中",
    "延期",
    "待審核",
    "審核中",
    "enrolled",
    "registered",
    "waitlisted",
    "waitlist",
    "cancelled",
    "canceled",
    "not started",
    "scheduled",
    "postponed",
)

#: Words before a header that make it a planned figure, not what happened: 應到時數 is not 時數.
PLANNED_PREFIXES: tuple[str, ...] = (
    "應到",
    "應出席",
    "應",
    "預計",
    "預定",
    "表定",
    "規定",
    "需",
    "planned",
    "scheduled",
    "required",
)

#: A roster's 在職狀態 saying a person has left (離職) or is away for good; any other word (在職, 試用) keeps them.
LEFT_WORDS: tuple[str, ...] = (
    "離職",
    "已離職",
    "離職中",
    "退休",
    "已退休",
    "資遣",
    "解僱",
    "left",
    "terminated",
    "resigned",
    "inactive",
)

#: A catalogue's 類別 for an exam to sit (besides the certificate marks), and for a course.
EXAM_MARKS: tuple[str, ...] = ("exam", "考試", "檢定")
COURSE_WORDS: tuple[str, ...] = ("course", "training", "課程", "訓練", "內訓", "外訓", "班別")


# --------------------------------------------------------------------------- published standards (transcribe)

#: The heading row of a standard's version table.
STANDARD_VERSION_HEADING: tuple[str, ...] = ("版本", "職能基準代碼", "職能基準名稱", "狀態", "更新說明", "發展更新日期")
#: The header table's labels, each with the field its value goes to.
STANDARD_FIELDS: dict[str, str] = {"職能基準代碼": "code", "工作描述": "description", "基準級別": "level"}
#: The two ways a standard is named (one of them is filled in): by 職類 or by 職業.
STANDARD_NAME_KINDS: tuple[str, ...] = ("職類", "職業")
#: The categories, each with its key in the data file; a category's code follows ``label + 代碼``.
STANDARD_CATEGORIES: dict[str, str] = {"職類別": "field", "職業別": "occupation", "行業別": "industry"}
STANDARD_CODE_SUFFIX = "代碼"
#: Each column of the main table, by the words of its heading (職能級別 may be printed 職能 級別).
STANDARD_COLUMNS: dict[str, tuple[str, ...]] = {
    "duty": ("主要職責",),
    "task": ("工作任務",),
    "activity": ("工作活動",),
    "outputs": ("工作產出",),
    "indicators": ("行為指標",),
    "level": ("級別",),
    "knowledge": ("K=", "knowledge", "知識"),
    "skills": ("S=", "skills", "技能"),
}
#: A page's number as a copy out of the document keeps it: 第 1 頁,總共 6 頁 (or 第 1 頁，共 6 頁).
STANDARD_PAGE = r"第\s*(\d+)\s*頁\s*[,，]?\s*(?:總)?共\s*(\d+)\s*頁"
#: The heading of the attitudes: 職能內涵 (A=attitude 態度).
STANDARD_ATTITUDES = r"職能內涵\s*[（(]\s*A\s*="
#: The closing part, and the headings of its two lists.
STANDARD_CLOSING = "說明與補充事項"
STANDARD_QUALIFICATIONS: tuple[str, ...] = ("建議擔任", "建議學歷", "建議經歷")
STANDARD_REMARKS = "其他補充說明"
#: A footnote mark (【註1】, 【註 1】, ^{【註1】}) and the key its note has in the data file (註1).
STANDARD_NOTE_MARK = r"\s*\^?\{?【\s*註\s*(\d+)\s*】\}?"
STANDARD_NOTE_KEY = "註{n}"
#: A footnote of the closing part: 【註 1】 and its text.
STANDARD_FOOTNOTE = r"^【\s*註\s*(\d+)\s*】\s*(.+)$"
#: The words of the main table's heading, as a copy without tabs breaks it over several lines.
STANDARD_HEADING_WORDS: frozenset[str] = frozenset(
    {"主要職責", "工作任務", "工作活動", "工作產出", "行為指標", "職能", "級別", "職能級別", "職能內涵", "(K=knowledge",
     "(S=skills", "知識)", "技能)", "(K=knowledge知識)", "(S=skills技能)"}
)  # fmt: skip
#: A version's status (its row of the version table, read without tabs, is split around it).
STANDARD_STATUSES: tuple[str, ...] = ("最新版本", "歷史版本", "停用")
#: The marks a sub-point under a K or S item starts with (U+F0B7 is Symbol's bullet, as a PDF gives it).
STANDARD_BULLETS: tuple[str, ...] = ("\uf0b7", "•", "●", "‧", "・", "-")
#: The words that tell the main table's heading in a copy without tabs (its first line holds them all).
STANDARD_HEADING_MARKS: frozenset[str] = frozenset({"工作任務", "工作產出", "行為指標"})
