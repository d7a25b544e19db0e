"""Lists of terms earn nothing whatever they hold; real sentences naming several items earn
half for each; an estimate earns full credit only for a figure it works out."""

from __future__ import annotations

from functools import cache

import pytest
from grading_fixtures import chat, item

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt, Rubric
from designcoach.grading.depth import WHY_LIST, SentenceDepth
from designcoach.grading.engine import credit_sentence, grade_text
from designcoach.grading.report import Report
from designcoach.paths import bundled_content_root

# A keyword-stuffed answer: one line of terms, with numbers and a reason word or two thrown in.
BUZZWORDS = (
    "web sockets, long-lived connection, server push, Kafka topic per chat, Cassandra, "
    "partition key chat_id, clustering by seq, idempotent sends, client message id, dedup, "
    "S3 buckets, CDN, thumbnails, session service, Redis with TTL, presence, heartbeats, "
    "last seen, read receipts, delivered ticks, acks, offline inbox, push notifications, "
    "load shedding, graceful degradation, replication, failover, multiple load balancers, "
    "no single point of failure, cursor pagination, 500M DAU, 20B msgs/day, 230k QPS, "
    "1M peak, 3000 gateway servers, 40k sockets per box, p99 latency 300 ms, durable, "
    "highly available, NoSQL over SQL, cache-aside, LRU, consistent hashing, sharding, "
    "group fan-out, membership service, temporary chats, retention 30 days, because scale."
)
PROSE_WITH_COMMAS = (
    "In scope: one-to-one chat, group chat up to 256 members, sent / delivered / read "
    "receipts, online status and last seen, and photo sharing."
)


@cache
def bundled(prompt_id: str) -> tuple[Prompt, Rubric]:
    catalog = Catalog([bundled_content_root()])
    prompt = catalog.prompt(prompt_id)
    return prompt, catalog.rubric_for(prompt)


def grade(prompt_id: str, text: str) -> Report:
    return grade_text(text, *bundled(prompt_id))


def test_a_line_of_buzzwords_scores_nothing_but_shows_its_evidence() -> None:
    report = grade("whatsapp", BUZZWORDS)
    assert report.score <= 5, report.score
    named = [i for i in report.items if i.evidence]
    assert len(named) >= 15  # it names nearly everything...
    assert all(i.credit == 0.0 and i.why == WHY_LIST for i in named)  # ...and earns nothing


@pytest.mark.parametrize("joint", [", ", "; ", " | ", " / "])
def test_a_list_earns_nothing_whatever_it_holds(joint: str) -> None:
    terms = ["web sockets", "Kafka", "Cassandra because writes", "230k QPS", "Redis TTL"]
    sentence = joint.join(terms) + "."
    assert SentenceDepth(sentence).is_list()
    report = grade("whatsapp", sentence)
    assert all(i.credit == 0.0 for i in report.items), [(i.id, i.credit) for i in report.items]


def test_a_number_written_with_a_comma_is_one_piece() -> None:
    # three pieces, not four: "2,000" does not make a list of "30 ms, 2, 000 servers, ..."
    assert not SentenceDepth("We need 2,000 servers, 40k sockets each, and Redis.").is_list()


@pytest.mark.parametrize(
    "sentence",
    [
        PROSE_WITH_COMMAS,
        "Boundaries follow capabilities: orders, menus, payments, courier dispatch, because "
        "each changes for its own reasons and has one owning team.",
        "First, we shard by user, then we replicate, and finally we add a cache.",
    ],
)
def test_prose_with_commas_is_not_a_list(sentence: str) -> None:
    assert not SentenceDepth(sentence).is_list()


def test_a_scope_sentence_with_commas_earns_credit_for_what_it_names() -> None:
    credits = {i.id: i.credit for i in grade("whatsapp", PROSE_WITH_COMMAS).items}
    assert credits["receipts"] >= 0.5
    assert credits["presence"] >= 0.5


def test_a_real_sentence_naming_several_items_earns_half_for_each() -> None:
    sentence = "A cache cluster with consistent hashing and LRU eviction, cache-aside reads."
    report = grade("distributed-cache", sentence)
    named = {i.id: i.credit for i in report.items if i.evidence}
    assert {"consistent-hashing", "eviction", "cache-aside"} <= set(named)
    assert set(named.values()) == {0.5}
    assert report.score > 0


def test_a_list_in_the_fixture_rubric_shows_why() -> None:
    prompt, rubric = chat()
    text = "Web sockets, Cassandra, sharding, Kafka and a CDN."
    store = next(i for i in grade_text(text, prompt, rubric).items if i.id == "message-store")
    assert (store.credit, store.why) == (0.0, WHY_LIST)


ESTIMATE_VAGUE = (
    "There are about 500 million daily users, so there will be a lot of messages per second "
    "and a lot of storage."
)


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        (ESTIMATE_VAGUE, 0.5),  # a given number and "about": nothing worked out
        ("We should estimate the messages per second, because that sizes the tier.", 0.5),
        ("500 million users sending 40 each is 20 billion messages a day.", 1.0),
        ("20B / 86400 is roughly 230k messages per second.", 1.0),
        ("At 200 bytes each that is 4 TB of new data per day.", 1.0),
    ],
)
def test_an_estimate_needs_a_derived_figure(sentence: str, credit: float) -> None:
    whatsapp = next(i for i in bundled("whatsapp")[1].items if i.id == "message-throughput")
    assert credit_sentence(whatsapp, sentence) == credit


def test_a_generic_reason_or_number_does_not_back_an_estimate() -> None:
    # the fixture's throughput item explains with "million"/"billion" only: "because" and "40"
    # right beside it back any other item, not this one
    sentence = "Phones send about 40 messages per second at peak because people chat a lot."
    assert credit_sentence(item("throughput"), sentence) == 0.5
    assert credit_sentence(item("throughput"), "Phones send 2 million messages per second.") == 1
