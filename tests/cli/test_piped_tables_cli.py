"""Piped `prompts`, `history` and `grade` output: plain lines, never wrapped mid-word at 80 columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_run import run_cli

from designcoach import paths
from designcoach.history.store import HistoryStore, SessionRecord

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "answers"
BOX = re.compile("[\u2500-\u257f]")  # box drawing
NARROW = {"COLUMNS": None}  # what a pipe gets: Rich and the plain report assume 80


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))


def test_piped_prompts_are_one_aligned_line_each() -> None:
    result = run_cli(["prompts"], env=NARROW)
    assert result.code == 0, result.err
    assert not BOX.search(result.out)
    header, *lines = result.out.splitlines()
    assert header.split() == ["ID", "DIFFICULTY", "MIN", "TITLE", "TAGS"]
    prompts = json.loads(run_cli(["prompts", "--json"]).out)
    assert len(lines) == len(prompts)
    for line, prompt in zip(lines, prompts, strict=True):
        assert line.startswith(f"{prompt['id']} ")
        assert f"  {prompt['title']}  " in line and line.endswith(", ".join(prompt["tags"]))
    starts = {line.index(f"  {p['title']}  ") + 2 for line, p in zip(lines, prompts, strict=True)}
    assert starts == {header.index("TITLE")}  # aligned under its header


def test_piped_prompts_with_no_match_say_so() -> None:
    result = run_cli(["prompts", "--tag", "caching", "--difficulty", "hard"], env=NARROW)
    assert result.code == 0 and result.out == "No prompt matches those filters.\n"


def _session(prompt: str, score: float, band: str, ended: str) -> None:
    HistoryStore(paths.history_db()).add(
        SessionRecord(
            prompt=prompt,
            started_at="2025-03-01T09:00:00+00:00",
            ended_at=ended,
            budget_seconds=2700.0,
            seconds=2775.0,
            phases=[],
            answer="## Requirements\n",
            score=score,
            band=band,
            report={},
            overtime_seconds=75.0,
            hints=2,
        )
    )


def test_piped_history_is_one_aligned_line_per_session() -> None:
    _session("monolith-to-microservices", 42.5, "lean no hire", "2025-03-01T10:00:00+00:00")
    _session("whatsapp", 81.0, "strong hire", "2025-03-02T10:00:00+00:00")
    result = run_cli(["history"], env=NARROW)
    assert result.code == 0, result.err
    assert not BOX.search(result.out)
    header, newer, older = result.out.splitlines()
    assert header.split() == [
        "#",
        "FINISHED",
        "PROMPT",
        "SCORE",
        "BAND",
        "TIME",
        "USED",
        "OVER",
        "HINTS",
    ]
    assert " whatsapp " in newer and "  strong hire  " in newer
    assert " monolith-to-microservices " in older and "  lean no hire  " in older
    assert older.endswith("46:15 / 45:00  1:15      2")
    assert newer.index("strong hire") == older.index("lean no hire") == header.index("BAND")


def test_piped_grade_headline_stays_one_line() -> None:
    answer = EXAMPLES / "monolith-to-microservices-strong.md"
    result = run_cli(["grade", str(answer), "-p", "monolith-to-microservices"], env=NARROW)
    assert result.code == 0, result.err
    first = result.out.splitlines()[0]
    assert len(first) > 80  # long enough that wrapping at 80 would cut it
    assert re.fullmatch(
        r"Plan a monolith-to-microservices migration: \d+\.\d/100 [a-z ]+   level mid, \d+ words",
        first,
    ), first


def test_an_unknown_difficulty_is_said_plainly() -> None:
    result = run_cli(["prompts", "--difficulty", "insane"])
    assert result.code == 2 and result.out == ""
    assert result.err.strip() == (
        "designcoach: error: Invalid value for '--difficulty' / '-d': 'insane' is not one of "
        "'easy', 'medium', 'hard'. (see 'designcoach prompts --help')"
    )
