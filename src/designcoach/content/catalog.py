"""The catalog: finds content files in the bundled folder and the user's, loads and validates them.

Files are named after their id (`prompts/whatsapp.yaml` holds the prompt `whatsapp`), so one
prompt can be loaded without reading the rest.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from designcoach.content.models import FORMAT_VERSION, Card, KataMeta, Prompt, Rubric
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


def validation_errors(
    located: Located, exc: ValidationError, model: type[BaseModel] | None = None
) -> list[ContentError]:
    """One ContentError per pydantic error, each pointing at the line of the bad value."""
    details = exc.errors()
    # A misspelt key shows up twice (unknown 'tradeofs', missing 'tradeoffs'): report it once.
    suggested = {
        (*e["loc"][:-1], hint)
        for e in details
        if e["type"] == "extra_forbidden" and model and (hint := _suggest(model, e["loc"]))
    }
    errors = []
    for err in details:
        if err["type"] == "missing" and tuple(err["loc"]) in suggested:
            continue
        loc = tuple(part for part in err["loc"] if not isinstance(part, str) or part[:1] != "_")
        where = ".".join(str(p) for p in loc) or "(top level)"
        message = explain_error(err, loc, model)
        errors.append(ContentError(located.path, located.line_of(loc), f"{where}: {message}"))
    return errors


def _suggest(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """The key the model accepts that looks most like the unknown key at `loc`."""
    close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1)
    return close[0] if close else None


def explain_error(err: ErrorDetails, loc: tuple[Any, ...], model: type[BaseModel] | None) -> str:
    """Pydantic's message, reworded where YAML is the likely cause."""
    kind, value = err["type"], err.get("input")
    if kind == "missing":
        return "missing (required)"
    if loc == ("format_version",) and isinstance(value, int) and value > FORMAT_VERSION:
        return f"format {value} is newer than this designcoach reads ({FORMAT_VERSION}); upgrade it"
    if kind == "extra_forbidden":
        close = _suggest(model, loc) if model else None
        if close:
            return f"unknown key; did you mean {close!r}?"
        known = _fields_at(model, loc[:-1]) if model else []
        return "unknown key" + (f" (known: {', '.join(known)})" if known else "")
    if kind == "string_type":
        if isinstance(value, bool):
            word = "true" if value else "false"
            return f"YAML reads {word} as a boolean here; put the text in quotes"
        if isinstance(value, int | float):
            return f"YAML reads {value!r} as a number here; put the text in quotes"
        if value is None:
            return "empty; write the text or remove the key"
    message = err["msg"]
    return message.removeprefix("Value error, ")


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model accepts at `loc` (to suggest one for a misspelt key)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _inner_model(tp: Any) -> Any:
    """The model inside list[...] or ... | None, or the type itself."""
    if _is_model(tp):
        return tp
    for arg in get_args(tp):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def parse_model(model: type[M], path: Path, text: str | None = None) -> M:
    located = load_yaml(path, text)
    if not isinstance(located.data, dict):
        raise ContentError(path, 1, "expected a mapping of keys to values at the top level")
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise validation_errors(located, exc, model)[0] from None


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

    def source(self, kind: str, name: str) -> Path | None:
        """The file that `kind/name` is loaded from (the user's copy when there is one)."""
        for root in reversed(self.roots):
            candidate = root / kind / f"{name}.yaml"
            if candidate.is_file():
                return candidate
        return None

    def _get(self, kind: str, wanted: str, model: type[M]) -> M:
        key = (kind, wanted)
        if key not in self._cache:
            path = self.source(kind, wanted)
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


def select_prompts(
    prompts: Iterable[Prompt], tags: Iterable[str] = (), difficulty: str | None = None
) -> list[Prompt]:
    """The prompts carrying every one of `tags` (any case) at `difficulty` (any, when None)."""
    wanted = {tag.casefold() for tag in tags}
    return [
        p
        for p in prompts
        if (difficulty is None or p.difficulty == difficulty)
        and wanted <= {tag.casefold() for tag in p.tags}
    ]
