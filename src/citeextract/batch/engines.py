"""Where partitions run: a local process pool (default) or a Dask cluster.

Both take an iterator of tasks and yield results as partitions complete, keeping only
a few partitions in flight so that memory stays flat however large the corpus.
"""
from __future__ import annotations

import multiprocessing
import sys
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from .worker import PartitionResult, PartitionTask, get_extractor, process_partition


def _context() -> multiprocessing.context.BaseContext:
    if sys.platform != "win32" and "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["citeextract", "citeextract.batch.worker"])
        return ctx
    return multiprocessing.get_context("spawn")


def run_local(tasks: Iterable[PartitionTask], jobs: int,
              extractor: str | None = None) -> Iterator[PartitionResult]:
    """``jobs`` worker processes; with one job, partitions run in this process."""
    if jobs <= 1:
        for task in tasks:
            yield process_partition(task)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_context(),
                             initializer=_warm, initargs=(extractor,)) as pool:
        pending: set[Future[PartitionResult]] = set()
        for task in tasks:
            pending.add(pool.submit(process_partition, task))
            if len(pending) >= 2 * jobs:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()


def _warm(extractor: str | None) -> None:
    """Import the extractor before the first partition (timing, not correctness)."""
    if extractor:
        get_extractor(extractor)


def run_dask(tasks: Iterable[PartitionTask], jobs: int,
             scheduler: str | None = None) -> Iterator[PartitionResult]:
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
            yield result
            nxt = next(iterator, None)
            if nxt is not None:
                queue.add(client.submit(process_partition, nxt, pure=False,
                                        key=f"citeextract-partition-{nxt.pid}-{uuid.uuid4().hex}"))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
