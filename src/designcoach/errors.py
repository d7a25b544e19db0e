"""Errors the CLI turns into one line on stderr and exit code 2."""


class UserError(Exception):
    """Input that cannot be used: the message says what is wrong and what to do."""
