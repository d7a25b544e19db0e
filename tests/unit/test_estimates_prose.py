"""Arithmetic said in words is found and recomputed; anything less than clear is left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.grading.estimates import TOLERANCE, calculations, check_sentence
from designcoach.grading.estimates_wording import figure


def _one(sentence: str) -> tuple[str, float, float]:
    found = calculations(sentence)
    assert len(found) == 1, [(sentence[c.start : c.end], c.stated, c.computed) for c in found]
    c = found[0]
    return sentence[c.start : c.end], c.stated, c.computed


def _ok(stated: float, computed: float) -> bool:
    return max(stated, computed) / min(stated, computed) <= TOLERANCE


@pytest.mark.parametrize(
    ("sentence", "stated", "computed"),
    [
        ("500 million daily users sending 40 messages each is 20 billion messages a day.", 20e9, 20e9),
        ("50 million daily users times 100 swipes is 5 billion swipes a day.", 5e9, 5e9),
        ("So 1 billion photos at 200 KB is about 200 TB a day.", 200e12, 200e12),
        ("10 million writers posting 3 posts each is 30 million posts a day.", 30e6, 30e6),
        ("5% of 20 billion messages is 1 billion.", 1e9, 1e9),
        ("100 million profiles times 5 photos of 300 KB is about 150 TB of images.", 150e12, 150e12),
        ("2 million uploads at 4 MB each are roughly 8 TB.", 8e12, 8e12),
        ("Each of the 3 replicas at 4 TB a day is 12 TB a day.", 12e12, 12e12),
        ("A 64 GB box times 40 boxes gives 2.5 TB of cache.", 2.5e12, 2.56e12),
        ("230k requests per second at 2 KB each is about 460 MB per second.", 460e6, 460e6),
        ("1.5M drivers sending 1 ping a second is 1.5M pings per second.", 1.5e6, 1.5e6),
        # a rate from a daily or hourly total
        ("That is 20 billion messages a day, about 230 thousand per second.", 230e3, 20e9 / 86400),
        ("We take 5 million matches a day, around 60 per second.", 60, 5e6 / 86400),
        ("Uploads run at 3.6 million an hour, or about 1,000 per second.", 1000, 1000),
        ("Logs grow 4 TB per day, roughly 1.5 PB per year.", 1.5e15, 4e12 * 365),
        ("20 billion a day is 20 million per second.", 20e6, 20e9 / 86400),
        # after "100 times" that only counts: the restatement is read, not 100 x 5 billion
        ("Users swipe 100 times, so 5 billion swipes a day, which is roughly 60k per second.",
         60e3, 5e9 / 86400),
        # restated after a comma and "so" or "which is", with no "about"
        ("We get 1M writes per second, so 86 million writes per day.", 86e6, 86.4e9),
        ("We get 1M writes per second, which is 86 million writes per day.", 86e6, 86.4e9),
        ("We get 1M writes per second, so that is 86 billion writes a day.", 86e9, 86.4e9),
        ("That's 3,000 uploads a second, that's 260 million uploads a day.", 260e6, 259.2e6),
        # a peak from an average
        ("Reads average 230 thousand per second and reach 700 thousand per second at a 3x peak.",
         700e3, 690e3),
        ("Swipes run 58 thousand per second on average and roughly 175 thousand per second at a "
         "3x evening peak.", 175e3, 174e3),
        # a division
        ("100 million connections at 50 thousand per server is 2,000 servers.", 2000, 2000),
        ("About 100 million phones are online at the busiest hour; at 50 thousand connections "
         "per server that is roughly 2,000 gateway servers.", 2000, 2000),
        ("500 TB of data at 10 TB per disk means 50 disks.", 50, 50),
    ],
)  # fmt: skip
def test_recomputes_words(sentence: str, stated: float, computed: float) -> None:
    span, got_stated, got_computed = _one(sentence)
    assert span in sentence and span[0].isdigit()
    assert got_stated == pytest.approx(stated)
    assert got_computed == pytest.approx(computed, rel=0.01)


@pytest.mark.parametrize(
    ("sentence", "ok"),
    [
        ("20 billion a day is about 2 million per second.", True),  # 8.6x: within the tolerance
        ("20 billion a day is 20 million per second.", False),  # 86x
        ("500 million users sending 40 messages each is 2 billion messages a day.", True),  # 10x
        ("500 million users sending 40 messages each is 200 million messages a day.", False),
        ("1 billion photos at 200 KB is about 2 TB a day.", False),  # 100x: 200 TB
        ("Storage grows 4 TB per day, about 146 GB per year.", False),  # 1.46 PB
        ("100 million connections at 50 thousand per server is 20 servers.", False),  # 2,000
        ("Peak is 700 per second at a 3x peak after 230 thousand per second.", True),  # not a peak
    ],
)
def test_wrong_figures_are_flagged_only_beyond_10x(sentence: str, ok: bool) -> None:
    found = calculations(sentence)
    assert all(_ok(c.stated, c.computed) for c in found) is ok, found
    if not ok:
        assert found


def test_the_flagged_figure_is_the_right_one() -> None:
    _, stated, computed = _one("Storage grows 4 TB per day, about 146 GB per year.")
    assert (stated, computed) == (146e9, pytest.approx(1.46e15))
    assert figure(computed, "bytes", "year") == "1.46 PB a year"


def test_a_sentence_reads_each_step() -> None:
    sentence = (
        "500 million daily users sending 40 messages each is 20 billion messages a day, about "
        "230 thousand per second on average and roughly 700 thousand per second at a 3x peak."
    )
    found = calculations(sentence)
    assert [(c.stated, round(c.computed)) for c in found] == [
        (20e9, 20e9),
        (230e3, 231481),
        (700e3, 690000),
    ]
    assert sentence[found[2].start : found[2].end].endswith("at a 3x peak")


@pytest.mark.parametrize(
    "sentence",
    [
        "We keep 3 replicas in 2 regions.",
        "2 of 3 replicas is a quorum of 2.",  # "of" between counts: not a product
        "We store 5 copies; at 50 thousand connections per server that is roughly 20 servers.",
        "At 200 ms per hop, 5 hops is 1 second.",  # a duration: its scale is not read
        "10 servers with 200 ms each is 2 seconds.",
        "500 million users and 40 messages is a lot, 20 billion.",
        "1 million users a day is 5 thousand at once.",  # a day, then no rate: not a restatement
        "50 thousand writes per second, 2 million reads per day.",  # a list, not a restatement
        "A 3-node cluster at 99.9% is 99.9999% available.",  # a percentage result
        "100 million users at 1 KB each is 100 thousand.",  # bytes on one side only
        "p99 at 200 is 300.",
        "HTTP/2 at 3 hops is 6 hops.",
        "Version 2.0 at 3 nodes is 6.",
        "300,000 reads per second over 16 shards with 3 copies each is about 6,000 reads per "
        "second per copy.",  # a division said with "over": not 16 x 3
        "We spread 1 million keys across 10 nodes with 4 cores each is 25 thousand per core.",
    ],
)
def test_not_a_calculation_in_words(sentence: str) -> None:
    found = calculations(sentence)
    # anything read from these must not be flagged
    assert all(_ok(c.stated, c.computed) for c in found if c.stated and c.computed), found


@pytest.mark.parametrize(
    "sentence",
    [
        "We keep 3 replicas in 2 regions.",
        "2 of 3 replicas is a quorum of 2.",
        "At 200 ms per hop, 5 hops is 1 second.",
        "50 thousand writes per second, 2 million reads per day.",
        "A 3-node cluster at 99.9% is 99.9999% available.",
        "100 million users at 1 KB each is 100 thousand.",
        "We store 5 copies; at 50 thousand connections per server that is roughly 20 servers.",
        "300,000 reads per second over 16 shards with 3 copies each is about 6,000 reads per "
        "second per copy.",
        "200,000 orders a day, about 1,500 requests per second at the dinner peak.",
        "We log 2 million events a day, about 5 thousand events per second at peak.",
        "10 thousand orders a day, about 40 requests per second.",  # orders are not requests
        "We serve 1M reads per second, so 20 million users a day see fresh data.",
        # "times" that counts how often, not a multiplication by the next number
        "Each of 50M users swipes 100 times, so 5 billion swipes a day.",
        "Each swipes 100 times a day, which is 5 billion swipes.",
        "We take 5 thousand writes per second, so 2 million reads per day stay cheap.",
    ],
)
def test_nothing_is_read_from_unclear_sentences(sentence: str) -> None:
    assert check_sentence(sentence) == []


def _words(value: float) -> str:
    """A count as people write it: 20 billion, 230k, 1,000 trillion, 40."""
    for step, name in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million"), (1e3, "k")):
        if value >= step:
            count = value / step
            return (f"{count:,.0f}" if count == int(count) else f"{count:g}") + name
    return f"{value:,.0f}"


amounts = st.sampled_from([2, 3, 5, 10, 40, 100, 250, 1000, 50_000, 2e6, 100e6, 500e6, 1e9])


@settings(max_examples=200, deadline=None)
@given(
    a=amounts,
    b=amounts,
    shape=st.sampled_from(
        [
            "{a} users sending {b} messages each is {c} messages a day.",
            "{a} users times {b} requests is about {c} requests.",
            "So {a} photos at {b} each is roughly {c}.",
            "{a} devices posting {b} pings is {c} pings.",
        ]
    ),
)
def test_a_correct_product_in_words_is_never_flagged(a: float, b: float, shape: str) -> None:
    sentence = shape.format(a=_words(a), b=_words(b), c=_words(a * b))
    found = calculations(sentence)
    assert len(found) == 1, sentence
    assert _ok(found[0].stated, found[0].computed), sentence


PIECES = [
    "500 million", "users", "sending", "40", "messages", "each", "is", "about", "20 billion",
    "a day", ",", "per second", "at", "a 3x peak", "200 KB", "4 TB", "of", "5%", "times",
    "per server", "servers", "that is", "roughly", "1,000", "2.5M", "x", "=", "/", ";", "(", ")",
    "86400", "ms", "seconds", "peak", "or", "İ", "ſ",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=20).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_any_text_reads_without_error_and_spans_lie_inside(text: str) -> None:
    for c in calculations(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start].isdigit()


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [("2 x 5e5 = 1e+06", 1e6), ("4 x 25 = 1e2", 100.0), ("1 / 1000 = 1e-03", 1e-3)],
)
def test_exponents_as_python_prints_them(sentence: str, stated: float) -> None:
    assert [s for _, _, s, _ in check_sentence(sentence)] == [pytest.approx(stated)]


@pytest.mark.parametrize("sign", ["~", "≈", "≃"])
@pytest.mark.parametrize(
    "template",
    [
        "5B swipes per day {} 58K per second",
        "5 billion swipes a day {} 58 thousand a second",
        "5B swipes/day ({} 58K/s)",
    ],
)
def test_approximately_equal_sign_hedges_like_a_tilde(template: str, sign: str) -> None:
    # "≈" is how a pasted estimate often reads; it must count as "~" does.
    _span, stated, computed = _one(template.format(sign))
    assert stated == 58e3
    assert _ok(stated, computed)


def test_approximately_equal_sign_carries_a_chain_on() -> None:
    found = check_sentence("50M DAU x 100 = 5B swipes/day ≈ 58K/s")
    assert [stated for _s, _e, stated, _c in found] == [5e9, 58e3]
