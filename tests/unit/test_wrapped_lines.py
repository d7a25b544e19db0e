"""A line break that hard wrapping put inside a paragraph or a list item reads as a space, as
Markdown reads it; lines that are line-shaped (list items, headings, table rows, quotes, code,
labels, a bare list of short lines) stay apart. A wrapped answer grades as the unwrapped one."""

from __future__ import annotations

import re
import textwrap
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.content.catalog import Catalog
from designcoach.content.models import Prompt, Rubric
from designcoach.grading.engine import grade_text, sentences
from designcoach.grading.report import Report
from designcoach.grading.text import unwrap
from designcoach.paths import bundled_content_root

CATALOG = Catalog([bundled_content_root()])
STRONG = [
    (p, s.file) for p in CATALOG.prompts() for s in p.samples if s.file.endswith("-strong.md")
]
# What `wrap` leaves alone: headings, list items, quotes, tables, code fences.
LINE_SHAPED = re.compile(r"[ \t]*(?:[#>|`~]|[-*+][ \t]|\d{1,3}[.)][ \t])")

REPRO = (
    "Each phone keeps a persistent web socket connection\n"
    "so the server can push messages instantly.\n"
)


@cache
def bundled(prompt_id: str) -> tuple[Prompt, Rubric]:
    prompt = CATALOG.prompt(prompt_id)
    return prompt, CATALOG.rubric_for(prompt)


def grade(prompt_id: str, text: str) -> Report:
    return grade_text(text, *bundled(prompt_id))


def credits(report: Report) -> dict[str, float]:
    return {i.id: i.credit for i in report.items}


def wrap(text: str, width: int, items: bool = False) -> str:
    """`text` with each paragraph line wrapped at `width` (and with `items`, each list item,
    its continuation indented under the item's text), as an editor's hard wrap does."""
    out = []
    for line in text.split("\n"):
        marker = re.match(r"(?:[-*+]|\d{1,3}[.)]) ", line)
        if line.strip() and not LINE_SHAPED.match(line):
            out.append(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False))
        elif items and marker:
            indent = " " * marker.end()
            out.append(
                textwrap.fill(
                    line,
                    width,
                    subsequent_indent=indent,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        else:
            out.append(line)
    return "\n".join(out)


def test_the_reason_on_the_next_line_is_linked_to_the_point() -> None:
    wrapped = grade("whatsapp", REPRO)
    one_line = grade("whatsapp", REPRO.replace("\n", " ", 1))
    assert credits(wrapped)["websockets"] == 1.0
    assert wrapped.score == one_line.score


def test_the_evidence_reads_with_a_space_where_the_line_broke() -> None:
    websockets = next(i for i in grade("whatsapp", REPRO).items if i.id == "websockets")
    assert websockets.evidence == [
        "Each phone keeps a persistent web socket connection so the server can push messages "
        "instantly."
    ]


def test_a_joined_sentence_keeps_its_span_in_the_answer() -> None:
    text = (
        "## Design\n\nWe keep a web socket per phone\nso the server pushes at once. Then\r\nmore.\n"
    )
    got = sentences(text)
    assert [s.text for s in got] == [
        "We keep a web socket per phone so the server pushes at once.",
        "Then  more.",  # "\r\n": both characters are spaces, the length stays
    ]
    for s in got:
        assert text[s.start : s.end].replace("\r", " ").replace("\n", " ") == s.text


@pytest.mark.parametrize("items", [False, True], ids=["paragraphs", "items-too"])
@pytest.mark.parametrize(("prompt", "file"), [pytest.param(p, f, id=f) for p, f in STRONG])
def test_a_strong_sample_wrapped_at_72_columns_scores_as_the_original(
    prompt: Prompt, file: str, items: bool
) -> None:
    path = CATALOG.sample_path(file)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    wrapped = wrap(text, 72, items)
    if items:  # some samples are all list items: wrapping paragraphs alone leaves them as they are
        assert wrapped.count("\n") > text.count("\n") + 3, "the sample has lines to wrap"
    rubric = CATALOG.rubric_for(prompt)
    original = grade_text(text, prompt, rubric).score
    assert abs(grade_text(wrapped, prompt, rubric).score - original) <= 1.0


@pytest.mark.parametrize("width", [60, 80])
def test_the_strong_whatsapp_answer_wrapped_items_and_all_scores_as_the_original(
    width: int,
) -> None:
    path = CATALOG.sample_path("whatsapp-strong.md")
    assert path is not None
    text = path.read_text(encoding="utf-8")
    original = grade("whatsapp", text)
    wrapped = grade("whatsapp", wrap(text, width, items=True))
    assert abs(wrapped.score - original.score) <= 1.0
    assert credits(wrapped) == credits(original)


@pytest.mark.parametrize(
    "bare",
    [
        "Requirements\nSend messages\nGroup chats\nRead receipts\nWeb sockets\nCassandra\nKafka\n",
        "requirements\nsend messages\ngroup chats\nread receipts\nweb sockets for push\nkafka\n",
    ],
)
def test_a_bare_list_of_short_lines_stays_a_list_and_earns_nothing(bare: str) -> None:
    assert unwrap(bare) == bare
    report = grade("whatsapp", bare)
    named = [i for i in report.items if i.evidence]
    assert named, "the lines name items"
    assert all(i.credit <= 0.5 for i in named)
    # joined into one line, the same words would earn credit: keeping the lines apart matters
    assert report.score < grade("whatsapp", " ".join(bare.split("\n"))).score


def test_a_list_of_terms_separated_by_commas_earns_nothing_when_wrapped() -> None:
    bare = "Web sockets, Kafka, Cassandra,\nRedis, S3, CDN,\nconsistent hashing, sharding\n"
    report = grade("whatsapp", bare)
    assert all(i.credit == 0.0 for i in report.items)


@pytest.mark.parametrize(
    "item",
    [
        "- Each phone keeps a persistent web socket connection\n  so the server can push.",
        "- Each phone keeps a persistent web socket connection\nso the server can push.",
        "1. Each phone keeps a persistent web socket connection\n   so the server can push.",
        "2) Each phone keeps a web socket connection\n   So the server can push.",
        "* Each phone keeps a web socket connection to a gateway,\nSo the server can push.",
    ],
)
def test_a_list_item_goes_on_to_its_wrapped_continuation(item: str) -> None:
    text = f"## Design\n\n{item}\n- Messages are stored in Cassandra.\n"
    report = grade("whatsapp", text)
    assert credits(report)["websockets"] == 1.0
    assert len(sentences(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "## Design\nthe servers push over web sockets",  # a heading
        "- Phones keep a web socket open\n- so the server can push",  # two items
        "1. Phones keep a web socket open to the server\n2. the server pushes messages",
        "| store | why and how it is partitioned |\n| cassandra | by chat id |",  # a table
        "> Phones keep a web socket open to the server\n> so the server can push messages",
        "Phones keep a web socket open to the chat server\n```\nsend(chat_id)\n```",
        "```\nphones = connect(web_socket_gateway, retry_forever=True)\nfor msg in phones\n```",
        "We chose these stores for the reasons that follow\nData model: Cassandra rows",
        "Phones keep a web socket open to the chat server\nCandidate: yes, that is the plan",
        "Phones keep a web socket open to the chat server\n[00:30] Interviewer: why that?",
        "Phones keep a web socket open to the chat server\n00:30 Candidate: because push",
        "Phones keep a web socket open to the server.\nthen it pushes",  # a full stop
        "Requirements:\nsend messages to one person or to a group",  # a colon ends it
        "Phones keep a web socket open\n\nso the server can push",  # a blank line
    ],
)
def test_line_shaped_text_keeps_its_line_breaks(text: str) -> None:
    assert unwrap(text) == text


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("We shard the message table by the chat\nid, hashed.", 1),  # lower case
        ("Each user sends about 40 messages a day, so\n20B messages a day.", 1),  # a figure
        ("Stores hold messages for the chat service in\nCassandra, partitioned.", 1),  # "in"
        ("Writes go to a replicated, partitioned store,\nCassandra for example.", 1),  # comma
        (
            "Replicas acknowledge each write at a tunable consistency level\nONE, QUORUM or ALL.",
            1,
        ),  # long
        ("A client calls `send` and the server stores it, and\n`ack` marks it.", 1),
        (
            "The chat server keeps every socket of a user\nand the presence of each of those users\nin Redis.",
            2,
        ),
        ("- Phones keep a web socket open to a gateway\n  Kafka carries the events.", 1),
    ],
)
def test_a_wrapped_line_break_is_a_space(text: str, joined: int) -> None:
    out = unwrap(text)
    assert len(out) == len(text)
    assert out.count("\n") == text.count("\n") - joined
    assert out.replace(" ", "") == text.replace(" ", "").replace("\n", "", joined)


def test_a_transcript_keeps_its_turns_and_joins_inside_a_candidate_turn() -> None:
    turns = [
        "Interviewer: How do phones get new messages?",
        "Candidate: Each phone keeps a persistent web socket connection\n"
        "so the server can push messages instantly.",
        "Interviewer: And when the phone is offline?",
        "Candidate: We store the message and deliver it when the phone\n"
        "reconnects, so nothing is lost.",
    ]
    wrapped = grade("whatsapp", "\n".join(turns) + "\n")
    one_line = grade("whatsapp", "\n".join(t.replace("\n", " ") for t in turns) + "\n")
    assert wrapped.transcript is not None
    assert credits(wrapped)["websockets"] == 1.0
    assert credits(wrapped) == credits(one_line)
    assert wrapped.score == one_line.score


PIECES = [
    "\n", "\n\n", "\r\n", "  \n", "\n  ", "\t", " ", "- ", "* ", "1. ", "2) ", "## ", "> ", "| ",
    "```", "~~~", "Q: ", "Candidate: ", "[00:30] ", ". ", ",", "the", "and ", "Kafka", "x" * 40,
    "we shard by chat id", "500M", "`send()`", "é", "日本",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_unwrap_only_turns_line_ends_into_spaces(text: str) -> None:
    out = unwrap(text)
    assert len(out) == len(text)
    changed = [(a, b) for a, b in zip(text, out, strict=True) if a != b]
    assert all(a in "\r\n" and b == " " for a, b in changed)
    # a line that starts a list item, heading, quote or table row still starts its line
    for m in re.finditer(r"\n(?=[ \t]*(?:[-*+>#|][ \t]|\d{1,3}[.)][ \t]))", text):
        assert out[m.start()] == "\n"
