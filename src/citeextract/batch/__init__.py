"""Batch processing of crawled corpora: partitions of records extracted on every core
(or on a Dask cluster), written as Parquet/JSON Lines tables with a manifest, resumable.

>>> from citeextract.batch import BatchOptions, run_batch, iter_documents
>>> summary = run_batch(BatchOptions(inputs=["crawl.jsonl.gz"], outdir="out"))
>>> for doc in iter_documents("out"): ...

See docs/batch.md for the layout and the table schemas.

May import: ``models``, ``rules``, ``pipeline`` and ``readers``. Must not import ``cli``.
"""
from __future__ import annotations

from ..readers import InputError
from .loader import NotABatchOutput, iter_documents
from .manifest import ResumeMismatch
from .options import BatchOptions
from .runner import ENGINES, Summary, run_batch
from .schema import SCHEMAS, TABLES
from .writers import FORMATS, read_table

__all__ = [
    "ENGINES",
    "FORMATS",
    "SCHEMAS",
    "TABLES",
    "BatchOptions",
    "InputError",
    "NotABatchOutput",
    "ResumeMismatch",
    "Summary",
    "iter_documents",
    "read_table",
    "run_batch",
]
