"""Misconceptions: a claim the notes contradict counts only where the answer asserts it.

A match is negated, and so not a claim, when a negation cue comes before it in the same
clause or inside the matched words ("we don't poll the server", "instead of BLOBs in the
database", "receipts never get the same priority as messages") or a verdict follows it in the
same clause ("storing images as BLOBs in the database is a mistake"). Clauses end at
, ; : dashes and words like but/so/while, so "we don't need web sockets, so clients poll the
server" still asserts polling, and "poll the server rather than use web sockets" asserts it too.
"""

from __future__ import annotations

import re

from designcoach.content.models import Misconception
from designcoach.grading.matching import Matcher, cached, fold

_APOS = "['’]"
NEG_BEFORE = re.compile(
    rf"\b(?:not|never|no|nor|neither|without|avoid(?:s|ed|ing)?|against|stop|"
    rf"instead of|rather than|don{_APOS}?t|do not|doesn{_APOS}?t|does not|isn{_APOS}?t|is not|"
    rf"aren{_APOS}?t|won{_APOS}?t|will not|wouldn{_APOS}?t|shouldn{_APOS}?t|should not|"
    rf"can{_APOS}?t|cannot|mustn{_APOS}?t|myth|mistake|wrong)\b",
)
NEG_AFTER = re.compile(
    rf"\b(?:not|never|mistake|myth|wrong|bad idea|anti-?pattern|wasteful|a trap|"
    rf"doesn{_APOS}?t scale|won{_APOS}?t scale|does not scale|will not scale|falls over)\b"
)
CLAUSE_END = re.compile(
    r"[;:,()—–]|\s-\s|\b(?:but|so|while|whereas|however|although|though|then)\b"
)


def _clause(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The text of the match's clause before it and after it."""
    left = sentence[:start]
    breaks = list(CLAUSE_END.finditer(left))
    before = left[breaks[-1].end() :] if breaks else left
    right = sentence[end:]
    stop = CLAUSE_END.search(right)
    after = right[: stop.start()] if stop else right
    return before, after


def negated(sentence: str, start: int, end: int) -> bool:
    """Whether the match at start:end of a case-folded sentence is denied (see above)."""
    before, after = _clause(sentence, start, end)
    return bool(
        NEG_BEFORE.search(before)
        or NEG_BEFORE.search(sentence, start, end)
        or NEG_AFTER.search(after)
    )


def matcher(mis: Misconception) -> Matcher:
    return cached(mis, lambda: Matcher.of(mis.detect))


def asserted(folded: str, spans: list[tuple[int, int]]) -> bool:
    """Whether any of the matches (spans in a case-folded sentence) is not negated."""
    return any(not negated(folded, start, end) for start, end in spans)


def misconception_hit(mis: Misconception, sentence: str) -> bool:
    """Whether one sentence alone asserts the misconception (matched and not negated)."""
    folded = fold(sentence)
    return asserted(folded, matcher(mis).spans(folded))
