"""The literal index: which sentences of an answer each rubric pattern can match, found fast.

A rubric's `Plan` numbers every set of literals its patterns need (a pattern needs one literal
of each of its sets) and remembers, for each word it has met, the numbers of the sets the word
meets. An `Index` of one answer gathers the sentences holding each word (as bits), ORs them into
the column of every set the word meets (the sentences meeting that set), and ANDs each
pattern's columns into its candidate sentences; a pattern's regex runs only on its candidates.
Literals are only a filter: a sentence the filter keeps is still checked by the regex, so
results are those of running every pattern on every sentence
(tests/unit/test_matching_reference.py holds that plain way). Only a pattern that says no more
than which words a sentence has (`\\bchats?\\b`, see `patterns.exact_words`) is not run to
learn whether it matches: its candidates are the sentences it matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from operator import and_

from designcoach.grading.matching import ASCII_RX, UNICODE_RX, Matcher, Part, ascii_only
from designcoach.grading.patterns import (
    DIGIT,
    WHOLE_WORD,
    WORD_START,
    LiteralSet,
    is_searched,
    is_word,
)
from designcoach.grading.text import Sentence, digit_sentences, non_ascii, translate

__all__ = ["Index", "Plan"]


# Every ASCII character that is not a regex word character separates words.
_WORD_SEPARATORS = {c: " " for c in range(128) if not is_word(chr(c))}
_HEAD = 3  # word literals are filed under their first (up to) three characters
_MEMO_LIMIT = 200_000  # words remembered per rubric before starting afresh


class Plan:
    """A rubric's literal sets, numbered, and which of them each word met so far meets.

    A word's sets are remembered as their numbers (and the number after the last set when it
    holds a decimal digit): a column of the index, the sentences meeting a set, is then an OR of
    the sentences of each word that meets it.
    """

    __slots__ = (
        "_whole",
        "_starts",
        "_inner",
        "_literal_bits",
        "_digit_bits",
        "width",
        "whole_answer",
        "groups",
        "searched",
        "exact",
        "_memo",
    )

    def __init__(self, parts: Iterable[Part]) -> None:
        numbers: dict[str, int] = {}
        sets: dict[tuple[int, ...], int] = {}  # a set of literal numbers -> the set's number

        def numbered(literals: Iterable[str]) -> int:
            members = tuple(sorted({numbers.setdefault(lit, len(numbers)) for lit in literals}))
            return sets.setdefault(members, len(sets))

        def searched(literals: LiteralSet) -> tuple[int | None, tuple[str, ...]]:
            looked_up = [lit for lit in literals if not is_searched(lit)]
            strings = tuple(sorted(filter(is_searched, literals)))
            return (numbered(looked_up) if looked_up else None), strings

        by_count: dict[int, list[tuple[Part, tuple[int, ...]]]] = {}
        self.whole_answer: list[Part] = []  # parts whose candidates are every sentence
        # Parts with sets holding strings to search for in each sentence (" most", "->"): per
        # set, the number of the set of its other literals (or None) and the strings; and
        # whether the part has sets of words to go on at all.
        self.searched: list[tuple[Part, tuple[tuple[int | None, tuple[str, ...]], ...], bool]] = []
        planned = list(dict.fromkeys(parts))  # (a part met twice is planned once)
        self.exact = frozenset(part for part in planned if part.exact)
        for part in planned:
            req = part.requirement
            if req is None:
                self.whole_answer.append(part)
                continue
            # Words, word starts, pieces of words and a digit are looked up per word; a
            # literal holding a non-word character is searched for in each sentence.
            words = tuple(numbered(s) for s in req if not any(map(is_searched, s)))
            spans = tuple(searched(s) for s in req if any(map(is_searched, s)))
            if words:
                by_count.setdefault(len(words), []).append((part, words))
            else:
                self.whole_answer.append(part)
            if spans:
                self.searched.append((part, spans, bool(words)))
        # Parts by how many sets they need: the parts, and per place the set numbers there
        # (so that the Index ANDs the sets' sentences with map() over whole lists).
        self.groups = [
            (
                [part for part, _ in group],
                [list(place) for place in zip(*(w for _, w in group), strict=True)],
            )
            for _, group in sorted(by_count.items())
        ]
        # Per literal number, the sets it meets (bits): a word holding it meets all of them.
        self._literal_bits = [0] * len(numbers)
        for members, number in sets.items():
            for literal in members:
                self._literal_bits[literal] |= 1 << number
        self._whole: dict[str, list[int]] = {}
        self._starts: dict[str, list[tuple[str, int]]] = {}
        self._inner: dict[str, list[tuple[str, int]]] = {}
        width = len(sets) + 1  # a column per set, and one for "holds a digit"
        self._digit_bits = 1 << len(sets)  # what a word with a decimal digit meets
        for lit, number in numbers.items():
            head, token = lit[:1], lit[1:]
            if head == WHOLE_WORD:
                self._whole.setdefault(token, []).append(number)
            elif head == WORD_START:
                self._starts.setdefault(token[:_HEAD], []).append((token, number))
            elif lit == DIGIT:
                self._digit_bits |= self._literal_bits[number]
            else:
                self._inner.setdefault(lit[:_HEAD], []).append((lit, number))
        self.width = width
        self._memo: dict[str, tuple[int, ...]] = {}  # word -> the numbers of the sets it meets

    def learn(self, words: Iterable[str]) -> None:
        """Work out which sets each new word meets (through the literals it holds)."""
        memo, starts, inner = self._memo, self._starts, self._inner
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        for word in set(words).difference(memo):
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
            row = self._digit_bits if any(map(str.isdecimal, word)) else 0  # re's \d exactly
            for number in found:
                row |= self._literal_bits[number]
            memo[word] = _bit_numbers(row)


class _Candidates(dict[Part, int]):
    """Candidate sentences (bits) by part; a part outside the plan is worked out when asked."""

    __slots__ = ("_texts",)

    def __init__(self, texts: list[str]) -> None:
        super().__init__()
        self._texts = texts

    def __missing__(self, part: Part) -> int:
        mask = self[part] = _plain_candidates(part, self._texts)
        return mask


def _plain_candidates(part: Part, texts: list[str]) -> int:
    """For a pattern outside the plan: sentences holding its literals, by plain search."""
    mask = (1 << len(texts)) - 1
    for literals in part.requirement or ():
        if DIGIT in literals:  # any sentence with a digit: not worth a special case here
            continue
        plain = [lit.lstrip(WORD_START + WHOLE_WORD) for lit in literals]
        one = 0
        for idx, text in enumerate(texts):
            if any(p in text for p in plain):
                one |= 1 << idx
        mask &= one
    return mask


def _bit_numbers(bits: int) -> tuple[int, ...]:
    """The numbers of the bits set in `bits`, lowest first."""
    numbers = []
    while bits:
        low = bits & -bits
        numbers.append(low.bit_length() - 1)
        bits ^= low
    return tuple(numbers)


class Index:
    """One answer's sentences (case-folded) and, per pattern of the plan, those worth its regex."""

    __slots__ = ("folded", "sentences", "texts", "digits", "_masks", "_exact", "_rx")

    def __init__(
        self, folded: str, sentences: Sequence[Sentence], plan: Plan | None = None
    ) -> None:
        self.folded = folded
        self.sentences = sentences
        self.texts = [folded[s.start : s.end] for s in sentences]  # folded sentence texts
        self._masks = _Candidates(self.texts)  # candidate sentences (bits) by part
        self._rx = ASCII_RX if ascii_only(folded) else UNICODE_RX  # a part's regex for it
        self._exact = plan.exact if plan is not None else frozenset()
        if plan is None:
            self.digits = digit_sentences(folded, sentences)  # sentences holding a digit (bits)
        else:
            columns = self._columns(plan)
            self.digits = columns[-1]
            self._plan_candidates(plan, columns)

    def _columns(self, plan: Plan) -> list[int]:
        """Per literal set of the plan, and last for "holds a digit", the sentences meeting it."""
        folded, sentences = self.folded, self.sentences
        columns = [0] * plan.width
        if not sentences:
            return columns
        table = _WORD_SEPARATORS
        if not folded.isascii():
            extra = {ord(ch): " " for ch in non_ascii(folded) if not is_word(ch)}
            table = {**table, **extra}
        words = translate(folded, table)  # one translation for the whole answer (same length)
        # Per word, the sentences holding it (bits), then each word's sentences join the column
        # of every set the word meets: one OR per word and set, not per word met in a sentence.
        held: dict[str, int] = {}
        bit = 1
        for s in sentences:
            for word in words[s.start : s.end].split():
                held[word] = held.get(word, 0) | bit
            bit <<= 1
        memo = plan._memo
        try:
            met = [memo[word] for word in held]
        except KeyError:  # a word not met before: learn the answer's new words
            plan.learn(held)
            met = [memo[word] for word in held]
        for numbers, mask in zip(met, held.values(), strict=True):
            for n in numbers:
                columns[n] |= mask
        return columns

    def _plan_candidates(self, plan: Plan, columns: list[int]) -> None:
        """Every planned part's candidates: the sentences meeting each of its sets, less
        those without the strings it must search for."""
        masks, full = self._masks, (1 << len(self.texts)) - 1
        masks.update(dict.fromkeys(plan.whole_answer, full))
        column = columns.__getitem__
        for parts, places in plan.groups:
            found: Iterable[int] = map(column, places[0])
            for place in places[1:]:
                found = map(and_, found, map(column, place))
            masks.update(zip(parts, found, strict=True))
        folded = self.folded
        for part, spans, has_sets in plan.searched:
            mask = masks[part]
            # With no sets to go on, first ask whether the strings are in the answer at all.
            if mask and not has_sets:
                for number, strings in spans:
                    if not (number is not None and columns[number]) and not any(
                        lit in folded for lit in strings
                    ):
                        mask = 0
                        break
            for number, strings in spans:
                if not mask:
                    break
                met = mask & columns[number] if number is not None else 0  # through a word
                if met != mask:
                    mask = met | self._holding(mask ^ met, strings)
            masks[part] = mask

    def _holding(self, mask: int, strings: tuple[str, ...]) -> int:
        """The sentences of `mask` that hold one of the strings (a substring test per
        sentence costs far less than the regex it saves)."""
        texts, rest = self.texts, mask
        while rest:
            low = rest & -rest
            rest ^= low
            text = texts[low.bit_length() - 1]
            for lit in strings:  # a plain loop: any() over a generator costs more than the tests
                if lit in text:
                    break
            else:
                mask ^= low
        return mask

    def matches(self, matcher: Matcher) -> dict[int, list[tuple[int, int]]]:
        """For each sentence the matcher matches: the spans, in its folded text."""
        masks, texts = self._masks, self.texts
        found: dict[int, list[tuple[int, int]]] = {}
        for part in matcher.parts:
            mask = masks[part]
            if not mask:
                continue
            finditer = self._rx(part).finditer
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

    def _search(self, matcher: Matcher) -> tuple[int, list[int]]:
        """The sentences the matcher matches (bits, and in the order `matches` finds them), by
        search: no spans, and no later pattern tried on a sentence an earlier one matched."""
        masks, texts = self._masks, self.texts
        found, order = 0, []
        for part in matcher.parts:
            mask = masks[part] & ~found
            if not mask:
                continue
            if part in self._exact:  # every candidate matches: no need to search
                found |= mask
                while mask:
                    low = mask & -mask
                    mask ^= low
                    order.append(low.bit_length() - 1)
                continue
            search = self._rx(part).search
            while mask:
                low = mask & -mask
                mask ^= low
                if search(texts[low.bit_length() - 1]):
                    found |= low
                    order.append(low.bit_length() - 1)
        return found, order

    def matched(self, matcher: Matcher) -> list[int]:
        """The sentences the matcher matches, in the order `matches` finds them."""
        return self._search(matcher)[1]

    def matching(self, matcher: Matcher) -> int:
        """The sentences (as bits) the matcher matches somewhere: `matches` without the spans."""
        return self._search(matcher)[0]

    def spans_in(self, matcher: Matcher, idx: int) -> list[tuple[int, int]]:
        """`matches(matcher)[idx]` (or [] where it has none): every pattern's spans in order."""
        masks, bit, text, rx = self._masks, 1 << idx, self.texts[idx], self._rx
        return [
            m.span() for part in matcher.parts if masks[part] & bit for m in rx(part).finditer(text)
        ]

    def first(self, matcher: Matcher, idx: int) -> re.Match[str] | None:
        """`matcher.first` on sentence `idx`, skipping patterns it lacks the literals of."""
        masks, bit, text, rx = self._masks, 1 << idx, self.texts[idx], self._rx
        for part in matcher.parts:
            if masks[part] & bit:
                found = rx(part).search(text)
                if found:
                    return found
        return None
