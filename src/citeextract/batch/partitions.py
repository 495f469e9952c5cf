"""Cut the record stream into numbered partitions, the same way on every run.

A partition closes at ``partition_size`` records or once its records reach
``partition_mb`` of text, whichever comes first; both depend only on the input, so a
resumed run makes exactly the partitions the first run made and can skip the
completed ones (their records are read again but not extracted).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..readers import Record
from .options import BatchOptions
from .worker import PartitionTask


def iter_partitions(records: Iterable[Record], options: BatchOptions,
                    done: set[int] = frozenset()) -> Iterator[PartitionTask]:  # type: ignore[assignment]
    max_bytes = int(options.partition_mb * 1_000_000)
    pid = 0
    seq = 0
    first = 0
    batch: list[Record] = []
    count = 0
    size = 0

    def task() -> PartitionTask:
        return PartitionTask(pid=pid, first_seq=first, records=batch, outdir=options.outdir,
                             fmt=options.fmt, time_limit=options.time_limit,
                             extractor=options.extractor)

    for record in records:
        if options.limit is not None and seq >= options.limit:
            break
        if pid not in done:  # a completed partition's records are only counted
            batch.append(record)
        count += 1
        size += record.size
        seq += 1
        if count >= options.partition_size or size >= max_bytes:
            if pid not in done:
                yield task()
            pid += 1
            first = seq
            batch = []
            count = 0
            size = 0
    if count and pid not in done:
        yield task()
