"""CI's gate: the content that ships passes `designcoach content check` (errors; warnings are reported)."""

from __future__ import annotations

from designcoach.content.check import check_folder, format_problem
from designcoach.paths import bundled_content_root


def test_bundled_content_has_no_errors(monkeypatch) -> None:
    monkeypatch.delenv("DESIGNCOACH_CONTENT", raising=False)
    result = check_folder(None)
    assert result.roots == [bundled_content_root().resolve()]
    assert result.files > 0
    assert [format_problem(p) for p in result.errors] == []
