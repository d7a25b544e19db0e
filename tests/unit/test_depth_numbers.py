"""Depth: a number near an item explains it when it is an amount (a count, size, rate, latency,
ratio), not when it only labels something: a list or step marker, a clock time, a version."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.content.models import Item, Prompt, Rubric
from designcoach.grading.depth import SentenceDepth
from designcoach.grading.engine import credit_sentence, grade_text


@cache
def _whatsapp() -> tuple[Prompt, Rubric]:
    catalog = Catalog()
    prompt = catalog.prompt("whatsapp")
    return prompt, catalog.rubric_for(prompt)


def _item(item_id: str) -> Item:
    return next(i for i in _whatsapp()[1].items if i.id == item_id)


def _graded(text: str, item_id: str) -> tuple[float, str]:
    prompt, rubric = _whatsapp()
    result = next(i for i in grade_text(text, prompt, rubric).items if i.id == item_id)
    return result.credit, result.why


LABELS = [
    # list and step markers
    "Step 3: messages are stored in Cassandra.",
    "In step 3 the messages are stored in Cassandra.",
    "1. Messages are stored durably in Cassandra.",  # (a line's marker is cut off before)
    "2) Messages are stored durably in Cassandra.",
    "(3) Messages are stored durably in Cassandra.",
    "4: Messages are stored durably in Cassandra.",
    "Flow: 1) phones connect, 2) messages are stored durably in Cassandra.",
    "Option #2: messages are stored in Cassandra.",
    "In phase 2 the messages are stored in Cassandra.",
    "Version 2 of the design stores messages in Cassandra.",
    # versions after a product's name
    "Messages are stored in Cassandra 4.",
    "Messages are stored in Cassandra 4 for durability.",
    "Messages are stored in Cassandra, clients speak HTTP 1.1.",
    "Messages are stored in Cassandra, clients speak HTTP/1.1.",
    "Messages travel over TLS 1.3 and are stored in Cassandra.",
    "We run Python 3.11 and store the messages in Cassandra.",
    # clock times
    "At 10:30 messages are stored in Cassandra.",
    "[05:00] Messages are stored durably in Cassandra.",
    "At 3 pm messages are stored in Cassandra.",
    "At 3pm the messages are stored in Cassandra.",
]


@pytest.mark.parametrize("sentence", LABELS)
def test_a_number_that_only_labels_is_no_reason(sentence: str) -> None:
    assert credit_sentence(_item("message-store"), sentence) == 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Step 3: messages are stored in Cassandra.",
        "Messages are stored in Cassandra 4.",  # the capital is read in the answer as written
        "At 10:30 messages are stored in Cassandra.",
        "Flow: 1) phones connect, 2) messages are stored durably in Cassandra.",
    ],
)
def test_the_grader_gives_a_labelled_mention_half(text: str) -> None:
    credit, why = _graded(text, "message-store")
    assert credit == 0.5
    assert "without a reason" in why or "short sentence" in why


AMOUNTS = [
    "Messages are stored in Cassandra with a replication factor of 3.",
    "We keep 3 replicas of each message in Cassandra.",
    "Messages stay in Cassandra for 30 days.",
    "Cassandra serves chat history where reads outnumber posts 100:1.",
    "Cassandra serves chat history where reads outnumber posts 10:1.",
    "Cassandra serves chat history at a 1:10 read ratio.",
    "Messages are stored in Cassandra and p99 stays under 200 ms.",
    "Messages are stored in Cassandra for 2B users.",
    "Messages are stored in Cassandra at 99.9% availability.",
    "Messages are stored in Cassandra with RF 3.",
    "Messages are stored in Cassandra, 2.5 TB a day.",
    "Messages are kept in Cassandra 3 times over, one copy per zone.",
    "At this point 3 replicas keep the messages in Cassandra.",
    "3 replicas keep the messages in Cassandra.",
    "Messages are stored in Cassandra, step one of 3.",
    "Messages are stored in Cassandra (sharded by chat, 4) today.",
]


@pytest.mark.parametrize("sentence", AMOUNTS)
def test_an_amount_still_explains(sentence: str) -> None:
    assert credit_sentence(_item("message-store"), sentence) == 1.0


@pytest.mark.parametrize(
    ("sentence", "numbers"),
    [
        ("at 10:30 we keep 3 replicas", ["3"]),
        ("at 10:60 we keep replicas", ["10", "60"]),  # no clock reads 10:60
        ("reads outnumber writes 100:1 here", ["100", "1"]),
        ("we use Python 3.11 and write 2.5 TB", ["2", "5"]),
        ("Redis 7 nodes and Redis 7.", ["7"]),
        ("step 2 and step 2 of 3 steps", ["3"]),
        ("1) go, 2) go with 4 shards, 3) go", ["4"]),
    ],
)
def test_which_digits_are_numbers(sentence: str, numbers: list[str]) -> None:
    assert [what for _, what in SentenceDepth(sentence).signals] == numbers


BODIES = [
    "messages are stored in Cassandra.",
    "messages are stored durably in Cassandra.",
    "phones keep a web socket open to one chat server.",
    "a queue buffers messages in Kafka before they reach the store.",
    "each message is stored in Cassandra keyed by chat.",
    "the client retries until the server acknowledges delivery.",
]
# A prefix with a number in it, and the same with letters for the number.
PREFIXES = [
    ("Step {n}: ", "Step zz: "),
    ("Phase {n} ", "Phase zz "),
    ("{n}) ", "zz) "),
    ("({n}) ", "(zz) "),
    ("Option #{n}: ", "Option #zz: "),
    ("At {n}:30 ", "At zz yy "),
]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(PREFIXES),
    st.integers(0, 23),
    st.sampled_from(BODIES),
    st.sampled_from(["message-store", "websockets", "no-single-point", "offline-delivery"]),
)
def test_a_step_number_counts_no_more_than_letters(
    prefix: tuple[str, str], n: int, body: str, item_id: str
) -> None:
    """Prefixing a sentence with "Step 3: " (or a marker, or a time) earns what prefixing it
    with "Step zz: " does: the number is a label, not a reason."""
    item = _item(item_id)
    labelled, lettered = prefix
    assert credit_sentence(item, labelled.format(n=n) + body) == credit_sentence(
        item, lettered + body
    )
