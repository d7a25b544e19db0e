"""Concept cards: finding one by words ("write back", "LRU", "2pc") and laying one out for display."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from designcoach.content.models import Card

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Light stemming so "caches", "caching" and "cache" meet, and "queues" finds "queue".
_SUFFIXES = ("ing", "es", "ed", "s", "e")
# Words every card's text has: matching on them alone ("the", "how to") found a card for anything.
_STOP_TEXT = (
    "a about an and are as at be between by can do does for from how i in into is it its my of on "
    "or should the to use using vs what when where which who why with"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())


def normalize(text: str) -> str:
    """Lower case, with every run of punctuation or space made one space ("Write-Back" -> "write back")."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def stems(text: str) -> list[str]:
    return [stem(w) for w in normalize(text).split()]


def topic_stems(query: str) -> list[str]:
    """The stems of the query's words that say what it is about (no stop words)."""
    return [stem(w) for w in normalize(query).split() if w not in STOP_WORDS]


def card_text(card: Card) -> str:
    """Everything a card says, as one string for word search."""
    parts = [card.summary, card.idea, card.when, *card.tradeoffs, *card.mistakes, *card.from_notes]
    if card.notes_wording:
        parts.append(card.notes_wording)
    return " ".join(parts)


@functools.lru_cache(maxsize=256)  # a card's text is indexed once, not once per query
def _indexed(text: str) -> tuple[str, frozenset[str]]:
    body = normalize(text)
    return body, frozenset(stem(w) for w in body.split())


@dataclass(frozen=True)
class Match:
    card: Card
    score: float


def _score(card: Card, query: str, query_stems: list[str]) -> float:
    if not query_stems:  # only stop words: "the" is in many names ("back of the envelope")
        return 0.0
    names = [card.id, card.title, *card.aliases]
    normal = [normalize(n) for n in names]
    if query in normal:
        return 100.0 if query == normalize(card.id) else 90.0
    padded = [f" {n} " for n in normal]
    if any(f" {query} " in n for n in padded):
        return 70.0
    name_stems = set(stems(" ".join(names)))
    if all(s in name_stems for s in query_stems):
        # "cache" names caching, cache-writes and cache-eviction; the id it covers best wins.
        id_stems = stems(card.id)
        return 50.0 + 10.0 * sum(s in query_stems for s in id_stems) / len(id_stems)
    found = _found(card, query_stems)
    # Two words of which the text has one ("bloom filter": only "filter") is another topic;
    # from three words on, two in three found is close enough.
    if found * 3 < len(query_stems) * 2:
        return 0.0
    body = _indexed(card_text(card))[0]
    return 20.0 * found / len(query_stems) + (10.0 if f" {query} " in f" {body} " else 0.0)


def _found(card: Card, query_stems: list[str]) -> int:
    """How many of the stems the card's names or text have."""
    names = stems(" ".join([card.id, card.title, *card.aliases]))
    body_stems = _indexed(card_text(card))[1]
    return sum(s in body_stems or s in names for s in query_stems)


def search_cards(cards: list[Card], query: str) -> list[Match]:
    """Cards that match the query, best first: id, title and aliases outrank the text."""
    wanted = normalize(query)
    if not wanted:
        return []
    wanted_stems = topic_stems(wanted)
    matches = [Match(card, _score(card, wanted, wanted_stems)) for card in cards]
    return sorted((m for m in matches if m.score > 0), key=lambda m: (-m.score, m.card.id))


def near_ids(cards: list[Card], query: str, n: int = 3) -> list[str]:
    """Ids of the cards that have some of the query's words, most first (when none matches)."""
    wanted = topic_stems(query)
    counts = [(_found(card, wanted), card.id) for card in cards]
    return [card_id for count, card_id in sorted(counts, key=lambda c: (-c[0], c[1])) if count][:n]


def close_ids(cards: list[Card], query: str, n: int = 3) -> list[str]:
    """Card ids whose id, title or an alias looks like the query (for "did you mean")."""
    names: dict[str, str] = {}
    for card in cards:
        for name in (card.id, card.title, *card.aliases):
            names.setdefault(normalize(name), card.id)
    found = difflib.get_close_matches(normalize(query), list(names), n=n * 3, cutoff=0.6)
    ids: list[str] = []
    for name in found:
        if names[name] not in ids:
            ids.append(names[name])
    return ids[:n]


class Section(NamedTuple):
    title: str
    paragraphs: list[str]
    bullets: bool  # a list of points rather than running text


def card_sections(card: Card) -> list[Section]:
    """A card as titled sections, for any renderer (the CLI, the TUI, the grade report)."""
    sections = [
        Section("The idea", [card.idea], False),
        Section("When to use it", [card.when], False),
        Section("Trade-offs", list(card.tradeoffs), True),
        Section("Common mistakes", list(card.mistakes), True),
    ]
    if card.from_notes:
        sections.append(Section("From your notes", list(card.from_notes), True))
    if card.notes_wording:
        sections.append(Section("Wording in your notes", [card.notes_wording], False))
    return sections
