"""`designcoach grade`: grade an answer file, stdin, or a folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from designcoach.cli.common import load_prompt, open_catalog
from designcoach.errors import UserError


def read_answer(path: str) -> str:
    """The answer's text, or a UserError for a missing, unreadable, binary or empty file."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise UserError(f"no such file: {path}")
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
        name = path
    if b"\x00" in data:
        raise UserError(f"{name} looks binary; give a text or Markdown answer")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{name} is not UTF-8 text; save it as UTF-8 and try again") from None
    if not text.strip():
        raise UserError(f"{name} is empty; write an answer first")
    return text


def run_grade(path: str, prompt_id: str, *, as_json: bool, csv_path: Path | None) -> None:
    catalog = open_catalog()
    prompt, rubric = load_prompt(catalog, prompt_id)
    if path != "-" and Path(path).is_dir():
        raise UserError("grading a folder is not built yet")
    text = read_answer(path)
    from designcoach.grading.engine import grade_text

    report = grade_text(text, prompt, rubric)
    if as_json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    print(f"{prompt.title}: {report.score:.1f} ({report.band})")
    for item in report.items:
        mark = {1.0: "+", 0.5: "~", 0.0: "-"}[item.credit]
        print(f" {mark} {item.title}")
