"""The options that say how record files are read, as one value every command that reads records shares.

Kept apart from :mod:`kmc_gap.api.records` so that the command line can build it without importing the
record reader (a run of YAML profiles never does).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RecordReading:
    """How record files are to be read, as the options give it: the one group every command that reads
    records shares (``--sheet``, ``--columns``, ``--roster``, ``--verified-by``, ``--include-leavers``,
    ``--mapping``, ``--issuer-key``). The catalogue is each command's own and is added once it is read."""

    sheet: str | None = None
    columns: str | None = None
    roster: tuple[Path, ...] = ()
    verified_by: str | None = None
    include_leavers: bool = False
    mapping: Path | None = None
    issuer_key: Path | None = None
    lang: str = "zh-TW"  # the run's language, for what the reading writes into evidence (a credential's note)

    def files(self) -> list[Path]:
        """The files the options name: inputs of the run, never to be written over."""
        return [path for path in (*self.roster, self.mapping, self.issuer_key) if path is not None]


#: No reading option given: the default where a command or an API call takes none.
NO_READING = RecordReading()


def named_files(*specs: str | Path | None) -> tuple[Path, ...]:
    """The files among option values (a policy may also be a built-in name): inputs, never written over."""
    return tuple(Path(spec) for spec in specs if spec is not None and Path(spec).is_file())


def never_overwrite(paths: Iterable[Path], reading: RecordReading, *specs: str | Path | None) -> tuple[Path, ...]:
    """Every file a request reads: its paths, the reading options' files and the other files named."""
    return (*paths, *named_files(*specs), *reading.files())
