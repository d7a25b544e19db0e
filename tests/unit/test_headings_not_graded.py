"""A practice answer carries a heading above each phase ("## Estimates"): the headings title the
parts and are graded as nothing, neither as evidence nor as a fragment."""

from __future__ import annotations

from designcoach.content.catalog import Catalog
from designcoach.grading.engine import grade_text
from designcoach.history.session import compose_answer, plan_phases

CATALOG = Catalog()


def test_phase_headings_are_no_evidence() -> None:
    prompt = CATALOG.prompt("whatsapp")
    rubric = CATALOG.rubric_for(prompt)
    texts = {plan.id: "" for plan in plan_phases(prompt, None)}
    texts["estimates"] = "Phones keep a web socket open to a chat server so it can push at once."
    answer = compose_answer(plan_phases(prompt, None), texts)
    assert "## Estimates" in answer
    report = grade_text(answer, prompt, rubric)
    evidence = [e for item in report.items for e in item.evidence]
    assert evidence, "the sentence under the heading is still graded"
    assert not [e for e in evidence if e.strip() in {"Estimates", "## Estimates"}]
    throughput = next(i for i in report.items if i.id == "message-throughput")
    assert throughput.evidence == [] and throughput.why == "not mentioned"
