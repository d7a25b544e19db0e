"""Matching: a rubric's patterns, each compiled once, and the questions asked of one text.

Patterns are prepared in `prepared` (case-folded, rewritten, read for their literals). A `Part`
is one pattern with its regex (compiled on first use, with an ASCII-mode twin for ASCII text)
and what a sentence must hold for it to match; a `Matcher` is an item's or misconception's
patterns in order. Which sentences of a whole answer each pattern matches is found by
`literal_index.Index`, which runs a regex only on the sentences holding its literals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

from designcoach.grading import compiled_regex
from designcoach.grading.patterns import (
    fold,
)
from designcoach.grading.prepared import compile_prepared, prepare

__all__ = ["Matcher", "Part", "ascii_only", "cached", "fold"]


class Part:
    """One pattern, compiled (on first use) for folded text, and what a sentence must hold."""

    __slots__ = ("pattern", "source", "requirement", "exact", "_rx", "_ascii_rx")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        # exact: the pattern matches where a word meets its one literal set, and only there
        self.source, self.requirement, self.exact = prepare(pattern)
        # Compiled on first use: most patterns meet no sentence of a given answer and never run.
        self._rx: re.Pattern[str] | None = None
        self._ascii_rx: re.Pattern[str] | None = None

    @property
    def rx(self) -> re.Pattern[str]:
        """The regex, for folded text."""
        if self._rx is None:
            self._rx = compile_prepared(self.pattern, self.source)
        return self._rx

    @property
    def ascii_rx(self) -> re.Pattern[str]:
        r"""The same for a text that `ascii_only` accepts, where it matches alike: re's ASCII
        mode then tests \w, \b, \d and \s without the Unicode tables (about a sixth faster)."""
        if self._ascii_rx is None:
            self._ascii_rx = compile_ascii(self.source, self.rx)
        return self._ascii_rx


# Control characters that Unicode's \s counts as white space and ASCII's does not.
_SPACE_IN_UNICODE_ONLY = "\x1c\x1d\x1e\x1f"
UNICODE_RX = attrgetter("rx")
ASCII_RX = attrgetter("ascii_rx")


def ascii_only(text: str) -> bool:
    """Whether every pattern matches `text` alike in re's ASCII mode: the text is ASCII and
    holds none of the few characters the two modes class differently."""
    return text.isascii() and not any(ch in text for ch in _SPACE_IN_UNICODE_ONLY)


def compile_ascii(source: str, rx: re.Pattern[str]) -> re.Pattern[str]:
    """`source` in re's ASCII mode; `rx` itself where that mode cannot apply (a pattern that
    had to fall back to IGNORECASE, whose case rules differ between the modes, or sets flags
    of its own)."""
    if rx.pattern != source:
        return rx
    try:
        return compiled_regex.compile_source("(?a)" + source)
    except re.error:
        return rx


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
