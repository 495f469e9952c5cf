"""One file, one record: ``.txt`` (UTF-8 text) and ``.html``/``.htm`` pages."""
from __future__ import annotations

import os
from collections.abc import Iterator

from .discover import InputFile
from .record import HTML, READ_ERROR, TEXT, TOO_LARGE, Record, failed


def read_file(item: InputFile, max_bytes: int) -> Iterator[Record]:
    size = os.path.getsize(item.path)
    if size > max_bytes:
        yield failed(item.id_base, item.path, 1, TOO_LARGE,
                     f"{size} bytes over the limit of {max_bytes}", disk_bytes=size, size=size)
        return
    try:
        with open(item.path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield failed(item.id_base, item.path, 1, READ_ERROR, str(exc), disk_bytes=size)
        return
    kind = HTML if item.kind == "html" else TEXT
    yield Record(item.id_base, item.path, 1, kind=kind, payload=data, size=size, disk_bytes=size)
