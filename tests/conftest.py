"""Shared fixtures: one way to run the CLI, and golden-file comparison."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

# the tests' shared fixtures (this file) and helpers (support/: files written as HR systems and people write them)
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "support"))

from kmc_gap.cli.app import main

# Hypothesis profiles, chosen by HYPOTHESIS_PROFILE: "dev" for a quick run while working, the default,
# and "ci" (which .ci/run uses) with twice the examples. Each property test asks for ``examples(n)``:
# n examples under the default profile, scaled by the profile's share of Hypothesis's default 100.
settings.register_profile("dev", max_examples=10, deadline=None)
settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def examples(n: int) -> int:
    """How many examples a property test that takes ``n`` under the default profile runs under this one."""
    return max(1, n * settings().max_examples // 100)


# The cache of checked standards goes to a folder of this test run's own, never the user's cache,
# and every run of kmc-gap in the tests (in-process or not) uses it.
os.environ["KMC_GAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="kmc-gap-test-cache-")
atexit.register(shutil.rmtree, os.environ["KMC_GAP_CACHE_DIR"], ignore_errors=True)
os.environ.pop("KMC_GAP_NO_CACHE", None)

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).parent.parent / "examples" / "profiles"
UPDATE = os.environ.get("KMC_GAP_UPDATE_GOLDEN") == "1"


@dataclass
class Run:
    """The outcome of one CLI run: exit code, stdout and stderr kept apart."""

    code: int
    stdout: str
    stderr: str


RunLine = Callable[..., Run]


ROOT = Path(__file__).parent.parent
#: The tests' folder: its data (corpus/, fixtures/, golden/, interop/) is found from here, whatever a test's depth.
TESTS = Path(__file__).parent


def run_cli(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``kmc-gap ARGS…`` in-process as a non-terminal, NO_COLOR, 80 columns; an exception is not caught.

    For tests that cannot take a function-scoped fixture (hypothesis); others use ``run_line``.
    """
    runner = CliRunner()
    environment = {"NO_COLOR": "1", "COLUMNS": "80", "TERM": "dumb", "KMC_GAP_LANG": "", **(env or {})}
    with runner.isolation(input=input, env=environment) as (out, err, _):
        code = main(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = out.getvalue().decode(), err.getvalue().decode()
    return Run(code, stdout, stderr)


@pytest.fixture
def run_line(monkeypatch: pytest.MonkeyPatch) -> RunLine:
    """:func:`run_cli` from the repository root."""
    monkeypatch.chdir(ROOT)
    return run_cli


#: The ``golden`` fixture: ``golden(name, text)``.
Golden = Callable[[str, str], None]


@pytest.fixture
def golden() -> Golden:
    """Compare text with ``tests/golden/NAME``; KMC_GAP_UPDATE_GOLDEN=1 rewrites the file (and fails the test)."""

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if UPDATE:  # the run that rewrites a golden file checks nothing, so it may not pass
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            pytest.fail(f"rewrote {path}: review the diff, then run the tests again without KMC_GAP_UPDATE_GOLDEN")
        assert path.exists(), f"missing golden file {path}; run with KMC_GAP_UPDATE_GOLDEN=1"
        assert text == path.read_bytes().decode("utf-8")  # byte for byte: CSV's CRLF included

    return check


def without_inputs(report: dict[str, Any]) -> dict[str, Any]:
    """A report from record files without its ``inputs`` counts, which a report from profiles lacks.

    The counts are checked on the way: every row is in exactly one bucket, and none was refused.
    """
    inputs = report.get("inputs")
    assert inputs, "a report from record files opens with the count per file"
    for count in inputs:
        assert count["rows"] == count["counted"] + count["not_counted"] + count["passed_over"] + count["refused"]
        assert count["refused"] == 0
    return {key: value for key, value in report.items() if key != "inputs"}


@pytest.fixture(scope="module")
def soffice() -> str:
    """LibreOffice, which opens, prints and saves workbooks as a user's copy would."""
    import shutil

    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no LibreOffice on CI: .ci/run installs Debian's libreoffice-calc-nogui")
        pytest.skip("no LibreOffice installed (.ci/run installs Debian's libreoffice-calc-nogui)")
    return found


@pytest.fixture(scope="module")
def chromium() -> str:
    """Chromium, which prints pages as a user's browser would (CI must have it: .ci/run installs it)."""
    found = next(
        (
            path
            for path in map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))
            if path
        ),
        None,
    )
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("no Chromium on CI: .ci/run installs Debian's chromium")
        pytest.skip("no Chromium installed (.ci/run installs Debian's chromium)")
    return found


def print_pdf(chromium: str, source: Path, pdf: Path) -> list[Any]:
    """``source`` (an HTML file) printed to ``pdf`` by Chromium, as on paper; the PDF's pages (pypdf)."""
    from pypdf import PdfReader

    home = pdf.parent / f"{pdf.stem}-browser"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
    flags += ["--no-pdf-header-footer", f"--user-data-dir={home / 'profile'}", f"--print-to-pdf={pdf}"]
    subprocess.run(
        [chromium, *flags, source.as_uri()], capture_output=True, timeout=120, check=False,
        env={**os.environ, "HOME": str(home)},
    )  # fmt: skip
    return list(PdfReader(str(pdf)).pages)


def pdf_text(page: Any) -> str:
    """A PDF page's text as people read it: NFKC, since with some CJK fonts (Noto CJK) pypdf reads
    radicals such as ⼈ (U+2F08) where the page shows 人, and a test must not hang on the font installed.
    Compare it with text passed through :func:`nfkc` too (full-width （，become (,)."""
    return nfkc(page.extract_text())


def nfkc(text: str) -> str:
    """Text in the form :func:`pdf_text` gives."""
    import unicodedata

    return unicodedata.normalize("NFKC", text)


def warning(key: str, **args: Any) -> str:
    """A warning as kmc-gap words it (``警告：…``), from the catalogue: tests name the key and its values, so a
    copy-edit of the words breaks no test."""
    from kmc_gap.words import t

    return t("run.warning", message=t(key, **args))


def passed_over(**counts: int) -> str:
    """The warning about the rows of a table passed over, by kind in the order met: ``passed_over(section=1)``."""
    from kmc_gap.words import Word

    words = tuple(Word(f"records.skip.{kind}", {"n": n}) for kind, n in counts.items())
    return warning("records.passed_over", n=sum(counts.values()), counts=words)


@pytest.fixture(scope="module")
def package() -> dict[str, Any]:
    """The bundled standard as a CASE package, made once per module."""
    from kmc_gap.model.loading import load_standard
    from kmc_gap.render.case import case_package

    return case_package(load_standard())
