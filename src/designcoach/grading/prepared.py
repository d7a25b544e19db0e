"""Prepared patterns: each rubric pattern folded and rewritten for speed (`patterns`), with its
literal requirement, memoised, and saved between runs by the CLI.

Reading a pattern's parse tree in Python costs more than everything else in a cold `grade`, so
the prepared forms and the compiled regexes (`compiled_regex`) are written to a cache file
named after the Python version and the regex engine, and read back on the next run.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

from designcoach.grading import compiled_regex
from designcoach.grading.pattern_rewrites import fast_boundaries, lower_pattern
from designcoach.grading.patterns import (
    Requirement,
    exact_words,
    requirement,
)

# Prepared forms of patterns (the rewritten regex, its literal requirement, and whether that
# requirement is exact), by pattern. The CLI saves them between runs (save_prepared and
# load_prepared): reading a pattern's parse tree in Python costs more than everything else in a
# cold `grade`.
PREPARED_VERSION = 10
Prepared = tuple[str, Requirement | None, bool]
_PREPARED: dict[str, Prepared] = {}
_dirty = False


def cache_name() -> str:
    """File name for saved prepared patterns: parse trees differ between Python versions."""
    version = f"v{PREPARED_VERSION}-py{sys.version_info[0]}{sys.version_info[1]}"
    return f"grading-patterns-{version}-{compiled_regex.ENGINE}.json"


def prepare(pattern: str) -> Prepared:
    """The folded, rewritten form of a pattern, its literal requirement, and whether meeting
    the requirement is matching (see `exact_words`) (memoised)."""
    global _dirty
    hit = _PREPARED.get(pattern)
    if hit is None:
        source = fast_boundaries(lower_pattern(pattern))
        words = exact_words(pattern)
        hit = (source, (words,), True) if words else (source, requirement(pattern), False)
        _PREPARED[pattern] = hit
        _dirty = True
    return hit


def load_prepared(path: Path) -> None:
    """Add the prepared patterns saved at `path` (a missing or bad file is ignored)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != PREPARED_VERSION:
            return
        for pattern, (source, req, exact) in data["patterns"].items():
            requirement_ = None if req is None else tuple(frozenset(s) for s in req)
            _PREPARED.setdefault(pattern, (source, requirement_, bool(exact)))
        compiled_regex.load(data.get("regex"))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return


def save_prepared(path: Path) -> None:
    """Save the prepared patterns and compiled regexes if new ones were made (atomically;
    errors are ignored)."""
    global _dirty
    if not _dirty and not compiled_regex.changed():
        return
    data = {
        "version": PREPARED_VERSION,
        "patterns": {
            p: [src, None if req is None else [sorted(s) for s in req], exact]
            for p, (src, req, exact) in _PREPARED.items()
        },
        "regex": compiled_regex.dump(),
    }
    try:
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
        _dirty = False
        compiled_regex.saved()
    except OSError:
        return


def compile_prepared(pattern: str, source: str) -> re.Pattern[str]:
    """Compile a prepared pattern; if the rewrite broke it, the original, case-insensitively."""
    try:
        return compiled_regex.compile_source(source)
    except re.error:
        return re.compile(pattern, re.IGNORECASE)
