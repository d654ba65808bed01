"""One `Settings` object built from the environment (prefix `REPORTQA_`), passed in explicitly.

Every field has a default and a help string; the README documents each one (a test checks it).
A bad value is refused when the settings are built, with a one-line message naming the variable,
so no command starts half-configured and fails later with a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from urllib.parse import urlsplit

from index.errors import ReportQAError

# The database URL schemes this build can open: the one place to add a backend's scheme.
DATABASE_SCHEMES = ("sqlite", "postgresql", "postgres")
_INT_RANGES = {"max_upload_mb": (1, 4096), "ingest_seconds": (1, 3600), "ingest_memory_mb": (64, 65536),
               "ask_threads": (1, 64), "facts_cache": (1, 100000)}


class SettingsError(ReportQAError):
    """A setting whose value cannot be used."""


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    data_dir: Path = _setting(Path("data"), "Where the fact database and the Chroma index live.")
    embedder: str = _setting(
        "e5", "Embedding backend: `e5` (bundled multilingual-e5-small, offline) or `st:<model path or name>`."
    )
    chroma_url: str = _setting(
        "", "URL of a Chroma server (http://HOST:PORT); empty means an embedded index under the data dir."
    )
    database_url: str = _setting(
        "", "Fact database: postgresql://USER@HOST:PORT/DB, or sqlite:///PATH; empty means a SQLite file under "
        "the data dir. With PostgreSQL, ingest queues passages for `reportqa worker`."
    )
    max_upload_mb: int = _setting(50, "Largest report file accepted, in MB; bigger files are refused unread.")
    ingest_seconds: int = _setting(60, "Time budget for reading one file, in seconds; past it the file is refused.")
    ingest_memory_mb: int = _setting(1024, "Memory budget for reading one file, in MB; past it the file is refused.")
    facts_cache: int = _setting(200, "Reports whose facts a serving process keeps in memory (least recently used "
                                "dropped first), so its memory does not grow with the corpus.")
    llm_base_url: str = _setting("", "OpenAI-compatible endpoint for optional answer phrasing; empty = off.")
    llm_model: str = _setting("", "Chat model name at the LLM endpoint.")
    llm_api_key: str = _setting("", "API key for the LLM endpoint.")
    api_key: str = _setting("", "If set, write endpoints of the REST API require this key.")
    allowed_origins: str = _setting("*", "Comma-separated origins allowed to embed the widget.")
    ask_threads: int = _setting(4, "Questions one serving process answers at once; more wait their turn, first come "
                                   "first served.")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Read `REPORTQA_<NAME>` for every field; explicit overrides win. Raises SettingsError."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for f in fields(cls):
            name = f"REPORTQA_{f.name.upper()}"
            raw = env.get(name)
            if raw is None:
                continue
            if f.type in ("Path", Path):
                values[f.name] = Path(raw)
            elif f.type in ("int", int):
                values[f.name] = _int(name, raw)
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "data_dir" in values:
            values["data_dir"] = Path(values["data_dir"])  # type: ignore[arg-type]
        settings = replace(cls(), **values)
        settings.validate()
        return settings

    def validate(self) -> None:
        """Refuse values that cannot work, naming the variable and what is accepted."""
        for name, (low, high) in _INT_RANGES.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise SettingsError(f"REPORTQA_{name.upper()}={value}: give a whole number from {low} to {high}.")
        if self.data_dir.exists() and not self.data_dir.is_dir():
            raise SettingsError(f"data dir {self.data_dir.name!r} is a file, not a folder: give a folder "
                                "(--data-dir or REPORTQA_DATA_DIR).")
        if self.database_url:
            scheme = urlsplit(self.database_url).scheme.split("+")[0]
            if scheme not in DATABASE_SCHEMES:
                raise SettingsError(f"REPORTQA_DATABASE_URL: scheme {scheme or '(none)'!r} is not supported; "
                                    f"use one of {', '.join(s + '://' for s in DATABASE_SCHEMES)} or leave it empty.")
        if self.chroma_url and urlsplit(self.chroma_url).scheme not in ("http", "https"):
            raise SettingsError("REPORTQA_CHROMA_URL: give an http:// or https:// URL, or leave it empty.")

    @property
    def db_path(self) -> Path:
        return self.data_dir / "facts.sqlite3"

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"


def _int(name: str, raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise SettingsError(f"{name}={raw[:40]!r} is not a whole number.") from None


def documented_settings() -> dict[str, str]:
    """Setting env names and their help, for the README and `reportqa --help`."""
    return {f"REPORTQA_{f.name.upper()}": f.metadata["help"] for f in fields(Settings)}
