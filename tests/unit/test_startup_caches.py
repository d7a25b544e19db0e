"""The caches behind a quick cold `grade`: validated content and compiled regexes saved between
runs must give exactly what parsing and compiling afresh give, and go stale when they should."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from designcoach.content.cache import View
from designcoach.content.catalog import Catalog
from designcoach.grading import compiled_regex
from designcoach.grading.engine import grade_text
from designcoach.grading.prepared import prepare
from designcoach.paths import bundled_content_root

ROOT = bundled_content_root()
REPO = Path(__file__).resolve().parents[2]
PLAIN = Catalog([ROOT])


def _same(model: Any, view: Any, where: str) -> None:
    """Every field and property of the model reads the same from the view."""
    if isinstance(model, BaseModel):
        assert isinstance(view, View), where
        names = list(type(model).model_fields)
        names += [n for n, v in vars(type(model)).items() if isinstance(v, property)]
        for name in names:
            _same(getattr(model, name), getattr(view, name), f"{where}.{name}")
    elif isinstance(model, list):
        assert isinstance(view, list) and len(view) == len(model), where
        for i, (m, v) in enumerate(zip(model, view, strict=True)):
            _same(m, v, f"{where}[{i}]")
    else:
        assert type(view) is type(model) and view == model, where


def _cached_twice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path))
    Catalog([ROOT], cache=True).prompts()  # first run: parse, validate, save
    Catalog([ROOT], cache=True).cards()
    for pid in PLAIN.ids("rubrics"):
        Catalog([ROOT], cache=True).rubric(pid)
    return Catalog([ROOT], cache=True)  # second run: read back


def test_cached_content_reads_back_as_the_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    again = _cached_twice(tmp_path, monkeypatch)
    for pid in PLAIN.ids("prompts"):
        view = again.prompt(pid)
        assert isinstance(view, View)
        _same(PLAIN.prompt(pid), view, pid)
    for rid in PLAIN.ids("rubrics"):
        _same(PLAIN.rubric(rid), again.rubric(rid), rid)
    for cid in PLAIN.ids("cards"):
        _same(PLAIN.card(cid), again.card(cid), cid)


def test_cached_content_grades_exactly_like_parsed_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    again = _cached_twice(tmp_path, monkeypatch)
    answers = sorted((ROOT / "examples" / "answers").glob("*.md"))
    for prompt in PLAIN.prompts():
        view = again.prompt(prompt.id)
        for answer in answers[:: max(1, len(answers) // 6)]:
            text = answer.read_text(encoding="utf-8")
            fresh = grade_text(text, prompt, PLAIN.rubric_for(prompt))
            cached = grade_text(text, view, again.rubric_for(view))
            assert cached == fresh, (prompt.id, answer.name)


def test_a_changed_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESIGNCOACH_HOME", str(tmp_path / "home"))
    root = tmp_path / "content"
    (root / "cards").mkdir(parents=True)
    card = root / "cards" / "caching.yaml"
    text = (ROOT / "cards" / "caching.yaml").read_text(encoding="utf-8")
    card.write_text(text, encoding="utf-8")
    first = Catalog([root], cache=True).card("caching")
    assert isinstance(first, BaseModel)  # parsed, then saved
    assert isinstance(Catalog([root], cache=True).card("caching"), View)
    card.write_text(text.replace("title: ", "title: Changed ", 1), encoding="utf-8")
    os.utime(card, ns=(card.stat().st_atime_ns, card.stat().st_mtime_ns + 10**9))
    changed = Catalog([root], cache=True).card("caching")
    assert isinstance(changed, BaseModel)
    assert changed.title.startswith("Changed ")
    assert Catalog([root], cache=True).card("caching").title.startswith("Changed ")


def test_views_are_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = _cached_twice(tmp_path, monkeypatch).prompt("whatsapp")
    with pytest.raises(AttributeError):
        view.title = "x"
    with pytest.raises(AttributeError):
        _ = view.no_such_field


def _bundled_sources() -> list[str]:
    sources = set()
    for rid in PLAIN.ids("rubrics"):
        rubric = PLAIN.rubric(rid)
        patterns = list(rubric.topic)
        for item in rubric.items:
            patterns += item.detect + item.explain
        for mis in rubric.misconceptions:
            patterns += mis.detect
        sources.update(prepare(p)[0] for p in patterns)
    return sorted(sources)


def test_rebuilt_regexes_match_like_freshly_compiled_ones() -> None:
    """Every bundled pattern, rebuilt from its saved code, is the pattern re.compile makes."""
    texts = [
        p.read_text(encoding="utf-8").lower()
        for p in sorted((ROOT / "examples" / "answers").glob("*.md"))[:8]
    ]
    sources = _bundled_sources()
    assert len(sources) > 200
    compiled_regex._CODES.clear()  # each source now compiles afresh and records its code
    for source in sources:
        compiled_regex.compile_source(source)  # records its code
    saved = compiled_regex.dump()
    compiled_regex._CODES.clear()
    compiled_regex.load(saved)
    assert len(compiled_regex._CODES) == len(sources)
    for source in sources:
        fresh = re.compile(source)
        rebuilt = compiled_regex._rebuild(source, compiled_regex._CODES[source])
        assert rebuilt is not None
        assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups) == (
            fresh.pattern,
            fresh.flags,
            fresh.groups,
        )
        for text in texts:
            assert [m.span() for m in rebuilt.finditer(text)] == [
                m.span() for m in fresh.finditer(text)
            ], source


def test_damaged_saved_code_falls_back_to_compiling() -> None:
    source = r"\bweb ?sockets?\b"
    compiled_regex._CODES[source] = [0, [1, 2, 3], 0, {}]
    rx = compiled_regex.compile_source(source)
    assert rx.search("we use websockets here")
    compiled_regex.load({"engine": "another", "codes": {"x": [0, [], 0, {}]}})
    assert "x" not in compiled_regex._CODES


def test_warm_grade_imports_neither_pydantic_nor_yaml(tmp_path: Path) -> None:
    """The second `grade` of a run reads content and regexes from the caches."""
    answer = tmp_path / "a.md"
    answer.write_text((REPO / "benchmarks" / "answer-800.md").read_text(), encoding="utf-8")
    code = (
        "import sys\n"
        "from designcoach.cli import main\n"
        "try:\n"
        f"    main(['grade', {str(answer)!r}, '--prompt', 'whatsapp'])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "print(sorted(m for m in ('pydantic', 'yaml', 'rich') if m in sys.modules), "
        "file=sys.stderr)\n"
    )
    env = {"DESIGNCOACH_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout
    assert "Design WhatsApp" in runs[1].stdout
    assert runs[1].stderr.strip().splitlines()[-1] == "[]"
