"""The YAML reader gives exactly what PyYAML's safe loader gives, and locates values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kmc_gap.model import yamlsource
from kmc_gap.model.problems import InputError

from conftest import ROOT, examples


def pyyaml(text: str) -> object:
    return yaml.load(text, Loader=yaml.SafeLoader)


def _loadable(path: Path) -> bool:
    """Whether PyYAML's safe loader reads the file (the bad-input corpus has many it does not)."""
    try:
        pyyaml(yamlsource.decode(path.read_bytes(), path.name))
    except (InputError, yaml.YAMLError, ValueError, RecursionError):
        return False
    return True


FILES = [
    p
    for p in sorted(
        [*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/corpus/*.yaml"), ROOT / "data" / "kmc3332-001v3.yaml"]
    )
    if _loadable(p)
]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_same_data_as_pyyaml(path: Path) -> None:
    text = yamlsource.decode(path.read_bytes(), path.name)
    expected = pyyaml(text)
    try:
        got = yamlsource.parse(text, path.name).data
    except InputError as exc:
        # refused on purpose, where PyYAML lets it through: duplicate keys, alias bombs, empty files
        assert {p.key for p in exc.problems} <= {"yaml.duplicate_key", "yaml.alias_bomb", "yaml.empty"}
        return
    assert got == expected


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.text(max_size=12),
    st.sampled_from(["yes", "no", "on", "off", "~", "0x1f", "0o17", "1_000", "012", "1:30", ".inf", "-0", "null"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)),
    max_leaves=25,
)


@pytest.mark.slow
@settings(max_examples=examples(300), deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), documents, min_size=1, max_size=5))
def test_fast_constructor_matches_pyyaml(data: dict[str, object]) -> None:
    for style in (None, False, True):
        text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=style)
        assert yamlsource.parse(text, "x").data == pyyaml(text)


def test_plain_scalars_that_look_like_other_types() -> None:
    text = "a: 012\nb: 0x1f\nc: yes\nd: 1_000\ne: 2025-03-10\nf: '4'\ng: -3\nh: 1:30\n"
    assert yamlsource.parse(text, "x").data == pyyaml(text)


def test_position_follows_keys_indices_and_merges() -> None:
    text = "base: &b\n  level: 4\nevidence:\n  - id: a\n    covers: [K01, K02]\n  - <<: *b\n    id: c\n"
    doc = yamlsource.parse(text, "x")
    # "    covers: [" is 13 characters and "K01, " 5: K02 starts in column 19
    assert doc.position(("evidence", 0, "covers", 1)) == (5, 19)
    assert doc.position(("evidence", 1, "level")) == (2, 10)  # found through the merge
    assert doc.position(("evidence", 0, "id"), key=True) == (4, 5)
    assert doc.position(("evidence", 5)) == (4, 3)  # no such index: the enclosing list, at its first dash
    assert doc.position(("function-after[x]", "evidence", 1)) == (6, 5)  # validator segments are skipped


def test_a_full_width_space_inside_a_quoted_scalar_is_text_not_a_slip() -> None:
    # found by the "ci" profile: a double-quoted value folded onto a line that starts with U+3000;
    # only indentation is mended, so the value keeps its ideographic space and no slip is reported
    text = 'a: "x\\\n  \u3000y"\nb: 1\n'
    doc = yamlsource.parse(text, "x")
    assert doc.data == pyyaml(text) == {"a": "x\u3000y", "b": 1} and doc.slips == []
    # a full-width space indenting a key after the quoted value is still a slip, mended
    slipped = yamlsource.parse('a: "x"\nb:\n\u3000 c: 1\n', "x")
    assert [p.key for p in slipped.slips] == ["yaml.fullwidth_space"] and slipped.data == {"a": "x", "b": {"c": 1}}
