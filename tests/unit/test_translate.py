"""`translate` cuts a text at its non-ASCII characters so str.translate stays on its fast path;
the result is always what str.translate gives (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.grading import literal_index, patterns
from designcoach.grading.text import SEPARATE, non_ascii, translate

TABLES = [
    SEPARATE,
    patterns._PRE,
    patterns._CANON,
    literal_index._WORD_SEPARATORS,
    {ord("a"): None, ord("é"): 0x41, 0x2014: "--", ord(" "): ""},  # deleting, by number, longer
]
mixed = st.lists(
    st.one_of(st.sampled_from(["a", "é", "—", "’", "İ", "ſ", "K", " ", "\n"]), st.text(max_size=6)),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(mixed, st.sampled_from(range(len(TABLES))))
def test_translate_gives_what_str_translate_gives(text: str, which: int) -> None:
    table = TABLES[which]
    assert translate(text, table) == text.translate(table)


@settings(max_examples=300, deadline=None)
@given(mixed)
def test_non_ascii_finds_every_non_ascii_character(text: str) -> None:
    assert non_ascii(text) == {ch for ch in text if not ch.isascii()}
