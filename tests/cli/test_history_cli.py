"""`designcoach history [--json]` on a real history file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from designcoach import paths
from designcoach.cli import app, main
from designcoach.history.store import HistoryStore, SessionRecord

runner = CliRunner()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path))
    monkeypatch.setenv("COLUMNS", "120")
    return tmp_path


def add(prompt: str, score: float, band: str, ended: str, overtime: float = 0.0) -> None:
    HistoryStore(paths.history_db()).add(
        SessionRecord(
            prompt=prompt,
            started_at="2025-03-01T09:00:00+00:00",
            ended_at=ended,
            budget_seconds=2700.0,
            seconds=2700.0 + overtime,
            phases=[{"phase": "requirements", "seconds": 300.0, "budget_seconds": 300.0}],
            answer="## Requirements\n\nChat.\n",
            score=score,
            band=band,
            report={"prompt": prompt, "score": score, "band": band},
            overtime_seconds=overtime,
            hints=1,
        )
    )


def test_empty_history_says_how_to_start() -> None:
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    assert "No sessions yet" in result.stdout
    assert json.loads(runner.invoke(app, ["history", "--json"]).stdout) == []
    assert not paths.history_db().exists()


def test_table_lists_sessions_newest_first() -> None:
    add("whatsapp", 42.5, "lean no hire", "2025-03-01T10:00:00+00:00")
    add("tinder", 81.0, "strong hire", "2025-03-02T10:00:00+00:00", overtime=75)
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.index("tinder") < out.index("whatsapp")
    assert "81" in out and "strong hire" in out and "42.5" in out
    assert "46:15 / 45:00" in out and "1:15" in out  # time used with the overtime


def test_json_has_every_field() -> None:
    add("whatsapp", 42.5, "lean no hire", "2025-03-01T10:00:00+00:00")
    [row] = json.loads(runner.invoke(app, ["history", "--json"]).stdout)
    assert row["prompt"] == "whatsapp" and row["score"] == 42.5 and row["band"] == "lean no hire"
    assert row["phases"] == [{"phase": "requirements", "seconds": 300.0, "budget_seconds": 300.0}]
    assert row["report"]["score"] == 42.5 and row["answer"].startswith("## Requirements")
    assert {"id", "started_at", "ended_at", "seconds", "overtime_seconds", "hints"} <= set(row)


def test_a_damaged_history_file_exits_2_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    paths.history_db().write_bytes(b"garbage" * 200)
    with pytest.raises(SystemExit) as exit_:
        main(["history"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "move it aside" in err and err.count("\n") == 1
