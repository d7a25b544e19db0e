"""Grading: scores a written answer or transcript against a rubric. Pure Python, no UI."""
