"""Matching: which sentences of an answer each rubric pattern matches, found fast.

Patterns are prepared in `patterns` (case-folded, rewritten, read for their literals). A
rubric's `Plan` numbers every set of literals its patterns need (a pattern needs one literal of
each of its sets) and remembers, for each word it has met, which of those sets the word meets.
An `Index` of one answer then knows, per set, the sentences meeting it (a bit set), so a
pattern's candidate sentences cost an AND or two, and its regex runs only on them. Literals are only a filter: a sentence the
filter keeps is still checked by the regex, so results are those of running every pattern on
every sentence (tests/unit/test_matching_reference.py holds that plain way).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from designcoach.grading.patterns import (
    DIGIT,
    WHOLE_WORD,
    WORD_START,
    compile_prepared,
    fold,
    is_searched,
    is_word,
    prepare,
)
from designcoach.grading.text import Sentence, digit_sentences, non_ascii, translate

__all__ = ["Index", "Matcher", "Part", "Plan", "cached", "fold"]


class Part:
    """One pattern, compiled (on first use) for folded text, and what a sentence must hold."""

    __slots__ = ("pattern", "source", "requirement", "_rx")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.source, self.requirement = prepare(pattern)
        self._rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        # Compiled lazily: most patterns meet no sentence of a given answer and never run.
        if self._rx is None:
            self._rx = compile_prepared(self.pattern, self.source)
        return self._rx


@dataclass(frozen=True, slots=True)
class Matcher:
    """A group of patterns (any may match), each pre-selecting its own sentences.

    Kept apart rather than joined into one regex: each then runs only where its own literals
    are, and re can use a pattern's literal prefix to skip ahead.
    """

    parts: tuple[Part, ...]

    @classmethod
    def of(cls, patterns: Sequence[str]) -> Matcher:
        return cls(tuple(Part(p) for p in patterns))

    def spans(self, folded: str) -> list[tuple[int, int]]:
        """Where any of the patterns matches a case-folded text."""
        return [m.span() for part in self.parts for m in part.rx.finditer(folded)]

    def search(self, folded: str) -> bool:
        return any(part.rx.search(folded) for part in self.parts)

    def first(self, folded: str) -> re.Match[str] | None:
        """A match of the first pattern that matches, or None."""
        for part in self.parts:
            found = part.rx.search(folded)
            if found:
                return found
        return None


# Every ASCII character that is not a regex word character separates words.
_WORD_SEPARATORS = {c: " " for c in range(128) if not is_word(chr(c))}
_HEAD = 3  # word literals are filed under their first (up to) three characters
_MEMO_LIMIT = 200_000  # words remembered per rubric before starting afresh

# What a pattern needs: the numbers of its literal sets (each met) and strings found only by
# searching the sentence (one of each tuple, checked in the few sentences the sets leave);
# None: any sentence.
Need = tuple[tuple[int, ...], tuple[tuple[str, ...], ...]] | None
_UNPLANNED: Any = object()  # what `Plan.needs` gives for a pattern it was not made with


class Plan:
    """A rubric's literal sets, numbered, and which of them each word met so far meets."""

    __slots__ = (
        "needs",
        "_whole",
        "_starts",
        "_inner",
        "digit_sets",
        "size",
        "_sets_of",
        "_memo",
        "_hits",
        "_parts",
    )

    def __init__(self, parts: Iterable[Part]) -> None:
        numbers: dict[str, int] = {}
        sets: dict[tuple[int, ...], int] = {}  # a set of literal numbers -> the set's number
        self.needs: dict[int, Need] = {}  # by id() of the Part
        self._parts = list(parts)  # keeps those ids valid while the plan lives
        for part in self._parts:
            req = part.requirement
            if req is None:
                self.needs[id(part)] = None
                continue
            # A set with a literal that holds a non-word character (" most", "->") is searched
            # for; the others (words, word starts, pieces of words, a digit) are numbered.
            spans = tuple(
                tuple(sorted({lit.lstrip(WORD_START + WHOLE_WORD) for lit in s}))
                for s in req
                if any(map(is_searched, s)) and DIGIT not in s  # (a digit is not a string)
            )
            words = tuple(
                sets.setdefault(
                    tuple(sorted({numbers.setdefault(lit, len(numbers)) for lit in s})), len(sets)
                )
                for s in req
                if not any(map(is_searched, s))
            )
            self.needs[id(part)] = (words, spans)
        # Per literal number, the sets it meets: a word holding the literal meets all of them.
        self._sets_of: list[tuple[int, ...]] = [() for _ in numbers]
        for members, number in sets.items():
            for literal in members:
                self._sets_of[literal] += (number,)
        self._whole: dict[str, list[int]] = {}
        self._starts: dict[str, list[tuple[str, int]]] = {}
        self._inner: dict[str, list[tuple[str, int]]] = {}
        self.digit_sets: tuple[int, ...] = ()  # the sets a decimal digit meets
        for lit, number in numbers.items():
            head, token = lit[:1], lit[1:]
            if head == WHOLE_WORD:
                self._whole.setdefault(token, []).append(number)
            elif head == WORD_START:
                self._starts.setdefault(token[:_HEAD], []).append((token, number))
            elif lit == DIGIT:
                self.digit_sets = self._sets_of[number]
            else:
                self._inner.setdefault(lit[:_HEAD], []).append((lit, number))
        self.size = len(sets)
        self._memo: dict[str, tuple[int, ...]] = {}  # word -> the sets it meets
        self._hits: set[str] = set()  # memoised words that meet some set

    def _learn(self, words: Iterable[str]) -> None:
        """Work out which sets each new word meets (through the literals it holds)."""
        memo, starts, inner, sets_of = self._memo, self._starts, self._inner, self._sets_of
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
            self._hits.clear()
        for word in words:
            found = set(self._whole.get(word, ()))
            for size in range(1, _HEAD + 1):
                for token, number in starts.get(word[:size], ()):
                    if word.startswith(token):
                        found.add(number)
            if inner:
                for j in range(len(word)):
                    for size in range(1, _HEAD + 1):
                        for token, number in inner.get(word[j : j + size], ()):
                            if word.startswith(token, j):
                                found.add(number)
            memo[word] = tuple(sorted({s for number in found for s in sets_of[number]}))
            if found:
                self._hits.add(word)


class Index:
    """One answer's sentences (case-folded) and, per literal set of the plan, those meeting it."""

    __slots__ = ("folded", "sentences", "texts", "plan", "digits", "_bits", "_masks")

    def __init__(
        self, folded: str, sentences: Sequence[Sentence], plan: Plan | None = None
    ) -> None:
        self.folded = folded
        self.sentences = sentences
        self.texts = [folded[s.start : s.end] for s in sentences]  # folded sentence texts
        self.plan = plan
        self.digits = digit_sentences(folded, sentences)  # sentences holding a digit (bits)
        self._masks: dict[int, int] = {}  # candidate sentences (bits) by id() of a Part
        self._bits = self._scan(plan) if plan is not None else []

    def _scan(self, plan: Plan) -> list[int]:
        """Per literal set of the plan, the sentences meeting it (bits)."""
        folded = self.folded
        bits = [0] * plan.size
        table = _WORD_SEPARATORS
        if not folded.isascii():
            extra = {ord(ch): " " for ch in non_ascii(folded) if not is_word(ch)}
            table = {**table, **extra}
        memo = plan._memo
        # One translation for the whole answer (same length), sliced per sentence; set
        # operations at C speed leave only the words that hold a literal to loop over here.
        words = translate(folded, table)
        new = set(words.split()).difference(memo)
        if new:
            plan._learn(new)
        hits = plan._hits
        where: dict[str, int] = {}  # each word that holds a literal: its sentences (bits)
        get = where.get
        for idx, s in enumerate(self.sentences):
            bit = 1 << idx
            for word in hits.intersection(words[s.start : s.end].split()):
                where[word] = get(word, 0) | bit
        for word, mask in where.items():
            for number in memo[word]:
                bits[number] |= mask
        for number in plan.digit_sets:
            bits[number] |= self.digits
        return bits

    def _candidates(self, part: Part) -> int:
        """The sentences (as bits) that hold what the part needs."""
        key = id(part)
        mask = self._masks.get(key)
        if mask is None:
            need = self.plan.needs.get(key, _UNPLANNED) if self.plan else _UNPLANNED
            if need is _UNPLANNED:
                mask = self._plain_candidates(part)
            elif need is None:
                mask = (1 << len(self.texts)) - 1
            else:
                bits = self._bits
                mask = (1 << len(self.texts)) - 1
                words, spans = need
                for number in words:
                    mask &= bits[number]
                    if not mask:
                        break
                if mask and spans:
                    if not words:  # nothing else to go on: is it in the answer at all?
                        folded = self.folded
                        if not all(any(lit in folded for lit in one) for one in spans):
                            mask = 0
                    # A substring test per sentence costs far less than the regex it saves.
                    if mask:
                        mask = self._holding(mask, spans)
            self._masks[key] = mask
        return mask

    def _holding(self, mask: int, spans: tuple[tuple[str, ...], ...]) -> int:
        """The sentences of `mask` that hold one string of each tuple."""
        texts, rest = self.texts, mask
        while rest:
            low = rest & -rest
            rest ^= low
            text = texts[low.bit_length() - 1]
            for one in spans:  # plain loops: all()/any() over generators cost more than the tests
                for lit in one:
                    if lit in text:
                        break
                else:
                    mask ^= low
                    break
        return mask

    def _plain_candidates(self, part: Part) -> int:
        """For a pattern outside the plan: sentences holding its literals, by plain search."""
        mask = (1 << len(self.texts)) - 1
        for literals in part.requirement or ():
            if DIGIT in literals:  # any sentence with a digit: not worth a special case here
                continue
            plain = [lit.lstrip(WORD_START + WHOLE_WORD) for lit in literals]
            one = 0
            for idx, text in enumerate(self.texts):
                if any(p in text for p in plain):
                    one |= 1 << idx
            mask &= one
        return mask

    def matches(self, matcher: Matcher) -> dict[int, list[tuple[int, int]]]:
        """For each sentence the matcher matches: the spans, in its folded text."""
        texts = self.texts
        found: dict[int, list[tuple[int, int]]] = {}
        for part in matcher.parts:
            mask = self._candidates(part)
            if not mask:
                continue
            finditer = part.rx.finditer
            while mask:
                low = mask & -mask
                i = low.bit_length() - 1
                mask ^= low
                spans = [m.span() for m in finditer(texts[i])]
                if spans:
                    if i in found:
                        found[i].extend(spans)
                    else:
                        found[i] = spans
        return found  # in the order first found: pattern by pattern, then sentence by sentence

    def matched(self, matcher: Matcher) -> list[int]:
        """The sentences the matcher matches, in the order `matches` finds them (by search:
        no spans, and no later pattern tried on a sentence an earlier one matched)."""
        texts = self.texts
        found, order = 0, []
        for part in matcher.parts:
            mask = self._candidates(part) & ~found
            search = part.rx.search
            while mask:
                low = mask & -mask
                mask ^= low
                if search(texts[low.bit_length() - 1]):
                    found |= low
                    order.append(low.bit_length() - 1)
        return order

    def spans_in(self, matcher: Matcher, idx: int) -> list[tuple[int, int]]:
        """`matches(matcher)[idx]` (or [] where it has none): every pattern's spans in order."""
        bit, text = 1 << idx, self.texts[idx]
        return [
            m.span()
            for part in matcher.parts
            if self._candidates(part) & bit
            for m in part.rx.finditer(text)
        ]

    def matching(self, matcher: Matcher) -> int:
        """The sentences (as bits) the matcher matches somewhere: `matches` without the spans."""
        found = 0
        for idx in self.matched(matcher):
            found |= 1 << idx
        return found

    def first(self, matcher: Matcher, idx: int) -> re.Match[str] | None:
        """`matcher.first` on sentence `idx`, skipping patterns it lacks the literals of."""
        bit = 1 << idx
        text = self.texts[idx]
        for part in matcher.parts:
            if self._candidates(part) & bit:
                found = part.rx.search(text)
                if found:
                    return found
        return None


V = TypeVar("V")
_CACHE: dict[int, tuple[object, object]] = {}


def cached(owner: object, build: Callable[[], V]) -> V:
    """Memoise `build()` for one content object (by identity; the object is kept alive)."""
    key = id(owner)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is owner:
        return hit[1]  # type: ignore[return-value]
    if len(_CACHE) > 512:
        _CACHE.clear()
    value = build()
    _CACHE[key] = (owner, value)
    return value
