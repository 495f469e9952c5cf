"""Picking the text, id and metadata fields out of a structured record (JSON, CSV,
Parquet), the same way for every structured reader."""
from __future__ import annotations

from typing import Any

from .record import DECODE_ERROR, MISSING_TEXT, TOO_LARGE, Record, RecordError, decode_utf8

META_FIELDS = ("url", "title", "date")
_MISSING = object()


def get_field(obj: dict[str, Any], name: str) -> Any:
    """``obj[name]``; a dotted name ("meta.url") walks nested objects when the flat key
    is absent."""
    if name in obj:
        return obj[name]
    value: Any = obj
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def build_record(obj: dict[str, Any], *, source: str, position: int, default_id: str,
                 text_field: str, id_field: str, max_bytes: int, disk_bytes: int,
                 size_bound: int | None = None) -> Record:
    """A :class:`Record` from one structured row; failures become failed records.

    ``size_bound``: the encoded size of the whole row when the reader knows it and the row
    can hold no lone surrogate (a JSON line without ``\\ud…`` escapes); it bounds the
    text's size, so the text need not be encoded again to measure it."""
    raw_id = get_field(obj, id_field)
    doc_id = default_id if raw_id is _MISSING or raw_id is None or raw_id == "" else str(raw_id)
    meta = {}
    for key in META_FIELDS:
        value = get_field(obj, key)
        if value is not _MISSING and value is not None:
            meta[key] = str(value)
    try:
        text = get_field(obj, text_field)
        if text is _MISSING or text is None:
            raise RecordError(MISSING_TEXT, f"no {text_field!r} field")
        if isinstance(text, bytes):
            if len(text) > max_bytes:
                raise RecordError(TOO_LARGE, f"{len(text)} bytes over the limit of {max_bytes}")
            text = decode_utf8(text)
        if not isinstance(text, str):
            raise RecordError(MISSING_TEXT, f"field {text_field!r} is {type(text).__name__}, not a string")
        n = min(size_bound, len(text) * 4) if size_bound is not None else _utf8_len(text)
        if n > max_bytes:
            raise RecordError(TOO_LARGE, f"{n} bytes over the limit of {max_bytes}")
    except RecordError as exc:
        rec = Record(doc_id, source, position, payload=None, metadata=meta,
                     disk_bytes=disk_bytes, error=(exc.reason, exc.message))
        return rec
    return Record(doc_id, source, position, payload=text, metadata=meta,
                  size=n, disk_bytes=disk_bytes)


def _utf8_len(text: str) -> int:
    """Encoded size; lone surrogates (bytes that were not UTF-8, kept by a
    "surrogateescape" decode, or escaped in JSON) are a decode error."""
    try:
        return len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise RecordError(DECODE_ERROR, f"invalid UTF-8 in the text at character {exc.start}") from None
