"""Numbers, operators and rates in a sentence: the tokens the estimation check reads.

Numbers take k/M/B/T, thousand ... trillion, and KB ... PB (decimal steps); a rate is the time
unit written after a number (per second, /day, a year, daily).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

_MAG = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
        "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12, "byte": 1.0, "bytes": 1.0}  # fmt: skip
_BYTES = {"k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12, "p": 1e15, "e": 1e18}
SECONDS = {"s": 1.0, "min": 60.0, "h": 3600.0, "day": 86400.0, "week": 604800.0,
            "month": 2_592_000.0, "year": 31_536_000.0}  # fmt: skip

# Numbers first (a regex that starts with a digit scans fast); what lies between two numbers
# is then read by the small patterns below.
# _NUM and _RATE start with the set of characters a match can start with, as a plain class:
# re then skips at C speed to the next such character. _BETWEEN starts with a look at the first
# character (and, for words, at the word boundary), which fails fast but at every position.
# Without either, every position of a sentence tries all the alternatives (three times slower;
# the results are the same, as tests/unit/test_estimate_regexes.py checks against the plain
# patterns).
_NUM = re.compile(
    r"(?P<digits>\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
    r"(?:(?P<powop>[ \t]*(?:\^|\*\*)[ \t]*|e[+-]?)(?P<pow>\d{1,2})(?![\d.]))?"
    r"(?P<pct>[ \t]?%)?"
    r"(?:[ \t]?(?P<mag>(?P<bytes>[KkMGTPE])i?B(?![A-Za-z])|bytes?\b|thousand\b|million\b|billion\b|"
    r"trillion\b|mn\b|bn\b|tn\b|[kKmMbBtT](?![A-Za-z])))?"
)
_BETWEEN = re.compile(
    # The first characters of the alternatives below; the words among them start after \b.
    r"(?=[x×*·÷/=≈≃\-→~()]|\b[tmdegiaosw])"
    # "times" multiplies only right before the next number ("50M users times 40"), not in
    # "each swipes 100 times, so 5 billion a day" or "100 times a day"
    r"(?:(?P<op>(?:(?<=\s)|^)[x×](?=\s*[~(]?\s*$|\s)|[*·×÷]|/(?=\s*[~(]*\s*$)|"
    r"\btimes\b(?=\s*(?:(?:about|around|roughly|approx\w*)\s*)?[~(]*\s*$)|"
    r"\b(?:multiplied|divided) by\b)"
    r"|(?P<eq>==?|≈|≃|->|→|=>|\bequals\b|\bgives\b|\b(?:is|are|so|or|that's|which is)\s+"
    r"(?:about|around|roughly|approximately|approx\.?|~)(?=\s*[~(]*\s*$)|~)"
    r"|(?P<lp>\()|(?P<rp>\)))"
)
# A slash or the first letter of a word below, at a word boundary (looked at once it is read),
# then the rest of the alternative that character starts.
_RATE = re.compile(
    r"[/paeqrtdmy](?<=/|\b.)(?:"
    r"(?:(?<=/)|(?<=p)er\s+|(?<=a)n?\s+|(?<=e)ach\s+)\s*(?P<unit>sec(?:ond)?s?|s|"
    r"min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?|wk|months?|mo|years?|yrs?|y)\b"
    r"|(?<=[qrt])ps\b|(?:(?<=d)aily|(?<=m)onthly|(?<=y)early|(?<=a)nnually)\b)"
)


@dataclass(slots=True)
class Tok:
    kind: str  # num, op, eq, lp, rp
    start: int
    end: int
    value: float = 0.0
    op: str = ""
    rate: str | None = None  # time unit of a rate written after the number (per second, /day)
    gap: int = 0  # words between the previous token and this one
    size: bool = False  # a number of bytes (4 TB, 200 bytes)
    pct: bool = False
    after: int = 0  # where the number and the rate written after it end

    @property
    def unit(self) -> str:
        """What the number counts: bytes, a percentage, or things ("")."""
        return "bytes" if self.size else "%" if self.pct else ""


class Calc(NamedTuple):
    """One calculation in a sentence: its span, the figure stated and the figure recomputed."""

    start: int
    end: int
    stated: float
    computed: float
    result: Tok  # the stated figure: its unit and rate word the report line


@functools.cache  # a few dozen words: those _RATE matches
def _unit(word: str) -> str:
    if word.endswith("ps"):  # qps, rps, tps
        return "s"
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


def _number(m: re.Match[str]) -> tuple[float, bool]:
    """The value of a number match, and whether it counts bytes."""
    digits, powop, power, pct, mag, size = m.group("digits", "powop", "pow", "pct", "mag", "bytes")
    value = float(digits.replace(",", ""))
    if power:
        try:
            if powop.startswith("e"):  # 1e5, and 1e+06 as Python prints it
                value *= 10.0 ** (-int(power) if powop == "e-" else int(power))
            else:
                value **= int(power)
        except OverflowError:
            return math.inf, False
    if pct:
        value /= 100.0
    if not mag:
        return value, False
    if size:
        return value * _BYTES[size.lower()], True
    if mag == "B" and m.group(0)[-2:-1].isspace():
        return value, True  # "100 B" is bytes; "20B", glued, is billions
    return value * _MAG[mag.lower()], mag.startswith("byte")


_PERCENT_OF = re.compile(r"\s*of\b")
# Every match of _BETWEEN holds one of these characters or words.
_BETWEEN_SIGN = re.compile(r"[x×*·÷/=≈≃\-→~()]")
_BETWEEN_WORDS = ("times", "multiplied", "divided", "equals", "gives", "about", "around", "roughly",
                  "approx")  # fmt: skip


def _may_relate(gap: str) -> bool:
    """Whether _BETWEEN may match in `gap`: most gaps hold no sign or word it needs, and these
    tests cost half the search they spare."""
    return _BETWEEN_SIGN.search(gap) is not None or any(word in gap for word in _BETWEEN_WORDS)


def _gap_tokens(text: str, start: int, end: int, out: list[Tok], percent: bool = False) -> None:
    """Operators, equals signs and brackets between two numbers (`text` is lower-cased)."""
    gap = text[start:end]
    if percent and (of := _PERCENT_OF.match(gap)):
        out.append(Tok("op", start + of.start(), start + of.end(), op="*"))  # "10% of 500M"
    if not _may_relate(gap):
        return
    last = 0
    found = list(_BETWEEN.finditer(gap))
    if any(m.lastgroup == "eq" and m.group(0) != "~" for m in found):
        found = [m for m in found if m.group(0) != "~"]  # "= ~230K": the ~ only means about
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


def lower_in_place(text: str, low: str) -> str:
    """`low`, which is `text.lower()`, with every offset of `text` kept in place."""
    if len(low) != len(text):  # a letter that lowers to two keeps the first
        low = "".join(ch.lower()[:1] for ch in text)
    return low


def _is_name(text: str, at: int) -> bool:
    """S3, p99, v2.0: a digit glued to a letter or a dot is part of a name, not a number."""
    return (
        bool(at) and (text[at - 1].isalnum() or text[at - 1] in "_.") and not _times_glued(text, at)
    )


def _num_tok(m: re.Match[str]) -> Tok:
    value, size = _number(m)
    start, end = m.span()
    # by position: quicker than by keyword, and numbers are the tokens made most
    return Tok("num", start, end, value, "", None, 0, size, m.group("pct") is not None, end)


def _rates(low: str, out: Sequence[Tok]) -> None:
    """The rate of each number: a time unit before the next token ("40 msgs/day", "230K/s")."""
    for i, tok in enumerate(out):
        if tok.kind == "num":
            # at most two words away (checked below): 40 characters hold them, and bound the search
            stop = min(out[i + 1].start if i + 1 < len(out) else len(low), tok.end + 40)
            rate = _RATE.search(low, tok.end, stop)
            if rate and len(low[tok.end : rate.start()].split()) <= 2:
                tok.after = rate.end()
                tok.rate = _unit(rate["unit"] or rate[0])  # a unit after a word, or one word


def numbers(text: str, low: str) -> list[Tok]:
    """The numbers alone, each with its rate: all that sentences in words need (and cheaper).

    `low`: the text lower-cased with its offsets in place (lower_in_place).
    """
    out = [_num_tok(m) for m in _NUM.finditer(text) if not _is_name(text, m.start())]
    _rates(low, out)
    return out


def tokens(text: str, low: str) -> list[Tok]:
    """Numbers, operators, equals signs and brackets, in order (`low` as for numbers)."""
    out: list[Tok] = []
    last = 0
    percent = False
    for m in _NUM.finditer(text):
        at = m.start()
        if _is_name(text, at):
            continue
        _gap_tokens(low, last, at, out, percent)
        percent = bool(m.group("pct"))
        tok = _num_tok(m)
        tok.gap = len(text[out[-1].end : at].split()) if out else 0
        out.append(tok)
        last = m.end()
    _gap_tokens(low, last, len(text), out)
    _rates(low, out)
    return out
