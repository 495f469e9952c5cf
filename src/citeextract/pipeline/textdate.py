"""The date of a text itself, from what it says: the date ``check`` compares effect dates
with and the date on which a law named without a year is looked up.

In this order: the issue date of the text's subject (the document it is issued as or
announces), else the page's date (a crawled record's ``date`` field), else the latest full
date in its header (the first :data:`HEADER_CHARS` characters) that does not open or close a
period ("Từ 01/01/2025, …": the flag ``period``, set by :func:`mark_periods` at extraction).
None when it has none.
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

import regex

from ..models import DateMention, Document
from ..rules import Rules, words_rx

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
    try:
        date(int(y), int(mo), int(d))  # "31/02/2024" is no day
    except ValueError:
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
    days = [d.value for d in doc.dates if d.start < HEADER_CHARS and d.value and d.precision == "day"
            and len(d.value) == 10 and "period" not in d.flags]
    if days:
        return max(days), "header"
    return None, "none"


@lru_cache(maxsize=8)
def _period_word(rules: Rules) -> tuple[regex.Pattern, regex.Pattern]:
    """(a period word right before a position, a period word opening a date's text)."""
    words = words_rx([w for w, _ in rules.date_words.get("period_bound", {}).items()] or ["từ", "đến"])
    return (regex.compile(r"(?r)(?<![\p{L}])(?i:" + words + r")[\s*,]*(?:(?i:ngày)[\s*]*)?\Z"),
            regex.compile(r"(?i:" + words + r")(?![\p{L}])"))


def mark_periods(text: str, dates: list[DateMention], rules: Rules) -> None:
    """Flag ``period`` the header dates that open or close a period (cleaned-text offsets)."""
    rx, head = _period_word(rules)
    for d in dates:
        if d.start >= HEADER_CHARS:
            break
        # the word before the date, or taken into it ("Từ 01/01/2025")
        if d.value and "period" not in d.flags and (head.match(d.text) or rx.search(text, max(0, d.start - 16), d.start)):
            d.flags.append("period")
