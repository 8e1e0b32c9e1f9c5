"""Inputs that once ended in a traceback: each is now a located problem (exit 2), or read as far as it makes sense.

A date where the settings file wants a word, brackets nested thousands deep in a ``pyproject.toml`` up the
tree, a form version of 400 digits, a 5,000-digit integer or NaN in a credential, JWS parts nested too deep,
``nbf``/``exp`` of 1e300, NaN or −1e15.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import openpyxl
import pytest
from credential_files import badge

from kmc_gap.model.yamlsource import MAX_DIGITS

from conftest import RunLine

PROFILE = "examples/profiles/mid-career-planner.yaml"


def no_traceback(run: object) -> None:
    assert "Traceback" not in getattr(run, "stderr", "")


def test_a_date_for_a_setting_is_a_located_problem(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "kmc-gap.toml").write_text("lang = 1979-05-27\n", encoding="utf-8")
    profile = (Path.cwd() / PROFILE).resolve()
    monkeypatch.chdir(tmp_path)
    run = run_line("assess", str(profile), "--lang", "en")
    no_traceback(run)
    assert run.code == 2 and "kmc-gap.toml" in run.stderr and "1979-05-27" in run.stderr


def test_a_pyproject_nested_thousands_deep_up_the_tree(
    run_line: RunLine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool]\nx = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    inside = tmp_path / "a" / "b"
    inside.mkdir(parents=True)
    profile = (Path.cwd() / PROFILE).resolve()
    monkeypatch.chdir(inside)
    run = run_line("assess", str(profile))
    no_traceback(run)
    assert run.code == 2 and "pyproject.toml" in run.stderr


def test_a_form_version_of_400_digits(run_line: RunLine, tmp_path: Path) -> None:
    form = tmp_path / "form.xlsx"
    assert run_line("form", PROFILE, "-o", str(form)).code == 0
    book = openpyxl.load_workbook(form)
    book.worksheets[-1]["B1"] = "9" * 400
    book.save(form)
    run = run_line("assess", str(form))
    no_traceback(run)
    assert run.code == 2 and "form.xlsx" in run.stderr


@pytest.mark.parametrize("number", ["9" * 5000, "-" + "1" * (MAX_DIGITS + 1), "NaN", "Infinity"])
def test_a_number_no_reader_should_take_in_a_credential(run_line: RunLine, tmp_path: Path, number: str) -> None:
    text = json.dumps(badge(), ensure_ascii=False).replace('"name": "活動企劃實務"', f'"name": "x", "n": {number}', 1)
    path = tmp_path / "badge.json"
    path.write_text(text, encoding="utf-8")
    run = run_line("assess", str(path), "--lang", "en")
    no_traceback(run)
    assert run.code == 2 and "badge.json:1:" in run.stderr


def _jws(header: object, payload: object) -> str:
    def part(value: object) -> str:
        raw = value if isinstance(value, str) else json.dumps(value)
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    return f"{part(header)}.{part(payload)}.c2ln"


@pytest.mark.parametrize(
    "payload",
    [
        "[" * 100_000 + "]" * 100_000,  # nested too deep
        '{"n": ' + "9" * 5000 + "}",
    ],
)
def test_a_jws_part_no_reader_should_take(run_line: RunLine, tmp_path: Path, payload: str) -> None:
    path = tmp_path / "badge.jwt"
    path.write_text(_jws({"alg": "RS256"}, payload), encoding="utf-8")
    run = run_line("assess", str(path), "--lang", "en")
    no_traceback(run)
    assert run.code == 2 and "payload" in run.stderr


@pytest.mark.parametrize("stamp", [1e300, -1e15, float("nan")])
def test_a_jws_time_out_of_any_calendar(run_line: RunLine, tmp_path: Path, stamp: float) -> None:
    """``nbf`` of 1e300: no date at all, so the credential is a located problem (no date), never a traceback."""
    claims = badge()
    del claims["validFrom"], claims["validUntil"]
    payload = json.dumps({**claims, "nbf": stamp, "exp": stamp})  # NaN is written as Python writes it
    path = tmp_path / "badge.jwt"
    path.write_text(_jws({"alg": "RS256"}, payload), encoding="utf-8")
    run = run_line("assess", str(path), "--lang", "en")
    no_traceback(run)
    assert run.code == 2 and "badge.jwt" in run.stderr


def test_a_name_of_30000_characters_costs_its_length_not_its_square() -> None:
    """The team table cuts a long name to its column by measuring each character once; the cut is right."""
    from rich.cells import cell_len

    from kmc_gap.render.assess.matrix import _fit, _within

    name = "陳" * 30_000
    assert _within(name, 9) == "陳" * 4 and _within("ab陳c", 3) == "ab" and _within("ab", 5) == "ab"
    shown = _fit({"name": name, "id": "E1"}, 20)  # type: ignore[typeddict-item]
    assert cell_len(shown) == 20 and shown.endswith("… E1")
