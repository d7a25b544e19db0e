"""Files copied next to a kata's tests: they run in the test process, never in designcoach's."""
