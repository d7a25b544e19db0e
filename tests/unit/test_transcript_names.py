"""Transcripts whose two speakers are labelled by name only (Zoom, Google Meet, Otter.ai): the
one who asks is the interviewer, whose words earn nothing; written answers with `API:` or
`Storage:` lines stay answers; a talk read as an answer says so in the text report."""

from __future__ import annotations

import pytest
from grading_fixtures import chat

from designcoach.grading.document import report_document
from designcoach.grading.engine import READ_AS_ANSWER, grade_text
from designcoach.grading.render import render_plain
from designcoach.grading.transcripts import parse_transcript

# The tester's file: Sam proposes the design and asks; Priya only agrees.
NAMED = """\
Sam: Let's design WhatsApp. A common approach keeps a web socket per phone to push messages, and stores photos in S3 behind a CDN with only the URL in the message. What do you think?
Priya: Sounds good.
Sam: Anything else?
Priya: Not really.
"""

OTTER = """\
Sam Lee  0:00
Let's design a chat app. How do messages reach phones?

Priya Raman  0:12
Each phone keeps a web socket open so the server pushes messages at once,
because polling wastes battery.

Sam Lee  1:05
And photos?

Priya Raman  1:10
Upload them to S3 behind a CDN and send only the URL in the message.
"""


def _meet(text: str) -> str:
    return text.replace("Sam:", "Sam Lee:").replace("Priya:", "Priya Raman:")


def _zoom(text: str) -> str:
    lines = _meet(text).splitlines()
    return "".join(f"00:00:{5 * i:02d} {line}\n" for i, line in enumerate(lines))


@pytest.mark.parametrize("text", [NAMED, _meet(NAMED), _zoom(NAMED)], ids=["names", "meet", "zoom"])
def test_the_interviewer_labelled_by_name_earns_nothing(text: str) -> None:
    prompt, rubric = chat()
    assert grade_text(text, prompt, rubric, transcript=False).score > 0  # Sam's words
    report = grade_text(text, prompt, rubric)
    assert report.transcript is not None
    assert report.score == 0
    assert report.words == report.transcript.candidate_words == 4
    assert all(i.credit == 0 for i in report.items)
    turns = parse_transcript(text)
    assert turns is not None
    assert [t.role for t in turns.turns] == ["interviewer", "candidate"] * 2


def test_zoom_stamps_time_the_turns() -> None:
    turns = parse_transcript(_zoom(NAMED))
    assert turns is not None
    assert [t.seconds for t in turns.turns] == [0, 5, 10, 15]


@pytest.mark.parametrize(
    "text",
    [
        OTTER,
        OTTER.replace("Sam Lee", "Interviewer").replace("Priya Raman", "Candidate"),
        OTTER.replace("  0:00", " (0:00)").replace("  1:10", " (1:10)"),
        OTTER.replace("  1:05", "  1:01:05").replace("  1:10", "  1:01:10"),
        OTTER.replace("\n", "\r\n"),
        "# Mock interview\n\nWhatsApp, 4 December\n\n" + OTTER,
        OTTER.replace("Sam Lee  1:05\n", "Sam Lee  0:50\nGood.\n\nSam Lee  1:05\n"),
    ],
    ids=["otter", "roles", "parentheses", "past-the-hour", "crlf", "title", "one-name-twice"],
)
def test_otter_exports_are_transcripts(text: str) -> None:
    turns = parse_transcript(text)
    assert turns is not None
    roles = [t.role for t in turns.turns]
    assert [r for i, r in enumerate(roles) if not i or roles[i - 1] != r] == [
        "interviewer",
        "candidate",
    ] * 2
    assert text[turns.turns[1].start : turns.turns[1].end].startswith("Each phone keeps")
    assert text[turns.turns[1].start : turns.turns[1].end].endswith("wastes battery.")
    assert turns.turns[0].seconds == 0 and turns.turns[1].seconds == 12
    prompt, rubric = chat()
    report = grade_text(text, prompt, rubric)
    assert report.transcript is not None
    assert report.transcript.candidate_words == 33  # Priya's words alone
    push = next(i for i in report.items if i.id == "realtime-push")
    assert push.credit == 1.0 and "Each phone keeps" in push.evidence[0]


def test_the_one_who_asks_more_is_the_interviewer_whoever_speaks_first() -> None:
    text = (
        "Priya: Hi, thanks for having me.\n"
        "Sam: Design a chat app. How do messages reach phones?\n"
        "Priya: A web socket per phone, so the server pushes them.\n"
        "Sam: And photos? Where do they go?\n"
        "Priya: S3 behind a CDN.\n"
    )
    turns = parse_transcript(text)
    assert turns is not None
    assert [t.role for t in turns.turns] == ["candidate", "interviewer"] * 2 + ["candidate"]
    # as many questions each: the first speaker asks
    even = "Ann: How big?\nBob: Big. Why?\nAnn: Just asking.\nBob: Fine.\n"
    turns = parse_transcript(even)
    assert turns is not None and turns.turns[0].role == "interviewer"


@pytest.mark.parametrize(
    "text",
    [
        "API: POST /messages\nStorage: Cassandra\nAPI: GET /messages?since=id\nStorage: S3\n",
        "Storage: Cassandra, why?\nNote: x\nStorage: S3?\nNote: the end\n",
        "Pros: fast?\nCons: costly\nPros: simple\nCons: slow\n",
        "Cache: Redis\nQueue: Kafka\nCache: evict by LRU\nQueue: partition by chat\n",  # no "?"
        "Requirements: chat\nStep 1: estimate\nNote: more\nStep 2: the API\n",
        # two names, but a paragraph of answer above them
        "We use web sockets because they push. Messages go to Cassandra.\n\n" + NAMED,
        # only one turn each
        "Sam: How do messages reach phones?\nPriya: Web sockets.\n",
    ],
)
def test_written_answers_with_label_lines_stay_answers(text: str) -> None:
    assert parse_transcript(text) is None, text
    prompt, rubric = chat()
    assert grade_text(text, prompt, rubric).transcript is None


def test_a_talk_read_as_an_answer_says_so_in_the_text_report_only() -> None:
    prompt, rubric = chat()
    three = "Sam: How do messages reach phones?\nPriya: Web sockets.\nAlex: And photos?\n"
    three += "Priya: S3 behind a CDN.\n"
    report = grade_text(three, prompt, rubric)
    assert report.transcript is None
    assert report.reading == READ_AS_ANSWER
    text = render_plain(report_document(report, prompt), width=200)
    assert READ_AS_ANSWER + "." in text
    assert "reading" not in report.to_dict()  # INTERFACES.md promises no key for it
    for quiet in (NAMED, "API: POST /x\nStorage: Cassandra\nQPS: 230K\n", "We use web sockets."):
        assert grade_text(quiet, prompt, rubric).reading == ""
    assert grade_text(three, prompt, rubric, transcript=False).reading == ""
