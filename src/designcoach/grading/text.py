"""Sentences and words: how an answer is cut into the units that earn credit.

Every sentence keeps its span in the original text, so evidence is always a verbatim quote.
The work is done with str methods where possible: they run at C speed, regexes do not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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


# Unicode's spaces other than " " (no-break, thin, figure, ideographic, ...), which text pasted
# from a web page or a document is full of: each becomes a plain space, so they part words and
# end sentences as a space does.
_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
    ),
    " ",
)


def plain_spaces(text: str) -> str:
    """`text` with every Unicode space made a plain one (the same length: spans still hold)."""
    return text if text.isascii() else translate(text, _SPACES)


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


def _stops(text: str, line: str, start: int, plain: bool) -> list[int]:
    """Where a sentence may stop in `line` (text[start:] up to a line break): just after each
    . ! ? that a space or tab follows. `plain`: no ! ? or tab, so only ". " can stop one."""
    if not plain:
        return [m.start() + 1 for m in _END.finditer(text, start, start + len(line))]
    stops = []
    at = start - 1
    for piece in line.split(". ")[:-1]:  # the regex's stops, found at C speed
        at += len(piece) + 2
        stops.append(at)
    return stops


# Builds a Sentence without the NamedTuple constructor's argument handling (twice as fast).
_new_tuple = tuple.__new__


# Hard wrapping puts line breaks inside a paragraph; they act as spaces, as Markdown reads them.
# A break stays one where the text is shaped in lines: blank lines, headings, list items, table
# rows, block quotes, code fences, "Label:" lines (as transcripts have), and short lines that
# list terms one a line without bullets (the grader gives a list nothing, joined or not).
#
# A break that may wrap: after a line that does not end in . ! ? or : (there the sentence, or
# what introduces the lines below, ends), before a line that is not blank and starts no heading,
# table row or block quote. The search starts with a plain "\n", so it runs at C speed and
# leaves the usual break (after a full stop, or a blank line) to no Python code at all.
_MAY_WRAP = re.compile(r"\n(?<![\n.!?:]\n)(?=[ \t]*[^\s#|>])")
_ENDS = frozenset("\n.!?:")
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)
_FENCES = ("```", "~~~")
# A line starting with these neither continues one above it nor goes on to the next.
_OWN_LINE = frozenset("#|>")
# The rest of a wrapped sentence starts in lower case, with a figure or with one of these.
_CONTINUING = frozenset("`(/\"'“‘")
# From this many characters a line of prose is wrapped rather than a short entry of a bare list
# ("Group chats"): wrapped at 40 columns, the narrowest in use, a line is longer.
_WRAPPED = 30
# From this many characters a line of prose is wrapped whatever starts the next (a name such as
# "Kafka", "ONE/QUORUM/ALL", "-> 302"): wrapping at 72 or 80 columns leaves lines this long.
_WRAPPED_LONG = 60
# A sentence does not end on these: the line after one goes on with it, whatever its case.
_LINKS = frozenset((
    "a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "into", "via", "per", "as", "than", "that", "which", "whose", "where", "when",
    "while", "if", "because", "so", "since", "until", "unless", "whether", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "its", "their", "our", "your", "this", "these",
    "those", "each", "every", "not", "can", "will", "would", "should", "must", "may", "might",
    "could",
))  # fmt: skip
# A label ("Data model: ...", "Q: ...", "[00:30] Candidate: ...", "**Alice** (01:02):") starts
# its own line: one to three words, in bold or not, a time stamp before or after them, a colon.
_STAMP = r"[\[(]?\d[\d:.]*[\])]?"
_LABEL = re.compile(
    rf"(?:{_STAMP}[ \t]+)?[*_]*[^\W\d][\w'-]*(?: [\w'-]+){{0,2}}[*_]*(?:[ \t]*{_STAMP})?[ \t]*[:：]"
)

_LABEL_WITHIN = 64  # characters: a label's colon comes before


def _colon_near(text: str, at: int) -> bool:
    """Whether a colon follows `at` closely enough to end a label (a search at C speed, which
    spares the label's regex most lines)."""
    return (
        text.find(":", at, at + _LABEL_WITHIN) >= 0 or text.find("：", at, at + _LABEL_WITHIN) >= 0
    )


def _links(line: str) -> bool:
    """Whether `line` (stripped at its end) stops where no sentence can: on a comma or a word
    such as "the", "of" or "because"."""
    if line[-1] == ",":
        return True
    return line[line.rfind(" ") + 1 :].lower() in _LINKS


def unwrap(region: str) -> str:
    """`region` with each line break that wraps a paragraph or a list item made a space (so of
    the same length: spans still hold).

    A break wraps when the line below continues the sentence: it starts in lower case or with a
    figure after a line long enough to be wrapped prose, or it follows a line as long as wrapping
    at 72 columns leaves, a comma or a word such as "the". The line of a list item also goes on
    to an indented line below it. A line that starts a list item, heading, block quote, table
    row, code fence or label ("API: ...", "Candidate: ...") continues nothing, and the lines of
    a fenced code block are left as they are.
    """
    breaks = list(_MAY_WRAP.finditer(region))
    if not breaks:
        return region
    fences: list[int] = (
        [m.start() for m in _FENCE.finditer(region)] if "``" in region or "~~" in region else []
    )
    out: list[str] = []
    done = 0  # region[:done] is in out
    item = False  # the line above the break belongs to a list item
    continued = -1  # where the last joined line starts
    for m in breaks:
        newline = stop = m.start()
        while stop and region[stop - 1] in " \t\r":
            stop -= 1
        if not stop or region[stop - 1] in _ENDS:
            continue
        if bisect_left(fences, stop) % 2:
            continue  # inside a code fence
        begin = region.rfind("\n", 0, stop) + 1
        body = begin
        while region[body] in " \t":
            body += 1
        if region[body] in _OWN_LINE or region.startswith(_FENCES, body):
            continue
        if begin != continued:
            marker = _MARKER.match(region, begin, stop) if region[body] in _MARKER_START else None
            item = marker is not None
        at = newline + 1
        while region[at] in " \t":
            at += 1
        first = region[at]
        if (
            (first in _MARKER_START and _MARKER.match(region, at))  # "- next", "2. next step"
            or region.startswith(_FENCES, at)
            or (_colon_near(region, at) and _LABEL.match(region, at))
        ):
            continue
        starts = first.islower() or first.isdigit() or first in _CONTINUING
        line = region[begin:stop]
        if item:
            joins = at > newline + 1 or starts or _links(line)
        else:
            length = stop - body
            joins = (starts and length >= _WRAPPED) or length >= _WRAPPED_LONG or _links(line)
        if not joins:
            continue
        out.append(region[done:stop])
        out.append(" " * (newline + 1 - stop))
        done = newline + 1
        continued = done
    if not out:
        return region
    out.append(region[done:])
    return "".join(out)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The sentences of text[start:end]: split at . ! ? and at every line break (grading first
    makes the breaks of hard-wrapped lines spaces: `unwrap`). A Markdown heading line ("## Data
    model", as practice writes above each phase) is not one: it names a part of the answer and
    is graded as neither evidence nor a fragment."""
    end = len(text) if end is None else end
    region = text[start:end]
    # Without ! ? or a tab (in the text or a line), only ". " ends a sentence.
    plain = "!" not in region and "?" not in region and "\t" not in region
    out: list[Sentence] = []
    line_end = start - 1
    for line in region.split("\n"):
        line_start = line_end + 1
        line_end = line_start + len(line)
        if not line:
            continue
        if line[0] in _MARKER_START and (marker := _MARKER.match(text, line_start, line_end)):
            if "#" in marker.group():
                continue  # a heading titles what follows ("## Estimates"): it claims nothing
            line = line[marker.end() - line_start :]
            line_start = marker.end()
        line_plain = plain or ("!" not in line and "?" not in line and "\t" not in line)
        if line_plain and ". " not in line:
            stops = [line_end]  # the usual line: one sentence
        else:
            stops = _stops(text, line, line_start, line_plain)
            stops.append(line_end)
        pos = line_start
        for stop in stops:
            if stop < line_end and text[stop - 1] == ".":
                space = max(text.rfind(" ", pos, stop - 1), pos - 1)  # the word's start
                if stop - 1 - space <= 7 and text[space + 1 : stop].lower().lstrip("(") in _ABBREV:
                    continue  # "e.g. this" or "vs. that": not the end of a sentence
            chunk = text[pos:stop]
            stripped = chunk.strip()
            if stripped and (stripped[0].isalnum() or any(ch.isalnum() for ch in stripped)):
                # Nothing stripped, or else the first character left is the first not white.
                begin = pos if len(stripped) == len(chunk) else pos + chunk.find(stripped[0])
                out.append(_new_tuple(Sentence, (begin, begin + len(stripped), stripped)))
            pos = stop
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
