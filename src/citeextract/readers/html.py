"""HTML page -> main text and metadata, through trafilatura.

trafilatura drops what it recognises as boilerplate (navigation menus, "Tin liên quan"
lists of related links, footers with visit counters) and reads the title, canonical URL
and publication date from the page's markup. No hand-written regexes here.
"""
from __future__ import annotations

from typing import Any

from .record import DECODE_ERROR, NO_PARSER, RecordError


def html_main_text(page: str | bytes, url: str | None = None,
                   charset: str | None = None) -> tuple[str, dict[str, Any]]:
    """Return ``(text, {"url", "title", "date"})`` for one HTML page.

    ``charset`` (from an HTTP header) decodes bytes when given; otherwise trafilatura
    detects the encoding. The text is empty when the page has no main content.
    """
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml >= 5.2 without lxml_html_clean
        raise RecordError(NO_PARSER, f"HTML input is not available on this installation ({exc}); "
                                     "`citeextract doctor` shows what is missing") from None

    if isinstance(page, bytes) and charset:
        try:
            page = page.decode(charset)
        except LookupError:
            pass  # unknown charset name: let trafilatura guess
        except UnicodeDecodeError as exc:
            raise RecordError(DECODE_ERROR, f"invalid {charset} at byte {exc.start}") from None
    if not page:
        return "", {}
    result = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    if result is None:
        return "", {}
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    meta = {key: data.get(key) for key in ("url", "title", "date") if data.get(key)}
    return data.get("text") or "", meta
