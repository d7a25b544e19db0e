"""The grader counts an answer's words by splitting its normalised, case-folded text (which it
has anyway) instead of the text itself. Both are made a character at a time and keep the
length, so the counts agree when every character is white space in both or in neither: checked
here for every code point, in its own text and between letters."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from designcoach.grading.depth import normalise
from designcoach.grading.patterns import fold
from designcoach.grading.text import SEPARATE, translate

CHUNK = 4096


def word_count(text: str) -> int:
    """The count the report means: the text's words, cut at white space and punctuation."""
    return len(translate(text, SEPARATE).split())


def _spaces(text: str) -> list[bool]:
    return [ch.isspace() for ch in text]


def test_every_code_point_splits_alike() -> None:
    for start in range(0, sys.maxunicode + 1, CHUNK):
        chunk = "".join(map(chr, range(start, min(start + CHUNK, sys.maxunicode + 1))))
        plain = translate(chunk, SEPARATE)
        folded = normalise(fold(chunk))
        assert len(plain) == len(folded) == len(chunk)
        one, other = _spaces(plain), _spaces(folded)
        if one != other:
            at = next(
                i for i, pair in enumerate(zip(one, other, strict=True)) if pair[0] != pair[1]
            )
            raise AssertionError(f"U+{start + at:04X} is white space in only one of them")


def test_a_letter_that_lowers_to_two_keeps_the_count() -> None:
    text = "İstanbul İİ x, y; z — ǅ ﬁ"
    assert len(normalise(fold(text)).split()) == word_count(text) == 7


@given(st.text())
def test_counts_agree_on_any_text(text: str) -> None:
    assert len(normalise(fold(text)).split()) == word_count(text)
