"""Properties of the grader over any text (Hypothesis)."""

from __future__ import annotations

import re

from grading_fixtures import STRONG, chat
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import grade_text, item_matcher
from designcoach.grading.literal_index import Index
from designcoach.grading.matching import fold
from designcoach.grading.text import split_sentences

PROMPT, RUBRIC = chat()
BUNDLED = Catalog()
WA_PROMPT = BUNDLED.prompt("whatsapp")
WA_RUBRIC = BUNDLED.rubric_for(WA_PROMPT)

# Pieces that look like answers, transcripts, lists and arithmetic, mixed with anything at all.
PIECES = [
    *STRONG.splitlines(),
    *(s for i in WA_RUBRIC.items for s in i.examples.full + i.examples.half),
    *(s for m in WA_RUBRIC.misconceptions for s in m.examples.hit),
    "Interviewer: what next?",
    "[01:30] Candidate: we shard by chat id.",
    "Q: why?",
    "- Kafka, Redis, Cassandra, sharding",
    "500M x 40 = 20B/day; 20B / 86400 ~ 230K/s",
    "((((1 x 2 = 3",
    "e.g. İstanbul ſhard KELVIN ıd vs. x",
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=60)), min_size=0, max_size=25
).map(lambda parts: "\n".join(parts))
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _verbatim(span: str, text: str) -> bool:
    return span in text or " ".join(span.split()) in " ".join(text.split())


@SETTINGS
@given(text=texts, level=st.sampled_from(["junior", "mid", "senior", "staff"]))
def test_any_text_grades_within_range_with_verbatim_evidence(text: str, level: str) -> None:
    for prompt, rubric in ((PROMPT, RUBRIC), (WA_PROMPT, WA_RUBRIC)):
        report = grade_text(text, prompt, rubric, level=level)
        data = report.to_dict()
        assert 0.0 <= data["score"] <= 100.0
        assert data["band"] in ("strong hire", "hire", "lean no hire", "no hire")
        assert all(0.0 <= v <= 100.0 for v in data["categories"].values())
        for item in data["items"]:
            assert item["credit"] in (0.0, 0.5, 1.0)
            assert all(_verbatim(e, text) for e in item["evidence"])
        for mis in data["misconceptions"]:
            assert mis["evidence"] and all(_verbatim(e, text) for e in mis["evidence"])
        for est in data["estimates"]:
            assert _verbatim(est["evidence"], text)
        assert grade_text(text, prompt, rubric, level=level).to_dict() == data  # deterministic


EXPLAINED = {
    "realtime-push": "Each phone keeps a web socket open so that the server can push a message the moment it arrives.",
    "sharding": "We shard the message store by chat id so that one conversation lives on one shard.",
    "queue": "Messages for offline users wait in a Kafka queue and are retried when the user reconnects.",
    "replication": "Each partition is replicated three times across two regions, so a node failure loses nothing.",
    "presence": "Presence comes from heartbeats every 30 seconds, so last seen is the last heartbeat.",
}


@SETTINGS
@given(text=texts, item_id=st.sampled_from(sorted(EXPLAINED)))
def test_explaining_a_missing_item_never_lowers_the_score(text: str, item_id: str) -> None:
    before = grade_text(text, PROMPT, RUBRIC)
    after = grade_text(f"{text}\n\n{EXPLAINED[item_id]}", PROMPT, RUBRIC)
    assert after.score >= before.score
    assert next(i for i in after.items if i.id == item_id).credit == 1.0 or (
        after.transcript is not None  # appended to an interviewer's turn: not the candidate's
    )


@SETTINGS
@given(text=texts)
def test_fast_matching_agrees_with_plain_case_insensitive_search(text: str) -> None:
    sentences = split_sentences(text)
    index = Index(fold(text), sentences)
    for item in WA_RUBRIC.items:
        plain = re.compile("|".join(f"(?:{p})" for p in item.detect), re.IGNORECASE)
        fast = item_matcher(item).detect
        want = {i for i, s in enumerate(sentences) if plain.search(s.text)}
        got = set(index.matches(fast))
        assert got == want, item.id


def test_fold_reads_curly_single_quotes_as_the_apostrophe() -> None:
    # Text pasted from a word processor: "can’t" must meet a pattern's "can't", at equal length.
    assert fold("The DB Can’t use ‘one’ index") == "the db can't use 'one' index"
