"""Reading one file under a time and memory budget, so no upload can stall or swamp the process.

Loading and parsing run in a child process (forked from a small server that has already imported
the loaders, so a child starts in milliseconds) whose address space is capped at its size at start
plus the memory budget, and which is killed when the time budget runs out. A file past either
budget is refused with a message that says which budget and how to raise it; nothing is stored,
and the serving process never holds the file's parse in memory until it is known to fit.

As with any multiprocessing start method but fork, a program that runs a script as its main module
must guard the script's top level with `if __name__ == "__main__":` (the `reportqa` command, uvicorn
and pytest do): the child imports the main module before it runs.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import resource
import time
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from index.errors import LoadError, ReportQAError
from index.load import load_document, read_bounded
from index.models import Document, ParsedReport
from index.parse import Overrides, parse_document

CHILD_NICE = 10
_PRELOAD = ["index.budget", "index.load", "index.parse", "index.load_pdf"]
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(_PRELOAD)


class BudgetError(ReportQAError):
    """A file took more time or memory to read than its budget allows."""


@dataclass(frozen=True)
class Budget:
    """Per-file limits for reading a report (REPORTQA_INGEST_SECONDS, REPORTQA_INGEST_MEMORY_MB)."""

    seconds: float = 60
    memory_mb: int = 1024

    @classmethod
    def from_settings(cls, settings) -> Budget:
        return cls(settings.ingest_seconds, settings.ingest_memory_mb)


@dataclass(frozen=True)
class Usage:
    """What reading one file cost in its child process."""

    seconds: float
    peak_mb: float


def file_sha256(path: Path, max_bytes: int) -> str:
    """The content hash a stored report is keyed by, read with the same size checks as loading."""
    return hashlib.sha256(read_bounded(Path(path), max_bytes)).hexdigest()


def load_and_parse(
    path: Path, report_id: str, overrides: Overrides, max_bytes: int, budget: Budget | None = None
) -> tuple[Document, ParsedReport]:
    """Load and parse one file: in this process without a budget, else in a bounded child."""
    if budget is None:
        doc = load_document(path, max_bytes=max_bytes)
        return doc, parse_document(doc, report_id, overrides)
    doc, parsed, _ = run_bounded(path, report_id, overrides, max_bytes, budget)
    return doc, parsed


def run_bounded(
    path: Path, report_id: str, overrides: Overrides, max_bytes: int, budget: Budget
) -> tuple[Document, ParsedReport, Usage]:
    """Load and parse in a child process; BudgetError when it runs out of time or memory."""
    receive, send = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_child, args=(send, str(path), report_id, overrides, max_bytes,
                                                  budget.memory_mb), daemon=True)
    start = time.monotonic()
    child.start()
    send.close()
    name = Path(path).name
    try:
        if not receive.poll(budget.seconds):
            raise BudgetError(f"{name}: reading it took longer than {budget.seconds:g} s, so it was refused; "
                              "raise REPORTQA_INGEST_SECONDS if the file is a real report.")
        try:
            kind, payload, peak_mb = receive.recv()
        except EOFError:  # the child died without a word: killed at its memory cap
            raise _memory_error(name, budget) from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "memory":
        raise _memory_error(name, budget)
    if kind == "error":
        raise payload
    if kind == "crash":
        raise ReportQAError(f"{name}: unexpected error while parsing ({payload}); please report it")
    doc, parsed = payload
    return doc, parsed, Usage(time.monotonic() - start, peak_mb)


def _memory_error(name: str, budget: Budget) -> BudgetError:
    return BudgetError(f"{name}: reading it needed more than {budget.memory_mb} MB of memory, so it was refused; "
                       "raise REPORTQA_INGEST_MEMORY_MB if the file is a real report.")


def _child(send: Connection, path: str, report_id: str, overrides: Overrides, max_bytes: int,
           memory_mb: int) -> None:
    """Runs in the child: cap the address space, load and parse, send back the result or the error."""
    base = _address_space()
    limit = base + memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # A server reads uploads beside the questions it answers: they go first. (The reading has its
    # time budget in seconds; a question has well under one.)
    with suppress(OSError):
        os.nice(CHILD_NICE)
    try:
        doc = load_document(Path(path), max_bytes=max_bytes)
        message: tuple = ("ok", (doc, parse_document(doc, report_id, overrides)))
    except MemoryError:
        message = ("memory", None)
    except RecursionError:
        message = ("error", LoadError(f"{Path(path).name} is nested too deeply to read as a report."))
    except ReportQAError as e:
        message = ("error", e)
    except Exception as e:  # a parser bug: report it as one, without the child's traceback
        message = ("crash", f"{type(e).__name__}: {str(e)[:200]}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        send.send((*message, peak_mb))
    except MemoryError:
        send.send(("memory", None, peak_mb))
    send.close()


def _address_space() -> int:
    """This process's virtual size in bytes (from /proc; the cap is set relative to it)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[0])
    return pages * resource.getpagesize()
