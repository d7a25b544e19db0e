"""Which sentences hold a digit, found by jumping from digit to digit; the same bits as testing
each sentence (Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.grading.text import digit_sentences, split_sentences

pieces = st.sampled_from(["7", "42", "٣", "x", "ab", ". ", "\n", "- ", "1. ", " ", "e.g. 5"])
texts = st.lists(st.one_of(pieces, st.text(max_size=4)), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(1, 3))
def test_digit_sentences_are_the_sentences_a_digit_search_finds(text: str, step: int) -> None:
    sentences = split_sentences(text)[::step]  # some left out, as turns of a transcript leave
    plain = sum(1 << i for i, s in enumerate(sentences) if re.search(r"\d", text[s.start : s.end]))
    assert digit_sentences(text, sentences) == plain
