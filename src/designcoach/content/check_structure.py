"""Checks on the shape of content: loading, tabs, names, ids, references, regexes, completeness."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from designcoach.content.catalog import Catalog
from designcoach.content.index import MODELS, Doc, index_for
from designcoach.content.yamlio import ContentError, ContentWarning


def check_files(catalog: Catalog) -> Iterator[ContentError]:
    """Files that do not load: not UTF-8, bad YAML, duplicate keys, schema errors."""
    index = index_for(catalog)
    for doc in index.docs:
        yield from doc.errors
    for root in index.roots:
        for kind in MODELS:
            folder = root / kind
            pattern = "*/kata.yml" if kind == "katas" else "*.yml"
            for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
                yield ContentError(path, None, "ignored: content files must end in .yaml")


def check_tabs(catalog: Catalog) -> Iterator[ContentError]:
    for doc in index_for(catalog).docs:
        for number, line in enumerate((doc.text or "").splitlines(), start=1):
            if "\t" in line:
                yield ContentError(
                    doc.path,
                    number,
                    "tab character: YAML needs spaces (write \\t in quotes for a tab)",
                )


def check_names(catalog: Catalog) -> Iterator[ContentError]:
    """The id inside a file must be its file name (or, for a kata, its folder's name)."""
    for doc in _valid(catalog):
        if doc.model.id != doc.name:
            what = "folder" if doc.kind == "katas" else "file"
            yield doc.error(
                f"id {doc.model.id!r} does not match the {what} name {doc.name!r}; rename one", "id"
            )


def check_ids(catalog: Catalog) -> Iterator[ContentError]:
    """An id used by two files of the same kind (only possible when a name and id differ)."""
    index = index_for(catalog)
    for kind in MODELS:
        first: dict[str, Doc] = {}
        for doc in index.effective(kind).values():
            if doc.model is None:
                continue
            other = first.setdefault(doc.model.id, doc)
            if other is not doc:
                yield doc.error(
                    f"id {doc.model.id!r} is also used by {other.path}:{other.line('id')}", "id"
                )


def check_references(catalog: Catalog) -> Iterator[ContentError]:
    """Every prompt, rubric, card and sample a file names must exist."""
    index = index_for(catalog)
    for doc in _valid(catalog, "prompts"):
        prompt = doc.model
        if not index.exists("rubrics", prompt.rubric_id):
            loc = ("rubric",) if prompt.rubric else ("id",)
            yield doc.error(_missing("rubric", prompt.rubric_id, index), *loc)
        for i, sample in enumerate(prompt.samples):
            if catalog.sample_path(sample.file) is None:
                yield doc.error(
                    f"sample {sample.file!r} not found in examples/answers/", "samples", i, "file"
                )
    used = {p.rubric_id for p in (d.model for d in index.effective("prompts").values()) if p}
    for doc in _valid(catalog, "rubrics"):
        rubric = doc.model
        target = index.model("prompts", rubric.prompt)
        if not index.exists("prompts", rubric.prompt):
            yield doc.error(_missing("prompt", rubric.prompt, index), "prompt")
        elif (
            target
            is not None  # an invalid prompt, or one naming a missing rubric, is reported alone
            and index.exists("rubrics", target.rubric_id)
            and rubric.id not in used
        ):
            yield doc.error(
                f"no prompt uses this rubric: prompt {rubric.prompt!r} uses {target.rubric_id!r}",
                "prompt",
            )
        for i, item in enumerate(rubric.items):
            if item.card and not index.exists("cards", item.card):
                yield doc.error(_missing("card", item.card, index), "items", i, "card")
        for i, mis in enumerate(rubric.misconceptions):
            if mis.card and not index.exists("cards", mis.card):
                yield doc.error(_missing("card", mis.card, index), "misconceptions", i, "card")
    for doc, data in index.invalid_mappings("rubrics"):
        # a rubric that failed validation still names its cards: say which are missing now
        for key in ("items", "misconceptions"):
            entries = data.get(key)
            for i, entry in enumerate(entries if isinstance(entries, list) else []):
                card = entry.get("card") if isinstance(entry, dict) else None
                if isinstance(card, str) and card and not index.exists("cards", card):
                    yield doc.error(_missing("card", card, index), key, i, "card")
    for doc in _valid(catalog, "cards"):
        for i, other in enumerate(doc.model.related):
            if other == doc.model.id:
                yield doc.error("a card cannot be related to itself", "related", i)
            elif not index.exists("cards", other):
                yield doc.error(_missing("card", other, index), "related", i)
    for doc in _valid(catalog, "katas"):
        if doc.model.card and not index.exists("cards", doc.model.card):
            yield doc.error(_missing("card", doc.model.card, index), "card")


def _missing(kind: str, name: str, index: Any) -> str:
    known = sorted(index.effective(kind + "s"))
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"{kind} {name!r} not found ({kind}s/{name}.yaml){hint}"


def check_completeness(catalog: Catalog) -> Iterator[ContentError]:
    """Warnings: every item and misconception should name a card and carry examples."""
    for doc in _valid(catalog, "rubrics"):
        for i, item in enumerate(doc.model.items):
            if not item.card:
                yield _warn(doc, f"item {item.id!r} names no card", "items", i, "id")
            ex = item.examples
            if not (ex.full or ex.half or ex.none):
                yield _warn(doc, f"item {item.id!r} has no examples to test it", "items", i, "id")
        for i, mis in enumerate(doc.model.misconceptions):
            if not mis.card:
                yield _warn(
                    doc, f"misconception {mis.id!r} names no card", "misconceptions", i, "id"
                )
            if not mis.examples.hit:
                yield _warn(
                    doc, f"misconception {mis.id!r} has no hit examples", "misconceptions", i, "id"
                )


def _warn(doc: Doc, message: str, *loc: Any) -> ContentWarning:
    return ContentWarning(doc.path, doc.line(*loc), message)


def _valid(catalog: Catalog, kind: str | None = None) -> list[Doc]:
    index = index_for(catalog)
    kinds = [kind] if kind else list(MODELS)
    return [doc for k in kinds for doc in index.valid(k)]
