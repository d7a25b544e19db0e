"""Helpers shared by the CLI commands: loading a prompt or failing with one clear line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from designcoach.errors import UserError

if TYPE_CHECKING:
    from designcoach.content.catalog import Catalog
    from designcoach.content.models import Prompt, Rubric


def open_catalog() -> Catalog:
    """The bundled content with the user's folder (--content or DESIGNCOACH_CONTENT) over it."""
    from designcoach.content.catalog import Catalog
    from designcoach.paths import CONTENT_ENV, user_content_root

    user = user_content_root()
    if user is not None and not user.is_dir():
        raise UserError(f"{CONTENT_ENV} names {user}, which is not a folder; fix or unset it")
    return Catalog()


def content_error(exc: Exception) -> UserError:
    """One line for a content file that cannot be used, pointing at the full check."""
    return UserError(f"invalid content: {exc} (run 'designcoach content check' for every problem)")


def load_prompt(catalog: Catalog, prompt_id: str) -> tuple[Prompt, Rubric]:
    """The prompt and its rubric, or a UserError naming the known ids or the broken file."""
    from designcoach.content.catalog import UnknownId
    from designcoach.content.yamlio import ContentError

    try:
        prompt = catalog.prompt(prompt_id)
        rubric = catalog.rubric_for(prompt)
        _check_user_regexes(catalog, rubric)
        return prompt, rubric
    except UnknownId as exc:
        raise UserError(f"{exc}. Run 'designcoach prompts' to see them.") from None
    except ContentError as exc:
        raise content_error(exc) from None


def _check_user_regexes(catalog: Catalog, rubric: Rubric) -> None:
    """Raise a ContentError for a user's rubric regex the grader cannot use.

    The schema cannot see a broken regex, and the grader would stop on it with a traceback.
    Bundled rubrics are proven by `content check` in CI, so only the user's are checked here.
    """
    from designcoach.content.check_regex import regex_problem, rubric_patterns
    from designcoach.content.yamlio import ContentError, load_yaml
    from designcoach.paths import bundled_content_root

    path = catalog.source("rubrics", rubric.id)
    if path is None or path.resolve().is_relative_to(bundled_content_root().resolve()):
        return
    for loc, pattern in rubric_patterns(rubric):
        problem = regex_problem(pattern)
        if problem:
            raise ContentError(path, load_yaml(path).line_of(loc), problem)
