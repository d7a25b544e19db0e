"""Matching: which sentences of an answer each rubric pattern matches, found fast.

Patterns are prepared in `patterns` (case-folded, rewritten, read for their literals). Here an
`Index` of the answer finds the sentences holding a pattern's literals, with a word index for
literals that start a word and `str.find` for the rest, and the regex runs only on those.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from designcoach.grading.patterns import (
    WHOLE_WORD,
    WORD_START,
    Literals,
    LiteralSet,
    compile_prepared,
    fold,
    is_word,
    prepare,
)
from designcoach.grading.text import Sentence

__all__ = ["Index", "Matcher", "Part", "cached", "fold"]


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


class Index:
    """The folded answer and its sentences, for finding which sentences hold a literal."""

    __slots__ = ("folded", "sentences", "texts", "starts", "ends", "_seen", "_words", "_sorted")

    def __init__(self, folded: str, sentences: Sequence[Sentence]) -> None:
        self.folded = folded
        self.sentences = sentences
        self.texts = [folded[s.start : s.end] for s in sentences]  # folded sentence texts
        self.starts = [s.start for s in sentences]
        self.ends = [s.end for s in sentences]
        self._seen: dict[str, set[int]] = {}
        self._words: dict[str, set[int]] | None = None
        self._sorted: list[str] = []

    def _word_index(self) -> dict[str, set[int]]:
        """Each word (a run of regex word characters) and the sentences that hold it."""
        if self._words is None:
            table = _WORD_SEPARATORS
            if not self.folded.isascii():
                extra = {
                    ord(ch): " " for ch in set(self.folded) if not ch.isascii() and not is_word(ch)
                }
                table = {**table, **extra}
            words: dict[str, set[int]] = {}
            for idx, text in enumerate(self.texts):
                for word in set(text.translate(table).split()):
                    hit = words.get(word)
                    if hit is None:
                        words[word] = {idx}
                    else:
                        hit.add(idx)
            self._words = words
            self._sorted = sorted(words)
        return self._words

    def _holding(self, lit: str) -> set[int]:
        hit = self._seen.get(lit)
        if hit is not None:
            return hit
        found: set[int] = set()
        head = lit[0]
        if head in (WHOLE_WORD, WORD_START):
            words = self._words if self._words is not None else self._word_index()
            token = lit[1:]
            if head == WHOLE_WORD:
                found = words.get(token) or set()
                self._seen[lit] = found
                return found
            ordered = self._sorted
            i = bisect_left(ordered, token)
            while i < len(ordered) and ordered[i].startswith(token):
                found |= words[ordered[i]]
                i += 1
            self._seen[lit] = found
            return found
        find, starts, ends, size = self.folded.find, self.starts, self.ends, len(lit)
        pos = find(lit)
        while pos >= 0:
            idx = bisect_right(starts, pos) - 1
            if idx >= 0 and pos + size <= ends[idx]:
                found.add(idx)
                pos = find(lit, ends[idx])
            else:
                pos = find(lit, pos + 1)
        self._seen[lit] = found
        return found

    def matches(self, matcher: Matcher) -> dict[int, list[tuple[int, int]]]:
        """For each sentence the matcher matches: the spans, in its folded text."""
        texts = self.texts
        found: dict[int, list[tuple[int, int]]] = {}
        for part in matcher.parts:
            req = None if part.requirement is None else (part.requirement,)
            for i in self.candidates(req):
                spans = [m.span() for m in part.rx.finditer(texts[i])]
                if spans:
                    if i in found:
                        found[i].extend(spans)
                    else:
                        found[i] = spans
        return found

    def _meeting(self, literals: LiteralSet) -> set[int]:
        seen = self._seen
        if len(literals) == 1:
            lit = next(iter(literals))
            hit = seen.get(lit)
            return hit if hit is not None else self._holding(lit)
        found: set[int] = set()
        for lit in literals:
            hit = seen.get(lit)
            found |= hit if hit is not None else self._holding(lit)
        return found

    def candidates(self, literals: Literals) -> Iterable[int]:
        """Indexes of the sentences that may match: those meeting some pattern's requirement."""
        if literals is None:
            return range(len(self.sentences))
        found: set[int] = set()
        texts = self.texts
        for req in literals:
            hit = self._meeting(req[0])
            for more in req[1:]:
                if not hit:
                    break
                # A few sentences left: look in each rather than scanning the whole answer.
                plain = [lit.lstrip(WORD_START + WHOLE_WORD) for lit in more]
                hit = {i for i in hit if any(p in texts[i] for p in plain)}
            found |= hit
        return sorted(found)


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
