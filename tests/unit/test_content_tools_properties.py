"""Properties: the checker's regex verdict and the card search never crash, whatever the input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from designcoach.content.cards import close_ids, search_cards
from designcoach.content.catalog import Catalog
from designcoach.content.check_regex import regex_problem
from designcoach.paths import bundled_content_root

CARDS = Catalog([bundled_content_root()]).cards()
REGEX_TEXT = st.text(alphabet=st.sampled_from(list("ab\\()[]{}|?*+.^$-dws ")), max_size=12)


@settings(max_examples=300, deadline=None)
@given(REGEX_TEXT)
def test_regex_verdict_agrees_with_the_grader(pattern: str) -> None:
    problem = regex_problem(pattern)
    if problem is None:  # a pattern we pass must compile as the grader joins it, and not be empty
        compiled = re.compile(f"(?:{pattern})|(?:zzz)", re.IGNORECASE)
        assert compiled.search("") is None
    else:
        assert problem.startswith(f"regex {pattern!r} ")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_search_never_crashes_and_ranks_best_first(query: str) -> None:
    matches = search_cards(CARDS, query)
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(m.score > 0 for m in matches)
    assert set(close_ids(CARDS, query)) <= {c.id for c in CARDS}
