"""The unit every reader yields: one input record, not yet turned into text.

Readers stay cheap (they run in the one process that feeds the workers): they find the
record, its id and position, and keep the raw payload. Turning the payload into text
(UTF-8 decoding, HTML main-text extraction) happens in the worker, through
:func:`citeextract.readers.text.record_text`, so that it runs on every core. This module
imports no other reader: the readers import it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Reasons a record fails; the ``reason`` column of the errors table.
MALFORMED_JSON = "malformed_json"
MISSING_TEXT = "missing_text"
DECODE_ERROR = "decode_error"
EMPTY_TEXT = "empty_text"
NO_TEXT = "no_text"  # an HTML page with no main text
NO_PARSER = "no_parser"  # an HTML page, and the HTML parser does not import here
TOO_LARGE = "too_large"
TIMEOUT = "timeout"
EXTRACTION_ERROR = "extraction_error"
READ_ERROR = "read_error"  # the input itself broke (truncated gzip, bad WARC)

TEXT = "text"
HTML = "html"
JSON = "json"  # a JSON Lines row, parsed in the worker


class RecordError(Exception):
    """A record that cannot be processed; carries the errors-table reason."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


@dataclass
class Record:
    """One input record.

    ``position`` is the 1-based line number (JSON Lines), row number (CSV, Parquet),
    byte offset of the WARC record (WARC) or 1 (one file, one record).
    ``payload`` is ``str`` (already text), ``bytes`` (to decode) or ``None`` when the
    record failed in the reader, in which case ``error`` is ``(reason, message)``.
    ``disk_bytes`` is the share of the input file's on-disk size read for this record
    (progress and MB/s only). A JSON Lines row travels as its raw line (kind ``json``,
    ``fields`` = text field, id field, size limit) and :func:`resolve` parses it in the
    worker; until then ``doc_id`` is the row's default id and ``size`` the line's length.
    """

    doc_id: str
    source: str
    position: int
    kind: str = TEXT
    payload: str | bytes | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    charset: str | None = None
    size: int = 0
    disk_bytes: int = 0
    error: tuple[str, str] | None = None
    fields: tuple[str, str, int] | None = None


def failed(doc_id: str, source: str, position: int, reason: str, message: str,
           disk_bytes: int = 0, size: int = 0) -> Record:
    """A record the reader could not read; it still flows through to the tables."""
    return Record(doc_id, source, position, payload=None, size=size,
                  disk_bytes=disk_bytes, error=(reason, message))


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 (a BOM is dropped); raises :class:`RecordError` on bad bytes."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError(DECODE_ERROR, f"invalid UTF-8 at byte {exc.start}: {exc.reason}") from None
