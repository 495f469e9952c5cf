"""Readers: stream the records of crawled corpora (text and HTML files, JSON Lines,
CSV, Parquet, WARC) without loading a whole corpus into memory.

>>> from citeextract.readers import expand_inputs, iter_records, record_text
>>> for record in iter_records(expand_inputs(["crawl/"])):
...     text, meta = record_text(record)  # parses a JSON Lines row first (``resolve``)

May import: ``models`` and ``rules`` only (readers know nothing of extraction). Inside the
layer, ``record`` imports no other reader; ``text`` turns a record into text with ``fields``
and ``html``.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

from .discover import KINDS, InputError, InputFile, InputNotFound, expand_inputs, kind_of
from .files import read_file
from .html import html_main_text
from .jsonl import read_jsonl
from .record import Record, RecordError
from .text import record_text, resolve
from .tabular import MissingColumn, check_columns, read_csv, read_parquet
from .warc import read_warc

DEFAULT_MAX_BYTES = 5_000_000

__all__ = [
    "KINDS",
    "DEFAULT_MAX_BYTES",
    "InputError",
    "InputFile",
    "InputNotFound",
    "MissingColumn",
    "Record",
    "RecordError",
    "check_columns",
    "expand_inputs",
    "html_main_text",
    "iter_records",
    "kind_of",
    "record_text",
    "resolve",
]


def iter_records(files: Iterable[InputFile], text_field: str = "text", id_field: str = "id",
                 max_bytes: int = DEFAULT_MAX_BYTES,
                 skipped: Counter | None = None) -> Iterator[Record]:
    """Every record of every file, in order. Records that fail to read are yielded
    too (with ``error`` set) so that every input record is accounted for."""
    for item in files:
        if item.kind in ("txt", "html"):
            yield from read_file(item, max_bytes)
        elif item.kind == "jsonl":
            yield from read_jsonl(item, text_field, id_field, max_bytes)
        elif item.kind == "csv":
            yield from read_csv(item, text_field, id_field, max_bytes)
        elif item.kind == "parquet":
            yield from read_parquet(item, text_field, id_field, max_bytes)
        elif item.kind == "warc":
            yield from read_warc(item, max_bytes, skipped)
        else:  # pragma: no cover - expand_inputs only makes known kinds
            raise ValueError(f"no reader for {item.kind!r}")
