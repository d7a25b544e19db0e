"""Checks that run the grader: rubric examples earn their declared credit, samples land in band."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from designcoach.content.catalog import Catalog
from designcoach.content.check_regex import regex_problem, rubric_patterns
from designcoach.content.index import Doc, index_for
from designcoach.content.yamlio import ContentError, ContentWarning, read_text

_CREDIT = {"full": 1.0, "half": 0.5, "none": 0.0}


def _usable(rubric: Any) -> bool:
    """Whether every regex compiles; if not, check_regexes reports it and the grader can't run."""
    return all(regex_problem(pattern) is None for _, pattern in rubric_patterns(rubric))


def check_examples(catalog: Catalog) -> Iterator[ContentError]:
    """Item examples earn the credit they declare; misconception hits trigger and misses don't."""
    from designcoach.grading.engine import credit_sentence, misconception_hit, sentences

    for doc in index_for(catalog).valid("rubrics"):
        if not _usable(doc.model):
            continue
        for i, item in enumerate(doc.model.items):
            for kind, want in _CREDIT.items():
                for j, text in enumerate(getattr(item.examples, kind)):
                    loc = ("items", i, "examples", kind, j)
                    got = credit_sentence(item, text, doc.model.misconceptions)
                    if got != want:
                        yield doc.error(
                            f"item {item.id!r}: {kind} example earns {got:g}, not {want:g}: "
                            f"{_quote(text)}",
                            *loc,
                        )
                    yield from _one_sentence(doc, text, loc, sentences)
        for i, mis in enumerate(doc.model.misconceptions):
            for kind, want_hit in (("hit", True), ("miss", False)):
                for j, text in enumerate(getattr(mis.examples, kind)):
                    loc = ("misconceptions", i, "examples", kind, j)
                    if misconception_hit(mis, text) != want_hit:
                        does = "does not trigger" if want_hit else "triggers"
                        yield doc.error(
                            f"misconception {mis.id!r}: {kind} example {does} it: {_quote(text)}",
                            *loc,
                        )
                    yield from _one_sentence(doc, text, loc, sentences)


def _one_sentence(doc: Doc, text: str, loc: tuple[Any, ...], split: Any) -> Iterator[ContentError]:
    # In an answer the grader would cut such an example in pieces, so it would not test a sentence.
    parts = [part.text for part in split(text)]
    if len(parts) > 1:
        pieces = " | ".join(_quote(part, 30) for part in parts[:3])
        yield ContentWarning(
            doc.path,
            doc.line(*loc),
            f"example is {len(parts)} sentences to the grader, which would grade them apart: "
            f"{pieces}",
        )


def check_samples(catalog: Catalog) -> Iterator[ContentError]:
    """Each sample answer of a prompt grades into one of the bands it expects."""
    from designcoach.grading.engine import grade_text

    index = index_for(catalog)
    for doc in index.valid("prompts"):
        prompt = doc.model
        rubric = index.model("rubrics", prompt.rubric_id)
        if rubric is None or not _usable(rubric):
            continue  # reported by check_references or check_regexes
        for i, sample in enumerate(prompt.samples):
            path = catalog.sample_path(sample.file)
            if path is None:
                continue
            try:
                text = read_text(path)
            except ContentError as exc:
                yield exc
                continue
            report = grade_text(text, prompt, rubric)
            if report.band not in sample.expect:
                yield doc.error(
                    f"sample {sample.file!r} grades {report.band!r} ({report.score:g}); "
                    f"expected {' or '.join(sample.expect)}",
                    "samples",
                    i,
                    "expect",
                )


def _quote(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 3] + "...")
