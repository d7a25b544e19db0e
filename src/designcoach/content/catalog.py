"""The catalog: finds content files in the bundled folder and the user's, loads and validates them.

Files are named after their id (`prompts/whatsapp.yaml` holds the prompt `whatsapp`), so one
prompt can be loaded without reading the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from designcoach.content.models import Card, KataMeta, Prompt, Rubric
from designcoach.content.yamlio import ContentError, Located, load_yaml
from designcoach.paths import bundled_content_root, user_content_root

M = TypeVar("M", bound=BaseModel)

KINDS: dict[str, type[BaseModel]] = {
    "prompts": Prompt,
    "rubrics": Rubric,
    "cards": Card,
}


class UnknownId(LookupError):
    """An id that names no content of its kind."""

    def __init__(self, kind: str, wanted: str, known: Iterable[str]) -> None:
        self.kind = kind
        self.wanted = wanted
        self.known = sorted(known)
        super().__init__(f"unknown {kind} {wanted!r}; known: {', '.join(self.known) or '(none)'}")


def validation_errors(located: Located, exc: ValidationError) -> list[ContentError]:
    """One ContentError per pydantic error, each pointing at the line of the bad value."""
    errors = []
    for err in exc.errors():
        loc = tuple(part for part in err["loc"] if not isinstance(part, str) or part[:1] != "_")
        where = ".".join(str(p) for p in loc) or "(top level)"
        errors.append(ContentError(located.path, located.line_of(loc), f"{where}: {err['msg']}"))
    return errors


def parse_model(model: type[M], path: Path, text: str | None = None) -> M:
    located = load_yaml(path, text)
    if not isinstance(located.data, dict):
        raise ContentError(path, 1, "expected a mapping of keys to values at the top level")
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise validation_errors(located, exc)[0] from None


class Catalog:
    """All content visible to the user: the bundled folder, then the user's own (which wins)."""

    def __init__(self, roots: list[Path] | None = None) -> None:
        if roots is None:
            roots = [bundled_content_root()]
            extra = user_content_root()
            if extra is not None:
                roots.append(extra)
        self.roots = roots
        self._cache: dict[tuple[str, str], BaseModel] = {}

    def _files(self, kind: str) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for root in self.roots:
            folder = root / kind
            if folder.is_dir():
                for path in sorted(folder.glob("*.yaml")):
                    found[path.stem] = path
        return found

    def ids(self, kind: str) -> list[str]:
        return sorted(self._files(kind))

    def _get(self, kind: str, wanted: str, model: type[M]) -> M:
        key = (kind, wanted)
        if key not in self._cache:
            path = None
            for root in reversed(self.roots):
                candidate = root / kind / f"{wanted}.yaml"
                if candidate.is_file():
                    path = candidate
                    break
            if path is None:
                raise UnknownId(kind.rstrip("s"), wanted, self.ids(kind))
            self._cache[key] = parse_model(model, path)
        return self._cache[key]  # type: ignore[return-value]

    def prompt(self, prompt_id: str) -> Prompt:
        return self._get("prompts", prompt_id, Prompt)

    def rubric(self, rubric_id: str) -> Rubric:
        return self._get("rubrics", rubric_id, Rubric)

    def rubric_for(self, prompt: Prompt) -> Rubric:
        return self.rubric(prompt.rubric_id)

    def card(self, card_id: str) -> Card:
        return self._get("cards", card_id, Card)

    def prompts(self) -> list[Prompt]:
        return [self.prompt(pid) for pid in self.ids("prompts")]

    def cards(self) -> list[Card]:
        return [self.card(cid) for cid in self.ids("cards")]

    def sample_path(self, name: str) -> Path | None:
        for root in reversed(self.roots):
            candidate = root / "examples" / "answers" / name
            if candidate.is_file():
                return candidate
        return None

    def kata_dirs(self) -> dict[str, Path]:
        found: dict[str, Path] = {}
        for root in self.roots:
            folder = root / "katas"
            if folder.is_dir():
                for meta in sorted(folder.glob("*/kata.yaml")):
                    found[meta.parent.name] = meta.parent
        return found

    def kata(self, slug: str) -> KataMeta:
        key = ("katas", slug)
        if key not in self._cache:
            dirs = self.kata_dirs()
            if slug not in dirs:
                raise UnknownId("kata", slug, dirs)
            self._cache[key] = parse_model(KataMeta, dirs[slug] / "kata.yaml")
        return self._cache[key]  # type: ignore[return-value]
