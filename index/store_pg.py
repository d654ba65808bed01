"""The fact store on PostgreSQL (psycopg 3), for many serving processes and ingest workers.

Chosen by `REPORTQA_DATABASE_URL=postgresql://…`. Every query is the shared one of
`index.store.SQLStore`; this module supplies connections (one per thread, autocommit for reads),
the schema built from the same declaration as SQLite's, and the two things SQLite cannot do:

* `claim` takes queued chunks with `FOR UPDATE SKIP LOCKED`, so any number of `reportqa worker`s
  on any machines share the embedding queue without taking the same chunk twice; a worker that
  dies releases its rows with its connection, and they are taken again.
* a writer takes a transaction-scoped advisory lock on the report id, so two ingests of the same
  report one after the other replace it instead of interleaving their rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from index.errors import ReportQAError
from index.models import Chunk
from index.store import (
    INDEXES,
    ORDERED,
    PARTIAL_INDEXES,
    TABLES,
    SQLStore,
    _chunk,
    _gram_rows,
    _tokenize,
    queue_order_index,
)

_SCHEMA_LOCK = 7_245_310  # advisory lock id: one process at a time creates or migrates the schema


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


class PostgresStore(SQLStore):
    """The fact store in a PostgreSQL database (schema created and migrated on open)."""

    ORDER = "seq"

    def __init__(self, url: str, connect_timeout: int = 10):
        try:
            import psycopg
        except ImportError as e:  # pragma: no cover - a dependency of the package
            raise ReportQAError("REPORTQA_DATABASE_URL=postgresql://… needs psycopg: pip install 'psycopg[binary]'.") \
                from e
        self._psycopg = psycopg
        self.url = url
        self.path = _redacted(url)
        self.connect_timeout = connect_timeout
        self._init_connections()
        db = self._conn()
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            for table, cols in TABLES.items():
                defs = [f"{c} {t}" for c, t in cols]
                if table in ORDERED:
                    defs.append("seq BIGINT GENERATED ALWAYS AS IDENTITY")
                db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(defs)})")
                for c, t in cols:  # a database from an older build gains the columns added since
                    db.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {c} {t.replace(' PRIMARY KEY', '')}")
                if table in ORDERED:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS seq BIGINT GENERATED ALWAYS AS IDENTITY")
            for name, table, cols in INDEXES:
                db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")
            for name, table, cols, where in (*PARTIAL_INDEXES, queue_order_index("seq")):
                db.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols}) WHERE {where}")
            self._init_terms(db)
            self._init_grams(db)

    @property
    def shared_queue(self) -> bool:
        return True

    def _open(self) -> Any:
        try:
            return self._psycopg.connect(self.url, autocommit=True, connect_timeout=self.connect_timeout)
        except self._psycopg.OperationalError as e:
            raise ReportQAError(
                f"Cannot connect to the fact database at {self.path} ({str(e).strip().splitlines()[0]}). "
                "Check that PostgreSQL is running and REPORTQA_DATABASE_URL is right."
            ) from e

    def _sql(self, sql: str) -> str:
        # the shared SQL uses SQLite's `?`; the report list sorts as SQLite does (bytes, NULL first)
        sql = sql.replace("ORDER BY agency, year, id",
                          'ORDER BY agency COLLATE "C" NULLS FIRST, year NULLS FIRST, id COLLATE "C"')
        return sql.replace("?", "%s")

    def _many(self, db: Any, sql: str, rows: list[tuple]) -> None:
        if rows:
            with db.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def _add_df(self, db: Any, rows: list[tuple[str, int]]) -> None:
        """One statement for a report's few thousand terms (row by row costs a round trip each)."""
        if rows:
            db.execute("INSERT INTO terms (token, df) SELECT * FROM unnest(%s::text[], %s::int[]) "
                       "ON CONFLICT (token) DO UPDATE SET df = terms.df + excluded.df",
                       ([t for t, _ in rows], [n for _, n in rows]))

    def _add_grams(self, db: Any, gone: set[str], new: set[str]) -> None:
        """One statement for a report's few thousand bigrams."""
        rows = _gram_rows(gone, new)
        if rows:
            db.execute("INSERT INTO grams (gram, reports) SELECT * FROM unnest(%s::text[], %s::int[]) "
                       "ON CONFLICT (gram) DO UPDATE SET reports = grams.reports + excluded.reports",
                       ([g for g, _ in rows], [n for _, n in rows]))

    @contextmanager
    def _write(self, report_id: str | None = None) -> Iterator[Any]:
        db = self._conn()
        with db.transaction():
            if report_id is not None:
                db.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (report_id,))
            yield db

    @contextmanager
    def claim(self, limit: int, report_id: str | None = None) -> Iterator[list[Chunk]]:
        """Up to `limit` queued chunks, locked against other workers until the block ends; marked
        embedded if it ends without an error, left queued (and unlocked) if it raises."""
        db = self._conn()
        sql, args = self._queued_sql(report_id, limit)
        with db.transaction():
            chunks = [_chunk(r) for r in db.execute(self._sql(sql + " FOR UPDATE SKIP LOCKED"), args).fetchall()]
            yield chunks
            if chunks:
                self._mark_embedded(db, chunks, _tokenize(chunks))
