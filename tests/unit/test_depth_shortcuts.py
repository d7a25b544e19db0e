"""The grader normalises the whole folded answer once and slices it per sentence, finds a
sentence's reasons in one pass over its words, and joins an explained mention's reason into its
template; each gives what the plain way gives (Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from designcoach.grading.depth import (
    NUMBER_WORDS,
    REASON_PHRASES,
    REASON_WORDS,
    WHY_EXPLAINED,
    Mention,
    SentenceDepth,
    normalise,
    not_an_amount,
    reasoned_credit,
)
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


def _number_bounds(text: str, at: int) -> tuple[int, int]:
    """The number (digits joined by single . : or ,) holding the digit at `at`."""
    return next(m.span() for m in re.finditer(r"[0-9]+(?:[.:,][0-9]+)*", text) if m.end() > at)


def _plain_signals(words: list[str], norm: str, text: str) -> list[tuple[int, str]]:
    """The reference: every word looked at in turn, every phrase tried in its listed order,
    every number found again by a regex and judged by `not_an_amount` (tested on its own)."""
    found = []
    starts = [m.start() for m in re.finditer(r"\S+", norm)]
    for i, word in enumerate(words):
        if word.isascii() and word.isdigit():
            if not_an_amount(text, norm, text, *_number_bounds(text, starts[i])):
                continue
        elif re.fullmatch(r"[0-9]{1,2}[ap]m", word):
            continue
        if word in REASON_WORDS or word in NUMBER_WORDS:
            found.append((i, word))
        for phrase in REASON_PHRASES:
            parts = phrase.split()
            if words[i : i + len(parts)] == parts:
                found.append((i, phrase))
                break
        if word[0] in "0123456789" and re.search(r"\d", norm):
            found.append((i, word))
    return sorted(found)


signal_words = st.sampled_from(
    [*REASON_WORDS, *NUMBER_WORDS, *(w for p in REASON_PHRASES for w in p.split()), "x", "42",
     "step", "v", "no.", "#3", "10:30", "100:1", "3.11", "2)", "Redis", "pm", "3pm"]
)  # fmt: skip
sentences = st.lists(st.one_of(signal_words, st.text(max_size=3)), max_size=25).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(sentences)
@example("so that it works, so we avoid it to keep the cost is low in order to win")
@example("twice the cost, but the reads stay local rather than")
@example("٣ so that 2pc because 4 twice 42 so")  # digits among signals; a non-ASCII digit
@example("2) step 42 so 4:30 at 3pm in v 2.1 42 42")  # digits that are no amount
def test_signals_are_those_of_a_word_by_word_scan(text: str) -> None:
    depth = SentenceDepth(text)
    assert depth.signals == _plain_signals(depth.words, depth.norm, depth.text)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1))
@example(" {what} {0} “quoted” ")
def test_an_explained_mention_reads_as_the_template_formatted(what: str) -> None:
    depth = SentenceDepth("the gateway keeps one socket open for every phone")
    expected = (1.0, WHY_EXPLAINED.format(what=f"“{what.strip()}”"))
    assert reasoned_credit(depth, [Mention(0, [], what)]) == [expected]
