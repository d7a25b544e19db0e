"""Transcripts: speaker turns and the candidate's words.

A file is a transcript when it has at least one interviewer turn and one candidate turn, each
starting a line with `Interviewer:` / `Candidate:` (or `Q:` / `A:`), optionally in bold and
optionally with a `[mm:ss]` or `[h:mm:ss]` stamp (or `(mm:ss)`, or bare: `00:30 Candidate:`,
`Candidate 1:02:03:`) before or after the name; a misshapen stamp such as `[99:99]` or `99:99`
still marks the turn, without a time. Lines without a label continue the turn above them. Only
candidate turns are graded (read, too, with the question just before each: see
`replies.answered`). The first turn must come near the top (at most 60 words before it,
or a tenth of a long file): an answer with a few `Q:` / `A:` lines further down is graded as an
answer.

One side may be labelled by name. When `Interviewer:` labels turns and nothing labels a
candidate turn, and exactly one name labels lines below the first of them, in the same way
(`Alice:`, `**Alice Smith** [00:30]:`, `00:30 Me:`), that speaker is the candidate, however
few the turns (`Me: OK.` once is a reply). When `Candidate:` labels turns and nothing labels
an interviewer turn, one name below the first of them is the interviewer provided the talk
goes back and forth: the speaker changes at least twice, so an answer headed `Candidate: Jane
Doe` and `Date: 1 June` stays an answer. A name is one or two words of letters, each starting
with a capital and not all capitals: `API:` or `Data model:` is no name, and its line continues
the turn above it. A name found only above the first `Interviewer:` / `Candidate:` line belongs
to the opening (`Date: 1 June`).

The interviewer's words are never graded, so a file with `Interviewer:` lines is a transcript
even when no one name answers: then every name below the first of them speaks as the candidate
(two names: both), an `Interviewer:` turn ends at its first blank line, and what follows it is
the candidate's (an answer written below a quoted question). With no such words, the
transcript has no candidate turn and nothing is graded. With two or more names beside
`Candidate:`, or none, and with only `Q:` / `A:` labels on one side, the file is an answer.

Both sides may be labelled by name, as Zoom (`00:00:05 Sam Lee: ...`), Google Meet (`Sam Lee:
...`) and Otter.ai exports do (a line holding only the name and a stamp, `Sam Lee  0:00` or
`Sam Lee (0:00)`, its words on the lines below, up to the next such line). Only when no
`Interviewer:` / `Candidate:` / `Q:` / `A:` label is found, a file is a talk between two names
(one to three words each, as above; labels of written answers such as `Note:`, `Pros:` or
`Storage:` are not names) when exactly two names label its lines, each takes turns at least
twice (a run of lines by one name is one turn), and above the first of them come only blank
lines, headings and one short title, so that their turns hold the whole file. The interviewer
is the one who asks: of the two, the one whose turns hold more question marks, or, as many,
the one who speaks first; a talk in which no one asks anything is no interview. In Otter.ai's
layout `Interviewer` and `Candidate` may stand for names. With three names or more, and no
label, the file is an answer, and the report says it was read as one.

Time per phase (only when two or more turns carry stamps) is worked out in
`transcript_phases`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from designcoach.grading.text import WORD


# A stamp: mm:ss or h:mm:ss, in brackets or parentheses or bare. One that is out of range or
# misshapen ("[99:99]", "[1:75:00]", "[12]", "(-1:00)", "99:99", "00:30.5") still marks the
# label, with no time (`_seconds` gives none): otherwise its line would not start a turn, and an
# interviewer's words would be graded as the candidate's. A bare stamp needs a colon, a space
# before the name that follows it (or after the name it follows), and no digit or colon and
# digit after it: "1:02:03" is never read as "1:02" and a label colon.
def _time(at: str) -> str:
    return rf"(?:(?P<h{at}>\d{{1,2}}):)?(?P<m{at}>\d{{1,3}}):(?P<s{at}>[0-5]\d)"


def _bracketed(at: str) -> str:
    return rf"[\[(](?:{_time(at)}|[\d:. -]{{1,16}})[\])]"


def _bare(at: str) -> str:
    return rf"(?:{_time(at)}|\d{{1,4}}(?::\d{{1,4}}){{1,2}}(?:\.\d{{1,3}})?)(?![\w.]|:\d)"


def _label(who: str) -> str:
    """A label whose name is `who`: stamps where `_stamp_seconds` looks for them."""
    return (
        rf"^[ \t>*_-]*(?:(?:{_bracketed('1')}|{_bare('2')}(?=[ \t]))[ \t]*)?[*_]*(?P<who>{who})"
        rf"[*_]*[ \t]*(?:(?:{_bracketed('3')}|(?<=[ \t]){_bare('4')})[ \t]*)?[*_]*[ \t]*[:：][*_]*[ \t]*"
    )


_STAMP_PLACES = "1234"  # bracketed before the name, bare before it, bracketed after, bare after
LABEL = re.compile(_label("interviewer|candidate|q|a"), re.IGNORECASE | re.MULTILINE)
# A speaker labelled by name, in the same place and with the same stamps: one to three words of
# letters (`_is_name` then wants each to start with a capital, and not be all capitals).
_NAME = r"[^\W\d_]+(?: [^\W\d_]+){0,2}"
SPEAKER = re.compile(_label(_NAME), re.MULTILINE)
# A speaker line of an Otter.ai export: the name and a stamp alone on their line ("Sam Lee  0:00",
# "Priya (0:12)"), the words on the lines below.
HEADER = re.compile(
    rf"[ \t]*[*_]*(?P<who>{_NAME})[*_]*[ \t]*(?:\({_time('1')}\)|(?<=[ \t]){_time('2')})[ \t]*\r?$",
    re.MULTILINE,
)
CANDIDATE_ROLES = frozenset({"candidate", "a"})


@dataclass(slots=True)
class Turn:
    role: str  # "interviewer" or "candidate"
    start: int  # the words, after the label
    end: int
    seconds: int | None
    words: int = 0
    phase: str = ""
    votes: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Transcript:
    turns: list[Turn]

    @property
    def candidate_turns(self) -> list[Turn]:
        return [t for t in self.turns if t.role == "candidate"]

    @property
    def stamped(self) -> bool:
        return sum(t.seconds is not None for t in self.turns) >= 2


def _stamp_seconds(m: re.Match[str]) -> int | None:
    """The time of a label's stamp: the one before the name or, when that has none, after it."""
    for at in "12" if m.re is HEADER else _STAMP_PLACES:
        seconds = _seconds(m.group("h" + at), m.group("m" + at), m.group("s" + at))
        if seconds is not None:
            return seconds
    return None


def _seconds(h: str | None, m: str | None, s: str | None) -> int | None:
    """A stamp's time; None when it has none. Minutes past 59 are fine in `[75:00]`, but not
    after an hour (`[1:75:00]` is misshapen: it marks the turn, without a time)."""
    if m is None or s is None or (h is not None and int(m) > 59):
        return None
    return int(h or 0) * 3600 + int(m) * 60 + int(s)


_COLONS = (":", "：")
_NAMES = frozenset({"interviewer", "candidate", "q", "a"})
_NAMES_OR_NONE = _NAMES | {""}


def _may_hold_label(before: str) -> bool:
    """Whether a line can hold a label, from the text `before` its first colon of one kind.

    Without a bracketed stamp (which brings a "[" or "("), what comes before a label's first
    colon is a name amid characters from " \t>*_-" (the colon is the label's), or nothing
    but those and a bare stamp's first digits, before the name or after it and a space (the
    colon is the stamp's). Non-ASCII is left to the regex: its IGNORECASE also takes "İ" and
    "ı" for "i", and its digits include other scripts' ("٣٠").
    """
    return (
        "[" in before
        or "(" in before
        or not before.isascii()
        or before.strip(" \t>*_-0123456789").lower() in _NAMES_OR_NONE
    )


def labels(text: str) -> list[re.Match[str]]:
    """`LABEL.finditer(text)`, trying only lines with a colon: a label lies within one line
    (none of its parts matches a line break) and ends with a colon, so no other line holds one,
    and searching every position of a long answer for a line start costs more than the rest.
    Of those, a line is tried only when a name can come before its first colon."""
    return _line_matches(text, LABEL, _may_hold_label)


def speakers(text: str) -> list[re.Match[str]]:
    """`SPEAKER.finditer(text)`, trying only lines with a colon, as `labels` does."""
    return _line_matches(text, SPEAKER, _may_hold_speaker)


def _may_hold_speaker(before: str) -> bool:
    """Like `_may_hold_label`: before a speaker's first colon come at most four words (a
    name's three and a bare stamp's first digits) amid characters from " \t>*_-"."""
    if "[" in before or "(" in before or not before.isascii():
        return True
    return len(before.strip(" \t>*_-").split()) <= 4


def _line_matches(
    text: str, pattern: re.Pattern[str], may_hold: Callable[[str], bool]
) -> list[re.Match[str]]:
    found = (pattern.match(text, start) for start in _colon_lines(text, may_hold))
    return [m for m in found if m]


def _colon_lines(text: str, may_hold: Callable[[str], bool]) -> list[int]:
    """The starts of the lines with a colon, in order, where `may_hold` takes the text before
    their first colon (of either kind)."""
    lines = set()
    for colon in _COLONS:
        at = text.find(colon)
        while at >= 0:
            line = text.rfind("\n", 0, at) + 1
            if may_hold(text[line:at]):
                lines.add(line)
            at = text.find("\n", at)
            if at < 0:
                break
            at = text.find(colon, at)
    return sorted(lines)


def _is_name(who: str, most: int = 2) -> bool:
    """A person's name rather than a heading: at most `most` words, each starting with a
    capital and not all capitals ("Alice", "Alice Smith", "Me"; not "API", "QPS" or "Data
    model"), and it is not one of the fixed names."""
    words = who.split(" ")
    return (
        len(words) <= most
        and who.lower() not in _NAMES
        and all(word[0].isupper() and not word.isupper() for word in words)
    )


def _named_speaker(
    text: str, found: list[tuple[re.Match[str], str]]
) -> list[tuple[re.Match[str], str]]:
    """The turns once a speaker labelled by name takes the role no label gives; none when the
    file does not qualify (see the module docstring). `found`: the labels, all of one role."""
    role = found[0][1]
    if not any(m.group("who").lower() == role for m, _ in found):
        return []  # only `Q:` or `A:`: too common in written answers
    taken = {m.start() for m, _ in found}
    named = [m for m in speakers(text) if m.start() not in taken and _is_name(m.group("who"))]
    first = found[0][0].start()
    names = {m.group("who") for m in named if m.start() > first}
    if len(names) != 1:
        return []
    name = names.pop()
    other = "interviewer" if role == "candidate" else "candidate"
    turns = found + [(m, other) for m in named if m.group("who") == name]
    turns.sort(key=lambda turn: turn[0].start())
    if role == "interviewer":
        return turns  # an interviewer and one other speaker: a talk, however short
    changes = sum(a[1] != b[1] for a, b in zip(turns, turns[1:], strict=False))
    return turns if changes >= 2 else []


# Labels that head parts of written answers, not speakers ("Note:", "Pros:", "Storage:"): a
# file whose lines two of these take in turns is an answer, however regular.
_NOT_SPEAKERS = frozenset(
    {"note", "notes", "pros", "cons", "pro", "con", "summary", "example", "examples", "answer",
     "question", "solution", "problem", "input", "output", "storage", "requirements",
     "requirement", "reads", "writes", "read", "write", "step", "goal", "goals", "context",
     "approach", "idea", "assumption", "assumptions", "option", "result", "tip", "warning",
     "todo"}
)  # fmt: skip
_ROLE_WORDS = frozenset({"interviewer", "candidate"})  # alone in an Otter.ai speaker line
TITLE_WORDS = 8  # a title line above a talk between two names: at most this many words


def _speaker_lines(text: str) -> list[re.Match[str]]:
    """The lines a name labels, in order: `Sam:` or `00:00:05 Sam Lee:` (Zoom, Google Meet), or
    a line that holds only a name and a stamp, `Sam Lee  0:00` (Otter.ai). Names here have up
    to three words; `Interviewer` and `Candidate` count in Otter.ai's layout only (with a colon
    they are labels, and this is only asked when there are none)."""
    if text.count(":") + text.count("：") < 3:  # cheap: most answers stop here
        return []
    starts = _colon_lines(text, _may_hold_speaker)
    # A talk names someone twice: when no line opens as another does (stamps and markup aside),
    # no pattern need be tried (an answer's `In scope:`, `Photos:`, ... parts are all unlike).
    keys = {_opening(text, start) for start in starts}
    if len(keys) == len(starts):
        return []
    found = []
    for start in starts:
        m = SPEAKER.match(text, start) or HEADER.match(text, start)
        if m is None:
            continue
        who = m.group("who")
        if who.lower() in _NOT_SPEAKERS:
            continue
        if _is_name(who, 3) or (m.re is HEADER and who.lower() in _ROLE_WORDS):
            found.append(m)
    return found


def _opening(text: str, start: int) -> str:
    """What the line at `start` holds before its first colon, without stamps and markup:
    the name of a speaker line, or nothing when a stamp comes first (`00:00:05 Sam:`)."""
    end = len(text)
    for colon in _COLONS:
        at = text.find(colon, start)
        if 0 <= at < end:
            end = at
    return text[start:end].strip(" \t>*_-[]()0123456789")


def _talk(lines: list[re.Match[str]]) -> bool:
    """Whether lines labelled by names look like a talk: three or more, two names or more,
    one of them twice (a list of `Cache:` / `Queue:` / `Database:` parts names each once)."""
    if len(lines) < 3:
        return False
    names = [m.group("who") for m in lines]
    return len(set(names)) >= 2 and len(set(names)) < len(names)


def _named_pair(text: str, lines: list[re.Match[str]]) -> Transcript | None:
    """A talk between two speakers labelled by name, or None (see the module docstring).

    The two names must take turns, each twice or more (runs of one name's lines are one
    turn), and together hold the whole file: above the first of them, only headings, blank
    lines and a short title. The interviewer asks the questions: of the two, the one whose
    turns hold more question marks, or, as many, the one who speaks first; a talk where no one
    asks anything is no interview (`Cache:` / `Queue:` parts, twice). `Interviewer` and
    `Candidate` in Otter.ai's layout name their roles, and the other name takes the other.
    """
    if len(lines) < 2:
        return None
    names: list[str] = []
    for m in lines:
        if m.group("who") not in names:
            names.append(m.group("who"))
    if len(names) != 2 or not _only_headings(text, lines[0].start()):
        return None
    fixed = [n for n in names if n.lower() in _ROLE_WORDS]
    ends = [m.start() for m in lines[1:]] + [len(text)]
    if fixed:
        first = fixed[0]
        other = names[1] if names[0] == first else names[0]
        asker = first if first.lower() == "interviewer" else other
    else:
        runs = dict.fromkeys(names, 0)
        asks = dict.fromkeys(names, 0)
        for i, (m, end) in enumerate(zip(lines, ends, strict=True)):
            who = m.group("who")
            if i == 0 or lines[i - 1].group("who") != who:
                runs[who] += 1
            asks[who] += text.count("?", m.end(), end)
        asker = names[1] if asks[names[1]] > asks[names[0]] else names[0]
        if min(runs.values()) < 2 or not asks[asker]:
            return None
    turns = []
    for m, end in zip(lines, ends, strict=True):
        role = "interviewer" if m.group("who") == asker else "candidate"
        turns.append(_turn(text, role, m.end(), end, _stamp_seconds(m)))
    return Transcript(turns)


def _only_headings(text: str, end: int) -> bool:
    """Whether text[:end] holds only blank lines, Markdown headings and rules, and at most one
    short title (no more than `TITLE_WORDS` words, not ending a sentence)."""
    titles = 0
    for line in text[:end].splitlines():
        line = line.strip()
        if not line or line.startswith("#") or not line.strip("-=*_ "):
            continue
        titles += 1
        if titles > 1 or len(line.split()) > TITLE_WORDS or line.endswith((".", "!", "?", ":")):
            return False
    return True


PREAMBLE_WORDS = 60  # before the first turn: a title, a date, who took part
PREAMBLE_SHARE = 0.1  # or, in a long transcript, this share of its words


def parse_transcript(text: str) -> Transcript | None:
    """The turns of a transcript, or None when the text is not one.

    Turns must start near the top: a written answer that ends with a few `Q:` / `A:` lines (its
    clarifying questions, say) is an answer, not a transcript whose only words are those.
    """
    return read_transcript(text)[0]


def read_transcript(text: str) -> tuple[Transcript | None, bool]:
    """`parse_transcript`'s answer, and, when it is None, whether the text still looks like a
    talk: three lines or more labelled by names, one of them at least twice (see `_talk`), so
    the report can say the file was read as a written answer."""
    matches = labels(text)
    if not matches:
        lines = _speaker_lines(text)
        pair = _named_pair(text, lines)
        if pair is not None:
            return pair, False
        return None, _talk(lines)
    labelled = _labelled(text, matches)
    return labelled, labelled is None and _talk(_speaker_lines(text))


def _labelled(text: str, matches: list[re.Match[str]]) -> Transcript | None:
    """The transcript of a text with `Interviewer:` / `Candidate:` (or `Q:` / `A:`) labels."""
    found = [(m, _role(m.group("who"))) for m in matches]
    asked_only = False  # `Interviewer:` and no single other speaker: see `_asked_only`
    if all(role == found[0][1] for _, role in found):
        named = _named_speaker(text, found)
        if not named and found[0][1] == "interviewer":
            named = _asked_only(text, found)
            asked_only = bool(named)
        if not named:
            return None
        found = named
    preamble = len(WORD.findall(text, 0, found[0][0].start()))
    if preamble > PREAMBLE_WORDS and preamble > PREAMBLE_SHARE * len(WORD.findall(text)):
        return None
    turns = []
    for i, (m, role) in enumerate(found):
        end = found[i + 1][0].start() if i + 1 < len(found) else len(text)
        split = asked_only and role == "interviewer"
        cut = _paragraph_end(text, m.end(), end) if split else end
        turn = _turn(text, role, m.end(), cut, _stamp_seconds(m))
        turns.append(turn)
        if cut < end:
            rest = _turn(text, "candidate", cut, end, None)
            if rest.words:
                turns.append(rest)
    return Transcript(turns)


def _turn(text: str, role: str, start: int, end: int, seconds: int | None) -> Turn:
    """A turn over text[start:end], white space trimmed from both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    turn = Turn(role, start, end, seconds)
    turn.words = len(WORD.findall(text, start, end))
    return turn


def _asked_only(
    text: str, found: list[tuple[re.Match[str], str]]
) -> list[tuple[re.Match[str], str]]:
    """The turns of a file with `Interviewer:` labels and no single other speaker, whose
    interviewer's words must still not be graded: every name labelling lines below the first
    of them speaks as the candidate (with two names or more, which of them is the candidate
    is unknown, and grading both is better than grading the interviewer). None when only
    `Q:` labels the lines (a written answer's questions to itself)."""
    if not any(m.group("who").lower() == "interviewer" for m, _ in found):
        return []
    taken, first = {m.start() for m, _ in found}, found[0][0].start()
    named = [
        (m, "candidate")
        for m in speakers(text)
        if m.start() > first and m.start() not in taken and _is_name(m.group("who"))
    ]
    return sorted(found + named, key=lambda turn: turn[0].start())


def _paragraph_end(text: str, start: int, end: int) -> int:
    """Where an `Interviewer:` turn ends when no other speaker may follow it: at its first
    blank line, within text[start:end]. What follows is the candidate's, as an answer written
    below a quoted question is."""
    at = text.find("\n", start, end)
    while at >= 0:
        line = at + 1
        line_end = text.find("\n", line, end)
        if line_end < 0:
            line_end = end
        if not text[line:line_end].strip():
            return at
        at = line_end if line_end < end else -1
    return end


def _role(who: str) -> str:
    return "candidate" if who.lower() in CANDIDATE_ROLES else "interviewer"
