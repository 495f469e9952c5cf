"""What runs on a worker: one partition of records -> its table files + a summary.

The same function runs in a local process pool and on Dask workers. A per-document
time limit is enforced with ``setitimer`` where the task runs in a process's main
thread (the local pool); where it runs in a worker thread (Dask), signals are not
available, so a document that overran is marked failed once it returns.
"""
from __future__ import annotations

import importlib
import inspect
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..readers.record import EXTRACTION_ERROR, TIMEOUT, Record, RecordError
from ..readers.text import record_text, resolve
from .schema import PartitionTables
from .writers import write_partition

DEFAULT_EXTRACTOR = "citeextract:extract"
_extractors: dict[str, Callable[..., Any]] = {}


@dataclass
class PartitionTask:
    pid: int
    first_seq: int
    records: list[Record]
    outdir: str
    fmt: str = "parquet"
    time_limit: float = 0.0
    extractor: str = DEFAULT_EXTRACTOR


@dataclass
class PartitionResult:
    pid: int
    first_seq: int
    records: int = 0
    ok: int = 0
    failed: int = 0
    citations: int = 0
    named: int = 0
    dates: int = 0
    relations: int = 0
    unnumbered: int = 0
    chars: int = 0
    bytes: int = 0
    disk_bytes: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class DocumentTimeout(BaseException):
    """Raised by the alarm inside an over-long extraction. A BaseException so that a
    broad ``except Exception`` in the extractor cannot swallow it."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout()


_handler_depth = 0  # how many ``alarm_handler`` blocks are open: the handler is in place


@contextmanager
def alarm_handler(enabled: bool = True) -> Iterator[None]:
    """The time limit's SIGALRM handler, installed once for a run of documents (each
    :class:`Deadline` inside then only sets and clears the timer); nothing when not
    ``enabled`` (no time limit)."""
    global _handler_depth
    if not enabled or not _can_alarm():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _handler_depth += 1
    try:
        yield
    finally:
        _handler_depth -= 1
        signal.signal(signal.SIGALRM, previous)


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class Deadline:
    """``with Deadline(seconds): ...`` raises :class:`DocumentTimeout` when the block
    runs over (POSIX main thread); elsewhere :attr:`expired` tells afterwards."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = seconds > 0 and _can_alarm()
        self._start = 0.0
        self._previous: Any = None
        self._own_handler = False

    def __enter__(self) -> Deadline:
        self._start = time.perf_counter()
        if self.armed:
            self._own_handler = _handler_depth == 0
            if self._own_handler:
                self._previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            if self._own_handler:
                signal.signal(signal.SIGALRM, self._previous)

    @property
    def expired(self) -> bool:
        return self.seconds > 0 and time.perf_counter() - self._start > self.seconds


_takes_page_date: dict[Callable[..., Any], bool] = {}  # extractor -> whether it takes page_date


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    """Whether ``fn`` takes the keyword ``name`` (a custom extractor may not take ``page_date``)."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def get_extractor(path: str) -> Callable[..., Any]:
    """Import ``module:function`` once per process."""
    if path not in _extractors:
        module, _, name = path.partition(":")
        fn = _extractors[path] = getattr(importlib.import_module(module), name)
        _takes_page_date[fn] = _accepts(fn, "page_date")
        warm = getattr(sys.modules.get(getattr(fn, "__module__", "") or ""), "warm_up", None)
        if callable(warm):  # so that a time limit does not count the first document's compilations
            warm()
    return _extractors[path]


def _extract(extract: Callable[..., Any], text: str, doc_id: str, limit: float, page_date: Any = None) -> Any:
    deadline = Deadline(limit)
    # the page's date chooses the version of a law named without a year when the text has none
    kwargs = {"page_date": str(page_date)} if page_date and _takes_page_date.get(extract, True) else {}
    try:
        with deadline:
            doc = extract(text, doc_id=doc_id, **kwargs)
    except DocumentTimeout:
        raise RecordError(TIMEOUT, f"extraction took over {limit:g} s") from None
    if deadline.expired:
        raise RecordError(TIMEOUT, f"extraction took over {limit:g} s")
    return doc


def process_record(seq: int, record: Record, extract: Callable[..., Any],
                   time_limit: float, tables: PartitionTables) -> tuple[str | None, int]:
    """Add one record's rows to ``tables``; any failure becomes a failed row + error row.
    Returns the failure reason (None when the record was extracted) and the text's length."""
    meta = dict(record.metadata)
    try:
        text, meta = record_text(record)
        try:
            doc = _extract(extract, text, record.doc_id, time_limit, meta.get("date"))
        except RecordError:
            raise
        except Exception as exc:  # noqa: BLE001 - any extractor bug is one failed record
            raise RecordError(EXTRACTION_ERROR, f"{type(exc).__name__}: {exc}") from None
    except RecordError as exc:
        tables.add_failure(seq, record.doc_id, record.source, record.position,
                           exc.reason, exc.message, meta)
        return exc.reason, 0
    doc.doc = record.doc_id
    doc.metadata = {**meta, **(doc.metadata or {}), "source": record.source,
                    "position": record.position}
    tables.add_document(seq, doc, record.source, record.position, len(text))
    return None, len(text)


def extract_partition(task: PartitionTask) -> tuple[PartitionTables, PartitionResult]:
    """Extract every record of the partition into its tables; nothing is written yet
    (:func:`write_partition_files` does that)."""
    start = time.perf_counter()
    extract = get_extractor(task.extractor)
    tables = PartitionTables()
    result = PartitionResult(pid=task.pid, first_seq=task.first_seq)
    with alarm_handler(task.time_limit > 0):
        for i, record in enumerate(task.records):
            record = resolve(record)  # a JSON Lines row is parsed here, in the worker
            reason, n_chars = process_record(task.first_seq + i, record, extract, task.time_limit, tables)
            result.records += 1
            result.bytes += record.size
            result.disk_bytes += record.disk_bytes
            if reason is None:
                result.ok += 1
                result.chars += n_chars
            else:
                result.failed += 1
                result.reasons[reason] = result.reasons.get(reason, 0) + 1
    for name in ("citations", "named", "dates", "relations", "unnumbered"):
        setattr(result, name, tables.count(name))
    result.seconds = time.perf_counter() - start
    return tables, result


def write_partition_files(task: PartitionTask, tables: PartitionTables,
                          result: PartitionResult) -> PartitionResult:
    """Write the partition's table files; ``result.seconds`` then counts extracting and writing."""
    start = time.perf_counter()
    write_partition(task.outdir, task.pid, tables, task.fmt)
    result.seconds += time.perf_counter() - start
    result.peak_rss_mb = _peak_rss_mb()
    return result


def process_partition(task: PartitionTask) -> PartitionResult:
    """Extract every record of the partition and write its table files."""
    return write_partition_files(task, *extract_partition(task))


def _peak_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024
