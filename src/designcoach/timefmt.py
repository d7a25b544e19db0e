"""Times as people read them: m:ss durations, local dates, ISO stamps. No dependencies."""

from __future__ import annotations

import math
from datetime import UTC, datetime


def clock_text(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss), to the nearest second; negative values get a minus sign."""
    total = int(abs(seconds) + 0.5)
    sign = "-" if seconds < 0 and total else ""
    hours, rest = divmod(total, 3600)
    mins, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{mins:02d}:{secs:02d}"
    return f"{sign}{mins}:{secs:02d}"


def left_text(seconds: float) -> str:
    """Time left as a countdown shows it: m:ss rounded up, so 0:00 comes only when time is up.
    A hair over a whole second from adding up phase budgets (60.00000000000001) is not a
    second more: "1:00", not "1:01", at the start of a one-minute session."""
    return clock_text(math.ceil(round(seconds, 6)))


def minutes_text(minutes: float) -> str:
    """A number of minutes in words: "1 minute", "1.5 minutes", "45 minutes"."""
    return f"{minutes:g} minute" + ("" if minutes == 1 else "s")


def now_iso() -> str:
    """The current time as ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def local_time(iso: str) -> str:
    """An ISO 8601 time as 'YYYY-MM-DD HH:MM' in the local time zone (as given if unparsable)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso
