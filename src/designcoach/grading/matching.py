"""Rubric matchers, compiled once per rubric and cached.

Two measured speed-ups (Python's `re` is slow with IGNORECASE and has no multi-pattern search):
- The answer is case-folded once (`fold`, same length as the text) and every pattern is
  compiled lower-cased without IGNORECASE (`lower_pattern`): about five times faster per search.
- Each pattern yields the literal text it cannot match without (read from the parsed pattern);
  a C-speed `str.find` of that literal picks the few sentences worth running the regex on.
  Patterns with no such literal run on every sentence, so neither shortcut changes a result.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from designcoach.grading.text import Sentence

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
_PRE = {0x130: "i"}


def fold(text: str) -> str:
    """Case-fold for the literal check; the result has the same length as `text`."""
    if text.isascii():
        return text.lower()
    return text.translate(_PRE).lower().translate(_CANON)


Literals = frozenset[str] | None  # any one of these must occur; None: cannot tell


def _fold_code(code: int) -> str:
    return fold(chr(code))


def _required(seq: Iterable[tuple[Any, Any]]) -> Literals:
    """The most selective set of literals, one of which every match must contain."""
    best: Literals = None
    run: list[str] = []

    def consider(cand: Literals) -> None:
        nonlocal best
        if cand and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    def flush() -> None:
        if run:
            consider(frozenset({"".join(run)}))
            run.clear()

    for op, av in seq:
        if op is _c.LITERAL:
            run.append(_fold_code(av))
            continue
        if op is _c.AT:  # zero width: the letters on both sides stay adjacent
            continue
        flush()
        if op is _c.SUBPATTERN:
            consider(_required(av[-1]))
        elif op is _c.BRANCH:
            alts = [_required(alt) for alt in av[1]]
            if alts and all(alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
    flush()
    return best


def required_literals(pattern: str) -> Literals:
    """Literals one of which any match of `pattern` must contain (case-folded), or None."""
    try:
        return _required(_parser.parse(pattern, re.IGNORECASE).data)
    except Exception:  # noqa: BLE001 - an odd pattern just loses the shortcut
        return None


def union_literals(patterns: Sequence[str]) -> Literals:
    out: set[str] = set()
    for pattern in patterns:
        lits = required_literals(pattern)
        if lits is None:
            return None
        out |= lits
    return frozenset(out)


def lower_pattern(pattern: str) -> str:
    """The pattern with its literal letters folded like `fold`; escapes (\\S, \\B, \\N{...}) kept."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "(" and pattern.startswith("(?P", i):  # named groups keep their capital P
            out.append("(?P")
            i += 3
            continue
        if ch == "\\" and i + 1 < n:
            if pattern[i + 1] == "N" and i + 2 < n and pattern[i + 2] == "{":
                close = pattern.find("}", i)
                stop = n if close < 0 else close + 1
                out.append(pattern[i:stop])
                i = stop
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        out.append(fold(ch))
        i += 1
    return "".join(out)


# `\bcassandra` scans slowly: re cannot skip ahead to a "c". `c(?<!\w.)assandra` means the
# same (no word character before the c) and lets re jump from one "c" to the next.
_LEADING_BOUNDARY = re.compile(r"(^|\||\((?:\?:)?)\\b([a-z0-9])(?![?*+{])")


def fast_boundaries(pattern: str) -> str:
    """Move a `\\b` that starts the pattern, a group or an alternative past its first letter."""
    return _LEADING_BOUNDARY.sub(lambda m: f"{m.group(1)}{m.group(2)}(?<!\\w.)", pattern)


def compile_any(patterns: Sequence[str]) -> re.Pattern[str]:
    """One pattern, for case-folded text (see `fold`), matching where any of `patterns` does."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    try:
        return re.compile(fast_boundaries(lower_pattern(joined)))
    except re.error:  # folding broke something odd: the slow, plain way still works
        return re.compile(joined, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Matcher:
    """A group of patterns as one regex plus the literals that pre-select sentences."""

    rx: re.Pattern[str]
    literals: Literals

    @classmethod
    def of(cls, patterns: Sequence[str]) -> Matcher:
        return cls(compile_any(patterns), union_literals(patterns))


class Index:
    """The folded answer and its sentences, for finding which sentences hold a literal."""

    __slots__ = ("folded", "sentences", "texts", "starts", "ends", "_seen")

    def __init__(self, folded: str, sentences: Sequence[Sentence]) -> None:
        self.folded = folded
        self.sentences = sentences
        self.texts = [folded[s.start : s.end] for s in sentences]  # folded sentence texts
        self.starts = [s.start for s in sentences]
        self.ends = [s.end for s in sentences]
        self._seen: dict[str, set[int]] = {}

    def _holding(self, lit: str) -> set[int]:
        hit = self._seen.get(lit)
        if hit is not None:
            return hit
        found: set[int] = set()
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

    def any_match(self, matcher: Matcher) -> bool:
        """Whether some sentence matches (stops at the first; for the relevance gate)."""
        texts = self.texts
        if matcher.literals is None:
            return any(matcher.rx.search(t) for t in texts)
        find, starts, ends = self.folded.find, self.starts, self.ends
        for lit in matcher.literals:
            pos = find(lit)
            while pos >= 0:
                idx = bisect_right(starts, pos) - 1
                if idx >= 0 and pos + len(lit) <= ends[idx]:
                    if matcher.rx.search(texts[idx]):
                        return True
                    pos = find(lit, ends[idx])
                else:
                    pos = find(lit, pos + 1)
        return False

    def candidates(self, literals: Literals) -> Iterable[int]:
        """Indexes of the sentences that may match: those holding one of the literals."""
        if literals is None:
            return range(len(self.sentences))
        if len(literals) == 1:
            return sorted(self._holding(next(iter(literals))))
        found: set[int] = set()
        for lit in literals:
            found |= self._holding(lit)
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
