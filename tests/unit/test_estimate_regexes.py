"""The estimate regexes look at a position's first character before trying their alternatives
(as a look ahead, or as the class of characters a match starts with); that only skips positions
where no alternative could start, so every match stays the same as with the plain alternation
written here (Hypothesis)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from designcoach.grading import estimates_tokens

# The same alternatives without the look: the reference for what each pattern matches.
PLAIN_NUM = re.compile(
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<powop>[ \t]*(?:\^|\*\*)[ \t]*|e[+-]?)(?P<pow>\d{1,2})(?![\d.]))?"
    r"(?P<pct>[ \t]?%)?"
    r"(?:[ \t]?(?P<mag>(?P<bytes>[KkMGTPE])i?B(?![A-Za-z])|bytes?\b|thousand\b|million\b|billion\b|"
    r"trillion\b|mn\b|bn\b|tn\b|[kKmMbBtT](?![A-Za-z])))?"
)
PLAIN_BETWEEN = re.compile(
    r"(?P<op>(?:(?<=\s)|^)[x×](?=\s*[~(]?\s*$|\s)|[*·×÷]|/(?=\s*[~(]*\s*$)|"
    r"\btimes\b(?=\s*(?:(?:about|around|roughly|approx\w*)\s*)?[~(]*\s*$)|"
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
    *["1,000", "2.5", "1,234.5", "e5", "e+06", "^3", "**2", "KB", "GiB", "MB", "B", "bytes"],
    *["thousand", "million", "bn", "mn", "T", "k", "٣", "０", "are about", "so roughly"],
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
@example("1234,567 and 12,345,6789.5 at 10e5 or 2 ^ 10% 4 KiB")
def test_number_matches_like_the_plain_alternation(text: str) -> None:
    assert _all(estimates_tokens._NUM, text) == _all(PLAIN_NUM, text)


@SETTINGS
@given(texts)
def test_between_matches_like_the_plain_alternation(text: str) -> None:
    assert _all(estimates_tokens._BETWEEN, text) == _all(PLAIN_BETWEEN, text)


@SETTINGS
@given(texts)
@example(" is about ")
@example(" divided by ")
@example(" -> ")
def test_a_gap_without_a_sign_or_word_between_needs_is_not_searched(text: str) -> None:
    if PLAIN_BETWEEN.search(text):
        assert estimates_tokens._may_relate(text)


@SETTINGS
@given(texts, st.integers(0, 20), st.integers(0, 200))
@example("5 qpsx, 5 qps, 5 /daily and 5 an hour", 0, 200)
def test_rate_matches_like_the_plain_alternation(text: str, pos: int, size: int) -> None:
    # tokens() searches from inside the text, where \b sees the character before `pos`.
    end = pos + size
    found = estimates_tokens._RATE.finditer(text, pos, end)
    # the time unit is read from the unit group, or else from the whole match (qps, daily)
    rates = [(m.span(), estimates_tokens._unit(m["unit"] or m[0])) for m in found]
    plain = PLAIN_RATE.finditer(text, pos, end)
    assert rates == [
        (m.span(), "s" if m["qps"] else estimates_tokens._unit(m["unit"] or m["adv"]))
        for m in plain
    ]
