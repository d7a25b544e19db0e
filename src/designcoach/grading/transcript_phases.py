"""Time per phase in a stamped transcript.

Only when two or more turns carry stamps. Method:
1. Each turn gets votes for the interview phases: phase words in its text ("requirements",
   "QPS", "schema", "bottleneck", ...), and, for candidate turns, one vote per rubric item it
   names, for the phase of that item's category (reliability counts as deep dive, trade-offs
   as wrap-up). An interviewer turn that moves the talk on ("let's move on to the API", "how
   would you store ...") gives its phase three votes, for itself and the turn after it.
2. Interviews move forward, so the turns are cut into phases in the prompt's order: the
   assignment that never goes back and collects the most votes (dynamic programming; ties go
   to the earlier phase). Turns with no votes join the phase around them.
3. A stamp's time runs until the next stamp and is shared by the turns in between by their
   word counts. Turns after the last stamp are timed at the transcript's own speaking rate, but
   never slower than 60 words a minute (half a slow speaker's pace, so a real transcript, at
   100 to 150, keeps its own rate): stamps far apart around few words would otherwise give a
   closing "thanks" minutes.
   Stamps must run forward: the longest run of them that never goes back is kept, and a stamp
   outside it (a typo such as `[05:00]` after `[10:00]`) times nothing; the report names it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from designcoach.grading.transcripts import Transcript

_PHASE_WORDS = {
    "requirements": r"\brequirements?\b|\bfeatures?\b|\bscope\b|\bfunctional\b|\bclarif|\bmvp\b|\bassum",
    "estimates": r"\bestimat|\benvelope\b|\bcapacity\b|\bqps\b|per second|per day|\bstorage\b|\bbandwidth\b|\bhow (?:many|much)\b",
    "api": r"\bapis?\b|\bendpoints?\b|\b(?:post|get|put|delete) /|\brequest\b|\bresponse\b|\bgrpc\b|\brest\b",
    "data-model": r"\bdata ?model\b|\bschema\b|\btables?\b|\bcolumns?\b|\b(?:primary|partition|sort) key\b|\bstore (?:the )?(?:data|messages|profiles)",
    "high-level": r"\bhigh[- ]level\b|\barchitecture\b|\bdiagram\b|\bcomponents?\b|\bload balancer\b|\bgateway\b|\bflow\b",
    "deep-dive": r"\bdeep[- ]?dive\b|\bbottlenecks?\b|\bshard|\bhot ?spots?\b|\bfail|\breplica|\bconsisten|\bscal(?:e|ing)\b",
    "wrap-up": r"\bwrap(?:[- ]?up)?\b|\bsummar|\btrade-?offs?\b|\bimprove|\bmore time\b|\bquestions for\b|\bmonitor",
}
_MOVE_ON = r"\b(?:let'?s|let us|move on|moving on|next|now|how would you|what about|can you|walk me|talk about|go deeper|dive)\b"


@cache
def _phase_words() -> dict[str, re.Pattern[str]]:
    """Compiled on first use: only stamped transcripts need them."""
    return {phase: re.compile(rx, re.IGNORECASE) for phase, rx in _PHASE_WORDS.items()}


@cache
def _move_on() -> re.Pattern[str]:
    return re.compile(_MOVE_ON, re.IGNORECASE)


CATEGORY_PHASE = {"reliability": "deep-dive", "trade-offs": "wrap-up"}


def vote(
    text: str, transcript: Transcript, phases: Sequence[str], categories: Sequence[list[str]]
) -> None:
    """Fill each turn's votes; `categories[i]` lists the rubric categories turn i names."""
    carry: dict[str, float] = {}
    for turn, cats in zip(transcript.turns, categories, strict=True):
        body = text[turn.start : turn.end]
        votes = dict(carry)
        carry = {}
        for phase in phases:
            hits = len(_phase_words()[phase].findall(body)) if phase in _PHASE_WORDS else 0
            if hits:
                votes[phase] = votes.get(phase, 0.0) + hits
        if turn.role == "interviewer" and _move_on().search(body) and votes:
            lead = max(phases, key=lambda p: (votes.get(p, 0.0), -phases.index(p)))
            if votes.get(lead):
                carry = {lead: 3.0}
                votes[lead] = votes.get(lead, 0.0) + 3.0
        for cat in cats:
            phase = CATEGORY_PHASE.get(cat, cat)
            if phase in phases:
                votes[phase] = votes.get(phase, 0.0) + 1.0
        turn.votes = votes


def assign_phases(transcript: Transcript, phases: Sequence[str]) -> None:
    """Cut the turns into phases in order, collecting the most votes (ties: earlier phase)."""
    turns = transcript.turns
    if not turns or not phases:
        return
    n = len(phases)
    best = [[0.0] * n for _ in turns]
    back = [[0] * n for _ in turns]
    for t, turn in enumerate(turns):
        run_max, run_arg = float("-inf"), 0
        for p in range(n):
            if t:
                if best[t - 1][p] > run_max:
                    run_max, run_arg = best[t - 1][p], p
                prev = run_max
            else:
                prev = 0.0
            best[t][p] = prev + turn.votes.get(phases[p], 0.0)
            back[t][p] = run_arg
    last = max(range(n), key=lambda p: (best[-1][p], -p))
    for t in range(len(turns) - 1, -1, -1):
        turns[t].phase = phases[last]
        last = back[t][last]


def ordered_stamps(transcript: Transcript) -> list[int]:
    """The stamped turns (their indexes) forming the longest run of stamps that never goes back.

    Of runs equally long, one that ends on the smallest stamp (patience sorting, n log n).
    """
    stamped = [(i, t.seconds) for i, t in enumerate(transcript.turns) if t.seconds is not None]
    ends: list[int] = []  # ends[k]: the smallest last stamp of a kept run k + 1 long
    at: list[int] = []  # at[k]: the position in `stamped` of that last stamp
    before = [-1] * len(stamped)  # the position of the stamp kept before each one
    for pos, (_, seconds) in enumerate(stamped):
        k = bisect_right(ends, seconds)
        before[pos] = at[k - 1] if k else -1
        if k == len(ends):
            ends.append(seconds)
            at.append(pos)
        else:
            ends[k] = seconds
            at[k] = pos
    kept: list[int] = []
    pos = at[-1] if at else -1
    while pos >= 0:
        kept.append(stamped[pos][0])
        pos = before[pos]
    return kept[::-1]


def unordered_stamps(transcript: Transcript) -> list[int]:
    """The seconds of each stamp left out of the timing because it goes back in time."""
    kept = set(ordered_stamps(transcript))
    return [
        t.seconds for i, t in enumerate(transcript.turns) if t.seconds is not None and i not in kept
    ]


# After the last stamp, a word takes at most this long (60 words a minute). People speak 120 to
# 160 words a minute, and an interview with pauses to think averages 100 or more; the
# transcript's own rate is only slower when its stamps are far apart around few words, and
# then nothing says the talk after the last stamp went as slowly.
SLOWEST_WORD_SECONDS = 1.0


def phase_seconds(transcript: Transcript, phases: Sequence[str]) -> dict[str, float]:
    """Seconds spent in each phase, from the stamps (see the module docstring)."""
    spent = dict.fromkeys(phases, 0.0)
    turns = transcript.turns
    anchors = ordered_stamps(transcript)
    timed_words, timed_secs = 0, 0.0
    for a, b in zip(anchors, anchors[1:], strict=False):
        span = max(0, (turns[b].seconds or 0) - (turns[a].seconds or 0))
        group = turns[a:b]
        words = sum(t.words for t in group) or len(group)
        for t in group:
            share = (t.words or (1 if not sum(x.words for x in group) else 0)) / words
            spent[t.phase] = spent.get(t.phase, 0.0) + span * share
        timed_words += sum(t.words for t in group)
        timed_secs += span
    if anchors and timed_words and timed_secs:
        rate = min(timed_secs / timed_words, SLOWEST_WORD_SECONDS)
        for t in turns[anchors[-1] :]:
            spent[t.phase] = spent.get(t.phase, 0.0) + t.words * rate
    return spent
