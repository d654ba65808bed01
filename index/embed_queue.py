"""The embedding queue: stored chunks waiting for the text index, and what drains it.

Ingest commits a report's facts and chunks (queued, `embedded = 0`) in one short transaction and
returns; figure questions answer from that moment. Embedding is the slow part, so it happens
afterwards and outside any transaction that other writers or readers wait on:

* with SQLite, the ingesting process drains its own report's chunks right after the commit
  (`drain(..., report_id=…)`), and a server drains uploads in a background thread;
* with PostgreSQL, `reportqa worker`s (any number, on any machine that reaches both servers) run
  `work()`: each takes a batch with `FOR UPDATE SKIP LOCKED`, embeds it, writes it to Chroma and
  marks it embedded in the same transaction that locked it. A worker that dies mid-batch releases
  its rows; another embeds them again, and Chroma's upsert by chunk id makes that harmless.

`reconcile` brings the index in step with reports replaced or deleted since (the store keeps a note
of each, written in the same transaction as the change): index entries the store no longer has
are dropped, and chunks the store counts as embedded but the index lacks are queued again.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any

from index.errors import IndexUnavailableError

log = logging.getLogger(__name__)
BATCH = 64


def reconcile(store: Any, indexer: Any, report_id: str | None = None) -> int:
    """Apply the store's notes of replaced or deleted reports to the index; returns entries dropped."""
    dropped = 0
    for rid, gen in store.dirty():
        if report_id is not None and rid != report_id:
            continue
        states = store.chunk_states(rid)
        held = set(indexer.ids(rid))
        stale = sorted(held - set(states))
        indexer.delete_ids(stale)
        store.requeue(sorted(i for i, embedded in states.items() if embedded and i not in held))
        store.clear_dirty(rid, gen)
        dropped += len(stale)
    return dropped


def drain(store: Any, indexer: Any, report_id: str | None = None, batch: int = BATCH,
          stop: threading.Event | None = None, on_batch: Callable[[int], None] | None = None) -> int:
    """Embed queued chunks (of one report, or all) until none are left; returns how many."""
    done = 0
    while stop is None or not stop.is_set():
        with store.claim(batch, report_id) as chunks:
            if not chunks:
                break
            indexer.embed(chunks)
        done += len(chunks)
        if on_batch is not None:
            on_batch(len(chunks))
    return done


def work(store: Any, indexer: Any, *, batch: int = BATCH, poll: float = 1.0, until_empty: bool = False,
         stop: threading.Event | None = None, report: Callable[[str], None] = lambda s: None) -> int:
    """A worker's loop: reconcile, drain, wait for more. `until_empty` returns once the queue is
    empty (benchmarks, tests, a one-off catch-up); `stop` ends it between batches."""
    stop = stop or threading.Event()
    total = 0
    while not stop.is_set():
        try:
            reconcile(store, indexer)
            n = drain(store, indexer, batch=batch, stop=stop)
        except IndexUnavailableError as e:
            report(f"text index unavailable, retrying in {max(poll, 1.0):.0f} s: {e}")
            stop.wait(max(poll, 1.0))
            continue
        total += n
        if n:
            report(f"embedded {n} chunks ({total} in all)")
        elif until_empty:
            break
        else:
            stop.wait(poll)
    return total


class BackgroundEmbedder:
    """A daemon thread that drains the queue for a serving process (SQLite: uploads embed here,
    off the request path), at the lowest CPU priority. `kick()` wakes it after an ingest;
    `close()` stops it between batches."""

    def __init__(self, store: Any, indexer: Any, poll: float = 30.0):
        self.store = store
        self.indexer = indexer
        self.poll = poll
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="reportqa-embedder", daemon=True)
        self._thread.start()

    def kick(self) -> None:
        self._wake.set()

    def _run(self) -> None:
        # Linux nice values are per thread (and the embedding engine's worker threads, started from
        # this one, inherit it): the questions answered beside it get the CPU first.
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        except (AttributeError, OSError):
            pass
        while not self._stop.is_set():
            try:
                reconcile(self.store, self.indexer)
                drain(self.store, self.indexer, stop=self._stop)
            except IndexUnavailableError as e:
                log.warning("%s", e)
            except Exception:  # keep serving; the chunks stay queued for the next round
                log.exception("embedding queued chunks failed")
            self._wake.wait(self.poll)
            self._wake.clear()

    def close(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)


def wait_until_embedded(store: Any, timeout: float = 60.0) -> bool:
    """Whether the queue emptied within `timeout` seconds (for tests and benchmarks)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if store.queue_size() == 0:
            return True
        time.sleep(0.1)
    return store.queue_size() == 0
