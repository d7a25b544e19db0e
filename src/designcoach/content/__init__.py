"""Content: prompts, rubrics, concept cards and kata metadata, loaded from YAML and validated."""
