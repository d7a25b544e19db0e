"""The catalog: finds content files in the bundled folder and the user's, loads and validates them.

Files are named after their id (`prompts/whatsapp.yaml` holds the prompt `whatsapp`), so one
prompt can be loaded without reading the rest.
"""

from __future__ import annotations

import contextlib
import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args

from designcoach.content.errors import ContentError
from designcoach.paths import bundled_content_root, user_content_root

if TYPE_CHECKING:  # pydantic and YAML load only when a file is parsed (not from the cache)
    from pydantic import BaseModel, ValidationError
    from pydantic_core import ErrorDetails

    from designcoach.content.models import Card, KataMeta, Prompt, Rubric
    from designcoach.content.yamlio import Located

M = TypeVar("M", bound="BaseModel")


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
    from designcoach.content.constants import FORMAT_VERSION

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
    from pydantic import BaseModel

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
    from pydantic import ValidationError

    from designcoach.content.yamlio import load_yaml

    located = load_yaml(path, text)
    if not isinstance(located.data, dict):
        raise ContentError(path, 1, "expected a mapping of keys to values at the top level")
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise validation_errors(located, exc, model)[0] from None


def _parse(model: str, path: Path) -> Any:
    from designcoach.content import models

    return parse_model(getattr(models, model), path)


class Catalog:
    """All content visible to the user: the bundled folder, then the user's own (which wins).

    With `cache=True`, files validated by an earlier run are read back from the cache folder as
    read-only views (see `content.cache`) instead of being parsed and validated again.
    """

    def __init__(self, roots: list[Path] | None = None, *, cache: bool = False) -> None:
        if roots is None:
            roots = [bundled_content_root()]
            extra = user_content_root()
            if extra is not None:
                roots.append(extra)
        self.roots = roots
        self._cache: dict[tuple[str, str], Any] = {}
        self._saved: Path | None = None
        if cache:
            from designcoach.paths import cache_dir

            try:
                self._saved = cache_dir() / "content"
            except OSError:  # no cache folder: parse every time
                self._saved = None

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

    def _get(self, kind: str, wanted: str, model: str) -> Any:
        key = (kind, wanted)
        if key not in self._cache:
            path = self.source(kind, wanted)
            if path is None:
                if wanted != wanted.lower():  # ids are lower-case slugs: "WhatsApp" is whatsapp
                    with contextlib.suppress(UnknownId):  # (if not, say what was asked for)
                        return self._get(kind, wanted.lower(), model)
                raise UnknownId(kind.rstrip("s"), wanted, self.ids(kind))
            self._cache[key] = self._load(path, model)
        return self._cache[key]

    def _load(self, path: Path, model: str) -> Any:
        if self._saved is None:
            return _parse(model, path)
        from designcoach.content import cache

        saved = cache.load(self._saved, path, model)
        if saved is not None:
            return saved
        stamp = cache.stamp(path)
        value = _parse(model, path)
        cache.save(self._saved, path, value, stamp)
        return value

    def prompt(self, prompt_id: str) -> Prompt:
        return self._get("prompts", prompt_id, "Prompt")

    def rubric(self, rubric_id: str) -> Rubric:
        return self._get("rubrics", rubric_id, "Rubric")

    def rubric_for(self, prompt: Prompt) -> Rubric:
        return self.rubric(prompt.rubric_id)

    def card(self, card_id: str) -> Card:
        return self._get("cards", card_id, "Card")

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
            self._cache[key] = self._load(dirs[slug] / "kata.yaml", "KataMeta")
        return self._cache[key]


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
