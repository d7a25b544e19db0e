"""Sentences and words: how an answer is cut into the units that earn credit.

Every sentence keeps its span in the original text, so evidence is always a verbatim quote.
The work is done with str methods where possible: they run at C speed, regexes do not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import NamedTuple

WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’_-]*")

# A list marker at the start of a line ("- ", "* ", "1. ", "2) ", "## ") is not part of the sentence.
_MARKER = re.compile(r"[ \t]*(?:[-*+•>]+|\d{1,3}[.)]|#{1,6})[ \t]+")
_MARKER_START = frozenset("-*+•>#0123456789 \t")
# A sentence ends at . ! ? (one or more) followed by white space; "2.5 TB" and "www.site.com"
# keep going because no space follows the dot, "e.g. this" because of the abbreviation list.
_END = re.compile(r"[.!?][ \t]")
_ABBREV = frozenset(
    {"e.g.", "i.e.", "vs.", "etc.", "approx.", "cf.", "incl.", "resp.", "mr.", "dr."}
)

# Punctuation that separates words (apostrophes, underscores and slashes stay inside them).
_SEPARATORS = '!"#$%&()*+,-.:;<=>?@[\\]^`{|}~—–…“”«»•·×÷→←≈'
SEPARATE = str.maketrans(dict.fromkeys(_SEPARATORS, " "))


# Each non-ASCII character on its own (a class without a repeat: re then skips ahead fast).
# Written as a negated ASCII range: the same characters as \x80-\U0010ffff, 70x quicker to compile.
_NON_ASCII = re.compile("([^\x00-\x7f])")


def translate(text: str, table: Mapping[int, str | int | None]) -> str:
    """`text.translate(table)`, at C speed for a text with a few non-ASCII characters.

    str.translate looks each character up in the table one by one (ten times slower) as soon
    as the text holds one that is not ASCII; cut at those characters, every stretch between
    them is ASCII and takes the fast path. Each character is mapped on its own either way.
    """
    if text.isascii():
        return text.translate(table)
    return "".join([piece.translate(table) for piece in _NON_ASCII.split(text)])


def non_ascii(text: str) -> set[str]:
    """The characters of `text` that are not ASCII (found faster than by `set(text)`)."""
    return set(_NON_ASCII.findall(text))


class Sentence(NamedTuple):
    """One sentence: where it sits in the answer and its text (stripped, verbatim)."""

    start: int
    end: int
    text: str


def words_of(text: str) -> list[str]:
    """The words of a text, lower-cased, with punctuation removed."""
    return translate(text.lower(), SEPARATE).split()


# The ASCII characters str.split() cuts at, besides the space.
_OTHER_ASCII_SPACE = ("\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def count_words(text: str) -> int:
    """`len(text.split())`; counted without making the words when single spaces alone
    separate them (usual in a stripped sentence)."""
    if (
        text.isascii()
        and "  " not in text
        and not any(space in text for space in _OTHER_ASCII_SPACE)
        and text[:1] != " "
        and text[-1:] != " "
    ):
        return text.count(" ") + 1 if text else 0
    return len(text.split())


def word_count(text: str) -> int:
    return len(translate(text, SEPARATE).split())


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped and (stripped[0].isalnum() or any(ch.isalnum() for ch in stripped)):
        begin = start + len(chunk) - len(chunk.lstrip())
        out.append(Sentence(begin, begin + len(stripped), stripped))


def _split_line(text: str, start: int, end: int, out: list[Sentence]) -> None:
    if text[start] in _MARKER_START:
        marker = _MARKER.match(text, start, end)
        if marker:
            start = marker.end()
    line = text[start:end]
    if "!" in line or "?" in line or "\t" in line:
        cuts = [start + m.start() for m in _END.finditer(line)]
    else:  # the usual case, at C speed
        cuts = []
        found = line.find(". ")
        while found >= 0:
            cuts.append(start + found)
            found = line.find(". ", found + 2)
    pos = start
    for cut in cuts:
        if text[cut] == ".":
            space = text.rfind(" ", pos, cut)
            if cut - space <= 7 and text[space + 1 : cut + 1].lower().lstrip("(") in _ABBREV:
                continue  # "e.g. this" or "vs. that": not the end of a sentence
        _emit(text, pos, cut + 1, out)
        pos = cut + 1
    _emit(text, pos, end, out)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end]: split at . ! ? and at every line break."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        if line_end > line_start:
            _split_line(text, line_start, line_end, out)
        line_start = line_end + 1
    return out


_DIGIT = re.compile(r"\d")


def digit_sentences(text: str, sentences: Sequence[Sentence]) -> int:
    """The sentences (as bits, in order and apart) of `text` holding a decimal digit.

    One search from each sentence that may hold one to the next digit, rather than one search
    per sentence: most sentences have none, and a search costs more than the scan it makes.
    """
    starts = [s.start for s in sentences]
    mask, pos = 0, 0
    while found := _DIGIT.search(text, pos):
        at = found.start()
        idx = bisect_right(starts, at) - 1  # the sentence starting at or before the digit
        if idx >= 0 and at < sentences[idx].end:
            mask |= 1 << idx
        idx += 1  # then on from the next sentence (it starts after the digit)
        if idx >= len(starts):
            break
        pos = starts[idx]
    return mask


def collapse(text: str) -> str:
    """White space collapsed to single spaces (evidence may be shown this way)."""
    return " ".join(text.split())
