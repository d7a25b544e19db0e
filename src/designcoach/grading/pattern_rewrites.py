"""Rewrites of a rubric pattern that match alike and search faster (see `patterns`).

- `lower_pattern`: the literal letters folded like `patterns.fold`, so the pattern runs without
  IGNORECASE on the folded answer.
- `fast_boundaries`: a `\\b` that starts the pattern, a group or an alternative moves past the
  first letter, so re can skip ahead to that letter; branches sharing a first letter test it once.
"""

from __future__ import annotations

import re

from designcoach.grading.patterns import fold

__all__ = ["fast_boundaries", "lower_pattern"]


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
_LEADING_BOUNDARY = re.compile(r"(^|\||\((?:\?:)?)\\b([a-z0-9]|\\d)(?![?*+{])")


_LEADING_GROUP = re.compile(r"(^|\||\((?:\?:)?)\\b(\((?:\?:)?)")
_FIRST_LETTER = re.compile(r"[a-z0-9](?![?*+{])")


def _class_end(pattern: str, start: int) -> int:
    """Index of the "]" closing the class `[...]` opened at `start` ("]" first in it, or
    after its "^", is a literal), or the pattern's length."""
    i, n = start + 1, len(pattern)
    if pattern.startswith("^", i):
        i += 1
    if pattern.startswith("]", i):
        i += 1
    while i < n and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i


def _group_end(pattern: str, start: int) -> int:
    """Index of the ")" closing the group opened at `start`, or -1."""
    depth, i, n = 0, start, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _split_alternatives(body: str) -> list[str]:
    """Top-level alternatives of a group body."""
    parts, depth, last, i = [], 0, 0, 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(body, i)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(body[last:i])
            last = i + 1
        i += 1
    parts.append(body[last:])
    return parts


def _by_first_letter(alts: list[str]) -> str:
    """`send|sends|fetch` -> `s(?<!\\w.)(?:end|ends)|f(?<!\\w.)etch`: re tests each letter once.

    Branches that start with different letters never match at the same place, so only the
    order among those sharing a letter counts, and it is kept. Branches are brought together
    from apart only when none holds a parenthesis: moving a group would renumber it.
    """
    runs: list[tuple[str, list[str]]] = []
    if any("(" in a for a in alts):
        for a in alts:
            if runs and runs[-1][0] == a[0]:
                runs[-1][1].append(a[1:])
            else:
                runs.append((a[0], [a[1:]]))
    else:
        by_letter: dict[str, list[str]] = {}
        for a in alts:
            by_letter.setdefault(a[0], []).append(a[1:])
        runs = list(by_letter.items())
    return "|".join(
        f"{letter}(?<!\\w.){rests[0]}"
        if len(rests) == 1
        else f"{letter}(?<!\\w.)(?:{'|'.join(rests)})"
        for letter, rests in runs
    )


def _distribute(pattern: str) -> str:
    """`\\b(send|fetch)` -> `(s(?<!\\w.)end|f(?<!\\w.)etch)`, when every branch starts with a letter."""
    out, pos = [], 0
    for m in _LEADING_GROUP.finditer(pattern):
        if m.start() < pos:
            continue
        open_at = m.start(2)
        close = _group_end(pattern, open_at)
        if close < 0:
            continue
        body = pattern[m.end(2) : close]
        # A repeated group keeps its \b: moved inside, it would bind only the first repeat, and
        # an optional group could then be skipped with no boundary left (`\b(a|b)?c` would find
        # the "c" of "xc"). A group with a class and a \b inside is left alone too.
        if pattern[close + 1 : close + 2] in ("?", "*", "+", "{") or (
            "[" in body and "\\b" in body
        ):
            continue
        alts = _split_alternatives(body)
        if not all(_FIRST_LETTER.match(a) for a in alts):
            continue
        moved = _by_first_letter(alts)
        out.append(pattern[pos : m.start()] + m.group(1) + m.group(2) + moved + ")")
        pos = close + 1
    out.append(pattern[pos:])
    return "".join(out)


def fast_boundaries(pattern: str) -> str:
    """Move a `\\b` that starts the pattern, a group or an alternative past its first letter."""
    pattern = _distribute(pattern)
    return _LEADING_BOUNDARY.sub(lambda m: f"{m.group(1)}{m.group(2)}(?<!\\w.)", pattern)
