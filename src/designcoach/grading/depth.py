"""Depth: whether a sentence explains a concept or only names it.

Rules (HELPERS.md, made harder to game):
- a fragment of three words or fewer earns nothing; under six words, at most half;
- a list of terms earns nothing whatever numbers or reason words it holds (its evidence is
  still shown): four or more pieces cut at commas, semicolons, bars or spaced slashes, at
  least three quarters of them terms (three words or fewer, no verb-like word such as "is",
  "we", "which"); a real sentence naming several items without reasons earns half for each;
- full credit needs the item's own `explain` pattern, or a generic reason (because, so that,
  trade-off, ...) or a number within ten words of where the item is named; in a sentence
  that names three or more items, each generic reason or number backs only the nearest item;
- a number is an amount: a count, size, rate, latency, share or ratio ("3 replicas", "a factor
  of 3", "30 days", "2B users", "500 ms", "99.9%", "100:1"), written in digits or as a number
  word. Digits that only label or date something are no number: a list or step marker (at
  the start of a sentence before ".", ")" or ":"; "1)" after a comma or colon; "#2"; after
  step, phase, part, point, option, stage, version, v, no. or number), a clock time ("10:30",
  "[05:00]", "3 pm"; not in a sentence about a ratio) and a version after a capitalised name
  ("Cassandra 4", "Python 3.11", "HTTP/1.1") that ends the sentence or a clause, or that a
  word such as "for", "with" or "is" follows rather than a unit or a noun. When in doubt,
  digits are an amount;
- a number inside the words that name an item is part of its name ("two-phase commit", "2PC",
  "mod 8", "stored on 3 servers"), so it backs no reason for that item;
- an estimate (a mention marked `own_only`) needs its own `explain` pattern (a derived
  figure): a number or "about" near it proves no arithmetic.

Words are found with str methods (lower, translate, split) rather than regexes: grading an
800-word answer has to stay under a millisecond.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from designcoach.grading.text import SEPARATE, translate

# One-word reasons, and phrases (matched word by word after their first word).
REASON_WORDS = frozenset(
    [
        "because",
        "since",
        "otherwise",
        "tradeoff",
        "tradeoffs",
        "but",
        "however",
        "although",
        "whereas",
        "downside",
        "downsides",
        "upside",
        "upsides",
        "drawback",
        "drawbacks",
        "avoid",
        "avoids",
        "prevent",
        "prevents",
        "ensure",
        "ensures",
        "guarantee",
        "guarantees",
        "unless",
    ]
)
REASON_PHRASES = (
    "so that", "so we", "so the", "so it", "so each", "which means", "this means", "that means",
    "to avoid", "to keep", "to reduce", "to spread", "in order to", "trade off", "trade offs",
    "at the cost of", "the cost is", "instead of", "rather than", "in exchange",
)  # fmt: skip
NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "trillions",
        "dozen",
        "dozens",
        "twice",
        "double",
        "triple",
    ]
)
# Phrases by their first two words: most heads ("to", "the", "so") start no phrase where they
# stand, and the word after them says so at once. Phrases sharing two words keep their order.
_PHRASES_BY_PAIR: dict[tuple[str, str], list[list[str]]] = {}
for _phrase in REASON_PHRASES:
    _head, *_rest = _phrase.split()
    _PHRASES_BY_PAIR.setdefault((_head, _rest[0]), []).append(_rest)
_PHRASE_HEADS = frozenset(head for head, _ in _PHRASES_BY_PAIR)
_SINGLE_WORDS = REASON_WORDS | NUMBER_WORDS
_SIGNAL_WORDS = _SINGLE_WORDS | _PHRASE_HEADS
_DIGITS = frozenset("0123456789")
# Numbers that only label something (see `not_an_amount`): the words they follow, ...
MARKER_WORDS = frozenset(
    ["step", "steps", "phase", "phases", "part", "parts", "point", "option", "options", "stage",
     "stages", "version", "versions", "ver", "v", "no", "number"]
)  # fmt: skip
# ... the words before "point" that make it "at this point" rather than a numbered point, ...
_POINT_IDIOM = frozenset(["this", "that", "some", "any", "one", "which", "what", "the", "a"])
# ... capitalised words a number after which is still an amount ("RF 3", "TTL 30", "QPS 12"),
_QUANTITY_NAMES = frozenset(
    ["rf", "qps", "rps", "tps", "wps", "dau", "mau", "ttl", "sla", "slo", "rto", "rpo", "top",
     "factor", "replicas", "nodes", "shards", "servers", "partitions", "brokers", "copies",
     "users", "regions", "zones", "peak", "total", "about", "around", "roughly", "approx"]
)  # fmt: skip
# ... and the words that may follow a version where a unit or a noun would follow an amount.
_AFTER_VERSION = frozenset(
    ["and", "or", "for", "with", "as", "to", "in", "on", "at", "is", "are", "was", "were",
     "which", "that", "because", "since", "so", "but", "over", "via", "from", "by", "instead",
     "rather", "here", "there", "we", "it", "has", "supports", "gives", "lets"]
)  # fmt: skip
NEAR_WORDS = 10
MIN_WORDS_FULL = 6
MAX_FRAGMENT_WORDS = 3
LIST_MIN_ITEMS = 3  # from here on a sentence is crowded: a signal backs the nearest item only
LIST_MIN_PIECES = 4
TERM_WORDS = 3
LIST_SHARE_NUM, LIST_SHARE_DENOM = 3, 4  # the share of pieces that are terms, at least
# Words that make a piece a clause rather than a term: auxiliaries, modals, subject pronouns
# and relative words. (No tagger: these few are what real prose between commas nearly always
# holds and a pasted list of terms does not.)
CLAUSE_WORDS = frozenset(
    ["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do",
     "does", "did", "will", "would", "can", "could", "should", "must", "may", "might", "shall",
     "we", "i", "you", "he", "she", "it", "they", "which", "who", "that", "when", "where",
     "while", "if", "then", "because", "so"]
)  # fmt: skip
# Commas, semicolons and bars cut a list; so does a slash with spaces round it.
_OTHER_CUTS = (";", "|", " / ")

WHY_FRAGMENT = "a fragment of three words or fewer: say what it does and why"
WHY_LIST = "named in a list of terms with no reasoning: explain it in a sentence of its own"
WHY_SHORT = "named in a short sentence: add the reason, trade-off or number"
WHY_BARE = "named without a reason, trade-off or number next to it"
WHY_NO_FIGURE = "named without a worked figure: derive the rate, the size or the server count"
WHY_EXPLAINED = "explained: {what}"
# Its two ends, joined round the quoted reason (an f-string costs less than str.format).
_EXPLAINED_HEAD, _EXPLAINED_TAIL = WHY_EXPLAINED.split("{what}")


@dataclass(slots=True)
class Mention:
    """One rubric item named in one sentence: where, and whether its own explain pattern hit."""

    item: int
    # Where it is named: read only when a reason or number nearby may back it, so the grader
    # may hand over an iterable that finds them then.
    spans: Iterable[tuple[int, int]]
    own_reason: str | None  # text of the item's explain match, if any
    # Only the item's own explain pattern can give it full credit (estimates: a number or
    # "about" nearby is not a figure worked out).
    own_only: bool = False


def normalise(text: str) -> str:
    """Lower-cased, punctuation turned to spaces, and the same length as `text` (so character
    offsets of regex matches still apply); each character on its own, so slices commute."""
    norm = translate(text.lower(), SEPARATE)
    if len(norm) != len(text):  # a letter whose lower case is longer (rare)
        norm = translate("".join(ch.lower()[:1] for ch in text), SEPARATE)
    return norm


class SentenceDepth:
    """The words, reasons and numbers of one sentence, computed once for all its mentions."""

    __slots__ = ("text", "norm", "cased", "words", "_signals", "_cuts")

    def __init__(self, text: str, norm: str | None = None, cased: str | None = None) -> None:
        # `norm`: normalise(text), when the caller has it (a slice of the whole answer's).
        # `cased`: the sentence as written, when `text` is its folded form (the same length):
        # whether a number follows a capitalised name is read there.
        self.text = text
        self.norm = normalise(text) if norm is None else norm
        self.cased = cased if cased is not None and len(cased) == len(text) else text
        self.words = self.norm.split()
        self._signals: list[tuple[int, str]] | None = None
        self._cuts: list[int] | None = None

    def piece(self, word: int) -> int:
        """Which comma- or semicolon-separated piece of the sentence a word is in (0 first).

        `norm` keeps `text`'s offsets, so a cut's offset finds the word before it; the comma of
        "2,000" cuts nothing."""
        if self._cuts is None:
            text, cuts = self.text, []
            for mark in (",", ";"):
                at = text.find(mark)
                while at >= 0:
                    if not (
                        0 < at < len(text) - 1 and text[at - 1].isdigit() and text[at + 1].isdigit()
                    ):
                        cuts.append(self.word_at(at))
                    at = text.find(mark, at + 1)
            cuts.sort()
            self._cuts = cuts
        return bisect_left(self._cuts, word)

    def is_list(self) -> bool:
        """Whether the sentence is a list of terms rather than prose (see the module rules)."""
        text = self.text
        need = LIST_MIN_PIECES - 1
        cuts = text.count(",")
        if cuts < need:  # the usual case: too few cuts to be a list
            cuts += text.count(";") + text.count("|") + text.count(" / ")
            if cuts < need:
                return False
        # (str.replace, not translate: it stays at C speed whatever characters the text holds)
        for other in _OTHER_CUTS:
            if other in text:
                text = text.replace(other, "," if len(other) == 1 else " , ")
        pieces = text.split(",")
        norm, pos, before = self.norm, 0, ""
        segments: list[list[str]] = []
        for piece in pieces:
            words = norm[pos : pos + len(piece)].split()
            pos += len(piece) + 1
            if segments and before[-1:].isdigit() and piece[:1].isdigit():
                segments[-1] += words  # "2,000" is one number, not two pieces
            elif words:
                segments.append(words)
            before = piece
        if len(segments) < LIST_MIN_PIECES:
            return False
        terms = sum(1 for w in segments if len(w) <= TERM_WORDS and CLAUSE_WORDS.isdisjoint(w))
        # (Three quarters: a real sentence may hold a short enumeration and a clause or two.)
        return LIST_SHARE_DENOM * terms >= LIST_SHARE_NUM * len(segments)

    def word_at(self, pos: int) -> int:
        """Index of the word at (or just before) a character offset."""
        return max(0, len(self.norm[: pos + 1].split()) - 1)

    @property
    def signals(self) -> list[tuple[int, str]]:
        """Generic reasons and numbers: (word index, what it was)."""
        if self._signals is None:
            words, norm = self.words, self.norm
            # One pass in word order (measured cheaper than set intersection and list.index),
            # so `found` comes out sorted: a phrase sorts after its first word. Numbers are
            # sought only where an ASCII digit is; ten `in` tests cost less than a regex search.
            digits = (
                "0" in norm or "1" in norm or "2" in norm or "3" in norm or "4" in norm
                or "5" in norm or "6" in norm or "7" in norm or "8" in norm or "9" in norm
            )  # fmt: skip
            found: list[tuple[int, str]] = []
            last = len(words) - 1
            # Digits alone are looked at where they stand (the number they are part of, the
            # words round it): `at` walks on from one such word to the next, and the number
            # last looked at ends at `number_end` ("3.11" is two words, one number).
            at, number_end, amount = 0, -1, True
            for i, w in enumerate(words):
                if w in _SIGNAL_WORDS:
                    if w in _SINGLE_WORDS:
                        found.append((i, w))
                    if w in _PHRASE_HEADS and i < last:
                        for rest in _PHRASES_BY_PAIR.get((w, words[i + 1]), ()):
                            if words[i + 1 : i + 1 + len(rest)] == rest:
                                found.append((i, " ".join((w, *rest))))
                                break
                elif digits and w[0] in _DIGITS:  # (no signal word holds a digit)
                    if w.isdigit() and w.isascii():
                        pos = word_start(norm, w, at)
                        if pos < 0:  # (cannot happen: `w` is one of norm's words)
                            found.append((i, w))
                            continue
                        if pos >= number_end:
                            text = self.text
                            start, number_end = number_bounds(text, pos, pos + len(w))
                            amount = not not_an_amount(text, norm, self.cased, start, number_end)
                        at = pos + len(w)
                        if amount:
                            found.append((i, w))
                    elif not (len(w) <= 4 and w[-2:] in ("am", "pm") and w[:-2].isdigit()):
                        found.append((i, w))  # "3pm" is a time; "10k", "5ms" are amounts
            self._signals = found
        return self._signals


def word_start(norm: str, word: str, at: int) -> int:
    """Where `word` (as `norm.split()` gives it) stands in `norm`, at or after `at`."""
    end, size = len(norm), len(word)
    pos = norm.find(word, at)
    while pos >= 0 and (
        (pos > 0 and not norm[pos - 1].isspace())
        or (pos + size < end and not norm[pos + size].isspace())
    ):
        pos = norm.find(word, pos + 1)
    return pos  # (-1 only if it is not there)


def number_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole number a word of digits at text[start:end] is part of: digits joined by single
    dots, colons or commas ("3.11", "10:30", "2,000", "100:1")."""
    while start >= 2 and text[start - 1] in ".:," and text[start - 2] in _DIGITS:
        start -= 2
        while start > 0 and text[start - 1] in _DIGITS:
            start -= 1
    size = len(text)
    while end + 1 < size and text[end] in ".:," and text[end + 1] in _DIGITS:
        end += 2
        while end < size and text[end] in _DIGITS:
            end += 1
    return start, end


def not_an_amount(text: str, norm: str, cased: str, start: int, end: int) -> bool:
    """Whether the number at text[start:end] (ASCII digits, maybe joined by . : or ,) only
    labels something: a list or step marker, a clock time or a version (the module rules).
    `norm` is normalise(text), `cased` the text as written; all three have the same length."""
    number = text[start:end]
    if ":" in number:  # a clock time, else a ratio ("100:1", "10:1")
        if "," in number or "." in number or "ratio" in norm:
            return False
        hour, _, minutes = number.partition(":")
        return (
            len(hour) <= 2
            and int(hour) <= 24
            and minutes.count(":") <= 1  # 10:30, 05:00:00
            and all(len(part) == 2 and part < "60" for part in minutes.split(":"))
        )
    if "," in number:
        return False  # 2,000
    size = len(text)
    after = text[end] if end < size else ""
    if after == " ":
        if end - start <= 2 and norm[end + 1 : end + 3] in ("am", "pm") and int(number) <= 12:
            return end + 3 >= size or norm[end + 3].isspace()  # 3 pm
    elif after.isalpha() or after == "%":
        return False  # a unit glued on: "2.5TB", "99.9%"
    if start > 0 and text[start - 1] == "#":
        return True  # #2
    # A marker starting the sentence: "1.", "2)", "(3)", "4:".
    closes = after in (".", ")", ":") and (end + 1 >= size or text[end + 1].isspace())
    if closes and start <= 4 and text[:start].strip() in ("", "(", "["):
        return True
    # The word before and what lies between ("Step 3", "No. 3", "option #2").
    gap_start = start
    while gap_start > 0 and norm[gap_start - 1] == " ":
        gap_start -= 1
    if gap_start == 0:
        return False
    gap = text[gap_start:start]
    if (
        after == ")"
        and closes
        and gap.replace("(", "").strip() in (",", ";", ":")
        and text.rfind("(", 0, start) <= text.rfind(")", 0, start)  # no "(" left open
    ):
        return True  # "...: 1) clients connect, 2) messages are stored ..."
    before_start = norm.rfind(" ", 0, gap_start) + 1
    before = norm[before_start:gap_start]
    if before in MARKER_WORDS and gap.strip(" #.") == "":
        if before == "no":
            return "." in gap  # "No. 3"; "no 3" may be "no three servers ..."
        if before == "point":
            idiom_start = norm.rfind(" ", 0, max(0, before_start - 1)) + 1
            return norm[idiom_start : max(0, before_start - 1)] not in _POINT_IDIOM
        return "." not in gap or before in ("v", "ver")
    # A version: "Cassandra 4", "Python 3.11", "TLS 1.3", "HTTP/1.1"; not "Cassandra 4 nodes"
    # nor "RF 3".
    if gap == " ":
        name_start, name = before_start, before
    elif text[start - 1] == "/":
        name_start = norm.rfind(" ", 0, start - 1) + 1
        name = norm[name_start : start - 1]
    else:
        return False
    if not (
        cased[name_start].isupper()
        and name_start > 0
        and len(name) >= 2
        and name.isalpha()
        and name not in _QUANTITY_NAMES
        and len(number.partition(".")[0]) <= 2
    ):
        return False
    if after == " ":  # then a word such as "for" or "is", not a unit or a noun
        stop = norm.find(" ", end + 1)
        return norm[end + 1 : stop if stop >= 0 else size] in _AFTER_VERSION
    # the end of the sentence or a clause
    return after == "" or (after in ".,;:)!?" and (end + 1 >= size or text[end + 1].isspace()))


def _distance(word: int, places: list[tuple[int, int]]) -> int:
    """Words between a signal and the nearest of a mention's (first word, last word) places."""
    best = 1 << 30
    for first, last in places:
        if word < first:
            best = min(best, first - word)
        elif word > last:
            best = min(best, word - last)
        else:
            return 0
    return best


def credit_mentions(depth: SentenceDepth, mentions: list[Mention]) -> list[tuple[float, str]]:
    """Credit and the reason for it, for each mention in one sentence (same order)."""
    return shape_credit(depth, len(mentions)) or reasoned_credit(depth, mentions)


def shape_credit(depth: SentenceDepth, named: int) -> list[tuple[float, str]] | None:
    """The credit of each of `named` mentions when the sentence's shape alone decides it (a
    fragment, a list of terms, a short sentence), or None: then their reasons decide."""
    count = len(depth.words)
    if count <= MAX_FRAGMENT_WORDS:
        return [(0.0, WHY_FRAGMENT)] * named
    if depth.is_list():
        return [(0.0, WHY_LIST)] * named
    if count < MIN_WORDS_FULL:
        return [(0.5, WHY_SHORT)] * named
    return None


def reasoned_credit(depth: SentenceDepth, mentions: list[Mention]) -> list[tuple[float, str]]:
    """Credit by reasons, for a sentence whose shape decides nothing (see `shape_credit`)."""
    named = len(mentions)
    backed: list[str | None] = [m.own_reason for m in mentions]
    if (
        not all(backed) and depth.signals and not all(m.own_only for m in mentions)
    ):  # (with no signal, no place is ever measured)
        # Which signals back which mention: near enough, and (in a crowded sentence) the nearest.
        # Elsewhere a mention that cannot be backed decides nothing, so its spans stay unread
        # (no places: it is never the nearest, and the others' distances decide alone).
        crowded = named >= LIST_MIN_ITEMS
        places = [
            [(depth.word_at(a), depth.word_at(max(a, b - 1))) for a, b in m.spans]
            if crowded or (backed[i] is None and not m.own_only)
            else []
            for i, m in enumerate(mentions)
        ]
        for word, what in depth.signals:
            number = what in NUMBER_WORDS or what[0] in _DIGITS
            dists = [_distance(word, p) for p in places]
            if crowded and number and ("," in depth.text or ";" in depth.text):
                # A number goes with what is named in its own comma piece, when something is:
                # "group chat up to 256 members, read receipts" does not explain the receipts.
                here = depth.piece(word)
                own = [any(depth.piece(a) <= here <= depth.piece(b) for a, b in p) for p in places]
                if any(own):
                    dists = [d if o else 1 << 30 for d, o in zip(dists, own, strict=True)]
            closest = min(dists)
            if closest > NEAR_WORDS:
                continue
            # A number within a mention's own words (distance 0) is part of its name
            # ("two-phase"): it backs no reason for that mention, though in a crowded sentence
            # it is still that mention's, as the nearest.
            for i, dist in enumerate(dists):
                if (
                    backed[i] is None
                    and not mentions[i].own_only
                    and dist <= NEAR_WORDS
                    and (not crowded or dist == closest)
                    and not (number and dist == 0)
                ):
                    backed[i] = what
    return [
        (1.0, f"{_EXPLAINED_HEAD}“{what.strip()}”{_EXPLAINED_TAIL}")
        if what
        else (0.5, WHY_NO_FIGURE if m.own_only else WHY_BARE)
        for what, m in zip(backed, mentions, strict=True)
    ]


def own_text(own: re.Match[str] | None, sentence: str) -> str | None:
    """The text of an item's explain match in a sentence (found in its folded form), or None."""
    return sentence[own.start() : own.end()] if own else None
