"""The estimation check: find back-of-envelope arithmetic and recompute it.

Recognised: `500M users x 40 msgs/day = 20B/day`, `20B / 86400 ~ 230K/s`,
`2 TB/day * 365 = 730 TB`, `10% of 500M = 50M`, parentheses, and a rate restated in another
time unit (`20B messages/day ≈ 230K/s`); the same said in words is read by estimates_prose.
Numbers take k/M/B/T, thousand ... trillion, and KB ... PB (decimal). A result more than 10x
away from the recomputed value is flagged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from designcoach.grading.estimates_prose import prose_calcs
from designcoach.grading.estimates_tokens import SECONDS, Calc, Tok, lower_in_place, numbers, tokens
from designcoach.grading.text import Sentence

# At least two numbers: most sentences have fewer. (A second filter, for a word or sign that
# could relate them, cost more than the parsing it spared once sentences in words were read.)
_DIGIT_END = re.compile(r"\d\D")
_DIGIT = re.compile(r"\d")
# In ASCII text \d is [0-9], a range re tests quicker than the Unicode digit class.
_ASCII_DIGIT_END = re.compile(r"[0-9][^0-9]")
_ASCII_DIGIT = re.compile(r"[0-9]")
# What a calculation written with signs needs: an operator and an equals sign (looked for
# loosely, in the lower-cased sentence: a quick no). Sentences without both are read in words
# only, from cheaper tokens. Substring tests first: one search for all the alternatives starts
# the regex matcher at every position, and costs about three times more.
_EQUALS_SIGNS = ("=", "≈", "≃", "→", "~", "->", "equals", "gives")
_HEDGES = ("about", "around", "roughly", "approx")
# `\b(?:is|are|so|or|that's|which is)\s+(?:about|around|roughly|approx)` read backwards, in the
# reversed sentence: starting with the hedges' letters, re skips at C speed to where they may
# start (\b looks both ways, so it reads the same), rather than try the words at every position.
_EQUALS_WORDS_REVERSED = re.compile(
    r"(?:tuoba|dnuora|ylhguor|xorppa)\s+(?:si|era|os|ro|s'taht|si hcihw)\b"
)
_OPERATOR_SIGNS = ("×", "*", "·", "÷", "/", "times", "multiplied", "divided")
_OPERATOR_X = re.compile(r"x(?=[\s~(\d]|$)")
_PERCENT_OF = re.compile(r"%\s*of")
# A unit glued to a result ("230K/s", "20B/day"): up to white space, a comma or a semicolon.
_GLUED = re.compile(r"[^\s,;]*")
MAX_GAP_WORDS = 4
TOLERANCE = 10.0


@dataclass(slots=True)
class Estimate:
    """One checked calculation: its span, stated and recomputed values, and a verdict."""

    sentence: int
    start: int
    end: int
    stated: float
    computed: float
    ok: bool
    unit: str = ""  # of the stated figure: bytes, % or ""
    rate: str | None = None  # of the stated figure: s, min, h, day, week, month, year


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
    m = _GLUED.match(text, end)
    stop = m.end() if m else end
    while stop > end and text[stop - 1] in ".:)":
        stop -= 1
    return stop


def _explicit(text: str, toks: Sequence[Tok]) -> list[Calc]:
    """Calculations written with signs: `a x b = c`, `c / 86400 ~ d`, `c/day ≈ d/s`."""
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
                value = value * SECONDS[result.rate] / SECONDS[first.rate]
            if math.isfinite(value) and math.isfinite(result.value):
                end = max(_span_end(text, result.end), result.after)  # with its rate: 2M per second
                found.append(Calc(start, end, result.value, value, result))
            resume = j + 2
            # "... = 20B/day, / 86400 = 230K/s": carry on from the stated figure
            parsed = parser.expr(j + 2, left=result.value)
            if parsed is not None and parsed[2] == 0:
                parsed = None
            start = result.start
        i = resume
    return found


def _two_numbers(text: str) -> bool:
    r"""A digit, then another after a non-digit: what `\d[^\d]+\d` finds, in two quick searches."""
    if text.isascii():
        first = _ASCII_DIGIT_END.search(text)
        return first is not None and _ASCII_DIGIT.search(text, first.end()) is not None
    first = _DIGIT_END.search(text)
    return first is not None and _DIGIT.search(text, first.end()) is not None


def _with_signs(low: str) -> bool:
    """An operator and an equals sign in the lower-cased sentence, loosely (a quick no)."""
    equals = any(sign in low for sign in _EQUALS_SIGNS) or (
        any(hedge in low for hedge in _HEDGES)
        and _EQUALS_WORDS_REVERSED.search(low[::-1]) is not None
    )
    return equals and (
        any(sign in low for sign in _OPERATOR_SIGNS)
        or ("x" in low and _OPERATOR_X.search(low) is not None)
        or ("%" in low and _PERCENT_OF.search(low) is not None)
    )


def calculations(text: str) -> list[Calc]:
    """Every calculation in one sentence, in order."""
    low = text.lower()
    in_place = lower_in_place(text, low)
    if _with_signs(low):
        toks = tokens(text, in_place)
        nums = [t for t in toks if t.kind == "num"]
        found = _explicit(text, toks) if len(nums) > 1 else []
    else:
        nums, found = numbers(text, in_place), []
    if len(nums) < 2:
        return []
    # words are read only where lower() kept the offsets: rare letters move them, and then a
    # span would be misplaced
    if len(low) == len(text):
        taken = {c.result.start for c in found}
        found += [c for c in prose_calcs(low, nums) if c.result.start not in taken]
    found.sort(key=lambda c: (c.start, c.end))
    return found


def check_sentence(text: str) -> list[tuple[int, int, float, float]]:
    """(start, end, stated, computed) for each calculation in one sentence."""
    return [(c.start, c.end, c.stated, c.computed) for c in calculations(text)]


def find_estimates(sentences: Sequence[Sentence], digits: int | None = None) -> list[Estimate]:
    """Every calculation found in the sentences, recomputed, in order.

    `digits`: the sentences (bits) holding a digit, if known; the others hold no calculation.
    """
    out: list[Estimate] = []
    for idx, sent in enumerate(sentences):
        if digits is not None and not digits >> idx & 1:
            continue
        if not _two_numbers(sent.text):
            continue
        for calc in calculations(sent.text):
            out.append(
                Estimate(
                    idx,
                    sent.start + calc.start,
                    sent.start + calc.end,
                    calc.stated,
                    calc.computed,
                    _close(calc.stated, calc.computed),
                    calc.result.unit,
                    calc.result.rate,
                )
            )
    return out
