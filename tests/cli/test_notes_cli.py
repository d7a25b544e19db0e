"""`designcoach notes`: the card list, one card by id or words, and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_run import run_cli

from designcoach.content.catalog import Catalog
from designcoach.paths import bundled_content_root

BUNDLED_IDS = sorted(Catalog([bundled_content_root()]).ids("cards"))


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))


def test_list_piped_is_plain_one_line_per_card() -> None:
    result = run_cli(["notes"])
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert [line.split()[0] for line in lines] == BUNDLED_IDS
    assert "\x1b[" not in result.out
    assert "Heartbeats and health checks — " in result.out


def test_list_json() -> None:
    result = run_cli(["notes", "--json"])
    rows = json.loads(result.out)
    assert [r["id"] for r in rows] == BUNDLED_IDS
    assert all(r["title"] and r["summary"] for r in rows)


@pytest.mark.parametrize(
    ("words", "card_id"),
    [
        (["write", "back"], "cache-writes"),
        (["write back"], "cache-writes"),
        (["LRU"], "cache-eviction"),
        (["2pc"], "distributed-transactions"),
        (["heartbeats"], "heartbeats"),
    ],
)
def test_show_one_card_by_words(words: list[str], card_id: str) -> None:
    result = run_cli(["notes", *words])
    assert result.code == 0, result.err
    first = result.out.splitlines()[0]
    assert first.endswith(f"({card_id})")
    assert "THE IDEA" in result.out and "COMMON MISTAKES" in result.out


def test_cache_writes_card_shows_the_notes_wording() -> None:
    out = run_cli(["notes", "cache-writes"]).out
    assert "WORDING IN YOUR NOTES" in out
    assert "cache-aside" in " ".join(out.split())


def test_several_matches_show_the_best_and_list_the_others() -> None:
    out = run_cli(["notes", "cache"]).out
    assert out.splitlines()[0] == "Caching (caching)"
    assert "Other matches: cache-eviction, cache-writes" in out


def test_in_a_terminal_the_card_is_a_rich_panel() -> None:
    result = run_cli(["notes", "quorum"], env={"TTY_COMPATIBLE": "1"})
    assert result.code == 0
    assert "\x1b[" in result.out  # styled
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.out)
    assert text.startswith("╭─ Quorums (Cassandra and Dynamo style) (quorum) ─")
    assert "│ From your notes" in text and " • " in text


def test_json_for_one_card() -> None:
    data = json.loads(run_cli(["notes", "--json", "quorum"]).out)
    assert data["id"] == "quorum"
    assert "quorum factor of x" in " ".join(data["from_notes"])


def test_no_match_is_one_line_and_exit_2() -> None:
    result = run_cli(["notes", "xyzzy"])
    assert result.code == 2
    assert result.out == ""
    assert result.err == (
        "designcoach: error: no card matches 'xyzzy'; run 'designcoach notes' to list them\n"
    )


def test_no_match_suggests_close_ids() -> None:
    result = run_cli(["notes", "cachng"])
    assert result.code == 2
    assert result.err.startswith(
        "designcoach: error: no card matches 'cachng'; did you mean caching"
    )
    assert result.err.count("\n") == 1


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("bloom filter", "closest: geo-search, indexes; or run 'designcoach notes' to list them"),
        ("the", "run 'designcoach notes' to list them"),
        ("a", "run 'designcoach notes' to list them"),
    ],
)
def test_a_poor_match_is_no_card_and_exit_2(query: str, hint: str) -> None:
    result = run_cli(["notes", *query.split()])
    assert result.code == 2 and result.out == ""
    assert result.err == f"designcoach: error: no card matches {query!r}; {hint}\n"


def test_a_typo_suggests_ids_and_the_list() -> None:
    err = run_cli(["notes", "cachng"]).err
    assert err.endswith("? Or run 'designcoach notes' to list them\n") and err.count("\n") == 1
