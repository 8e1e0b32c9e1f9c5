"""`kmc-gap config`: each setting in force, its value and where it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kmc_gap.render.base import Registry, Renderer
from kmc_gap.render.formats import ConfigFormat
from kmc_gap.render.text import dumps_json
from kmc_gap.words import t
from kmc_gap.words.safe import log_line

if TYPE_CHECKING:
    from kmc_gap.api.config import Config, Setting


class TableRenderer(Renderer["Config"]):
    """``name  value  (source)``, a line each, under the file the settings came from."""

    def add(self, value: Config) -> None:
        """Write the settings."""
        lang = self.ctx.lang
        lines = [t("config.title", lang)]
        lines.append(t("config.file", lang, file=value.file) if value.file else t("config.no_file", lang))
        width = max(len(name) for name in value.settings)
        for setting in value.settings.values():
            lines.append(f"  {setting.name:<{width}}  {_value(setting, lang)}  ({source(setting, lang)})")
        lines.append(t("config.cache", lang, path=value.cache) if value.cache else t("config.no_cache", lang))
        self.out.write("\n".join(log_line(line) for line in lines) + "\n")


class JsonRenderer(Renderer["Config"]):
    """``{"file": …, "settings": {"catalog": {"value": …, "source": …}}, "cache": …}``."""

    def add(self, value: Config) -> None:
        """Write the settings."""
        settings = {
            s.name: {"value": list(s.value) if isinstance(s.value, tuple) else s.value, "source": s.source}
            for s in value.settings.values()
        }
        self.out.write(dumps_json({"file": value.file, "settings": settings, "cache": value.cache}) + "\n")


def _value(setting: Setting, lang: str) -> str:
    if setting.value is None:
        return t("config.unset", lang)
    return ", ".join(setting.value) if isinstance(setting.value, tuple) else setting.value


def source(setting: Setting, lang: str) -> str:
    """Where a setting came from, as people say it."""
    if setting.source == "default":
        return t("config.source.default", lang)
    if setting.source == "env":
        return t("config.source.env", lang, name=f"KMC_GAP_{setting.name.upper()}")
    return setting.source


RENDERERS: Registry[ConfigFormat, Config] = Registry(
    {ConfigFormat.table: lambda: TableRenderer, ConfigFormat.json: lambda: JsonRenderer}
)
