"""The JSON Schema written for editors accepts real content and rejects what the models reject."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from designcoach.content.schema import SCHEMAS, schema_for, write_schemas
from designcoach.content.yamlio import load_yaml
from designcoach.paths import bundled_content_root

FIXTURE = Path(__file__).parents[1] / "fixtures" / "content-ok"


def validator(kind: str) -> jsonschema.Draft7Validator:
    schema = schema_for(kind)
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize(
    ("kind", "files"),
    [
        ("card", sorted((bundled_content_root() / "cards").glob("*.yaml"))),
        ("prompt", [FIXTURE / "prompts" / "kv-mini.yaml"]),
        ("rubric", [FIXTURE / "rubrics" / "kv-mini.yaml"]),
        ("card", [FIXTURE / "cards" / "kv-basics.yaml"]),
    ],
)
def test_schema_accepts_valid_files(kind: str, files: list[Path]) -> None:
    assert files
    check = validator(kind)
    for path in files:
        errors = [e.message for e in check.iter_errors(load_yaml(path).data)]
        assert errors == [], path


def test_schema_rejects_unknown_keys_wrong_types_and_missing_keys() -> None:
    check = validator("card")
    good = load_yaml(FIXTURE / "cards" / "kv-basics.yaml").data
    assert not list(check.iter_errors(good))
    assert list(check.iter_errors({**good, "tradeofs": []}))
    assert list(check.iter_errors({**good, "title": True}))
    assert list(check.iter_errors({k: v for k, v in good.items() if k != "idea"}))
    assert list(check.iter_errors({**good, "id": "Not A Slug"}))


def test_kata_schema_describes_the_kata_fields() -> None:
    schema = schema_for("kata")
    assert {"module", "hints", "concepts"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_write_schemas_writes_one_draft7_file_per_kind(tmp_path: Path) -> None:
    paths = write_schemas(tmp_path / "out")
    assert sorted(p.name for p in paths) == sorted(f"{k}.schema.json" for k in SCHEMAS)
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert "$defs" not in json.dumps(data)  # draft 7 editors resolve only #/definitions
