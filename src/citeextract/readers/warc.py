"""WARC / WARC.gz files (warcio): the HTML responses, one record each.

Other WARC records (requests, metadata, warcinfo, revisits), non-2xx responses and
non-HTML responses are not documents; they are counted in ``skipped`` by reason.
``position`` is the byte offset of the WARC record in the file (what ``warcio
extract`` takes).
"""
from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator

from .discover import InputFile
from .record import HTML, READ_ERROR, TOO_LARGE, Record, failed

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip().strip("\"'")
    return None


def read_warc(item: InputFile, max_bytes: int, skipped: Counter | None = None) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped = skipped if skipped is not None else Counter()
    offset = 0
    done = 0
    with open(item.path, "rb") as raw:
        try:
            records = ArchiveIterator(raw)
            for rec in records:
                if rec.rec_type != "response" or rec.http_headers is None:
                    skipped[f"warc_{rec.rec_type}"] += 1
                    continue
                status = rec.http_headers.get_statuscode() or ""
                ctype = rec.http_headers.get_header("Content-Type") or ""
                if not status.startswith("2"):
                    skipped["warc_status_not_2xx"] += 1
                    continue
                if ctype.split(";")[0].strip().lower() not in _HTML_TYPES:
                    skipped["warc_not_html"] += 1
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI") or ""
                meta = {"url": url, "fetched": rec.rec_headers.get_header("WARC-Date")}
                length = int(rec.rec_headers.get_header("Content-Length") or 0)
                # the body first: get_record_offset() reads the record to its end
                body = rec.content_stream().read() if length <= max_bytes else None
                offset = records.get_record_offset()
                doc_id = url or rec.rec_headers.get_header("WARC-Record-ID") or f"{item.id_base}:{offset}"
                pos = raw.tell()
                disk, done = max(pos - done, 0), max(pos, done)
                if body is None:
                    bad = failed(doc_id, item.path, offset, TOO_LARGE,
                                 f"{length} bytes over the limit of {max_bytes}", disk, length)
                    bad.metadata = meta
                    yield bad
                    continue
                yield Record(doc_id, item.path, offset, kind=HTML, payload=body, metadata=meta,
                             charset=_charset(ctype), size=len(body), disk_bytes=disk)
        except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
            yield failed(f"{item.id_base}:{offset}", item.path, offset, READ_ERROR,
                         f"WARC broken after offset {offset}: {exc}")
