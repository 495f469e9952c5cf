"""Where partitions run: in this process (one job), a local process pool or a Dask cluster.

Each takes an iterator of tasks and yields results as partitions complete, keeping only
a few partitions in flight so that memory stays flat however large the corpus. ``mark``
is called with each result once all its table files are in place (before it is yielded).
"""
from __future__ import annotations

import sys
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait

from .worker import (PartitionResult, PartitionTask, extract_partition, get_extractor,
                     process_partition, write_partition_files)

Mark = Callable[[PartitionResult], None]
WRITES_WAITING = 2  # partitions extracted in this process that may wait for the writer thread


def _no_mark(result: PartitionResult) -> None:
    pass


def _context():  # -> multiprocessing.context.BaseContext
    import multiprocessing

    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["citeextract", "citeextract.batch.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


def run_local(tasks: Iterable[PartitionTask], jobs: int, extractor: str | None = None,
              mark: Mark = _no_mark) -> Iterator[PartitionResult]:
    """``jobs`` worker processes; with one job, partitions run in this process."""
    if jobs <= 1:
        yield from run_here(tasks, mark)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                             initializer=_warm, initargs=(extractor,)) as pool:
        pending: set[Future[PartitionResult]] = set()
        for task in tasks:
            pending.add(pool.submit(process_partition, task))
            if len(pending) >= 2 * jobs:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    mark(future.result())
                    yield future.result()
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                mark(future.result())
                yield future.result()


def run_here(tasks: Iterable[PartitionTask], mark: Mark = _no_mark) -> Iterator[PartitionResult]:
    """Partitions extracted in this thread, in order, while one writer thread turns the
    previous ones into table files and marks them done: pyarrow releases the GIL while it
    encodes, compresses and writes, and so does ``fsync``, so writing overlaps extraction.
    At most WRITES_WAITING extracted partitions wait for the writer; an error in writing
    is raised here, at the latest by the next partition's result."""

    def write(task: PartitionTask, tables, result: PartitionResult) -> PartitionResult:
        write_partition_files(task, tables, result)
        mark(result)
        return result

    waiting: deque[Future[PartitionResult]] = deque()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="citeextract-writer") as writer:
        try:
            for task in tasks:
                waiting.append(writer.submit(write, task, *extract_partition(task)))
                while waiting and (waiting[0].done() or len(waiting) > WRITES_WAITING):
                    yield waiting.popleft().result()
            while waiting:
                yield waiting.popleft().result()
        finally:  # stopped early (an error, Ctrl-C): finish the file being written, drop the rest
            for future in waiting:
                future.cancel()


def _warm(extractor: str | None) -> None:
    """Import the extractor before the first partition (timing, not correctness)."""
    if extractor:
        get_extractor(extractor)


def run_dask(tasks: Iterable[PartitionTask], jobs: int, scheduler: str | None = None,
             mark: Mark = _no_mark) -> Iterator[PartitionResult]:
    """Run on the Dask scheduler at ``scheduler``, or on a new local cluster of
    ``jobs`` single-threaded worker processes. Workers write the partition files
    themselves, so OUTDIR must be a path every worker can reach (a shared file
    system on a real cluster)."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        n_workers = max(len(client.scheduler_info().get("workers", {})), 1)
        in_flight = 2 * n_workers
        iterator = iter(tasks)
        queue = as_completed()
        for task in iterator:
            queue.add(client.submit(process_partition, task, pure=False,
                                    key=f"citeextract-partition-{task.pid}-{uuid.uuid4().hex}"))
            if queue.count() >= in_flight:
                break
        for future in queue:
            result = future.result()
            future.release()
            mark(result)
            yield result
            nxt = next(iterator, None)
            if nxt is not None:
                queue.add(client.submit(process_partition, nxt, pure=False,
                                        key=f"citeextract-partition-{nxt.pid}-{uuid.uuid4().hex}"))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
