"""CSV (plain or gzip) and Parquet: one record per row, streamed in batches."""
from __future__ import annotations

import csv
import io
import os
import sys
import zlib
from collections.abc import Iterator

from .discover import InputError, InputFile
from .fields import META_FIELDS, build_record
from .jsonl import open_maybe_gzip
from .record import READ_ERROR, Record, failed

_PARQUET_BATCH = 256


class MissingColumn(InputError):
    """The text column is not in the file's header (a usage error, found up front)."""


def csv_columns(item: InputFile) -> list[str]:
    raw, stream = open_maybe_gzip(item.path)
    with raw:
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")
        return next(csv.reader(text), [])


def parquet_columns(item: InputFile) -> list[str]:
    import pyarrow.parquet as pq

    return list(pq.ParquetFile(item.path).schema_arrow.names)


def check_columns(item: InputFile, text_field: str) -> None:
    """Raise :class:`MissingColumn` when a CSV/Parquet file has no text column."""
    columns = csv_columns(item) if item.kind == "csv" else parquet_columns(item)
    if text_field not in columns:
        raise MissingColumn(f"{item.path} has no column {text_field!r} "
                            f"(columns: {', '.join(columns) or 'none'}); use --text-field")


def read_csv(item: InputFile, text_field: str, id_field: str, max_bytes: int) -> Iterator[Record]:
    csv.field_size_limit(min(sys.maxsize, max(max_bytes * 2, 1 << 20)))
    raw, stream = open_maybe_gzip(item.path)
    row = 0
    done = 0
    with raw:
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="surrogateescape", newline="")
        try:
            for obj in csv.DictReader(text):
                row += 1
                pos = raw.tell()
                disk, done = max(pos - done, 0), max(pos, done)
                yield build_record(obj, source=item.path, position=row,
                                   default_id=f"{item.id_base}:{row}", text_field=text_field,
                                   id_field=id_field, max_bytes=max_bytes, disk_bytes=disk)
        except (OSError, EOFError, zlib.error, csv.Error) as exc:
            yield failed(f"{item.id_base}:{row + 1}", item.path, row + 1, READ_ERROR,
                         f"input broken after row {row}: {exc}")


def read_parquet(item: InputFile, text_field: str, id_field: str, max_bytes: int) -> Iterator[Record]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(item.path)
    names = set(pf.schema_arrow.names)
    wanted = [c for c in dict.fromkeys((text_field, id_field, *META_FIELDS)) if c in names]
    total_rows = max(pf.metadata.num_rows, 1)
    size = os.path.getsize(item.path)
    row = 0
    done = 0
    for batch in pf.iter_batches(batch_size=_PARQUET_BATCH, columns=wanted):
        for obj in batch.to_pylist():
            row += 1
            pos = size * row // total_rows
            disk, done = pos - done, pos
            yield build_record(obj, source=item.path, position=row,
                               default_id=f"{item.id_base}:{row}", text_field=text_field,
                               id_field=id_field, max_bytes=max_bytes, disk_bytes=disk)
