"""The date of a text itself, from what it says: the date ``check`` compares effect dates
with and the date on which a law named without a year is looked up.

In this order: the issue date of the text's subject (the document it is issued as or
announces), else the page's date (a crawled record's ``date`` field), else the latest full
date in its header (the first :data:`HEADER_CHARS` characters). None when it has none.
"""
from __future__ import annotations

import regex

from ..models import Document

HEADER_CHARS = 1500
_ISO_DAY = regex.compile(r"(\d{4})-(\d\d)-(\d\d)")
_DMY = regex.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def iso_day(value: object) -> str | None:
    """``2024-05-06``, ``2024-05-06T10:00:00+07:00`` or ``06/05/2024`` → ``2024-05-06``."""
    s = str(value or "").strip()
    m = _ISO_DAY.match(s)
    if m:
        y, mo, d = m.groups()
    else:
        m = _DMY.match(s)
        if not m:
            return None
        d, mo, y = m.groups()
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    return f"{y}-{int(mo):02d}-{int(d):02d}"


def text_date(doc: Document, page_date: object = None) -> tuple[str | None, str]:
    """``(ISO date, where it came from)``: ``subject``, ``page``, ``header`` or ``none``."""
    if doc.subject:
        for c in doc.citations:
            if c.key == doc.subject and c.issued and len(c.issued) == 10:
                return c.issued, "subject"
    page = iso_day(page_date if page_date is not None else (doc.metadata or {}).get("date"))
    if page:
        return page, "page"
    days = [d.value for d in doc.dates
            if d.start < HEADER_CHARS and d.value and d.precision == "day" and len(d.value) == 10]
    if days:
        return max(days), "header"
    return None, "none"
