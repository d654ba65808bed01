"""Shared fixtures: where the development corpus and the committed test fixtures live."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The development corpus (samples/), read-only real reports described in SOURCES.md."""
    return ROOT / "samples"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """Committed fixture files and their builders (tests/fixtures/)."""
    return Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def samples_data_dir(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding every bundled report, parsed once per session (facts and checks; no text
    index, so no model runs): the export and audit tests of index/ and ui/ read it."""
    from index.ingest import ingest_paths
    from index.store import SQLiteStore

    data = tmp_path_factory.mktemp("samples") / "data"
    store = SQLiteStore(data / "facts.sqlite3")
    results = ingest_paths([samples_dir], store)
    assert results and all(r.status == "added" for r in results), [r.error for r in results if r.error]
    store.close()
    return data


@pytest.fixture(scope="session")
def e5_samples_data_dir(samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir holding every bundled report with its text index, ingested once per session with the
    real e5 model and embedded Chroma (the defaults): the eval over eval/qa and the retrieval recall test
    read the same index rather than each embedding the samples again (a minute or more on 2 cores)."""
    import os

    from index.settings import Settings
    from qa.service import Service

    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    data = tmp_path_factory.mktemp("e5_samples") / "data"
    service = Service(Settings.from_env(env={"REPORTQA_DATA_DIR": str(data)}))
    try:
        results = service.ingest([samples_dir])
    finally:
        service.close()
    assert results and all(r.status == "added" for r in results), [r.error for r in results if r.error]
    return data


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """One real PostgreSQL server for the session, on loopback in a temporary directory."""
    from eval.servers import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture
def pg_url(pg_server: str) -> str:
    """A fresh, empty database on the session's PostgreSQL server."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return pg_server.rsplit("/", 1)[0] + "/" + name
