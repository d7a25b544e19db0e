"""Output into a pipe whose reader stops early (`designcoach content check | head -1`).

Python raises BrokenPipeError on the first write after the reader has gone, and Typer's click
turns that into exit code 1, which would hide the command's own verdict: `content check` of
broken content must still exit 2, a failed `kata check` 1, a good grade 0. So when stdout is a
pipe, it is put behind a writer that, once the reader has gone, points the descriptor at
/dev/null and lets the command run to its end and exit with its own code, saying nothing.
"""

from __future__ import annotations

import io
import os
import stat
import sys


class _ReaderMayLeave(io.RawIOBase):
    """The stdout descriptor, written to as usual until the reader closes its end."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return False

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            return os.write(self._fd, data)
        except BrokenPipeError:
            # the rest of the output goes nowhere, as the reader asked; it still counts as
            # written, so every layer above carries on
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, self._fd)
            finally:
                os.close(devnull)
            return len(data)


def tolerate_early_readers() -> None:
    """Put stdout behind `_ReaderMayLeave` when it is the process's own pipe."""
    out = sys.__stdout__
    if out is None or sys.stdout is not out:
        return  # already redirected (a test runner, an embedding program): left alone
    try:
        fd = out.fileno()
        if not stat.S_ISFIFO(os.fstat(fd).st_mode):
            return  # a terminal or a file: a write there does not meet a closed reader
        out.flush()
    except (OSError, ValueError):
        return
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_ReaderMayLeave(fd)),
        encoding=out.encoding,
        errors=out.errors,
        line_buffering=out.line_buffering,
    )
