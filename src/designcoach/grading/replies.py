"""Replies in a transcript: the interviewer's question sets the subject of the candidate's
answer that follows it, though the interviewer's words never earn credit by themselves.

Only transcripts read this (the engine imports it for them alone).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from designcoach.grading.depth import Mention, SentenceDepth, credit_mentions, own_text
from designcoach.grading.literal_index import Index
from designcoach.grading.matching import fold
from designcoach.grading.misconceptions import all_declined, decline_ends
from designcoach.grading.text import Sentence, split_sentences
from designcoach.grading.transcripts import Transcript

if TYPE_CHECKING:
    from designcoach.content.models import Rubric
    from designcoach.grading.engine import CompiledRubric


def _questions(
    text: str, transcript: Transcript, sents: list[Sentence]
) -> list[tuple[Sentence, int]]:
    """Each candidate sentence that replies to the interviewer (its index in `sents`), with the
    question it replies to: of the interviewer's turn just before the reply, the last sentence
    that asks (holds a "?"), or else its last sentence."""
    out: list[tuple[Sentence, int]] = []
    starts = [s.start for s in sents]
    for before, turn in zip(transcript.turns, transcript.turns[1:], strict=False):
        if before.role != "interviewer" or turn.role != "candidate":
            continue
        asked = split_sentences(text, before.start, before.end)
        if not asked:
            continue
        question = next((q for q in reversed(asked) if "?" in q.text), asked[-1])
        first, last = bisect_left(starts, turn.start), bisect_left(starts, turn.end)
        out.extend((question, idx) for idx in range(first, last))
    return out


def answered(
    text: str,
    transcript: Transcript,
    sents: list[Sentence],
    index: Index,
    norm: str,
    rubric: Rubric,
    rubric_m: CompiledRubric,
    named_alone: set[tuple[int, int]],
    settled: Sequence[bool],
) -> Iterator[tuple[int, Mention, tuple[float, str]]]:
    """What candidate sentences earn read as replies to the question before them.

    The question sets the subject ("And photos?" / "Upload to S3 behind a CDN"): each reply
    sentence is matched again with the question in front of it, and an item the sentence does
    not name alone counts when the candidate's words hold part of the match (it runs on past
    the question into the reply) or, when the question alone names it, the item's own explain
    pattern matches the candidate's sentence ("What about offline users?" / "... when they
    reconnect"). The depth of the answer is read in the candidate's sentence alone, so the
    interviewer's words never earn credit by themselves ("Yes." earns nothing), and the
    evidence quotes the candidate only. Yields (sentence, mention, (credit, why)).
    """
    pairs = _questions(text, transcript, sents)
    if not pairs:
        return
    # The question and the reply, one pair a line, matched through a literal index of their own.
    joined: list[str] = []
    asked: list[Sentence] = []
    cuts: list[int] = []  # where the reply starts in each pair
    pos = 0
    for question, idx in pairs:
        pair = f"{question.text} {sents[idx].text}"
        asked.append(Sentence(pos, pos + len(pair), pair))
        cuts.append(len(question.text) + 1)
        joined.append(pair)
        pos += len(pair) + 1
    context = Index(fold("\n".join(joined)), asked, rubric_m.plan)
    found: dict[int, list[Mention]] = {}
    for number, im in enumerate(rubric_m.items):
        if settled[number]:
            continue
        for j in context.matched(im.detect):
            idx = pairs[j][1]
            if (idx, number) in named_alone:
                continue  # graded as the sentence stands
            spans = context.spans_in(im.detect, j)
            if all_declined(decline_ends(context.texts[j]), spans):
                continue
            cut = cuts[j]
            own_spans = [(max(a, cut) - cut, b - cut) for a, b in spans if b > cut]
            own = index.first(im.explain, idx)
            if own is not None and not own_spans:
                # an explain word alone may be a stray "until": the reply must be about the item
                item = rubric.items[number]
                if not _on_the_item(sents[idx].text, item.title, item.hint):
                    own = None
            if own_spans or own is not None:
                reason = own_text(own, sents[idx].text)
                found.setdefault(idx, []).append(Mention(number, own_spans, reason, im.own_only))
    for idx in sorted(found):
        sent, mentions = sents[idx], found[idx]
        depth = SentenceDepth(index.texts[idx], norm[sent.start : sent.end], sent.text)
        for mention, credit in zip(mentions, credit_mentions(depth, mentions), strict=True):
            yield idx, mention, credit


_CONTENT_WORD = re.compile(r"[a-z]{4,}")
# Words of four letters or more that say nothing of what a reply is about.
_EMPTY_WORDS = frozenset(
    {"that", "this", "these", "those", "with", "from", "they", "them", "their", "there", "then",
     "than", "when", "what", "which", "would", "will", "shall", "could", "should", "have", "been",
     "each", "into", "only", "more", "most", "some", "such", "also", "just", "like", "know", "sure",
     "about", "think", "maybe", "really", "your", "yours", "very", "well", "here", "does", "done",
     "make", "want", "need"}
)  # fmt: skip


@functools.lru_cache(maxsize=512)
def _item_stems(title: str, hint: str) -> frozenset[str]:
    words = _CONTENT_WORD.findall(f"{title} {hint}".lower())
    return frozenset(w[:5] for w in words if w not in _EMPTY_WORDS)


def _on_the_item(sentence: str, title: str, hint: str) -> bool:
    """Whether a reply shares a content word (its first five letters) with the item's title
    or hint: "we keep it in an inbox until they reconnect" does, "I would wait until I know
    more" does not, though both hold the explain word "until"."""
    stems = _item_stems(title, hint)
    words = _CONTENT_WORD.findall(sentence.lower())
    return any(w[:5] in stems for w in words if w not in _EMPTY_WORDS)
