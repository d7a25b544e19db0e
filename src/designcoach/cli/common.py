"""Helpers shared by the CLI commands: loading a prompt or failing with one clear line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designcoach.errors import UserError

if TYPE_CHECKING:
    from designcoach.content.catalog import Catalog
    from designcoach.content.models import Prompt, Rubric


def open_catalog() -> Catalog:
    from designcoach.content.catalog import Catalog

    return Catalog()


def load_prompt(catalog: Catalog, prompt_id: str) -> tuple[Prompt, Rubric]:
    """The prompt and its rubric, or a UserError naming the known ids or the broken file."""
    from designcoach.content.catalog import UnknownId
    from designcoach.content.yamlio import ContentError

    try:
        prompt = catalog.prompt(prompt_id)
        return prompt, catalog.rubric_for(prompt)
    except UnknownId as exc:
        raise UserError(f"{exc}. Run 'designcoach prompts' to see them.") from None
    except ContentError as exc:
        raise UserError(f"invalid content: {exc}") from None
