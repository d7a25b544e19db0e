"""Misconceptions: a claim the notes contradict counts only where the answer asserts it.

A match is negated, and so not a claim, when a negation cue comes before it in the same
clause or inside the matched words ("we don't poll the server", "instead of BLOBs in the
database", "receipts never get the same priority as messages") or a verdict follows it in the
same clause ("storing images as BLOBs in the database is a mistake"). Clauses end at
, ; : dashes and words like but/so/while, so "we don't need web sockets, so clients poll the
server" still asserts polling, and "poll the server rather than use web sockets" asserts it too.

Some wrong claims are themselves stated with a negation ("two-phase commit never blocks",
"consumers do not need to be idempotent"). A pattern for one wraps those words in a group named
`claim`: negation cues inside that group are the claim, not a denial of it, while a cue
elsewhere in the match or clause ("it is a myth that 2PC never blocks") still denies it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from designcoach.grading.matching import Matcher, cached, fold

if TYPE_CHECKING:
    from designcoach.content.models import Misconception

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


def negated(sentence: str, start: int, end: int, claim: tuple[int, int] | None = None) -> bool:
    """Whether the match at start:end of a case-folded sentence is denied (see above).

    `claim`: the span of the match's `claim` group, whose negation cues do not deny it."""
    before, after = _clause(sentence, start, end)
    if NEG_BEFORE.search(before) or NEG_AFTER.search(after):
        return True
    return any(
        claim is None or not (claim[0] <= cue.start() and cue.end() <= claim[1])
        for cue in NEG_BEFORE.finditer(sentence, start, end)
    )


CLAIM = "claim"


def claim_span(mis_matcher: Matcher, sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the `claim` group of the match at start:end, if a pattern made it with one."""
    for part in mis_matcher.parts:
        if CLAIM not in part.rx.groupindex:
            continue
        for found in part.rx.finditer(sentence):
            if found.span() == (start, end) and found.start(CLAIM) >= 0:
                return found.span(CLAIM)
    return None


# An item named only to be turned down: "we will not use a session service", "we don't need
# heartbeats", "no need for a cache", "instead of a queue". Narrower than a misconception's
# negation: "never lose a message" and "no single point of failure" name what they want.
_NOT = (
    rf"\b(?:not|never|don{_APOS}?t|doesn{_APOS}?t|didn{_APOS}?t|won{_APOS}?t|wouldn{_APOS}?t|"
    rf"shouldn{_APOS}?t|can{_APOS}?t|cannot)"
)
DECLINE = re.compile(
    rf"(?:{_NOT}\s+(?:\w+\s+)?(?:use|using|need|needing|add|adding|want|have|build|run|"
    rf"deploy|bother with|go with)|\bno need (?:for|of)|\b(?:instead of|rather than))\s+"
    r"(?P<article>(?:a|an|the|any)\s+)?"
)
_NONE: frozenset[int] = frozenset()


def decline_ends(sentence: str) -> frozenset[int]:
    """Where, in a case-folded sentence, a name would be turned down by the words before it.

    Substring tests first, written out (a loop over them costs more than they do): the
    pattern costs microseconds a sentence, and most sentences hold no negation by a verb."""
    s = sentence
    if not ("no need" in s or "instead of" in s or "rather than" in s):
        if not (
            "not " in s
            or "never" in s
            or "n't" in s
            or "n\u2019t" in s
            or "dont" in s
            or "wont" in s
            or "cant" in s
            or "doesnt" in s
            or "cannot" in s
        ):
            return _NONE
        if not (
            "use" in s
            or "need" in s
            or "add" in s
            or "want" in s
            or "have" in s
            or "build" in s
            or "run" in s
            or "deploy" in s
            or "bother" in s
            or "go with" in s
        ):
            return _NONE
    ends: set[int] = set()
    for found in DECLINE.finditer(sentence):
        ends.add(found.end())
        if found.group("article"):
            ends.add(found.start("article"))  # a name whose pattern takes the article in
    return frozenset(ends)


def declined(sentence: str, start: int) -> bool:
    """Whether the item named at `start` of a case-folded sentence is named to be turned down."""
    return start in decline_ends(sentence)


def matcher(mis: Misconception) -> Matcher:
    return cached(mis, lambda: Matcher.of(mis.detect))


def asserted(folded: str, spans: list[tuple[int, int]], mis_matcher: Matcher | None = None) -> bool:
    """Whether any of the matches (spans in a case-folded sentence) is not negated.

    `mis_matcher`: the misconception's patterns, read for a `claim` group only where a match
    looks negated (rare, so the patterns run again only then)."""
    for start, end in spans:
        if not negated(folded, start, end):
            return True
        if mis_matcher is not None:
            claim = claim_span(mis_matcher, folded, start, end)
            if claim is not None and not negated(folded, start, end, claim):
                return True
    return False


def misconception_hit(mis: Misconception, sentence: str) -> bool:
    """Whether one sentence alone asserts the misconception (matched and not negated)."""
    folded = fold(sentence)
    found = matcher(mis)
    return asserted(folded, found.spans(folded), found)


def all_declined(declines: frozenset[int], spans: Iterable[tuple[int, int]]) -> bool:
    """Whether every place the item is named in the sentence is turned down (`decline_ends`)."""
    return bool(declines) and all(start in declines for start, _ in spans)
