"""`whole_words`: a pattern read as a list of whole words matches exactly the texts that hold
one of those words, as the regex does (Hypothesis, on bundled rubric patterns and made-up ones)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.grading.matching import Part
from designcoach.grading.patterns import fold, is_word
from designcoach.grading.whole_words import whole_words

CATALOG = Catalog()
BUNDLED = sorted(
    {
        p
        for prompt in CATALOG.prompts()
        for item in CATALOG.rubric_for(prompt).items
        for p in (*item.detect, *item.explain)
    }
)
READ = [p for p in BUNDLED if whole_words(p) is not None]


def _words_in(folded: str) -> set[str]:
    return set("".join(ch if is_word(ch) else " " for ch in folded).split())


def test_simple_lists_are_read() -> None:
    assert whole_words(r"\b(queue|queues|kafka)\b") == {"queue", "queues", "kafka"}
    assert whole_words(r"\bshards?\b") == {"shard", "shards"}
    assert whole_words(r"\b(re)?tr(y|ies)\b") == {"try", "tries", "retry", "retries"}
    assert whole_words(r"\bCassandra\b") == {"cassandra"}
    assert whole_words(r"\bl[ae]ader\b") == {"laader", "leader"}


def test_anything_more_is_left_to_the_regex() -> None:
    for pattern in [
        r"\b(write[- ]through)\b",  # a space or a dash: not one word
        r"\bshard\w*\b",  # open ended
        r"\bpoll(?!ing)\b",  # a look-ahead
        r"queue\b",  # no boundary before
        r"\bqueue",  # none after
        r"\b(?i:queue)\b",  # flags
        r"\bqueue\b|\bkafka\b",  # a choice of whole patterns
        r"\b[^x]\b",
        r"\b" + "(a|b|c|d|e|f|g|h)" * 3 + r"\b",  # too many spellings
        r"\b(",  # not a pattern
    ]:
        assert whole_words(pattern) is None, pattern


def test_some_bundled_patterns_are_lists_of_words() -> None:
    assert len(READ) >= 50


texts = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "queue",
                "queues",
                "Queue",
                "kafka",
                "shard",
                "shards",
                "retry",
                "qu",
                "_",
                "-",
                " ",
                ",",
                "é",
                "İ",
                "ſ",
                "K",
                "2",
                "\n",
                "’",
            ]
        ),
        st.text(max_size=4),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from([*READ, r"\b(queue|queues|kafka)\b", r"\b(re)?tr(y|ies)\b"]), texts)
def test_a_word_list_matches_where_its_regex_does(pattern: str, text: str) -> None:
    words = whole_words(pattern)
    assert words is not None
    folded = fold(text)
    by_regex = Part(pattern).rx.search(folded) is not None
    assert by_regex == bool(words & _words_in(folded))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(READ), st.data())
def test_each_word_read_is_matched_alone_and_inside_a_sentence(
    pattern: str, data: st.DataObject
) -> None:
    words = whole_words(pattern)
    assert words is not None
    word = data.draw(st.sampled_from(sorted(words)))
    rx = Part(pattern).rx
    assert rx.search(word) and rx.search(f"so the {word}, then")
    glued = f"x{word}x"  # one longer word
    assert (rx.search(glued) is not None) == (glued in words)
