"""The estimation check's quick tests answer as the plain regexes written here do: whether a
sentence has two numbers, and whether it may hold a calculation written with signs
(Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from designcoach.grading import estimates

PLAIN_TWO_NUMBERS = re.compile(r"\d[^\d]+\d")
PLAIN_OPERATOR = re.compile(r"[×*·÷/]|x(?=[\s~(\d]|$)|times|multiplied|divided|%\s*of")
PLAIN_EQUALS = re.compile(
    r"[=≈≃→~]|->|equals|gives|\b(?:is|are|so|or|that's|which is)\s+(?:about|around|roughly|approx)"
)
PIECES = [
    *"0123456789٣０²x×*·÷/=≈≃-→~()%><. \t\n\u00a0_'’",
    *["is", "are", "so", "or", "that's", "which is", "this", "isn't", "sore", "x2", "box"],
    *["about", "around", "roughly", "approx", "approximately", "aboutness", "of", "times"],
    *["multiplied by", "divided", "equals", "gives", "->", "=>", "1,000", "20B/day", "5%"],
]
pieces = st.one_of(st.sampled_from(PIECES), st.sampled_from(PIECES), st.text(max_size=4))
spaced = st.tuples(pieces, st.sampled_from(["", " ", " ", "  ", "\t"])).map("".join)
texts = st.lists(spaced, max_size=30).map("".join)
SETTINGS = settings(max_examples=800, deadline=None)


@SETTINGS
@given(texts)
@example("5 ٣")
@example("x 5 ０")
def test_two_numbers_as_the_plain_regex(text: str) -> None:
    assert estimates._two_numbers(text) is bool(PLAIN_TWO_NUMBERS.search(text))


@SETTINGS
@given(texts)
@example("5 x 4 is about 20")
@example("20 which is roughly 4 ÷ 5")
@example("5% of 4 is about 2")
@example("4 x 5 is approx 20")
@example("this about 4 x 5")
def test_signs_as_the_plain_regexes(text: str) -> None:
    low = text.lower()
    plain = bool(PLAIN_EQUALS.search(low) and PLAIN_OPERATOR.search(low))
    assert estimates._with_signs(low) is plain
