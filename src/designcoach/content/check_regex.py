"""Checks on rubric regexes: they compile the way the grader joins them, match something real,
and do not make grading slow."""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Iterator
from typing import Any

from designcoach.content.catalog import Catalog
from designcoach.content.index import index_for
from designcoach.content.yamlio import ContentError, ContentWarning

# A sentence with no concept words in it: a pattern that matches nothing inside it, or nothing
# at all, would count as found in every answer.
_NEUTRAL = "The 3 quick brown foxes jumped over a lazy dog, then slept."


def rubric_patterns(rubric: Any) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every regex of a rubric with its location in the file."""
    for i, pattern in enumerate(rubric.topic):
        yield ("topic", i), pattern
    for i, item in enumerate(rubric.items):
        for key in ("detect", "explain"):
            for j, pattern in enumerate(getattr(item, key)):
                yield ("items", i, key, j), pattern
    for i, mis in enumerate(rubric.misconceptions):
        for j, pattern in enumerate(mis.detect):
            yield ("misconceptions", i, "detect", j), pattern


def raw_rubric_patterns(data: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str]]:
    """`rubric_patterns` of a rubric that failed validation, read from its YAML data: only the
    patterns that are strings where they belong (anything else is the validation's to say)."""

    def strings(value: Any) -> Iterator[tuple[int, str]]:
        if isinstance(value, list):
            yield from ((i, v) for i, v in enumerate(value) if isinstance(v, str))

    for i, pattern in strings(data.get("topic")):
        yield ("topic", i), pattern
    for key, fields in (("items", ("detect", "explain")), ("misconceptions", ("detect",))):
        entries = data.get(key)
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict):
                for field in fields:
                    for j, pattern in strings(entry.get(field)):
                        yield (key, i, field, j), pattern


@functools.lru_cache(maxsize=16384)  # three checks ask about the same thousands of patterns
def regex_problem(pattern: str) -> str | None:
    """Why a rubric regex cannot be used, or None when it is fine."""
    try:
        with warnings.catch_warnings():
            # Python warns where a future version will read the pattern differently ("[[").
            warnings.simplefilter("error", FutureWarning)
            # The grader joins patterns as (?:p)|(?:q), so each must also compile wrapped.
            for form in (pattern, f"(?:{pattern})"):
                compiled = re.compile(form, re.IGNORECASE)
    except re.error as exc:
        return f"regex {pattern!r} does not compile: {exc}"
    except FutureWarning as exc:
        return f"regex {pattern!r} is ambiguous ({exc}); escape the bracket or character"
    if compiled.search("") is not None or any(
        m.start() == m.end() for m in compiled.finditer(_NEUTRAL)
    ):
        return f"regex {pattern!r} matches the empty string, so it would match every answer"
    return None


def check_regexes(catalog: Catalog) -> Iterator[ContentError]:
    index = index_for(catalog)
    for doc, data in index.invalid_mappings("rubrics"):
        for loc, pattern in raw_rubric_patterns(data):
            problem = regex_problem(pattern)
            if problem:
                yield doc.error(problem, *loc)
    for doc in index.valid("rubrics"):
        for loc, pattern in rubric_patterns(doc.model):
            problem = regex_problem(pattern)
            if problem:
                yield doc.error(problem, *loc)
                continue
            slow = slow_regex(pattern)
            if slow:
                yield ContentWarning(doc.path, doc.line(*loc), slow)


_LEADING_LOOKAHEAD = re.compile(r"^(?:\\b)?\(\?[=!]")
_UNBOUNDED = re.compile(r"(?<!\\)(?:\.|\\[wWsSdD]|\])[*+]")


def slow_regex(pattern: str) -> str | None:
    """A warning for a pattern that opens with a look-ahead scanning to the end of the text.

    The regex engine tries such a look-ahead at every position of a sentence, so the cost grows
    with the square of its length: guards like `(?!.*not)claim` made grading 70 times slower.
    """
    if pattern.startswith(("^", "\\A")) or not _LEADING_LOOKAHEAD.match(pattern):
        return None
    start = pattern.index("(")
    body = pattern[start : _group_end(pattern, start)]
    if not _UNBOUNDED.search(body):
        return None
    return (
        f"regex {pattern[:40]!r}... opens with a look-ahead that scans the rest of the sentence "
        "from every position, which makes grading slow; begin with a cheap test for the claim's "
        "first word, e.g. \\b(?=images?\\b) before the guard"
    )


def _group_end(pattern: str, start: int) -> int:
    """The index just past the parenthesis that closes the group opening at `start`."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(pattern)
