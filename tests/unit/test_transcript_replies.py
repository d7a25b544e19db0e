"""Replies in a transcript: the interviewer's question sets the subject of the answer that
follows it, but the interviewer's words never earn credit by themselves; and a file with
`Interviewer:` lines never has them graded, however few the other turns."""

from __future__ import annotations

import pytest

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt, Rubric
from designcoach.grading.engine import grade_text
from designcoach.grading.report import Report
from designcoach.grading.transcripts import parse_transcript
from designcoach.paths import bundled_content_root

CATALOG = Catalog([bundled_content_root()])


def _whatsapp() -> tuple[Prompt, Rubric]:
    prompt = CATALOG.prompt("whatsapp")
    return prompt, CATALOG.rubric_for(prompt)


def _grade(text: str) -> Report:
    prompt, rubric = _whatsapp()
    return grade_text(text, prompt, rubric)


def _credit(report: Report, item: str) -> float:
    return next(i.credit for i in report.items if i.id == item)


def _evidence(report: Report, item: str) -> list[str]:
    return next(i.evidence for i in report.items if i.id == item)


NAMED = (
    "Alice: Design WhatsApp. How do messages reach phones?\n"
    "Candidate: Each phone keeps a persistent web socket so the server can push messages "
    "instantly; polling wastes battery.\n"
    "Alice: And photos?\n"
    "Candidate: Upload to S3 behind a CDN and send only the URL in the message.\n"
)
REPLY = "Upload to S3 behind a CDN and send only the URL in the message."


def test_a_reply_takes_its_subject_from_the_question() -> None:
    report = _grade(NAMED)
    assert _credit(report, "websockets") == 1.0
    assert _credit(report, "image-sharing") == 1.0
    assert _evidence(report, "image-sharing") == [REPLY]  # the candidate's words only
    # as if the candidate had said the subject: the same credit
    said = _grade(NAMED.replace("Candidate: Upload", "Candidate: Photos: Upload"))
    assert _credit(said, "image-sharing") == 1.0


def test_a_mechanism_stated_in_reply_to_a_named_subject_earns_credit() -> None:
    text = (
        "Interviewer: What about offline users?\n"
        "Candidate: We store the message in an inbox for them and deliver it when they "
        "reconnect, because the phone may be off for days.\n"
    )
    report = _grade(text)
    assert _credit(report, "offline-delivery") == 1.0
    assert _evidence(report, "offline-delivery")[0].startswith("We store the message")


@pytest.mark.parametrize(
    "reply",
    [
        "Yes.",
        "OK.",
        "Sure, that sounds fine to me overall, really.",
        "I would think about the chat screens first.",
    ],
)
def test_agreeing_with_the_question_earns_nothing(reply: str) -> None:
    text = (
        "Interviewer: Would you use web sockets so the server can push messages instead of "
        "polling, and keep offline users' messages in an inbox until they reconnect? And "
        "photos in S3 behind a CDN, with only the URL in the message?\n"
        f"Candidate: {reply}\n"
    )
    report = _grade(text)
    assert report.score == 0
    assert all(i.credit == 0 for i in report.items), [i.id for i in report.items if i.credit]


def test_the_reason_must_be_the_candidates() -> None:
    """The question's "polling" does not explain the candidate's bare "web sockets"."""
    text = (
        "Interviewer: Why web sockets rather than polling?\n"
        "Candidate: Web sockets are what I would pick for this chat app here.\n"
    )
    assert _credit(_grade(text), "websockets") == 0.5


def test_only_the_reply_right_after_the_question_takes_its_subject() -> None:
    text = (
        "Interviewer: And photos?\n"
        "Candidate: I have not thought about that part of the design yet, sorry.\n"
        "Interviewer: Fine. How do messages reach phones?\n"
        "Candidate: Upload to S3 behind a CDN and send only the URL in the message.\n"
    )
    assert _credit(_grade(text), "image-sharing") == 0


INTERVIEWER_ONLY = (
    "Interviewer: Design WhatsApp. Use web sockets, Cassandra, S3 and a CDN.\n"
    "Interviewer: Think about offline users and delivery receipts.\n"
)


def test_an_interviewer_only_transcript_grades_nothing() -> None:
    turns = parse_transcript(INTERVIEWER_ONLY)
    assert turns is not None
    assert [t.role for t in turns.turns] == ["interviewer", "interviewer"]
    report = _grade(INTERVIEWER_ONLY)
    assert report.transcript is not None and report.transcript.candidate_words == 0
    assert report.score == 0 and report.words == 0


@pytest.mark.parametrize("name", ["Me", "Bob", "Alice Smith"])
def test_one_short_reply_by_name_is_the_candidates(name: str) -> None:
    text = f"Interviewer: Design WhatsApp with web sockets and Cassandra.\n{name}: OK.\n"
    turns = parse_transcript(text)
    assert turns is not None
    assert [t.role for t in turns.turns] == ["interviewer", "candidate"]
    report = _grade(text)
    assert report.words == 1
    assert _credit(report, "websockets") == 0 and _credit(report, "message-store") == 0


def test_an_answer_below_a_quoted_question_is_graded_without_the_question() -> None:
    """`Interviewer:` and no other speaker: the interviewer's paragraph is the question, and
    what follows a blank line is the candidate's."""
    answer = (
        "Phones keep a web socket open to a chat server so it can push messages, because "
        "polling wastes battery."
    )
    text = f"Interviewer: Design WhatsApp. Use Cassandra for the messages.\n\n{answer}\n"
    report = _grade(text)
    assert report.transcript is not None
    assert report.words == len(answer.split())
    assert _credit(report, "websockets") == 1.0
    assert _credit(report, "message-store") == 0


def test_two_other_names_both_speak_for_the_candidate() -> None:
    text = "Interviewer: Design WhatsApp with web sockets and Cassandra.\nAlice: OK.\nBob: Fine.\n"
    turns = parse_transcript(text)
    assert turns is not None
    assert [t.role for t in turns.turns] == ["interviewer", "candidate", "candidate"]
    assert _grade(text).score == 0


def test_only_q_labels_still_make_no_transcript() -> None:
    assert parse_transcript("Q: Why web sockets?\nQ: Why Cassandra?\n") is None


@pytest.mark.parametrize(
    "reply",
    [
        "I would wait until I know more.",
        "Let me come back to that once we have the rest.",
    ],
)
def test_a_stray_explain_word_in_a_reply_about_nothing_earns_nothing(reply: str) -> None:
    """ "until" and "come back" explain offline delivery, but only in a reply about it."""
    text = f"Interviewer: What about offline users?\nCandidate: {reply}\n"
    assert _credit(_grade(text), "offline-delivery") == 0
