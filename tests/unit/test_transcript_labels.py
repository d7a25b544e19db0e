"""Speaker labels, fixed (`Candidate:`) or names (`Alice:`), are looked for only on lines with a
colon; that finds exactly what searching the whole text finds (Hypothesis), bare stamps included."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from designcoach.grading.transcripts import LABEL, SPEAKER, labels, speakers

# Pieces of labels (names, stamps, bold, colons) and of answers, glued together in any order.
PIECES = [
    "Interviewer",
    "interviewer",
    "Candidate",
    "CANDIDATE",
    "Q",
    "a",
    "A",
    ":",
    "：",
    "**",
    "__",
    "_",
    "> ",
    "- ",
    " ",
    "\t",
    "\n",
    "\r\n",
    "[00:30]",
    "[1:02:03]",
    "[99:99]",
    "(00:05)",
    "(12)",
    "00:30",  # bare stamps, before or after the name
    "1:02:03",
    "99:99",
    "00:30.5",
    "7",
    ":5",
    ".",
    "(see",
    "[12:5",
    "we shard by chat id",
    "e.g. 5:1",
    "İnterviewer",  # IGNORECASE takes "İ" and "ı" for "i", str.lower() does not
    "ınterviewer",
    "candidatE",
    "In scope",
    "data",
    "-",
    "*",
    "[",
    "]",
    "x ",
    "Alice",  # speakers labelled by name, and words that are not names
    "Alice Smith",
    "Me",
    "José",
    "API",
    "Data model",
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), min_size=0, max_size=30
).map("".join)


def _spans(found: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in found]  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None)
@given(texts)
@example("Interviewer: hi\nCandidate: we shard\n[00:10] **A**: ok")
@example("x: y\n  Q : why?\nno colon here\nA：yes")
@example("İnterviewer: hi\nCandidate: ok")
@example("> - **Q** [00:05] :* why\nIn scope: a\nA-: x\n\t_a_ ： y")
@example("00:30 Interviewer: hi\n1:02:03 **A**: ok\nCandidate 00:40: yes\n99:99 q： why")
@example("Candidate 1:02:03 no colon\n10:30: a time\n_Q_\t00:30.5 ： x")
def test_labels_are_the_matches_of_the_label_pattern(text: str) -> None:
    assert _spans(labels(text)) == _spans(LABEL.finditer(text))


@settings(max_examples=500, deadline=None)
@given(texts)
@example("Alice: hi\n**Alice Smith** [00:30]: ok\n00:30 Me： yes\nAPI: x\nData model 1:02:03: y")
@example("> - José 00:30.5 :* why\nIn scope: a\nA b c: x\n\t_Me_ ： y")
def test_speakers_are_the_matches_of_the_speaker_pattern(text: str) -> None:
    assert _spans(speakers(text)) == _spans(SPEAKER.finditer(text))
