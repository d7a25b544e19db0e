"""On a text `ascii_only` accepts, a part's ASCII-mode regex finds exactly what its Unicode one
finds: checked class by class over every ASCII character, and for every bundled pattern on
generated texts (Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.grading.matching import Part, ascii_only

CATALOG = Catalog()
PATTERNS = sorted(
    {
        p
        for prompt in CATALOG.prompts()
        for rubric in [CATALOG.rubric_for(prompt)]
        for p in (
            *(q for item in rubric.items for q in (*item.detect, *item.explain)),
            *(q for m in rubric.misconceptions for q in m.detect),
            *rubric.topic,
        )
    }
)
CLASSES = [r"\w", r"\W", r"\d", r"\D", r"\s", r"\S", r"\b", r"\B", r"(?<!\w.)x", "."]


def test_the_modes_differ_on_ascii_only_where_ascii_only_refuses() -> None:
    differ = set()
    for cls in CLASSES:
        uni, asc = re.compile(cls), re.compile("(?a)" + cls)
        for code in range(128):
            for text in (chr(code), f"a{chr(code)}x", f"{chr(code)}x"):
                if [m.span() for m in uni.finditer(text)] != [m.span() for m in asc.finditer(text)]:
                    differ.add(chr(code))
    assert differ  # the test sees the difference it guards against
    assert not any(ascii_only(ch) for ch in differ)
    assert all(ascii_only(chr(code)) for code in range(128) if chr(code) not in differ)


def test_text_beyond_ascii_takes_the_unicode_regex() -> None:
    assert not ascii_only("café")
    assert ascii_only("plain text, 20 ms\tand more")


ascii_texts = st.lists(
    st.one_of(
        st.sampled_from(["cache", "write-through", "2,000", " ", "\n", "_", "'", "x", "\x1c"]),
        st.text(st.characters(max_codepoint=127), max_size=8),
    ),
    max_size=16,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(PATTERNS), ascii_texts)
def test_each_bundled_pattern_finds_the_same_in_both_modes(pattern: str, text: str) -> None:
    part = Part(pattern)
    folded = text.lower()
    if ascii_only(folded):
        assert [m.span() for m in part.ascii_rx.finditer(folded)] == [
            m.span() for m in part.rx.finditer(folded)
        ]


def test_a_pattern_that_fell_back_to_ignorecase_keeps_its_regex() -> None:
    part = Part(r"[Z-a]x")  # lowered, the range would run backwards: compiled as written
    assert part.rx.flags & re.IGNORECASE
    assert part.ascii_rx is part.rx


def test_a_plain_pattern_gets_its_ascii_twin() -> None:
    part = Part(r"\bcaches?\b")
    assert part.ascii_rx is not part.rx
    assert part.ascii_rx.flags & re.ASCII
