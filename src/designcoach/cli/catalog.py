"""`designcoach prompts`: the prompt catalog, optionally filtered by tag and difficulty."""

from __future__ import annotations

import json
import sys

from designcoach.cli.common import content_error, open_catalog
from designcoach.content.yamlio import ContentError
from designcoach.errors import UserError


def run_prompts(
    as_json: bool, tags: list[str] | None = None, difficulty: str | None = None
) -> None:
    from designcoach.content.catalog import select_prompts

    catalog = open_catalog()
    try:
        every = catalog.prompts()
    except ContentError as exc:
        raise content_error(exc) from None
    known = sorted({t.casefold() for p in every for t in p.tags})
    unknown = [t for t in tags or [] if t.casefold() not in known]
    if unknown:
        # A tag no prompt has is a typo far more often than a real question.
        raise UserError(
            f"no prompt has the tag {unknown[0]!r}; tags: {', '.join(known) or '(none)'}"
        )
    prompts = select_prompts(every, tags or [], difficulty)
    if as_json:
        rows = [
            {
                "id": p.id,
                "title": p.title,
                "summary": p.summary,
                "difficulty": p.difficulty,
                "minutes": p.minutes,
                "tags": p.tags,
            }
            for p in prompts
        ]
        print(json.dumps(rows, indent=2))
        return
    if not prompts:
        print("No prompt matches those filters.")
        return
    if not sys.stdout.isatty():
        # Piped: one line per prompt for grep and pagers, never a tag split over two lines at 80.
        from designcoach.cli.plain import aligned

        lines = [
            [p.id, p.difficulty, f"{p.minutes:g}", p.title, ", ".join(p.tags)] for p in prompts
        ]
        print(aligned(["ID", "DIFFICULTY", "MIN", "TITLE", "TAGS"], lines, right={2}), end="")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Prompts", title_justify="left")
    # ids are what users type next, so they never wrap or get cut; tags give way first
    table.add_column("id", style="bold", no_wrap=True)
    table.add_column("title", ratio=3)
    table.add_column("difficulty", no_wrap=True)
    table.add_column("min", justify="right", no_wrap=True)
    table.add_column("tags", ratio=2, overflow="fold")
    for p in prompts:
        table.add_row(p.id, p.title, p.difficulty, f"{p.minutes:g}", ", ".join(p.tags))
    Console().print(table)
