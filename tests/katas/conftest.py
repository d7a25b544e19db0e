"""Kata fixtures and broken solutions are data for the runner, not tests of this project."""

collect_ignore_glob = ["fixtures/*", "broken/*"]
