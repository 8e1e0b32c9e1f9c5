"""Loading what every command needs: the standard, the policy, the assessment date."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from kmc_gap.api.errors import OptionError
from kmc_gap.model import yamlsource
from kmc_gap.model.loading import check_profile, load_policy, load_standard
from kmc_gap.model.models import Policy, Profile, Standard
from kmc_gap.model.yamlsource import DEFAULT_MAX_BYTES


def standard(path: Path | None) -> Standard:
    """The standard at ``path``, or the bundled one; raises ``InputError`` naming the bad lines."""
    return load_standard(path)


def policy(spec: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, Policy]:
    """``default``, ``strict`` or a policy file: (its name, the policy)."""
    return load_policy(spec, max_bytes)


def as_of(value: str | None) -> dt.date:
    """The assessment date: ``YYYY-MM-DD`` (typed full-width too), or today when not given."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(unicodedata.normalize("NFKC", value).strip())
    except ValueError:
        raise OptionError("--as-of", "usage.date", value=value) from None


def profile_from_text(text: str, name: str, std: Standard) -> Profile:
    """A profile from YAML text (an editor buffer, a web form), its problems located in ``name``."""
    return check_profile(yamlsource.parse(text, name), std)


#: What separates the items of a list typed on the command line: a comma, and on a Chinese keyboard ， or 、.
LIST_SEPARATORS = re.compile("[,\uff0c\u3001]")


def listed(value: str) -> list[str]:
    """The items of a list typed on the command line (``T1.1,T2.1``, ``T1.1，T2.1``, ``T1.1、T2.1``), stripped;
    empty ones left out."""
    return [part.strip() for part in LIST_SEPARATORS.split(value) if part.strip()]


def gap_count(value: str) -> int | None:
    """``--gaps``: how many gaps the tables list, or ``all`` (None)."""
    plain = unicodedata.normalize("NFKC", value).strip()  # ａｌｌ or １０ typed full-width too
    if plain.lower() == "all":
        return None
    try:
        count = int(plain)
    except ValueError:
        raise OptionError("--gaps", "usage.gaps", value=value) from None
    if count < 0:
        raise OptionError("--gaps", "usage.gaps", value=value)
    return count


def amount(option: str, value: str) -> float:
    """An amount of money as the catalogue reads one: ``180000``, ``180,000``, ``NT$180,000``, ``180000元``.

    Full-width digits and commas too (１８０，０００); a negative, unbounded or non-number amount is a usage error.
    """
    from kmc_gap.model.catalog_table import cell_money
    from kmc_gap.model.tables.cells import CellError

    try:
        return cell_money(unicodedata.normalize("NFKC", value).strip())
    except CellError:
        raise OptionError(option, "usage.amount", value=value) from None
