"""A file people edit after kmc-gap writes it is never replaced by a blank one, and a writer of many files into a
folder never writes through a link out of it.

Each writer of such files declares its rule in :data:`kmc_gap.api.files.EDITED`; the registry test runs every
one of them over an existing filled file and checks the rule holds (refuse unless ``--force``, keep, merge).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml
from form_files import AS_OF, MID, PROFILES, fill

from kmc_gap.api.files import EDITED, Edited

from conftest import TESTS, RunLine

RECORDS = "examples/records/training-2025.csv"
CATALOG = "examples/catalog.yaml"


def rated(run_line: RunLine, tmp_path: Path, folder: Path) -> Path:
    """The folder of forms, 林小美's filled in by her manager (P1.1.1 at level 3)."""
    assert run_line("form", PROFILES, "-o", str(folder), *AS_OF).code == 0
    form = folder / "E1024 林小美.xlsx"
    fill(form, form, {"P1.1.1": {"主管評核": 3}})
    return form


def test_a_second_form_run_keeps_the_filled_forms_and_writes_the_others(run_line: RunLine, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    form = rated(run_line, tmp_path, folder)
    before = form.read_bytes()
    blank = folder / "E0871 王志明.xlsx"
    blank.write_bytes(b"")  # a file of no use: not a form, so it is someone's and kept too
    run = run_line("form", PROFILES, "-o", str(folder), *AS_OF, "--lang", "en")
    assert run.code == 0, run.stderr
    assert form.read_bytes() == before  # the manager's rating is still there
    assert blank.read_bytes() == b""
    assert "2 forms already filled in were kept" in run.stderr
    assert openpyxl.load_workbook(folder / "T2025-031 陳怡君.xlsx")  # the unfilled one written again
    forced = run_line("form", PROFILES, "-o", str(folder), *AS_OF, "--force")
    assert forced.code == 0, forced.stderr
    assert form.read_bytes() != before


def test_a_team_workbook_half_rated_is_never_replaced(run_line: RunLine, tmp_path: Path) -> None:
    team = tmp_path / "team.xlsx"
    assert run_line("form", MID, "-o", str(team), *AS_OF).code == 0
    again = run_line("form", MID, "-o", str(team), *AS_OF)  # nobody has rated yet: made again
    assert again.code == 0, again.stderr
    fill(team, team, {"P1.1.1": {"主管評核": 3}})
    before = team.read_bytes()
    refused = run_line("form", MID, "-o", str(team), *AS_OF, "--lang", "en")
    assert refused.code == 2
    assert "filled in" in refused.stderr and team.read_bytes() == before


def test_forms_are_never_written_through_a_link_out_of_their_folder(run_line: RunLine, tmp_path: Path) -> None:
    folder, elsewhere = tmp_path / "forms", tmp_path / "elsewhere.xlsx"
    folder.mkdir()
    elsewhere.write_bytes(b"precious")
    (folder / "E1024 林小美.xlsx").symlink_to(elsewhere)
    run = run_line("form", PROFILES, "-o", str(folder), *AS_OF, "--force")
    assert run.code == 2
    assert elsewhere.read_bytes() == b"precious"


def test_catalog_init_never_replaces_a_catalogue(run_line: RunLine, tmp_path: Path) -> None:
    out = tmp_path / "courses.csv"
    assert run_line("catalog", "init", RECORDS, "-o", str(out)).code == 0
    out.write_text(out.read_text(encoding="utf-8") + "C99,filled by hand,3,S01,,,,\n", encoding="utf-8")
    before = out.read_bytes()
    again = run_line("catalog", "init", RECORDS, "-o", str(out))
    assert again.code == 2 and out.read_bytes() == before
    assert run_line("catalog", "init", RECORDS, "-o", str(out), "--force").code == 0
    assert out.read_bytes() != before


# --------------------------------------------------------------------------- the registry


def _form(run_line: RunLine, tmp: Path) -> tuple[Path, list[str], Callable[[], bool]]:
    form = rated(run_line, tmp, tmp / "forms")
    before = form.read_bytes()
    return tmp / "forms", ["form", PROFILES, *AS_OF], lambda: form.read_bytes() == before


def _team_form(run_line: RunLine, tmp: Path) -> tuple[Path, list[str], Callable[[], bool]]:
    team = tmp / "team.xlsx"
    assert run_line("form", MID, "-o", str(team), *AS_OF).code == 0
    fill(team, team, {"P1.1.1": {"主管評核": 3}})
    before = team.read_bytes()
    return team, ["form", MID, *AS_OF], lambda: team.read_bytes() == before


def _catalog(run_line: RunLine, tmp: Path) -> tuple[Path, list[str], Callable[[], bool]]:
    out = tmp / "courses.csv"
    out.write_text("code,title,level,covers\nC01,filled,3,S01\n", encoding="utf-8")
    return out, ["catalog", "init", RECORDS], lambda: "filled" in out.read_text(encoding="utf-8")


def _mapping(run_line: RunLine, tmp: Path) -> tuple[Path, list[str], Callable[[], bool]]:
    out = tmp / "hr.yaml"
    out.write_text("headers:\n  辦理方式: ignore\nwords:\n  補訓中: not_taken\n", encoding="utf-8")

    def kept() -> bool:
        written = yaml.safe_load(out.read_text(encoding="utf-8"))
        return written["headers"]["辦理方式"] == "ignore" and written["words"]["補訓中"] == "not_taken"

    return out, ["records", "inspect", RECORDS, "-c", CATALOG, "--write-mapping"], kept


def _init(run_line: RunLine, tmp: Path) -> tuple[Path, list[str], Callable[[], bool]]:
    out = tmp / "me.yaml"
    out.write_text("person: {name: filled}\n", encoding="utf-8")
    return out, ["init"], lambda: out.read_text(encoding="utf-8") == "person: {name: filled}\n"


def _import(run_line: RunLine, tmp: Path) -> tuple[Path, list[str], Callable[[], bool]]:
    folder = tmp / "people"
    assert run_line("import", RECORDS, "-c", CATALOG, "-o", str(folder)).code == 0
    profile = next(folder.glob("*.yaml"))
    profile.write_text(profile.read_text(encoding="utf-8") + "# checked by 王經理\n", encoding="utf-8")
    return folder, ["import", RECORDS, "-c", CATALOG], lambda: "# checked by 王經理" in profile.read_text("utf-8")


def _transcribe(run_line: RunLine, tmp: Path) -> tuple[Path, list[str], Callable[[], bool]]:
    out = tmp / "std.yaml"
    out.write_text("# 對照原文件修正過的標準檔\n", encoding="utf-8")
    source = str(TESTS / "fixtures" / "KMC3332-001v3.source.txt")
    return out, ["transcribe", source], lambda: out.read_text(encoding="utf-8") == "# 對照原文件修正過的標準檔\n"


CASES = {
    "form": _form,
    "form FILE.xlsx": _team_form,
    "catalog init": _catalog,
    "records inspect --write-mapping": _mapping,
    "init": _init,
    "import": _import,
    "transcribe": _transcribe,
}


def test_every_writer_of_edited_files_is_in_the_registry() -> None:
    assert set(CASES) == set(EDITED)


@pytest.mark.parametrize("writer", sorted(EDITED))
def test_every_writer_keeps_what_people_filled_in(run_line: RunLine, tmp_path: Path, writer: str) -> None:
    """Run each writer over an existing filled file: refused (exit 2) or run, the filled content is still there."""
    out, args, intact = CASES[writer](run_line, tmp_path)
    command = [*args, str(out)] if args[-1] == "--write-mapping" else [*args, "-o", str(out)]
    run = run_line(*command)
    rule = EDITED[writer]
    if rule is Edited.refuse:
        assert run.code == 2, run.stderr
    else:
        assert run.code in (0, 1), run.stderr
    assert intact(), f"{writer}: what was filled in is lost"
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_long_names_and_noncharacters_never_stop_the_forms(run_line: RunLine, tmp_path: Path) -> None:
    """A name of 100 CJK characters (300 bytes) and one holding U+FFFE: every form written, and every workbook
    opens (openpyxl here; U+FFFE made Excel, LibreOffice and kmc-gap refuse the whole team's workbook)."""
    people = tmp_path / "people"
    people.mkdir()
    for ident, name in [("E1", "陳" * 100), ("E2", "王\ufffe小明"), ("E3", "李\x01四")]:
        (people / f"{ident}.yaml").write_text(
            yaml.safe_dump({"standard": "KMC3332-001v3", "person": {"name": name, "id": ident}}, allow_unicode=True),
            encoding="utf-8",
        )
    folder, team = tmp_path / "forms", tmp_path / "team.xlsx"
    assert run_line("form", str(people), "-o", str(folder), *AS_OF).code == 0
    written = sorted(folder.iterdir())
    assert len(written) == 3 and all(len(p.name.encode()) <= 255 for p in written)
    for path in [*written, team if run_line("form", str(people), "-o", str(team), *AS_OF).code == 0 else None]:
        assert path is not None
        book = openpyxl.load_workbook(path)
        assert all("\ufffe" not in sheet for sheet in book.sheetnames)
    reread = run_line("validate", str(team))
    assert reread.code == 0, reread.stderr  # kmc-gap reads its own workbook back


def test_a_form_saved_twice_under_two_names_counts_once(run_line: RunLine, tmp_path: Path) -> None:
    """The same ratings (person, code, rater, day) are one evidence item whatever the file; the copy is a repeat."""
    import json

    team = tmp_path / "form.xlsx"
    assert run_line("form", MID, "-o", str(team), *AS_OF).code == 0
    fill(team, team, {"P1.1.1": {"主管評核": 3}, "P1.1.2": {"主管評核": 4}})
    copy = tmp_path / "form (copy).xlsx"
    shutil.copy(team, copy)
    run = run_line("assess", str(team), str(copy), "-f", "json", *AS_OF, "--lang", "en")
    assert run.code in (0, 1), run.stderr
    (report,) = json.loads(run.stdout) if run.stdout.startswith("[") else [json.loads(run.stdout)]
    ratings = [ev for ev in report["evidence"] if ev["id"].startswith("form-")]
    assert sorted(ev["covers"][0] for ev in ratings) == ["P1.1.1", "P1.1.2"]  # not four
    assert "same" in run.stderr  # the repeat is said


@pytest.mark.parametrize(
    ("ratings", "rater"),
    [
        ({}, "王經理"),  # only the rater's name (and the date) typed so far
        ({"P1.1.1": {"自評說明": "帶過兩次年會"}}, None),  # a note, no rating yet
        ({"P1.1.1": {"主管評核": "不適用"}}, None),  # a rating that counts nothing, but was given
    ],
)
def test_a_form_with_anything_typed_in_it_is_kept(
    run_line: RunLine, tmp_path: Path, ratings: dict[str, dict[str, object]], rater: str | None
) -> None:
    folder = tmp_path / "forms"
    assert run_line("form", MID, "-o", str(folder), *AS_OF).code == 0
    (form,) = folder.iterdir()
    fill(form, form, ratings, rater=rater, day=None if rater is None else dt.datetime(2026, 11, 20))
    before = form.read_bytes()
    again = run_line("form", MID, "-o", str(folder), *AS_OF, "--lang", "en")
    assert again.code == 0 and "kept" in again.stderr
    assert form.read_bytes() == before


def test_an_untouched_form_is_made_again(run_line: RunLine, tmp_path: Path) -> None:
    folder = tmp_path / "forms"
    assert run_line("form", MID, "-o", str(folder), *AS_OF).code == 0
    again = run_line("form", MID, "-o", str(folder), *AS_OF, "--lang", "en")
    assert again.code == 0 and "kept" not in again.stderr
