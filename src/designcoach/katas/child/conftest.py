"""pytest settings for a designcoach kata: the same verdict on every run and every machine.

designcoach copies this file beside the kata's tests, so plain `pytest` in a kata folder
behaves like `designcoach kata check`.
"""

from __future__ import annotations

import os
import tempfile

from hypothesis import HealthCheck, Phase, settings
from hypothesis.configuration import set_hypothesis_home_dir

# Hypothesis keeps caches (unicode tables, constants) in ./.hypothesis by default; keep them
# out of the user's folder. designcoach check points this at its own cache folder.
set_hypothesis_home_dir(
    os.environ.get("DESIGNCOACH_KATA_HYPOTHESIS_DIR")
    or os.path.join(tempfile.gettempdir(), "designcoach-hypothesis")
)

settings.register_profile(
    "designcoach-kata",
    # Same examples every run, so a verdict never flips between two checks of the same file.
    derandomize=True,
    # A slow machine must not turn a correct solution into a failure.
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    # No .hypothesis/ folder in the user's directories.
    database=None,
    print_blob=False,
    # The explain phase reruns failures many times and writes patch files under .hypothesis/.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
    max_examples=int(os.environ.get("DESIGNCOACH_KATA_EXAMPLES") or 100),
)
settings.load_profile("designcoach-kata")
