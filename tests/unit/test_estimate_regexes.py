"""The estimate regexes look at a position's first character before trying their alternatives;
that look only skips positions where no alternative could start, so every match stays the same
as with the plain alternation written here (Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.grading import estimates_tokens

# The same alternatives without the look ahead: the reference for what each pattern matches.
PLAIN_BETWEEN = re.compile(
    r"(?P<op>(?:(?<=\s)|^)[x×](?=\s*[~(]?\s*$|\s)|[*·×÷]|/(?=\s*[~(]*\s*$)|\btimes\b|"
    r"\b(?:multiplied|divided) by\b)"
    r"|(?P<eq>==?|≈|≃|->|→|=>|\bequals\b|\bgives\b|\b(?:is|are|so|or|that's|which is)\s+"
    r"(?:about|around|roughly|approximately|approx\.?|~)(?=\s*[~(]*\s*$)|~)"
    r"|(?P<lp>\()|(?P<rp>\))"
)
PLAIN_RATE = re.compile(
    r"(?:/|\bper\s+|\ban?\s+|\beach\s+)\s*(?P<unit>sec(?:ond)?s?|s|min(?:ute)?s?|hours?|hrs?|h|"
    r"days?|d|weeks?|wk|months?|mo|years?|yrs?|y)\b|\b(?P<qps>[qrt]ps)\b"
    r"|\b(?P<adv>daily|monthly|yearly|annually)\b"
)
# Words and signs the patterns look for, glued together or spaced, with any other text.
PIECES = [
    *"x×*·÷/=≈≃-→~()><.% \t\n0123456789_'’",
    *[
        "times",
        "multiplied",
        "divided",
        "by",
        "equals",
        "gives",
        "is",
        "are",
        "so",
        "or",
        "that's",
        "which",
        "about",
        "around",
    ],
    *[
        "roughly",
        "approximately",
        "approx",
        "per",
        "a",
        "an",
        "each",
        "sec",
        "seconds",
        "min",
        "minute",
        "hours",
        "hrs",
        "h",
    ],
    *[
        "days",
        "d",
        "weeks",
        "wk",
        "months",
        "mo",
        "years",
        "yrs",
        "y",
        "qps",
        "rps",
        "tps",
        "daily",
        "monthly",
        "yearly",
        "annually",
    ],
    *[
        "of",
        "Of",
        "OF",
        "X",
        "TIMES",
        "Kelvin",
        "K",
        "ſ",
        "İ",
        "ı",
        "500M",
        "86400",
        "20B/day",
        "230K/s",
    ],
    "which is about",
    "is roughly",
    "that's ~",
    "multiplied by",
    "per second",
]
words = st.sampled_from(PIECES)
pieces = st.one_of(words, words, words, st.text(max_size=4))
spaced = st.tuples(pieces, st.sampled_from(["", " ", " ", " ", "  ", "\t"])).map("".join)
texts = st.lists(spaced, min_size=0, max_size=30).map("".join)
SETTINGS = settings(max_examples=600, deadline=None)


def _all(rx: re.Pattern[str], text: str, pos: int = 0, end: int | None = None) -> list[object]:
    found = rx.finditer(text, pos, len(text) if end is None else end)
    return [(m.span(), m.lastgroup, m.groupdict()) for m in found]


@SETTINGS
@given(texts)
def test_between_matches_like_the_plain_alternation(text: str) -> None:
    assert _all(estimates_tokens._BETWEEN, text) == _all(PLAIN_BETWEEN, text)


@SETTINGS
@given(texts, st.integers(0, 20), st.integers(0, 200))
def test_rate_matches_like_the_plain_alternation(text: str, pos: int, size: int) -> None:
    # tokens() searches from inside the text, where \b sees the character before `pos`.
    end = pos + size
    assert _all(estimates_tokens._RATE, text, pos, end) == _all(PLAIN_RATE, text, pos, end)
