"""Transcripts: only the candidate's words earn credit; stamps give time per phase."""

from __future__ import annotations

import re

from grading_fixtures import chat
from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.grading.document import report_document
from designcoach.grading.engine import grade_text
from designcoach.grading.render import render_plain
from designcoach.grading.transcript_phases import ordered_stamps, phase_seconds, unordered_stamps
from designcoach.grading.transcripts import Transcript, Turn, parse_transcript

STAMPED = """\
[00:00] Interviewer: Design a chat app. What are the requirements and the scope?
[00:20] Candidate: One-to-one and group chats, with read receipts shown as ticks because people want to know a message arrived. Presence and last seen are in scope too.
[04:30] Interviewer: Good. How much load is that? Give me an estimate.
[04:45] Candidate: 500M users x 40 messages/day = 20B messages per day, so about 230K per second.
[09:00] Interviewer: Let's move on to the high-level architecture.
[09:10] Candidate: Phones hold a web socket to a chat server behind a load balancer so the server can push at once. Offline users get messages from a queue when they return.
[20:00] Interviewer: What are the trade-offs? Let's wrap up.
[20:10] Candidate: Under heavy load we deprioritize read receipts because messages matter more.
[24:00] Interviewer: Thanks.
"""


def test_only_candidate_words_earn_credit() -> None:
    prompt, rubric = chat()
    text = (
        "Interviewer: Would you use a web socket so the server can push messages instantly?\n"
        "Candidate: I am not sure, I would think about the chat first.\n"
    )
    report = grade_text(text, prompt, rubric)
    push = next(i for i in report.items if i.id == "realtime-push")
    assert push.credit == 0.0
    assert report.transcript is not None
    assert report.transcript.candidate_words == 11
    assert report.transcript.phases is None  # no stamps, no timing
    plain = grade_text(text, prompt, rubric, transcript=False)
    assert next(i for i in plain.items if i.id == "realtime-push").credit == 1.0


def test_q_and_a_labels_and_bold_names_are_recognised() -> None:
    text = "**Q:** How do you push?\n**A:** Web sockets, so that the server pushes messages.\n"
    turns = parse_transcript(text)
    assert turns is not None
    assert [t.role for t in turns.turns] == ["interviewer", "candidate"]


def test_a_plain_answer_is_not_a_transcript() -> None:
    prompt, rubric = chat()
    assert parse_transcript("We use web sockets.\nA: is a letter.") is None
    assert grade_text("We use web sockets for chat messages.", prompt, rubric).transcript is None
    assert "transcript" not in grade_text("Chat messages.", prompt, rubric).to_dict()


def test_time_per_phase_follows_the_talk() -> None:
    prompt, rubric = chat()
    report = grade_text(STAMPED, prompt, rubric)
    assert report.transcript is not None and report.transcript.phases is not None
    spent = {p.phase: p.seconds for p in report.transcript.phases}
    budget = {p.phase: p.budget_seconds for p in report.transcript.phases}
    assert list(spent) == [p.id for p in prompt.phases]
    assert budget["requirements"] == 300
    assert 240 <= spent["requirements"] <= 300  # 00:00 to 04:30
    assert 240 <= spent["estimates"] <= 270  # 04:30 to 09:00
    assert spent["high-level"] >= 600  # 09:00 to 20:00
    assert spent["wrap-up"] >= 200
    assert sum(spent.values()) >= 24 * 60 - 5
    data = report.to_dict()["transcript"]
    assert data["phases"][0] == {
        "phase": "requirements",
        "seconds": spent["requirements"],
        "budget_seconds": 300,
        "title": "Requirements",
    }


def test_a_transcript_counts_the_candidates_words() -> None:
    prompt, rubric = chat()
    report = grade_text(STAMPED, prompt, rubric)
    assert report.transcript is not None
    assert report.words == report.transcript.candidate_words
    assert report.words < report.transcript.candidate_words + report.transcript.interviewer_words


DESIGN = (
    "Phones keep a web socket open to a chat server because polling wastes battery, and a "
    "queue holds messages for offline users until they return."
)


def test_a_misshapen_stamp_still_marks_the_turn() -> None:
    """An out-of-range stamp must not hide the label: the interviewer's words stay theirs."""
    prompt, rubric = chat()
    for stamp in ("[99:99]", "[05:99]", "[12]", "(-1:00)", "[9999:00]"):
        text = f"{stamp} Interviewer: {DESIGN}\n[44:00] Candidate: I agree.\n"
        report = grade_text(text, prompt, rubric)
        assert report.transcript is not None, stamp
        assert report.transcript.candidate_words == 2, stamp
        assert report.words == 2 and report.score == 0, stamp


def test_stamps_in_parentheses_time_the_turns() -> None:
    turns = parse_transcript("(00:05) Interviewer: hi\n(01:10) Candidate: hello there\n")
    assert turns is not None
    assert [(t.role, t.seconds) for t in turns.turns] == [("interviewer", 5), ("candidate", 70)]


def test_a_stamp_out_of_order_is_named_and_times_nothing() -> None:
    prompt, rubric = chat()
    typo = STAMPED.replace("[09:00] Interviewer", "[90:00] Interviewer")
    report = grade_text(typo, prompt, rubric)
    assert report.transcript is not None and report.transcript.phases is not None
    assert report.transcript.unordered_stamps == [90 * 60]
    spent = {p.phase: p.seconds for p in report.transcript.phases}
    # the interview still lasts 24 minutes, not 90: the typo times nothing
    assert 24 * 60 - 5 <= sum(spent.values()) <= 24 * 60 + 60
    assert spent["high-level"] >= 600
    assert report.to_dict()["transcript"]["unordered_stamps"] == [5400]
    shown = render_plain(report_document(report, prompt))
    assert "so not timed: [90:00]." in shown
    clean = grade_text(STAMPED, prompt, rubric)
    assert clean.transcript is not None and clean.transcript.unordered_stamps == []
    assert "unordered_stamps" not in clean.to_dict()["transcript"]


def _longest_forward_run(stamps: list[int]) -> int:
    """The reference: the longest run never going back, by the quadratic recurrence."""
    best = [1] * len(stamps)
    for j in range(len(stamps)):
        for i in range(j):
            if stamps[i] <= stamps[j]:
                best[j] = max(best[j], best[i] + 1)
    return max(best, default=0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 40)), max_size=30))
def test_the_kept_stamps_are_a_longest_run_that_never_goes_back(stamps: list[int | None]) -> None:
    transcript = Transcript([Turn("candidate", 0, 0, seconds) for seconds in stamps])
    kept = ordered_stamps(transcript)
    assert kept == sorted(kept), "in file order"
    assert all(stamps[i] is not None for i in kept)
    times = [stamps[i] for i in kept]
    assert times == sorted(times), "never going back"
    assert len(kept) == _longest_forward_run([s for s in stamps if s is not None])
    left_out = unordered_stamps(transcript)
    assert len(left_out) + len(kept) == sum(s is not None for s in stamps)


def test_an_answer_ending_with_q_and_a_lines_is_graded_as_an_answer() -> None:
    prompt, rubric = chat()
    answer = (DESIGN + " ") * 8  # 200 words of design before any label
    tail = "\n\nQ: Anything else you would add?\nA: Monitoring and alerts.\n"
    assert parse_transcript(answer + tail) is None
    plain, tailed = grade_text(answer, prompt, rubric), grade_text(answer + tail, prompt, rubric)
    assert tailed.transcript is None and tailed.score == plain.score > 0
    middle = answer + tail + answer
    assert parse_transcript(middle) is None


def test_a_transcript_may_open_with_a_title_and_a_note() -> None:
    note = "# Mock interview, 1 December\n\nWith Sam (interviewer) and Alex. " + "Notes " * 40
    turns = parse_transcript(note + "\n" + STAMPED)
    assert turns is not None and len(turns.turns) == 9
    # a longer opening still counts when it is a small share of a long transcript
    long = note + "word " * 30 + "\n" + STAMPED * 6
    assert parse_transcript(long) is not None
    assert parse_transcript(note + "word " * 30 + "\n" + STAMPED) is None


def _an_hour_later(text: str, brackets: str = "[]") -> str:
    """STAMPED with every [mm:ss] stamp moved an hour on and written h:mm:ss."""
    opening, closing = brackets
    return re.sub(r"\[(\d\d:\d\d)\]", lambda m: f"{opening}1:{m[1]}{closing}", text)


def test_h_mm_ss_stamps_mark_turns_and_time_the_phases() -> None:
    prompt, rubric = chat()
    clean = grade_text(STAMPED, prompt, rubric)
    assert clean.transcript is not None and clean.transcript.phases is not None
    for brackets in ("[]", "()"):
        text = _an_hour_later(STAMPED, brackets)
        assert f"{brackets[0]}1:04:30{brackets[1]} Interviewer:" in text
        turns = parse_transcript(text)
        assert turns is not None
        assert [t.seconds for t in turns.turns][:3] == [3600, 3620, 3600 + 270]
        report = grade_text(text, prompt, rubric)
        assert report.transcript is not None and report.transcript.phases is not None
        assert report.transcript.unordered_stamps == []
        # the same talk an hour later: the same credit and the same time per phase
        assert report.score == clean.score
        assert report.transcript.phases == clean.transcript.phases
        evidence = " ".join(e for item in report.items for e in item.evidence)
        assert "Candidate:" not in evidence and "1:0" not in evidence


def test_mm_ss_and_h_mm_ss_stamps_in_one_file_run_in_time_order() -> None:
    """[50:00] ... [59:30], then [1:00:00] ... : one clock, in order; a [75:00] past the hour
    still reads as 75 minutes."""
    prompt, rubric = chat()
    mixed = (
        STAMPED.replace("[00:00]", "[50:00]")
        .replace("[00:20]", "[50:20]")
        .replace("[04:30]", "[54:30]")
        .replace("[04:45]", "[54:45]")
        .replace("[09:00]", "[59:00]")
        .replace("[09:10]", "[59:10]")
        .replace("[20:00]", "[1:10:00]")
        .replace("[20:10]", "(1:10:10)")
        .replace("[24:00]", "[74:00]")
    )
    turns = parse_transcript(mixed)
    assert turns is not None
    seconds = [t.seconds for t in turns.turns]
    assert seconds == [3000, 3020, 3270, 3285, 3540, 3550, 4200, 4210, 4440]
    assert unordered_stamps(turns) == []
    report = grade_text(mixed, prompt, rubric)
    assert report.transcript is not None and report.transcript.phases is not None
    spent = {p.phase: p.seconds for p in report.transcript.phases}
    assert 24 * 60 - 5 <= sum(spent.values()) <= 24 * 60 + 60  # 50:00 to 1:14:00
    assert spent["high-level"] >= 11 * 60  # 59:00 to 1:10:00
    # a mistyped hour is out of order with the stamps around it, and times nothing
    typo = mixed.replace("[54:30]", "[0:04:30]")
    report = grade_text(typo, prompt, rubric)
    assert report.transcript is not None and report.transcript.phases is not None
    assert report.transcript.unordered_stamps == [270]
    spent = {p.phase: p.seconds for p in report.transcript.phases}
    assert 24 * 60 - 5 <= sum(spent.values()) <= 24 * 60 + 60


def test_an_h_mm_ss_stamp_with_minutes_past_59_is_misshapen() -> None:
    """[75:00] is 75 minutes, but [1:75:00] is no time at all; its turn still starts."""
    for stamp in ("[1:75:00]", "(1:60:00)", "[0:99:00]"):
        turns = parse_transcript(f"[1:00:00] Interviewer: hi\n{stamp} Candidate: web sockets\n")
        assert turns is not None, stamp
        assert [(t.role, t.seconds) for t in turns.turns] == [
            ("interviewer", 3600),
            ("candidate", None),
        ], stamp
    turns = parse_transcript("[60:00] Interviewer: hi\n[75:00] Candidate: web sockets\n")
    assert turns is not None and [t.seconds for t in turns.turns] == [3600, 4500]


def test_bare_stamps_mark_turns_and_time_the_phases() -> None:
    """`00:30 Candidate:`, `1:02:03 Interviewer:` and `Candidate 00:30:` work like `[00:30]`."""
    prompt, rubric = chat()
    clean = grade_text(STAMPED, prompt, rubric)
    assert clean.transcript is not None and clean.transcript.phases is not None
    before = re.sub(r"\[(\d\d:\d\d)\] ", r"\1 ", STAMPED)
    after = re.sub(r"\[(\d\d:\d\d)\] (\w+):", r"\2 \1:", STAMPED)
    hour = re.sub(r"\[(\d\d:\d\d)\] ", r"1:\1 ", STAMPED)
    assert before.startswith("00:00 Interviewer: Design")
    assert after.startswith("Interviewer 00:00: Design")
    assert "1:04:30 Interviewer: Good." in hour
    for text in (before, after, hour):
        turns = parse_transcript(text)
        assert turns is not None, text
        assert len(turns.turns) == 9
        offset = 3600 if text is hour else 0
        assert [t.seconds for t in turns.turns][:3] == [offset, offset + 20, offset + 270]
        report = grade_text(text, prompt, rubric)
        assert report.transcript is not None and report.transcript.phases is not None
        assert report.score == clean.score
        assert report.words == clean.words
        assert report.transcript.phases == clean.transcript.phases
        evidence = " ".join(e for item in report.items for e in item.evidence)
        assert "Candidate" not in evidence and "00:" not in evidence


def test_a_bare_stamp_is_read_whole() -> None:
    """`Interviewer 1:02:03: hi` is at 1:02:03, not a label at 1:02 saying "03: hi"; a line whose
    stamp has no colon after it is no label."""
    turns = parse_transcript("Interviewer 1:02:03: hi\nCandidate 1:02:10 : web sockets\n")
    assert turns is not None
    assert [(t.role, t.seconds, t.words) for t in turns.turns] == [
        ("interviewer", 3723, 1),
        ("candidate", 3730, 2),
    ]
    text = "Interviewer 1:02:03 hi\nCandidate 1:02:10 web sockets\n"
    assert parse_transcript(text) is None


def test_a_first_turn_with_a_bare_stamp_is_graded() -> None:
    prompt, rubric = chat()
    text = (
        "10:30 Candidate: Phones keep a web socket open so the server can push messages at once.\n"
        "11:00 Interviewer: Why not polling?\n"
        "11:10 Candidate: Polling wastes battery.\n"
    )
    report = grade_text(text, prompt, rubric)
    assert report.transcript is not None
    assert report.transcript.candidate_words == 17 == report.words
    assert report.transcript.interviewer_words == 3
    push = next(i for i in report.items if i.id == "realtime-push")
    assert push.credit > 0
    assert push.evidence and "10:30" not in push.evidence[0]


def test_a_misshapen_bare_stamp_still_marks_the_turn() -> None:
    prompt, rubric = chat()
    for stamp in ("99:99", "05:99", "9999:00", "1:75:00", "00:30.5"):
        for text in (
            f"{stamp} Interviewer: {DESIGN}\n44:00 Candidate: I agree.\n",
            f"Interviewer {stamp}: {DESIGN}\nCandidate 44:00: I agree.\n",
        ):
            turns = parse_transcript(text)
            assert turns is not None, text
            assert [t.seconds for t in turns.turns] == [None, 44 * 60], text
            report = grade_text(text, prompt, rubric)
            assert report.transcript is not None, text
            assert report.words == 2 and report.score == 0, text


# The design, all in the interviewer's questions; the candidate only agrees.
ASKED = (
    "Interviewer: Would you keep a web socket open from each phone so the server can push "
    "messages at once, because polling wastes battery? Would a queue hold messages for offline "
    "users until they return?\n"
    "Alice: Yes.\n"
    "Interviewer: And would you shard the messages by chat id so that one chat lives on one node?\n"
    "Alice: Sure.\n"
)


def test_a_candidate_labelled_by_name_is_the_candidate() -> None:
    prompt, rubric = chat()
    labelled = grade_text(ASKED.replace("Alice:", "Candidate:"), prompt, rubric)
    assert labelled.transcript is not None and labelled.score == 0
    assert grade_text(ASKED, prompt, rubric, transcript=False).score > 0
    for name in ("Alice", "Alice Smith", "Me", "Dan", "José"):
        for label in ("{}:", "**{}:**", "[00:30] {}:", "{} 00:30:", "00:30 {}:", "> {}："):
            text = ASKED.replace("Alice:", label.format(name))
            report = grade_text(text, prompt, rubric)
            assert report.transcript is not None, text
            assert report.transcript.candidate_words == 2 == report.words, text
            assert report.transcript.interviewer_words == labelled.transcript.interviewer_words
            assert report.score == 0, text
            assert "transcript" in report.to_dict()


def test_an_interviewer_labelled_by_name_is_the_interviewer() -> None:
    prompt, rubric = chat()
    text = ASKED.replace("Alice:", "Candidate:").replace("Interviewer:", "Sam Lee:")
    assert text.startswith("Sam Lee: Would you keep a web socket open")
    turns = parse_transcript(text)
    assert turns is not None
    assert [t.role for t in turns.turns] == ["interviewer", "candidate"] * 2
    report = grade_text(text, prompt, rubric)
    assert report.transcript is not None
    assert report.words == 2 and report.score == 0


def test_a_name_counts_only_when_it_is_the_one_other_speaker() -> None:
    """Only `Q:` beside the name: an answer, as before. A heading in capitals (`API:`) or in
    lower case (`Data model:`) is no name, and stays in the turn it is in; a name only above the
    first turn (`Date:`) belongs to the opening. Beside `Interviewer:`, one name answering once
    is the candidate, and two names both speak as the candidate (see below)."""
    assert parse_transcript(ASKED) is not None
    assert parse_transcript(ASKED.replace("Interviewer:", "Q:")) is None
    once = "Interviewer: Design a chat app.\nAlice: We use web sockets because they push.\n"
    turns = parse_transcript(once)
    assert turns is not None and [t.role for t in turns.turns] == ["interviewer", "candidate"]
    assert parse_transcript(once + "Interviewer: Thanks.\n") is not None
    for heading in ("API: POST /messages", "QPS: 230K", "Data model: messages by chat id"):
        text = ASKED.replace("Alice: Sure.", f"Alice: Sure.\n{heading}")
        turns = parse_transcript(text)
        assert turns is not None, heading
        assert turns.turns[-1].words == 1 + len(heading.split()), heading
    opening = "# Mock interview, 1 June\nDate: 1 June\nWith: Sam and Alice\n\n"
    turns = parse_transcript(opening + ASKED)
    assert turns is not None and len(turns.turns) == 4


def test_written_answers_with_headings_stay_answers() -> None:
    """A `Candidate: Jane Doe` line over a `Date:` line heads a written answer (the talk never
    goes back and forth); headings without an `Interviewer:` or `Candidate:` label are headings;
    and named turns, too, must start near the top."""
    prompt, rubric = chat()
    answer = (DESIGN + " ") * 8
    for text in (
        f"Candidate: Jane Doe\nDate: 1 June\n\n{answer}\n",
        f"Requirements: chat\nAPI: POST /messages\nNote: {answer}\nNote: the end\n",
        f"{answer}\n\n{ASKED}",
    ):
        assert parse_transcript(text) is None, text
        assert grade_text(text, prompt, rubric).transcript is None
    assert parse_transcript(f"Alice: Hi.\n{ASKED}") is not None  # the name may speak first


def test_a_short_closing_turn_after_the_last_stamp_takes_seconds() -> None:
    """Eight words in an hour: the transcript's own rate would give the closing "done" 7.5
    minutes. After the last stamp a word takes at most a second (60 words a minute)."""
    prompt, rubric = chat()
    sparse = (
        "[00:00] Interviewer: Design WhatsApp.\n"
        "[00:30] Candidate: Phones keep a web socket open.\n"
        "[1:00:00] Interviewer: done\n"
    )
    report = grade_text(sparse, prompt, rubric)
    assert report.transcript is not None and report.transcript.phases is not None
    assert sum(p.seconds for p in report.transcript.phases) == 3600 + 1
    # a real transcript talks faster than the floor, and keeps its own rate after the last stamp
    steady = "[00:00] Interviewer: Go on.\n[00:01] Candidate: " + "word " * 120 + "\n"
    steady += "[01:01] Interviewer: " + "thanks " * 10 + "\n"
    turns = parse_transcript(steady)
    assert turns is not None
    for turn in turns.turns:
        turn.phase = "requirements"
    spent = phase_seconds(turns, ["requirements"])
    assert spent["requirements"] == 61 + 10 * (61 / 122)  # 122 words in 61 s: half a second


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(0, 7200)),
            st.integers(0, 400),
            st.sampled_from(["requirements", "high-level", "wrap-up"]),
        ),
        max_size=20,
    )
)
def test_time_after_the_last_stamp_is_at_most_a_second_a_word(
    turns: list[tuple[int | None, int, str]],
) -> None:
    """The total runs from the first kept stamp to the last, plus at most the floor rate's time
    for the words from the last kept stamp on."""
    phases = ["requirements", "high-level", "wrap-up"]
    transcript = Transcript(
        [Turn("candidate", 0, 0, seconds, words, phase) for seconds, words, phase in turns]
    )
    total = sum(phase_seconds(transcript, phases).values())
    kept = ordered_stamps(transcript)
    if not kept:
        assert total == 0
        return
    stamps = [transcript.turns[i].seconds or 0 for i in kept]
    after = sum(t.words for t in transcript.turns[kept[-1] :])
    assert stamps[-1] - stamps[0] - 1e-6 <= total
    assert total <= stamps[-1] - stamps[0] + after * 1.0 + 1e-6  # 60 words a minute
