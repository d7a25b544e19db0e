"""JSON Schema for the content files, made from the pydantic models, for editors to complete.

yaml-language-server (VS Code's YAML extension, Neovim's yamlls, Helix) reads a schema named on
the file's first line: `# yaml-language-server: $schema=../schema/prompt.schema.json` (a path
relative to the YAML file, an absolute path, or a URL). It supports JSON Schema draft 7, so the
schemas use draft 7's `definitions` rather than pydantic's `$defs`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from designcoach.content.models import Card, KataMeta, Prompt, Rubric

# kind -> (model, a glob of the files it describes, for editor settings)
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "prompt": (Prompt, "prompts/*.yaml"),
    "rubric": (Rubric, "rubrics/*.yaml"),
    "card": (Card, "cards/*.yaml"),
    "kata": (KataMeta, "katas/*/kata.yaml"),
}


def schema_for(kind: str) -> dict[str, Any]:
    """The draft-7 JSON Schema for one kind of content file."""
    model, files = SCHEMAS[kind]
    body = model.model_json_schema(ref_template="#/definitions/{model}")
    if "$defs" in body:
        body["definitions"] = body.pop("$defs")
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": f"designcoach {kind} ({files})",
        **{k: v for k, v in body.items() if k != "title"},
    }


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


def write_schemas(out: Path) -> list[Path]:
    """Write one `KIND.schema.json` per kind of content file into `out`; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        path = out / schema_file(kind)
        path.write_text(json.dumps(schema_for(kind), indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
