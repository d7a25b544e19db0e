"""What the user reads when their solution cannot even be imported by the kata's tests."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import Any

# CPython 3.11 keeps one AST recursion counter for all threads, so two threads parsing at once
# can raise "SystemError: AST constructor recursion depth mismatch" (cpython gh-106905), and
# content check verifies katas in threads.
_PARSING = Lock()


def imported_names(sources: Iterable[Path], module: str) -> tuple[str, ...]:
    """The names that `sources` import from `module` at the top level, in order of first use."""
    stem = module.removesuffix(".py")
    names: dict[str, None] = {}
    for source in sources:
        try:
            with _PARSING:
                tree = ast.parse(source.read_bytes(), str(source))
        except (OSError, SyntaxError, ValueError):
            continue  # the test run itself will report such a file
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module == stem and node.level == 0:
                names.update((alias.name, None) for alias in node.names if alias.name != "*")
    return tuple(names)


def _listed(names: Sequence[str], joiner: str = " and ") -> str:
    return ", ".join(names[:-1]) + joiner + names[-1] if len(names) > 1 else "".join(names)


@dataclass(frozen=True)
class Solution:
    """The user's file, the module name the tests import it by, and the names they import."""

    path: Path
    module: str
    names: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        """The user's file, and the name the tests know it by when that differs."""
        if self.path.name == self.module:
            return str(self.path)
        return f"{self.path} (tested as {self.module})"

    def _must(self) -> str:
        if not self.names:
            return "a solution must not exit while it is imported"
        return f"a solution must define {_listed(self.names)} and not exit"

    def exited(self, code: str | None) -> str:
        """Importing the solution raised SystemExit with `code` (its repr, None for no code)."""
        return f"{self.shown}: importing it called sys.exit({code or ''}); {self._must()}."

    def died(self, code: int | None) -> str:
        """The test process ended while importing the solution (os._exit, a crash)."""
        return (
            f"{self.shown}: the test process ended (exit code {code}) while importing it; "
            f"{self._must()}. Look for os._exit() or a crash at the top level of the file."
        )

    def raised(
        self, kind: str, exception: str, frames: Sequence[Sequence[object]], left_out: int = 0
    ) -> str:
        """Importing raised `kind`: `exception` as Python prints it, after the file's `frames`."""
        lines = [f"importing {self.shown} raised {kind}:"]
        if left_out:
            lines.append(f"  ... ({left_out} earlier calls left out) ...")
        for line, function, text in frames:
            lines.append(f'  File "{self.path}", line {line}, in {function}')
            if text:
                lines.append(f"    {text}")
        lines.append(exception.rstrip())
        return "\n".join(lines)

    def missing(self, names: Sequence[str]) -> str:
        """The solution imports cleanly but lacks `names`, which the tests import from it."""
        pronoun = "them" if len(names) > 1 else "it"
        return (
            f"{self.shown} defines no {_listed(names, ' or ')} "
            f"(the tests import {pronoun}: see README.md for the API)"
        )

    def failed_import(self, event: Mapping[str, Any]) -> str:
        """The message for the child loader's `import_failed` event."""
        kind = event.get("kind")
        if kind == "exit":
            message = self.exited(event.get("code"))
        elif kind == "missing":
            message = self.missing(event.get("names") or ["?"])
        else:
            message = self.raised(
                str(event.get("type", "an exception")),
                str(event.get("exception", "")),
                event.get("frames") or [],
                int(event.get("left_out") or 0),
            )
        printed = str(event.get("printed") or "")
        if printed.strip():
            message += "\n--- printed while importing ---\n" + printed.rstrip()
        return message
