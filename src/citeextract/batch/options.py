"""The settings of one batch run."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..readers import DEFAULT_MAX_BYTES
from .worker import DEFAULT_EXTRACTOR

DEFAULT_PARTITION_SIZE = 100  # records
DEFAULT_PARTITION_MB = 2.0  # or fewer records, once their text reaches this size
DEFAULT_TIME_LIMIT = 60.0  # seconds per document


@dataclass
class BatchOptions:
    inputs: list[str]
    outdir: str
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    fmt: str = "parquet"
    text_field: str = "text"
    id_field: str = "id"
    input_format: str | None = None
    partition_size: int = DEFAULT_PARTITION_SIZE
    partition_mb: float = DEFAULT_PARTITION_MB
    max_bytes: int = DEFAULT_MAX_BYTES
    time_limit: float = DEFAULT_TIME_LIMIT
    limit: int | None = None
    resume: bool = False
    overwrite: bool = False
    engine: str = "local"
    scheduler: str | None = None
    quiet: bool = False
    extractor: str = DEFAULT_EXTRACTOR

    def partitioning(self) -> dict[str, object]:
        """What decides which record lands in which partition and how it is read:
        a resumed run must have the same."""
        return {
            "fmt": self.fmt,
            "text_field": self.text_field,
            "id_field": self.id_field,
            "input_format": self.input_format,
            "partition_size": self.partition_size,
            "partition_mb": self.partition_mb,
            "max_bytes": self.max_bytes,
            "limit": self.limit,
        }
