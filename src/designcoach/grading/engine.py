"""The grader: ties sentences, matching, depth, misconceptions, estimates and transcripts
into one deterministic Report. Public entry points: grade_text, credit_sentence,
misconception_hit, band_for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from designcoach.grading.depth import (
    Mention,
    SentenceDepth,
    credit_mentions,
    normalise,
    own_text,
    reasoned_credit,
    shape_credit,
)
from designcoach.grading.estimates import find_estimates
from designcoach.grading.estimates_wording import note as estimate_note
from designcoach.grading.literal_index import Index, Plan
from designcoach.grading.matching import Matcher, cached, fold
from designcoach.grading.misconceptions import (
    all_declined,
    asserted,
    decline_ends,
    misconception_hit,
)
from designcoach.grading.misconceptions import matcher as mis_matcher
from designcoach.grading.report import (
    EstimateResult,
    ItemResult,
    MisconceptionResult,
    PhaseTime,
    Report,
    TranscriptInfo,
)
from designcoach.grading.scoring import (
    Weighed,
    band_for,
    category_scores,
    level_for,
    pick_followups,
    weighted_score,
)
from designcoach.grading.text import Sentence, count_words, plain_spaces, split_sentences, unwrap
from designcoach.grading.transcript_phases import (
    assign_phases,
    phase_seconds,
    unordered_stamps,
    vote,
)
from designcoach.grading.transcripts import Transcript, read_transcript

if TYPE_CHECKING:  # grading reads content objects but never needs pydantic itself
    from designcoach.content.models import Item, Misconception, Prompt, Rubric

__all__ = ["band_for", "credit_sentence", "grade_text", "misconception_hit", "sentences"]

OFF_TOPIC_CAP = 10.0
WHY_MISSING = "not mentioned"
WHY_BAD_ESTIMATE = "named with arithmetic that is off by more than 10x"
# A sentence that asserts one of the rubric's misconceptions offers the wrong claim as its
# reasoning, so whatever reason word or number sits in it, what it names earns at most half.
WHY_WRONG_CLAIM = "named in a sentence that makes a wrong claim (see the misconceptions)"
# A misconception may name items it cancels: the sentence gives that item's name another
# meaning ("write-back: update the database, then invalidate"), so it earns nothing for it.
WHY_WRONG_MEANING = "named with another idea's meaning (see the misconceptions)"
MAX_EVIDENCE = 2
SETTLED = "(not read: the item is settled)"  # stands in for an explain match that is not sought
OWN_ONLY = "estimates"  # the category whose items generic reasons and numbers cannot back


@dataclass(frozen=True, slots=True)
class ItemMatcher:
    detect: Matcher
    explain: Matcher
    own_only: bool  # only `explain` gives full credit: an estimate needs a figure worked out


@dataclass(frozen=True, slots=True)
class CompiledRubric:
    items: tuple[ItemMatcher, ...]
    misconceptions: tuple[Matcher, ...]
    topic: tuple[Matcher, ...]
    plan: Plan  # every pattern above, read for the literals it needs


def _compile(rubric: Rubric) -> CompiledRubric:
    items = tuple(item_matcher(i) for i in rubric.items)
    misconceptions = tuple(mis_matcher(m) for m in rubric.misconceptions)
    topic = tuple(Matcher.of([p]) for p in rubric.topic)
    matchers = [
        *(m for im in items for m in (im.detect, im.explain)),
        *misconceptions,
        *topic,
    ]
    return CompiledRubric(items, misconceptions, topic, Plan(p for m in matchers for p in m.parts))


def item_matcher(item: Item) -> ItemMatcher:
    return cached(
        item,
        lambda: ItemMatcher(
            Matcher.of(item.detect), Matcher.of(item.explain), item.category == OWN_ONLY
        ),
    )


def compiled(rubric: Rubric) -> CompiledRubric:
    """The rubric's matchers, compiled on first use and cached for the rubric object."""
    return cached(rubric, lambda: _compile(rubric))


def sentences(text: str) -> list[Sentence]:
    """The sentences of a whole text, as grading cuts them (hard-wrapped lines joined)."""
    return split_sentences(unwrap(text))


class _SpansWhenAsked:
    """A mention's spans, found the first time they are read: most credits never read them
    (an explain pattern or the sentence's length decides), and finding every span of every
    pattern costs about three times finding that some pattern matches."""

    __slots__ = ("_index", "_matcher", "_idx", "_found")

    def __init__(self, index: Index, matcher: Matcher, idx: int) -> None:
        self._index, self._matcher, self._idx = index, matcher, idx
        self._found: list[tuple[int, int]] | None = None

    def __iter__(self) -> Iterator[tuple[int, int]]:
        if self._found is None:
            self._found = self._index.spans_in(self._matcher, self._idx)
        return iter(self._found)


def credit_sentence(
    item: Item, sentence: str, misconceptions: Iterable[Misconception] = ()
) -> float:
    """The credit one sentence alone earns for an item: 0, 0.5 or 1 (rubric examples use it).

    The sentence stands alone, so the bare-list rule sees only this item. `misconceptions`: the
    rubric's; a sentence that asserts one earns at most half, and nothing for an item it cancels.
    """
    folded = fold(sentence)
    im = item_matcher(item)
    spans = im.detect.spans(folded)
    if not spans or all_declined(decline_ends(folded), spans):
        return 0.0
    mention = Mention(0, spans, own_text(im.explain.first(folded), sentence), im.own_only)
    credit = credit_mentions(SentenceDepth(folded, cased=sentence), [mention])[0][0]
    if credit == 0:
        return credit
    wrong = [m for m in misconceptions if misconception_hit(m, sentence)]
    if any(item.id in m.cancels for m in wrong):
        return 0.0
    return 0.5 if credit == 1.0 and wrong else credit


class _Best:
    """An item's best credit so far, its reason, and the sentences that show it: first one
    whose reason is the item's own (its explain patterns) over one with a general reason (a
    number, a "because"), which would otherwise stand first only for coming first."""

    __slots__ = ("credit", "why", "evidence", "own", "settled")

    def __init__(self) -> None:
        self.credit = 0.0
        self.why = WHY_MISSING
        self.evidence: list[str] = []
        self.own = False  # the first evidence gives the item's own reason
        self.settled = False  # full credit, own reason, all the evidence shown: nothing changes

    def offer(self, credit: float, why: str, text: str, own: bool = False) -> None:
        if credit > self.credit or not self.evidence:
            self.credit, self.why, self.evidence, self.own = credit, why, [text], own
        elif credit == self.credit and credit > 0 and text not in self.evidence:
            if own and not self.own:
                self.why, self.own = why, True
                self.evidence = [text, *self.evidence][:MAX_EVIDENCE]
            elif len(self.evidence) < MAX_EVIDENCE:
                self.evidence.append(text)
        self.settled = self.credit == 1.0 and self.own and len(self.evidence) == MAX_EVIDENCE


class _Faults:
    """What holds a sentence's credit back: a wrong claim in it (at most half for what it
    names, nothing for an item it names with another idea's meaning) and, for an estimates
    item, arithmetic off by more than 10x (at most half)."""

    __slots__ = ("estimates", "wrong", "bad_estimates", "cancelled")

    def __init__(self, rubric: Rubric, wrong: list[list[int]], bad_estimates: set[int]) -> None:
        self.estimates = [item.category == "estimates" for item in rubric.items]
        self.wrong = {idx for hit_idx in wrong for idx in hit_idx}
        self.bad_estimates = bad_estimates
        # for each sentence asserting a misconception, the items (by number) it cancels
        self.cancelled: dict[int, set[int]] = {}
        for mis, hit_idx in zip(rubric.misconceptions, wrong, strict=True):
            if hit_idx and mis.cancels:
                numbers = {n for n, item in enumerate(rubric.items) if item.id in mis.cancels}
                for idx in hit_idx:
                    self.cancelled.setdefault(idx, set()).update(numbers)

    def offer(
        self, best: list[_Best], idx: int, mention: Mention, credit: float, why: str, text: str
    ) -> None:
        """Offer what sentence `idx` earns `mention`'s item, once its faults count."""
        number = mention.item
        if credit > 0 and number in self.cancelled.get(idx, ()):
            credit, why = 0.0, WHY_WRONG_MEANING
        elif credit == 1.0 and idx in self.bad_estimates and self.estimates[number]:
            credit, why = 0.5, WHY_BAD_ESTIMATE
        elif credit == 1.0 and idx in self.wrong:
            credit, why = 0.5, WHY_WRONG_CLAIM
        own = credit == 1.0 and mention.own_reason not in (None, SETTLED)
        best[number].offer(credit, why, text, own)


def _graded_sentences(text: str, transcript: Transcript | None) -> list[Sentence]:
    if transcript is None:
        return split_sentences(text)
    out: list[Sentence] = []
    for turn in transcript.candidate_turns:
        out.extend(split_sentences(text, turn.start, turn.end))
    return out


# Said when a file looks like a talk (lines labelled by names) but is graded as an answer.
READ_AS_ANSWER = (
    "Read as a written answer: label the turns Interviewer: and Candidate: to grade it as a"
    " transcript"
)


def grade_text(
    text: str,
    prompt: Prompt,
    rubric: Rubric,
    *,
    level: str | None = None,
    transcript: bool | None = None,
) -> Report:
    """Grade one answer or transcript; the same text always gets the same report.

    Args:
        level: junior, mid (default), senior or staff: changes weights and band cut-offs.
        transcript: None detects speaker turns; False grades every word as the answer.
    """
    lvl = level_for(level)
    text = plain_spaces(text)  # evidence then quotes a no-break space as a plain one
    turns, talk = read_transcript(text) if transcript is not False else (None, False)
    # A line break that wraps a sentence is a space (same length: turns and spans still hold).
    text = unwrap(text)
    sents = _graded_sentences(text, turns)
    rubric_m = compiled(rubric)
    folded_text = fold(text)
    index = Index(folded_text, sents, rubric_m.plan)
    folded = index.texts

    # Each sentence's mentions, in rubric order (the order items are taken in here); their
    # explain patterns run later, and only where they can matter.
    by_sentence: dict[int, list[Mention]] = {}
    for number, im in enumerate(rubric_m.items):
        for idx in index.matched(im.detect):
            spans = _SpansWhenAsked(index, im.detect, idx)
            by_sentence.setdefault(idx, []).append(Mention(number, spans, None, im.own_only))

    estimates = find_estimates(sents, index.digits)

    # The sentences that assert each misconception (in order), and all of them together.
    wrong = [
        [
            idx
            for idx, spans in sorted(index.matches(mm).items())
            if asserted(folded[idx], spans, mm)
        ]
        for mm in rubric_m.misconceptions
    ]
    faults = _Faults(rubric, wrong, {e.sentence for e in estimates if not e.ok})

    best = [_Best() for _ in rubric.items]
    norm = normalise(folded_text)  # once: sliced for each sentence, and split for the count
    # (for a transcript's replies: what each sentence names alone, before any is declined)
    named_alone = (
        {(idx, m.item) for idx, mentions in by_sentence.items() for m in mentions}
        if turns is not None
        else set()
    )
    for idx in sorted(by_sentence):
        mentions = by_sentence[idx]
        declines = decline_ends(folded[idx])
        if declines:
            # "we will not use a session service": named, but not part of the design
            mentions = [m for m in mentions if not all_declined(declines, m.spans)]
            by_sentence[idx] = mentions
            if not mentions:
                continue
        if all(best[m.item].settled for m in mentions):
            continue  # nothing this sentence earns can change what those items show
        sent = sents[idx]
        depth = SentenceDepth(folded[idx], norm[sent.start : sent.end], sent.text)
        credits = shape_credit(depth, len(mentions))
        if credits is None:
            for m in mentions:
                if best[m.item].settled:
                    # Whatever it earns is dropped, and no other mention's credit depends on
                    # whether this one has its own reason: spare the explain patterns.
                    m.own_reason = SETTLED
                else:
                    own = index.first(rubric_m.items[m.item].explain, idx)
                    m.own_reason = own_text(own, sent.text)
            credits = reasoned_credit(depth, mentions)
        for mention, (credit, why) in zip(mentions, credits, strict=True):
            faults.offer(best, idx, mention, credit, why, sent.text)

    if turns is not None:
        from designcoach.grading.replies import answered  # transcripts only

        settled = [b.settled for b in best]
        for idx, mention, (credit, why) in answered(
            text, turns, sents, index, norm, rubric, rubric_m, named_alone, settled
        ):
            faults.offer(best, idx, mention, credit, why, sents[idx].text)

    items = [
        ItemResult(
            id=item.id,
            title=item.title,
            category=item.category,
            weight=item.weight,
            credit=b.credit,
            evidence=b.evidence,
            hint=item.hint,
            note=item.notes,
            followup=item.followup,
            card=item.card,
            why=b.why,
        )
        for item, b in zip(rubric.items, best, strict=True)
    ]

    found: list[MisconceptionResult] = []
    for mis, hit_idx in zip(rubric.misconceptions, wrong, strict=True):
        hits = [sents[idx].text for idx in hit_idx]
        if hits:
            found.append(
                MisconceptionResult(
                    mis.id,
                    mis.title,
                    hits[:MAX_EVIDENCE],
                    mis.correction,
                    mis.note,
                    mis.penalty,
                    mis.card,
                )
            )

    off_topic, topic_share = _off_topic(index, sents, rubric_m, rubric.topic_min)
    relevance = (
        "names too little of this prompt's topic to be an answer to it, so the score is capped"
        if off_topic
        else ""
    )

    weighed = [Weighed(i.category, i.weight, i.credit) for i in items]
    score = weighted_score(weighed, lvl) - sum(m.penalty for m in found)
    if off_topic:
        score = min(score, OFF_TOPIC_CAP)
    score = round(min(100.0, max(0.0, score)), 1)
    band, anchor = band_for(score, lvl.name)

    info = None
    if turns is not None:
        info = _transcript_info(text, turns, prompt, rubric, sents, by_sentence)

    return Report(
        prompt=prompt.id,
        score=score,
        band=band,
        # the answer's words: for a transcript the candidate's (the interviewer's are not graded)
        # (`norm` splits where the text does: tests/unit/test_word_count.py)
        words=info.candidate_words if info is not None else len(norm.split()),
        items=items,
        misconceptions=found,
        followups=pick_followups(
            [(i.weight * lvl.factor(i.category), i.credit, i.followup) for i in items],
            prompt.followups,
        ),
        categories=category_scores(weighed),
        estimates=[
            EstimateResult(
                " ".join(text[e.start : e.end].split()),
                e.stated,
                e.computed,
                e.ok,
                estimate_note(e, e.unit, e.rate),
            )
            for e in estimates
        ],
        transcript=info,
        anchor=anchor,
        off_topic=off_topic,
        level=lvl.name,
        topic_share=round(topic_share, 2),
        relevance=relevance,
        reading=READ_AS_ANSWER if talk else "",
    )


def _off_topic(
    index: Index, sents: list[Sentence], rubric_m: CompiledRubric, topic_min: int
) -> tuple[bool, float]:
    """Whether the answer is about another question, and its share of on-topic words.

    Off topic: fewer than `topic_min` of the rubric's topic patterns (HELPERS.md). The share of
    words in on-topic sentences is reported but not used: every density rule tried either capped
    terse or short real answers or could push an answer off topic when more was added to it.
    """
    found, on_topic = 0, 0  # topic patterns met; sentences (bits) that meet one
    for tm in rubric_m.topic:
        hits = index.matching(tm)
        found += 1 if hits else 0
        on_topic |= hits
    # (Sentences are stripped and apart, so joined with spaces they split into the same words.)
    words = count_words(" ".join([s.text for s in sents]))
    if on_topic == (1 << len(sents)) - 1:
        topic_words = words
    else:
        topic_words = count_words(
            " ".join([s.text for i, s in enumerate(sents) if on_topic >> i & 1])
        )
    return found < topic_min, (topic_words / words if words else 0.0)


def _transcript_info(
    text: str,
    turns: Transcript,
    prompt: Prompt,
    rubric: Rubric,
    sents: list[Sentence],
    by_sentence: dict[int, list[Mention]],
) -> TranscriptInfo:
    info = TranscriptInfo(
        candidate_words=sum(t.words for t in turns.candidate_turns),
        interviewer_words=sum(t.words for t in turns.turns if t.role == "interviewer"),
        turns=len(turns.turns),
    )
    if not turns.stamped:
        return info
    phases = [p.id for p in prompt.phases]
    cats: list[list[str]] = [[] for _ in turns.turns]
    bounds = [(t.start, t.end) for t in turns.turns]
    for idx, mentions in by_sentence.items():
        pos = sents[idx].start
        for t, (lo, hi) in enumerate(bounds):
            if lo <= pos < hi:
                cats[t].extend(rubric.items[m.item].category for m in mentions)
                break
    vote(text, turns, phases, cats)
    assign_phases(turns, phases)
    spent = phase_seconds(turns, phases)
    info.unordered_stamps = unordered_stamps(turns)
    info.phases = [
        PhaseTime(p.id, round(spent.get(p.id, 0.0)), round(p.minutes * 60), p.title)
        for p in prompt.phases
    ]
    return info
