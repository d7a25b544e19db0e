"""Errors the CLI turns into one line on stderr and exit code 2."""

import sys
from typing import NoReturn


class UserError(Exception):
    """Input that cannot be used: the message says what is wrong and what to do."""


def fail(message: str) -> NoReturn:
    """Say what is wrong in one line on stderr and exit with code 2."""
    sys.stderr.write(f"designcoach: error: {message}\n")
    sys.exit(2)
