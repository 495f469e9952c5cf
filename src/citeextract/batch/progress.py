"""The progress bar of ``batch``: documents/s, MB/s and ETA (shown where
:func:`citeextract.progress.bar_enabled` says; tqdm is imported only then)."""
from __future__ import annotations

import sys
import time
from typing import Any

from ..progress import bar_enabled

__all__ = ["Progress", "bar_enabled"]


class Progress:
    """Advances by input bytes (on disk) as partitions complete."""

    def __init__(self, total_bytes: int, done_bytes: int, done_docs: int, enabled: bool) -> None:
        self.start = time.perf_counter()
        self.docs = 0
        self.failed = 0
        self.resumed_docs = done_docs
        self.bar = None
        if enabled:
            from tqdm import tqdm

            tqdm.monitor_interval = 0  # no monitor thread in a process that forks workers
            self.bar = tqdm(total=total_bytes, initial=done_bytes, unit="B", unit_scale=True,
                            unit_divisor=1000, file=sys.stderr,
                            desc="citeextract batch", dynamic_ncols=True, smoothing=0.1)

    def update(self, result: Any) -> None:
        self.docs += result.records
        self.failed += result.failed
        if self.bar is None:
            return
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        self.bar.set_postfix_str(f"{self.docs + self.resumed_docs} docs, "
                                 f"{self.docs / elapsed:.1f} docs/s, {self.failed} failed",
                                 refresh=False)
        self.bar.update(result.disk_bytes)

    def close(self) -> None:
        if self.bar is None:
            return
        if self.bar.total and self.bar.n < self.bar.total:
            self.bar.update(self.bar.total - self.bar.n)  # trailer bytes of the inputs
        self.bar.close()
