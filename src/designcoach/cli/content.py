"""`designcoach content ...`: validate content and write JSON Schema for editors."""

from __future__ import annotations

import typer

content_app = typer.Typer(help="Check prompts, rubrics, cards and katas.", no_args_is_help=True)
