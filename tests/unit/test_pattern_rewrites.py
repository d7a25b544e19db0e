"""Prepared patterns mean what the rubric's patterns mean (Hypothesis): the rewritten regex finds
the same matches (every group's span) as the folded pattern; every match meets the literal
requirement; a pattern read as exact matches just where a word meets its literals; and
prepared forms saved between runs read back as they were made."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.grading import prepared
from designcoach.grading.pattern_rewrites import fast_boundaries, lower_pattern
from designcoach.grading.patterns import (
    DIGIT,
    WHOLE_WORD,
    WORD_START,
    exact_words,
    fold,
    is_searched,
    requirement,
)
from designcoach.grading.prepared import prepare

CATALOG = Catalog()
BUNDLED = sorted(
    {
        p
        for prompt in CATALOG.prompts()
        for r in [CATALOG.rubric_for(prompt)]
        for p in (
            *(p for i in r.items for p in (*i.detect, *i.explain)),
            *(p for m in r.misconceptions for p in m.detect),
            *r.topic,
        )
    }
)
EXAMPLES = sorted(
    {
        s
        for prompt in CATALOG.prompts()
        for r in [CATALOG.rubric_for(prompt)]
        for s in (
            *(e for i in r.items for e in (*i.examples.full, *i.examples.half, *i.examples.none)),
            *(e for m in r.misconceptions for e in (*m.examples.hit, *m.examples.miss)),
        )
    }
)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Small patterns built to hit the rewrites: groups after \b whose branches share first letters,
# hold classes, groups or optional parts, and what may follow them.
_atom = st.sampled_from(["a", "b", "ab", "ba", "s", "x", "[- ]", "[]a]", "\\w*", "s?", " ", "\\d"])
_seq = st.lists(
    st.one_of(_atom, st.sampled_from(["(a|b)", "(?:ab|b)", "(s|es)?"])), min_size=1, max_size=3
).map("".join)
_group = st.lists(_seq, min_size=1, max_size=5).map(lambda alts: "(" + "|".join(alts) + ")")
PATTERNS = st.tuples(
    st.sampled_from(["", "\\b", "x", "\\w", "x\\b", "(?:\\b", "a|\\b"]),
    st.one_of(_group, _seq),
    st.sampled_from(["", "\\b", "s?\\b", "\\w*", " ab", "(s|es)?\\b", ")"]),
).map("".join)
SMALL_TEXTS = st.text(alphabet="abxs -_1]", max_size=30)

# Word patterns that exact_words reads: words, groups of words, optional parts.
_word = st.text(alphabet="abs", min_size=1, max_size=3)
_words = st.lists(_word, min_size=1, max_size=4).map(lambda ws: "(" + "|".join(ws) + ")")
_body = st.lists(
    st.one_of(_word, _words, _words.map(lambda g: g + "?"), _word.map(lambda w: w + "?")),
    min_size=1,
    max_size=3,
).map("".join)
WORD_PATTERNS = st.tuples(_body, st.sampled_from(["\\b", "\\w*", ""])).map(
    lambda t: "\\b" + t[0] + t[1]
)


@cache
def _compiled(source: str) -> re.Pattern[str] | None:
    try:
        return re.compile(source)
    except re.error:
        return None


def _regs(source: str, folded: str) -> list[tuple[tuple[int, int], ...]] | None:
    rx = _compiled(source)
    return None if rx is None else [m.regs for m in rx.finditer(folded)]


def _meets(literal: str, folded: str) -> bool:
    """The plain meaning of a literal (see patterns): in some word, or in the text."""
    words = re.findall(r"\w+", folded)
    body = literal[1:]
    if literal == DIGIT:
        return any(ch.isdecimal() for ch in folded)
    if literal[:1] == WHOLE_WORD:
        return body in words
    if literal[:1] == WORD_START:
        return any(w.startswith(body) for w in words)
    if is_searched(literal):
        return literal in folded
    return any(literal in w for w in words)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=4).map(" ".join))
def test_bundled_patterns_match_the_same_after_the_rewrite(text: str) -> None:
    folded = fold(text)
    for pattern in BUNDLED:
        lowered = lower_pattern(pattern)
        assert _regs(fast_boundaries(lowered), folded) == _regs(lowered, folded), pattern


@SETTINGS
@given(PATTERNS, SMALL_TEXTS)
@example("\\b(ab|ba|a|b)", "ab ba a")
@example("\\b(a[- ]b|ab|[]a]x)s?\\b", "a b ab ]x")
def test_built_patterns_match_the_same_after_the_rewrite(pattern: str, text: str) -> None:
    assert _regs(fast_boundaries(pattern), text) == _regs(pattern, text), pattern


def test_an_optional_group_keeps_its_boundary() -> None:
    """Rewritten to `(a(?<!\\w.)pi )?gateway\\b`, this found "gateway" in "microgateway"."""
    pattern = r"\b(api )?gateway\b"
    assert _regs(fast_boundaries(pattern), "microgateway") == _regs(pattern, "microgateway")


def test_branches_sharing_a_first_letter_test_it_once() -> None:
    assert fast_boundaries(r"\b(send|fetch|sends)\b") == r"(s(?<!\w.)(?:end|ends)|f(?<!\w.)etch)\b"
    # A branch holding a group is not moved past another (that would renumber the group).
    assert fast_boundaries(r"\b(sa|f(x)|sb)") == r"(s(?<!\w.)a|f(?<!\w.)(x)|s(?<!\w.)b)"
    assert fast_boundaries(r"\b(in[- ]order|out)") == r"(i(?<!\w.)n[- ]order|o(?<!\w.)ut)"
    # ... but not where moving the \b would change a match (a repeated group keeps it).
    assert fast_boundaries(r"\b(in[- ]order|out)?x") == r"\b(in[- ]order|out)?x"
    assert fast_boundaries(r"\b(in[- ]order|o\b(u|t))") == r"\b(in[- ]order|o\b(u|t))"


@SETTINGS
@given(
    st.one_of(PATTERNS, st.sampled_from(BUNDLED)), st.one_of(SMALL_TEXTS, st.sampled_from(EXAMPLES))
)
def test_every_match_meets_the_requirement(pattern: str, text: str) -> None:
    folded = fold(text)
    rx = _compiled(lower_pattern(pattern))
    req = requirement(pattern)
    if rx is None or req is None or not rx.search(folded):
        return
    for literals in req:
        assert any(_meets(lit, folded) for lit in literals), (pattern, sorted(literals))


@SETTINGS
@given(
    st.one_of(WORD_PATTERNS, st.sampled_from(BUNDLED)),
    st.one_of(SMALL_TEXTS, st.sampled_from(EXAMPLES)),
)
@example("\\b(a|ab)\\b", "ab")
@example("\\bab?s\\w*", "asx abs")
def test_an_exact_pattern_matches_just_where_a_word_meets_its_literals(
    pattern: str, text: str
) -> None:
    words = exact_words(pattern)
    if words is None:
        return
    source, req, exact = prepare(pattern)
    assert exact and req == (words,)
    folded = fold(text)
    rx = _compiled(source)
    assert rx is not None
    assert bool(rx.search(folded)) == any(_meets(lit, folded) for lit in words), pattern


def test_only_word_patterns_are_exact() -> None:
    assert exact_words(r"\bchats?\b") == {WHOLE_WORD + "chat", WHOLE_WORD + "chats"}
    assert exact_words(r"\bmessag\w*") == {WORD_START + "messag"}
    for pattern in (r"\bweb[- ]?sockets?\b", r"(?i)\bchat\b", r"chat\b", r"\b(a|)\b", r"\bx\x41\b"):
        assert exact_words(pattern) is None, pattern


def test_prepared_patterns_read_back_as_they_were_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(prepared, "_PREPARED", {})
    monkeypatch.setattr(prepared, "_dirty", False)
    made = {p: prepare(p) for p in BUNDLED}
    assert any(exact for _, _, exact in made.values())
    prepared.save_prepared(tmp_path / "prepared.json")
    monkeypatch.setattr(prepared, "_PREPARED", {})
    prepared.load_prepared(tmp_path / "prepared.json")
    assert made == prepared._PREPARED
