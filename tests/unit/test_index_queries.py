"""The grader asks the index which sentences a matcher matches and reads a sentence's spans
only when it needs them; both agree with `Index.matches` (Hypothesis), and a credit computed
from spans found when asked is the credit computed from all spans found at once."""

from __future__ import annotations

import re

from grading_fixtures import STRONG
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.grading import depth as depth_rules
from designcoach.grading.depth import Mention, SentenceDepth, credit_mentions, normalise
from designcoach.grading.engine import compiled
from designcoach.grading.literal_index import Index
from designcoach.grading.matching import fold
from designcoach.grading.text import split_sentences

CATALOG = Catalog()
RUBRICS = [
    CATALOG.rubric_for(CATALOG.prompt(p)) for p in ("whatsapp", "tinder", "distributed-cache")
]
# A crowded sentence (for tinder) where a mention its own pattern backs is the nearest to a reason.
CROWDED = (
    "Users, groups and group membership are small and relational, so they sit in a SQL database "
    "with transactions; the messages go to NoSQL because they are append-only, never joined, and "
    "need horizontal partitioning at 4 TB a day."
)
PIECES = [
    *STRONG.splitlines(),
    *(s for r in RUBRICS for i in r.items for s in i.examples.full + i.examples.half),
    "- Kafka, Redis, Cassandra, sharding, replicas, web sockets",
    "because so that 40 messages a day, rather than polling",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=30)), max_size=12).map(
    " ".join
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _credit_reading_every_span(depth: SentenceDepth, mentions: list[Mention]) -> list[object]:
    """The reference: every mention's places found, then each signal backs the unbacked ones
    near it (in a crowded sentence, only the nearest)."""
    out = credit_mentions(depth, mentions)  # the rules before backing are not in question
    backed = [m.own_reason for m in mentions]
    if all(backed) or any(why != depth_rules.WHY_BARE and credit < 1.0 for credit, why in out):
        return out
    places = [
        [(depth.word_at(a), depth.word_at(max(a, b - 1))) for a, b in m.spans] for m in mentions
    ]
    for word, what in depth.signals:
        dists = [depth_rules._distance(word, p) for p in places]
        named_by = what[0].isdigit() or what in depth_rules.NUMBER_WORDS
        if len(mentions) >= 3 and named_by:
            # a number goes with what is named in its own comma piece, when something is
            pieces = _pieces(depth.text)
            here = pieces[word]
            own = [any(pieces[a] <= here <= pieces[b] for a, b in p) for p in places]
            if any(own):
                dists = [d if o else 10**9 for d, o in zip(dists, own, strict=True)]
        for i, dist in enumerate(dists):
            near = dist <= depth_rules.NEAR_WORDS
            inside = any(first <= word <= last for first, last in places[i])
            if (
                backed[i] is None
                and near
                and (len(mentions) < 3 or dist == min(dists))
                and not (named_by and inside)
            ):
                backed[i] = what
    return [
        (1.0, depth_rules.WHY_EXPLAINED.format(what=f"“{what.strip()}”"))
        if what
        else (0.5, depth_rules.WHY_BARE)
        for what in backed
    ]


def _pieces(text: str) -> list[int]:
    """The comma piece of every word, counted afresh from the text (commas inside numbers,
    as in 2,000, cut nothing)."""
    marked = re.sub(r"(?<=\d),(?=\d)", " ", text)
    pieces, piece = [], 0
    for chunk in re.split(r"([,;])", marked):
        if chunk in (",", ";"):
            piece += 1
            continue
        pieces += [piece] * len(normalise(chunk).split())
    return pieces


class _Counted:
    """Spans that count how often they are read."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans, self.reads = spans, 0

    def __iter__(self):  # noqa: ANN204 - an iterator of spans
        self.reads += 1
        return iter(self.spans)


@SETTINGS
@given(texts)
def test_matched_and_spans_in_agree_with_matches(text: str) -> None:
    sentences = split_sentences(text)
    for rubric in RUBRICS:
        plan = compiled(rubric)
        index = Index(fold(text), sentences, plan.plan)
        for item in plan.items:
            found = index.matches(item.detect)
            assert index.matched(item.detect) == list(found)
            assert index.matching(item.detect) == sum(1 << i for i in found)
            for idx in range(len(sentences)):
                assert index.spans_in(item.detect, idx) == found.get(idx, [])


@SETTINGS
@given(texts)
@example(CROWDED)
def test_credit_is_the_same_when_only_needed_spans_are_read(text: str) -> None:
    sentences = split_sentences(text)
    for rubric in RUBRICS:
        plan = compiled(rubric)
        index = Index(fold(text), sentences, plan.plan)
        by_sentence: dict[int, list[tuple[int, list[tuple[int, int]], str | None]]] = {}
        for number, item in enumerate(plan.items):
            for idx, spans in index.matches(item.detect).items():
                own = index.first(item.explain, idx)
                by_sentence.setdefault(idx, []).append((number, spans, own and own.group()))
        for idx, found in by_sentence.items():
            depth = SentenceDepth(index.texts[idx])
            every = [Mention(n, list(spans), own) for n, spans, own in found]
            counted = [_Counted(spans) for _, spans, _ in found]
            lazy = [Mention(n, c, own) for (n, _, own), c in zip(found, counted, strict=True)]
            assert credit_mentions(depth, lazy) == _credit_reading_every_span(depth, every)
            # Outside a crowded sentence, a mention its own explain pattern backs is never read.
            if not depth.signals:  # nothing to measure from: no spans read at all
                assert not any(c.reads for c in counted)
            if len(found) < 3:
                assert all(
                    not c.reads for c, (_, _, own) in zip(counted, found, strict=True) if own
                )
