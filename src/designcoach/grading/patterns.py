"""Rubric patterns prepared for speed: case-folded, rewritten, and read for their literals.

Measured speed-ups (Python's `re` is slow with IGNORECASE and has no multi-pattern search):
- The answer is case-folded once (`fold`, same length as the text) and every pattern is
  compiled lower-cased without IGNORECASE (`pattern_rewrites.lower_pattern`): about five times
  faster per search.
- A leading `\\b` moves past the first letter (`pattern_rewrites.fast_boundaries`), so re can
  skip ahead to it; branches that share a first letter test it once.
- Each pattern yields the literal text it cannot match without (read from the parsed pattern);
  looking that up picks the few sentences worth running the regex on. Patterns with no such
  literal run on every sentence, so no shortcut changes a result. A pattern that only names
  words (`exact_words`) matches exactly where a word meets them, and needs no run to say so.

`prepared` memoises each pattern's prepared form and saves it between runs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from designcoach.grading.text import translate

try:  # Python 3.11+ keeps the parser here; it is stable in practice and only used for speed
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c
    import sre_parse as _parser

try:
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover
    _EXTRA_CASES = {}

# re's IGNORECASE treats a few letters as equal beyond plain lowercasing (i and dotless i,
# s and long s, k and the Kelvin sign, ...). Folding each such class to one letter keeps the
# literal check conservative: it may keep a sentence the regex then rejects, never the reverse.
_CANON: dict[int, int] = {}
for _low, _others in _EXTRA_CASES.items():
    _members = (_low, *_others)
    for _m in _members:
        if _m != min(_members):
            _CANON[_m] = min(_members)
# The one character whose lowercase is two characters; map it first so lengths stay equal.
# Curly single quotes (as pasted from a word processor) read as the ASCII apostrophe, so
# "can’t" meets a pattern's "can't" (patterns are folded alike, so "['’]" still matches).
_PRE = {0x130: "i", 0x2018: "'", 0x2019: "'"}


def fold(text: str) -> str:
    """Case-fold for the literal check; the result has the same length as `text`."""
    if text.isascii():
        return text.lower()
    return translate(translate(text, _PRE).lower(), _CANON)


LiteralSet = frozenset[str]  # one of these must occur
Requirement = tuple[LiteralSet, ...]  # every set must be met
Literals = tuple[Requirement, ...] | None  # one requirement per pattern; None: cannot tell
# Looking a literal up costs next to nothing (literal_index.Plan remembers it per word), so every
# set that narrows the sentences down is kept, short literals included.
MAX_SETS = 3
MAX_ALTERNATIVES = 24


def _fold_code(code: int) -> str:
    return fold(chr(code))


def _selectivity(cand: LiteralSet) -> float:
    """Higher for sets that rule out more sentences: long literals, few alternatives."""
    return min(map(_size, cand)) - 1.5 * math.log2(len(cand))


WORD_START = "\x00"  # marks a literal that starts a word: some word begins with it
WHOLE_WORD = "\x01"  # marks a literal that is a whole word
DIGIT = "\x02"  # the literal for `\d`: some character of the sentence is a decimal digit


def is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _literals(run: str, word_start: bool) -> list[LiteralSet]:
    """What a run of literal characters requires: its longest word (marked where it starts a
    word or is a whole word), and the run itself when it holds more than that word."""
    best = ""
    i, n = 0, len(run)
    while i < n:
        if is_word(run[i]) and (i > 0 or word_start) and (i == 0 or not is_word(run[i - 1])):
            j = i
            while j < n and is_word(run[j]):
                j += 1
            token = (WHOLE_WORD if j < n else WORD_START) + run[i:j]
            if len(token) > len(best):
                best = token
            i = j
        else:
            i += 1
    if not best:
        return [frozenset({run})]
    if len(best) - 1 == n:
        return [frozenset({best})]
    return [frozenset({best}), frozenset({run})]


def _class(items: list[tuple[Any, Any]]) -> LiteralSet | None:
    """The characters a class `[...]` can match, when it lists few enough of them."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(_fold_code(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_ALTERNATIVES:
            chars.update(_fold_code(c) for c in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.add(DIGIT)
        else:  # a negated class, a wide range, \w, \s, ...: anything could match
            return None
    return frozenset(chars) if 0 < len(chars) <= MAX_ALTERNATIVES else None


def _requirements(seq: Iterable[tuple[Any, Any]], word_start: bool = False) -> list[LiteralSet]:
    """Sets of literals such that every match contains one literal of each set."""
    found: list[LiteralSet] = []
    run: list[str] = []
    run_at_word = False
    boundary = word_start  # a \b just before the next element

    def flush() -> None:
        if run:
            found.extend(_literals("".join(run), run_at_word))
            run.clear()

    for op, av in seq:
        if op is _c.LITERAL and av:
            if not run:
                run_at_word = boundary
            run.append(_fold_code(av))
            boundary = False
            continue
        if op is _c.AT:  # zero width: the letters on both sides stay adjacent
            boundary = boundary or av is _c.AT_BOUNDARY
            continue
        flush()
        if op is _c.SUBPATTERN:
            found += _requirements(av[-1], boundary)
        elif op is _c.BRANCH:
            alts = [_best(_requirements(alt, boundary)) for alt in av[1]]
            if alts and all(alts):
                found.append(frozenset().union(*alts))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            found += _requirements(av[2], boundary)
        elif op is _c.IN:
            chars = _class(av)
            if chars:
                found.append(chars)
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            found.append(frozenset({DIGIT}))
        boundary = False
    flush()
    return [f for f in found if all(_useful(lit) for lit in f)]


def _useful(literal: str) -> bool:
    """Worth looking up: a digit, a word or a piece of one of two characters or more (one
    letter is in most words), or any string with something besides white space."""
    if literal == DIGIT:
        return True
    text = literal.lstrip(WORD_START + WHOLE_WORD)
    if literal != text or all(map(is_word, text)):
        return len(text) >= 2
    return bool(text.strip())


def _size(literal: str) -> int:
    return len(literal) - (literal[:1] in (WORD_START, WHOLE_WORD, DIGIT))


def is_searched(literal: str) -> bool:
    """Whether a literal holds a non-word character, so must be searched for in each sentence
    (the others are words, word starts, pieces of words or a digit: looked up per word)."""
    return not (literal[:1] in (WORD_START, WHOLE_WORD, DIGIT) or all(map(is_word, literal)))


def _best(sets: list[LiteralSet]) -> LiteralSet | None:
    """The set to stand for an alternative: looked up rather than searched for, if it can be."""
    if not sets:
        return None
    return max(sets, key=lambda s: (not any(map(is_searched, s)), _selectivity(s)))


def requirement(pattern: str) -> Requirement | None:
    """The most selective literal sets every match of `pattern` meets (case-folded), or None."""
    try:
        sets = _requirements(_parser.parse(pattern, re.IGNORECASE).data)
    except Exception:  # noqa: BLE001 - an odd pattern just loses the shortcut
        return None
    sets = [s for s in sets if len(s) <= MAX_ALTERNATIVES]
    if not sets:
        return None
    return tuple(sorted(set(sets), key=_selectivity, reverse=True)[:MAX_SETS])


def union_literals(patterns: Sequence[str]) -> Literals:
    """Per pattern, what a sentence must hold for it to match; None if some pattern can't tell."""
    out = []
    for pattern in patterns:
        req = requirement(pattern)
        if req is None:
            return None
        out.append(req)
    return tuple(out)


# Patterns that say no more than which words a text has: `\bchats?\b`, `\b(ack|acks)\b`,
# `\bmessag\w*`. Only letters, digits, groups, `|`, `?` and the escapes \b and \w are allowed.
_EXACT_SYNTAX = re.compile(r"(?:\\[bw]|\(\?:|\((?!\?)|[)|?*]|\w)*")
_WORD_BOUNDARY = (_c.AT, _c.AT_BOUNDARY)


def exact_words(pattern: str) -> LiteralSet | None:
    """The words (marked whole, or as word starts) a text matches `pattern` exactly where one of
    its words is, or None: for `\\b(ack|acks)\\b`, the whole words "ack" and "acks"; for
    `\\bmessag\\w*`, words starting with "messag"."""
    if not _EXACT_SYNTAX.fullmatch(pattern):
        return None
    try:
        data = list(_parser.parse(pattern, re.IGNORECASE).data)
    except re.error:
        return None
    if len(data) < 2 or data[0] != _WORD_BOUNDARY:
        return None
    body, mark = data[1:], WORD_START  # \bmessag: some word starts with "messag"
    if data[-1] == _WORD_BOUNDARY:
        body, mark = data[1:-1], WHOLE_WORD
    elif _is_word_run(data[-1]):  # \bmessag\w*: the same
        body = data[1:-1]
    # (fast_boundaries drops the \b before an optional group: `\b(a)?b` is not `\b(a)?b` then)
    if not body or body[0][0] in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return None
    words = _words(body)
    if not words or "" in words:
        return None
    return frozenset(mark + w for w in words)


def _is_word_run(item: tuple[Any, Any]) -> bool:
    """Whether a parsed item is `\\w*` (or `\\w*?`)."""
    op, av = item
    return (
        op in (_c.MAX_REPEAT, _c.MIN_REPEAT)
        and av[:2] == (0, _c.MAXREPEAT)
        and list(av[2]) == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_WORD)])]
    )


def _words(seq: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """Every string (case-folded) a parsed sequence of word characters, groups, branches and
    optional parts can match, or None if it holds anything else or too many strings."""
    out = {""}
    for op, av in seq:
        if op is _c.LITERAL and is_word(chr(av)):
            alts: set[str] | None = {_fold_code(av)}
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            alts = _words(av[3])
        elif op is _c.BRANCH:
            each = [_words(alt) for alt in av[1]]
            alts = None if None in each else set().union(*each)  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[:2] == (0, 1):
            alts = _words(av[2])
            alts = None if alts is None else alts | {""}
        else:
            return None
        if alts is None:
            return None
        out = {a + b for a in out for b in alts}
        if len(out) > MAX_ALTERNATIVES:
            return None
    return out
