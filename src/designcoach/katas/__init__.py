"""katas."""
