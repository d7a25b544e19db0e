"""`count_words` counts as `len(text.split())` does, on texts built from every ASCII white
space and on any text (Hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from designcoach.grading.text import count_words

ASCII_SPACES = [chr(c) for c in range(128) if chr(c).isspace()]


def test_the_shortcut_knows_every_ascii_space() -> None:
    for space in ASCII_SPACES:
        for text in (f"a{space}b", f"a {space}b", f"{space}a b", f"a b{space}"):
            assert count_words(text) == len(text.split()), repr(text)


def test_plain_sentences() -> None:
    assert count_words("") == 0
    assert count_words("one") == 1
    assert count_words("one two, three.") == 3
    assert count_words(" lead") == 1
    assert count_words("café au lait") == 3


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "é", *ASCII_SPACES])))
def test_counts_like_split(text: str) -> None:
    assert count_words(text) == len(text.split())


@given(st.text())
def test_counts_like_split_on_any_text(text: str) -> None:
    assert count_words(text) == len(text.split())
