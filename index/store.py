"""The fact store: reports, their tables, facts, checks and chunks in SQL.

`FactStore` is the protocol the rest of the code uses. `SQLStore` holds every query once, written
for both backends; `SQLiteStore` (the embedded default, below) and `PostgresStore`
(index/store_pg.py) supply connections and the few places where the two dialects differ. The
schema is declared once, as data (`TABLES`), and each backend builds and migrates it from there:
a column added to `TABLES` is added to existing stores when they are opened.

Writes are short: one transaction per report holds its facts, checks, chunks (queued for
embedding) and a note that the text index must be brought in step with it. Embedding happens
after the commit, outside any transaction (index/embed_queue.py), so readers and other writers
never wait on it. A report whose content hash is already stored is not written again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from index.chunking import passage_text
from index.errors import ReportQAError, StoreBusyError, UnknownReportError
from index.lexical import text_bigrams, tokens
from index.models import Check, Chunk, Fact, ParsedReport, Report, Table

_SEP = "\x1f"  # between stored tokens: a character no token holds
_EMPTY = "∅"  # the one token of a chunk that has none (as the BM25 index has always counted it)
INTEGER_BIG = "BIGINT"
META_KEYS = ("revision", "chunk_count", "token_count")

# table → (column, type); the order is the order of the values each insert gives.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "reports": (
        ("id", "TEXT PRIMARY KEY"), ("agency", "TEXT"), ("year", "INTEGER"), ("title", "TEXT"),
        ("published", "TEXT"), ("template", "TEXT"), ("source", "TEXT"), ("format", "TEXT"), ("sha256", "TEXT"),
        ("region", "TEXT"), ("warnings", "TEXT"), ("text", "TEXT"), ("parser", "TEXT"), ("kind", "TEXT"),
    ),
    "tables": (
        ("report_id", "TEXT"), ("key", "TEXT"), ("title", "TEXT"), ("unit", "TEXT"), ("page", "INTEGER"),
        ("template_table", "TEXT"), ("column_paths", "TEXT"), ("row_paths", "TEXT"), ("cells", "TEXT"),
        ("kind", "TEXT"),
    ),
    "facts": (
        ("report_id", "TEXT"), ("tbl", "TEXT"), ("row_path", "TEXT"), ("column_path", "TEXT"), ("row_key", "TEXT"),
        ("column_key", "TEXT"), ("value", "TEXT"), ("unit", "TEXT"), ("status", "TEXT"), ("page", "INTEGER"),
        ("span_start", "INTEGER"), ("span_end", "INTEGER"), ("raw", "TEXT"), ("sentence", "TEXT"),
        ("candidate", "INTEGER"),
    ),
    "checks": (
        ("report_id", "TEXT"), ("name", "TEXT"), ("description", "TEXT"), ("left_value", "TEXT"),
        ("right_value", "TEXT"), ("ok", "INTEGER"), ("detail", "TEXT"),
    ),
    # `embedded` is the embedding queue: 0 = waiting for a worker, 1 = in the text index. Chunks
    # stored before the queue existed were indexed inside their ingest, hence the default.
    "chunks": (
        ("id", "TEXT PRIMARY KEY"), ("report_id", "TEXT"), ("text", "TEXT"), ("section", "TEXT"), ("kind", "TEXT"),
        ("page", "INTEGER"), ("meta", "TEXT"), ("tokens", "TEXT"), ("embedded", "INTEGER DEFAULT 1"),
    ),
    "meta": (("key", "TEXT PRIMARY KEY"), ("value", INTEGER_BIG)),
    # BM25's corpus statistics, kept in step by every write: how many chunks hold each token (the
    # chunk and token totals are in `meta`), so a search within a few reports reads only their
    # chunks and the query's terms, never the whole corpus
    "terms": (("token", "TEXT PRIMARY KEY"), ("df", "INTEGER")),
    # the words of every stored report's text (character bigrams, index/lexical.py `text_bigrams`)
    # and how many reports hold each: whether a question is about the reports at all is one indexed
    # read, instead of every serving process reading every report's text
    "grams": (("gram", "TEXT PRIMARY KEY"), ("reports", "INTEGER")),
    # reports whose text-index entries may disagree with the store (replaced or deleted since);
    # `gen` moves on each such write, so a reconcile only clears the note it has seen.
    "index_dirty": (("report_id", "TEXT PRIMARY KEY"), ("gen", "INTEGER")),
}
# Tables read back in insertion order (SQLite by rowid, PostgreSQL by an identity column).
ORDERED = ("tables", "facts", "checks", "chunks")
INDEXES = (
    # every ingest asks which stored agencies hold a name (`agencies_containing`): over this index,
    # not over the reports' rows with their whole texts (at 10,000 reports that scan halved ingest)
    ("reports_by_agency", "reports", "agency, id"),
    ("tables_by_report", "tables", "report_id"),
    ("facts_by_report", "facts", "report_id, tbl, row_key, column_key"),
    ("checks_by_report", "checks", "report_id"),
    ("chunks_by_report", "chunks", "report_id"),
)
# The queue is found through partial indexes: their size does not depend on how much is embedded.
# `chunks_queue_order` gives a worker the oldest queued chunks without sorting the whole queue
# (a scan and sort per batch of a 400,000-chunk queue cost more than embedding the batch); its
# column is the backend's insertion order (`queue_order_index`).
PARTIAL_INDEXES = (("chunks_queued", "chunks", "report_id", "embedded = 0"),)


def queue_order_index(column: str) -> tuple[str, str, str, str]:
    return ("chunks_queue_order", "chunks", column, "embedded = 0")
REPORT_COLUMNS = "id, agency, year, title, published, template, source, format, sha256, region, kind"
CHUNK_COLUMNS = "id, report_id, text, section, kind, page, meta"


class FactStore(Protocol):
    """What the read and write paths need from SQL (SQLite and PostgreSQL implement it)."""

    path: str | Path

    def put(self, parsed: ParsedReport, text: str, db: Any = None, parser: str = "") -> None: ...
    def has(self, report_id: str, sha256: str, parser: str = "") -> bool: ...
    def exists(self, report_id: str) -> bool: ...
    def agencies_containing(self, fragment: str, exclude: str = "") -> list[str]: ...
    def delete(self, report_id: str) -> None: ...
    def reports(self) -> list[Report]: ...
    def report(self, report_id: str) -> Report: ...
    def text(self, report_id: str) -> str: ...
    def warnings(self, report_id: str) -> list[str]: ...
    def tables(self, report_id: str) -> list[Table]: ...
    def facts(self, report_id: str | None = None, table: str | None = None) -> list[Fact]: ...
    def checks(self, report_id: str) -> list[Check]: ...
    def chunks(self, report_id: str | None = None) -> list[Chunk]: ...
    def chunks_by_id(self, ids: Iterable[str]) -> list[Chunk]: ...
    def chunk_ids(self) -> set[str]: ...
    def chunks_with_tokens(self, report_ids: Iterable[str]) -> list[tuple[Chunk, list[str] | None]]: ...
    def term_stats(self, toks: Iterable[str]) -> tuple[int, int, dict[str, int]]: ...
    def chunk_tokens(self) -> dict[str, list[str]]: ...
    def report_ids(self) -> list[str]: ...
    def grams_held(self, grams: Iterable[str]) -> set[str]: ...
    def revision(self) -> int: ...
    def claim(self, limit: int, report_id: str | None = None) -> Any: ...
    def progress(self) -> dict[str, tuple[int, int]]: ...
    def queue_size(self, report_id: str | None = None) -> int: ...
    def dirty(self) -> list[tuple[str, int]]: ...
    def chunk_states(self, report_id: str) -> dict[str, bool]: ...
    def requeue(self, ids: Sequence[str]) -> None: ...
    def clear_dirty(self, report_id: str, gen: int) -> None: ...
    def close(self) -> None: ...

    @property
    def shared_queue(self) -> bool: ...


def _dec(v: Decimal | None) -> str | None:
    return None if v is None else str(v)


def _insert(table: str) -> str:
    cols = [c for c, _ in TABLES[table]]
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


class _ThreadConnection:
    """One thread's connection, closed when the thread ends (its thread-local data is dropped then):
    a server whose worker threads come and go does not pile up open connections."""

    def __init__(self, db: Any):
        self.db = db

    def __del__(self) -> None:
        with suppress(Exception):
            self.db.close()


class SQLStore:
    """Every query of the fact store, once. Subclasses provide `_open()` (a new connection),
    `_write()` (one write transaction), `claim()` and the schema setup; SQL is written with `?`
    placeholders and `ORDER` names the insertion-order column."""

    ORDER = "rowid"
    QUEUE_OF_REPORT = "chunks"  # where one report's queued chunks are read from (SQLite names its index)
    path: str | Path

    # ---- connections: one per thread ---------------------------------------------------------

    def _open(self) -> Any:
        raise NotImplementedError

    def _init_connections(self) -> None:
        self._local = threading.local()
        self._held: weakref.WeakSet[_ThreadConnection] = weakref.WeakSet()
        self._held_lock = threading.Lock()

    def _conn(self) -> Any:
        held = getattr(self._local, "held", None)
        if held is None or getattr(held.db, "closed", False):
            held = _ThreadConnection(self._open())
            self._local.held = held
            with self._held_lock:
                self._held.add(held)
        return held.db

    def open_connections(self) -> int:
        with self._held_lock:
            return len(self._held)

    def close(self) -> None:
        with self._held_lock:
            for held in list(self._held):
                held.db.close()
            self._held = weakref.WeakSet()
        self._local = threading.local()

    # ---- backend hooks ---------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql

    def _q(self, sql: str, args: Sequence[Any] = ()) -> list[tuple]:
        return list(self._conn().execute(self._sql(sql), tuple(args)).fetchall())

    def _many(self, db: Any, sql: str, rows: list[tuple]) -> None:
        if rows:
            db.executemany(self._sql(sql), rows)

    def _x(self, db: Any, sql: str, args: Sequence[Any] = ()) -> Any:
        return db.execute(self._sql(sql), tuple(args))

    @contextmanager
    def _write(self, report_id: str | None = None) -> Iterator[Any]:
        raise NotImplementedError
        yield

    @property
    def shared_queue(self) -> bool:
        """Whether `reportqa worker`s on other machines drain the queue (else ingest embeds in-process)."""
        return False

    # ---- writes ----------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction (short: nothing slow may run inside it)."""
        with self._write() as db:
            yield db

    def delete(self, report_id: str, db: Any = None) -> None:
        if db is None:
            with self._write(report_id) as tx:
                return self.delete(report_id, tx)
        self._add_grams(db, self._remove(db, report_id), set())

    def _remove(self, db: Any, report_id: str) -> set[str]:
        """Delete the report's rows and take its chunks out of the BM25 statistics; returns the
        bigrams of its text (the caller counts them out of `grams`, or only those a new text lacks)."""
        old_text = self._x(db, "SELECT text FROM reports WHERE id=?", (report_id,)).fetchall()
        old = [_token_list(r[0]) for r in self._x(
            db, "SELECT tokens FROM chunks WHERE report_id=? AND tokens IS NOT NULL", (report_id,)).fetchall()]
        self._count_terms(db, old, -1)
        for table in ("reports", "tables", "facts", "checks", "chunks"):
            col = "id" if table == "reports" else "report_id"
            self._x(db, f"DELETE FROM {table} WHERE {col}=?", (report_id,))
        self._x(db, "INSERT INTO index_dirty (report_id, gen) VALUES (?, 1) "
                    "ON CONFLICT (report_id) DO UPDATE SET gen = index_dirty.gen + 1", (report_id,))
        self._x(db, "UPDATE meta SET value = value + 1 WHERE key='revision'")
        return text_bigrams(old_text[0][0] or "") if old_text else set()

    def put(self, parsed: ParsedReport, text: str, db: Any = None, parser: str = "") -> None:
        """Replace everything stored for this report, in one short transaction. Its chunks are queued
        for the text index (embedding, and the BM25 tokens, both done by whoever drains the queue),
        except those whose text the index already holds (same content id): they keep their tokens."""
        if db is None:
            with self._write(parsed.report.id) as tx:
                return self.put(parsed, text, tx, parser)
        r = parsed.report
        done = dict(self._x(db, "SELECT id, tokens FROM chunks WHERE report_id=? AND embedded=1",
                            (r.id,)).fetchall())
        old_grams = self._remove(db, r.id)
        new_grams = text_bigrams(text)
        self._add_grams(db, old_grams - new_grams, new_grams - old_grams)
        self._x(db, _insert("reports"), (
            r.id, r.agency, r.year, r.title, r.published, r.template, r.source, r.format, r.sha256, r.region,
            json.dumps(list(parsed.warnings), ensure_ascii=False), text, parser, r.kind))
        self._many(db, _insert("tables"), [
            (t.report_id, t.key, t.title, t.unit, t.page, t.template_table,
             json.dumps(t.column_paths, ensure_ascii=False), json.dumps(t.row_paths, ensure_ascii=False),
             json.dumps(t.cells, ensure_ascii=False), t.kind) for t in parsed.tables])
        self._many(db, _insert("facts"), [
            (f.report_id, f.table, json.dumps(f.row_path, ensure_ascii=False),
             json.dumps(f.column_path, ensure_ascii=False), f.row_key, f.column_key, str(f.value), f.unit,
             f.status, f.page, f.span[0] if f.span else None, f.span[1] if f.span else None, f.raw,
             f.sentence, f.candidate) for f in parsed.facts])
        self._many(db, _insert("checks"), [
            (c.report_id, c.name, c.description, _dec(c.left), _dec(c.right), int(c.ok), c.detail)
            for c in parsed.checks])
        self._many(db, _insert("chunks"), [
            (c.id, c.report_id, c.text, c.section, c.kind, c.page, json.dumps(c.meta, ensure_ascii=False),
             done.get(c.id), int(c.id in done)) for c in parsed.chunks])
        self._count_terms(db, [_token_list(done[c.id]) for c in parsed.chunks if done.get(c.id) is not None], +1)

    def _count_terms(self, db: Any, docs: list[list[str]], sign: int) -> None:
        """Add (or take away) these chunks' tokens to the BM25 statistics. Tokens go in sorted order,
        so concurrent writers on PostgreSQL lock the same rows in the same order."""
        if not docs:
            return
        df = Counter(t for doc in docs for t in set(doc))
        self._add_df(db, [(t, sign * n) for t, n in sorted(df.items())])
        self._x(db, "UPDATE meta SET value = value + ? WHERE key='chunk_count'", (sign * len(docs),))
        self._x(db, "UPDATE meta SET value = value + ? WHERE key='token_count'", (sign * sum(map(len, docs)),))

    def _add_df(self, db: Any, rows: list[tuple[str, int]]) -> None:
        self._many(db, "INSERT INTO terms (token, df) VALUES (?, ?) "
                       "ON CONFLICT (token) DO UPDATE SET df = terms.df + excluded.df", rows)

    def _add_grams(self, db: Any, gone: set[str], new: set[str]) -> None:
        """Count text bigrams out of (`gone`) and into (`new`) `grams`, in one sorted pass, so
        concurrent writers on PostgreSQL lock the same rows in the same order (as `_count_terms`)."""
        self._many(db, "INSERT INTO grams (gram, reports) VALUES (?, ?) "
                       "ON CONFLICT (gram) DO UPDATE SET reports = grams.reports + excluded.reports",
                   _gram_rows(gone, new))

    def _init_grams(self, db: Any) -> None:
        """A store from before `grams` was kept: count every stored report's text once, on open."""
        if self._x(db, "SELECT 1 FROM grams LIMIT 1").fetchall():
            return
        ids = [r[0] for r in self._x(db, "SELECT id FROM reports").fetchall()]
        for rid in ids:
            text = self._x(db, "SELECT text FROM reports WHERE id=?", (rid,)).fetchall()[0][0]
            self._add_grams(db, set(), text_bigrams(text or ""))

    def _init_terms(self, db: Any) -> None:
        """A store from before the statistics were kept: count them once from the stored tokens."""
        for key in META_KEYS:
            self._x(db, "INSERT INTO meta (key, value) VALUES (?, 0) ON CONFLICT (key) DO NOTHING", (key,))
        if self._x(db, "SELECT 1 FROM terms LIMIT 1").fetchall() or not self._x(
                db, "SELECT 1 FROM chunks LIMIT 1").fetchall():
            return
        docs = [_token_list(r[0]) for r in self._x(db, "SELECT tokens FROM chunks WHERE tokens IS NOT NULL")]
        self._count_terms(db, docs, +1)

    # ---- reads -----------------------------------------------------------------------------

    def has(self, report_id: str, sha256: str, parser: str = "") -> bool:
        """Whether this exact content is stored, read by this parser version: a newer parser reads
        the same file again, so an upgrade never leaves facts that today's code would not produce."""
        rows = self._q("SELECT sha256, parser FROM reports WHERE id=?", (report_id,))
        return bool(rows) and rows[0][0] == sha256 and (rows[0][1] or "") == parser

    def exists(self, report_id: str) -> bool:
        return bool(self._q("SELECT 1 FROM reports WHERE id=?", (report_id,)))

    def reports(self) -> list[Report]:
        rows = self._q(f"SELECT {REPORT_COLUMNS} FROM reports ORDER BY agency, year, id")
        return [Report(*row) for row in rows]

    def report(self, report_id: str) -> Report:
        for r in self._q(f"SELECT {REPORT_COLUMNS} FROM reports WHERE id=?", (report_id,)):
            return Report(*r)
        known = ", ".join(r[0] for r in self._q("SELECT id FROM reports ORDER BY id LIMIT 10")) or "none yet"
        raise UnknownReportError(
            f"No report with id {report_id!r}. Known reports: {known}. List them with `reportqa reports`."
        )

    def agencies_containing(self, fragment: str, exclude: str = "") -> list[str]:
        """Distinct agency names holding `fragment` of reports other than `exclude`, in a stable
        order: one scan of one column, cheap next to an ingest even over 10,000 reports."""
        pattern = "%" + fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._q("SELECT DISTINCT agency FROM reports WHERE agency LIKE ? ESCAPE '\\' AND id != ?",
                       (pattern, exclude))
        return sorted(r[0] for r in rows)  # code-point order: SQLite's, and no server collation's

    def text(self, report_id: str) -> str:
        self.report(report_id)
        return self._q("SELECT text FROM reports WHERE id=?", (report_id,))[0][0]

    def warnings(self, report_id: str) -> list[str]:
        self.report(report_id)
        return json.loads(self._q("SELECT warnings FROM reports WHERE id=?", (report_id,))[0][0] or "[]")

    def tables(self, report_id: str) -> list[Table]:
        rows = self._q(
            "SELECT report_id, key, title, column_paths, row_paths, cells, unit, page, template_table, kind "
            f"FROM tables WHERE report_id=? ORDER BY {self.ORDER}", (report_id,))
        return [
            Table(r[0], r[1], r[2], _tuples(r[3]), _tuples(r[4]), _tuples(r[5]), r[6], r[7], r[8], r[9])
            for r in rows
        ]

    def facts(self, report_id: str | None = None, table: str | None = None) -> list[Fact]:
        cols = ", ".join(c for c, _ in TABLES["facts"])
        sql, args = f"SELECT {cols} FROM facts WHERE 1=1", []
        if report_id is not None:
            sql += " AND report_id=?"
            args.append(report_id)
        if table is not None:
            sql += " AND tbl=?"
            args.append(table)
        return [_fact(row) for row in self._q(sql + f" ORDER BY {self.ORDER}", args)]

    def checks(self, report_id: str) -> list[Check]:
        cols = ", ".join(c for c, _ in TABLES["checks"])
        rows = self._q(f"SELECT {cols} FROM checks WHERE report_id=? ORDER BY {self.ORDER}", (report_id,))
        return [
            Check(r[0], r[1], r[2], Decimal(r[3]) if r[3] is not None else None,
                  Decimal(r[4]) if r[4] is not None else None, bool(r[5]), r[6]) for r in rows
        ]

    def chunks(self, report_id: str | None = None) -> list[Chunk]:
        where = " WHERE report_id=?" if report_id else ""
        rows = self._q(f"SELECT {CHUNK_COLUMNS} FROM chunks{where} ORDER BY {self.ORDER}",
                       (report_id,) if report_id else ())
        return [_chunk(r) for r in rows]

    def chunks_by_id(self, ids: Iterable[str]) -> list[Chunk]:
        """The stored chunks among these ids (an id the store no longer has is left out)."""
        ids = list(dict.fromkeys(ids))
        out: list[Chunk] = []
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            out += [_chunk(r) for r in self._q(
                f"SELECT {CHUNK_COLUMNS} FROM chunks WHERE id IN ({', '.join('?' * len(part))})", part)]
        order = {c: n for n, c in enumerate(ids)}
        return sorted(out, key=lambda c: order[c.id])

    def chunk_tokens(self) -> dict[str, list[str]]:
        """The BM25 tokens stored with each chunk at ingest (chunks from older builds have none)."""
        return {r[0]: r[1].split(_SEP) if r[1] else [] for r in
                self._q("SELECT id, tokens FROM chunks WHERE tokens IS NOT NULL")}

    def chunk_ids(self) -> set[str]:
        return {r[0] for r in self._q("SELECT id FROM chunks")}

    def report_ids(self) -> list[str]:
        """Every report id, sorted (a few bytes each: how a search over all reports pages through them)."""
        return sorted(r[0] for r in self._q("SELECT id FROM reports"))

    def grams_held(self, grams: Iterable[str]) -> set[str]:
        """Those of these text bigrams that at least one stored report's text holds."""
        grams = sorted(set(grams))
        held: set[str] = set()
        for i in range(0, len(grams), 500):
            part = grams[i:i + 500]
            held |= {r[0] for r in self._q(
                f"SELECT gram FROM grams WHERE reports > 0 AND gram IN ({', '.join('?' * len(part))})", part)}
        return held

    def chunks_with_tokens(self, report_ids: Iterable[str]) -> list[tuple[Chunk, list[str] | None]]:
        """The chunks of these reports with their BM25 tokens (None: not made yet), in insertion order."""
        ids = sorted(set(report_ids))
        rows: list[tuple] = []
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            rows += self._q(f"SELECT {CHUNK_COLUMNS}, tokens, {self.ORDER} FROM chunks "
                            f"WHERE report_id IN ({', '.join('?' * len(part))})", part)
        return [(_chunk(r), None if r[7] is None else _token_list(r[7])) for r in sorted(rows, key=lambda r: r[8])]

    def term_stats(self, toks: Iterable[str]) -> tuple[int, int, dict[str, int]]:
        """(chunks, tokens in all chunks, {token: chunks holding it}) for BM25 over the whole store."""
        meta = dict(self._q("SELECT key, value FROM meta WHERE key IN ('chunk_count', 'token_count')"))
        toks = sorted(set(toks))
        df: dict[str, int] = {}
        for i in range(0, len(toks), 500):
            part = toks[i:i + 500]
            df.update({r[0]: int(r[1]) for r in self._q(
                f"SELECT token, df FROM terms WHERE df > 0 AND token IN ({', '.join('?' * len(part))})", part)})
        return int(meta.get("chunk_count") or 0), int(meta.get("token_count") or 0), df

    def revision(self) -> int:
        """A counter every write moves on, in the same transaction as the write. Readers compare it
        to the one they cached at, so a check costs one indexed read, not a scan of 10,000 reports,
        and it sees writes from other processes sharing the database too."""
        return int(self._q("SELECT value FROM meta WHERE key='revision'")[0][0])

    # ---- the embedding queue and the text index's to-do list --------------------------------

    def progress(self) -> dict[str, tuple[int, int]]:
        """Per report: (chunks queued, chunks embedded)."""
        out: dict[str, tuple[int, int]] = {}
        for rid, queued, embedded in self._q(
            "SELECT report_id, SUM(CASE WHEN embedded=0 THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN embedded=1 THEN 1 ELSE 0 END) FROM chunks GROUP BY report_id"
        ):
            out[rid] = (int(queued or 0), int(embedded or 0))
        return out

    def queue_size(self, report_id: str | None = None) -> int:
        """Chunks waiting for the text index (of one report, or all): read off the queue's index."""
        if report_id is None:
            return int(self._q("SELECT COUNT(*) FROM chunks WHERE embedded=0")[0][0])
        return int(self._q(f"SELECT COUNT(*) FROM {self.QUEUE_OF_REPORT} WHERE embedded=0 AND report_id=?",
                           (report_id,))[0][0])

    def dirty(self) -> list[tuple[str, int]]:
        """Reports whose text-index entries must be checked against the store (replaced or deleted)."""
        return [(r[0], int(r[1])) for r in self._q("SELECT report_id, gen FROM index_dirty ORDER BY report_id")]

    def chunk_states(self, report_id: str) -> dict[str, bool]:
        """Chunk id → whether the store counts it as embedded."""
        return {r[0]: bool(r[1]) for r in self._q("SELECT id, embedded FROM chunks WHERE report_id=?",
                                                   (report_id,))}

    def requeue(self, ids: Sequence[str]) -> None:
        """Put chunks back in the queue (the index turned out not to hold them)."""
        if ids:
            with self._write() as db:
                for i in range(0, len(ids), 500):
                    part = list(ids[i:i + 500])
                    self._x(db, f"UPDATE chunks SET embedded=0 WHERE id IN ({', '.join('?' * len(part))})", part)

    def clear_dirty(self, report_id: str, gen: int) -> None:
        """Drop the note, unless the report was written again since it was read."""
        with self._write() as db:
            self._x(db, "DELETE FROM index_dirty WHERE report_id=? AND gen=?", (report_id, gen))

    def mark_embedded(self, ids: Sequence[str]) -> None:
        """Take chunks off the queue (the index holds them), with their BM25 tokens."""
        chunks = self.chunks_by_id(ids)
        toks = _tokenize(chunks)
        with self._write() as db:
            self._mark_embedded(db, chunks, toks)

    def _mark_embedded(self, db: Any, chunks: Sequence[Chunk], toks: list[str]) -> None:
        """Mark chunks embedded and give those still without tokens theirs, counting them into the
        BM25 statistics; a chunk deleted meanwhile matches no row and is not counted."""
        counted = []
        for c, joined in zip(chunks, toks, strict=True):
            if self._x(db, "UPDATE chunks SET embedded=1, tokens=? WHERE id=? AND tokens IS NULL",
                       (joined, c.id)).rowcount:
                counted.append(_token_list(joined))
        self._count_terms(db, counted, +1)
        ids = [c.id for c in chunks]
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            self._x(db, f"UPDATE chunks SET embedded=1 WHERE id IN ({', '.join('?' * len(part))})", part)

    def _queued_sql(self, report_id: str | None, limit: int) -> tuple[str, list[Any]]:
        where = "embedded=0" + (" AND report_id=?" if report_id else "")
        source = self.QUEUE_OF_REPORT if report_id else "chunks"
        return (f"SELECT {CHUNK_COLUMNS} FROM {source} WHERE {where} ORDER BY {self.ORDER} LIMIT ?",
                [*([report_id] if report_id else []), limit])


def _gram_rows(gone: set[str], new: set[str]) -> list[tuple[str, int]]:
    return sorted([(g, -1) for g in gone] + [(g, 1) for g in new])


def _tokenize(chunks: Sequence[Chunk]) -> list[str]:
    """Each chunk's BM25 tokens, joined for storage (jieba: the costly part, done off the facts path)."""
    return [_SEP.join(tokens(passage_text(c, report=False))) for c in chunks]


def _token_list(raw: str | None) -> list[str]:
    return raw.split(_SEP) if raw else [_EMPTY]


def _chunk(r: tuple) -> Chunk:
    return Chunk(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "{}"))


def _tuples(raw: str) -> tuple:
    return tuple(tuple(x) for x in json.loads(raw))


def _fact(r: tuple) -> Fact:
    return Fact(
        report_id=r[0], table=r[1], row_path=tuple(json.loads(r[2])), column_path=tuple(json.loads(r[3])),
        row_key=r[4], column_key=r[5], value=Decimal(r[6]), unit=r[7], status=r[8], page=r[9],
        span=(r[10], r[11]) if r[10] is not None else None, raw=r[12], sentence=r[13], candidate=r[14],
    )


class SQLiteStore(SQLStore):
    """The embedded default: one SQLite file under the data dir, in WAL mode.

    Each thread reads through its own connection, so a question never waits for a writer and never
    sees half of one. Writes take the file's write lock up front (BEGIN IMMEDIATE) and wait for
    another writer for up to `busy_timeout` seconds; transactions are short (no embedding inside),
    so a wait is brief, and a writer that still cannot get in gets a `StoreBusyError` that says so.
    """

    def __init__(self, path: Path, busy_timeout: float = 60.0):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.busy_timeout = busy_timeout
        self._init_connections()
        db = self._conn()
        db.execute("PRAGMA journal_mode=WAL")
        with self._write() as tx:
            for table, cols in TABLES.items():
                tx.execute(f"CREATE TABLE IF NOT EXISTS {table} ({', '.join(f'{c} {t}' for c, t in cols)})")
                have = {r[1] for r in tx.execute(f"PRAGMA table_info({table})")}
                for c, t in cols:  # a store from an older build gains the columns added since
                    if c not in have:
                        tx.execute(f"ALTER TABLE {table} ADD COLUMN {c} {t.replace(' PRIMARY KEY', '')}")
            for name, table, cols in INDEXES:
                tx.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")
            # SQLite cannot index rowid itself, but entries of equal key sort by it: one key, rowid order
            for name, table, cols, where in (*PARTIAL_INDEXES, queue_order_index("embedded")):
                tx.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols}) WHERE {where}")
            self._init_terms(tx)
            self._init_grams(tx)

    # one report's queue through its own index, not a walk through the whole queue's order (which
    # SQLite's planner would otherwise pick: both indexes look alike to it)
    QUEUE_OF_REPORT = "chunks INDEXED BY chunks_queued"

    @property
    def _db(self) -> sqlite3.Connection:
        return self._conn()

    def _open(self) -> sqlite3.Connection:
        # autocommit: every read sees the latest commit; writes open their own transaction
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=self.busy_timeout)
        db.execute("PRAGMA synchronous=NORMAL")
        return db

    @contextmanager
    def _write(self, report_id: str | None = None) -> Iterator[sqlite3.Connection]:
        db = self._conn()
        if db.in_transaction:  # nested inside an open write: part of it
            yield db
            return
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            raise StoreBusyError(
                f"The fact database {self.path} stayed locked by another writer for {self.busy_timeout:.0f} s. "
                "Another ingest is probably running on it; try again when it has finished."
            ) from e
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    @contextmanager
    def claim(self, limit: int, report_id: str | None = None) -> Iterator[list[Chunk]]:
        """Up to `limit` queued chunks; marked embedded when the block ends without an error.

        SQLite has no row locks: this is for the single process that embeds after its own ingest.
        Nothing is held open while the caller embeds."""
        sql, args = self._queued_sql(report_id, limit)
        chunks = [_chunk(r) for r in self._q(sql, args)]
        yield chunks
        if chunks:
            toks = _tokenize(chunks)
            with self._write() as db:
                self._mark_embedded(db, chunks, toks)


def open_store(data_dir: Path, database_url: str = "") -> SQLStore:
    """The configured store: PostgreSQL for a postgresql:// URL, else a SQLite file."""
    if database_url.startswith(("postgresql://", "postgres://")):
        from index.store_pg import PostgresStore

        return PostgresStore(database_url)
    if database_url and not database_url.startswith("sqlite:///"):
        raise ReportQAError(
            f"REPORTQA_DATABASE_URL={database_url!r}: use postgresql://USER@HOST:PORT/DB or sqlite:///PATH, "
            "or leave it empty for the SQLite file under the data dir."
        )
    path = Path(database_url[len("sqlite:///"):]) if database_url else data_dir / "facts.sqlite3"
    return SQLiteStore(path)
