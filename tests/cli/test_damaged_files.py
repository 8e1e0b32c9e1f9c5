"""Damaged and hostile spreadsheets and CSV files: each is one located problem, and the rest of the batch goes on."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kmc_gap.model import spreadsheet
from kmc_gap.words import t

from conftest import ROOT, RunLine, examples, run_cli, without_inputs

CATALOG = "examples/catalog.yaml"
PROFILE = "examples/profiles/senior-planner.yaml"
REL = "examples/records/training-2025.xlsx"
EXPORT = ROOT / REL
HEAD = ["員工編號", "姓名", "課程代號", "結訓日期"]


def small_book(path: Path, stray: tuple[int, int] | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("紀錄")
    sheet.write_row(0, 0, HEAD)
    sheet.write_row(1, 0, ["E1", "王", "C01", "2025-03-01"])
    if stray is not None:
        sheet.write_string(*stray, "x")
    book.close()
    return path


def with_profile(run_line: RunLine, path: Path, *extra: str) -> tuple[int, list[str], str]:
    """Assess a damaged file next to a valid profile: the exit code, whose reports came out, and stderr."""
    run = run_line("assess", str(path), PROFILE, "-c", CATALOG, "-f", "jsonl", "--as-of", "2026-06-30", *extra)
    people = [json.loads(line)["person"]["name"] for line in run.stdout.splitlines()]
    return run.code, people, run.stderr


@pytest.mark.slow
def test_a_stray_cell_far_outside_the_table_is_refused_before_reading(run_line: RunLine, tmp_path: Path) -> None:
    path = small_book(tmp_path / "stray.xlsx", stray=(1048575, 16383))  # XFD1048576: 5 KB on disk
    assert path.stat().st_size < 10_000
    code, people, stderr = with_profile(run_line, path)
    assert (code, people) == (2, ["王志明"])  # the valid profile still gets its report
    # A1 to XFD1048576: 1,048,576 rows × 16,384 columns
    assert stderr == f"{path}: {t('records.workbook_grid', cells=17179869184, limit=20000000)}\n"


def test_a_stray_cell_a_few_thousand_rows_down_is_refused_too(run_line: RunLine, tmp_path: Path) -> None:
    code, _, stderr = with_profile(run_line, small_book(tmp_path / "s.xlsx", stray=(7999, 16383)))  # XFD8000
    assert code == 2 and t("records.workbook_grid", cells=131072000, limit=spreadsheet.MAX_CELLS) in stderr


def _rezip(source: Path, target: Path, change: dict[str, bytes]) -> Path:
    """``source`` with some members' bytes replaced, compressed as Excel does."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, change.get(info.filename, old.read(info)))
    target.write_bytes(buffer.getvalue())
    return target


def test_a_zip_bomb_is_refused(run_line: RunLine, tmp_path: Path) -> None:
    book = small_book(tmp_path / "plain.xlsx")
    with zipfile.ZipFile(book) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    padded = xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 30_000_000)  # 30 MB of blanks: ~1000 to 1
    bomb = _rezip(book, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": padded})
    assert bomb.stat().st_size < 200_000
    code, people, stderr = with_profile(run_line, bomb)
    assert (code, people) == (2, ["王志明"])
    assert t("records.workbook_bomb", member="xl/worksheets/sheet1.xml") in stderr


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused(
    run_line: RunLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with zipfile.ZipFile(EXPORT) as z:
        unpacked = sum(i.file_size for i in z.infolist())
    size = EXPORT.stat().st_size
    monkeypatch.setattr(spreadsheet, "UNPACKED_FACTOR", 2)  # the export unpacks to some 8 times its size
    assert unpacked > 2 * size
    code, people, stderr = with_profile(run_line, Path(REL), "--max-size", str(size))
    assert (code, people) == (2, ["王志明"])
    assert stderr == f"{REL}: {t('records.workbook_unpacks', size=unpacked, limit=2 * size, factor=2)}\n"


def _abort(raw: bytes, pipe: Any) -> None:  # a reader that dies as a Rust abort does: signal 6
    import faulthandler

    faulthandler.disable()  # pytest's fault handler would print this deliberate abort's stack into the log
    os.abort()


def _panic(raw: bytes, pipe: Any) -> None:  # a reader whose panic escapes as a BaseException
    class PanicException(BaseException):
        pass

    raise PanicException("called `Option::unwrap()` on a `None` value")


@pytest.mark.parametrize("reader", [_abort, _panic], ids=["abort", "panic"])
def test_a_reader_that_dies_is_one_problem(run_line: RunLine, monkeypatch: pytest.MonkeyPatch, reader: Any) -> None:
    monkeypatch.setattr(spreadsheet, "_child", reader)
    code, people, stderr = with_profile(run_line, Path(REL))
    assert (code, people) == (2, ["王志明"])  # the valid profile given with it still gets its report
    assert stderr == f"{REL}: {t('records.not_workbook')}\n"


@pytest.mark.parametrize("reader", [None, _abort], ids=["reads", "dies"])
def test_the_checks_made_while_the_reader_reads_come_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reader: Any
) -> None:
    """The limits are checked in this process while the child reads: a workbook they refuse is refused for
    that, whether the reader read it or died on it, and the reader is not left running."""
    if reader is not None:
        monkeypatch.setattr(spreadsheet, "_child", reader)
    raw = small_book(tmp_path / "a.xlsx").read_bytes()

    def refuse() -> None:
        raise spreadsheet.InputError([spreadsheet.Problem("a.xlsx", "records.workbook_bomb", {"member": "m"})])

    with pytest.raises(spreadsheet.InputError) as caught:
        spreadsheet.read_book(raw, "a.xlsx", list, refuse)
    assert [p.key for p in caught.value.problems] == ["records.workbook_bomb"]
    import multiprocessing

    assert multiprocessing.active_children() == []


def test_what_the_checks_give_comes_back_with_the_sheets(tmp_path: Path) -> None:
    raw = small_book(tmp_path / "a.xlsx").read_bytes()
    book, notes = spreadsheet.read_book(raw, "a.xlsx", list, lambda: spreadsheet.check_zip(raw, "a.xlsx", 50 << 20))
    assert list(book.sheets) == list(book.names) and notes == {}


def _hang(raw: bytes, pipe: Any) -> None:  # a reader stuck in a damaged file
    import time

    time.sleep(600)


@pytest.mark.slow
def test_a_reader_that_hangs_is_stopped(run_line: RunLine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spreadsheet, "_child", _hang)
    monkeypatch.setattr(spreadsheet, "READER_SECONDS", 1)
    code, people, stderr = with_profile(run_line, Path(REL))
    assert (code, people) == (2, ["王志明"]) and t("records.workbook_slow", seconds=1) in stderr


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xls", ".xlsx", ".ods"])
def test_garbage_with_a_workbook_name_is_one_problem(run_line: RunLine, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 20)  # an OLE2 header, then noise
    code, people, stderr = with_profile(run_line, path)
    assert (code, people) == (2, ["王志明"]) and stderr.startswith(f"{path}: ")


# --------------------------------------------------------------------------- mutation fuzz


EXPORT_BYTES = EXPORT.read_bytes()
with zipfile.ZipFile(EXPORT) as _z:
    SHEET_XML = _z.read("xl/worksheets/sheet1.xml")


def _check(path: Path) -> None:
    """Any file gives the profile's report, and either reports of its own (exit 0) or located problems (exit 2)."""
    run = run_cli("assess", str(path), str(ROOT / PROFILE), "-c", str(ROOT / CATALOG), "-f", "jsonl")
    assert run.code in (0, 2), run.stderr
    names = [json.loads(line)["person"]["name"] for line in run.stdout.splitlines()]
    assert "王志明" in names
    if run.code == 2:
        assert all(line.startswith(str(path)) for line in run.stderr.splitlines()), run.stderr


@pytest.mark.slow
@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(EXPORT_BYTES) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_workbook_bytes(tmp_path: Path, flips: list[tuple[int, int]]) -> None:
    raw = bytearray(EXPORT_BYTES)
    for at, value in flips:
        raw[at] = value
    path = tmp_path / "mutated.xlsx"
    path.write_bytes(bytes(raw))
    _check(path)


#: The same export saved by LibreOffice as an .xls (BIFF8, an OLE2 file): a reader with no zip to check first.
XLS_BYTES = (ROOT / "tests" / "fixtures" / "training-2025.xls").read_bytes()


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.integers(0, len(XLS_BYTES) - 1), st.integers(0, 255)), min_size=1, max_size=16),
    st.sampled_from([0, 1, 0xFF, 0x7F]),
)
def test_mutated_xls_bytes(tmp_path: Path, flips: list[tuple[int, int]], fill: int) -> None:
    raw = bytearray(XLS_BYTES)
    for at, value in flips:
        raw[at] = value if value % 3 else fill  # some flips write a size-like byte: 0, 1, 0x7F, 0xFF
    path = tmp_path / "mutated.xls"
    path.write_bytes(bytes(raw))
    _check(path)


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(SHEET_XML)), st.integers(0, 400), st.binary(max_size=40))
def test_mutated_sheet_xml(tmp_path: Path, at: int, cut: int, insert: bytes) -> None:
    xml = SHEET_XML[:at] + insert + SHEET_XML[at + cut :]
    _check(_rezip(EXPORT, tmp_path / "mutated.xlsx", {"xl/worksheets/sheet1.xml": xml}))


# --------------------------------------------------------------------------- CSV


@pytest.mark.slow
def test_a_csv_with_half_a_million_columns_is_refused_at_once(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(["x"] * 500_000) + "\n" + ",".join(["1"] * 500_000) + "\n", encoding="utf-8")
    code, people, stderr = with_profile(run_line, path)
    assert (code, people) == (2, ["王志明"])
    assert stderr == f"{path}:1: {t('records.too_wide', n=500000, limit=1000)}\n"


def test_many_unknown_headers_are_summed_up(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    extra = [f"自訂欄{i}" for i in range(40)]
    path.write_text(",".join([*HEAD, *extra]) + "\nE1,王,C01,2025-03-01" + "," * 40 + "\n", encoding="utf-8")
    run = run_line("validate", str(path), "-c", CATALOG)
    warnings = [line for line in run.stderr.splitlines() if t("run.warning", message="") in line]
    assert (
        len(warnings) == 6 and warnings[-1] == f"{path}:1: {t('run.warning', message=t('records.more_unused', n=35))}"
    )


def test_a_long_cell_is_read(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    title = "課" * 200_000
    path.write_text(",".join([*HEAD, "課程名稱"]) + f"\nE1,王,C01,2025-03-01,{title}\n", encoding="utf-8")
    run = run_line("assess", str(path), "-c", CATALOG, "-f", "jsonl")
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["evidence"][0]["title"] == title


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_the_separator_comes_from_the_header_row(run_line: RunLine, tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "r.csv"
    title = "113年度 訓練紀錄, 人資部, 列印日期 114/01/10"  # commas in the title row above the header
    path.write_text(f"{title}\n{delimiter.join(HEAD)}\n{delimiter.join(['E1', '王', 'C01', '2025-03-01'])}\n")
    run = run_line("assess", str(path), "-c", CATALOG, "-f", "jsonl")
    assert (run.code, run.stderr) == (0, "")
    assert json.loads(run.stdout)["person"]["id"] == "E1"


# --------------------------------------------------------------------------- imports never mix people up


def _csv(path: Path, rows: list[list[str]]) -> Path:
    import csv

    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([HEAD, *rows])
    return path


def _person(path: Path) -> dict[str, str]:
    import yaml

    return dict(yaml.safe_load(path.read_text(encoding="utf-8"))["person"])


def test_two_ids_that_make_one_file_name_get_two_files(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "people"
    first = _csv(tmp_path / "a.csv", [["a b", "Alice", "C01", "2025-03-01"]])
    assert run_line("import", str(first), "-c", CATALOG, "-o", str(out)).code == 0
    second = _csv(tmp_path / "b.csv", [["a_b", "Bob", "C02", "2025-03-02"]])
    run = run_line("import", str(second), "-c", CATALOG, "-o", str(out), "--lang", "en")
    assert run.code == 0
    assert _person(out / "a_b.yaml") == {"name": "Alice", "id": "a b"}  # Alice's file is still Alice's alone
    (bob,) = [p for p in out.glob("a_b-*.yaml")]
    assert _person(bob) == {"name": "Bob", "id": "a_b"}
    assert f"{bob}: warning: person id a_b makes the same file name as a b" in run.stderr
    again = run_line("import", str(second), "-c", CATALOG, "-o", str(out), "-f", "json")
    assert json.loads(again.stdout)[0] | {"file": str(bob)} == json.loads(again.stdout)[0]  # the same file again
    both = run_line("import", str(first), str(second), "-c", CATALOG, "-o", str(out), "-f", "json")
    assert {c["state"] for c in json.loads(both.stdout)} == {"unchanged"}


def test_a_very_long_id_is_written_under_a_shorter_name(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "people"
    ident = "E" + "長" * 300
    path = _csv(tmp_path / "r.csv", [[ident, "王", "C01", "2025-03-01"], ["E2", "李", "C01", "2025-03-01"]])
    run = run_line("import", str(path), "-c", CATALOG, "-o", str(out))
    assert (run.code, sorted(len(p.name.encode()) <= 130 for p in out.iterdir())) == (0, [True, True])
    assert {_person(p)["id"] for p in out.iterdir()} == {ident, "E2"}


@pytest.mark.slow
@pytest.mark.parametrize("broken", ["covers: 5", "covers:", "level: high"])
def test_a_hand_broken_profile_is_named_and_left_as_it_is(run_line: RunLine, tmp_path: Path, broken: str) -> None:
    out = tmp_path / "people"
    path = _csv(tmp_path / "r.csv", [["E1", "王", "C01", "2025-03-01"], ["E2", "李", "C01", "2025-03-01"]])
    assert run_line("import", str(path), "-c", CATALOG, "-o", str(out)).code == 0
    profile = out / "E1.yaml"
    text = profile.read_text(encoding="utf-8")
    key = broken.split(":")[0]
    damaged = "\n".join(f"    {broken}" if line.startswith(f"    {key}:") else line for line in text.split("\n"))
    profile.write_text(damaged, encoding="utf-8")
    _csv(
        path, [["E1", "王", "C01", "2025-03-01"], ["E1", "王", "C02", "2025-03-02"], ["E2", "李", "C02", "2025-03-02"]]
    )
    run = run_line("import", str(path), "-c", CATALOG, "-o", str(out), "-f", "json")
    assert run.code == 2
    counted, first = run.stderr.splitlines()[:2]
    rows = {"rows": 3, "written": 3, "not_written": 0, "passed_over": 0, "refused": 0}
    assert counted == f"kmc-gap: {t('inputs.import_line', file=path, **rows)}"  # every row read
    assert first == f"{profile}: {t('import.not_profile')}"
    assert profile.read_text(encoding="utf-8") == damaged  # left as it is
    assert [c["person_id"] for c in json.loads(run.stdout)] == ["E2"]  # and the next person is written


def test_a_dangling_link_in_the_folder_is_never_followed_out_of_it(run_line: RunLine, tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "people", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "E1.yaml").symlink_to(elsewhere / "E1.yaml")
    path = _csv(tmp_path / "r.csv", [["E1", "王", "C01", "2025-03-01"], ["E2", "李", "C01", "2025-03-01"]])
    run = run_line("import", str(path), "-c", CATALOG, "-o", str(out))
    assert run.code == 2 and t("file.link_out") in run.stderr
    assert list(elsewhere.iterdir()) == [] and (out / "E2.yaml").is_file()


@pytest.mark.slow
@pytest.mark.parametrize(
    "title", ["yes", "no", "on", "off", "1:20", "null", "~", "3.0", "2025-03-01", "a\x85b", "x\u2028y"]
)
def test_text_that_yaml_would_misread_is_written_so_that_it_reads_back(
    run_line: RunLine, tmp_path: Path, title: str
) -> None:
    import csv

    out, path = tmp_path / "people", tmp_path / "r.csv"
    rows = [
        [*HEAD, "課程名稱", "時數"],
        ["E1", "王", "C01", "2025-03-01", title, "1e-7"],
    ]  # YAML 1.1 reads 1e-07 as text
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert run_line("import", str(path), "-c", CATALOG, "-o", str(out)).code == 0
    assert run_line("validate", str(out / "E1.yaml")).code == 0
    report = json.loads(run_line("assess", str(out / "E1.yaml"), "-f", "json").stdout)
    assert report["evidence"][0]["title"] == title
    again = run_line("import", str(path), "-c", CATALOG, "-o", str(out), "-f", "json")
    assert json.loads(again.stdout)[0]["state"] == "unchanged"


_CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), min_size=1, max_size=12)


@pytest.mark.slow
@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    people=st.lists(st.tuples(_CELL, _CELL), min_size=1, max_size=3, unique_by=lambda p: p[0].strip()),
    titles=st.lists(_CELL, min_size=1, max_size=3),
    hours=st.one_of(st.integers(0, 10**5), st.floats(0, 1e5, allow_nan=False, allow_infinity=False)),
    note=_CELL,
)
def test_an_imported_profile_reads_back_to_exactly_its_records(
    tmp_path_factory: pytest.TempPathFactory, people: list[tuple[str, str]], titles: list[str], hours: float, note: str
) -> None:
    import csv

    folder = tmp_path_factory.mktemp("prop")
    path, out = folder / "r.csv", folder / "people"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*HEAD, "課程名稱", "時數", "備註"])
        for ident, name in people:
            for i, title in enumerate(titles):
                writer.writerow([ident, name, "C01", f"2025-03-{i + 1:02d}", title, repr(hours), note])
    records = run_cli("assess", str(path), "-c", str(ROOT / CATALOG), "-f", "jsonl", "--as-of", "2026-06-30")
    if records.code != 0:
        return  # cells the records themselves refuse (an empty id, a name of spaces): nothing to import
    imported = run_cli("import", str(path), "-c", str(ROOT / CATALOG), "-o", str(out))
    assert imported.code == 0, imported.stderr
    assert run_cli("validate", str(out)).code == 0
    profiles = run_cli("assess", str(out), "-f", "jsonl", "--as-of", "2026-06-30")

    def reports(run: Any) -> dict[str, Any]:
        lines = [line for line in run.stdout.split("\n") if line]  # JSON lines end in \n; U+0085 may be inside
        return {r["person"]["id"]: {**r, "file": None} for r in map(json.loads, lines)}

    assert reports(profiles) == {ident: without_inputs(r) for ident, r in reports(records).items()}
    again = run_cli("import", str(path), "-c", str(ROOT / CATALOG), "-o", str(out), "-f", "json")
    assert {c["state"] for c in json.loads(again.stdout)} == {"unchanged"}


# --------------------------------------------------------------------------- hostile text stays data in every output


FORGED = "::error title=Security::Your token expired"
CONTROLS = "\x1b[31m\x07\x7f\u202e\x9b\uffff"


def _hostile_records(tmp_path: Path) -> Path:
    import csv

    path = tmp_path / "r.csv"
    title = f"[x](https://evil.example) ![](https://evil.example/p.png) {CONTROLS}"
    rows = [
        [*HEAD, "課程名稱", "部門"],
        ["E1", FORGED, "C01", "2025-03-01", title, "##vso[task.setvariable]x"],
        ["E2", "李", "C02", "2025-03-02", "預算", "行銷部"],
    ]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def _no_forged_line(text: str) -> None:
    for line in text.split("\n"):
        assert not line.lstrip().startswith(("::", "##")), line
        assert not line.startswith(FORGED[:7]), line


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("assess", "{records}", "-c", CATALOG),
        ("assess", "{profile}"),
        ("assess", "{profile}", "--task", "T1.1"),
        ("plan", "{records}", "-c", CATALOG),
        ("plan", "{profile}", "-c", CATALOG),
        ("diff", "{profile}", "{profile}"),
        ("import", "{records}", "-c", CATALOG, "-o", "{out}"),
        ("validate", "{records}", "-c", CATALOG),
    ],
    ids=["cohort", "person", "task", "team-plan", "plan", "diff", "import", "validate"],
)
def test_no_line_of_a_table_starts_with_text_from_a_file(
    run_line: RunLine, tmp_path: Path, args: tuple[str, ...]
) -> None:
    records = _hostile_records(tmp_path)
    out = tmp_path / "people"
    assert run_line("import", str(records), "-c", CATALOG, "-o", str(out)).code == 0
    names = {"records": str(records), "profile": str(out / "E1.yaml"), "out": str(tmp_path / "again")}
    run = run_line(*(a.format(**names) for a in args), env={"COLUMNS": "100"})
    assert run.code in (0, 1), run.stderr
    if args[0] != "validate":  # the name is shown (shortened in the narrow columns) …
        assert "::err" in run.stdout
    _no_forged_line(run.stdout)  # … but never obeyed
    _no_forged_line(run.stderr)
    assert not any(c in run.stdout for c in "\x1b\x07\x7f\u202e\x9b")


def test_markdown_renders_names_and_titles_as_text(run_line: RunLine, tmp_path: Path) -> None:
    import markdown_it

    records = _hostile_records(tmp_path)
    md = markdown_it.MarkdownIt("commonmark").enable("table")
    for args in (
        ("assess", str(records), "-c", CATALOG, "-f", "markdown"),
        ("plan", str(records), "-c", CATALOG, "-f", "markdown"),
    ):
        html = md.render(run_line(*args).stdout)
        assert "<a " not in html and "<img" not in html and "<script" not in html, args
    out = tmp_path / "people"
    run_line("import", str(records), "-c", CATALOG, "-o", str(out))
    html = md.render(run_line("assess", str(out / "E1.yaml"), "-f", "markdown").stdout)
    assert "<a " not in html and "<img" not in html and "token expired" in html


def test_github_annotations_and_html_carry_no_raw_controls(run_line: RunLine, tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        f"standard: KMC3332-001v3\nperson: {{name: 王}}\nevidence:\n  - {{id: {json.dumps(CONTROLS)}}}\n",
        encoding="utf-8",
    )
    github = run_line("validate", str(path), "-f", "github").stdout
    assert github.startswith("::error ") and not any(c in github for c in "\x1b\x07\x7f\u202e\x9b\uffff")
    records = _hostile_records(tmp_path)
    for args in (("assess", str(records), "-c", CATALOG, "-f", "html"),):
        page = run_line(*args).stdout
        bad = [c for c in page if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c in "\u202e\uffff"]
        assert bad == [] and "\\x1b" in page


def test_dates_before_1900_are_text_in_the_workbook(run_line: RunLine, tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "old.yaml"
    path.write_text(
        "standard: KMC3332-001v3\nperson: {name: 王}\nevidence:\n"
        "  - {id: a, kind: training, title: 古課, date: 1899-12-31, level: 4, covers: [K01], expires: 1899-12-31}\n",
        encoding="utf-8",
    )
    out = tmp_path / "w.xlsx"
    assert run_line("assess", str(path), "-o", str(out)).code == 0
    row = next(openpyxl.load_workbook(out)["證據"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert (row[5], row[7]) == ("1899-12-31", "1899-12-31")


# --------------------------------------------------------------------------- plans keep their limits


def _catalog_with(tmp_path: Path, **values: str) -> Path:
    text = (ROOT / CATALOG).read_text(encoding="utf-8")
    first = "    level: 4\n    cost: 12000\n"
    if "hours" in values:
        text = text.replace("    hours: 24\n", f"    hours: {values.pop('hours')}\n", 1)
    extra = "".join(f"    {k}: {v}\n" for k, v in values.items() if k != "cost")
    cost = values.get("cost", "12000")
    text = text.replace(first, f"    level: 4\n    cost: {cost}\n{extra}", 1)
    path = tmp_path / "courses.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "value"), [("cost", "1.0e+15"), ("seat_cost", "1000000000000000"), ("hours", "100001")]
)
def test_amounts_beyond_any_budget_are_located_problems(
    run_line: RunLine, tmp_path: Path, key: str, value: str
) -> None:
    catalog = _catalog_with(tmp_path, **{key: value})
    run = run_line("plan", PROFILE, "-c", str(catalog), "--budget", "100000")
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.startswith(f"{catalog}:") and f"courses[0].{key}" in run.stderr


@pytest.mark.parametrize("budget", ["inf", "1e13", "nan", "-1"])
def test_a_budget_beyond_the_limits_is_refused(run_line: RunLine, budget: str) -> None:
    run = run_line("plan", PROFILE, "-c", CATALOG, "--budget", budget)
    assert run.code == 2 and run.stdout == "" and "--budget" in run.stderr


def test_every_plan_is_checked_against_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from kmc_gap.engine import plan as engine
    from kmc_gap.model.loading import load_catalog, load_profile, load_standard
    from kmc_gap.model.models import Policy

    std = load_standard()
    catalog = load_catalog(ROOT / CATALOG, std)
    profile = load_profile(ROOT / "examples/profiles/junior-coordinator.yaml", std)
    honest = engine._Programme.solve

    def over(self: Any, fewest: bool) -> Any:  # a solver that reports a plan running every course
        solved = honest(self, fewest)
        solved.run = sorted(self.attendees)
        solved.attends = dict(self.attendees)
        return solved

    monkeypatch.setattr(engine._Programme, "solve", over)
    options = engine.PlanOptions(budget=10_000)
    with pytest.raises(engine.SolverError) as caught:
        engine.make_plan([("a", profile, None)], std, Policy(), dt.date(2026, 6, 30), catalog, options=options)
    assert caught.value.key == "plan.over_limit"


def test_a_report_of_another_standard_is_a_problem_in_diff(run_line: RunLine, tmp_path: Path) -> None:
    report = run_line("assess", PROFILE, "-f", "json", "--as-of", "2026-06-30").stdout
    edited = tmp_path / "old.json"
    edited.write_text(report.replace('"K20"', '"K21"'), encoding="utf-8")
    run = run_line("diff", str(edited), PROFILE, "--lang", "en")
    assert run.code == 2 and run.stdout == ""
    assert run.stderr == (
        f"{edited}: the report names K21, which standard KMC3332-001v3 does not have: "
        "a report of another standard, or edited\n"
    )


# --------------------------------------------------------------------------- the workbook never drops data


@pytest.mark.slow
def test_detail_rows_past_excels_last_row_continue_on_further_sheets(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    from kmc_gap.render.assess import xlsx

    monkeypatch.setattr(xlsx, "EXCEL_ROWS", 600)  # a sheet of 600 rows: each person has 242 detail rows
    out = tmp_path / "team.xlsx"
    profiles = [
        str(ROOT / "examples" / "profiles" / name)
        for name in ("junior-coordinator.yaml", "mid-career-planner.yaml", "senior-planner.yaml")
    ]
    assert run_line("assess", *profiles, "-o", str(out)).code == 0
    book = openpyxl.load_workbook(out, read_only=True)
    detail = [name for name in book.sheetnames if name.startswith("明細")]
    assert detail == ["明細", "明細 (2)"]
    rows = [list(book[name].iter_rows(min_row=2, values_only=True)) for name in detail]
    # 242 rows a person (14 tasks, 205 items and 23 outputs): 1 + 2 × 242 = 485 rows fit in 600, a third would not
    assert [len(r) for r in rows] == [484, 242]
    assert [r[0][1] for r in rows] == ["陳怡君", "王志明"]
    assert next(book["明細 (2)"].iter_rows(max_row=1, values_only=True))[:2] == ("人員編號", "姓名")


def test_hours_beyond_any_course_are_a_located_problem(run_line: RunLine, tmp_path: Path) -> None:
    path = _csv(tmp_path / "r.csv", [])
    path.write_text(
        ",".join([*HEAD, "時數"]) + "\nE1,王,C01,2025-03-01,1e200\nE1,王,C02,2025-03-02,18\n", encoding="utf-8"
    )
    run = run_line("import", str(path), "-c", CATALOG, "-o", str(tmp_path / "people"), "--lang", "en")
    assert run.code == 2
    assert f'{path}:2:5: hours "1e200" must be a number from 0 to 100000' in run.stderr
    assert run_line("validate", str(tmp_path / "people")).code == 0  # what was written reads back


@pytest.mark.slow
def test_a_reader_panic_stays_out_of_the_users_stderr(tmp_path: Path) -> None:
    """These five bytes make python-calamine panic in Rust; the user sees one located line, not the panic."""
    raw = bytearray(XLS_BYTES)
    for at, value in [(3485, 182), (17501, 114), (13540, 154), (19303, 68), (6690, 187)]:
        raw[at] = value
    path = tmp_path / "damaged.xls"
    path.write_bytes(bytes(raw))
    done = subprocess.run(
        [sys.executable, "-m", "kmc_gap", "--lang", "en", "validate", str(path)],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode in (1, 2)
    assert b"panicked" not in done.stderr and b"Traceback" not in done.stderr
    assert str(path).encode() in done.stdout + done.stderr


def _sheet_xml(rows: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        + rows
        + b"</sheetData></worksheet>"
    )


@pytest.mark.parametrize(
    "rows",
    [
        # 1,100 rows without r=, each of 20,000 cells without r=: 22 million cells, declared nowhere
        b"<row>" + b"<c/>" * 20_000 + b"</row>" + b"<row/>" * 1_099 + b"<row><c/></row>",
        # the stray cell of the test above, with its place in single quotes
        b"<row r='1'><c r='A1' t='inlineStr'><is><t>x</t></is></c></row><row r='1048576'><c r='XFD1048576'/></row>",
    ],
)
def test_the_cell_limit_counts_what_a_sheet_holds_not_what_it_declares(tmp_path: Path, rows: bytes) -> None:
    """Rows and cells may leave out their ``r=`` (each is then the next) or quote it with ``'``: the grid is
    counted as a reader lays it out, so the 20-million-cell limit holds either way, before any reading."""
    path = _rezip(small_book(tmp_path / "a.xlsx"), tmp_path / "b.xlsx", {"xl/worksheets/sheet1.xml": _sheet_xml(rows)})
    with pytest.raises(spreadsheet.InputError) as caught:
        spreadsheet.check_zip(path.read_bytes(), "b.xlsx", 50 << 20)
    assert caught.value.problems[0].key == "records.workbook_grid"


def test_an_ods_row_repeated_a_million_times_is_refused_at_once(tmp_path: Path) -> None:
    """A row with content declared 1,000,000 times: a few hundred bytes on disk, refused before any reading."""
    content = (
        b'<?xml version="1.0" encoding="UTF-8"?><office:document-content><office:body><office:spreadsheet>'
        b'<table:table table:name="a"><table:table-row><table:table-cell office:value-type="string"><text:p>'
        b"E1</text:p></table:table-cell></table:table-row>"
        b'<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string">'
        b"<text:p>x</text:p></table:table-cell></table:table-row>"
        b'<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated='
        b'"1024"/></table:table-row>'  # LibreOffice's empty rows to the sheet's end: free
        b"</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", content)
    with pytest.raises(spreadsheet.InputError) as caught:
        spreadsheet.check_zip(buffer.getvalue(), "a.ods", 50 << 20)
    assert caught.value.problems[0].key == "records.workbook_repeats"
    assert spreadsheet._ods_cells(content.replace(b"1000000", b"2")) == (3, 1)  # E1 once, x twice
