"""What designcoach remembers about each kata: where it was started, the last check, hints seen.

Kept in one small JSON file under the data home, written atomically so a crash mid-write
never leaves a broken file behind.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from designcoach.paths import data_home

NOT_STARTED = "not started"
STARTED = "started"
FAILING = "failing"
PASSING = "passing"


def state_file() -> Path:
    return data_home() / "katas.json"


def load() -> dict[str, dict[str, Any]]:
    """Every kata's record. A file that cannot be read as one counts as empty rather than
    stopping the user, and is first moved aside (never deleted), with a line on stderr saying
    where, so the next save does not write over what it held."""
    try:  # DataHomeError is an OSError: without a usable home there is no record to read
        path = state_file()
        raw = path.read_bytes()
    except OSError:
        return {}
    try:
        data = json.loads(raw.decode("utf-8")) if raw.strip() else {"katas": {}}
    except ValueError:  # UnicodeDecodeError is one
        data = None
    katas = data.get("katas") if isinstance(data, dict) else None
    if not isinstance(katas, dict):
        _set_aside(path)
        return {}
    return {k: v for k, v in katas.items() if isinstance(v, dict)}


def _set_aside(path: Path) -> None:
    target = path.with_name(f"{path.stem}.{time.strftime('%Y%m%d-%H%M%S')}.damaged.json")
    try:
        os.replace(path, target)
    except OSError as exc:
        kept = f"it could not be moved aside ({exc.strerror or exc})"
    else:
        kept = f"it is kept as {target}"
    sys.stderr.write(
        f"designcoach: note: the kata record {path} could not be read, so kata progress starts "
        f"afresh; {kept}\n"
    )


def _save(katas: dict[str, dict[str, Any]]) -> None:
    path = state_file()
    fd, tmp = tempfile.mkstemp(prefix=".katas-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"format_version": 1, "katas": katas}, out, indent=2, sort_keys=True)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record(slug: str) -> dict[str, Any]:
    return load().get(slug, {})


def update(slug: str, **fields: Any) -> dict[str, Any]:
    katas = load()
    entry = katas.setdefault(slug, {})
    entry.update(fields)
    _save(katas)
    return entry


def record_start(slug: str, workspace: Path) -> None:
    update(slug, workspace=str(workspace))


def record_check(
    slug: str, *, ok: bool, passed: int, failed: int, timed_out: bool, sets_status: bool = True
) -> None:
    """Count a check; with `sets_status` (a check of the kata's own solution) keep its result."""
    entry = record(slug)
    fields: dict[str, Any] = {}
    if sets_status:
        status = PASSING if ok else FAILING
        fields = {"status": status, "passed": passed, "failed": failed, "timed_out": timed_out}
    update(
        slug,
        **fields,
        checks=int(entry.get("checks", 0)) + 1,
        checked_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    )


def status_of(slug: str, entry: dict[str, Any] | None = None) -> str:
    entry = record(slug) if entry is None else entry
    status = entry.get("status")
    if status in (FAILING, PASSING):
        return str(status)
    return STARTED if entry.get("workspace") else NOT_STARTED


def next_hint(slug: str, total: int) -> int:
    """The 0-based index of the hint to show now; advances until the last one, then stays."""
    shown = int(record(slug).get("hints_shown", 0))
    index = min(shown, total - 1)
    update(slug, hints_shown=min(shown + 1, total))
    return index
