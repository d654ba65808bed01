"""The budgets the hostile-input suite holds every file to, and a fact store's state read straight
from its SQLite file (to show a refused file left it unchanged)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# The budgets of the acceptance criteria on this machine (2 cores): each file within 10 s and 500 MB.
SECONDS, MEMORY_MB = 10, 500
LIMITS = {"REPORTQA_INGEST_SECONDS": str(SECONDS), "REPORTQA_INGEST_MEMORY_MB": str(MEMORY_MB)}


def store_state(data_dir: Path) -> tuple:
    """Every stored report (id, content hash) and the number of facts: equal before and after = unchanged."""
    db = sqlite3.connect(data_dir / "facts.sqlite3")
    try:
        reports = db.execute("SELECT id, sha256 FROM reports ORDER BY id").fetchall()
        facts = db.execute("SELECT COUNT(*) FROM facts").fetchone()[0]
    finally:
        db.close()
    return tuple(reports), facts
