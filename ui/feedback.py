"""👍/👎 on answers, kept with the question and the full answer JSON so a bad answer can be replayed.

A SQLite file of its own under the data dir (not the fact store): feedback is the UI's data, and
re-building the fact store must never lose it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    rating INTEGER NOT NULL,
    source TEXT NOT NULL DEFAULT 'web'
);
"""


@dataclass(frozen=True)
class Feedback:
    id: int
    time: str
    question: str
    answer: dict
    rating: int  # +1 liked, -1 disliked, 0 taken back
    source: str


class FeedbackStore:
    """Append-only: a change of mind is a new row, so the history of ratings stays visible."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.executescript(_SCHEMA)

    @classmethod
    def in_dir(cls, data_dir: Path) -> FeedbackStore:
        return cls(data_dir / "feedback.sqlite3")

    def add(self, question: str, answer: dict, rating: int, source: str = "web") -> int:
        """Record one rating; returns its row id."""
        if rating not in (-1, 0, 1):
            raise ValueError(f"rating must be -1, 0 or 1, not {rating!r}")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock, self._db:
            cur = self._db.execute(
                "INSERT INTO feedback (time, question, answer, rating, source) VALUES (?, ?, ?, ?, ?)",
                (now, question, json.dumps(answer, ensure_ascii=False), rating, source),
            )
        return int(cur.lastrowid or 0)

    def all(self) -> list[Feedback]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, time, question, answer, rating, source FROM feedback ORDER BY id").fetchall()
        return [Feedback(r[0], r[1], r[2], json.loads(r[3]), r[4], r[5]) for r in rows]

    def close(self) -> None:
        self._db.close()
