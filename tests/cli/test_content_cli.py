"""`designcoach content check` and `content schema` through the real entry point."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from cli_run import run_cli

FIXTURE = Path(__file__).parents[1] / "fixtures" / "content-ok"
PROBLEM = re.compile(r"^\S+\.(yaml|yml|md):\d+: \S")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    root = tmp_path / "mine"
    shutil.copytree(FIXTURE, root)
    prompt = root / "prompts" / "kv-mini.yaml"
    prompt.write_text(prompt.read_text().replace("difficulty: easy", "difficulty: trivial"))
    card = root / "cards" / "kv-basics.yaml"
    card.write_text(card.read_text().replace("related: []", "related: [nowhere]"))
    return root


def test_bundled_content_checks_clean() -> None:
    result = run_cli(["content", "check"])
    assert result.code == 0, result.out + result.err
    assert "Content OK:" in result.out


def test_a_clean_folder() -> None:
    result = run_cli(["content", "check", str(FIXTURE)])
    assert result.code == 0, result.out
    assert result.out.startswith("Content OK: 5 file(s) checked in ")
    assert result.out.rstrip().endswith("content-ok.")


def test_problems_are_path_line_lines_and_exit_2(broken: Path) -> None:
    result = run_cli(["content", "check", str(broken)])
    assert result.code == 2
    lines = result.out.splitlines()
    assert len(lines) == 2 and all(PROBLEM.match(line) for line in lines), lines
    assert lines[0].endswith(
        "cards/kv-basics.yaml:10: card 'nowhere' not found (cards/nowhere.yaml)"
    )
    assert "prompts/kv-mini.yaml:5: difficulty:" in lines[1]
    assert result.err.startswith("2 problem(s)")


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    shutil.copytree(FIXTURE, root)
    rubric = root / "rubrics" / "kv-mini.yaml"
    rubric.write_text(
        rubric.read_text().replace(
            "    card: kv-basics\n    examples:\n      full: [Writes",
            "    examples:\n      full: [Writes",
        )
    )
    assert run_cli(["content", "check", str(root)]).code == 0
    strict = run_cli(["content", "check", "--strict", str(root)])
    assert strict.code == 2
    assert "warning: item 'invalidation' names no card" in strict.out


def test_the_users_folder_is_checked_with_the_bundled_content(broken: Path) -> None:
    result = run_cli(["content", "check"], env={"DESIGNCOACH_CONTENT": str(broken)})
    assert result.code == 2
    errors = [line for line in result.out.splitlines() if ": warning: " not in line]
    assert len(errors) == 2 and all(line.startswith(str(broken)) for line in errors), errors


@pytest.mark.parametrize(
    "args", [["content", "check", "/no/such/folder"], ["content", "check", "{empty}"]]
)
def test_unusable_folder_is_one_line(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "empty").mkdir()
    args = [a.replace("{empty}", str(tmp_path / "empty")) for a in args]
    result = run_cli(args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and result.err.startswith("designcoach: error:")
    assert "Traceback" not in result.err


def test_schema_writes_files_and_says_how_to_use_them(tmp_path: Path) -> None:
    out = tmp_path / "schema"
    result = run_cli(["content", "schema", "--out", str(out)])
    assert result.code == 0, result.err
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "card.schema.json",
        "kata.schema.json",
        "prompt.schema.json",
        "rubric.schema.json",
    ]
    assert json.loads((out / "rubric.schema.json").read_text())["properties"]["items"]
    assert f"# yaml-language-server: $schema={out.resolve()}/prompt.schema.json" in result.out


def test_schema_out_must_be_a_folder(tmp_path: Path) -> None:
    target = tmp_path / "file.json"
    target.write_text("{}")
    result = run_cli(["content", "schema", "--out", str(target)])
    assert result.code == 2
    assert result.err == f"designcoach: error: {target} is a file; give a folder with --out\n"
