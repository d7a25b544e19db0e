"""Back-of-envelope arithmetic said in words, read from a sentence's number tokens.

Four shapes, each tied to words that leave no doubt about the operation (a false "off by 10x" is
worse than a missed estimate, so anything less clear is left alone):
products `A users sending B messages each is C`, `A at B each is C`, `A times B is C`,
`5% of A is C`; a rate restated in another time unit `C a day, about D per second` (or
`, so D`, `, which is D`, of the same thing when it is named); a peak
`D per second ... E per second at a 3x peak`; and a division
`A connections at B per server is C servers`.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

from designcoach.grading.estimates_tokens import SECONDS, Calc, Tok

# Words that join clauses or name another relation: a phrase holding one is not a plain noun
# phrase between two factors ("at 50 thousand per server" divides, "and 3 regions" lists).
_STOP = (
    r"(?:per|and|or|but|than|then|to|from|by|in|on|for|over|under|into|while|if|when|because|not|"
    r"no|plus|minus|less|more|up|down|after|before|across|between|out|off|that|which|so|is|are|"
    r"was|were|be|been|we|it|this|these|those|they|there|times|at|of|with|only|just)\b"
)
_NOUN = rf"(?!{_STOP})[a-z][a-z'’-]*"
# "≈" and "≃" hedge a figure as "~" does ("5B swipes per day ≈ 58K per second").
_HEDGE = r"(?:(?:about|around|roughly|approximately|approx\.|nearly|almost|some|~|≈|≃)\s*)?"
_VERBING = (
    r"sending|posting|uploading|downloading|making|doing|viewing|reading|writing|watching|"
    r"sharing|storing|swiping|opening|generating|producing|creating|issuing|streaming|following"
)
# Between two factors: a few nouns, then a word that multiplies ("users sending", "photos at").
_FACTOR = re.compile(
    rf"\s+(?:{_NOUN}\s+){{0,3}}?(?:(?P<conn>times|x|×|multiplied\s+by|at|with|{_VERBING})"
    rf"|(?P<of>of))\s+{_HEDGE}"
)
# Between the last factor and the result: nouns, maybe "each", then "is" or a like verb.
_RESULT = re.compile(
    rf"(?:\s+(?:{_NOUN}\s+){{0,3}}?)?\s*(?:,\s*)?(?:(?:so|which|that)\s+)?"
    rf"(?:is|are|gives|makes|means|comes\s+to|equals|totals|adds\s+up\s+to|that's|that’s)\s+"
    rf"{_HEDGE}|\s*,\s*so\s+{_HEDGE}"
)
# Between a rate and the same amount in another time unit: punctuation and "about" or "or",
# or a comma and "so" or "which is".
_RESTATE = re.compile(
    r"\s*[,(—–-]?\s*(?:or\s+|i\.e\.,?\s+|(?:that|which)\s+is\s+|that's\s+|so\s+)?"
    r"(?:about|around|roughly|approximately|approx\.|nearly|almost|some|~|≈|≃)\s*"
    r"|\s*[,(—–-]?\s*(?:or|i\.e\.,?)\s+"
    r"|\s*,\s*(?:(?:that|which)\s+is|that's|so(?:\s+that\s+is)?)\s+"
    rf"|\s+(?:is|are|means|comes\s+to|works\s+out\s+to)\s+{_HEDGE}"
)
# After a peak rate: "at a 3x peak", "at a 3x evening peak".
_PEAK = re.compile(
    rf"\s+at\s+(?:an?|the|its)\s+(?P<n>\d+(?:\.\d+)?)\s?[x×]\s+(?:{_NOUN}\s+)?peak\b"
)
# A figure said to be at the peak is no restatement of an average.
_AT_PEAK = re.compile(r"\s+(?:(?:at|during|in|around)\s+(?:[a-z]+\s+){0,2}?)?peak\b")
_WORD = re.compile(r"[a-z][a-z'’-]*")
_RATE_WORDS = frozenset({"per", "a", "an", "each", "daily", "monthly", "yearly", "annually"})
# Between an average rate and its peak: a few plain words, no clause of its own.
_PEAK_GAP = re.compile(r"(?:\s*,)?(?:\s+[a-z][a-z'’-]*){0,6}\s*")
# A number counted per something ("50 thousand connections per server"), and what comes next.
_PER = re.compile(rf"\s+(?:{_NOUN}\s+){{0,2}}?per\s+(?P<noun>[a-z]+)\b")
_PER_RESULT = re.compile(
    r"\s*,?\s*(?:(?:so|that|which|this)\s+)?(?:is|are|gives|makes|means|needs|takes|"
    rf"comes\s+to|we\s+need)?\s*{_HEDGE}"
)
# A tight lead-in to the divisor ("connections at"); anything looser counts only when close.
_DIVIDE_TIGHT = re.compile(rf"\s+(?:{_NOUN}\s+){{0,3}}?(?:at|with|over|across)\s+")
_DIVIDE_LOOSE = re.compile(r"[^\d]{0,120}?\bat\s+")
# A word before a number that makes it a divisor ("over 16 shards", "per 3 copies", "/ 16").
_DIVISOR = re.compile(r"(?:\b(?:over|across|per|among|between|into|by)|/)\s*$")
# A number of seconds, hours or days as an amount: its scale is not read, so keep away.
_DURATION = re.compile(
    r"\s*(?:ms|milliseconds?|µs|us|microseconds?|ns|s|secs?|seconds?|mins?|minutes?|hours?|"
    r"hrs?|days?|weeks?|months?|years?)\b"
)
_TIME_WORDS = frozenset(
    {"s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr",
     "hrs", "hour", "hours", "d", "day", "days", "week", "weeks", "month", "months", "year",
     "years"}
)  # fmt: skip
LOOSE_WITHIN = 2.0  # a loosely worded division counts only when it is this close to right


def _duration(low: str, tok: Tok) -> bool:
    return tok.rate is None and _DURATION.match(low, tok.end) is not None


def _products(low: str, nums: Sequence[Tok]) -> list[Calc]:
    found = []
    i = 0
    while i + 1 < len(nums):
        j = i
        while j + 1 < len(nums) and _factor(low, nums[j], nums[j + 1]):
            j += 1
        if j > i and j + 1 < len(nums) and _RESULT.fullmatch(low, nums[j].after, nums[j + 1].start):
            calc = _product(low, nums[i : j + 1], nums[j + 1])
            if calc is not None:
                found.append(calc)
            i = j + 1
        else:
            i = max(j, i + 1)
    return found


def _factor(low: str, left: Tok, right: Tok) -> bool:
    m = _FACTOR.fullmatch(low, left.after, right.start)
    if m is None:
        return False
    # "5% of 20 billion", "5 photos of 300 KB": any other "of" is not a product (2 of 3 nodes)
    return not m.group("of") or left.pct or right.size


def _product(low: str, factors: Sequence[Tok], result: Tok) -> Calc | None:
    if result.pct or any(_duration(low, t) for t in (*factors, result)):
        return None
    # "300,000 reads over 16 shards with 3 copies each is 6,000 per copy": the factors divide
    if _DIVISOR.search(low, max(0, factors[0].start - 12), factors[0].start):
        return None
    per = _PER.match(low, result.after)
    if per is not None and per["noun"] not in _TIME_WORDS:
        return None  # a result per thing is a share, not the product's total
    if sum(f.size for f in factors) != result.size:
        return None  # bytes on one side only: a factor went unsaid
    value = math.prod(f.value for f in factors)
    rates = {f.rate for f in factors if f.rate}
    if len(rates) > 1:
        return None
    if rates and result.rate and result.rate not in rates:
        rate = rates.pop()
        ratio = SECONDS[result.rate] / SECONDS[rate]
        # "4 TB a day times 365 is 1.46 PB a year": the factor already converts the rate
        if not any(abs(f.value / ratio - 1) < 0.05 for f in factors):
            value *= ratio
    if not math.isfinite(value):
        return None
    return Calc(factors[0].start, result.after, result.value, value, result)


def _restated(low: str, nums: Sequence[Tok]) -> list[Calc]:
    found = []
    for c, d in zip(nums, nums[1:], strict=False):
        if not (c.rate and d.rate and c.rate != d.rate and c.size == d.size):
            continue
        if c.pct or d.pct or not _RESTATE.fullmatch(low, c.after, d.start):
            continue
        # "200,000 orders a day, about 1,500 requests per second at the dinner peak": two things
        if _AT_PEAK.match(low, d.after) or not _same_thing(_thing(low, c), _thing(low, d)):
            continue
        found.append(
            Calc(c.start, d.after, d.value, c.value * SECONDS[d.rate] / SECONDS[c.rate], d)
        )
    return found


def _thing(low: str, tok: Tok) -> str:
    """What a rate counts, if named between it and its time unit ("orders" in 200 orders a day)."""
    words = _WORD.findall(low, tok.end, tok.after)
    return words[0] if len(words) > 1 and words[0] not in _RATE_WORDS else ""


def _same_thing(one: str, other: str) -> bool:
    return not (one and other) or one.rstrip("s") == other.rstrip("s")


def _peaks(low: str, nums: Sequence[Tok]) -> list[Calc]:
    found = []
    for d, e in zip(nums, nums[1:], strict=False):
        if not (d.rate and d.rate == e.rate and d.size == e.size):
            continue
        peak = _PEAK.match(low, e.after)
        if peak is not None and _PEAK_GAP.fullmatch(low, d.after, e.start):
            found.append(Calc(d.start, peak.end(), e.value, d.value * float(peak["n"]), e))
    return found


def _divisions(low: str, nums: Sequence[Tok]) -> list[Calc]:
    found = []
    for a, b, c in zip(nums, nums[1:], nums[2:], strict=False):
        # the checks on the tokens alone first: they cost less than the regexes
        if not b.value or c.size or c.pct or b.pct or a.size != b.size:
            continue
        if a.rate and b.rate and a.rate != b.rate:
            continue
        per = _PER.match(low, b.after)
        if per is None or per["noun"] in _TIME_WORDS:
            continue
        if not _PER_RESULT.fullmatch(low, per.end(), c.start):
            continue
        what = _named(per["noun"]).match(low, c.end)
        if what is None or any(_duration(low, t) for t in (a, b, c)):
            continue
        value = a.value / b.value
        tight = _DIVIDE_TIGHT.fullmatch(low, a.after, b.start)
        loose = _DIVIDE_LOOSE.fullmatch(low, a.after, b.start)
        if not (tight or (loose and _near(c.value, value))):
            continue
        found.append(Calc(a.start, what.end(), c.value, value, c))
    return found


@functools.lru_cache(maxsize=256)
def _named(noun: str) -> re.Pattern[str]:
    """A few words, then `noun` again ("per server ... 2,000 gateway servers")."""
    return re.compile(rf"\s+(?:[a-z][a-z'’-]*\s+){{0,2}}?{noun}(?:s|es)?\b")


def _near(stated: float, computed: float) -> bool:
    return (
        stated > 0
        and computed > 0
        and max(stated, computed) / min(stated, computed) <= LOOSE_WITHIN
    )


def prose_calcs(low: str, nums: Sequence[Tok]) -> list[Calc]:
    """The calculations said in words among a sentence's numbers (`nums`, in order).

    `low`: the sentence lower-cased, where lower() kept every offset in place.
    """
    found = _products(low, nums) + _restated(low, nums)
    # substring tests first: a regex at every number costs more than a scan of the sentence
    if "peak" in low:
        found += _peaks(low, nums)
    if "per " in low and len(nums) > 2:
        found += _divisions(low, nums)
    return [c for c in found if math.isfinite(c.stated) and math.isfinite(c.computed)]
