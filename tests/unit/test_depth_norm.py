"""The grader normalises the whole folded answer once and slices it per sentence; that must
give each sentence what normalising it alone gives (Hypothesis)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from designcoach.grading.depth import SentenceDepth, normalise
from designcoach.grading.patterns import fold

tricky = st.sampled_from(["İ", "Σ", "ΣΑΣ ", "ß", "ſ", "K", "ﬁ", "—", "’", "_", "/", " ", "."])
texts = st.lists(st.one_of(tricky, st.text(max_size=5)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 200), st.integers(0, 200))
@example("ΟΔΟΣ ΣΑΣ. İstanbul ﬁle", 3, 12)
def test_a_slice_of_the_whole_norm_is_the_slice_normalised(text: str, a: int, b: int) -> None:
    folded = fold(text)
    piece = folded[a:b]
    assert normalise(folded)[a:b] == normalise(piece)
    whole, alone = SentenceDepth(piece, normalise(folded)[a:b]), SentenceDepth(piece)
    assert (whole.norm, whole.words, whole.signals) == (alone.norm, alone.words, alone.signals)
