"""The fact store: reports, their tables, facts, checks and chunks in SQL.

`FactStore` is the protocol the rest of the code uses; `SQLiteStore` is the embedded default.
Each report is written in one transaction, so a failure leaves nothing behind, and a report whose
content hash is already stored is not written again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from index.chunking import passage_text
from index.errors import UnknownReportError
from index.lexical import tokens
from index.models import Check, Chunk, Fact, ParsedReport, Report, Table

_SEP = "\x1f"  # between stored tokens: a character no token holds

_SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY, agency TEXT, year INTEGER, title TEXT, published TEXT, template TEXT,
  source TEXT, format TEXT, sha256 TEXT, region TEXT, warnings TEXT, text TEXT, parser TEXT, kind TEXT
);
CREATE TABLE IF NOT EXISTS tables (
  report_id TEXT, key TEXT, title TEXT, unit TEXT, page INTEGER, template_table TEXT,
  column_paths TEXT, row_paths TEXT, cells TEXT, kind TEXT, PRIMARY KEY (report_id, key)
);
CREATE TABLE IF NOT EXISTS facts (
  report_id TEXT, tbl TEXT, row_path TEXT, column_path TEXT, row_key TEXT, column_key TEXT,
  value TEXT, unit TEXT, status TEXT, page INTEGER, span_start INTEGER, span_end INTEGER,
  raw TEXT, sentence TEXT, candidate INTEGER
);
CREATE INDEX IF NOT EXISTS facts_by_report ON facts (report_id, tbl, row_key, column_key);
CREATE TABLE IF NOT EXISTS checks (
  report_id TEXT, name TEXT, description TEXT, left_value TEXT, right_value TEXT, ok INTEGER, detail TEXT
);
CREATE INDEX IF NOT EXISTS checks_by_report ON checks (report_id);
CREATE TABLE IF NOT EXISTS chunks (
  id TEXT PRIMARY KEY, report_id TEXT, text TEXT, section TEXT, kind TEXT, page INTEGER, meta TEXT, tokens TEXT
);
CREATE INDEX IF NOT EXISTS chunks_by_report ON chunks (report_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER);
INSERT OR IGNORE INTO meta VALUES ('revision', 0);
"""


class FactStore(Protocol):
    """What the read and write paths need from SQL; PostgreSQL can implement the same."""

    def put(self, parsed: ParsedReport, text: str) -> None: ...
    def has(self, report_id: str, sha256: str, parser: str = "") -> bool: ...
    def delete(self, report_id: str) -> None: ...
    def reports(self) -> list[Report]: ...
    def report(self, report_id: str) -> Report: ...
    def text(self, report_id: str) -> str: ...
    def warnings(self, report_id: str) -> list[str]: ...
    def tables(self, report_id: str) -> list[Table]: ...
    def facts(self, report_id: str | None = None, table: str | None = None) -> list[Fact]: ...
    def checks(self, report_id: str) -> list[Check]: ...
    def chunks(self, report_id: str | None = None) -> list[Chunk]: ...
    def revision(self) -> int: ...


def _dec(v: Decimal | None) -> str | None:
    return None if v is None else str(v)


class SQLiteStore:
    """The embedded default: one SQLite file under the data dir."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.executescript(_SCHEMA)
        for table, column in (("reports", "parser"), ("chunks", "tokens"), ("reports", "kind"),
                              ("tables", "kind")):  # stores from older builds
            if column not in {r[1] for r in self._db.execute(f"PRAGMA table_info({table})")}:
                with self._db:
                    self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One report's writes: all or nothing (also wraps the Chroma write in ingest)."""
        with self._db:
            yield self._db

    def has(self, report_id: str, sha256: str, parser: str = "") -> bool:
        """Whether this exact content is stored, read by this parser version: a newer parser reads
        the same file again, so an upgrade never leaves facts that today's code would not produce."""
        row = self._db.execute("SELECT sha256, parser FROM reports WHERE id=?", (report_id,)).fetchone()
        return bool(row) and row[0] == sha256 and (row[1] or "") == parser

    def exists(self, report_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM reports WHERE id=?", (report_id,)).fetchone() is not None

    def delete(self, report_id: str, db: sqlite3.Connection | None = None) -> None:
        db = db or self._db
        for table in ("reports", "tables", "facts", "checks", "chunks"):
            col = "id" if table == "reports" else "report_id"
            db.execute(f"DELETE FROM {table} WHERE {col}=?", (report_id,))
        db.execute("UPDATE meta SET value = value + 1 WHERE key='revision'")

    def put(self, parsed: ParsedReport, text: str, db: sqlite3.Connection | None = None, parser: str = "") -> None:
        """Replace everything stored for this report. Call inside `transaction()` for atomicity."""
        if db is None:
            with self.transaction() as tx:
                return self.put(parsed, text, tx, parser)
        r = parsed.report
        self.delete(r.id, db)
        db.execute(
            "INSERT INTO reports (id, agency, year, title, published, template, source, format, sha256, region, "
            "warnings, text, parser, kind) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (r.id, r.agency, r.year, r.title, r.published, r.template, r.source, r.format, r.sha256,
             r.region, json.dumps(list(parsed.warnings), ensure_ascii=False), text, parser, r.kind),
        )
        db.executemany(
            "INSERT INTO tables (report_id, key, title, unit, page, template_table, column_paths, row_paths, cells, "
            "kind) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(t.report_id, t.key, t.title, t.unit, t.page, t.template_table,
              json.dumps(t.column_paths, ensure_ascii=False), json.dumps(t.row_paths, ensure_ascii=False),
              json.dumps(t.cells, ensure_ascii=False), t.kind) for t in parsed.tables],
        )
        db.executemany(
            "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(f.report_id, f.table, json.dumps(f.row_path, ensure_ascii=False),
              json.dumps(f.column_path, ensure_ascii=False), f.row_key, f.column_key, str(f.value), f.unit,
              f.status, f.page, f.span[0] if f.span else None, f.span[1] if f.span else None, f.raw,
              f.sentence, f.candidate) for f in parsed.facts],
        )
        db.executemany(
            "INSERT INTO checks VALUES (?,?,?,?,?,?,?)",
            [(c.report_id, c.name, c.description, _dec(c.left), _dec(c.right), int(c.ok), c.detail)
             for c in parsed.checks],
        )
        db.executemany(
            "INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?)",
            [(c.id, c.report_id, c.text, c.section, c.kind, c.page, json.dumps(c.meta, ensure_ascii=False),
              _SEP.join(tokens(passage_text(c, report=False)))) for c in parsed.chunks],
        )

    def reports(self) -> list[Report]:
        rows = self._db.execute(
            "SELECT id, agency, year, title, published, template, source, format, sha256, region, kind "
            "FROM reports ORDER BY agency, year, id"
        ).fetchall()
        return [Report(*row) for row in rows]

    def report(self, report_id: str) -> Report:
        for r in self._db.execute(
            "SELECT id, agency, year, title, published, template, source, format, sha256, region, kind "
            "FROM reports WHERE id=?", (report_id,)
        ):
            return Report(*r)
        known = ", ".join(r.id for r in self.reports()[:10]) or "none yet"
        raise UnknownReportError(
            f"No report with id {report_id!r}. Known reports: {known}. List them with `reportqa reports`."
        )

    def agencies_containing(self, fragment: str, exclude: str = "") -> list[str]:
        """Distinct agency names holding `fragment` of reports other than `exclude`, in a stable
        order: one scan of one column, cheap next to an ingest even over 10,000 reports."""
        pattern = "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._db.execute(
            "SELECT DISTINCT agency FROM reports WHERE agency LIKE ? ESCAPE '\\' AND id != ? ORDER BY agency",
            (pattern, exclude),
        )
        return [r[0] for r in rows]

    def text(self, report_id: str) -> str:
        self.report(report_id)
        return self._db.execute("SELECT text FROM reports WHERE id=?", (report_id,)).fetchone()[0]

    def warnings(self, report_id: str) -> list[str]:
        self.report(report_id)
        row = self._db.execute("SELECT warnings FROM reports WHERE id=?", (report_id,)).fetchone()
        return json.loads(row[0] or "[]")

    def tables(self, report_id: str) -> list[Table]:
        rows = self._db.execute(
            "SELECT report_id, key, title, column_paths, row_paths, cells, unit, page, template_table, kind "
            "FROM tables WHERE report_id=? ORDER BY rowid", (report_id,)
        ).fetchall()
        return [
            Table(r[0], r[1], r[2], _tuples(r[3]), _tuples(r[4]), _tuples(r[5]), r[6], r[7], r[8], r[9])
            for r in rows
        ]

    def facts(self, report_id: str | None = None, table: str | None = None) -> list[Fact]:
        sql, args = "SELECT * FROM facts WHERE 1=1", []
        if report_id is not None:
            sql += " AND report_id=?"
            args.append(report_id)
        if table is not None:
            sql += " AND tbl=?"
            args.append(table)
        return [_fact(row) for row in self._db.execute(sql + " ORDER BY rowid", args)]

    def checks(self, report_id: str) -> list[Check]:
        rows = self._db.execute("SELECT * FROM checks WHERE report_id=? ORDER BY rowid", (report_id,))
        return [
            Check(r[0], r[1], r[2], Decimal(r[3]) if r[3] is not None else None,
                  Decimal(r[4]) if r[4] is not None else None, bool(r[5]), r[6]) for r in rows
        ]

    def chunks(self, report_id: str | None = None) -> list[Chunk]:
        sql = "SELECT id, report_id, text, section, kind, page, meta FROM chunks"
        rows = self._db.execute(sql + (" WHERE report_id=?" if report_id else "") + " ORDER BY rowid",
                                (report_id,) if report_id else ())
        return [Chunk(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "{}")) for r in rows]

    def chunk_tokens(self) -> dict[str, list[str]]:
        """The BM25 tokens stored with each chunk at ingest (chunks from older builds have none)."""
        return {r[0]: r[1].split(_SEP) if r[1] else [] for r in
                self._db.execute("SELECT id, tokens FROM chunks WHERE tokens IS NOT NULL")}

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT id FROM chunks")}

    def revision(self) -> int:
        """A counter every write moves on, in the same transaction as the write. Readers compare it
        to the one they cached at, so a check costs one indexed read, not a scan of 10,000 reports,
        and it sees writes from other processes sharing the file too."""
        return int(self._db.execute("SELECT value FROM meta WHERE key='revision'").fetchone()[0])


def _tuples(raw: str) -> tuple:
    return tuple(tuple(x) for x in json.loads(raw))


def _fact(r: tuple) -> Fact:
    return Fact(
        report_id=r[0], table=r[1], row_path=tuple(json.loads(r[2])), column_path=tuple(json.loads(r[3])),
        row_key=r[4], column_key=r[5], value=Decimal(r[6]), unit=r[7], status=r[8], page=r[9],
        span=(r[10], r[11]) if r[10] is not None else None, raw=r[12], sentence=r[13], candidate=r[14],
    )


def open_store(data_dir: Path, database_url: str = "") -> SQLiteStore:
    """The configured store. Only SQLite is built in; a database URL names another backend."""
    if database_url and not database_url.startswith("sqlite:///"):
        from index.errors import ReportQAError

        raise ReportQAError(
            f"REPORTQA_DATABASE_URL={database_url!r}: only sqlite:///PATH is supported in this build; "
            "leave it empty to use the SQLite file under the data dir."
        )
    path = Path(database_url[len("sqlite:///"):]) if database_url else data_dir / "facts.sqlite3"
    return SQLiteStore(path)
