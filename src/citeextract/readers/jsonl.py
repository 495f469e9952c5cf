"""JSON Lines, plain or gzip: one record per line, streamed line by line. The reader only
cuts lines; each line is parsed where it is extracted (``text.resolve``), so that with
several workers the JSON decoding runs on every core."""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from .discover import InputFile
from .record import JSON, READ_ERROR, TOO_LARGE, Record, failed

_CHUNK = 1 << 20


def open_maybe_gzip(path: str) -> tuple[BinaryIO, BinaryIO]:
    """(raw file, stream to read); the raw file's ``tell()`` gives on-disk progress."""
    raw = open(path, "rb")
    if raw.read(2) == b"\x1f\x8b":
        raw.seek(0)
        return raw, gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    raw.seek(0)
    return raw, raw


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """(line, length) per line; ``None`` instead of the line when it is longer than
    ``limit``, which is then skipped without being held in memory."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        n = len(line)
        while True:
            chunk = stream.readline(_CHUNK)
            n += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
        yield None, n


def read_jsonl(item: InputFile, text_field: str, id_field: str, max_bytes: int) -> Iterator[Record]:
    raw, stream = open_maybe_gzip(item.path)
    lineno = 0
    done = 0
    with raw:
        try:
            for line, length in _lines(stream, max_bytes + 1):
                lineno += 1
                pos = raw.tell()
                disk, done = pos - done, pos
                default_id = f"{item.id_base}:{lineno}"
                if line is None:
                    yield failed(default_id, item.path, lineno, TOO_LARGE,
                                 f"{length} bytes over the limit of {max_bytes}", disk, length)
                    continue
                if not line.strip():
                    continue  # blank lines are not records
                # parsed in the worker (``text.resolve``): this process only cuts lines
                yield Record(default_id, item.path, lineno, kind=JSON, payload=line, size=length,
                             disk_bytes=disk, fields=(text_field, id_field, max_bytes))
        except (OSError, EOFError, zlib.error) as exc:
            yield failed(f"{item.id_base}:{lineno + 1}", item.path, lineno + 1, READ_ERROR,
                         f"input broken after line {lineno}: {exc}")
