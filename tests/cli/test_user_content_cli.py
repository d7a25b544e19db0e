"""The user's own content (--content DIR or DESIGNCOACH_CONTENT) and `prompts` filters."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_run import run_cli

FIXTURE = Path(__file__).parents[1] / "fixtures" / "content-ok"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))


def prompt_ids(args: list[str], env: dict[str, str | None] | None = None) -> list[str]:
    result = run_cli([*args, "--json"], env=env)
    assert result.code == 0, result.err
    return [row["id"] for row in json.loads(result.out)]


def test_user_prompts_are_added_by_option_or_variable() -> None:
    bundled = prompt_ids(["prompts"])
    assert "kv-mini" not in bundled
    assert prompt_ids(["--content", str(FIXTURE), "prompts"]) == sorted([*bundled, "kv-mini"])
    assert prompt_ids(["prompts"], env={"DESIGNCOACH_CONTENT": str(FIXTURE)}) == sorted(
        [*bundled, "kv-mini"]
    )


def test_filters_by_tag_and_difficulty() -> None:
    base = ["--content", str(FIXTURE), "prompts"]
    rows = json.loads(run_cli([*base, "--json"]).out)

    def having(tag: str) -> list[str]:
        return [r["id"] for r in rows if tag in [t.casefold() for t in r["tags"]]]

    easy = [r["id"] for r in rows if r["difficulty"] == "easy"]
    assert "kv-mini" in easy and "kv-mini" in having("caching")
    assert prompt_ids([*base, "-d", "easy"]) == easy
    assert prompt_ids([*base, "--tag", "caching"]) == having("caching")
    assert prompt_ids([*base, "--tag", "CACHING", "--tag", "kv-test"]) == ["kv-mini"]
    assert prompt_ids([*base, "--tag", "kv-test", "--difficulty", "hard"]) == []
    medium = prompt_ids([*base, "--difficulty", "medium"])
    assert "kv-mini" not in medium and medium == [
        r["id"] for r in rows if r["difficulty"] == "medium"
    ]


def test_filtered_table_and_empty_result() -> None:
    table = run_cli(["--content", str(FIXTURE), "prompts", "--tag", "kv-test"])
    assert table.code == 0 and "kv-mini" in table.out
    none = run_cli(["--content", str(FIXTURE), "prompts", "--tag", "kv-test", "-d", "hard"])
    assert none.code == 0 and "No prompt matches those filters." in none.out


def test_unknown_tag_and_bad_difficulty_are_one_line_errors() -> None:
    result = run_cli(["--content", str(FIXTURE), "prompts", "--tag", "cachng"])
    assert result.code == 2
    assert result.err.startswith("designcoach: error: no prompt has the tag 'cachng'; tags: ")
    assert "caching" in result.err and result.err.count("\n") == 1
    bad = run_cli(["prompts", "--difficulty", "brutal"])
    assert bad.code == 2 and "--difficulty" in bad.err and bad.err.count("\n") == 1


def test_a_user_card_overrides_the_bundled_one(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    (mine / "cards").mkdir(parents=True)
    text = (FIXTURE / "cards" / "kv-basics.yaml").read_text()
    (mine / "cards" / "caching.yaml").write_text(
        text.replace("id: kv-basics", "id: caching").replace("Key-value cache basics", "My caching")
    )
    result = run_cli(["--content", str(mine), "notes", "caching"])
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "My caching (caching)"


def test_grading_against_a_user_prompt() -> None:
    answer = FIXTURE / "examples" / "answers" / "kv-mini-strong.md"
    result = run_cli(
        ["--content", str(FIXTURE), "grade", str(answer), "--prompt", "kv-mini", "--json"]
    )
    assert result.code == 0, result.err
    assert json.loads(result.out)["prompt"] == "kv-mini"


def test_an_invalid_user_file_is_one_line_when_used(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    shutil.copytree(FIXTURE, mine)
    prompt = mine / "prompts" / "kv-mini.yaml"
    prompt.write_text(prompt.read_text().replace("difficulty: easy", "difficulty: trivial"))
    for args in (["prompts"], ["grade", "-", "--prompt", "kv-mini"]):
        result = run_cli(["--content", str(mine), *args])
        assert result.code == 2, args
        assert result.err.count("\n") == 1 and "Traceback" not in result.err
        assert f"{prompt}:5: difficulty: Input should be" in result.err
        assert "designcoach content check" in result.err


def test_missing_content_folder_is_one_line(tmp_path: Path) -> None:
    option = run_cli(["--content", str(tmp_path / "nope"), "prompts"])
    assert option.code == 2 and "--content" in option.err and option.err.count("\n") == 1
    variable = run_cli(["prompts"], env={"DESIGNCOACH_CONTENT": str(tmp_path / "nope")})
    assert variable.code == 2
    assert variable.err == (
        f"designcoach: error: DESIGNCOACH_CONTENT names {tmp_path / 'nope'}, which is not a folder; "
        "fix or unset it\n"
    )


def test_a_user_rubric_regex_that_breaks_grading_is_one_line(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    shutil.copytree(FIXTURE, mine)
    rubric = mine / "rubrics" / "kv-mini.yaml"
    rubric.write_text(rubric.read_text().replace("'least recently used'", "'least (recently used'"))
    answer = mine / "examples" / "answers" / "kv-mini-strong.md"
    result = run_cli(["--content", str(mine), "grade", str(answer), "--prompt", "kv-mini"])
    assert result.code == 2
    line = next(
        n for n, text in enumerate(rubric.read_text().splitlines(), 1) if "(recently" in text
    )
    assert result.err.startswith(f"designcoach: error: invalid content: {rubric}:{line}: regex ")
    assert "does not compile" in result.err and result.err.count("\n") == 1
