"""Printing a document (see `document`): plain text, or Rich on a terminal.

Plain text is what pipes, files and tests get: no escape codes, wrapped to COLUMNS (default
80) except lines marked not to wrap, and Rich is not even imported. On a terminal Rich adds colour; what the user wrote goes in
as `Text`, never as markup, so brackets in an answer are safe.
"""

from __future__ import annotations

import os
import sys
import textwrap

from designcoach.grading.document import Bars, Block, Heading, Line, Rows

BAR = 24


def bar_text(value: float, width: int = BAR) -> str:
    full = round(max(0.0, min(100.0, value)) / 100 * width)
    return f"{'█' * full}{'░' * (width - full)} {value:5.1f}"


def _width() -> int:
    try:
        return max(40, int(os.environ.get("COLUMNS", "80")))
    except ValueError:
        return 80


def render_plain(doc: list[Block], width: int | None = None) -> str:
    """The document as plain text lines no wider than `width`."""
    width = width or _width()
    out: list[str] = []
    for block in doc:
        if isinstance(block, Heading):
            out += ["", block.text]
        elif isinstance(block, Line):
            text = "".join(t for t, _ in block.spans)
            pad = " " * block.indent
            if not block.wrap:
                out.append(pad + text)
                continue
            out += textwrap.wrap(
                text, width, initial_indent=pad, subsequent_indent=pad, break_on_hyphens=False
            ) or [""]
        elif isinstance(block, Bars):
            label = max((len(name) for name, _ in block.rows), default=0)
            out += [f"{name:<{label}}  {bar_text(value)}" for name, value in block.rows]
        elif isinstance(block, Rows):
            if block.title:
                out.append(block.title)
            cells = [block.header, *[[t for t, _ in row] for row in block.rows]]
            sizes = [
                max(len(row[i]) if i < len(row) else 0 for row in cells)
                for i in range(len(block.header))
            ]
            for row in cells:
                parts = [
                    row[i].rjust(sizes[i]) if i in block.right else row[i].ljust(sizes[i])
                    for i in range(len(row))
                ]
                out.append("  ".join(parts).rstrip())
    return "\n".join(line.rstrip() for line in out) + "\n"


def render_rich(doc: list[Block], *, stderr: bool = False) -> None:
    """The document on a terminal, in colour."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console, Group, RenderableType
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    parts: list[RenderableType] = []
    for block in doc:
        if isinstance(block, Heading):
            parts.append(Text(f"\n{block.text}", style="bold underline"))
        elif isinstance(block, Line):
            text = Text.assemble(*block.spans)
            parts.append(Padding(text, (0, 0, 0, block.indent)) if block.indent else text)
        elif isinstance(block, Bars):
            grid = Table.grid(padding=(0, 2))
            grid.add_column()
            grid.add_column()
            for name, value in block.rows:
                style = "green" if value >= 70 else "yellow" if value >= 40 else "red"
                grid.add_row(name, Text(bar_text(value), style=style))
            parts.append(grid)
        elif isinstance(block, Rows):
            # rules under the header only: the cell borders took a fifth of an 80-column line
            table = Table(
                title=block.title or None,
                title_justify="left",
                box=box.SIMPLE_HEAD,
                pad_edge=False,
                collapse_padding=True,
            )
            last = len(block.header) - 1
            for i, name in enumerate(block.header):
                # Every column but the last is shown whole (a file name cut to "sub/bulle…"
                # says nothing); the last, the one with sentences, wraps in what is left.
                widest = max([cell_len(name)] + [cell_len(row[i][0]) for row in block.rows])
                table.add_column(
                    name,
                    justify="right" if i in block.right else "left",
                    no_wrap=i != last,
                    min_width=min(widest, 48) if i != last else None,
                )
            for row in block.rows:
                table.add_row(*(Text(t, style=s) for t, s in row))
            parts.append(table)
    Console(highlight=False, stderr=stderr).print(Group(*parts))


def emit(doc: list[Block], *, stderr: bool = False) -> None:
    """Print to stdout (or stderr): Rich on a terminal, plain text otherwise."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        render_rich(doc, stderr=stderr)
    else:
        stream.write(render_plain(doc))
