"""Patterns that only list whole words (`\\b(queue|queues|kafka)\\b`, `\\bshards?\\b`).

Such a pattern matches a sentence exactly when the sentence holds one of its words as a whole
word, so the literal index alone answers whether it matches, and its regex need not run (it
still runs where a match itself is wanted: spans, or the text of an explain match). The words
are read from the folded pattern, as the index reads words from the folded answer; a word
character is one `\\b` counts as one (`is_word`), so both cut words at the same places.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from designcoach.grading.patterns import is_word, lower_pattern

try:  # Python 3.11+ keeps the parser here (see patterns.py)
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c
    import sre_parse as _parser

MAX_WORDS = 64  # past this many spellings the pattern is left to its regex


def whole_words(pattern: str) -> frozenset[str] | None:
    """The words (folded) a pattern matches when it is `\\b`, a finite choice of words, `\\b`;
    None for any other pattern."""
    try:
        parsed = _parser.parse(lower_pattern(pattern))
    except Exception:  # noqa: BLE001 - an odd pattern is simply not one of these
        return None
    seq = list(parsed.data)
    boundary = (_c.AT, _c.AT_BOUNDARY)
    if (
        len(seq) < 3
        or seq[0] != boundary
        or seq[-1] != boundary
        or parsed.state.flags & ~_c.SRE_FLAG_UNICODE
    ):
        return None
    words = _spellings(seq[1:-1])
    if not words or not all(word and all(map(is_word, word)) for word in words):
        return None
    return frozenset(words)


def _spellings(seq: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """Every string `seq` can match, when it is made of literals, groups, alternatives and
    optional pieces only (and there are few of them); otherwise None."""
    found = {""}
    for op, av in seq:
        if op is _c.LITERAL:
            found = {s + chr(av) for s in found}
            continue
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if add_flags or del_flags:
                return None
            options = _spellings(body)
        elif op is _c.BRANCH:
            options = set()
            for alternative in av[1]:
                one = _spellings(alternative)
                if one is None:
                    return None
                options |= one
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
            inner = _spellings(av[2])
            options = None if inner is None else {"", *inner}
        elif op is _c.IN and all(kind is _c.LITERAL for kind, _ in av):
            options = {chr(code) for _, code in av}
        else:
            return None
        if options is None:
            return None
        found = {s + o for s in found for o in options}
        if len(found) > MAX_WORDS:
            return None
    return found
