"""Every registry is exhaustive: each member of a format enum has its renderer, each input kind its entry.

A format added to an enum but not to its command's registry would fail only when someone asks
for it; these tests fail at once.
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from pathlib import Path

import pytest

from kmc_gap.model import kinds
from kmc_gap.model.kinds import KINDS, InputKind, input_kind
from kmc_gap.render import formats
from kmc_gap.render.base import Registry, Renderer
from kmc_gap.words.catalogue import WORDS

from conftest import ROOT

#: Each command's registry, by its render module, and the members the CLI renders otherwise (and where).
REGISTRIES = {
    "kmc_gap.render.assess": (formats.AssessFormat, set()),
    "kmc_gap.render.standard": (formats.ViewFormat, set()),
    "kmc_gap.render.validate": (formats.ValidateFormat, set()),
    # plan's one page for the boss is the assess summary page with the plan on it (cli.common.plan_summary)
    "kmc_gap.render.plan": (formats.PlanFormat, {formats.PlanFormat.summary}),
    "kmc_gap.render.diff": (formats.DocFormat, set()),
    "kmc_gap.render.calibrate": (formats.CalibrateFormat, set()),
    "kmc_gap.render.imports": (formats.ImportFormat, set()),
    "kmc_gap.render.inspect": (formats.InspectFormat, set()),
    "kmc_gap.render.catalog": (formats.SkeletonFormat, set()),
    "kmc_gap.render.schema": (formats.SchemaFormat, set()),
    "kmc_gap.render.starter": (formats.StarterFormat, set()),
    "kmc_gap.render.config": (formats.ConfigFormat, set()),
}


@pytest.mark.parametrize("module", sorted(REGISTRIES))
def test_every_format_of_a_command_has_its_renderer(module: str) -> None:
    enum, elsewhere = REGISTRIES[module]
    registry = importlib.import_module(module).RENDERERS
    assert isinstance(registry, Registry)
    assert set(registry) | elsewhere == set(enum) and not set(registry) & elsewhere
    for fmt in registry:
        assert issubclass(registry[fmt], Renderer), fmt


def test_plans_summary_is_rendered_by_the_cli() -> None:
    """The one member outside a registry is handled where the table says."""
    cli = ROOT / "src" / "kmc_gap" / "cli"
    assert "if fmt is PlanFormat.summary:" in (cli / "commands" / "plan.py").read_text("utf-8")
    assert "def plan_summary(" in (cli / "common.py").read_text("utf-8")


def test_every_format_enum_has_a_registry() -> None:
    enums = {v for v in vars(formats).values() if isinstance(v, type) and issubclass(v, StrEnum) and v is not StrEnum}
    assert enums - {formats.GroupBy} == {enum for enum, _ in REGISTRIES.values()}


def test_format_help_is_generated_from_the_enums() -> None:
    """Every ``--format`` help names its formats through ``{choices}``, so it cannot fall behind the enum."""
    keys = [key for key in WORDS if key.startswith("help.opt.") and key.endswith("_format")]
    assert len(keys) >= 7
    assert [key for key in keys if any("{choices}" not in str(form) for form in WORDS[key])] == []


def test_every_input_kind_has_an_entry_and_shared_endings_are_sniffed() -> None:
    assert set(KINDS) == set(InputKind)
    for kind, spec in KINDS.items():
        shared = [s for s in spec.suffixes if any(s in o.suffixes for k, o in KINDS.items() if k is not kind)]
        assert not shared or spec.sniff is not None, kind


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("p.yaml", "person: {name: x}\n", InputKind.profile),
        ("p.YML", "", InputKind.profile),
        ("r.csv", "a,b\n", InputKind.records),
        ("r.xlsx#證照", "", InputKind.records),
        ("c.jwt", "e30.e30.", InputKind.credential),
        ("c.json", '{"@context": ["https://www.w3.org/ns/credentials/v2"]}', InputKind.credential),
        ("clr.json", '{"credentialSubject": {"verifiableCredential": []}}', InputKind.credential),
        ("s.json", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", InputKind.credential),
        ("pkg.json", '{"CFDocument": {}, "CFItems": []}', InputKind.case),
        ("report.json", '{"format_version": 1, "person": {}}', InputKind.report),
        ("notes.md", "anything", InputKind.profile),  # the YAML reader says what is wrong with it
        ("export.txt", "anything", InputKind.records),  # Excel's "Unicode text" is a table
    ],
)
def test_kind_of_a_file(tmp_path: Path, name: str, text: str, kind: InputKind) -> None:
    path = tmp_path / name
    if "#" not in name:
        path.write_text(text, "utf-8")
    assert input_kind(path) is kind


def test_a_missing_json_file_is_a_report_and_its_reader_says_so(tmp_path: Path) -> None:
    assert input_kind(tmp_path / "gone.json") is InputKind.report
    assert kinds.read_together(tmp_path / "gone.csv")
