"""A record's text: a JSON Lines row parsed into its fields, an HTML page's main text, a
text file decoded. Runs in the worker that extracts the record."""
from __future__ import annotations

import json
from typing import Any

from .fields import build_record
from .html import html_main_text
from .record import (DECODE_ERROR, EMPTY_TEXT, HTML, JSON, MALFORMED_JSON, NO_TEXT, Record,
                     RecordError, decode_utf8, failed)


def resolve(record: Record) -> Record:
    """A JSON Lines row parsed into its text record (or a failed one); any other record as is."""
    if record.kind != JSON or record.error is not None:
        return record
    line = record.payload if isinstance(record.payload, bytes) else b""
    text_field, id_field, max_bytes = record.fields or ("text", "id", 5_000_000)
    bad = dict(disk_bytes=record.disk_bytes, size=len(line))
    try:
        obj = json.loads(line)
    except UnicodeDecodeError as exc:
        return failed(record.doc_id, record.source, record.position, DECODE_ERROR,
                      f"invalid UTF-8: {exc.reason}", **bad)
    except ValueError as exc:
        return failed(record.doc_id, record.source, record.position, MALFORMED_JSON, str(exc), **bad)
    if not isinstance(obj, dict):
        return failed(record.doc_id, record.source, record.position, MALFORMED_JSON,
                      f"a JSON {type(obj).__name__}, not an object", **bad)
    escaped_surrogate = b"\\ud" in line or b"\\uD" in line
    return build_record(obj, source=record.source, position=record.position, default_id=record.doc_id,
                        text_field=text_field, id_field=id_field, max_bytes=max_bytes,
                        disk_bytes=record.disk_bytes, size_bound=None if escaped_surrogate else len(line))


def record_text(record: Record) -> tuple[str, dict[str, Any]]:
    """The record's text and its metadata (url, title, date from HTML pages).

    Raises :class:`RecordError` when the record cannot give a non-empty text.
    """
    record = resolve(record)
    if record.error is not None:
        raise RecordError(*record.error)
    meta = dict(record.metadata)
    if record.kind == HTML:
        text, page_meta = html_main_text(record.payload or b"", url=meta.get("url"),
                                         charset=record.charset)
        for key, value in page_meta.items():
            if value and not meta.get(key):
                meta[key] = value
        if not text.strip():
            raise RecordError(NO_TEXT, "no main text found in the HTML page")
        return text, meta
    payload = record.payload
    text = decode_utf8(payload) if isinstance(payload, bytes) else (payload or "")
    if not text.strip():
        raise RecordError(EMPTY_TEXT, "the text is empty")
    return text, meta
