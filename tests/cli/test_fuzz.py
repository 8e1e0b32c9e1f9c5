"""Mutated profiles never make the CLI crash: exit 0, 1 or 2, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, examples, run_cli

pytestmark = pytest.mark.slow  # fuzzes the CLI: the quick loop (-m "not slow") leaves it out

BASE = (ROOT / "examples" / "profiles" / "mid-career-planner.yaml").read_text(encoding="utf-8")
BASE_DATA = yaml.safe_load(BASE)
HOSTILE_TEXT = st.text(
    alphabet=st.sampled_from(["\x1b", "\x07", "\u202e", "\u2066", "[", "]", "/", "=", ":", "\n", "a", "陳", "\x85"]),
    max_size=12,
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.integers(10**4400, 10**4500),  # more digits than Python converts by default
    st.floats(allow_nan=True),
    st.text(max_size=8),
    HOSTILE_TEXT,
    st.dates().map(str),
    st.lists(st.text(max_size=4), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _paths(data: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for k, v in data.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out += _paths(v, (*prefix, i))
    return out


PATHS = [p for p in _paths(BASE_DATA) if p]


def _set(data: object, path: tuple[object, ...], value: object, *, drop: bool = False) -> None:
    for seg in path[:-1]:
        data = data[seg]  # type: ignore[index]
    if drop:
        del data[path[-1]]  # type: ignore[attr-defined]
    else:
        data[path[-1]] = value  # type: ignore[index]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    how = draw(st.sampled_from(["swap", "drop", "duplicate", "bytes", "truncate", "splice", "deep"]))
    if how == "deep":  # deep nesting, with an alias (or a * in a comment) that asks for the alias check
        depth = draw(st.integers(400, 1200))
        alias = draw(st.sampled_from(["a: &x 1\nb: *x\n", "# * in a comment\n"]))
        return (alias + "c: " + "[" * depth + "]" * depth + "\n" + BASE).encode()
    if how in ("swap", "drop"):
        data = yaml.safe_load(BASE)
        path = draw(st.sampled_from(PATHS))
        _set(data, path, draw(VALUES), drop=how == "drop")
        sys.set_int_max_str_digits(0)  # let the fuzzer write what kmc-gap must refuse to read
        try:
            return yaml.safe_dump(data, allow_unicode=True).encode()
        finally:
            sys.set_int_max_str_digits(4300)
    raw = BASE.encode()
    if how == "duplicate":
        lines = BASE.splitlines(keepends=True)
        i = draw(st.integers(0, len(lines) - 1))
        return "".join([*lines[: i + 1], lines[i], *lines[i + 1 :]]).encode()
    if how == "truncate":
        return raw[: draw(st.integers(0, len(raw)))]
    if how == "bytes":
        return draw(st.binary(max_size=200))
    at = draw(st.integers(0, len(raw)))
    return raw[:at] + draw(st.binary(min_size=1, max_size=20)) + raw[at:]


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated())
def test_cli_never_crashes(tmp_path: Path, content: bytes) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_bytes(content)
    for args in (["assess", str(profile), "--as-of", "2026-06-30"], ["validate", str(profile), "-f", "json"]):
        run = run_cli(*args)  # in-process: an exception here fails the test
        if run.code == 2:  # refused: every message names the file (and the place in it)
            assert run.stderr and all(line.startswith((str(profile), "kmc-gap: ")) for line in run.stderr.splitlines())
        else:  # read: a report or a check result on stdout, 1 for gaps or problems found
            assert run.code in (0, 1) and run.stdout
