"""`designcoach grade` through Typer's CliRunner at a fixed width: output, JSON, folders, errors."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from designcoach.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "unit" / "grading_fixtures"
STRONG = (FIXTURES / "answers" / "strong.md").read_text(encoding="utf-8")


def run(args: list[str], tmp_path: Path, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """Run the real entry point (its one-line errors included) inside CliRunner's isolation."""
    env = {
        "DESIGNCOACH_HOME": str(tmp_path / "home"),
        "DESIGNCOACH_CONTENT": str(FIXTURES),
        "COLUMNS": "100",
    }
    with CliRunner().isolation(input=stdin, env=env) as (out, err, _):
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        sys.stdout.flush()
        sys.stderr.flush()
        return code, out.getvalue().decode(), err.getvalue().decode()


def answer(tmp_path: Path, text: str = STRONG, name: str = "a.md") -> str:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_rich_report_is_plain_text_when_piped(tmp_path: Path) -> None:
    code, out, err = run(["grade", answer(tmp_path), "--prompt", "chat"], tmp_path)
    assert code == 0, err
    assert "\x1b[" not in out
    assert "Design a chat app (test fixture):" in out
    assert "strong hire" in out
    assert "Categories" in out and "█" in out
    assert "What an interviewer would ask next" in out
    assert "500M daily users x 40 messages/day = 20B messages/day  checks out" in out  # estimates
    assert "Card:" not in out  # the fixture content has no cards; their absence is fine
    assert max(len(line) for line in out.splitlines()) <= 100
    assert not any(line.endswith(" ") for line in out.splitlines())


def test_report_shows_missing_items_with_hints_and_misconceptions(tmp_path: Path) -> None:
    text = "Clients poll the server for new messages every second, and each chat is stored."
    code, out, _ = run(["grade", answer(tmp_path, text), "--prompt", "chat"], tmp_path)
    assert code == 0
    assert "Missing" in out and "Hint:" in out and "Notes:" in out
    assert "Misconceptions" in out and "Correction:" in out
    assert "“Clients poll the server for new messages every second" in out


def test_json_follows_the_interface(tmp_path: Path) -> None:
    code, out, _ = run(["grade", answer(tmp_path), "--prompt", "chat", "--json"], tmp_path)
    assert code == 0
    data = json.loads(out)
    for key in ("prompt", "score", "band", "words", "items", "misconceptions", "followups",
                "categories", "estimates"):  # fmt: skip
        assert key in data
    assert "transcript" not in data
    assert set(data["items"][0]) >= {
        "id",
        "title",
        "category",
        "weight",
        "credit",
        "evidence",
        "hint",
        "note",
    }
    assert set(data["estimates"][0]) >= {"evidence", "stated", "computed", "ok"}


def test_stdin_and_level(tmp_path: Path) -> None:
    code, out, _ = run(["grade", "-", "--prompt", "chat", "--json"], tmp_path, stdin=STRONG)
    assert code == 0
    mid = json.loads(out)
    code, out, _ = run(
        ["grade", "-", "--prompt", "chat", "--json", "--level", "staff"], tmp_path, stdin=STRONG
    )
    staff = json.loads(out)
    assert staff["level"] == "staff" and mid["level"] == "mid"
    assert staff["score"] != mid["score"] or staff["band"] != mid["band"] or mid["score"] == 100


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: str(p / "missing.md"), "no such file"),
        (lambda p: answer(p, "", "empty.md"), "empty"),
        (lambda p: answer(p, "  \n\t\n", "blank.md"), "empty"),
        (lambda p: _bytes(p, b"\x89PNG\x00\x00binary", "pic.md"), "binary"),
        (lambda p: _bytes(p, "caf\u00e9".encode("latin-1"), "latin.md"), "UTF-8"),
        (lambda p: answer(p, "word " * 420_000, "book.md"), "is 2.0 MB; designcoach grades"),
    ],
)
def test_unusable_files_are_one_line_and_exit_2(tmp_path: Path, make, words: str) -> None:
    code, out, err = run(["grade", make(tmp_path), "--prompt", "chat"], tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and words in err
    assert "Traceback" not in err and out == ""


ASKER_ONLY = (
    "Interviewer: Design a chat app. Use web sockets so the server can push, and Cassandra.\n"
    "Interviewer: Think about offline users and read receipts.\n"
)


@pytest.mark.parametrize("as_json", [False, True])
def test_an_interviewer_only_transcript_is_one_line_and_exit_2(
    tmp_path: Path, as_json: bool
) -> None:
    """Nothing from the candidate is as empty as an empty file: no score of the interviewer's
    words, and no silent 0."""
    args = ["grade", answer(tmp_path, ASKER_ONLY, "asked.md"), "--prompt", "chat"]
    code, out, err = run(args + ["--json"] * as_json, tmp_path)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "only the interviewer's turns" in err
    code, out, err = run(["grade", "-", "--prompt", "chat"], tmp_path, stdin=ASKER_ONLY)
    assert code == 2 and "standard input has only the interviewer's turns" in err


def test_an_interviewer_only_transcript_in_a_folder_is_an_error_entry(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    answer(folder, STRONG, "alice.md")
    answer(folder, ASKER_ONLY, "asked.md")
    code, out, _ = run(["grade", str(folder), "--prompt", "chat", "--json"], tmp_path)
    assert code == 0
    data = json.loads(out)
    assert [Path(d["file"]).name for d in data] == ["alice.md", "asked.md"]
    assert set(data[1]) == {"file", "error"} and "only the interviewer's" in data[1]["error"]
    answer(folder, "", "alice.md")  # nothing left to grade: exit 2, as for empty files
    code, _, _ = run(["grade", str(folder), "--prompt", "chat", "--json"], tmp_path)
    assert code == 2


def _bytes(tmp_path: Path, data: bytes, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    path = _bytes(tmp_path, bom + STRONG.encode(codec), "notepad.txt")
    code, out, err = run(["grade", path, "--prompt", "chat", "--json"], tmp_path)
    assert code == 0, err
    _, want, _ = run(["grade", answer(tmp_path), "--prompt", "chat", "--json"], tmp_path)
    assert json.loads(out) == json.loads(want)


def test_broken_utf16_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = _bytes(tmp_path, b"\xff\xfe" + "a design".encode("utf-16-le")[:-1], "cut.txt")
    code, out, err = run(["grade", path, "--prompt", "chat"], tmp_path)
    assert code == 2 and "not valid UTF-16" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--prompt", "no-such-prompt"],
        ["--prompt", "chat", "--level", "intern"],
        ["--prompt", "chat", "--csv", "out.csv"],  # --csv is for folders
    ],
)
def test_bad_options_are_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    code, _, err = run(["grade", answer(tmp_path), *args], tmp_path)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("designcoach: error:")


def test_unknown_prompt_lists_the_known_ones(tmp_path: Path) -> None:
    _, _, err = run(["grade", answer(tmp_path), "--prompt", "nope"], tmp_path)
    assert "chat" in err and "whatsapp" in err


def test_a_prompt_id_in_capitals_is_the_lower_case_one(tmp_path: Path) -> None:
    code, out, err = run(["grade", answer(tmp_path), "--prompt", "Chat", "--json"], tmp_path)
    assert code == 0, err
    assert json.loads(out)["prompt"] == "chat"
    code, _, err = run(["grade", answer(tmp_path), "--prompt", "Nope"], tmp_path)
    assert code == 2 and "unknown prompt 'Nope'" in err


def test_stdin_empty_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run(["grade", "-", "--prompt", "chat"], tmp_path, stdin="")
    assert code == 2 and "standard input" in err


def test_an_answer_just_under_the_limit_is_graded_and_just_over_it_is_not(tmp_path: Path) -> None:
    from designcoach.grading.batch import MAX_ANSWER_BYTES

    base = STRONG + "\n\n"
    fits = base + "x" * (MAX_ANSWER_BYTES - len(base.encode()))
    code, out, err = run(["grade", "-", "--prompt", "chat", "--json"], tmp_path, stdin=fits)
    assert code == 0, err
    assert json.loads(out)["score"] > 0
    code, out, err = run(["grade", "-", "--prompt", "chat"], tmp_path, stdin=fits + "x")
    assert code == 2 and out == ""
    assert err.strip() == (
        "designcoach: error: standard input is 1.0 MB; designcoach grades answers and "
        "transcripts of up to 1 MB (a 45-minute interview is about 50 KB)"
    )


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cohort"
    answer(folder, STRONG, "alice.md")
    answer(folder, "We would use a database and some servers for the chat messages.", "sub/bob.txt")
    answer(folder, STRONG.replace("Cassandra", "a database"), "carol.MD")
    answer(folder, "ignored", ".hidden/dave.md")
    answer(folder, "ignored", "notes.pdf")
    _bytes(folder, b"\x00\x01\x02", "broken.txt")
    return folder


def test_folder_table_sorted_by_score_with_bad_file_reported(tmp_path: Path) -> None:
    code, out, err = run(["grade", str(_folder(tmp_path)), "--prompt", "chat"], tmp_path)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "Grades" and lines[1].split() == [
        "#",
        "file",
        "score",
        "band",
        "words",
        "misc.",
        "est.",
        "off",
        "problem",
    ]
    rows = [line.split() for line in lines[2:6]]
    assert [row[1] for row in rows] == ["alice.md", "carol.MD", "sub/bob.txt", "broken.txt"]
    scores = [float(row[2]) for row in rows[:3]]
    assert scores == sorted(scores, reverse=True)
    assert rows[3][2:4] == ["-", "error"] and "binary" in lines[5]
    # a file that is not an answer by its name is named, not graded; a hidden one is left alone
    assert lines[6].startswith("Not graded, as not .md, .markdown or .txt: notes.pdf.")
    assert "dave" not in out


def test_folder_json_and_csv(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    target = tmp_path / "grades.csv"
    code, out, _ = run(
        ["grade", str(folder), "--prompt", "chat", "--json", "--csv", str(target)], tmp_path
    )
    assert code == 0
    data = json.loads(out)
    assert [Path(d["file"]).name for d in data] == ["alice.md", "carol.MD", "bob.txt", "broken.txt"]
    assert data[0]["score"] >= data[1]["score"] >= data[2]["score"]
    assert "error" in data[3] and "score" not in data[3]
    with target.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [Path(r["file"]).name for r in rows] == [Path(d["file"]).name for d in data]
    assert float(rows[0]["score"]) == data[0]["score"]
    assert rows[3]["error"]


def test_csv_dash_prints_only_the_csv_on_stdout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["grade", str(folder), "--prompt", "chat", "--csv", "-"], tmp_path)
    assert code == 0, err
    assert not (tmp_path / "-").exists()
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][:3] == ["file", "score", "band"] and rows[0][-1] == "error"
    assert all(len(row) == len(rows[0]) for row in rows)
    graded = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    names = [Path(r["file"]).name for r in graded]
    assert names == ["alice.md", "carol.MD", "bob.txt", "broken.txt"]
    assert float(graded[0]["score"]) >= float(graded[1]["score"]) >= float(graded[2]["score"])
    assert "binary" in graded[3]["error"]
    # the table a person reads is on stderr, and nothing says where the CSV went
    assert "Grades" in err and "alice.md" in err
    assert "written to" not in out + err


def test_csv_dash_and_json_cannot_share_stdout(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    args = ["grade", str(folder), "--prompt", "chat", "--json", "--csv", "-"]
    code, out, err = run(args, tmp_path)
    assert code == 2 and out == ""
    assert "standard output" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("target", ["alice.md", "sub/bob.txt", "notes.pdf", "new-summary.md"])
def test_csv_never_writes_over_an_answer(tmp_path: Path, target: str) -> None:
    folder = _folder(tmp_path)
    path = folder / target
    before = path.read_bytes() if path.exists() else None
    code, out, err = run(["grade", str(folder), "--prompt", "chat", "--csv", str(path)], tmp_path)
    assert code == 2
    assert "not a .csv" in err and len(err.strip().splitlines()) == 1
    assert (path.read_bytes() if path.exists() else None) == before


def test_a_file_name_that_is_not_utf8_is_shown_not_a_traceback(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    odd = Path(os.fsdecode(bytes(folder) + b"/caf\xe9.md"))
    odd.write_text(STRONG, encoding="utf-8")
    target = tmp_path / "grades.csv"
    code, out, err = run(
        ["grade", str(folder), "--prompt", "chat", "--json", "--csv", str(target)], tmp_path
    )
    assert code == 0, err
    names = [Path(d["file"]).name for d in json.loads(out)]
    assert "caf\ufffd.md" in names
    with target.open(encoding="utf-8") as fh:
        assert "caf\ufffd.md" in {Path(r["file"]).name for r in csv.DictReader(fh)}


def _ungradable(tmp_path: Path) -> Path:
    folder = tmp_path / "cohort"
    answer(folder, "", "empty.md")
    _bytes(folder, b"\x00\x01\x02", "binary.md")
    _bytes(folder, b"caf\xe9 au lait", "latin1.txt")
    return folder


def test_folder_where_no_file_could_be_graded_is_exit_2(tmp_path: Path) -> None:
    folder = _ungradable(tmp_path)
    code, out, err = run(["grade", str(folder), "--prompt", "chat"], tmp_path)
    assert code == 2
    assert out.splitlines()[0] == "Grades" and out.count(" error ") == 3  # the table still says why
    assert err == (
        f"designcoach: error: none of the 3 file(s) under {folder} could be graded; "
        "fix what each one's error says and try again\n"
    )


def test_folder_json_where_no_file_could_be_graded_is_a_list_and_exit_2(tmp_path: Path) -> None:
    code, out, err = run(
        ["grade", str(_ungradable(tmp_path)), "--prompt", "chat", "--json"], tmp_path
    )
    assert code == 2 and err.count("\n") == 1 and "could be graded" in err
    data = json.loads(out)
    assert [sorted(entry) for entry in data] == [["error", "file"]] * 3
    assert {Path(entry["file"]).name for entry in data} == {"empty.md", "binary.md", "latin1.txt"}


def test_folder_with_one_gradable_file_is_exit_0(tmp_path: Path) -> None:
    folder = _ungradable(tmp_path)
    answer(folder, STRONG, "alice.md")
    code, out, err = run(["grade", str(folder), "--prompt", "chat"], tmp_path)
    assert code == 0 and err == ""
    assert out.splitlines()[2].split()[1] == "alice.md"


def test_empty_folder_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "nothing").mkdir()
    code, _, err = run(["grade", str(tmp_path / "nothing"), "--prompt", "chat"], tmp_path)
    assert code == 2 and "no .md, .markdown or .txt files" in err


def test_files_a_folder_does_not_grade_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    answer(folder, STRONG, "a.md")
    answer(folder, STRONG, "notes.markdown")
    answer(folder, STRONG, "essay.rst")
    (folder / "sub").mkdir()
    (folder / "sub" / "scan.bin").write_bytes(b"\x00\x01")
    (folder / ".DS_Store").write_bytes(b"\x00")
    code, out, err = run(["grade", str(folder), "--prompt", "chat"], tmp_path)
    assert code == 0, err
    assert "notes.markdown" in out and "a.md" in out
    assert "Not graded, as not .md, .markdown or .txt: essay.rst, sub/scan.bin." in " ".join(
        out.split()
    )
    assert ".DS_Store" not in out
    code, out, err = run(["grade", str(folder), "--prompt", "chat", "--json"], tmp_path)
    assert code == 0, err
    assert sorted(Path(g["file"]).name for g in json.loads(out)) == ["a.md", "notes.markdown"]


def test_large_folder_uses_a_process_pool_and_matches_serial(tmp_path: Path) -> None:
    from designcoach.grading.batch import POOL_THRESHOLD, answer_files, grade_files

    folder = tmp_path / "big"
    for n in range(POOL_THRESHOLD + 2):
        answer(folder, STRONG.split("## Deep dives")[0] * (1 + n % 3), f"a{n:02}.md")
    files = answer_files(folder)
    pooled = grade_files(files, "chat", roots=[FIXTURES], workers=2)
    serial = grade_files(files[:3], "chat", roots=[FIXTURES], workers=1)
    assert len(pooled) == len(files)
    assert [g.report.to_dict() for g in pooled[:3]] == [g.report.to_dict() for g in serial]  # type: ignore[union-attr]


def test_a_pipe_in_a_folder_is_reported_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "cohort"
    answer(folder, STRONG, "alice.md")
    os.mkfifo(folder / "stuck.md")  # read, it would wait for a writer for ever
    code, out, err = run(["grade", str(folder), "--prompt", "chat", "--json"], tmp_path)
    assert code == 0, err
    by_name = {Path(d["file"]).name: d for d in json.loads(out)}
    assert "score" in by_name["alice.md"]
    assert "pipe" in by_name["stuck.md"]["error"] and "score" not in by_name["stuck.md"]


def test_a_device_over_the_limit_is_said_to_hold_more_than_1_mb(tmp_path: Path) -> None:
    code, _, err = run(["grade", "/dev/zero", "--prompt", "chat"], tmp_path)
    assert code == 2
    assert "/dev/zero holds more than 1 MB" in err and "0.0 MB" not in err


def test_a_file_name_a_spreadsheet_would_run_is_written_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cohort"
    answer(folder, STRONG, "=HYPERLINK(x).md")
    answer(folder, STRONG, "alice.md")
    monkeypatch.chdir(folder)
    code, out, err = run(["grade", ".", "--prompt", "chat", "--csv", "-"], tmp_path)
    assert code == 0, err
    files = [row[0] for row in csv.reader(io.StringIO(out, newline=""))][1:]
    assert "'=HYPERLINK(x).md" in files and "alice.md" in files
