"""A child process on a real pseudo-terminal, for tests that need what a user's terminal sees."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Callable


class Terminal:
    """A child process on a 120x40 pseudo-terminal; its output is drained as we wait."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
            os.execvpe(argv[0], argv, env)
        self.output = bytearray()
        self.status: int | None = None

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk

    def wait_for(self, condition: Callable[[], bool], timeout: float) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if condition():
                return True
            self.pump(0.05)
        return condition()

    def type(self, text: str) -> None:
        for char in text:
            os.write(self.fd, char.encode())
            self.pump(0.01)

    def wait_exit(self, timeout: float) -> int | None:
        """The child's wait status once it has ended (its output read to the end), else None."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
                self.pump(0.2)  # what it wrote last, still in the pty's buffer
                return status
            self.pump(0.05)
        return None

    def kill(self) -> int:
        """SIGKILL the child if it still runs; its wait status."""
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            _, self.status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return self.status
