"""YAML 1.1 reads yes/no/on/off as booleans; the content loader keeps them as the words authors meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from designcoach.content.yamlio import ContentError, load_yaml

WORDS = ["yes", "no", "on", "off", "Yes", "No", "ON", "OFF", "y", "n"]


@pytest.mark.parametrize("word", WORDS)
def test_yaml_11_booleans_stay_strings(tmp_path: Path, word: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"answer: {word}\nlist: [{word}]\n{word}: key\n", encoding="utf-8")
    data = load_yaml(path).data
    assert data == {"answer": word, "list": [word], word: "key"}


@pytest.mark.parametrize(("text", "value"), [("true", True), ("False", False), ("TRUE", True)])
def test_true_and_false_are_still_booleans(tmp_path: Path, text: str, value: bool) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(f"flag: {text}\n", encoding="utf-8")
    assert load_yaml(path).data == {"flag": value}


def test_duplicate_keys_are_rejected_with_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\nb:\n  c: 2\n  c: 3\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_yaml(path)
    assert info.value.line == 4
    assert info.value.message == "duplicate key 'c' (first at line 3)"


@pytest.mark.parametrize(
    ("text", "what", "line", "gave_up"),
    [
        ("id: broken\ntitle: [unclosed\nrubric: x\n", "[ list", 2, 3),
        ("id: broken\ntitle: {a: 1\n\n\n", "{ mapping", 2, 5),
        ('id: broken\ntitle: "no end\n', "quoted text", 2, 3),
    ],
)
def test_a_bracket_or_quote_left_open_points_at_the_line_that_opened_it(
    tmp_path: Path, text: str, what: str, line: int, gave_up: int
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_yaml(path)
    assert info.value.line == line
    assert info.value.message.startswith(f"invalid YAML: the {what} opened on this line is not")
    assert info.value.message.endswith(f" on line {gave_up})")


def test_other_syntax_errors_keep_the_line_where_yaml_found_them(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("id: ok\ntitle: fine\n  bad: indent\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_yaml(path)
    assert info.value.line == 3
    assert info.value.message.startswith("invalid YAML: ")
