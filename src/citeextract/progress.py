"""When to show a progress bar: on a terminal only — not in CI (``CI`` set), not when
standard error is redirected, not with ``--quiet``."""
from __future__ import annotations

import os
import sys


def bar_enabled(quiet: bool) -> bool:
    return not quiet and not os.environ.get("CI") and sys.stderr.isatty()
