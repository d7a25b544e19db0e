"""`designcoach prompts`: the prompt catalog."""

from __future__ import annotations

import json

from designcoach.cli.common import open_catalog
from designcoach.content.yamlio import ContentError
from designcoach.errors import UserError


def run_prompts(as_json: bool) -> None:
    catalog = open_catalog()
    try:
        prompts = catalog.prompts()
    except ContentError as exc:
        raise UserError(f"invalid content: {exc}") from None
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
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Prompts", title_justify="left")
    table.add_column("id", style="bold")
    table.add_column("title")
    table.add_column("difficulty")
    table.add_column("min", justify="right")
    table.add_column("tags")
    for p in prompts:
        table.add_row(p.id, p.title, p.difficulty, f"{p.minutes:g}", ", ".join(p.tags))
    Console().print(table)
