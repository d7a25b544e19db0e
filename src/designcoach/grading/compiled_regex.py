"""Compiled rubric regexes kept between runs: a cold `grade` rebuilds them without re's parser.

`re.compile` parses and compiles in Python: for the hundred-odd rubric patterns a grade uses,
that is about 60 ms, a third of a cold run. The result is a list of integers for the C
matcher; this module saves that list (with the pattern's flags and groups) and later hands it
straight to `_sre.compile`, which checks the code before using it. The saved lists are only
valid for the same `_sre` engine, so the cache file is named after its MAGIC number, and any
failure falls back to `re.compile`.
"""

from __future__ import annotations

import re
from typing import Any

try:  # CPython's engine and compiler; without them everything goes through re.compile
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]

    ENGINE = f"sre{_sre.MAGIC}-{_sre.CODESIZE}"
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None
    ENGINE = "none"

_CODES: dict[str, list[Any]] = {}  # source -> [flags, code, groups, groupindex]
_new = False


def compile_source(source: str) -> re.Pattern[str]:
    """`re.compile(source)`, from the saved code when there is some (raises re.error like it)."""
    global _new
    saved = _CODES.get(source)
    if saved is not None:
        rx = _rebuild(source, saved)
        if rx is not None:
            return rx
    rx = re.compile(source)
    code = _code_of(source, rx)
    if code is not None:
        _CODES[source] = code
        _new = True
    return rx


def _rebuild(source: str, saved: list[Any]) -> re.Pattern[str] | None:
    try:
        flags, code, groups, groupindex = saved
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, i in groupindex.items():
            indexgroup[i] = name
        rx = _sre.compile(source, flags, code, groups, groupindex, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - a stale or damaged entry: compile it afresh
        return None
    return rx if isinstance(rx, re.Pattern) else None


def _code_of(source: str, rx: re.Pattern[str]) -> list[Any] | None:
    """What `_sre.compile` needs to rebuild `rx`, as re's own compiler makes it."""
    if _sre is None:
        return None
    try:
        parsed = _parser.parse(source, 0)
        code = _compiler._code(parsed, 0)
        saved = [parsed.state.flags, code, parsed.state.groups - 1, dict(parsed.state.groupdict)]
        again = _rebuild(source, saved)
    except Exception:  # noqa: BLE001 - re's internals moved: just don't save it
        return None
    # Only what rebuilds into the same pattern is kept.
    if again is None or (again.flags, again.groups, again.groupindex) != (
        rx.flags,
        rx.groups,
        rx.groupindex,
    ):
        return None
    return saved


def load(data: Any) -> None:
    """Add saved codes (from `dump`); entries of the wrong shape are ignored."""
    if not isinstance(data, dict) or data.get("engine") != ENGINE:
        return
    codes = data.get("codes")
    if isinstance(codes, dict):
        for source, saved in codes.items():
            if isinstance(saved, list) and len(saved) == 4:
                _CODES.setdefault(source, saved)


def dump() -> dict[str, Any]:
    return {"engine": ENGINE, "codes": dict(_CODES)}


def changed() -> bool:
    """Whether codes were added since the last `saved()`."""
    return _new


def saved() -> None:
    global _new
    _new = False
