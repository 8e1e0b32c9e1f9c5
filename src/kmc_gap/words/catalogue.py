"""The catalogue: each key maps to a (Traditional Chinese, English) pair of ``str.format`` templates.

A test checks that every entry has both languages with the same placeholders, and that no
Chinese text is written anywhere else in ``src/``.
"""

from __future__ import annotations

from kmc_gap.words.plural import Plural

WORDS: dict[str, tuple[str, str | Plural]] = {
    "list.separator": ("、", ", "),
    # a parenthetical after a word: full-width brackets and no space in Chinese, a space and Latin ones in English
    "punct.aside": ("（{text}）", " ({text})"),
    "punct.colon": ("：", ": "),
    "list.semicolon": ("；", "; "),
    "policy.name.default": ("預設", "default"),
    "policy.name.strict": ("嚴格", "strict"),
    "policy.min_evidence": (
        "每一項至少 {n} 筆採計的證據",
        Plural("n", "at least {n} counting item for each item", "at least {n} counting items for each item"),
    ),
    "policy.verified": ("只採計經確認的證據", "only verified evidence counts"),
    "policy.unverified": ("不要求確認", "verification not required"),
    "policy.max_age": (
        "只採計 {years} 年內的證據",
        Plural(
            "years", "only evidence of the last {years} year counts", "only evidence of the last {years} years counts"
        ),
    ),
    "policy.any_age": ("不限證據年限", "evidence of any age counts"),
    "policy.kinds": ("採計：{kinds}", "kinds counted: {kinds}"),
    "policy.attitudes_gate": ("態度納入結論", "attitudes decide the verdict too"),
    "policy.attitudes_free": ("態度不影響結論", "attitudes do not affect the verdict"),
    "policy.outputs_gate": ("工作產出納入任務判定", "work outputs decide each task too"),
    "policy.outputs_free": ("工作產出不影響任務判定", "work outputs do not affect the tasks"),
    "policy.pass_mark": ("及格分數 {mark}", "pass mark {mark}"),
    # ------------------------------------------------------------------ reading files
    "file.missing": ("找不到檔案", "file not found"),
    "file.is_dir": ("這是資料夾，不是檔案", "is a directory, not a file"),
    "file.not_regular": (
        "不是一般檔案（可能是管線或裝置），不予讀取",
        "not a regular file (a pipe or a device): not read",
    ),
    "file.unreadable": ("無法讀取檔案（{reason}）", "cannot read the file ({reason})"),
    "file.too_large": (
        "檔案過大（{size} 位元組，上限 {limit}；可用 --max-size 調整）",
        "file too large ({size} bytes, limit {limit}; see --max-size)",
    ),
    "file.binary": ("這是二進位檔，不是 YAML 文字檔", "binary file, not YAML text"),
    "file.big5": (
        "檔案不是 UTF-8 編碼（看來是 Big5）；請轉成 UTF-8，例如：iconv -f BIG5 -t UTF-8 舊檔 > 新檔",
        "file is not UTF-8 (it looks like Big5); convert it, e.g. iconv -f BIG5 -t UTF-8 old > new",
    ),
    "file.no_profiles": (
        "找不到任何 *.yaml 或 *.yml 證據檔，也沒有憑證（*.json、*.jwt）",
        "no *.yaml or *.yml profiles found, and no credentials (*.json, *.jwt)",
    ),
    "file.skipped_folder": ("略過無法讀取的資料夾（{reason}）", "skipped a folder that cannot be read ({reason})"),
    "file.skipped_other": (
        "不是 kmc-gap 的檔案（沒有 standard、evidence 或 courses），已略過",
        "not a kmc-gap file (no standard, evidence or courses), skipped",
    ),
    "file.skipped_catalog": ("這是課程目錄，不是證據檔，已略過", "a course catalogue, not a profile: skipped"),
    "file.skipped_link": ("略過指向不存在檔案的連結", "skipped a link to a file that does not exist"),
    "file.skipped_special": (
        "略過不是一般檔案的項目（管線或裝置）",
        "skipped an entry that is not a regular file (a pipe or a device)",
    ),
    "run.warning": ("警告：{message}", "warning: {message}"),
    "run.duplicate_person": (
        "人員編號 {id} 也出現在 {other}：同一個人有兩份證據檔？",
        "person id {id} also appears in {other}: one person with two profiles?",
    ),
    "file.exists": ("檔案已存在；要覆寫請加 --force", "file already exists; use --force to overwrite it"),
    "file.unwritable": ("無法寫入檔案（{reason}）", "cannot write the file ({reason})"),
    "file.output_is_input": (
        "輸出檔就是輸入檔之一；請換一個 -o 檔名，以免覆蓋輸入",
        "the output is one of the inputs; choose another -o path so that no input is overwritten",
    ),
    "file.output_not_file": (
        "這不是一般檔案、也不是裝置或管線，無法寫入",
        "not a regular file, a device or a pipe: refusing to write to it",
    ),
    "file.output_unusable": ("無法使用這個輸出路徑", "this output path cannot be used"),
    "file.not_utf8": ("檔案不是 UTF-8 編碼；請以 UTF-8 另存", "file is not UTF-8; save it as UTF-8"),
    # ------------------------------------------------------------------ HR record files (csv, xlsx)
    "records.encoding": (
        "CSV 檔不是 UTF-8、UTF-16 或 Big5 編碼；請在 Excel 以「CSV UTF-8」另存",
        'the CSV file is not UTF-8, UTF-16 or Big5; save it from Excel as "CSV UTF-8"',
    ),
    "records.binary": ("這是二進位檔，不是 CSV 文字檔", "binary file, not CSV text"),
    "records.xml_broken": (
        "XML 試算表格式有誤，無法讀取",
        "the XML spreadsheet is malformed and cannot be read",
    ),
    "records.csv_broken": ("CSV 格式有誤（引號未成對？）", "the CSV is malformed (an unclosed quote?)"),
    "records.not_workbook": (
        "無法讀取這個試算表檔案（損毀，或不是 Excel／LibreOffice 檔）",
        "cannot read this spreadsheet (damaged, or not an Excel or LibreOffice file)",
    ),
    "records.workbook_unpacks": (
        "活頁簿解壓後有 {size} 位元組，超過上限 {limit}：不予讀取（上限為 --max-size 的 {factor} 倍）",
        "the workbook unpacks to {size} bytes, over the limit of {limit}: not read "
        "(the limit is {factor} times --max-size)",
    ),
    "records.workbook_bomb": (
        "活頁簿中的 {member} 壓縮比異常（超過 200 倍），可能是壓縮炸彈：不予讀取",
        "{member} in the workbook is compressed more than 200 to 1 (a zip bomb?): not read",
    ),
    "records.workbook_repeats": (
        "這個試算表宣告把有內容的列重複 {rows} 列（上限 {limit}）：不是人資匯出的樣子，為免耗盡記憶體，未讀取",
        "this spreadsheet declares {rows} repeats of rows with content (the limit is {limit}): no HR export looks "
        "like that, and it is not read, so that it cannot exhaust memory",
    ),
    "records.workbook_grid": (
        "工作表的範圍（從第一格到最後一格）有 {cells} 格，超過上限 {limit}：可能有一格遠在表外，請刪除多餘的列與欄",
        "a sheet spans {cells} cells from its first cell to its last, over the limit of {limit}: "
        "a stray cell far outside the table? delete the extra rows and columns",
    ),
    "records.workbook_slow": (
        "讀取活頁簿超過 {seconds} 秒，已停止：檔案可能損毀",
        "reading the workbook took over {seconds} seconds and was stopped: the file may be damaged",
    ),
    "records.no_sheet": (
        "找不到工作表「{sheet}」（檔案中有：{sheets}）",
        'no sheet "{sheet}" (the file has: {sheets})',
    ),
    "records.empty": ("檔案中沒有任何紀錄", "the file holds no records"),
    "records.missing_column": (
        "找不到「{field}」欄；可用的標題：{headers}（或以 --columns 指定）",
        "no {field} column; headers recognised: {headers} (or map one with --columns)",
    ),
    "records.columns_header_missing": (
        "--columns 指定的標題「{header}」不在標題列中",
        'the header "{header}" given in --columns is not in the header row',
    ),
    "records.unused_column": ("未使用的欄位「{header}」", 'column "{header}" is not used'),
    "records.second_column": (
        "欄位「{header}」與「{first}」是同一種資料，只讀「{first}」",
        'column "{header}" holds the same field as "{first}": only "{first}" is read',
    ),
    "records.more_unused": ("另有 {n} 個未使用的欄位", "more columns not used: {n}"),
    "records.too_wide": (
        "這一列有 {n} 欄，超過上限 {limit}：檔案可能損毀",
        "this row has {n} columns, over the limit of {limit}: the file may be damaged",
    ),
    "records.wide_comma": (
        "標題「{header}」中間是全形逗號「，」：CSV 的欄位要以半形逗號 , 分隔",
        'the header "{header}" is separated by a full-width comma; CSV columns are separated by a plain comma ,',
    ),
    "records.unused_column_hint": (
        "未使用的欄位「{header}」；是不是「{suggestion}」？",
        'column "{header}" is not used; did you mean "{suggestion}"?',
    ),
    "records.empty_cell": ("「{field}」是空的", "{field} is empty"),
    "records.bad_date": (
        "「{value}」不是日期；可寫 2025-03-01、2025/3/1、2025年3月1日、114/03/01、1140301 或 民國114年3月1日",
        '"{value}" is not a date; write 2025-03-01, 2025/3/1, 1 Mar 2025, or with the ROC year 114/03/01 or 1140301',
    ),
    "records.ambiguous_date": (
        "「{value}」的日與月分不出先後：可能是 {dmy}（日/月/年），也可能是 {mdy}（月/日/年）；"
        "請改寫成 2025-03-01，或在對照檔（--mapping）寫明 date_order",
        '"{value}" may be day/month or month/day: {dmy} (day first) or {mdy} (month first); '
        "write it as 2025-03-01, or set date_order in the mapping (--mapping)",
    ),
    "records.bad_level": ("職能級別「{value}」應為 1 到 6", 'level "{value}" must be 1 to 6'),
    "records.bad_hours": (
        "時數「{value}」應為 0 到 100000 之間的數字",
        'hours "{value}" must be a number from 0 to 100000',
    ),
    "records.bad_kind": ("類別「{value}」不明；可用：{choices}", 'unknown kind "{value}"; use one of: {choices}'),
    "records.bad_kind_hint": (
        "類別「{value}」不明；是不是「{suggestion}」？（可用：{choices}）",
        'unknown kind "{value}"; did you mean "{suggestion}"? (use one of: {choices})',
    ),
    "records.no_competency": (
        "沒有職能級別與職能內涵，也沒有可查課程目錄的課程代號",
        "no level and codes, and no course code to look them up in the catalogue",
    ),
    "records.need_catalog": (
        "課程代號 {code}（{rows} 列、{people} 人）的職能級別與職能內涵要從課程目錄查：請加 --catalog 課程目錄"
        "（可用 kmc-gap catalog init 從紀錄產生）",
        "course {code} (rows: {rows}, people: {people}): its level and codes come from the course catalogue; "
        "add --catalog (kmc-gap catalog init makes one from the records)",
    ),
    "records.unknown_course": (
        "課程目錄沒有課程代號 {code}：{rows} 列、{people} 人未採計（與職能基準無關的課程請在目錄標 unrelated）",
        "the catalogue has no course {code}: not counted (rows: {rows}, people: {people}) "
        "(mark courses outside the standard unrelated in the catalogue)",
    ),
    "records.unknown_course_hint": (
        "課程目錄沒有課程代號 {code}：{rows} 列、{people} 人未採計；是不是 {suggestion}？",
        "the catalogue has no course {code}: not counted (rows: {rows}, people: {people}); did you mean {suggestion}?",
    ),
    "records.passed_over": (
        "略過 {n} 列非紀錄列：{counts}",
        Plural(
            "n",
            "passed over {n} row that is not a record: {counts}",
            "passed over {n} rows that are not records: {counts}",
        ),
    ),
    "records.skip.summary": ("小計／合計 {n} 列", "subtotals and totals {n}"),
    "records.skip.note": ("註記 {n} 列", "notes {n}"),
    "records.skip.section": ("部門標題 {n} 列", "section headings {n}"),
    "records.skip.header": ("重複的標題列 {n} 列", "repeated headers {n}"),
    "records.skip.unrelated": ("與職能基準無關的課程 {n} 列", "courses outside the standard {n}"),
    "records.skip.not_taken": (
        "未上課（報名中、取消…）{n} 列",
        "not taken (enrolled, waitlisted, not started, cancelled) {n}",
    ),
    "records.skip.rows": (
        "{n} 列",
        Plural("n", "{n} row", "{n} rows"),
    ),
    "records.sheet_skipped": (
        "工作表「{sheet}」沒有可辨識的標題列，已略過",
        'sheet "{sheet}" has no header row kmc-gap knows: skipped',
    ),
    "records.not_on_roster": (
        "人員編號 {id}（{name}）有訓練紀錄，但不在人員名冊中",
        "person id {id} ({name}) has records but is not on the roster",
    ),
    "records.hidden_rows": (
        "這張表有 {n} 列被隱藏（第 {rows} 列）：可能是篩選後看不到的資料，也可能是有人刻意藏起、不該算的列，"
        "此表各列暫不採計。請在對照檔（--mapping）加一行「hidden_rows: read」（照常讀取）"
        "或「hidden_rows: skip」（略過）",
        Plural(
            "n",
            "this table hides {n} row (row {rows}): the rows a filter hides are data, rows someone hid may be "
            'set aside, and no row of this table counts until the mapping (--mapping) says "hidden_rows: read" '
            '(read them) or "hidden_rows: skip" (pass them over)',
            "this table hides {n} rows (rows {rows}): the rows a filter hides are data, rows someone hid may be "
            'set aside, and no row of this table counts until the mapping (--mapping) says "hidden_rows: read" '
            '(read them) or "hidden_rows: skip" (pass them over)',
        ),
    ),
    "records.header_row_empty": (
        "對照檔說標題在第 {given} 列，但這張表的那一列是空的（或沒有那一列）",
        "the mapping puts the header on row {given}, but that row of this table is empty (or missing)",
    ),
    "records.name_unknown": (
        "這張表沒有人員編號欄，列依姓名對人；但名冊與其他紀錄都沒有「{name}」（{department}）：{n} 列未採計。"
        "請以 --roster 指定人員名冊，或在表中加上人員編號欄",
        Plural(
            "n",
            "this table has no person id column, so its rows are joined by name; but neither the roster nor the other "
            'records have "{name}" ({department}): {n} row not counted. Give the roster with --roster, or add a '
            "person id column",
            "this table has no person id column, so its rows are joined by name; but neither the roster nor the other "
            'records have "{name}" ({department}): {n} rows not counted. Give the roster with --roster, or add a '
            "person id column",
        ),
    ),
    "records.name_ambiguous": (
        "這張表沒有人員編號欄；「{name}」（{department}）有同名的人：{people}，部門也分不出是誰：{n} 列未採計。"
        "請在表中加上人員編號欄或部門欄",
        Plural(
            "n",
            'this table has no person id column; "{name}" ({department}) could be any of {people}, and the department '
            "does not settle who: {n} row not counted. Add a person id or department column to the table",
            'this table has no person id column; "{name}" ({department}) could be any of {people}, and the department '
            "does not settle who: {n} rows not counted. Add a person id or department column to the table",
        ),
    ),
    "records.name_department": (
        "這張表沒有人員編號欄；唯一的「{name}」是 {people}，但這裡的部門是「{department}」，可能是另一個人：{n} 列"
        "未採計。若確是同一人（調過部門），請在對照檔加上一行 join: name",
        Plural(
            "n",
            'this table has no person id column; the one "{name}" known is {people}, but the department here is '
            '"{department}", so it may be someone else: {n} row not counted. If it is the same person (who moved), '
            "add the line join: name to the mapping",
            'this table has no person id column; the one "{name}" known is {people}, but the department here is '
            '"{department}", so it may be someone else: {n} rows not counted. If it is the same person (who moved), '
            "add the line join: name to the mapping",
        ),
    ),
    "records.bad_score": (
        "成績「{value}」不是 0 以上的數字，也不是合格／不合格／缺考",
        'score "{value}" is not a number of 0 or more, nor pass, fail or absent',
    ),
    "records.bad_result": (
        "「{value}」看不出是否合格；可寫 是／否、合格／不合格、通過／未通過、Y／N、缺課",
        '"{value}" does not say pass or fail; write yes/no, pass/fail, Y/N, or absent',
    ),
    "records.bad_attendance": (
        "「{value}」看不出是否出席；可寫 出席／缺席、缺課、請假、未到",
        '"{value}" does not say present or absent; write present or absent',
    ),
    "records.no_title": ("沒有課程名稱，也沒有課程代號", "no title and no course code"),
    "records.duplicate_row": (
        "與 {first} 是同一筆紀錄（同一人、課程與日期）：採用 {first}，這一列略過",
        "the same record as {first} (same person, course and date): {first} is kept, this row passed over",
    ),
    "records.duplicate_rows": (
        "從這一列起有 {n} 列與前面的紀錄相同（同一人、課程與日期；第一筆同 {first}）：各採用先出現的一列，重複的略過",
        Plural(
            "n",
            "{n} row repeating an earlier record from here (same person, course and date; as {first}): "
            "the earlier row is kept, the repeat passed over",
            "rows repeating earlier records from here: {n} (same person, course and date; the first as {first}): "
            "each earlier row is kept, the repeats passed over",
        ),
    ),
    "records.name_differs": (
        "人員編號 {id} 的姓名是「{name}」，前面的列寫「{first}」；採用「{first}」",
        'person id {id} is named "{name}" here and "{first}" in an earlier row; "{first}" is used',
    ),
    "run.records_options_unused": (
        "警告：--catalog、--sheet、--columns 只用於訓練紀錄檔（.csv、.xlsx）；這次沒有紀錄檔，未使用",
        "warning: --catalog, --sheet and --columns are for record files (.csv, .xlsx); "
        "there are none, so they were not used",
    ),
    "records.zeros_joined": (
        "人員編號 {short}（{name}）視為 {full}：試算表去掉了開頭的 0，姓名相同",
        "person id {short} ({name}) read as {full}: a spreadsheet dropped its leading zeros, and the names agree",
    ),
    "records.zeros_joined_more": (
        "另有 {n} 個人員編號也是試算表去掉了開頭的 0，已依名冊（或其他紀錄）與姓名對上",
        Plural(
            "n",
            "{n} more person id lost its leading zeros to a spreadsheet and was matched by the roster "
            "(or other records) and the name",
            "{n} more person ids lost their leading zeros to a spreadsheet and were matched by the roster "
            "(or other records) and the name",
        ),
    ),
    "records.zeros_names_differ": (
        "人員編號 {short}（{name}）與 {full}（{other}）只差開頭的 0，但姓名不同：視為兩個人",
        "person id {short} ({name}) differs from {full} ({other}) only by leading zeros, but the names differ: "
        "two people",
    ),
    "records.two_departments": (
        "{name}（{id}）的紀錄在不同部門（{others}）：列在「{department}」（名冊的部門，否則最近一筆紀錄的部門）",
        "{name} ({id}) has records under other departments ({others}): reported under {department} "
        "(the roster's department, else the latest row's)",
    ),
    "records.leavers": (
        "名冊上已離職的 {n} 人不列入（要列入請加 --include-leavers）：{names}",
        Plural(
            "n",
            "{n} person the roster lists as having left is left out (--include-leavers keeps them): {names}",
            "{n} people the roster lists as having left are left out (--include-leavers keeps them): {names}",
        ),
    ),
    "inputs.title": ("輸入檔案", "Inputs"),
    "inputs.import_line": (
        "{file}：{rows} 列 — 寫入 {written}、未寫入 {not_written}、略過 {passed_over}、無法讀取 {refused}",
        Plural(
            "rows",
            "{file}: {rows} row — written {written}, not written {not_written}, passed over {passed_over}, "
            "refused {refused}",
            "{file}: {rows} rows — written {written}, not written {not_written}, passed over {passed_over}, "
            "refused {refused}",
        ),
    ),
    "inputs.import_roster": (
        "{file}：名冊 {rows} 列 — 人員 {written}、略過 {passed_over}、無法讀取 {refused}",
        Plural(
            "rows",
            "{file}: roster of {rows} row — people {written}, passed over {passed_over}, refused {refused}",
            "{file}: roster of {rows} rows — people {written}, passed over {passed_over}, refused {refused}",
        ),
    ),
    "inputs.line": (
        "{file}：{rows} 列 — 採計 {counted}、未採計 {not_counted}、略過 {passed_over}、無法讀取 {refused}",
        Plural(
            "rows",
            "{file}: {rows} row — counted {counted}, not counted {not_counted}, passed over {passed_over}, "
            "refused {refused}",
            "{file}: {rows} rows — counted {counted}, not counted {not_counted}, passed over {passed_over}, "
            "refused {refused}",
        ),
    ),
    "inputs.credentials": (
        "{file}：{rows} 份憑證 — 採計 {counted}、未採計 {not_counted}、略過 {passed_over}、無法讀取 {refused}",
        Plural(
            "rows",
            "{file}: {rows} credential — counted {counted}, not counted {not_counted}, passed over {passed_over}, "
            "refused {refused}",
            "{file}: {rows} credentials — counted {counted}, not counted {not_counted}, passed over {passed_over}, "
            "refused {refused}",
        ),
    ),
    "inputs.roster": (
        "{file}：名冊 {rows} 列 — 人員 {counted}、略過 {passed_over}、無法讀取 {refused}",
        Plural(
            "rows",
            "{file}: roster of {rows} row — people {counted}, passed over {passed_over}, refused {refused}",
            "{file}: roster of {rows} rows — people {counted}, passed over {passed_over}, refused {refused}",
        ),
    ),
    "inputs.unreadable": (
        "{file}：無法讀取，整個檔案未列入（{rows} 列）",
        Plural(
            "rows",
            "{file}: could not be read, the whole file is left out ({rows} row)",
            "{file}: could not be read, the whole file is left out ({rows} rows)",
        ),
    ),
    "inputs.reason": ("{reason} {n}", "{reason} {n}"),
    "inputs.not_counted_by": ("未採計：{reasons}", "not counted: {reasons}"),
    "inputs.passed_over_by": ("略過：{kinds}", "passed over: {kinds}"),
    "inputs.refused_people": (
        "無法讀取 {n} 列，涉及 {people} 人：其紀錄未列入報告",
        Plural(
            "people",
            "refused rows: {n}, about {people} person: not in the report",
            "refused rows: {n}, about {people} people: not in the report",
        ),
    ),
    "inputs.refused_headline": (
        "注意：有 {n} 列紀錄無法讀取（涉及 {people} 人），未列入本報告；請依錯誤訊息修正後重跑",
        Plural(
            "n",
            "Note: {n} record row could not be read (about {people} people) and is not in this report; "
            "fix it as the messages say and run again",
            "Note: {n} record rows could not be read (about {people} people) and are not in this report; "
            "fix them as the messages say and run again",
        ),
    ),
    "records.person": ("{name}（{id}）", "{name} ({id})"),
    "records.department": ("{department}", "{department}"),
    "records.person_in": ("{name}（{id}，{department}）", "{name} ({id}, {department})"),
    "inputs.parts": ("{first}；{second}", "{first}; {second}"),
    "records.rows_summed": (
        "{n} 列同樣的問題，第一列：{first}（第 {rows}{more} 列）",
        "{n} rows with the same problem, the first: {first} (rows {rows}{more})",
    ),
    "records.row_number": ("{n}", "{n}"),
    "records.reason.unknown_course": ("課程目錄沒有的課程", "courses the catalogue lacks"),
    "records.skip.duplicate": ("重複的紀錄 {n} 列", "repeated records {n}"),
    "records.skip.leaver": ("已離職人員 {n} 列", "people who have left {n}"),
    "records.skip.people_only": ("只列人員、沒有紀錄的 {n} 列", "rows naming people and no records {n}"),
    "records.skip.no_results": ("沒有任何結果的人員 {n} 列", "people with no result filled in {n}"),
    "records.sheet_empty": ("工作表「{sheet}」是空的，已略過", 'sheet "{sheet}" is empty: skipped'),
    "records.people_only": (
        "這張表只列人員（{n} 列），沒有訓練紀錄，不當作人員名冊；若它就是名冊，請以 --roster 指定",
        Plural(
            "n",
            "this table lists people ({n} row) and no records, so it is not taken for the roster; "
            "if it is one, give it with --roster",
            "this table lists people ({n} rows) and no records, so it is not taken for the roster; "
            "if it is one, give it with --roster",
        ),
    ),
    "records.value": ("「{value}」", '"{value}"'),
    "records.result_column": (
        "「{header}」欄的值看來是結果或出缺勤（{values}），但不知道它的意思：此表各列暫不採計。"
        "請在對應檔（--mapping）的 headers 下加一行「{line}」（或改成 passed、attendance、score、ignore）",
        'column "{header}" holds what look like results or attendance ({values}) that kmc-gap cannot read: '
        'no row of this table counts until it is mapped. Add the line "{line}" under headers in the mapping '
        "(--mapping), or passed, attendance, score or ignore",
    ),
    "records.wide_unknown": (
        "「{header}」欄看來是一門課程的結果（{values}），但課程目錄中沒有這門課：此表各列暫不採計。"
        "請在對應檔（--mapping）的 courses 下加一行「{line}」，把 C?? 換成目錄中的課程代號"
        "（或以 -c 提供課程代號或名稱與欄名相同的目錄；不是課程就在 headers 下寫「{header}: ignore」）",
        'column "{header}" holds what look like the results of a course ({values}) that no catalogue names: no row '
        'of this table counts until it does. Add the line "{line}" under courses in the mapping (--mapping), with '
        "the catalogue's course code for C?? (or give a catalogue, -c, whose course code or title is "
        'the header; if it is no course, write "{header}: ignore" under headers)',
    ),
    "records.wide_cell": (
        "「{value}」不是日期、成績或結果（通過、缺課、○、× …）",
        '"{value}" is not a date, a score or a result (passed, absent, ○, × …)',
    ),
    "records.wide_undated": (
        "「{value}」沒有日期，無法判斷何時完成：請在對應檔（--mapping）加一行「undated: 2026-12-31」"
        "（填入這些結果的日期）",
        '"{value}" gives no date, so when it was completed is unknown: add the line "undated: 2026-12-31" '
        "to the mapping (--mapping), with the date these results stand for",
    ),
    "records.filled_down": (
        "{n} 列的人員欄是空的（合併儲存格或留白），依上一位人員讀取",
        Plural(
            "n",
            "{n} row has empty person cells (merged or left blank): read as the person above",
            "{n} rows have empty person cells (merged or left blank): read as the person above",
        ),
    ),
    "records.field.person_id": ("人員編號", "person id"),
    "records.field.name": ("姓名", "name"),
    "records.field.date": ("日期", "date"),
    "records.field.level": ("職能級別", "level"),
    "records.field.covers": ("職能內涵", "covers"),
    "records.field.title": ("課程名稱", "title"),
    "records.field.course": ("課程代號", "course code"),
    "os.permission": ("沒有權限", "permission denied"),
    "os.not_found": ("路徑不存在", "no such file or folder"),
    "os.no_space": ("磁碟空間不足", "no space left on the device"),
    "os.read_only": ("唯讀的檔案系統", "read-only file system"),
    "os.is_dir": ("這是資料夾", "it is a directory"),
    "os.not_dir": ("路徑中有一段不是資料夾", "a part of the path is not a directory"),
    "os.other": ("系統錯誤 {name}", "system error {name}"),
    # ------------------------------------------------------------------ YAML syntax
    "yaml.empty": ("檔案是空的（或只有註解）", "file is empty (or holds only comments)"),
    "yaml.syntax": ("YAML 語法錯誤：{detail}", "YAML syntax error: {detail}"),
    "yaml.started": ("{detail}（從第 {line} 行開始）", "{detail} (it began on line {line})"),
    "yaml.tab": ("縮排不可使用 Tab，請改用空白", "tabs cannot be used for indentation; use spaces"),
    "yaml.fullwidth_colon": (
        "{key} 後面是全形冒號「：」；請改成半形冒號加空白「: 」",
        "a full-width colon follows {key}; type a plain colon and a space ': '",
    ),
    "yaml.fullwidth_space": (
        "縮排中有全形空白；請改用半形空白",
        "a full-width space in the indentation; use plain spaces",
    ),
    "yaml.tag": ("不支援的 YAML 標籤 {tag}（只接受一般資料）", "unsupported YAML tag {tag} (plain data only)"),
    "yaml.duplicate_key": ("重複的鍵 {key}", "duplicate key {key}"),
    "yaml.bad_date": ("不存在的日期 {value}", "invalid date {value}"),
    "yaml.number_too_long": ("數字太長（上限 {limit} 位）", "number too long (at most {limit} digits)"),
    "yaml.many_documents": ("一個檔案只能有一份 YAML 文件", "a file may hold only one YAML document"),
    "yaml.bad_character": ("檔案含有不允許的控制字元", "file contains a character YAML does not allow"),
    "yaml.too_deep": ("巢狀層次過深（上限 {limit} 層）", "nesting too deep (limit {limit} levels)"),
    "yaml.alias_bomb": (
        "別名（alias）展開後過大（上限 {limit} 個節點）",
        "aliases expand to too much data (limit {limit} nodes)",
    ),
    "syntax.unexpected_end": (
        "檔案在結構結束前就結束了：可能少了結尾的引號、] 或 }}",
        "the file ends before a structure is closed: a closing quote, ] or }} may be missing",
    ),
    "syntax.flow_sequence": (
        "清單 [ ] 沒有正確結束：少了逗號或 ]",
        "a [ ] list is not closed properly: a comma or ] is missing",
    ),
    "syntax.flow_mapping": (
        "{{ }} 沒有正確結束：少了逗號或 }}",
        "a {{ }} mapping is not closed properly: a comma or }} is missing",
    ),
    "syntax.mapping_values": (
        "這裡不能出現「鍵: 值」：檢查縮排、冒號後的空白，或為含「: 」的文字加上引號",
        "a 'key: value' is not allowed here: check the indentation, the space after the colon, "
        "or quote text that contains ': '",
    ),
    "syntax.indentation": (
        "縮排不一致，或少了冒號：同一層的鍵要對齊，鍵後要有「: 」",
        "inconsistent indentation or a missing colon: keys at one level line up, and each key is followed by ': '",
    ),
    "syntax.bad_token": (
        "這個字元不能作為值的開頭（例如 @、`、%）；請把值加上引號",
        "this character cannot start a value (such as @, ` or %); put the value in quotes",
    ),
    "syntax.undefined_alias": ("使用了未定義的別名（*名稱）", "an alias (*name) is used that was never defined"),
    "syntax.escape": ("雙引號中有無效的跳脫字元（\\）", "an invalid escape (\\) inside double quotes"),
    "syntax.missing_value": ("缺少值", "a value is missing"),
    "syntax.sequence_entry": (
        "這裡不能開始清單項目「- 」：檢查縮排",
        "a list entry '- ' cannot start here: check the indentation",
    ),
    "syntax.trailing": ("值後面有多餘的文字", "unexpected text after a value"),
    "syntax.other": ("無法解析這一行", "this line cannot be parsed"),
    # ------------------------------------------------------------------ shape (schema) problems
    "schema.top_mapping": ("最上層必須是鍵值對（mapping），而不是{got}", "the top level must be a mapping, not {got}"),
    "got.list": ("清單", "a list"),
    "got.scalar": ("單一值", "a single value"),
    "schema.missing": ("缺少必填欄位 {field}", "missing required field {field}"),
    "schema.unknown": ("未知的欄位 {field}", "unknown field {field}"),
    "schema.unknown_hint": (
        "未知的欄位 {field}（是不是 {suggestion}？）",
        "unknown field {field} (did you mean {suggestion}?)",
    ),
    "schema.invalid": ("{field}：{detail}", "{field}: {detail}"),
    "detail.int": ("必須是整數", "must be a whole number"),
    "detail.bool": ("必須是 true 或 false", "must be true or false"),
    "detail.number": ("必須是數字", "must be a number"),
    "detail.finite": ("必須是有限的數字", "must be a finite number"),
    "detail.text": ("必須是文字", "must be text"),
    "detail.empty": ("不可為空", "must not be empty"),
    "detail.pattern": ("格式不符", "is not in the expected format"),
    "detail.list": ("必須是清單", "must be a list"),
    "detail.mapping": ("必須是鍵值對（mapping）", "must be a mapping"),
    "detail.too_long": ("項目太多（上限 {max_length}）", "has too many entries (at most {max_length})"),
    "detail.ge": ("必須大於或等於 {ge}", "must be at least {ge}"),
    "detail.le": ("必須小於或等於 {le}", "must be at most {le}"),
    "detail.gt": ("必須大於 {gt}", "must be greater than {gt}"),
    "detail.lt": ("必須小於 {lt}", "must be less than {lt}"),
    "detail.choice": ("必須是下列之一：{expected}", "must be one of: {expected}"),
    "detail.choice_hint": (
        "必須是下列之一：{expected}（是不是 {suggestion}？）",
        "must be one of: {expected} (did you mean {suggestion}?)",
    ),
    "detail.date": ("必須是日期，寫成 YYYY-MM-DD", "must be a date written as YYYY-MM-DD"),
    "detail.date_time": ("請只寫日期（YYYY-MM-DD），不要時間", "give a date (YYYY-MM-DD) without a time"),
    "detail.date_not_real": ("{value} 不是存在的日期", "{value} is not a real date"),
    "detail.date_suggest": ("日期請寫成 {iso}（YYYY-MM-DD；民國年加 1911）", "write the date as {iso} (YYYY-MM-DD)"),
    "detail.level_text": ("級別請寫成不加引號的半形數字：{level}", "write the level as a bare number: {level}"),
    "detail.covers_text": ("covers 必須是清單，請寫成 [{codes}]", "covers must be a list: write [{codes}]"),
    "detail.regex": ("不是正規表示式：{why}", "not a regular expression: {why}"),
    "detail.regex_group": (
        "成績的樣式要有一組括號標出分數，例如 (\\d+)",
        "a score pattern needs a group around the number, such as (\\d+)",
    ),
    "detail.other": ("值無效", "invalid value"),
    # ------------------------------------------------------------------ standard integrity
    "standard.duplicate_code": ("代碼 {code} 重複出現", "code {code} appears more than once"),
    "standard.misplaced_code": ("{code} 不屬於 {parent}", "{code} does not belong under {parent}"),
    "standard.bad_same_as": (
        "same_as 指向的 {code} 不是有自己職能內涵的工作任務",
        "same_as names {code}, which is not a task with competency of its own",
    ),
    "standard.undefined_item": ("{code} 未在 {section} 中定義", "{code} is not defined in {section}"),
    "standard.unused_item": ("{code} 已定義，但沒有任何工作任務用到", "{code} is defined but no task uses it"),
    "standard.duplicate_item": ("{code} 在 {task} 中重複列出", "{code} is listed twice in {task}"),
    # ------------------------------------------------------------------ profiles
    "profile.wrong_standard": (
        "檔案指定的職能基準是 {got}，但載入的是 {expected}",
        "the profile is for standard {got}, but {expected} is loaded",
    ),
    "profile.unknown_code": ("職能基準沒有代碼 {code}", "the standard has no code {code}"),
    "profile.unknown_code_hint": (
        "職能基準沒有代碼 {code}（是不是 {suggestion}？）",
        "the standard has no code {code} (did you mean {suggestion}?)",
    ),
    "profile.placeholder_person": (
        "姓名仍是範本的預設文字；請填入真實姓名",
        "the name is still the template's placeholder; write the person's name",
    ),
    "profile.placeholder_evidence": (
        "這筆仍是範本的範例證據；請換成真實證據或刪除",
        "this is still the template's example evidence; replace it with real evidence or delete it",
    ),
    "profile.task_in_covers": (
        "{code} 是工作任務或職責，不能直接列在 covers；請改列它的行為指標、知識與技能：{items}",
        "{code} is a task or duty, which is not covered directly; list its indicators, knowledge and skills: {items}",
    ),
    "profile.duplicate_id": (
        "證據 id {id} 重複（第一次在第 {first} 行）",
        "evidence id {id} is used twice (first on line {first})",
    ),
    "profile.duplicate_cover": ("{code} 在 covers 中重複列出", "{code} is listed twice in covers"),
    "profile.date_after_expiry": (
        "date（{date}）晚於 expires（{expires}）",
        "date ({date}) is after expires ({expires})",
    ),
    # ------------------------------------------------------------------ JSON reports and catalogues
    "json.syntax": ("JSON 語法錯誤", "JSON syntax error"),
    "config.syntax": ("設定檔的 TOML 語法錯誤", "TOML syntax error in the config file"),
    "config.syntax_full_width": (
        "設定檔的 TOML 語法錯誤：這一行有全形符號（例如 ＝、“”、，），請改用半形",
        "TOML syntax error in the config file: the line holds full-width marks (such as ＝, “”, ，); "
        "write them half-width",
    ),
    "config.unknown": (
        "設定檔有 kmc-gap 不認得的設定：{keys}（略過）",
        "settings kmc-gap does not know: {keys} (ignored)",
    ),
    "config.bad_value": ("設定 {key} 的值 {value} 無法使用", "setting {key}: the value {value} cannot be used"),
    "config.title": ("生效中的設定", "Settings in force"),
    "config.cache": ("已檢查的職能基準快取於：{path}", "checked standards are kept in: {path}"),
    "config.no_cache": (
        "不保留已檢查的職能基準（KMC_GAP_NO_CACHE）",
        "checked standards are not kept (KMC_GAP_NO_CACHE)",
    ),
    "config.file": ("設定檔：{file}", "config file: {file}"),
    "config.no_file": (
        "沒有設定檔（從目前資料夾往上找 kmc-gap.toml，或 pyproject.toml 的 [tool.kmc-gap]）",
        "no config file (kmc-gap.toml, or [tool.kmc-gap] in pyproject.toml, looked for from here up)",
    ),
    "config.source.default": ("預設", "default"),
    "config.source.env": ("環境變數 {name}", "environment {name}"),
    "config.unset": ("（未設定）", "(not set)"),
    "help.cmd.config": (
        "列出生效中的設定（--standard、--catalog、--policy、--roster、--mapping、--lang）與各自的來源："
        "命令列的選項優先於 KMC_GAP_* 環境變數，環境變數優先於設定檔 kmc-gap.toml "
        "或 pyproject.toml 的 [tool.kmc-gap]。",
        "Show the settings in force (--standard, --catalog, --policy, --roster, --mapping, --lang) and where each "
        "came from: a command-line flag beats a KMC_GAP_* variable, which beats kmc-gap.toml or [tool.kmc-gap] in "
        "pyproject.toml.",
    ),
    "help.opt.config_format": ("輸出格式：{choices}。", "Output format: {choices}."),
    "credentials.not_mapped": (
        "憑證「{title}」未對應：沒有對齊本職能基準的項目，未採計",
        "credential '{title}' is not mapped: it aligns to nothing in this standard, so it is not counted",
    ),
    "credentials.no_level": (
        "憑證「{title}」未採計：沒有職能級別（級別不會用猜的）",
        "credential '{title}' is not counted: it gives no iCAP level (a level is never guessed)",
    ),
    "credentials.invalid_signature": (
        "憑證「{title}」未採計：簽章無效",
        "credential '{title}' is not counted: its signature is invalid",
    ),
    "credentials.reason.not_mapped": ("未對應本職能基準的憑證", "credentials aligned to nothing in this standard"),
    "credentials.reason.no_level": ("沒有職能級別的憑證", "credentials with no iCAP level"),
    "credentials.note.not_verified": ("簽章未驗證（未提供 --issuer-key）", "signature not verified (no --issuer-key)"),
    "credentials.note.verified": ("簽章已驗證", "signature verified"),
    "credentials.reason.invalid_signature": ("簽章無效的憑證", "credentials whose signature is invalid"),
    "credentials.unsigned": (
        "憑證「{title}」未採計：已指定 --issuer-key，但這份憑證沒有以該金鑰簽署（未簽章或無法驗證）",
        "credential '{title}' is not counted: --issuer-key was given, and it is not signed with that key "
        "(unsigned, or its proof cannot be checked)",
    ),
    "credentials.reason.unsigned": (
        "指定了簽發者金鑰卻未以其簽署的憑證",
        "credentials not signed with the --issuer-key given",
    ),
    "credentials.bad_jws": (
        "{pointer}：JWS 的 {segment} 段無法解讀",
        "{pointer}: the JWS's {segment} segment cannot be read",
    ),
    "credentials.not_credential": (
        "{pointer}：不是可驗證憑證（沒有 credentialSubject）",
        "{pointer}: not a verifiable credential (there is no credentialSubject)",
    ),
    "credentials.no_date": (
        "{pointer}：憑證「{title}」沒有 validFrom 或 issuanceDate",
        "{pointer}: credential '{title}' has no validFrom or issuanceDate",
    ),
    "credentials.no_person": (
        "{pointer}：憑證「{title}」沒有說是誰的（credentialSubject.identifier）",
        "{pointer}: credential '{title}' does not say whose it is (credentialSubject.identifier)",
    ),
    "credentials.invalid": ("{pointer}：{detail}", "{pointer}: {detail}"),
    "credentials.bad_key": ("不是 JWK、JWKS 或 PEM 公鑰", "not a JWK, a JWKS or a PEM public key"),
    "case.not_package": ("不是 CASE 套件：沒有 CFDocument", "not a CASE package: there is no CFDocument"),
    "case.missing_field": ("{pointer}（{item}）缺少欄位 {field}", "{pointer} ({item}) lacks the field {field}"),
    "case.bad_field": (
        "{pointer}（{item}）：欄位 {field} 的值無法使用",
        "{pointer} ({item}): field {field} holds a value that cannot be used",
    ),
    "case.duplicate_identifier": (
        "{pointer}（{item}）：識別碼 {identifier} 已用於 {other}",
        "{pointer} ({item}): identifier {identifier} is already used by {other}",
    ),
    "case.duplicate_code": (
        "{pointer}：代碼 {item} 已用於 {other}",
        "{pointer}: code {item} is already used by {other}",
    ),
    "case.dangling": (
        "{pointer}：關聯的 {end} 指向套件中沒有的 {identifier}",
        "{pointer}: the association's {end} names {identifier}, which the package does not have",
    ),
    "case.cycle": ("{pointer}：isChildOf 繞成迴圈：{items}", "{pointer}: isChildOf goes round in a cycle: {items}"),
    "case.misplaced": (
        "{pointer}（{item}）：上層項目 {parent} 不合職能基準的層次（職責 → 任務 → 產出、指標）",
        "{pointer} ({item}): its parent {parent} does not fit the standard's levels (duty → task → output, indicator)",
    ),
    "case.no_level": (
        "{pointer}（{item}）：工作任務沒有職能級別（extensions.icapLevel，或只有一個級別的 CFRubricCriterion）",
        "{pointer} ({item}): the task has no iCAP level (extensions.icapLevel, or a CFRubricCriterion with one level)",
    ),
    "case.no_code": (
        "{pointer}（{item}）：沒有代碼（humanCodingScheme）",
        "{pointer} ({item}): has no code (humanCodingScheme)",
    ),
    "case.not_icap": (
        "「{title}」不是 iCAP 職能基準：沒有工作任務（CFItemType 工作任務，或 T1.1 這樣的代碼）；kmc-gap 只讀職能基準",
        "'{title}' is not an iCAP standard: it has no work tasks (CFItemType Task, or codes like T1.1); "
        "kmc-gap reads competency standards only",
    ),
    "case.invalid": ("{pointer}（{item}）：{detail}", "{pointer} ({item}): {detail}"),
    "json.unknown_code": (
        "報告中的代碼 {code} 不在職能基準 {standard} 中：這是另一個職能基準的報告，或被改過",
        "the report names {code}, which standard {standard} does not have: a report of another standard, or edited",
    ),
    "json.not_report": ("不是 kmc-gap 的 JSON 報告（欄位 {field}）", "not a kmc-gap JSON report (field {field})"),
    "catalog.duplicate_code": ("課程代碼 {code} 重複", "course code {code} is used twice"),
    "catalog.sheet": ("課程目錄", "Courses"),
    "usage.skeleton_output": ("要寫成 .xlsx 或 .csv 檔", "write it as a .xlsx or .csv file"),
    "catalog.col.code": ("課程代號", "code"),
    "catalog.col.title": ("課程名稱", "title"),
    "catalog.col.provider": ("辦理單位", "provider"),
    "catalog.col.hours": ("時數", "hours"),
    "catalog.col.level": ("職能級別", "level"),
    "catalog.col.covers": ("職能內涵", "covers"),
    "catalog.col.unrelated": ("與職能基準無關", "unrelated"),
    "catalog.col.pass_mark": ("及格分數", "pass_mark"),
    "catalog.col.cost": ("開班費", "cost"),
    "catalog.col.seat_cost": ("每人費用", "seat_cost"),
    "catalog.col.people": ("人數", "people"),
    "catalog.col.rows": ("筆數", "rows"),
    "catalog.written": (
        "已寫入 {path}：{n} 門課程；請填入職能級別與職能內涵（與職能基準無關的課程標「是」），再以 --catalog 使用",
        "wrote {path} (courses: {n}); fill in level and covers (mark courses outside the standard unrelated), "
        "then use it with --catalog",
    ),
    "catalog.bad_row": ("課程 {code} 的內容有誤", "course {code} has a value out of range"),
    "plan.over_limit": (
        "求解器給出的規劃超出限制（{status}），未採用；請回報此問題",
        "the solver's plan breaks a limit ({status}) and was not used; please report this",
    ),
    "catalog.no_header": (
        "找不到課程目錄的標題列（至少要有 課程代號 與 課程名稱）",
        "no catalogue header row found (it needs at least a course code and a title column)",
    ),
    "catalog.bad_money": (
        "金額「{value}」應為 0 到 1000000000000（一兆）之間的數字",
        'amount "{value}" must be a number from 0 to 1000000000000 (a trillion)',
    ),
    "catalog.bad_flag": ("「{value}」應為 是 或 否", '"{value}" must be yes or no'),
    "catalog.no_level": (
        "課程 {code} 有職能內涵卻沒有職能級別；請填 level（1–6），或標為 unrelated: true",
        "course {code} covers codes but has no level; give its level (1–6), or mark it unrelated: true",
    ),
    # ------------------------------------------------------------------ thresholds and run summaries
    "threshold.coverage": (
        "涵蓋率 {coverage}% 低於 --fail-under {limit}%",
        "coverage {coverage}% is under --fail-under {limit}%",
    ),
    "threshold.tasks": ("要求的工作任務未符合：{tasks}", "required tasks not met: {tasks}"),
    "run.checked": ("已檢查 {n} 個檔案，{invalid} 個有問題", "{n} checked, {invalid} invalid"),
    "run.wrote": ("已寫入 {path}", "wrote {path}"),
    "run.wrote_plan": ("已寫入 {path}：{n} 人、{courses} 門課", "wrote {path} (people: {n}, courses: {courses})"),
    "help.opt.plan_format": (
        "輸出格式：{choices}（csv 是誰上哪門課；xlsx 有課程、人員、部門、說明；summary 是給主管的一頁）；"
        "預設 table，或依 -o 的副檔名。",
        "Output format: {choices} (csv: who attends what; xlsx: courses, people, departments, about; summary: the "
        "one page for the boss); default table, or from -o's extension.",
    ),
    "json.not_plan": (
        "這不是 kmc-gap plan -f json 寫出的規劃（{field} 不對）",
        "not a plan written by kmc-gap plan -f json ({field} is wrong)",
    ),
    "help.opt.summary_plan": (
        "摘要（--format summary）一併列出這份規劃（kmc-gap plan -f json 的輸出）的費用與成效。",
        "With --format summary, show this plan's cost and what it lifts (the output of kmc-gap plan -f json).",
    ),
    "group.organisation": ("部門", "Department"),
    "group.role": ("職稱", "Role"),
    "group.none.organisation": ("（未填部門）", "(no department)"),
    "group.none.role": ("（未填職稱）", "(no role)"),
    "summary.groups.organisation": ("各部門", "By department"),
    "summary.groups.role": ("各職稱", "By role"),
    "help.opt.group_by": (
        "把多人的總覽、活頁簿的總覽與摘要依部門（organisation）或職稱（role）分組。",
        "Group the cohort's people by department (organisation) or role, in the overview, the workbook "
        "and the summary.",
    ),
    "summary.title": ("職能落差摘要", "Competency gap summary"),
    "summary.people": ("{n} 人", "people: {n}"),
    "summary.readiness": ("團隊的準備度", "How ready the team is"),
    "summary.meeting": ("{met} / {n} 人符合職能基準", "{met} of {n} meet the standard"),
    "summary.coverage": ("全隊涵蓋率 {pct}", "team coverage {pct}"),
    "summary.histogram": ("符合的工作任務數（橫軸）與人數", "people (bars) by tasks met (axis)"),
    "summary.coverage_bands": ("涵蓋率（橫軸，每 10%）與人數", "people (bars) by coverage (axis, in 10 % bands)"),
    "summary.no_task_met": (
        "尚無人符合任何工作任務：每個任務都要有行為指標（P）與工作產出（O）的評核，訓練只補知識與技能；"
        "請主管以 kmc-gap form 評核看得到的工作。",
        "Nobody meets a work task yet: every task needs its behaviour indicators (P) and work outputs (O) "
        "rated, and training gives knowledge and skills only; have managers rate the work they see "
        "(kmc-gap form).",
    ),
    "summary.most_missed": ("最多人欠缺的 10 項", "The 10 items most missed"),
    "summary.closing": ("怎麼補足", "What closes the gaps"),
    "summary.bucket.course": (
        "課程可補足：{items} 項（{gaps} 人次）",
        "a course in the catalogue: items {items}, gaps {gaps}",
    ),
    "summary.bucket.no_course": (
        "目錄中沒有課程：{items} 項（{gaps} 人次）",
        "no course in the catalogue: items {items}, gaps {gaps}",
    ),
    "summary.bucket.observed": (
        "需由主管觀察工作表現（行為指標 P、工作產出 O）：{items} 項（{gaps} 人次）",
        "observed work (behaviour P, outputs O), rated by managers: items {items}, gaps {gaps}",
    ),
    "summary.closer.course": ("課程", "course"),
    "summary.closer.no_course": ("無課程", "no course"),
    "summary.closer.observed": ("觀察工作", "observed work"),
    "summary.plan_title": ("訓練規劃", "The training plan"),
    "summary.plan": (
        "開設 {courses} 門課，費用 {cost}（預算 {budget}，使用 {used}）；符合的人次×任務 {before} → {after}",
        "courses: {courses}, cost {cost} (budget {budget}, used {used}); person–tasks met {before} → {after}",
    ),
    "summary.failed": ("另有 {n} 個檔案無法評估，未列入", "files that could not be assessed, left out: {n}"),
    "summary.col.department": ("部門", "Department"),
    "summary.col.people": ("人數", "People"),
    "summary.col.meeting": ("符合", "Meeting"),
    "summary.col.tasks": ("平均任務", "Tasks (mean)"),
    "summary.col.coverage": ("涵蓋率", "Coverage"),
    "summary.col.code": ("代碼", "Code"),
    "summary.col.item": ("項目", "Item"),
    "summary.col.missing": ("欠缺人數", "Missing"),
    "summary.col.lower": ("其中已有較低級別", "Of whom at a lower level"),
    "summary.col.closer": ("補足方式", "Closed by"),
    "plan.sheet.courses": ("課程", "Courses"),
    "plan.sheet.people": ("人員", "People"),
    "plan.sheet.departments": ("部門", "Departments"),
    "plan.sheet.about": ("說明", "About"),
    "plan.no_department": ("（未填部門）", "(no department)"),
    "plan.objective.team": (
        "在預算內讓最多人、最多任務達標，再求花費最少",
        "meet the most tasks of the most people, then spend the least",
    ),
    "plan.objective.fewest_courses": ("以最少的課補足能補的落差", "close every closable gap with the fewest courses"),
    "plan.col.code": ("課程代號", "Code"),
    "plan.col.course": ("課程名稱", "Course"),
    "plan.col.provider": ("辦理單位", "Provider"),
    "plan.col.hours": ("時數", "Hours"),
    "plan.col.level": ("級別", "Level"),
    "plan.col.cost": ("費用", "Cost"),
    "plan.col.cost_share": ("每人分攤費用", "Cost per person"),
    "plan.col.attendees": ("參加者", "Attendees"),
    "plan.col.closes": ("補足的落差", "Gaps it closes"),
    "plan.col.person_id": ("人員編號", "Person id"),
    "plan.col.name": ("姓名", "Name"),
    "plan.col.department": ("部門", "Department"),
    "plan.col.people": ("人數", "People"),
    "plan.col.courses": ("課程", "Courses"),
    "plan.col.tasks": ("符合任務 前 → 後", "Tasks met, before → after"),
    "plan.col.tasks_before": ("規劃前符合任務", "Tasks met before"),
    "plan.col.tasks_after": ("規劃後符合任務", "Tasks met after"),
    "plan.col.objective": ("目標", "Objective"),
    "plan.col.budget": ("預算", "Budget"),
    "plan.col.spent": ("花費", "Spent"),
    "plan.col.figures": ("成效", "Outcome"),
    "run.wrote_people": ("已寫入 {path}：{n} 人", "wrote {path} (people: {n})"),
    "run.wrote_forms": (
        "已寫入 {n} 份評核表到 {path}",
        Plural("n", "wrote {n} form to {path}", "wrote {n} forms to {path}"),
    ),
    "help.cmd.calibrate": (
        "並列同一項目的自評與主管評核：差距兩級以上的項目（校準面談議程）、每人自評的偏高偏低、"
        "每位評核人的寬嚴，以及一致率與加權 kappa。",
        "Set self and manager ratings of the same items side by side: the items two levels or more apart "
        "(a calibration talk's agenda), how far each person rates themselves above or below, how lenient "
        "each rater is, and the agreement (exact, within one level, weighted kappa).",
    ),
    "help.arg.forms": (
        "填好的評核表（.xlsx、.ods），或含評核的證據檔（YAML）。",
        "Filled assessment forms (.xlsx, .ods), or profiles (YAML) with ratings.",
    ),
    "help.opt.calibrate_format": (
        "輸出格式：{choices}；預設 table，或依 -o 的副檔名。",
        "Output format: {choices}; default table, or by the -o file's extension.",
    ),
    "calibrate.title": ("評核校準", "Rating calibration"),
    "calibrate.pairs": ("自評與他評並列的項目：{n} 項", "items rated by self and another source: {n}"),
    "calibrate.exact": ("級別完全一致：{pct}", "same level: {pct}"),
    "calibrate.within_one": ("相差一級以內：{pct}", "within one level: {pct}"),
    "calibrate.kappa": ("加權 kappa（二次權重）：{kappa}", "weighted kappa (quadratic): {kappa}"),
    "calibrate.agenda": ("校準議程：相差兩級以上", "Agenda: two levels or more apart"),
    "calibrate.people": ("每人自評的偏差", "Self-rating bias per person"),
    "calibrate.raters": ("評核人的寬嚴", "Rater leniency"),
    "calibrate.items": ("各項評核", "Ratings by item"),
    "calibrate.more": (
        "…另有 {n} 列（--top 0 全部列出，或用 -f json、-o 校準.xlsx）",
        Plural(
            "n",
            "… {n} more row (--top 0 lists them all, as -f json and -o calibration.xlsx do)",
            "… {n} more rows (--top 0 lists them all, as -f json and -o calibration.xlsx do)",
        ),
    ),
    "calibrate.none": ("（無）", "(none)"),
    "calibrate.col.person": ("人員", "Person"),
    "calibrate.col.code": ("代碼", "Code"),
    "calibrate.col.item": ("項目", "Item"),
    "calibrate.col.self": ("自評", "Self"),
    "calibrate.col.other": ("比較對象", "Other"),
    "calibrate.col.other_level": ("他評", "Theirs"),
    "calibrate.col.difference": ("差距", "Diff."),
    "calibrate.col.items": ("項目數", "Items"),
    "calibrate.col.mean_difference": ("平均差距（自評−他評）", "Mean difference (self − other)"),
    "calibrate.col.rater": ("評核人", "Rater"),
    "calibrate.col.role": ("身分", "Role"),
    "calibrate.col.ratings": ("評核數", "Ratings"),
    "calibrate.col.mean": ("平均", "Mean"),
    "calibrate.col.others_mean": ("他人平均", "Others"),
    "calibrate.col.leniency": ("寬嚴", "Leniency"),
    "help.cmd.form": (
        "產生職能評核表（Excel）：每人一份，逐項列出各工作任務的行為指標與工作產出，供自評與主管評核；"
        "填好的評核表可直接交給 assess、validate、import、plan。",
        "Write assessment forms (Excel): for each person, every behaviour indicator and work output of "
        "each task, to be rated by themselves and their manager; filled forms go straight to assess, "
        "validate, import and plan.",
    ),
    "help.arg.people": (
        "人員：證據檔（YAML）、人資紀錄匯出檔（.csv、.xlsx）或人員名冊；資料夾會搜尋其中的 *.yaml。",
        "People: profiles (YAML), HR record exports (.csv, .xlsx) or a roster; folders are searched for *.yaml.",
    ),
    "help.opt.form_output": (
        "資料夾（每人一個活頁簿，檔名為「員工編號 姓名.xlsx」），或一個 .xlsx 檔（每人一個工作表）。",
        "A folder (a workbook per person, named 'id name.xlsx'), or one .xlsx file (a sheet per person).",
    ),
    "help.opt.only_gaps": (
        "只列出目前證據尚未符合的項目，並附上目前的最佳級別。",
        "List only the items the person's evidence does not meet yet, with the best level known today.",
    ),
    "help.opt.form_task": (
        "只列出這個工作任務（可重複，例如 --task T3.1 --task T3.2）。",
        "List only this task (repeatable: --task T3.1 --task T3.2).",
    ),
    "help.opt.raters": (
        "評核欄位：self（自評）、manager（主管）、peer（同儕）、assessor（評鑑人員），以逗號分隔；預設 self,manager。",
        "The rating columns: self, manager, peer, assessor, separated by commas; default self,manager.",
    ),
    "usage.output_suffix": (
        "-o 的副檔名 {suffix} 不是 kmc-gap 會寫的格式；可用：{known}（或以 --format 指定）",
        "-o ending {suffix} names no format kmc-gap writes; it writes: {known} (or choose one with --format)",
    ),
    "usage.raters": ("評核者請用 {raters}", "use {raters}"),
    "run.interrupted": ("已中斷", "interrupted"),
    "run.stdout_failed": ("無法寫出結果（{reason}）", "cannot write the output ({reason})"),
    "run.other_person": ("兩份資料不是同一個人", "the two inputs are of different people"),
    # ------------------------------------------------------------------ usage errors
    "usage.error": ("用法錯誤：{detail}", "usage error: {detail}"),
    "usage.hint": ("說明請見：{command} --help", "for help: {command} --help"),
    "usage.no_such_option": ("沒有 {option} 這個選項", "there is no option {option}"),
    "usage.no_such_option_hint": (
        "沒有 {option} 這個選項（是不是 {suggestion}？）",
        "there is no option {option} (did you mean {suggestion}?)",
    ),
    "usage.no_such_command": (
        "沒有 {command} 這個指令（可用：{choices}）",
        "there is no command {command} (choose from {choices})",
    ),
    "usage.needs_value": ("{option} 需要一個值", "{option} needs a value"),
    "usage.missing_argument": ("缺少 {name}", "{name} is missing"),
    "usage.missing_option": ("缺少必填選項 {name}", "the option {name} is required"),
    "usage.extra_argument": ("多出的引數：{args}", "unexpected extra argument: {args}"),
    "usage.bad_value": ("{name} 的值 {value} 無效：{detail}", "invalid value {value} for {name}: {detail}"),
    "usage.choice": ("可用的值：{choices}", "choose from {choices}"),
    "usage.choice_hint": (
        "是不是 {suggestion}？可用的值：{choices}",
        "did you mean {suggestion}? choose from {choices}",
    ),
    "usage.no_such_command_hint": (
        "沒有 {command} 這個指令（是不是 {suggestion}？）",
        "there is no command {command} (did you mean {suggestion}?)",
    ),
    "usage.number": ("必須是數字", "must be a number"),
    "usage.whole_number": ("必須是整數", "must be a whole number"),
    "usage.range": ("必須介於 {low} 與 {high} 之間", "must be between {low} and {high}"),
    "usage.at_least": ("至少要是 {low}", "must be at least {low}"),
    "usage.date": ("日期請寫成 YYYY-MM-DD", "write the date as YYYY-MM-DD"),
    "usage.amount": (
        "「{value}」不是金額：請寫 0 以上、10¹² 以下的數字，例如 180000、180,000 或 NT$180,000",
        '"{value}" is not an amount: write a number from 0 to 10^12, such as 180000, 180,000 or NT$180,000',
    ),
    "usage.lang": ("可用的語言：zh-TW、en", "choose zh-TW or en"),
    "usage.percentage": (
        "請寫 0 到 100 的百分比，例如 80 或 80%",
        "write a percentage from 0 to 100, such as 80 or 80%",
    ),
    "usage.fraction": (
        "看來是小數；百分比請寫 {suggestion}（例如 --fail-under {suggestion}）",
        "this looks like a fraction; write the percentage {suggestion} (--fail-under {suggestion})",
    ),
    "usage.columns": (
        "請寫成 欄位=標題，以逗號分隔；欄位可用：{fields}",
        "write field=header, separated by commas; fields: {fields}",
    ),
    "usage.xlsx_terminal": (
        "活頁簿（xlsx）不能印在終端機上；請加 -o 檔名.xlsx",
        "a workbook (xlsx) cannot be shown on a terminal; add -o FILE.xlsx",
    ),
    "usage.gaps": ("請寫一個整數或 all", "write a whole number or all"),
    "usage.unknown_tasks": ("沒有這些工作任務：{codes}", "unknown task codes: {codes}"),
    "usage.unknown_tasks_hint": (
        "沒有這些工作任務：{codes}（是不是 {suggestion}？）",
        "unknown task codes: {codes} (did you mean {suggestion}?)",
    ),
    # ------------------------------------------------------------------ help
    "help.usage": ("用法：{line}", "Usage: {line}"),
    "help.commands": ("指令：", "Commands:"),
    "help.arguments": ("引數：", "Arguments:"),
    "help.options": ("選項：", "Options:"),
    "help.default": ("[預設：{value}]", "[default: {value}]"),
    "help.required": ("[必填]", "[required]"),
    "help.help": ("顯示此說明後結束。", "Show this help and exit."),
    "help.options_word": ("[選項]", "[OPTIONS]"),
    "help.command_word": ("指令 [引數]…", "COMMAND [ARGS]..."),
    "help.app": (
        "依 iCAP 職能基準檢查學習與工作證據，列出落差。",
        "Check evidence against an iCAP competency standard and show the gaps.",
    ),
    "help.app.more": (
        "預設使用 KMC3332-001v3「活動 (專案) 行銷企劃人員」。語言：--lang 或環境變數 KMC_GAP_LANG（zh-TW、en）。",
        "The bundled standard is KMC3332-001v3, Event (Project) Marketing Planner. Language: --lang or the "
        "KMC_GAP_LANG environment variable (zh-TW, en).",
    ),
    "help.cmd.assess": (
        "評估證據檔，列出每個工作任務的符合情形與落差。",
        "Assess evidence profiles and show the gaps.",
    ),
    "help.cmd.standard": (
        "瀏覽職能基準：全部職責與任務、一個任務的完整內容，或一個項目與需要它的任務。",
        "Browse the standard: all duties and tasks, one task in full, or one item and the tasks that need it.",
    ),
    "help.cmd.validate": (
        "只檢查證據檔（與採計規則）而不評估：全部正確時結束碼為 0，否則為 1。",
        "Check profiles (and a policy) without scoring: exit 0 when all are valid, 1 when any is not.",
    ),
    "help.cmd.schema": (
        "輸出 kmc-gap 讀寫的每一種 JSON 或 YAML 文件的 JSON Schema（draft 2020-12）。",
        "Print the JSON Schema (draft 2020-12) of any document kmc-gap reads or writes.",
    ),
    "help.cmd.transcribe": (
        "把 iCAP 公布的職能基準文件（PDF、ODT，或從中複製出的文字）轉成標準檔，供 --standard 使用；"
        "有不明確之處時不寫檔。",
        "Turn a standard as iCAP publishes it (its PDF, its ODT, or the text copied out of either) into a "
        "standard file for --standard; nothing is written while anything is unclear.",
    ),
    "help.arg.document": (
        "iCAP 公布的職能基準文件：PDF、ODT，或從中複製出的文字（.txt）。",
        "The standard as iCAP publishes it: its PDF, its ODT, or the text copied out of either (.txt).",
    ),
    "help.opt.transcribe_output": ("寫出的標準檔（.yaml）。", "The standard file to write (.yaml)."),
    "help.opt.accept": (
        "仍有待確認的判斷時也寫檔，並在檔案開頭逐項列出，供人對照原文件檢查。",
        "Write the file even with choices left to check, each listed at the top of the file for a person to "
        "check against the document.",
    ),
    "transcribe.pdf_damaged": ("這個 PDF 檔已損壞，無法讀取", "the PDF is damaged and cannot be read"),
    "transcribe.pdf_pages": (
        "PDF 有 {pages} 頁，超過可讀取的 {limit} 頁",
        "the PDF has {pages} pages, over the {limit} read",
    ),
    "transcribe.odt_damaged": ("這個 ODT 檔已損壞，或不是文件檔", "the ODT is damaged, or is not a text document"),
    "transcribe.odt_too_large": ("ODT 的內容超過 {limit} 位元組", "the ODT's content is over {limit} bytes"),
    "transcribe.uncoded_cell": ("「{text}」沒有代碼，也沒有可接續的項目", '"{text}" has no code and continues no item'),
    "transcribe.repeated_code": ("代碼 {code} 出現第二次", "code {code} appears a second time"),
    "transcribe.task_outside_duty": (
        "工作任務 {code} 不在主要職責 {duty} 之下",
        "task {code} is not under duty {duty}",
    ),
    "transcribe.bad_level": ("「{text}」不是 1 到 6 的職能級別", '"{text}" is not a level from 1 to 6'),
    "transcribe.no_task": ("這一列沒有所屬的工作任務", "this row belongs to no task"),
    "transcribe.level_without_competency": (
        "工作任務 {task} 的這一列有另一個級別 {level}，卻沒有自己的知識或技能：無法判斷是否為新的職能區塊",
        "this row of task {task} brings another level ({level}) but no knowledge or skills of its own: whether it "
        "begins a new competency block is unclear",
    ),
    "transcribe.zero_for_o": (
        "代碼 {code} 以數字 0 開頭，讀作 {read}",
        "code {code} begins with a digit zero: read as {read}",
    ),
    "transcribe.bad_date": ("「{text}」不是日期", '"{text}" is not a date'),
    "transcribe.no_heading": (
        "找不到主表的標題列（主要職責、工作任務、工作產出、行為指標…）",
        "the main table's heading row (main duties, work tasks, work outputs, behaviour indicators …) was not found",
    ),
    "transcribe.attitude_numbered": (
        "態度「{name}」沒有代碼，依順序編為 {code}",
        'attitude "{name}" has no code: numbered {code} in order',
    ),
    "transcribe.missing": ("文件中找不到{part}", "the document has no {part}"),
    "transcribe.continued": (
        "換頁後這一行沒有代碼，讀作 {code} 的後半段",
        "this line, first after a page break, has no code: read as the end of {code}",
    ),
    "transcribe.activity_unclear": (
        "主表有「工作活動」欄，但複製的文字沒有分欄：{task} 之後到第一個工作產出前的文字都讀作任務名稱",
        "the main table has a work activity column the copied text does not keep apart: the text after {task} "
        "up to its first output is read as the task's name",
    ),
    "transcribe.part.code": ("職能基準代碼", "standard code"),
    "transcribe.part.name": ("職能基準名稱", "standard name"),
    "transcribe.part.level": ("基準級別", "standard level"),
    "transcribe.part.table": ("主表（主要職責、工作任務…）", "main table (main duties, work tasks …)"),
    "transcribe.part.outputs": ("工作產出", "work outputs"),
    "transcribe.part.indicators": ("行為指標", "behaviour indicators"),
    "transcribe.part.task_level": ("職能級別", "level"),
    "transcribe.task_lacks": ("工作任務 {task} 沒有{part}", "task {task} has no {part}"),
    "transcribe.truncated": (
        "文字到第 {page} 頁（共 {pages} 頁）就結束了，最後讀到 {code}：文件不完整",
        "the text stops at page {page} of {pages}, after {code}: the document is incomplete",
    ),
    "transcribe.stops": (
        "文字在 {code} 之後就結束了，沒有「職能內涵 (A=attitude 態度)」：文件不完整",
        "the text stops after {code}, before the attitudes (A=attitude): the document is incomplete",
    ),
    "transcribe.out_of_sequence": (
        "代碼 {code} 不依順序（應為 {expected}），照印出的代碼讀入",
        "code {code} is out of sequence (expected {expected}): read as printed",
    ),
    "transcribe.two_names": (
        "{code} 有兩個名稱：「{first}」與「{then}」",
        '{code} has two names: "{first}" and "{then}"',
    ),
    "transcribe.file_head": (
        "職能基準 {code}「{name}」，由 kmc-gap transcribe 自 {document} 轉出；只含文件本身的內容。",
        'Standard {code} "{name}", transcribed by kmc-gap transcribe from {document}; only what the document says.',
    ),
    "transcribe.file_choices": (
        "待確認：轉檔時做了 {n} 個判斷，請逐項對照原文件：",
        Plural(
            "n",
            "To check: the reading made {n} choice; check it against the document:",
            "To check: the reading made {n} choices; check each against the document:",
        ),
    ),
    "transcribe.unclear": (
        "有 {n} 個判斷待確認，未寫檔；對照原文件確認後，加 --accept 寫出（判斷會列在檔案開頭）",
        Plural(
            "n",
            "{n} choice is left to check: nothing written; once checked against the document, --accept "
            "writes the file (with the choice listed at its top)",
            "{n} choices are left to check: nothing written; once checked against the document, --accept "
            "writes the file (with the choices listed at its top)",
        ),
    ),
    "run.wrote_standard": ("已寫入 {path}：{code}，{tasks} 個工作任務", "wrote {path}: {code}, {tasks} tasks"),
    "help.cmd.init": (
        "產生一份證據檔範本，以註解列出職能基準的所有代碼。",
        "Write a starter profile listing every code of the standard as comments.",
    ),
    "help.cmd.plan": (
        "從課程目錄中規劃要開哪些課、誰參加：一人時選最少的課，團隊可設預算；以 HiGHS 求精確解。",
        "Plan which courses to run and who attends: the fewest courses for one person, or a team plan within "
        "a budget; solved exactly with HiGHS.",
    ),
    "help.cmd.diff": (
        "比較同一人的兩份證據檔或報告：新符合與不再符合的任務和項目。",
        "Compare two profiles or reports of the same person: tasks and items gained and lost.",
    ),
    "help.opt.lang": (
        "語言：zh-TW（預設）或 en；也可用環境變數 KMC_GAP_LANG。",
        "Language: zh-TW (default) or en; also KMC_GAP_LANG.",
    ),
    "help.opt.standard": (
        "改用這個職能基準檔，而非內建的 KMC3332-001v3。",
        "Use this standard file instead of the bundled KMC3332-001v3.",
    ),
    "help.opt.version": ("顯示版本後結束。", "Show the version and exit."),
    "help.opt.max_size": ("接受的最大輸入檔大小（位元組）。", "Largest input file accepted, in bytes."),
    "help.opt.as_of": ("評估日期 YYYY-MM-DD（預設：今天）。", "Date of assessment, YYYY-MM-DD (default: today)."),
    "help.opt.policy": ("採計規則：default、strict 或一個 YAML 檔。", "Policy: default, strict or a policy YAML file."),
    "help.opt.assess_format": (
        "輸出格式：{choices}；預設 table，或依 -o 的副檔名（.json、.jsonl、.csv、.md、.xml、.html、.txt、.xlsx）。",
        "Output format: {choices}; default table, or what the -o file's extension says "
        "(.json, .jsonl, .csv, .md, .xml, .html, .txt, .xlsx).",
    ),
    "help.opt.fail_under": (
        "涵蓋率低於這個百分比時結束碼為 1（寫 0–100，例如 80 或 80%）。",
        "Exit 1 when coverage is under PCT% (PCT from 0 to 100, such as 80 or 80%).",
    ),
    "help.opt.gaps": ("表格列出幾項落差：一個數目或 all。", "How many gaps the tables list: a number, or all."),
    "help.opt.require": (
        "這些工作任務未符合時結束碼為 1：all 或 T2.1,T4.3。",
        "Exit 1 unless these tasks are met: 'all' or T2.1,T4.3.",
    ),
    "help.opt.output": ("把報告寫到這個檔案（完整寫完才取代舊檔）。", "Write the report to FILE (atomically)."),
    "help.opt.issuer_key": (
        "用這個金鑰檔（JWK、JWKS 或 PEM 公鑰）驗證憑證的 JWS 簽章；沒給就是「簽章未驗證」。",
        "Verify credentials' JWS signatures with FILE (a JWK, a JWKS or a PEM public key); without it they are "
        "'not verified'.",
    ),
    "help.opt.standard_output": (
        "寫到這個檔案（完整寫完才取代舊檔），例如 --format case -o 套件.json。",
        "Write to FILE (atomically), e.g. --format case -o package.json.",
    ),
    "usage.case_whole": (
        "CASE 套件是整份職能基準：不要同時給代碼",
        "a CASE package is the whole standard: give no code with it",
    ),
    "help.opt.jobs": ("使用的處理程序數；0 = 每個核心一個。", "Processes to use; 0 = one per core."),
    "help.opt.redact": ("以固定的代號取代姓名與編號。", "Replace names and ids with stable pseudonyms."),
    "help.opt.bom": (
        "csv：檔首加上 UTF-8 BOM，讓 Excel 正確顯示中文。",
        "csv: start with a UTF-8 byte-order mark for Excel.",
    ),
    "help.opt.warn_expiring": ("列出這麼多天內到期的採計證據。", "List counting evidence that expires within DAYS."),
    "help.opt.view_format": ("輸出格式：{choices}。", "Output format: {choices}."),
    "help.opt.problem_format": (
        "輸出格式：{choices}（text 是 檔案:行:欄: 訊息）。",
        "Output format: {choices} (text is file:line:col: message).",
    ),
    "help.opt.validate_policy": ("一併檢查這個採計規則檔。", "Also check this policy file."),
    "help.opt.validate_catalog": (
        "一併檢查這個課程目錄（資料夾中的目錄由最上層的 courses 辨認）。",
        "Also check this course catalogue (catalogues in folders are recognised by their top-level courses).",
    ),
    "help.opt.init_output": ("寫到這個檔案，而非標準輸出。", "Write to FILE instead of stdout."),
    "help.opt.calibrate_top": (
        "表格與 Markdown 的每張表最多列出幾列（最需要談的在前）；0 = 全部列出。JSON 與活頁簿一律全部列出。",
        "How many rows each table lists in the table and Markdown (the ones most worth a talk first); 0 lists "
        "them all. JSON and the workbook always list them all.",
    ),
    "help.opt.force": ("檔案已存在時覆寫。", "Replace FILE if it exists."),
    "help.opt.form_force": (
        "連已填寫的表單也重新產生（預設保留已填寫的表單不動）。",
        "Make forms again even where people have filled them in (by default a filled form is kept as it is).",
    ),
    "help.opt.catalog_force": (
        "檔案已存在時覆寫（預設不覆寫，以免蓋掉已填好的目錄）。",
        "Replace FILE if it exists (by default it is kept: it may be a catalogue already filled in).",
    ),
    "help.opt.catalog": ("課程目錄（YAML、.xlsx 或 .csv）。", "Course catalogue (YAML, .xlsx or .csv)."),
    "help.arg.profiles": (
        "證據檔（YAML）、人資系統匯出的訓練紀錄（.csv、.xlsx，每列一筆、多人一檔），"
        "或 Open Badges／CLR 憑證（.json、.jwt）；資料夾會搜尋其中的 *.yaml、*.yml 與憑證。",
        "Profiles (YAML), HR record exports (.csv, .xlsx: a row per record, many people per file) or "
        "Open Badges / CLR credentials (.json, .jwt); directories are searched for *.yaml/*.yml and credentials.",
    ),
    "help.opt.records_catalog": (
        "課程目錄（YAML、.xlsx 或 .csv）：紀錄只寫課程代號時，由此查職能級別與職能內涵。",
        "Course catalogue (YAML, .xlsx or .csv): where a record names only a course code, its level and codes "
        "come from here.",
    ),
    "help.opt.sheet": (
        "只讀取活頁簿的這個工作表（預設 all：逐一檢視每個工作表，沒有紀錄的列出後略過）；"
        "單一檔案可寫 檔名.xlsx#工作表。",
        "Read only this sheet of each workbook (default all: every sheet is looked at, and those holding no "
        "records are named and passed over); for one file write file.xlsx#sheet.",
    ),
    "help.opt.roster": (
        "人員名冊（.csv、.xlsx 或 檔名.xlsx#工作表）：名冊上的每個人都列入報告，沒有紀錄也一樣。",
        "A roster (.csv, .xlsx or file.xlsx#sheet): everyone on it is in every report, with records or without.",
    ),
    "help.opt.verified_by": (
        "沒有確認者欄位的紀錄，以此為確認者（例如 訓練系統），讓 --policy strict 可採計。",
        "The verifier of rows that name none (e.g. the training system), so that --policy strict counts them.",
    ),
    "help.opt.include_leavers": (
        "名冊上已離職（在職狀態 離職、或有離職日）的人也列入；預設不列入團隊報告、評核表與訓練規劃。",
        "Keep the people the roster lists as having left (an employment status saying so, or a leaving date); "
        "by default they are left out "
        "of team reports, forms and plans.",
    ),
    "help.cmd.catalog": ("課程目錄工具。", "Course catalogue tools."),
    "help.cmd.catalog_init": (
        "從訓練紀錄產生課程目錄骨架（每個課程代號與名稱、人數），待填職能級別與職能內涵。",
        "Write a catalogue skeleton from records: every course code and title, and how many took it, "
        "for you to fill in level and codes.",
    ),
    "help.opt.catalog_output": ("要寫入的課程目錄（.xlsx 或 .csv）。", "The catalogue to write (.xlsx or .csv)."),
    "help.opt.columns": (
        "指定標題對應的欄位，例如 person_id=工號,date=上課日期。",
        "Read these headers as these fields, e.g. person_id=Staff,date=Attended.",
    ),
    "help.arg.code": (
        "要顯示的代碼：T2、T2.3、K07、S12、A01、P2.3.1、O2.3.3…",
        "A code to show: T2, T2.3, K07, S12, A01, P2.3.1, O2.3.3…",
    ),
    "help.arg.schema": (
        "profile、policy、catalog、standard、report、reports、standard-view、validation、import、plan、diff、"
        "calibration 或 mapping。",
        "profile, policy, catalog, standard, report, reports, standard-view, validation, import, plan, diff, "
        "calibration or mapping.",
    ),
    "help.arg.old": ("較早的證據檔（YAML）或 JSON 報告。", "Earlier profile (YAML) or JSON report."),
    "help.arg.new": ("較新的證據檔（YAML）或 JSON 報告。", "Later profile (YAML) or JSON report."),
    # ------------------------------------------------------------------ the starter profile (init)
    "starter.title": ("kmc-gap 證據檔（職能基準 {code} {name}）", "kmc-gap evidence profile (standard {code} {name})"),
    "starter.person": ("請填寫姓名", "Your name"),
    "starter.example_title": (
        "範例：iCAP 職能導向課程「活動行銷企劃實務」（請改成您的證據）",
        "Example: iCAP-certified course on event marketing planning (replace with your evidence)",
    ),
    "starter.codes": ("可用代碼（複製到 covers）", "Codes you can use (copy them into covers)"),
    "starter.level": ("（職能級別 {level}）", " (level {level})"),
    "starter.attitudes": ("態度（適用整個職能基準）", "Attitudes (for the whole standard)"),
    "starter.how": (
        "每一筆 evidence 是一項證據：訓練、證照、工作產出、經歷、評核或自評。\n"
        "level 填證據展現的職能級別（1–6），covers 填下方清單中的代碼。\n"
        "檢查：kmc-gap validate 本檔；評估：kmc-gap assess 本檔\n"
        "編輯器提示：kmc-gap schema profile > profile.schema.json，\n"
        "再於首行加上 # yaml-language-server: $schema=profile.schema.json",
        "Each evidence entry is one item: training, certificate, work output, experience,\n"
        "assessment or self report.\n"
        "level is the competency level (1–6) shown; covers lists codes from the list below.\n"
        "Check: kmc-gap validate this-file; assess: kmc-gap assess this-file\n"
        "Editor hints: kmc-gap schema profile > profile.schema.json,\n"
        "then add # yaml-language-server: $schema=profile.schema.json as the first line",
    ),
    # ------------------------------------------------------------------ kmc-gap import
    "import.header": (
        "由 kmc-gap import 自 {sources} 產生。\n"
        "可以手動加入工作產出、評核等證據；重新匯入時只會更新 id 以 rec- 或 form- 開頭、"
        "來源（source）為該次匯入檔案的證據，其他內容與註解都會保留。\n"
        "匯入的證據若不應採計，請加 exclude: true 並在 note 寫明原因（不要刪除，否則下次匯入會再出現）。",
        "Written by kmc-gap import from {sources}.\n"
        "Add work outputs and assessments by hand: a re-import updates only evidence whose id starts rec- or form- and "
        "whose source is among its files, and keeps everything else, comments included.\n"
        "To set an imported item aside, add exclude: true and say why in note (a deleted item comes back "
        "at the next import).",
    ),
    "import.distinct_file": (
        "人員編號 {id} 與 {other} 的檔名相同，改寫入這個檔案（每次都一樣）",
        "person id {id} makes the same file name as {other}: written to this file instead (the same every time)",
    ),
    "file.link_out": (
        "這是指向資料夾外的連結；為免寫到別處，未寫入",
        "a link to somewhere outside the folder: not written, so that nothing outside it is touched",
    ),
    "json.number": (
        "「{value}」不是可用的數字（位數過多，或 NaN、Infinity）",
        '"{value}" is no number a reader can take (too many digits, or NaN, Infinity)',
    ),
    "config.too_deep": (
        "設定檔巢狀太深（上千層括號），無法讀取",
        "the settings file is nested too deep (brackets thousands of levels deep) to be read",
    ),
    "file.locked": (
        "另一個匯入正在寫入這個資料夾（程序 {pid}，{host}，自 {since} 起）；請等它完成再試。"
        "若確定沒有別的匯入在進行，刪除 {lock} 後再試",
        "another import is writing to this folder (process {pid} on {host}, since {since}); try again when it "
        "is done. If you are sure none is running, delete {lock} and try again",
    ),
    "import.namesake": (
        "這個檔案與先前匯入的 {other} 同名，但不是同一個檔案（在別的資料夾）：視為另一個來源，先前由 {other} 匯入的"
        "項目保留不動。若它其實是同一份報表的新版，請把它存在原來的位置再匯入",
        "this file has the name of {other}, imported before, but is another file (in another folder): it is "
        "read as another source, and what {other} brought is kept. If it is a newer export of the same report, "
        "save it where the old one was and import again",
    ),
    "import.changed_meanwhile": (
        "這份檔案在匯入讀取之後被修改了（有人存檔？）；為免蓋掉那次修改，未寫入。請再匯入一次",
        "this file changed after the import read it (saved by someone?); it was not written, so that change is "
        "kept. Import again",
    ),
    "file.filled": (
        "這個檔案已有人填寫的內容，不會用空白的覆蓋；請換一個檔名，或確定要重做時加 --force",
        "this file holds what people filled in and is not replaced by a blank one: give another name, or add "
        "--force to start it again",
    ),
    "form.kept": (
        "已有 {n} 份填寫過的表單保留不動：{names}",
        Plural(
            "n",
            "{n} form already filled in was kept as it is: {names}",
            "{n} forms already filled in were kept as they are: {names}",
        ),
    ),
    "form.name": ("{name}", "{name}"),
    "import.not_profile": (
        "這個檔案不是可更新的證據檔（最上層應有 standard、person、evidence）；未更動",
        "not a profile that can be updated (it needs standard, person and evidence at the top): left as it was",
    ),
    "file.not_dir": ("這不是資料夾", "not a directory"),
    "import.removed_from": (
        "{id} {name}：從 {source} 移除（這次的檔案已沒有這些紀錄）",
        "{id} {name}: removed from {source} (no longer in this run's file)",
    ),
    "import.created": ("新檔", "new"),
    "import.updated_file": ("更新", "updated"),
    "import.unchanged": ("不變", "same"),
    "import.col.state": ("狀態", "State"),
    "import.col.added": ("新增", "Added"),
    "import.col.updated": ("更新", "Changed"),
    "import.col.removed": ("移除", "Removed"),
    "import.col.kept": ("保留", "Kept"),
    "import.done": (
        "已寫入 {written} 個證據檔，{unchanged} 個不變（{folder}）",
        Plural(
            "written",
            "wrote {written} profile, {unchanged} unchanged ({folder})",
            "wrote {written} profiles, {unchanged} unchanged ({folder})",
        ),
    ),
    "import.dry_run": (
        "試跑：會寫入 {written} 個證據檔，{unchanged} 個不變；未寫入任何檔案",
        Plural(
            "written",
            "dry run: {written} profile would be written, {unchanged} unchanged; nothing was written",
            "dry run: {written} profiles would be written, {unchanged} unchanged; nothing was written",
        ),
    ),
    "help.cmd.import": (
        "把人資系統匯出的訓練紀錄（.csv、.xlsx）轉成每人一份、可再編輯的證據檔；重新匯入只更新該次檔案的紀錄，"
        "保留手動加入的內容與其他來源。",
        "Turn HR record exports (.csv, .xlsx) into one editable profile per person; "
        "a re-import updates only its own files' records and keeps what was added by hand and other sources.",
    ),
    "help.arg.records": ("訓練紀錄檔（.csv、.xlsx）。", "Record files (.csv, .xlsx)."),
    "help.opt.import_output": (
        "證據檔寫入這個資料夾（每人 <人員編號>.yaml）。",
        "Write the profiles into this folder (<person id>.yaml each).",
    ),
    "help.opt.dry_run": ("只列出會做的變更，不寫入任何檔案。", "Show what would change without writing anything."),
    "help.opt.import_format": ("變更摘要的格式：{choices}。", "Format of the summary of changes: {choices}."),
    # ------------------------------------------------------------------ the workbook (--format xlsx)
    "xlsx.sheet.summary": ("摘要", "Summary"),
    # assessment forms (職能評核表)
    "form.sheet.guide": ("說明", "Guide"),
    "form.title": ("職能評核表", "Competency assessment form"),
    "form.label.name": ("姓名", "Name"),
    "form.label.person_id": ("員工編號", "Employee id"),
    "form.label.organisation": ("部門", "Department"),
    "form.label.rater.manager": ("評核人", "Rater"),
    "form.label.rater.peer": ("同儕評核人", "Peer rater"),
    "form.label.rater.assessor": ("評鑑人", "Assessor"),
    "form.label.date": ("評核日期", "Rating date"),
    "form.label.standard": ("職能基準", "Standard"),
    "form.col.code": ("代碼", "Code"),
    "form.col.task": ("工作任務", "Task"),
    "form.col.item": ("行為指標 / 工作產出", "Indicator / output"),
    "form.col.level": ("要求級別", "Required level"),
    "form.col.current": ("目前級別", "Level today"),
    "form.col.self": ("自評", "Self"),
    "form.col.self_note": ("自評說明", "Self note"),
    "form.col.peer": ("同儕評", "Peer"),
    "form.col.peer_note": ("同儕說明", "Peer note"),
    "form.col.manager": ("主管評核", "Manager"),
    "form.col.manager_note": ("觀察依據／佐證", "Evidence observed"),
    "form.col.assessor": ("評鑑評核", "Assessor"),
    "form.col.assessor_note": ("評鑑依據", "Assessor's evidence"),
    "form.col.output_ref": ("工作產出參照", "Output reference"),
    "form.col.check": ("檢核碼", "Check"),
    "form.rater.self": ("自評", "Self rating"),
    "form.rater.peer": ("同儕評核", "Peer rating"),
    "form.rater.manager": ("主管評核", "Manager rating"),
    "form.rater.assessor": ("評鑑", "Assessor rating"),
    "form.na": ("不適用", "n/a"),
    "rating.one": ("{rater} {level}（{state}）", "{rater} {level} ({state})"),
    "rating.stands": ("採計", "stands"),
    "rating.aside": ("未採計", "set aside"),
    "render.ratings": ("評核", "Ratings"),
    "rating.line": ("評核：{ratings}", "Ratings: {ratings}"),
    "form.levels": ("iCAP 職能級別", "iCAP competency levels"),
    "form.level": ("第 {level} 級", "Level {level}"),
    "form.how": ("如何評核", "How to rate"),
    "form.how.1": (
        "請就每一項行為指標與工作產出，依實際觀察到的工作表現，選填 1–6 級（見下方級別說明）；無法判斷者選「不適用」。",
        "For each behaviour indicator and work output, choose the level 1–6 that the work you have seen shows "
        "(the levels are below); choose n/a where you cannot judge.",
    ),
    "form.how.2": (
        "要求級別是此工作任務要求的級別：評核達到或高於要求級別，該項才算符合。",
        "The required level is the level the task requires: an item is met when it is rated at that level or above.",
    ),
    "form.how.3": (
        "主管評核請填寫評核人姓名與評核日期，並在「觀察依據／佐證」寫下所觀察的事例或文件。",
        "A manager fills in the rater's name and the rating date, and notes what was observed under Evidence observed.",
    ),
    "form.how.4": (
        "自評與主管評核並列；同一項有主管評核時，以主管評核為準，自評不採計（不取平均）。",
        "Self and manager ratings stand side by side; where a manager rated an item, the manager's rating "
        "stands and the self rating is not counted (never averaged).",
    ),
    "form.how.5": (
        "請勿修改代碼欄或新增列；可以排序或刪除列。",
        "Do not change the code column or add rows; sorting and deleting rows is fine.",
    ),
    "form.validation.title": ("評核級別", "Rating"),
    "form.validation.message": ("請選 1–6 或「不適用」", "Choose 1–6 or n/a"),
    "form.validation.date": ("請輸入日期，例如 2026-11-30", "Enter a date such as 2026-11-30"),
    "form.not_form": (
        "不是 kmc-gap 產生的評核表（找不到隱藏的 kmc-gap 工作表）",
        "not a kmc-gap form (no hidden kmc-gap sheet)",
    ),
    "form.version": (
        "評核表版本 {version} 無法讀取（此版本讀取第 {known} 版）",
        "form version {version} cannot be read (this version reads version {known})",
    ),
    "form.other_standard": (
        "這份評核表是職能基準 {found} 的，不是 {standard}",
        "this form is for standard {found}, not {standard}",
    ),
    "form.sheet_missing": ("找不到評核表工作表「{sheet}」", "the form sheet {sheet} is missing"),
    "form.output_not_folder": (
        "這是一個檔案：-o 請給一個資料夾（每人一個活頁簿）或一個 .xlsx 檔",
        "is a file: give -o a folder (a workbook each) or a .xlsx file",
    ),
    "form.bad_person": ("這份評核表的姓名或部門無法讀取", "this form's name or department cannot be read"),
    "form.bad_row": (
        "這一列的 {field} 無法讀取（太長或格式不符）",
        "this row's {field} cannot be read (too long, or not valid)",
    ),
    "form.no_header": ("找不到評核表的標題列（代碼）", "no heading row (Code) in this form sheet"),
    "form.person_differs": (
        "員工編號 {found} 與這份評核表的人員 {expected} 不符",
        "employee id {found} does not match this form's person {expected}",
    ),
    "form.bad_rating": (
        "評核級別 {value} 無效：請填 1–6 的整數或「不適用」",
        "rating {value} is not valid: give a whole number 1–6 or n/a",
    ),
    "form.no_date": ("已有評核，但沒有評核日期", "ratings are given but there is no rating date"),
    "form.bad_date": (
        "評核日期 {value} 無法辨識，請寫成 YYYY-MM-DD",
        "rating date {value} is not a date: write YYYY-MM-DD",
    ),
    "form.date_future": ("評核日期 {value} 晚於今天", "rating date {value} is after today"),
    "form.no_rater": ("已有{rater}，但沒有填寫評核人姓名", "a {rater} is given but the rater's name is empty"),
    "form.row_not_issued": (
        "第 {code} 列不是評核表原有的列（手動新增的列不採計）",
        "the row {code} was not on the form as written (a row typed in is not read)",
    ),
    "form.code_changed": (
        "代碼 {code} 與這一列原本的代碼不符（代碼欄被修改）",
        "the code {code} is not the code this row was written with (the code was changed)",
    ),
    "xlsx.sheet.overview": ("總覽", "Overview"),
    "xlsx.sheet.gaps": ("落差", "Gaps"),
    "xlsx.sheet.detail": ("明細", "Detail"),
    "xlsx.sheet.evidence": ("證據", "Evidence"),
    "xlsx.sheet.about": ("說明", "About"),
    "metavar.PROFILE": ("證據檔", "PROFILE"),
    "metavar.FILE": ("檔案", "FILE"),
    "metavar.DIR": ("資料夾", "DIR"),
    "metavar.FORMAT": ("格式", "FORMAT"),
    "metavar.NAME": ("名稱", "NAME"),
    "metavar.RECORDS": ("紀錄檔", "RECORDS"),
    "metavar.PEOPLE": ("人員檔", "PEOPLE"),
    "metavar.FORMS": ("評核表", "FORMS"),
    "metavar.OLD": ("舊檔", "OLD"),
    "metavar.NEW": ("新檔", "NEW"),
    "metavar.TASK": ("任務", "TASK"),
    "metavar.TASKS": ("任務", "TASKS"),
    "metavar.DATE": ("日期", "DATE"),
    "metavar.DAYS": ("天數", "DAYS"),
    "metavar.HOURS": ("時數", "HOURS"),
    "metavar.SECONDS": ("秒數", "SECONDS"),
    "metavar.AMOUNT": ("金額", "AMOUNT"),
    "metavar.PCT": ("百分比", "PCT"),
    "metavar.CODE": ("代碼", "CODE"),
    "metavar.LANG": ("語言", "LANG"),
    "metavar.FIELD": ("欄位", "FIELD"),
    "metavar.RATERS": ("評核人", "RATERS"),
    "metavar.POLICY": ("採計規則", "POLICY"),
    "metavar.BYTES": ("位元組", "BYTES"),
    "metavar.N": ("數量", "N"),
    "metavar.N|all": ("數量|all", "N|all"),
    "metavar.DIR|FILE.xlsx": ("資料夾|檔案.xlsx", "DIR|FILE.xlsx"),
    "metavar.FIELD=HEADER,…": ("欄位=標題,…", "FIELD=HEADER,…"),
    "render.exam": ("考取證照：{title}", "exam: {title}"),
    "render.not_planned": (
        "{n} 張證照未列入規劃：課程目錄沒有報考費用（{codes}）；補上 cost 或 seat_cost 即可規劃",
        Plural(
            "n",
            "{n} certificate not planned: the catalogue gives no exam fee ({codes}); add cost or seat_cost",
            "{n} certificates not planned: the catalogue gives no exam fee ({codes}); add cost or seat_cost",
        ),
    ),
    "catalog.bad_kind": (
        "類別「{value}」不明：請寫 課程 或 證照",
        'unknown kind "{value}": write course or certificate',
    ),
    "import.older_export": (
        "{source} 這份匯出檔（{this}）比上次匯入的（{last}）舊：{n} 項較新的內容未被還原；"
        "確定要用舊檔，請先刪除證據檔 exports 中的 {source}",
        Plural(
            "n",
            "warning: this export of {source} ({this}) is older than the one last imported ({last}): "
            "{n} newer item was not undone; to use the older file, first delete {source} under exports "
            "in the profile",
            "warning: this export of {source} ({this}) is older than the one last imported ({last}): "
            "{n} newer items were not undone; to use the older file, first delete {source} under exports "
            "in the profile",
        ),
    ),
    "inspect.table": (
        "{table}：{rows} 列，標題在第 {header} 列",
        Plural(
            "rows",
            "{table}: {rows} row, the header on row {header}",
            "{table}: {rows} rows, the header on row {header}",
        ),
    ),
    "inspect.credential": (
        "{table}：數位憑證 {rows} 張；這不是表格，沒有欄位要對照（所涵蓋的職能內涵見 assess 或 validate）",
        Plural(
            "rows",
            "{table}: {rows} credential; not a table, so no columns to map (what it covers: assess or validate)",
            "{table}: {rows} credentials; not a table, so no columns to map (what they cover: assess or validate)",
        ),
    ),
    "inspect.unreadable": ("無法讀取（見錯誤訊息）", "could not be read (see the messages)"),
    "inspect.columns": ("欄位：{columns}", "columns: {columns}"),
    "inspect.column": ("{header} → {field}", "{header} → {field}"),
    "inspect.not_read": ("（未使用）", "(not read)"),
    "inspect.unknown": (
        "看不懂的值：「{header}」欄的「{value}」，{n} 列",
        Plural(
            "n",
            'value not understood: "{value}" in column "{header}", {n} row',
            'value not understood: "{value}" in column "{header}", {n} rows',
        ),
    ),
    "inspect.cause": (
        "會被拒絕的列：{n} 列，例如 {first}（{where}）",
        Plural("n", "refused: {n} row, such as: {first} ({where})", "refused: {n} rows, such as: {first} ({where})"),
    ),
    "inspect.wrote": (
        "已寫入對照檔 {path}：請補上標 null 的項目，再以 --mapping 套用",
        "wrote the mapping {path}: fill in what is null, then apply it with --mapping",
    ),
    "mapping.title": (
        "kmc-gap 對照檔：這個人資系統的欄位與用詞",
        "kmc-gap mapping: this HR system's headers and words",
    ),
    "mapping.how": (
        "null 是尚未決定的項目；填好後以 --mapping 套用到每個指令",
        "null is not decided yet; once filled in, apply it to every command with --mapping",
    ),
    "mapping.header_open": (
        "未使用：填欄位名稱（person_id、name、date…）或 ignore",
        "not read: write a field (person_id, name, date…) or ignore",
    ),
    "mapping.hidden_rows": (
        "有工作表隱藏了列：填 read（照常讀取，例如篩選後的檢視）或 skip（略過，例如刻意藏起的列）",
        "a sheet hides rows: write read (read them, as a filter's view) or skip (pass them over, as rows set aside)",
    ),
    "mapping.join": (
        "有姓名唯一但部門不同的列：填 name（同名即同一人，調過部門）或 name_department（部門不同就不算）",
        "some rows name the one person of that name in another department: write name (the same person, who "
        "moved) or name_department (another department is another person)",
    ),
    "mapping.course_open": (
        "看來是一門課程，但目錄沒有：填目錄中的課程代號（不是課程就在 headers 寫 ignore）",
        "looks like a course no catalogue names: write the catalogue's course code (if it is none, ignore it under "
        "headers)",
    ),
    "inspect.not_a_mapping": (
        "不會覆寫這個檔案：它不是對照檔（請換一個 --write-mapping 的檔名，或先修正它）",
        "this file is not written over: it is not a mapping (give --write-mapping another name, or mend it first)",
    ),
    "mapping.word_open": (
        "看不懂：填 passed、not_passed、absent、present、not_taken 或 exempt",
        "not understood: write passed, not_passed, absent, present, not_taken or exempt",
    ),
    "mapping.date_order": (
        "05/03/2026 分不出日月時：dmy（日/月/年）或 mdy（月/日/年）",
        "when 05/03/2026 could be either: dmy (day first) or mdy (month first)",
    ),
    "help.cmd.records": ("人資紀錄工具。", "HR record tools."),
    "help.cmd.records_inspect": (
        "檢查人資系統的匯出檔會怎麼被讀：每欄讀成什麼、看不懂的值與次數、會被拒絕的列（依原因、各三例）；"
        "可寫出對照檔（--write-mapping）供之後以 --mapping 套用。",
        "Show how an HR system's exports are read: what each column is read as, the values not understood "
        "and how often, the rows that would be refused by cause with three examples; --write-mapping writes "
        "a mapping to finish and apply with --mapping.",
    ),
    "help.opt.write_mapping": (
        "把讀到的欄位與看不懂的值寫成可編輯的對照檔（YAML）。",
        "Write the headers read and the values not understood as an editable mapping (YAML).",
    ),
    "help.opt.mapping": (
        "人資系統的對照檔（YAML，見 kmc-gap schema mapping）：欄位、用詞、人員編號位數、日月順序。",
        "The HR system's mapping (YAML, see kmc-gap schema mapping): headers, words, id width, date order.",
    ),
    "help.opt.inspect_format": ("輸出格式：{choices}。", "Output format: {choices}."),
    "inspect.field.person_id": ("人員編號", "person_id"),
    "inspect.field.name": ("姓名", "name"),
    "inspect.field.organisation": ("部門", "organisation"),
    "inspect.field.role": ("職稱", "role"),
    "inspect.field.course": ("課程代號", "course"),
    "inspect.field.title": ("課程名稱", "title"),
    "inspect.field.kind": ("類別", "kind"),
    "inspect.field.date": ("日期", "date"),
    "inspect.field.expires": ("到期日", "expires"),
    "inspect.field.level": ("職能級別", "level"),
    "inspect.field.covers": ("職能內涵", "covers"),
    "inspect.field.hours": ("時數", "hours"),
    "inspect.field.verified_by": ("確認者", "verified_by"),
    "inspect.field.provider": ("開課單位", "provider"),
    "inspect.field.reference": ("證號", "reference"),
    "inspect.field.score": ("成績", "score"),
    "inspect.field.passed": ("是否合格", "passed"),
    "inspect.field.attendance": ("出缺勤", "attendance"),
    "inspect.field.note": ("備註", "note"),
    "inspect.field.employment": ("在職狀態", "employment"),
    "inspect.field.left_on": ("離職日", "left_on"),
    "csv.col.person_id": ("人員編號", "Person id"),
    "csv.col.person_name": ("姓名", "Name"),
    "csv.col.file": ("檔案", "File"),
    "csv.col.task": ("工作任務", "Task"),
    "csv.col.task_name": ("任務名稱", "Task name"),
    "csv.col.duty": ("工作職責", "Duty"),
    "csv.col.level": ("要求級別", "Required level"),
    "csv.col.status": ("狀態", "Status"),
    "csv.col.attained_level": ("達到級別", "Attained level"),
    "csv.col.items_met": ("符合項目", "Items met"),
    "csv.col.items_total": ("項目數", "Items"),
    "xlsx.col.person_id": ("人員編號", "Person id"),
    "xlsx.col.person_name": ("姓名", "Name"),
    "xlsx.col.organisation": ("單位", "Organisation"),
    "xlsx.col.role": ("職稱", "Role"),
    "xlsx.col.tasks_met": ("符合任務數", "Tasks met"),
    "xlsx.col.coverage": ("涵蓋率", "Coverage"),
    "xlsx.col.verdict": ("結論", "Verdict"),
    "xlsx.col.task": ("工作任務", "Task"),
    "xlsx.col.task_name": ("任務名稱", "Task name"),
    "xlsx.col.required_level": ("要求級別", "Required level"),
    "xlsx.col.code": ("代碼", "Code"),
    "xlsx.col.item_name": ("項目名稱", "Item"),
    "xlsx.col.kind": ("類別", "Kind"),
    "xlsx.col.met": ("是否符合", "Met"),
    "xlsx.col.missing_items": ("欠缺項目", "Missing items"),
    "xlsx.col.ratings": ("評核", "Ratings"),
    "xlsx.col.best_level": ("最佳級別", "Best level"),
    "xlsx.col.evidence_counting": ("採計的證據", "Evidence that counts"),
    "xlsx.col.course_code": ("課程代號", "Course code"),
    "xlsx.col.note": ("備註", "Note"),
    "xlsx.more_items": ("{codes} 等，共 {total} 項", "{codes} … ({total} in all)"),
    "xlsx.more_people": (
        "{names} 等，另有 {n} 人（全部見明細）",
        "{names} and others: {n} more (all on the detail sheet)",
    ),
    "xlsx.col.evidence_kind": ("證據類別", "Kind"),
    "xlsx.col.title": ("名稱", "Title"),
    "xlsx.col.date": ("日期", "Date"),
    "xlsx.col.level": ("職能級別", "Level"),
    "xlsx.col.expires": ("到期日", "Expires"),
    "xlsx.col.covers": ("職能內涵", "Covers"),
    "xlsx.col.counted": ("採計", "Counted"),
    "xlsx.col.reason": ("未採計原因", "Why not counted"),
    "xlsx.col.people_missing": ("欠缺人數", "People missing it"),
    "xlsx.col.who": ("欠缺的人員", "Who"),
    "xlsx.col.people": ("人數", "People"),
    "xlsx.legend": ("圖例（總覽）", "Legend (overview)"),
    "xlsx.legend.met": ("工作任務的每一項都已符合", "every item of the task is met"),
    "xlsx.legend.partial": ("部分項目符合", "some items are met"),
    "xlsx.legend.missing": ("沒有項目符合", "no item is met"),
    "xlsx.legend.number": (
        "格中數字＝達到的級別：全部項目都符合的最高級別（0＝未達任何級別）",
        "the number in a cell = the level attained: the highest level at which every item is met (0 = none)",
    ),
    "render.yes": ("是", "yes"),
    "render.no": ("否", "no"),
    "evidence_kind.training": ("訓練", "training"),
    "evidence_kind.certificate": ("證照", "certificate"),
    "evidence_kind.work_output": ("工作產出", "work output"),
    "evidence_kind.experience": ("工作經歷", "experience"),
    "evidence_kind.assessment": ("評核", "assessment"),
    "evidence_kind.self_report": ("自評", "self report"),
    # ------------------------------------------------------------------ tables, headings, reports
    "render.level": ("職能級別", "Level"),
    "render.level_short": ("級別", "Lv"),
    "render.level_n": ("級別 {level}", "level {level}"),
    "render.item_levels": ("最佳 {best}／要求 {required}", "best {best} / required {required}"),
    "render.counts_here": ("採計", "counts"),
    "render.level_too_low": ("級別 {level} 低於要求 {required}", "level {level} is below the required {required}"),
    "legend.task": (
        "✓／✗＝符合／未符合　每項下列出涵蓋它的證據，以及不採計的原因",
        "✓/✗ = met/not met; under each item, the evidence that covers it and why any does not count",
    ),
    "help.opt.task": (
        "只顯示這個工作任務的每一項（例如 T3.1）與相關證據。",
        "Show one task in full (e.g. T3.1) with its evidence.",
    ),
    "render.outputs": ("工作產出", "Work outputs"),
    "render.indicators": ("行為指標", "Behaviour indicators"),
    "render.knowledge": ("知識", "Knowledge"),
    "render.skills": ("技能", "Skills"),
    "render.attitudes": ("態度", "Attitudes"),
    "render.duty": ("主要職責", "Duty"),
    "render.task": ("工作任務", "Task"),
    "render.code": ("代碼", "Code"),
    "render.name": ("名稱", "Name"),
    "render.required_by": ("需要此項目的工作任務", "Tasks that require it"),
    "render.required_by_none": ("（無工作任務列出此項目）", "(no task lists this item)"),
    "render.attitude_note": (
        "態度適用於整個職能基準，不屬於特定工作任務。",
        "Attitudes apply to the whole standard, not to particular tasks.",
    ),
    "kind.output": ("工作產出", "work output"),
    "kind.indicator": ("行為指標", "behaviour indicator"),
    "kind.knowledge": ("知識", "knowledge"),
    "kind.skill": ("技能", "skill"),
    "kind.attitude": ("態度", "attitude"),
    "render.counts": ("產出{o}·指標{p}·知識{k}·技能{s}", "O{o}·P{p}·K{k}·S{s}"),
    "render.person": ("人員", "Person"),
    "render.who": ("人員：{person}", "Person: {person}"),
    "render.standard": ("職能基準", "Standard"),
    "render.as_of": ("評估日期", "As of"),
    "render.policy": ("採計規則", "Policy"),
    "render.verdict": ("結論", "Verdict"),
    "render.verdict_label": ("結論：", "Verdict: "),
    "verdict.met": ("符合職能基準", "Meets the standard"),
    "verdict.not_met": ("尚未符合職能基準", "Does not yet meet the standard"),
    "render.status": ("狀態", "Status"),
    "status_letter.met": ("符", "M"),
    "status_letter.partial": ("部", "P"),
    "status_letter.missing": ("未", "X"),
    "status.met": ("符合", "met"),
    "status.partial": ("部分", "partial"),
    "status.missing": ("未符合", "missing"),
    "render.required": ("要求", "Req."),
    "render.attained": ("達到", "Att."),
    "render.met_total": ("符合", "Met"),
    "render.task_short": ("任務", "Task"),
    "render.coverage": ("涵蓋率", "Coverage"),
    "render.gaps": ("主要落差（建議優先補強）", "Top gaps (learn these first)"),
    "render.gaps_none": ("沒有落差。", "No gaps."),
    "render.gaps_more": (
        "……另有 {n} 項落差；全部列出請加 --gaps all",
        Plural("n", "… and {n} more gap; --gaps all lists them all", "… and {n} more gaps; --gaps all lists them all"),
    ),
    "render.blocks": ("任務數", "Tasks"),
    "legend.tasks": (
        "要求＝要求級別　達到＝全部項目符合的最高級別　符合＝符合項目／全部",
        "Req. = level required  Att. = highest level all items meet  Met = met/all",
    ),
    "legend.gaps": (
        "任務數＝欠缺此項的任務　要求＝最高要求級別　最佳＝證據的最高級別",
        "Tasks = tasks lacking it  Req. = highest level required  Best = best level shown",
    ),
    "render.best": ("最佳", "Best"),
    "render.attitude_met": ("已具備", "shown"),
    "render.attitude_missing": ("未見證據", "no evidence"),
    "render.not_counted": ("未採計的證據", "Evidence not counted"),
    "render.none": ("無", "none"),
    "render.counted": ("採計", "counted"),
    "render.date": ("日期", "Date"),
    "render.hours_unit": ("{hours} 小時", "{hours} h"),
    "render.report_title": ("職能落差報告", "competency gap report"),
    "render.cohort_summary": ("總覽", "Summary"),
    "render.diff_title": ("前後比較", "Progress"),
    "render.before": ("之前", "Before"),
    "render.after": ("之後", "After"),
    "render.diff_summary": (
        "涵蓋率 {before} → {after}（{change} 個百分點），符合的任務 {tb} → {ta}",
        "coverage {before} → {after} ({change} points), tasks met {tb} → {ta}",
    ),
    "render.tasks_gained": ("新符合的任務", "Tasks gained"),
    "render.tasks_lost": ("不再符合的任務", "Tasks lost"),
    "render.items_gained": ("新符合的項目", "Items gained"),
    "render.items_lost": ("不再符合的項目", "Items lost"),
    "render.diff_other_person": ("注意：兩份資料不是同一個人", "Warning: the two inputs are of different people"),
    "render.plan_title": ("訓練規劃", "Training plan"),
    "render.catalog": ("課程目錄", "Catalogue"),
    "render.sample_catalog": ("（範例目錄：課程皆為虛構）", "(a sample catalogue: the courses are made up)"),
    "render.n_courses": (
        "{n} 門課",
        Plural("n", "{n} course", "{n} courses"),
    ),
    "render.plan_summary": (
        "開設 {n} 門課，費用 {cost}，共 {hours} 人時；涵蓋率 {before} → {after}，符合的任務 {tb} → {ta}",
        "courses: {n}, cost {cost}, person-hours: {hours}; coverage {before} → {after}, tasks met {tb} → {ta}",
    ),
    "render.activities": ("工作活動", "Work activities"),
    "render.same_as": (
        "與 {code} 共用同一組職能內涵（文件中印在同一格）",
        "shares {code}'s competency (the document prints them in one cell)",
    ),
    "render.block_line": ("職能區塊 {n} · 級別 {level}：{codes}", "competency block {n} · level {level}: {codes}"),
    "render.block_head": ("職能區塊 {n} · 級別 {level}", "competency block {n} · level {level}"),
    "render.plan_budget": ("預算 {amount}", "budget {amount}"),
    "render.plan_no_task_gain": (
        "符合的任務沒有增加，因為每個工作任務還要有行為指標（P）與工作產出（O）的評核，而課程只補知識與技能："
        "請主管以 kmc-gap form 評核看得到的工作，評核表交回後任務才會符合。",
        "No more tasks are met: every work task also needs its behaviour indicators (P) and work outputs (O) "
        "rated, and courses give knowledge and skills only. Have managers rate the work they see (kmc-gap "
        "form); once the forms come back, tasks are met.",
    ),
    "render.plan_max_hours": (
        "每人最多加訓 {hours} 小時",
        Plural("hours", "at most {hours} more hour a person", "at most {hours} more hours a person"),
    ),
    "render.plan_not_proven": (
        "求解器在時間限制內停止：這是找到的最佳方案，與最佳解的差距至多 {gap}",
        "the solver stopped at the time limit: this is the best plan found, within {gap} of the optimum",
    ),
    "render.plan_none_needed": ("沒有落差，不需要任何課程。", "No gaps: no course is needed."),
    "render.plan_no_course_helps": ("目錄中沒有課程能補足這些落差。", "No course in the catalogue closes these gaps."),
    "render.n_people": (
        "{n} 人",
        Plural("n", "{n} person", "{n} people"),
    ),
    "render.attendees": ("參加者", "Attendees"),
    "render.team_cost": ("費用 {amount}", "cost {amount}"),
    "render.team_cost_head": ("費用", "Cost"),
    "render.course_cost": ("開班費 {amount}", "course fee {amount}"),
    "render.seat_cost": ("每人 {amount}", "per seat {amount}"),
    "plan.solver_missing": (
        "找不到最佳化求解器 HiGHS（highspy）；請重新安裝 kmc-gap：pip install kmc-gap",
        "the HiGHS optimisation solver (highspy) is missing; reinstall kmc-gap: pip install kmc-gap",
    ),
    "plan.solver_failed": ("求解器無法完成規劃（{status}）", "the solver could not make a plan ({status})"),
    "help.opt.budget": (
        "團隊的訓練預算：在預算內讓最多人、最多任務達標。",
        "The team's training budget: meet the most tasks within it.",
    ),
    "help.opt.max_hours": ("每人最多增加的訓練時數。", "At most this many added training hours a person."),
    "help.opt.time_limit": (
        "求解器的時間上限（秒）；到時仍輸出找到的最佳方案。",
        "Solver time limit in seconds; the best plan found is still printed.",
    ),
    "render.unclosable": ("目錄中沒有課程能補足的落差（需以工作實務證明）", "Gaps no course in the catalogue closes"),
    "unclosable.no_course": ("沒有課程涵蓋", "no course covers it"),
    "unclosable.level_too_low": ("課程級別不足", "courses too low"),
    "unclosable.not_enough_courses": ("課程數不足", "too few courses"),
    "render.course": ("課程", "Course"),
    "render.provider": ("開課單位", "Provider"),
    "render.hours": ("時數", "Hours"),
    "render.closes": ("補足", "Closes"),
    "render.expiring": (
        "即將到期的證據（{days} 天內）",
        Plural("days", "Evidence expiring within {days} day", "Evidence expiring within {days} days"),
    ),
    "render.expires_on": (
        "{date} 到期（剩 {days} 天）",
        Plural("days", "expires {date} (in {days} day)", "expires {date} (in {days} days)"),
    ),
    "render.at_risk": ("屆時不再符合的任務", "tasks it would take below met"),
    "render.cohort_count": (
        "{n} 人，其中 {met} 人符合職能基準",
        Plural("n", "{n} person, {met} meeting the standard", "{n} people, {met} meeting the standard"),
    ),
    "render.tasks_short": ("任務", "Tasks"),
    "render.matrix_key": ("欄位 11 = T1.1，依此類推", "column 11 = T1.1, and so on"),
    "render.most_missing": ("最多人欠缺的項目", "Items most often missing"),
    "render.people": ("人數", "People"),
    "render.failed_files": ("無法評估的檔案", "Files that could not be assessed"),
    "render.reason": ("原因", "Reason"),
    "render.evidence": ("證據", "Evidence"),
    "reason.excluded": ("已手動排除", "excluded by hand"),
    "reason.not_passed": ("未通過或缺課", "not passed or absent"),
    "reason.score_below": ("成績 {score}，未達及格分數 {mark}", "score {score}, under the pass mark {mark}"),
    "reason.future": ("日期晚於評估日", "dated after the as-of date"),
    "reason.expired": ("已過期", "expired"),
    "reason.kind_not_accepted": ("此類證據不採計", "kind not accepted"),
    "reason.not_verified": ("未經驗證", "not verified"),
    "reason.too_old": (
        "超過 {years} 年",
        Plural("years", "older than {years} year", "older than {years} years"),
    ),
    "reason.overridden": ("由更可信的評核取代", "overridden by a more trusted rating"),
    "render.summary_line": (
        "工作任務 {tm}/{tt} · 項目 {im}/{it}（{pct}）",
        "tasks {tm}/{tt} · items {im}/{it} ({pct})",
    ),
    "junit.failure": ("{status}：{met}/{total}（級別 {level}）", "{status}: {met}/{total} (level {level})"),
}

#: CASE: the CFItemType of each kind of a standard's code (title, hierarchyCode, description), in the
#: standard's order. The titles are how an iCAP standard names its parts; an importer also knows
#: the English titles.
CASE_ITEM_TYPES: dict[str, tuple[str, str, str, str]] = {
    "duty": ("工作職責", "T", "主要職責（T1、T2…）", "Duty"),
    "task": ("工作任務", "T.T", "工作任務（T1.1…），各有其職能級別", "Task"),
    "output": ("工作產出", "O", "工作產出（O1.1.1…）", "Work output"),
    "indicator": ("行為指標", "P", "行為指標（P1.1.1…）", "Behaviour indicator"),
    "knowledge": ("知識", "K", "職能內涵：知識（K01…）", "Knowledge"),
    "skill": ("技能", "S", "職能內涵：技能（S01…）", "Skill"),
    "attitude": ("態度", "A", "職能內涵：態度（A01…）", "Attitude"),
}
#: CASE: who publishes iCAP standards (CFDocument creator and publisher).
CASE_CREATOR = "勞動部勞動力發展署"
#: CASE: the rubric of the six iCAP levels, and each level's name.
CASE_RUBRIC_TITLE = "iCAP 職能級別"
CASE_LEVEL_QUALITY = "職能級別 {level}"
