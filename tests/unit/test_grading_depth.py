"""Depth: naming a concept earns half, explaining it earns full, lists and fragments earn nothing."""

from __future__ import annotations

import pytest
from grading_fixtures import chat, item

from designcoach.grading.engine import credit_sentence, grade_text


def _credit(text: str, item_id: str) -> tuple[float, list[str], str]:
    prompt, rubric = chat()
    report = grade_text(text, prompt, rubric)
    result = next(i for i in report.items if i.id == item_id)
    return result.credit, result.evidence, result.why


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        ("We use web sockets.", 0.5),  # named, short
        ("Phones keep a web socket open to one chat server.", 0.5),  # named, no reason
        ("Phones keep a web socket open because the server can then push at once.", 1.0),
        ("Phones keep a web socket open instead of polling, which saves battery.", 1.0),
        ("Phones hold web sockets, about 2 per device on average here.", 1.0),  # a number
        ("Web sockets", 0.0),  # a fragment
        ("Nothing about pushing here at all, just text.", 0.0),
    ],
)
def test_sentence_credit(sentence: str, credit: float) -> None:
    assert credit_sentence(item("realtime-push"), sentence) == credit


def test_reason_far_from_the_concept_does_not_count() -> None:
    text = (
        "Phones keep a web socket open to a chat server and the server stores each chat "
        "in a table with one row for every message that comes in from anywhere because reasons."
    )
    credit, _, why = _credit(text, "realtime-push")
    assert credit == 0.5
    assert "without a reason" in why


def test_bare_list_earns_nothing_but_shows_its_evidence() -> None:
    text = "Web sockets, Cassandra, sharding, Kafka and a CDN."
    credit, evidence, why = _credit(text, "message-store")
    assert credit == 0.0
    assert evidence == ["Web sockets, Cassandra, sharding, Kafka and a CDN."]
    assert "list" in why


def test_one_reason_in_a_crowded_sentence_backs_only_the_nearest_item() -> None:
    text = (
        "We run web sockets on the chat servers, buffer in Kafka, shard the store and "
        "put Cassandra underneath because it absorbs heavy write traffic well."
    )
    prompt, rubric = chat()
    credits = {i.id: i.credit for i in grade_text(text, prompt, rubric).items}
    assert credits["message-store"] == 1.0
    assert credits["realtime-push"] == 0.5
    assert credits["queue"] == 0.5


def test_saying_it_twice_earns_nothing_more() -> None:
    once = "Phones keep a web socket open because the server can then push at once."
    prompt, rubric = chat()
    first = grade_text(once, prompt, rubric)
    twice = grade_text(f"{once}\n{once}\nAgain: {once}", prompt, rubric)
    assert twice.score == first.score
    push = next(i for i in twice.items if i.id == "realtime-push")
    assert push.evidence[0] == once
    assert push.evidence.count(once) == 1  # the same sentence is not quoted twice


def test_best_sentence_wins_and_is_quoted() -> None:
    text = (
        "We use web sockets.\n"
        "Each phone keeps a web socket open so that the server can push new messages at once."
    )
    credit, evidence, _ = _credit(text, "realtime-push")
    assert credit == 1.0
    assert evidence == [
        "Each phone keeps a web socket open so that the server can push new messages at once."
    ]


def test_wrong_arithmetic_cannot_earn_full_estimate_credit() -> None:
    good = "500M users x 40 messages a day = 20B messages per day, and that is the peak load."
    bad = "500M users x 40 messages a day = 20M messages per day, and that is the peak load."
    assert _credit(good, "throughput")[0] == 1.0
    credit, _, why = _credit(bad, "throughput")
    assert credit == 0.5
    assert "10x" in why


def _bundled(rubric_id: str, item_id: str):  # noqa: ANN202 - a rubric and one of its items
    from designcoach.content.catalog import Catalog

    rubric = Catalog().rubric(rubric_id)
    return rubric, next(i for i in rubric.items if i.id == item_id)


@pytest.mark.parametrize(
    ("sentence", "credit"),
    [
        # The number is part of the term's name, so it backs nothing for that term.
        ("If something fails we can use two-phase commit to roll everything back.", 0.5),
        ("If a step fails we fall back to 2PC across all the services.", 0.5),
        ("If a step fails we fall back to three-phase commit across the services.", 0.5),
        # A number beside the name, not inside it, still counts as before.
        ("We tried two-phase commit and it took 40 ms per order in tests.", 1.0),
    ],
)
def test_a_number_in_an_items_own_name_does_not_back_it(sentence: str, credit: float) -> None:
    _, two_pc = _bundled("order-pipeline", "two-phase-commit")
    assert credit_sentence(two_pc, sentence) == credit


def test_a_replica_count_that_names_the_item_is_no_reason() -> None:
    _, replicas = _bundled("quorum-kv-store", "preference-list")
    assert credit_sentence(replicas, "Each key is stored on 3 servers in our cluster.") == 0.5
    assert credit_sentence(replicas, "Each key is stored on 3 servers in 3 zones.") == 1.0


def test_a_sentence_that_asserts_a_misconception_earns_at_most_half() -> None:
    rubric, write_through = _bundled("distributed-cache", "write-through")
    wrong = "We use write-through because it makes writes faster."
    assert credit_sentence(write_through, wrong) == 1.0  # the reason word alone would do
    assert credit_sentence(write_through, wrong, rubric.misconceptions) == 0.5
    right = "We use write-through because every write must update both the cache and the store."
    assert credit_sentence(write_through, right, rubric.misconceptions) == 1.0


def test_the_report_says_why_a_wrong_claim_earns_half() -> None:
    from designcoach.content.catalog import Catalog

    catalog = Catalog()
    prompt = catalog.prompt("distributed-cache")
    text = (
        "I would put Redis in front of the database.\n"
        "We use write-through because it makes writes faster.\n"
    )
    report = grade_text(text, prompt, catalog.rubric_for(prompt))
    result = next(i for i in report.items if i.id == "write-through")
    assert result.credit == 0.5
    assert "wrong claim" in result.why
    assert [m.id for m in report.misconceptions] == ["write-through-fast-writes"]


def test_in_a_crowded_sentence_a_number_goes_with_its_own_comma_piece() -> None:
    from designcoach.content.catalog import Catalog

    catalog = Catalog()
    prompt = catalog.prompt("whatsapp")
    rubric = catalog.rubric_for(prompt)
    text = (
        "Functional: one-to-one chat, group chat up to 256 members, sent/delivered/read "
        "receipts, online status and last seen, photo sharing."
    )
    items = {i.id: i for i in grade_text(text, prompt, rubric).items}
    assert items["group-messaging"].why == "explained: “256”"  # the groups' own number
    assert items["receipts"].credit == 0.5 and "without a reason" in items["receipts"].why
