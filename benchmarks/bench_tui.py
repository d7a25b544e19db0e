"""TUI figures (4, 5, 7): filled in once the TUI lands."""


def measure_startup(runs, env, cwd, figure):
    return None


def measure_keystrokes(runs, env, cwd, figure, quick=False):
    return None


def measure_memory(env, cwd, figure):
    return None
