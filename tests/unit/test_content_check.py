"""The content checker: each kind of problem, planted in a copy of a small valid content folder,
is reported once, at the right file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from designcoach.content.catalog import Catalog
from designcoach.content.check import CHECKS, check_folder, format_problem, run_checks
from designcoach.content.check_regex import slow_regex
from designcoach.content.yamlio import ContentError

FIXTURE = Path(__file__).parents[1] / "fixtures" / "content-ok"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}; the fixture changed"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, fragment: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in {path}")


def problems(root: Path, strict: bool = False) -> list[str]:
    result = run_checks(Catalog([root]))
    found = result.errors + (result.warnings if strict else [])
    return [f"{p.path.relative_to(root)}:{p.line}: {p.message}" for p in found]


def only(root: Path) -> str:
    found = problems(root)
    assert len(found) == 1, found
    return found[0]


def test_the_fixture_is_clean_even_strictly(content: Path) -> None:
    assert problems(content, strict=True) == []


def test_yes_no_on_off_stay_strings_where_strings_are_expected(content: Path) -> None:
    prompt = content / "prompts" / "kv-mini.yaml"
    # The fixture already answers "yes"; add the other YAML 1.1 booleans as answers and tags.
    edit(
        prompt,
        "tags: [storage, caching, kv-test]",
        "tags: [storage, caching, no, on, off, Yes, NO]",
    )
    assert problems(content) == []
    loaded = Catalog([content]).prompt("kv-mini")
    assert loaded.clarifications[0].answer == "yes"
    assert loaded.tags[-5:] == ["no", "on", "off", "Yes", "NO"]


def test_duplicate_key(content: Path) -> None:
    card = content / "cards" / "kv-basics.yaml"
    edit(card, "when: When", "title: Again\nwhen: When")
    first, second = line_of(card, "title: Key-value"), line_of(card, "title: Again")
    assert only(content) == (
        f"cards/kv-basics.yaml:{second}: duplicate key 'title' (first at line {first})"
    )


def test_file_name_must_be_the_id(content: Path) -> None:
    card = content / "cards" / "kv-basics.yaml"
    card.rename(content / "cards" / "kv-basic.yaml")
    edit(
        content / "rubrics" / "kv-mini.yaml",
        "card: kv-basics\n    examples:\n      hit",
        "card: kv-basic\n    examples:\n      hit",
    )
    found = problems(content)
    assert any(
        p.startswith("cards/kv-basic.yaml:2: id 'kv-basics' does not match the file name")
        for p in found
    ), found


def test_an_id_used_by_two_files(content: Path) -> None:
    shutil.copy(content / "cards" / "kv-basics.yaml", content / "cards" / "kv-copy.yaml")
    found = problems(content)
    assert (
        "cards/kv-copy.yaml:2: id 'kv-basics' does not match the file name 'kv-copy'; rename one"
        in found
    )
    assert any(
        p.startswith("cards/kv-copy.yaml:2: id 'kv-basics' is also used by") for p in found
    ), found


def test_item_ids_that_repeat_in_a_rubric_are_named_at_their_lines(content: Path) -> None:
    rubric = content / "rubrics" / "kv-mini.yaml"
    first = line_of(rubric, "id: eviction")
    edit(rubric, "id: invalidation", "id: eviction")
    second = line_of(rubric, "weight: 1") - 3  # the repeated id sits three lines above its weight
    assert (
        only(content)
        == f"rubrics/kv-mini.yaml:{second}: id 'eviction' repeats (first at line {first})"
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        # schema errors, reworded where YAML is the likely cause
        (
            "prompts/kv-mini.yaml",
            "difficulty: easy",
            "difficulty: trivial",
            "difficulty: Input should be 'easy', 'medium' or 'hard'",
        ),
        (
            "cards/kv-basics.yaml",
            "tradeoffs:",
            "tradeofs:",
            "tradeofs: unknown key; did you mean 'tradeoffs'?",
        ),
        (
            "cards/kv-basics.yaml",
            "related: []",
            "flavour: sweet\nrelated: []",
            "flavour: unknown key (known: format_version, id, title, summary, aliases, idea, when, "
            "tradeoffs, mistakes, from_notes, notes_wording, related)",
        ),
        (
            "prompts/kv-mini.yaml",
            "answer: yes",
            "answer: true",
            "clarifications.0.answer: YAML reads true as a boolean here; put the text in quotes",
        ),
        (
            "cards/kv-basics.yaml",
            "aliases: [kv cache, mini cache]",
            "aliases: [kv cache, 1.10]",
            "aliases.1: YAML reads 1.1 as a number here; put the text in quotes",
        ),
        (
            "cards/kv-basics.yaml",
            "format_version: 1",
            "format_version: 2",
            "format_version: format 2 is newer than this designcoach reads (1); upgrade it",
        ),
        (
            "cards/kv-basics.yaml",
            "idea: Keep hot keys",
            "idea: Keep\thot keys",
            "tab character: YAML needs spaces (write \\t in quotes for a tab)",
        ),
        # an example that does not earn what it claims
        (
            "rubrics/kv-mini.yaml",
            "half: [The cache evicts with LRU.]",
            "half: [We evict with LRU because hot keys come back.]",
            "item 'eviction': half example earns 1, not 0.5: "
            "'We evict with LRU because hot keys come back.'",
        ),
        # references that do not resolve
        (
            "rubrics/kv-mini.yaml",
            "prompt: kv-mini",
            "prompt: kv-maxi",
            "prompt 'kv-maxi' not found (prompts/kv-maxi.yaml); did you mean 'kv-mini'?",
        ),
        (
            "prompts/kv-mini.yaml",
            "twist:",
            "rubric: kv-other\ntwist:",
            "rubric 'kv-other' not found (rubrics/kv-other.yaml)",
        ),
        (
            "rubrics/kv-mini.yaml",
            "card: kv-basics\n    examples:\n      full: [We",
            "card: kv-basic\n    examples:\n      full: [We",
            "card 'kv-basic' not found (cards/kv-basic.yaml); did you mean 'kv-basics'?",
        ),
        (
            "rubrics/kv-mini.yaml",
            "card: kv-basics\n    examples:\n      hit",
            "card: nothing\n    examples:\n      hit",
            "card 'nothing' not found (cards/nothing.yaml)",
        ),
        (
            "cards/kv-basics.yaml",
            "related: []",
            "related: [caching]",
            "card 'caching' not found (cards/caching.yaml)",
        ),
        (
            "cards/kv-basics.yaml",
            "related: []",
            "related: [kv-basics]",
            "a card cannot be related to itself",
        ),
        (
            "prompts/kv-mini.yaml",
            "file: kv-mini-weak.md",
            "file: kv-mini-gone.md",
            "sample 'kv-mini-gone.md' not found in examples/answers/",
        ),
    ],
)
def test_one_planted_problem_is_one_line_at_its_line(
    content: Path, file: str, old: str, new: str, message: str
) -> None:
    path = content / file
    edit(path, old, new)
    line = line_of(path, new.split("\n")[0])
    assert problems(content) == [f"{file}:{line}: {message}"]


def test_a_rubric_that_no_prompt_uses(content: Path) -> None:
    shutil.copy(content / "rubrics" / "kv-mini.yaml", content / "rubrics" / "kv-spare.yaml")
    edit(content / "rubrics" / "kv-spare.yaml", "id: kv-mini", "id: kv-spare")
    assert only(content) == (
        "rubrics/kv-spare.yaml:3: no prompt uses this rubric: prompt 'kv-mini' uses 'kv-mini'"
    )


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("(unclosed", "does not compile"),
        ("foo)|(bar", "does not compile"),
        ("LRU|", "matches the empty string"),
        ("(least )?", "matches the empty string"),
        ("[[]LRU", "is ambiguous"),
    ],
)
def test_broken_regexes(content: Path, pattern: str, why: str) -> None:
    rubric = content / "rubrics" / "kv-mini.yaml"
    edit(rubric, "'least recently used'", repr(pattern))
    line = line_of(rubric, "detect: ['\\bLRU\\b'")
    assert only(content).startswith(f"rubrics/kv-mini.yaml:{line}: regex {pattern!r} {why}")


def test_misconception_examples_that_do_not_behave(content: Path) -> None:
    rubric = content / "rubrics" / "kv-mini.yaml"
    edit(
        rubric,
        "hit: [The cache is the source of truth for every key.]",
        "hit: [We never say the cache is the source of truth.]",
    )
    edit(
        rubric,
        "miss: [The cache is not the source of truth.]",
        "miss: [Our cache is the source of truth.]",
    )
    found = problems(content)
    assert found == [
        f"rubrics/kv-mini.yaml:{line_of(rubric, 'hit: [')}: misconception 'cache-is-truth': "
        "hit example does not trigger it: 'We never say the cache is the source of truth.'",
        f"rubrics/kv-mini.yaml:{line_of(rubric, 'miss: [')}: misconception 'cache-is-truth': "
        "miss example triggers it: 'Our cache is the source of truth.'",
    ]


def test_sample_answer_outside_its_band(content: Path) -> None:
    prompt = content / "prompts" / "kv-mini.yaml"
    edit(prompt, "expect: [strong hire]", "expect: [lean no hire]")
    line = line_of(prompt, "expect: [lean no hire]")
    message = only(content)
    assert message.startswith(
        f"prompts/kv-mini.yaml:{line}: sample 'kv-mini-strong.md' grades 'strong hire'"
    )
    assert message.endswith("expected lean no hire")


def test_broken_yaml_and_bad_encoding_are_one_line_each(content: Path) -> None:
    (content / "cards" / "kv-basics.yaml").write_bytes(b"format_version: 1\nid: \xff\n")
    edit(content / "prompts" / "kv-mini.yaml", "title: Design", "title: [Design")
    found = problems(content)
    assert "cards/kv-basics.yaml:None: not UTF-8 text" in found
    assert any(p.startswith("prompts/kv-mini.yaml:") and "invalid YAML" in p for p in found), found


def test_yml_files_are_flagged_not_silently_skipped(content: Path) -> None:
    (content / "cards" / "kv-basics.yaml").rename(content / "cards" / "kv-basics.yml")
    found = problems(content)
    assert "cards/kv-basics.yml:None: ignored: content files must end in .yaml" in found


def test_missing_cards_and_examples_are_warnings_that_strict_mode_counts(content: Path) -> None:
    rubric = content / "rubrics" / "kv-mini.yaml"
    edit(
        rubric,
        "    card: kv-basics\n    examples:\n      full: [Writes",
        "    examples:\n      full: [Writes",
    )
    assert problems(content) == []
    line = line_of(rubric, "id: invalidation")
    assert problems(content, strict=True) == [
        f"rubrics/kv-mini.yaml:{line}: item 'invalidation' names no card"
    ]


def test_extra_checks_plug_in_and_a_crashing_check_is_reported(content: Path) -> None:
    def kata_check(catalog: Catalog) -> list[ContentError]:
        return [ContentError(catalog.roots[0] / "katas" / "x" / "kata.yaml", 3, "starter passes")]

    def broken_check(catalog: Catalog) -> list[ContentError]:
        raise RuntimeError("boom")

    result = run_checks(Catalog([content]), [*CHECKS, kata_check, broken_check])
    messages = [format_problem(p) for p in result.errors]
    assert any(m.endswith("katas/x/kata.yaml:3: starter passes") for m in messages), messages
    assert any("broken_check failed: RuntimeError('boom')" in m for m in messages), messages


def test_a_user_folder_over_the_bundled_content_reports_only_its_own_files(content: Path) -> None:
    # The user's rubric may point at a bundled card; the bundled files are not the user's problem.
    edit(
        content / "rubrics" / "kv-mini.yaml",
        "card: kv-basics\n    examples:\n      hit",
        "card: caching\n    examples:\n      hit",
    )
    edit(content / "cards" / "kv-basics.yaml", "idea: Keep", "idea: [Keep")
    result = check_folder(content)
    assert [p.path.name for p in result.errors] == ["kv-basics.yaml"]
    assert all(p.path.is_relative_to(content) for p in result.errors + result.warnings)


@pytest.mark.parametrize(
    ("pattern", "slow"),
    [
        (r"(?!.*\bnot\b)\bblobs?\b in the db", True),
        (r"\b(?!.*\bnot\b)blobs? in the db", True),
        (r"(?!(?!.*only).*at once)\bindex", True),
        (r"(?![^.]*\bnot\b)\bblobs?\b", True),
        (r"^(?!.*\bnot\b).*\bblobs?\b", False),  # anchored: tried once
        (r"\b(?=blobs?\b)(?!.*\bnot\b)blobs? in the db", False),  # the suggested rewrite
        (r"(?![^.]{0,40}\bnot\b)\bblobs?\b", False),  # bounded look-ahead
        (r"\bblobs?\b(?!.*\bstorage\b)", False),  # guard after the claim
    ],
)
def test_slow_leading_lookaheads_are_warned(pattern: str, slow: bool) -> None:
    assert (slow_regex(pattern) is not None) is slow


def test_the_suggested_rewrite_matches_what_the_slow_form_matches() -> None:
    slow = re.compile(r"(?!.*\bnot\b)\bblobs?\b in the db", re.IGNORECASE)
    fast = re.compile(r"\b(?=blobs?\b)(?!.*\bnot\b)blobs? in the db", re.IGNORECASE)
    for text in [
        "We keep blobs in the db.",
        "Blobs in the db are not great.",
        "no blob here",
        "A blob in the db, not ideal",
        "Not: blobs in the db",
    ]:
        assert bool(slow.search(text)) == bool(fast.search(text)), text


def test_a_slow_regex_is_a_warning_at_its_line(content: Path) -> None:
    rubric = content / "rubrics" / "kv-mini.yaml"
    edit(
        rubric,
        "detect: ['cache is the source of truth']",
        "detect: ['(?!.*\\bnot\\b)cache is the source of truth']",
    )
    assert problems(content) == []
    line = line_of(rubric, "(?!.*")
    found = problems(content, strict=True)
    assert len(found) == 1 and found[0].startswith(f"rubrics/kv-mini.yaml:{line}: regex ")


def test_a_rubric_that_fails_validation_still_has_its_regexes_and_cards_checked(
    content: Path,
) -> None:
    """Three mistakes in one rubric, one of which stops it validating: all three in one run."""
    rubric = content / "rubrics" / "kv-mini.yaml"
    edit(rubric, "    weight: 2\n", "    weight: -3\n")
    edit(rubric, "detect: ['invalidat\\w*']", "detect: ['(unclosed']")
    edit(rubric, "    card: kv-basics\n    examples:", "    card: no-such-card\n    examples:")
    found = problems(content)
    assert len(found) == 3, found
    weight, card, regex = found  # in line order
    assert weight.startswith(f"rubrics/kv-mini.yaml:{line_of(rubric, 'weight: -3')}: ")
    assert "weight" in weight
    assert regex == (
        f"rubrics/kv-mini.yaml:{line_of(rubric, '(unclosed')}: regex '(unclosed' does not "
        "compile: missing ), unterminated subpattern at position 0"
    )
    assert card.startswith(f"rubrics/kv-mini.yaml:{line_of(rubric, 'no-such-card')}: card ")
    assert "'no-such-card' not found" in card
