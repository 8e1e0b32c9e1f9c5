"""LibreOffice converting a file, in a profile of its own."""

from __future__ import annotations

import subprocess
from pathlib import Path


def convert(soffice: str, source: Path, to: str, folder: Path) -> None:
    profile = folder / "lo-profile"  # a profile of its own, so that parallel or earlier runs never interfere
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to, "--outdir",
         str(folder), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
