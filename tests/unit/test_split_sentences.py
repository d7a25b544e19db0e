"""`split_sentences` cuts exactly where the first version (kept here as the reference) cut:
the same start, end and text for every sentence, on texts built from list markers,
abbreviations, decimals, ! ? tabs, CRLF and non-ASCII (Hypothesis)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from designcoach.grading.text import _ABBREV, _END, _MARKER, _MARKER_START, split_sentences


def _reference_emit(text: str, start: int, end: int, out: list[tuple[int, int, str]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped and (stripped[0].isalnum() or any(ch.isalnum() for ch in stripped)):
        begin = start + len(chunk) - len(chunk.lstrip())
        out.append((begin, begin + len(stripped), stripped))


def _reference_line(text: str, start: int, end: int, out: list[tuple[int, int, str]]) -> None:
    if text[start] in _MARKER_START:
        marker = _MARKER.match(text, start, end)
        if marker and "#" in marker.group():
            return  # a heading line is no sentence
        if marker:
            start = marker.end()
    line = text[start:end]
    if "!" in line or "?" in line or "\t" in line:
        cuts = [start + m.start() for m in _END.finditer(line)]
    else:
        cuts = []
        found = line.find(". ")
        while found >= 0:
            cuts.append(start + found)
            found = line.find(". ", found + 2)
    pos = start
    for cut in cuts:
        if text[cut] == ".":
            space = max(text.rfind(" ", pos, cut), pos - 1)
            if cut - space <= 7 and text[space + 1 : cut + 1].lower().lstrip("(") in _ABBREV:
                continue
        _reference_emit(text, pos, cut + 1, out)
        pos = cut + 1
    _reference_emit(text, pos, end, out)


def reference_split(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, str]]:
    end = len(text) if end is None else end
    out: list[tuple[int, int, str]] = []
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        if line_end > line_start:
            _reference_line(text, line_start, line_end, out)
        line_start = line_end + 1
    return out


PIECES = [
    ". ", ".", "! ", "?\t", "?? ", "!", "?", ".\t", "\t", " ", "  ", "\n", "\r\n", "\r",
    "- ", "* ", "-- ", "*- ", "- - ", "-\t", "*  ", "1. ", "12) ", "## ", "> ", "• ", "\t- ", "  3. ",
    "e.g. ", "i.e. ", "(e.g. ", "E.G. ", "vs. ", "etc. ", "approx. ", "Dr. ", "x.e.g. ",
    "2.5 TB", "3.", "www.site.com", "café", "naïve", "“ok”", "—", "…", "\u00a0", "\u2028", "日本",
    "we shard by chat id", "A", "b", "0", "`send()`", "**", "(", ")",
]  # fmt: skip
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), min_size=0, max_size=40
).map("".join)


def _as_tuples(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    sentences = split_sentences(text, start, end)
    assert all(type(s).__name__ == "Sentence" for s in sentences)
    return [(s.start, s.end, s.text) for s in sentences]


@settings(max_examples=1500, deadline=None)
@given(texts)
@example("e.g. this. And vs. that. 2.5 TB at www.site.com. Done")
@example("\ne.g. x. y")
@example("- 1. first. second!  third?\tfourth.\r\n\r\n## Head\n* \n")
@example("Wait! e.g. yes? ok.\tno")
def test_sentences_are_the_references(text: str) -> None:
    assert _as_tuples(text) == reference_split(text)


@settings(max_examples=800, deadline=None)
@given(texts, st.data())
def test_sentences_of_a_part_are_the_references(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _as_tuples(text, start, end) == reference_split(text, start, end)


def test_a_heading_line_is_no_sentence() -> None:
    text = (
        "## Estimates\n\n500M users send 40 messages a day.\n# Data model\n### \n- ## not a heading"
    )
    assert [s.text for s in split_sentences(text)] == [
        "500M users send 40 messages a day.",
        "## not a heading",
    ]
    assert [s.text for s in split_sentences("#hashtag is text")] == ["#hashtag is text"]


def test_the_reference_is_a_real_check() -> None:
    """The reference tells cutting rules apart (it would catch a changed rule)."""
    assert reference_split("a. b") == [(0, 2, "a."), (3, 4, "b")]
    assert reference_split("e.g. b") == [(0, 6, "e.g. b")]
    assert reference_split("a\ne.g. b. c") == [(0, 1, "a"), (2, 9, "e.g. b."), (10, 11, "c")]
    assert reference_split("- x\ty") == [(2, 5, "x\ty")]
    assert reference_split("x.\ty") == [(0, 2, "x."), (3, 4, "y")]
