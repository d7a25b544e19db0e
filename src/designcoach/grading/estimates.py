"""The estimation check: find back-of-envelope arithmetic and recompute it.

Recognised: `500M users x 40 msgs/day = 20B/day`, `20B / 86400 ~ 230K/s`,
`2 TB/day * 365 = 730 TB`, `10% of 500M = 50M`, parentheses, and a rate restated in another
time unit (`20B messages/day ≈ 230K/s`). Numbers take k/M/B/T, thousand ... trillion, and
KB ... PB (decimal). A result more than 10x away from the recomputed value is flagged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from designcoach.grading.text import Sentence

_MAG = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
        "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12, "byte": 1.0, "bytes": 1.0}  # fmt: skip
_BYTES = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15, "e": 1e18}
_SECONDS = {"s": 1.0, "min": 60.0, "h": 3600.0, "day": 86400.0, "week": 604800.0,
            "month": 2_592_000.0, "year": 31_536_000.0}  # fmt: skip

# Numbers first (a regex that starts with a digit scans fast); what lies between two numbers
# is then read by the small patterns below.
# Each pattern here starts with a look at the first character (and, for words, at the word
# boundary): re cannot see the characters its alternatives may start with, so without it every
# position of a sentence tries them all (three times slower; the results are the same, as
# tests/unit/test_estimate_regexes.py checks against the patterns without the look).
_NUM = re.compile(
    r"(?=\d)"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:(?P<powop>[ \t]*(?:\^|\*\*)[ \t]*|e)(?P<pow>\d{1,2})(?![\d.]))?"
    r"(?P<pct>[ \t]?%)?"
    r"(?:[ \t]?(?P<mag>(?P<bytes>[KkMGTPE])i?B(?![A-Za-z])|bytes?\b|thousand\b|million\b|billion\b|"
    r"trillion\b|mn\b|bn\b|tn\b|[kKmMbBtT](?![A-Za-z])))?"
)
_BETWEEN = re.compile(
    # The first characters of the alternatives below; the words among them start after \b.
    r"(?=[x×*·÷/=≈≃\-→~()]|\b[tmdegiaosw])"
    r"(?:(?P<op>(?:(?<=\s)|^)[x×](?=\s*[~(]?\s*$|\s)|[*·×÷]|/(?=\s*[~(]*\s*$)|\btimes\b|"
    r"\b(?:multiplied|divided) by\b)"
    r"|(?P<eq>==?|≈|≃|->|→|=>|\bequals\b|\bgives\b|\b(?:is|are|so|or|that's|which is)\s+"
    r"(?:about|around|roughly|approximately|approx\.?|~)(?=\s*[~(]*\s*$)|~)"
    r"|(?P<lp>\()|(?P<rp>\)))"
)
_RATE = re.compile(
    r"(?=/|\b[paeqrtdmy])(?:"  # a slash or the first letter of a word below: a quick no elsewhere
    r"(?:/|\bper\s+|\ban?\s+|\beach\s+)\s*(?P<unit>sec(?:ond)?s?|s|min(?:ute)?s?|hours?|hrs?|h|"
    r"days?|d|weeks?|wk|months?|mo|years?|yrs?|y)\b|\b(?P<qps>[qrt]ps)\b|\b(?P<adv>daily|monthly|yearly|annually)\b)"
)
# At least two numbers and something that could relate them: most sentences have neither.
_TWO_NUMBERS = re.compile(r"\d[^\d]+\d")
_RELATES = re.compile(
    r"(?=[=≈≃~→×*/÷xotdmegar\d])"  # the characters the alternatives start with
    r"(?:[=≈≃~→×*/÷]|\bx\b|\dx|of\b|times|divided|multiplied|equals|gives|about|around|roughly|approx)",
    re.IGNORECASE,
)
MAX_GAP_WORDS = 4
TOLERANCE = 10.0


@dataclass(slots=True)
class Tok:
    kind: str  # num, op, eq, lp, rp
    start: int
    end: int
    value: float = 0.0
    op: str = ""
    rate: str | None = None  # time unit of a rate written after the number (per second, /day)
    gap: int = 0  # words between the previous token and this one


@dataclass(slots=True)
class Estimate:
    """One checked calculation: its span, stated and recomputed values, and a verdict."""

    sentence: int
    start: int
    end: int
    stated: float
    computed: float
    ok: bool


def _unit(word: str) -> str:
    w = word.lower().rstrip("s") or "s"
    if w in ("sec", "second", "s"):
        return "s"
    if w.startswith("min"):
        return "min"
    if w in ("h", "hr", "hour"):
        return "h"
    if w in ("d", "day", "daily"):
        return "day"
    if w in ("wk", "week"):
        return "week"
    if w in ("mo", "month", "monthly"):
        return "month"
    return "year"


def _number(m: re.Match[str]) -> float:
    value = float(m.group("digits").replace(",", ""))
    if m.group("pow"):
        power = int(m.group("pow"))
        try:
            value = value * 10.0**power if m.group("powop") == "e" else value**power
        except OverflowError:
            return math.inf
    if m.group("pct"):
        value /= 100.0
    mag = m.group("mag")
    if mag:
        if m.group("bytes"):
            value *= _BYTES[m.group("bytes").lower()]
        elif mag == "B" and m.group(0)[-2:-1].isspace():
            pass  # "100 B" is bytes; "20B", glued, is billions
        else:
            value *= _MAG[mag.lower()]
    return value


_PERCENT_OF = re.compile(r"\s*of\b")


def _gap_tokens(text: str, start: int, end: int, out: list[Tok], percent: bool = False) -> None:
    """Operators, equals signs and brackets between two numbers (`text` is lower-cased)."""
    gap = text[start:end]
    last = 0
    found = list(_BETWEEN.finditer(gap))
    if any(m.lastgroup == "eq" and m.group(0) != "~" for m in found):
        found = [m for m in found if m.group(0) != "~"]  # "= ~230K": the ~ only means about
    if percent and (of := _PERCENT_OF.match(gap)):
        out.append(Tok("op", start + of.start(), start + of.end(), op="*"))  # "10% of 500M"
    for m in found:
        kind = m.lastgroup or "op"
        tok = Tok(kind, start + m.start(), start + m.end(), gap=len(gap[last : m.start()].split()))
        if kind == "op":
            raw = m.group(0).strip().lower()
            tok.op = "/" if raw in ("/", "÷") or raw.startswith("divided") else "*"
        out.append(tok)
        last = m.end()


def _times_glued(text: str, at: int) -> bool:
    """ "5x10": an x between digits is a times sign."""
    return text[at - 1] in "xX×" and at >= 2 and (text[at - 2].isdigit() or text[at - 2] == " ")


def tokens(text: str) -> list[Tok]:
    """Numbers, operators, equals signs and brackets, in order."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(ch.lower()[:1] for ch in text)
    out: list[Tok] = []
    last = 0
    percent = False
    for m in _NUM.finditer(text):
        at = m.start()
        if at and (text[at - 1].isalnum() or text[at - 1] in "_.") and not _times_glued(text, at):
            continue  # S3, p99, v2.0: names, not numbers
        _gap_tokens(low, last, at, out, percent)
        percent = bool(m.group("pct"))
        tok = Tok("num", m.start(), m.end(), value=_number(m))
        tok.gap = len(text[out[-1].end : at].split()) if out else 0
        out.append(tok)
        last = m.end()
    _gap_tokens(low, last, len(text), out)
    # The rate of a number: a time unit between it and the next token ("40 msgs/day", "230K/s").
    for i, tok in enumerate(out):
        if tok.kind == "num":
            stop = out[i + 1].start if i + 1 < len(out) else min(len(text), tok.end + 40)
            rate = _RATE.search(low, tok.end, stop)
            if rate and len(low[tok.end : rate.start()].split()) <= 2:
                if rate.group("qps"):
                    tok.rate = "s"
                else:
                    tok.rate = _unit(rate.group("unit") or rate.group("adv"))
    return out


class _Parser:
    """Left-to-right * and / with parentheses over a token list; None where it stops."""

    def __init__(self, toks: Sequence[Tok]) -> None:
        self.toks = toks

    def _ok(self, i: int) -> bool:
        return i < len(self.toks) and self.toks[i].gap <= MAX_GAP_WORDS

    def term(self, i: int, depth: int = 0, lead: bool = False) -> tuple[float, int] | None:
        """A number or a bracketed expression; `lead`: the first, whatever precedes it."""
        if i >= len(self.toks) or not (lead or self._ok(i)):
            return None
        tok = self.toks[i]
        if tok.kind == "num":
            return tok.value, i + 1
        if tok.kind == "lp" and depth < 4:
            inner = self.expr(i + 1, depth=depth + 1, lead=True)
            if inner and inner[1] < len(self.toks) and self.toks[inner[1]].kind == "rp":
                return inner[0], inner[1] + 1
        return None

    def expr(
        self, i: int, left: float | None = None, depth: int = 0, lead: bool = True
    ) -> tuple[float, int, int] | None:
        """(value, next index, operators used)."""
        if left is None:
            first = self.term(i, depth, lead)
            if first is None:
                return None
            value, i = first
        else:
            value = left
        ops = 0
        while self._ok(i) and self.toks[i].kind == "op":
            nxt = self.term(i + 1, depth)
            if nxt is None:
                break
            rhs, j = nxt
            if self.toks[i].op == "*":
                value *= rhs
            elif rhs:
                value /= rhs
            else:
                return None
            ops += 1
            i = j
        return value, i, ops


def _close(stated: float, computed: float) -> bool:
    if stated <= 0 or computed <= 0:
        return stated == computed
    return max(stated, computed) / min(stated, computed) <= TOLERANCE


def _span_end(text: str, end: int) -> int:
    """Carry the span over a unit glued to the result ("230K/s", "20B/day")."""
    m = re.compile(r"[^\s,;]*").match(text, end)
    stop = m.end() if m else end
    while stop > end and text[stop - 1] in ".:)":
        stop -= 1
    return stop


def check_sentence(text: str) -> list[tuple[int, int, float, float]]:
    """(start, end, stated, computed) for each calculation in one sentence."""
    toks = tokens(text)
    if sum(t.kind == "num" for t in toks) < 2:
        return []
    parser = _Parser(toks)
    found = []
    i = 0
    while i < len(toks):
        parsed = parser.expr(i) if toks[i].kind in ("num", "lp") else None
        if parsed is None:
            i += 1
            continue
        first = toks[i]
        start, resume = first.start, i + 1
        while parsed is not None:
            value, j, ops = parsed
            if not (j + 1 < len(toks) and toks[j].kind == "eq" and toks[j + 1].kind == "num"):
                break
            result = toks[j + 1]
            if max(toks[j].gap, result.gap) > MAX_GAP_WORDS:
                break
            if ops == 0:
                # One number restated: only a rate in another time unit is a calculation.
                if not (first.rate and result.rate and first.rate != result.rate):
                    break
                value = value * _SECONDS[result.rate] / _SECONDS[first.rate]
            if math.isfinite(value) and math.isfinite(result.value):
                found.append((start, _span_end(text, result.end), result.value, value))
            resume = j + 2
            # "... = 20B/day, / 86400 = 230K/s": carry on from the stated figure
            parsed = parser.expr(j + 2, left=result.value)
            if parsed is not None and parsed[2] == 0:
                parsed = None
            start = result.start
        i = resume
    return found


def find_estimates(sentences: Sequence[Sentence], digits: int | None = None) -> list[Estimate]:
    """Every calculation found in the sentences, recomputed, in order.

    `digits`: the sentences (bits) holding a digit, if known; the others hold no calculation.
    """
    out: list[Estimate] = []
    for idx, sent in enumerate(sentences):
        if digits is not None and not digits >> idx & 1:
            continue
        if not (_TWO_NUMBERS.search(sent.text) and _RELATES.search(sent.text)):
            continue
        for start, end, stated, computed in check_sentence(sent.text):
            out.append(
                Estimate(
                    idx,
                    sent.start + start,
                    sent.start + end,
                    stated,
                    computed,
                    _close(stated, computed),
                )
            )
    return out
