"""A pytest plugin that appends one JSON line per event to DESIGNCOACH_KATA_RESULTS.

Lines are flushed as they happen, so the verdict survives a solution that kills the
process (os._exit) or hangs: the runner reads what was written before the end.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

_MESSAGE_LIMIT = 6000
_PRINTED_LIMIT = 2000
_path = os.environ.get("DESIGNCOACH_KATA_RESULTS")
# Opened at import, before any solution code runs, so a solution cannot close it first.
_out = open(_path, "a", encoding="utf-8") if _path else None  # noqa: SIM115


def emit(**record: Any) -> None:
    """Append one event as a JSON line, flushed at once."""
    if _out is not None:
        _out.write(json.dumps(record) + "\n")
        _out.flush()


def clip(text: str, limit: int) -> str:
    """`text`, or both ends of it when longer than `limit`."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return f"{text[:half]}\n... ({len(text) - limit} characters left out) ...\n{text[-half:]}"


def _message(report: pytest.TestReport | pytest.CollectReport) -> str:
    text = clip(report.longreprtext, _MESSAGE_LIMIT)
    printed = getattr(report, "capstdout", "") + getattr(report, "capstderr", "")
    if printed.strip():
        text += "\n--- printed during the test ---\n" + clip(printed, _PRINTED_LIMIT)
    return text


def pytest_collection_finish(session: pytest.Session) -> None:
    emit(event="collected", count=len(session.items))


def pytest_runtest_logstart(nodeid: str) -> None:
    emit(event="start", test=nodeid)


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.failed:
        emit(
            event="result",
            test=report.nodeid or "collection",
            outcome="error",
            message=_message(report),
        )


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.failed:
        outcome = "failed" if report.when == "call" else "error"
    elif report.skipped:
        outcome = "skipped"
    elif report.when == "call":
        outcome = "passed"
    else:
        return
    emit(
        event="result",
        test=report.nodeid,
        outcome=outcome,
        message=_message(report) if outcome != "passed" else "",
    )


def pytest_sessionfinish(exitstatus: int) -> None:
    emit(event="finished", exitstatus=int(exitstatus))
