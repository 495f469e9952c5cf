"""The pipeline layer: one text → one Document. One module per stage, run by :func:`extract`
in this order:

``clean`` (normalise, with an offset map back to the original) → ``citations`` (numbered
citations and short forms; canonical ``keys``; ``gate`` decides where exact patterns are
tried) → ``dates`` → ``named`` (laws cited by name) → ``context`` (issue dates, issuers, the
text's own number) → ``aliases`` ("(sau đây gọi tắt là …)") → ``pinpoints`` (the parts cited: "khoản 2 Điều 5") → ``relations`` (edges between documents: ``endpoints``, ``subject``) → ``scope`` (a repeal or
replacement of a part) → ``resolve`` (the version a law named without a year means, by the
text's date: ``textdate``) → offsets mapped back to the original text. ``spans`` looks mentions up by position.

May import: ``models`` and ``rules`` only. Must not import ``corpus``, ``output``,
``evaluation``, ``readers``, ``batch`` or ``cli``.
"""
from __future__ import annotations

from .aliases import apply_aliases, restore_years
from .citations import find_citations, find_short_forms
from .clean import CleanText, clean
from .context import attach_context
from .dates import find_dates
from ..models import Document
from .named import find_named
from .pinpoints import attach_pinpoints
from .relations import attach_relations
from .resolve import resolve_named
from .scope import mark_partial
from ..rules import rules as current_rules


def extract(text: str, doc_id: str | None = None, *, relations: bool = True,
            page_date: str | None = None) -> Document:
    """Extract every numbered citation, named law and date of ``text``, and (unless
    ``relations=False``, which is faster) the relations between documents and the subject.

    ``page_date`` (a crawled page's date) dates the text when its subject has no issue date,
    for choosing the version of a law named without a year.

    Offsets in the result index ``text`` itself: ``text[m.start:m.end] == m.text``.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    rules = current_rules()
    ct = clean(text)
    t = ct.text
    cits = find_citations(t, rules)
    cits = sorted(cits + find_short_forms(t, rules, cits), key=lambda c: c.start)
    spans = [(c.start, c.end) for c in cits]
    dates = find_dates(t, rules, spans)
    named = find_named(t, rules, dates, spans)
    attach_context(t, cits, dates, rules)
    apply_aliases(t, cits, rules)
    restore_years(cits)
    attach_pinpoints(t, cits, named, rules)
    doc = Document(doc=doc_id, citations=cits, named=named.named, dates=dates)
    if relations:
        attach_relations(doc, t, named, rules)
        mark_partial(doc, t, rules)
    resolve_named(doc, rules, named.numbered_titles, page_date)
    _to_original(doc, ct)
    return doc


# one sentence with every kind of mention: running it compiles the patterns that are built on
# first use, so the first real document is not charged for them (batch time limits)
_WARM_UP = ("Căn cứ Luật Tổ chức Chính phủ năm 2015; Căn cứ khoản 2 Điều 5 Nghị định số 61/2018/NĐ-CP "
            "ngày 23/4/2018 của Chính phủ; Thực hiện Kế hoạch số 311/KH-UBND, Chỉ thị 05-CT/TW; "
            "Quyết định này có hiệu lực kể từ ngày 01 tháng 7 năm 2026 và thay thế Quyết định 12/2020/QĐ-UBND.")


def warm_up() -> None:
    """Compile the patterns now rather than during the first text."""
    extract(_WARM_UP, "warm-up")


def _to_original(doc: Document, ct: CleanText) -> None:
    """Map every mention's cleaned offsets back to the original text."""
    if ct.identity:
        return
    span, original = ct.span, ct.original
    for ms in (doc.citations, doc.named, doc.dates, doc.unnumbered):
        for m in ms:
            m.start, m.end = span(m.start, m.end)
            m.text = original[m.start:m.end]
    for r in [*doc.relations, *(r for u in doc.unnumbered for r in u.relations)]:
        if r.start >= 0:
            r.start, r.end = span(r.start, r.end)
            r.evidence = original[r.start:r.end]
