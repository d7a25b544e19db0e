"""The history of practice sessions: one SQLite file, WAL mode, safe to open from two processes."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 5000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT NOT NULL,
    budget_seconds REAL NOT NULL,
    seconds REAL NOT NULL,
    overtime_seconds REAL NOT NULL DEFAULT 0,
    phases TEXT NOT NULL,
    answer TEXT NOT NULL,
    score REAL NOT NULL,
    band TEXT NOT NULL,
    hints INTEGER NOT NULL DEFAULT 0,
    report TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_prompt ON sessions (prompt, score);
"""


class HistoryError(Exception):
    """The history file cannot be read or written; the message says which file and why."""


@dataclass
class SessionRecord:
    """One finished session as the history keeps it."""

    prompt: str
    started_at: str
    ended_at: str
    budget_seconds: float
    seconds: float
    phases: list[dict[str, Any]]  # {"phase", "seconds", "budget_seconds"} in interview order
    answer: str
    score: float
    band: str
    report: dict[str, Any]  # the grade --json object
    overtime_seconds: float = 0.0
    hints: int = 0
    id: int | None = field(default=None)

    def cells(self) -> list[str]:
        """The session as a history table shows it: id, finished, prompt, score, band, time
        used of budget, overtime, hints."""
        from designcoach.timefmt import clock_text, local_time

        return [
            str(self.id),
            local_time(self.ended_at),
            self.prompt,
            f"{self.score:g}",
            self.band,
            f"{clock_text(self.seconds)} / {clock_text(self.budget_seconds)}",
            clock_text(self.overtime_seconds) if self.overtime_seconds > 0 else "",
            str(self.hints),
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "prompt": self.prompt,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "budget_seconds": self.budget_seconds,
            "seconds": self.seconds,
            "overtime_seconds": self.overtime_seconds,
            "hints": self.hints,
            "score": self.score,
            "band": self.band,
            "phases": self.phases,
            "answer": self.answer,
            "report": self.report,
        }


class HistoryStore:
    """Reads and writes sessions; each call opens its own short connection (thread-safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        except (OSError, sqlite3.Error) as exc:
            raise HistoryError(f"cannot open history {self.path}: {exc}") from None
        with closing(conn):
            try:
                conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate(conn)
                yield conn
            except sqlite3.DatabaseError as exc:
                raise HistoryError(
                    f"history {self.path} cannot be used ({exc}); move it aside to start a new one"
                ) from None

    @staticmethod
    def _migrate(conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"it was written by a newer designcoach (schema {version})")
        if version < SCHEMA_VERSION:
            with conn:
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def add(self, record: SessionRecord) -> int:
        """Store a session; returns its id."""
        with self._connect() as conn, conn:
            cur = conn.execute(
                "INSERT INTO sessions (prompt, started_at, ended_at, budget_seconds, seconds,"
                " overtime_seconds, phases, answer, score, band, hints, report)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    record.prompt,
                    record.started_at,
                    record.ended_at,
                    record.budget_seconds,
                    record.seconds,
                    record.overtime_seconds,
                    json.dumps(record.phases),
                    record.answer,
                    record.score,
                    record.band,
                    record.hints,
                    json.dumps(record.report, ensure_ascii=False),
                ),
            )
            record.id = int(cur.lastrowid or 0)
            return record.id

    def sessions(self, prompt: str | None = None) -> list[SessionRecord]:
        """Sessions, newest first; only one prompt's when `prompt` is given."""
        if not self.path.exists():
            return []  # reading never creates the file
        query = "SELECT * FROM sessions"
        args: tuple[str, ...] = ()
        if prompt is not None:
            query += " WHERE prompt = ?"
            args = (prompt,)
        query += " ORDER BY ended_at DESC, id DESC"
        with self._connect() as conn:
            conn.row_factory = sqlite3.Row
            return [_record(row) for row in conn.execute(query, args)]

    def get(self, session_id: int) -> SessionRecord | None:
        with self._connect() as conn:
            conn.row_factory = sqlite3.Row
            row = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
            return _record(row) if row is not None else None

    def best_scores(self) -> dict[str, float]:
        """The best score so far for each prompt practised."""
        if not self.path.exists():
            return {}  # nothing practised yet: don't create the file just to read it
        with self._connect() as conn:
            rows = conn.execute("SELECT prompt, MAX(score) FROM sessions GROUP BY prompt")
            return {prompt: float(score) for prompt, score in rows}


def _record(row: sqlite3.Row) -> SessionRecord:
    return SessionRecord(
        id=row["id"],
        prompt=row["prompt"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        budget_seconds=row["budget_seconds"],
        seconds=row["seconds"],
        overtime_seconds=row["overtime_seconds"],
        phases=json.loads(row["phases"]),
        answer=row["answer"],
        score=row["score"],
        band=row["band"],
        hints=row["hints"],
        report=json.loads(row["report"]),
    )
