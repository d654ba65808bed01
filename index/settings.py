"""One `Settings` object built from the environment (prefix `REPORTQA_`), passed in explicitly.

Every field has a default and a help string; the README documents each one (a test checks it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path


def _setting(default: object, help: str) -> object:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    data_dir: Path = _setting(Path("data"), "Where the fact database and the Chroma index live.")
    embedder: str = _setting(
        "e5", "Embedding backend: `e5` (bundled multilingual-e5-small, offline) or `st:<model path or name>`."
    )
    chroma_url: str = _setting("", "URL of a Chroma server; empty means an embedded index under the data dir.")
    database_url: str = _setting("", "SQL database URL; empty means a SQLite file under the data dir.")
    max_upload_mb: int = _setting(50, "Largest report file accepted, in MB; bigger files are refused unread.")
    llm_base_url: str = _setting("", "OpenAI-compatible endpoint for optional answer phrasing; empty = off.")
    llm_model: str = _setting("", "Chat model name at the LLM endpoint.")
    llm_api_key: str = _setting("", "API key for the LLM endpoint.")
    api_key: str = _setting("", "If set, write endpoints of the REST API require this key.")
    allowed_origins: str = _setting("*", "Comma-separated origins allowed to embed the widget.")

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Read `REPORTQA_<NAME>` for every field; explicit overrides win."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"REPORTQA_{f.name.upper()}")
            if raw is None:
                continue
            if f.type in ("Path", Path):
                values[f.name] = Path(raw)
            elif f.type in ("int", int):
                values[f.name] = int(raw)
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "data_dir" in values:
            values["data_dir"] = Path(values["data_dir"])  # type: ignore[arg-type]
        return replace(cls(), **values)

    @property
    def db_path(self) -> Path:
        return self.data_dir / "facts.sqlite3"

    @property
    def chroma_path(self) -> Path:
        return self.data_dir / "chroma"


def documented_settings() -> dict[str, str]:
    """Setting env names and their help, for the README and `reportqa --help`."""
    return {f"REPORTQA_{f.name.upper()}": f.metadata["help"] for f in fields(Settings)}
