"""Every content file of a catalog's folders, parsed once, with the errors each one has.

The catalog loads one file when asked for it and stops at the first error; the content checker
needs every file, every error and the node tree (for line numbers), which this index keeps.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from designcoach.content.catalog import Catalog, validation_errors
from designcoach.content.models import Card, KataMeta, Prompt, Rubric
from designcoach.content.yamlio import ContentError, Located, load_yaml, read_text

MODELS: dict[str, type[BaseModel]] = {
    "prompts": Prompt,
    "rubrics": Rubric,
    "cards": Card,
    "katas": KataMeta,
}


@dataclass
class Doc:
    """One content file: where it is, what it parsed to, and what is wrong with it."""

    kind: str  # prompts, rubrics, cards or katas
    path: Path
    root: Path
    name: str  # the id the file's name promises: its stem, or the kata's folder
    text: str | None = None
    located: Located | None = None
    model: Any = None  # the validated model, or None when loading or validation failed
    errors: list[ContentError] = field(default_factory=list)

    def line(self, *loc: Any) -> int | None:
        """The line of the value at `loc` (keys and list indexes) in this file."""
        return self.located.line_of(loc) if self.located is not None else None

    def error(self, message: str, *loc: Any) -> ContentError:
        return ContentError(self.path, self.line(*loc), message)


def content_files(root: Path, kind: str) -> list[Path]:
    folder = root / kind
    if not folder.is_dir():
        return []
    if kind == "katas":
        return sorted(folder.glob("*/kata.yaml"))
    return sorted(folder.glob("*.yaml"))


def load_doc(kind: str, path: Path, root: Path) -> Doc:
    name = path.parent.name if kind == "katas" else path.stem
    doc = Doc(kind, path, root, name)
    try:
        doc.text = read_text(path)
        doc.located = load_yaml(path, doc.text)
    except ContentError as exc:
        doc.errors.append(exc)
        return doc
    data = doc.located.data
    if not isinstance(data, dict):
        doc.errors.append(ContentError(path, 1, "expected a mapping of keys to values"))
        return doc
    model = MODELS[kind]
    try:
        doc.model = model.model_validate(data)
    except ValidationError as exc:
        errors = validation_errors(doc.located, exc, model)
        repeats = repeated_rubric_ids(doc) if kind == "rubrics" else []
        if repeats:  # the model can only say "ids repeat"; these errors name the lines
            errors = [e for e in errors if not e.message.startswith("(top level): ids repeat")]
        doc.errors.extend(errors + repeats)
    return doc


def repeated_rubric_ids(doc: Doc) -> list[ContentError]:
    """Item and misconception ids used twice in one rubric, at the line of each repeat."""
    data = doc.located.data if doc.located is not None else None
    if not isinstance(data, dict):
        return []
    seen: dict[str, int | None] = {}
    errors = []
    for key in ("items", "misconceptions"):
        entries = data.get(key)
        if not isinstance(entries, list):
            continue
        for i, entry in enumerate(entries):
            ident = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(ident, str):
                continue
            line = doc.line(key, i, "id")
            if ident in seen:
                first = seen[ident]
                errors.append(
                    ContentError(doc.path, line, f"id {ident!r} repeats (first at line {first})")
                )
            else:
                seen[ident] = line
    return errors


class ContentIndex:
    """All files under a catalog's roots; later roots override earlier ones by name."""

    def __init__(self, roots: list[Path]) -> None:
        self.roots = roots
        self.docs: list[Doc] = [
            load_doc(kind, path, root)
            for root in roots
            for kind in MODELS
            for path in content_files(root, kind)
        ]

    def of(self, kind: str) -> list[Doc]:
        return [doc for doc in self.docs if doc.kind == kind]

    def effective(self, kind: str) -> dict[str, Doc]:
        """The file the catalog would use for each name (the last root wins)."""
        found: dict[str, Doc] = {}
        for doc in self.of(kind):
            found[doc.name] = doc
        return found

    def valid(self, kind: str) -> list[Doc]:
        return [doc for doc in self.of(kind) if doc.model is not None]

    def invalid_mappings(self, kind: str) -> list[tuple[Doc, dict[str, Any]]]:
        """The files that are YAML mappings but failed validation, with their raw data: a
        check that can read its part of them reports it too, so one run shows every problem."""
        found = []
        for doc in self.of(kind):
            data = doc.located.data if doc.located is not None else None
            if doc.model is None and isinstance(data, dict):
                found.append((doc, data))
        return found

    def model(self, kind: str, name: str) -> Any:
        """The valid model the catalog would load under `name`, or None."""
        doc = self.effective(kind).get(name)
        return doc.model if doc is not None else None

    def exists(self, kind: str, name: str) -> bool:
        return name in self.effective(kind)


_INDEXES: weakref.WeakKeyDictionary[Catalog, ContentIndex] = weakref.WeakKeyDictionary()


def index_for(catalog: Catalog) -> ContentIndex:
    """The index of a catalog's folders, built once per catalog and shared by every check."""
    index = _INDEXES.get(catalog)
    if index is None:
        index = _INDEXES[catalog] = ContentIndex(list(catalog.roots))
    return index
