"""Every request names the files it reads, and no command writes over one of them.

Each request that writes (a report, a plan, forms, profiles, a mapping) lists its inputs in
``never_overwrite()``: its paths, the catalogue, a policy file, the roster, the mapping, the issuer
key and the plan the summary shows. The CLI hands that list to the safe writer, so an ``-o`` that
names any of them is refused with exit 2 and the file is left as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import pkgutil
import shutil
from pathlib import Path

import pytest

import kmc_gap.api
from kmc_gap.api.assess import AssessRequest, Inputs, Scoring
from kmc_gap.api.calibrate import CalibrateRequest
from kmc_gap.api.forms import FormRequest
from kmc_gap.api.imports import ImportRequest
from kmc_gap.api.inspect import InspectRequest
from kmc_gap.api.plan import PlanRequest
from kmc_gap.api.reading import RecordReading
from kmc_gap.api.records import SkeletonRequest
from kmc_gap.model.forms import FormSpec
from kmc_gap.model.models import named_policy

from conftest import ROOT, RunLine

#: The requests whose command writes files, and those whose command only prints.
WRITES = {AssessRequest, CalibrateRequest, FormRequest, ImportRequest, InspectRequest, PlanRequest, SkeletonRequest}
PRINTS = {"DiffRequest", "ValidateRequest"}
DAY = dt.date(2026, 6, 30)


def test_every_request_is_classified() -> None:
    found = set()
    for info in pkgutil.iter_modules(kmc_gap.api.__path__):
        module = importlib.import_module(f"kmc_gap.api.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__:
                found |= {value.__name__} if value.__name__.endswith("Request") else set()
    assert found == {cls.__name__ for cls in WRITES} | PRINTS
    for cls in WRITES:
        assert callable(getattr(cls, "never_overwrite", None)), cls


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """One real file for each kind of input a request may read."""
    names = [
        "profile.yaml",
        "records.csv",
        "catalog.yaml",
        "policy.yaml",
        "roster.csv",
        "mapping.yaml",
        "key.jwk",
        "plan.json",
    ]
    out = {}
    for name in names:
        path = tmp_path / name
        path.write_text("x\n", encoding="utf-8")
        out[path.stem] = path
    return out


def reading(files: dict[str, Path]) -> RecordReading:
    return RecordReading(roster=(files["roster"],), mapping=files["mapping"], issuer_key=files["key"])


def test_assess_lists_every_input(files: dict[str, Path]) -> None:
    scoring = Scoring(policy=named_policy("default"), policy_name=str(files["policy"]), as_of=DAY)
    inputs = Inputs(
        paths=(files["profile"], files["records"]), catalog=files["catalog"], reading=reading(files), plan=files["plan"]
    )
    assert set(AssessRequest(inputs=inputs, scoring=scoring).never_overwrite()) == set(files.values())


def test_a_built_in_policy_is_no_file(files: dict[str, Path]) -> None:
    scoring = Scoring(policy=named_policy("strict"), policy_name="strict", as_of=DAY)
    request = AssessRequest(inputs=Inputs(paths=(files["profile"],)), scoring=scoring)
    assert request.never_overwrite() == (files["profile"],)


def test_the_other_writers_list_their_inputs(files: dict[str, Path], tmp_path: Path) -> None:
    people = (files["profile"], files["records"])
    every = set(files.values()) - {files["plan"]}
    no_policy = every - {files["policy"]}
    pol, name = named_policy("default"), str(files["policy"])
    spec = FormSpec(())
    requests = [
        (PlanRequest(people, files["catalog"], pol, DAY, name, reading=reading(files)), every),
        (FormRequest(people, tmp_path / "f.xlsx", spec, pol, DAY, "en", files["catalog"], reading(files), name), every),
        (ImportRequest(people, tmp_path / "out", "en", files["catalog"], reading(files)), no_policy),
        (InspectRequest(people, files["catalog"], reading(files), tmp_path / "m.yaml"), no_policy),
        (CalibrateRequest(people), set(people)),
        (SkeletonRequest(people, reading(files)), no_policy - {files["catalog"]}),
    ]
    for request, expected in requests:
        assert set(request.never_overwrite()) == expected, type(request).__name__


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """A folder with a profile, the sample catalogue and the sample training records."""
    shutil.copy(ROOT / "examples/profiles/mid-career-planner.yaml", tmp_path / "me.yaml")
    shutil.copy(ROOT / "examples/catalog.yaml", tmp_path / "catalog.yaml")
    shutil.copy(ROOT / "examples/records/training-2025.csv", tmp_path / "training.csv")
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "{d}/training.csv", "--catalog", "{d}/catalog.yaml", "-f", "json", "-o", "{d}/catalog.yaml"],
        ["assess", "{d}/me.yaml", "--catalog", "{d}/catalog.yaml", "-f", "summary", "-o", "{d}/catalog.yaml"],
        ["plan", "{d}/me.yaml", "--catalog", "{d}/catalog.yaml", "-f", "json", "-o", "{d}/catalog.yaml"],
        [
            "records",
            "inspect",
            "{d}/training.csv",
            "--catalog",
            "{d}/catalog.yaml",
            "--write-mapping",
            "{d}/catalog.yaml",
        ],
    ],
)
def test_no_command_writes_over_its_catalogue(run_line: RunLine, team: Path, args: list[str]) -> None:
    before = (team / "catalog.yaml").read_bytes()
    result = run_line(*[arg.format(d=team) for arg in args], "--lang", "en")
    assert result.code == 2, result.stderr
    assert "the output is one of the inputs" in result.stderr
    assert (team / "catalog.yaml").read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["assess", "{d}/me.yaml", "-f", "json", "-o", "{d}/std.yaml"],
        ["init", "-o", "{d}/std.yaml", "--force"],
        ["standard", "-o", "{d}/std.yaml"],
        ["plan", "{d}/me.yaml", "--catalog", "{d}/catalog.yaml", "-f", "json", "-o", "{d}/std.yaml"],
        ["records", "inspect", "{d}/training.csv", "--write-mapping", "{d}/std.yaml"],
    ],
)
def test_no_command_writes_over_the_standard_it_reads(run_line: RunLine, team: Path, args: list[str]) -> None:
    standard = team / "std.yaml"
    shutil.copy(ROOT / "data" / "kmc3332-001v3.yaml", standard)
    before = standard.read_bytes()
    result = run_line("--standard", str(standard), *[arg.format(d=team) for arg in args], "--lang", "en")
    assert result.code == 2, result.stderr
    assert "the output is one of the inputs" in result.stderr
    assert standard.read_bytes() == before


def test_import_never_writes_a_profile_over_the_standard(run_line: RunLine, team: Path) -> None:
    # a person whose id is the standard's file name: their profile would land on it (the request names the
    # standard, and import never updates a file that is no profile: either keeps it)
    standard = team / "E9.yaml"
    shutil.copy(ROOT / "data" / "kmc3332-001v3.yaml", standard)
    before = standard.read_bytes()
    rows = team / "rows.csv"
    rows.write_text(
        "工號,姓名,課程名稱,日期,職能內涵,職能級別\nE9,王小明,活動企劃,2025-03-01,K01,3\n", encoding="utf-8"
    )
    result = run_line("--standard", str(standard), "import", str(rows), "-o", str(team), "--lang", "en")
    assert standard.read_bytes() == before, result.stderr
    assert result.code == 2, result.stderr


def test_the_writers_in_the_api_name_the_runs_inputs(files: dict[str, Path], tmp_path: Path) -> None:
    standard = tmp_path / "std.yaml"
    standard.write_text("x\n", encoding="utf-8")
    pol = named_policy("default")
    form = FormRequest((files["profile"],), tmp_path / "f.xlsx", FormSpec(()), pol, DAY, "en", run_inputs=(standard,))
    imported = ImportRequest((files["records"],), tmp_path / "out", "en", run_inputs=(standard,))
    assert set(form.never_overwrite()) == {files["profile"], standard}
    assert set(imported.never_overwrite()) == {files["records"], standard}
