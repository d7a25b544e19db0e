"""The bundled concept cards: one per id the rubrics may name, valid, linked, and faithful to the notes."""

from __future__ import annotations

import pytest
from card_ids import CARD_IDS

from designcoach.content.cards import card_sections, close_ids, near_ids, search_cards
from designcoach.content.catalog import Catalog
from designcoach.content.models import Card
from designcoach.paths import bundled_content_root


@pytest.fixture(scope="module")
def cards() -> list[Card]:
    return Catalog([bundled_content_root()]).cards()


def by_id(cards: list[Card], card_id: str) -> Card:
    return next(c for c in cards if c.id == card_id)


def test_every_card_id_has_a_valid_card_and_no_other(cards: list[Card]) -> None:
    assert sorted(c.id for c in cards) == sorted(CARD_IDS)


def test_related_cards_exist_and_each_card_says_enough(cards: list[Card]) -> None:
    ids = {c.id for c in cards}
    for card in cards:
        assert set(card.related) <= ids - {card.id}, card.id
        assert card.related, f"{card.id} links to no other card"
        assert len(card.tradeoffs) >= 2 and len(card.mistakes) >= 2, card.id
        assert card.aliases, card.id


def test_cache_writes_maps_the_notes_words_to_the_standard_ones(cards: list[Card]) -> None:
    wording = by_id(cards, "cache-writes").notes_wording or ""
    flat = " ".join(wording.split())
    # Their write-through is standard except for its aside on deferring the database write,
    # which is write-back: the card must not call all of it standard.
    assert '"write-through" matches the standard term only where' in flat
    assert "deferring the database write is write-back" in flat
    assert 'Their "write-back"' in flat and "call cache-aside" in flat
    assert 'Their "hybrid"' in flat and "call write-back, or write-behind" in flat


def test_cache_writes_does_not_file_deferred_writes_under_write_through(
    cards: list[Card],
) -> None:
    notes = " ".join(" ".join(by_id(cards, "cache-writes").from_notes).split())
    assert "wait and send to the database later" in notes
    assert "really write-back" in notes


@pytest.mark.parametrize(
    ("card_id", "facts"),
    [
        (
            "heartbeats",
            [
                "Miss one heartbeat: mark the service as critical",
                "Miss two: ask another service to restart",
            ],
        ),
        ("indexes", ["sort by only one index"]),
        ("geo-search", ["sort by only one index"]),
        ("quorum", ["quorum factor of x"]),
        ("blob-storage", ["5 images per user"]),
        ("graceful-degradation", ["seen and read receipts"]),
        ("realtime-push", ["web sockets rather than HTTP long polling"]),
    ],
)
def test_cards_keep_the_facts_of_the_notes(
    cards: list[Card], card_id: str, facts: list[str]
) -> None:
    notes = " ".join(by_id(cards, card_id).from_notes)
    for fact in facts:
        assert fact in notes, f"{card_id} lost {fact!r}"


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("write back", "cache-writes"),
        ("write-behind", "cache-writes"),
        ("LRU", "cache-eviction"),
        ("lru", "cache-eviction"),
        ("2pc", "distributed-transactions"),
        ("two phase commit", "distributed-transactions"),
        ("cache", "caching"),
        ("caches", "caching"),
        ("queues", "message-queues"),
        ("master slave", "replication"),
        ("web sockets", "realtime-push"),
        ("zombie", "heartbeats"),
        ("Tinder", "geo-search"),
        ("thrashing", "cache-eviction"),
        ("quorum", "quorum"),
        ("KISS", "interview-approach"),
    ],
)
def test_word_search_finds_the_right_card(cards: list[Card], query: str, best: str) -> None:
    matches = search_cards(cards, query)
    assert matches and matches[0].card.id == best, [m.card.id for m in matches[:3]]


def test_an_exact_id_beats_any_text_match(cards: list[Card]) -> None:
    for card in cards:
        assert search_cards(cards, card.id)[0].card.id == card.id


def test_text_matches_rank_below_names(cards: list[Card]) -> None:
    # "fencing" appears only in the text of some cards
    matches = search_cards(cards, "fencing")
    assert matches and all(m.score < 50 for m in matches)


def test_no_match_and_close_ids(cards: list[Card]) -> None:
    assert search_cards(cards, "xyzzy plugh") == []
    assert search_cards(cards, "  --  ") == []
    assert close_ids(cards, "cachng")[0] == "caching"
    assert "sharding" in close_ids(cards, "shardng")


@pytest.mark.parametrize("query", ["bloom filter", "the", "a", "of the", "how to", "cap theorem"])
def test_poor_matches_find_no_card(cards: list[Card], query: str) -> None:
    # "bloom filter" met geo-search on "filter" alone; "the" met whatever card said "the"
    assert search_cards(cards, query) == [], [m.card.id for m in search_cards(cards, query)]


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("what is caching", "caching"),
        ("how to shard a database", "sharding"),
        ("back of the envelope", "capacity-estimation"),
        ("rate limiting", "graceful-degradation"),  # one of that card's aliases
    ],
)
def test_stop_words_do_not_spoil_a_good_match(cards: list[Card], query: str, best: str) -> None:
    assert search_cards(cards, query)[0].card.id == best


def test_near_ids_are_the_cards_sharing_some_words(cards: list[Card]) -> None:
    assert near_ids(cards, "bloom filter")[0] == "geo-search"  # its text says "filter"
    assert near_ids(cards, "the") == [] and near_ids(cards, "xyzzy plugh") == []


def test_sections_cover_the_whole_card(cards: list[Card]) -> None:
    card = by_id(cards, "cache-writes")
    titles = [s.title for s in card_sections(card)]
    assert titles == [
        "The idea",
        "When to use it",
        "Trade-offs",
        "Common mistakes",
        "From your notes",
        "Wording in your notes",
    ]
    scaling = [s.title for s in card_sections(by_id(cards, "scaling"))]
    assert "Wording in your notes" not in scaling
