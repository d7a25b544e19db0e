"""The history store on a real SQLite file."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from designcoach.history.store import HistoryError, HistoryStore, SessionRecord


def record(
    prompt: str = "whatsapp", score: float = 50.0, ended: str = "2025-01-01T10:00:00+00:00"
) -> SessionRecord:
    return SessionRecord(
        prompt=prompt,
        started_at="2025-01-01T09:15:00+00:00",
        ended_at=ended,
        budget_seconds=2700.0,
        seconds=2600.5,
        phases=[{"phase": "requirements", "seconds": 290.0, "budget_seconds": 300.0}],
        answer="## Requirements\n\nChat for a billion users.\n",
        score=score,
        band="lean no hire",
        report={"prompt": prompt, "score": score, "band": "lean no hire", "items": []},
        overtime_seconds=0.0,
        hints=2,
    )


def test_a_session_comes_back_as_it_went_in(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    first = record()
    new_id = store.add(first)
    assert new_id == first.id == 1
    [back] = store.sessions()
    assert back == first
    assert store.get(new_id) == first
    assert store.get(99) is None


def test_the_file_uses_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).add(record())
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_writer_waits_for_another_process_lock_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    store.add(record())
    other = sqlite3.connect(path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # holds the write lock, as a second designcoach would
    threading.Timer(0.5, other.commit).start()
    started = time.monotonic()
    store.add(record(score=70.0))  # waits (busy timeout) rather than "database is locked"
    assert time.monotonic() - started >= 0.4
    other.close()
    assert len(store.sessions()) == 2


def test_sessions_newest_first_and_by_prompt_and_best_scores(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    store.add(record("whatsapp", 40.0, "2025-01-01T10:00:00+00:00"))
    store.add(record("tinder", 65.0, "2025-01-02T10:00:00+00:00"))
    store.add(record("whatsapp", 72.5, "2025-01-03T10:00:00+00:00"))
    assert [r.score for r in store.sessions()] == [72.5, 65.0, 40.0]
    assert [r.score for r in store.sessions("whatsapp")] == [72.5, 40.0]
    assert store.best_scores() == {"whatsapp": 72.5, "tinder": 65.0}


def test_reading_an_absent_history_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    assert store.sessions() == []
    assert store.best_scores() == {}
    assert not path.exists()


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(HistoryError, match="move it aside"):
        HistoryStore(path).sessions()


def test_a_history_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(HistoryError, match="newer designcoach"):
        HistoryStore(path).add(record())
