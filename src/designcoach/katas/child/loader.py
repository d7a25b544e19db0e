"""A pytest plugin that imports the solution before collection and records what went wrong.

Left to the test module's own import, a solution that exits, raises, or lacks a name the tests
import fails inside pytest's collection: the user reads INTERNALERROR lines or pytest's import
hints about its temporary folder. Imported here first, the failure is recorded as data for the
runner to word, and the tests are not collected at all.
"""

from __future__ import annotations

import importlib
import os
import traceback
from typing import Any

import pytest
from _designcoach_recorder import clip, emit

_FRAMES_KEPT = 10
_EXCEPTION_LIMIT = 4000
_MODULE = os.environ.get("DESIGNCOACH_KATA_MODULE", "")
_NAMES = [name for name in os.environ.get("DESIGNCOACH_KATA_NAMES", "").split(",") if name]
# Taken now: the solution may change the working directory before it fails.
_FILE = os.path.normcase(os.path.abspath(f"{_MODULE}.py"))


def _raised(exc: BaseException) -> dict[str, Any]:
    """The exception and the calls in the solution's own file, as Python would print them."""
    frames = [
        [frame.lineno, frame.name, (frame.line or "").strip()]
        for frame in traceback.extract_tb(exc.__traceback__)
        if os.path.normcase(os.path.abspath(frame.filename)) == _FILE
    ]
    return {
        "kind": "error",
        "type": type(exc).__name__,
        "exception": clip("".join(traceback.format_exception_only(exc)), _EXCEPTION_LIMIT),
        "frames": frames[-_FRAMES_KEPT:],
        "left_out": max(0, len(frames) - _FRAMES_KEPT),
    }


def _try_import() -> dict[str, Any] | None:
    """None when the solution imports and has every name the tests import, else the problem."""
    try:
        module = importlib.import_module(_MODULE)
    except SystemExit as exc:
        return {"kind": "exit", "code": None if exc.code is None else repr(exc.code)}
    except BaseException as exc:
        # Whatever the solution raises, KeyboardInterrupt included, is the user's to see.
        return _raised(exc)
    missing = [name for name in _NAMES if not hasattr(module, name)]
    return {"kind": "missing", "names": missing} if missing else None


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> bool | None:
    if not _MODULE:
        return None
    emit(event="importing")
    # Under pytest's capture, as in a test: reading stdin fails at once, prints stay out.
    capture = session.config.pluginmanager.getplugin("capturemanager")
    printed = ""
    if capture is not None:
        capture.resume_global_capture()
    try:
        problem = _try_import()
    finally:
        if capture is not None:
            capture.suspend_global_capture()
            printed = "".join(capture.read_global_capture())
    if problem is None:
        emit(event="imported")
        return None
    emit(event="import_failed", printed=clip(printed, 2000), **problem)
    return True  # skip collection: the test module would only import the solution again
