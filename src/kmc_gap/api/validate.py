"""`kmc-gap validate`: check many files without scoring."""

from __future__ import annotations

from pathlib import Path

from kmc_gap.model.loading import load_policy, load_profile
from kmc_gap.model.models import Standard
from kmc_gap.model.paths import shown
from kmc_gap.model.problems import FileCheck, InputError
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES


def check_file(path: Path, std: Standard, max_bytes: int = DEFAULT_MAX_BYTES) -> FileCheck:
    """Load one profile; its problems, if any."""
    try:
        load_profile(path, std, shown(path), max_bytes)
    except InputError as exc:
        return FileCheck(shown(path), "profile", exc.problems)
    return FileCheck(shown(path), "profile")


def check_policy(spec: str, max_bytes: int = DEFAULT_MAX_BYTES) -> FileCheck:
    """Load a policy file (or name); its problems, if any."""
    try:
        load_policy(spec, max_bytes)
    except InputError as exc:
        return FileCheck(spec, "policy", exc.problems)
    return FileCheck(spec, "policy")
