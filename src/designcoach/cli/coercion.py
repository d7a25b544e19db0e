"""Option values that need no conversion skip Typer's pydantic coercion.

Typer 0.29 converts every non-flag value through a pydantic TypeAdapter, built on first use:
importing pydantic's schema machinery and building the adapters costs about 100 ms, more
than half of what a `grade` run takes beyond `import typer`, to turn a string into the same
string. `lighten(command)` puts a stand-in before Typer's own coercion that answers only
where the result is certain (an absent option: None; a string for a `str` parameter: itself;
a number default within its bounds: itself; a path for a plain `Path` parameter: Typer's own
path checks, without pydantic) and hands every other value to Typer. If Typer's internals change shape, nothing is replaced.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

try:  # private Typer API; the stand-in is skipped when it is not there
    from typer._param_types import coerce_cli_path
except ImportError:  # pragma: no cover - another Typer version
    coerce_cli_path = None  # type: ignore[assignment]


class _Quick:
    """Coerces the values whose result is certain; builds Typer's own coercion for the rest."""

    __slots__ = ("_param", "_plain_str", "_plain_path", "_number")

    def __init__(self, param: Any) -> None:
        info = param.type_descriptor.parameter_info
        annotation = param.type_descriptor.annotation
        simple = (
            info.parser is None
            and param.type_descriptor.file_annotation is None
            and not (param.multiple or param.nargs == -1)
        )
        self._param = param
        self._plain_str = simple and annotation is str
        self._plain_path = (
            simple and annotation is Path and info.path_type is None and coerce_cli_path is not None
        )
        self._number = annotation if simple and annotation in (int, float) else None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:  # what Typer's RuntimeParam.coerce returns for an absent value
            return () if (param.multiple or param.nargs == -1) else None
        if self._plain_str and isinstance(value, str):
            return value
        if self._number and type(value) is self._number:  # a default, already a number
            info = param.type_descriptor.parameter_info
            if (info.min is None or value >= info.min) and (info.max is None or value <= info.max):
                return value
        if self._number and isinstance(value, str):
            try:
                self._number(value.strip())
            except ValueError:
                # said plainly, with the value, rather than as pydantic's "Input should be a
                # valid number, unable to parse string as a number"
                import typer

                kind = "a whole number" if self._number is int else "a number"
                raise typer.BadParameter(f"{value!r} is not {kind}", ctx=ctx, param=param) from None
        if self._plain_path and isinstance(value, str):
            # Typer's path coercion: it skips pydantic for a value that is already a Path.
            info = param.type_descriptor.parameter_info
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        param._runtime_param = None  # from now on Typer's own coercion, built once
        return param.get_runtime_param().coerce(value, param=param, ctx=ctx)


def lighten(command: Any, args: list[str]) -> None:
    """Give the Typer parameters of `command`, and of the subcommands `args` name, the quick
    coercion (only those: building the rest would cost more than it saves for `--help`)."""
    import typer

    params = list(getattr(command, "params", ()))
    # The help option is made on first use, and coerced like the rest (None when absent);
    # any trouble making it here (another Typer) leaves it to Typer.
    with contextlib.suppress(Exception):
        params.append(command.get_help_option(typer.Context(command, info_name=command.name)))
    for param in params:
        if (
            getattr(param, "_runtime_param", 0) is None
            and hasattr(param, "type_descriptor")
            and hasattr(param, "get_runtime_param")
        ):
            param._runtime_param = _Quick(param)
    subcommands = getattr(command, "commands", {})
    for i, arg in enumerate(args):
        if arg in subcommands:  # a value that looks like a command name only costs time
            lighten(subcommands[arg], args[i + 1 :])
            return
